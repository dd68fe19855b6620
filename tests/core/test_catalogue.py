"""The core's catalogue: one file per language, the same keys in both, every word used."""

import json
import pathlib
import re
import string

from crs import catalogue

WORDS = pathlib.Path(catalogue.__file__).parent / "words"


def flat(tree, prefix=""):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from flat(value, prefix + key + ".")
        else:
            yield prefix + key, value


def test_both_languages_hold_the_same_keys_and_no_empty_text():
    en = dict(flat(json.loads((WORDS / "en.json").read_text(encoding="utf-8"))))
    fr = dict(flat(json.loads((WORDS / "fr.json").read_text(encoding="utf-8"))))
    assert set(en) == set(fr)
    assert all(text.strip() for text in list(en.values()) + list(fr.values()))


def test_placeholders_agree_between_languages():
    en = dict(flat(catalogue.WORDS["en"]))
    fr = dict(flat(catalogue.WORDS["fr"]))
    # a value formatted per language may be passed under a _fr name (eligibility's amounts)
    names = lambda text: {re.sub(r"_fr$", "", f)
                          for f in {f for _, f, _, _ in string.Formatter().parse(text) if f}
                          | set(re.findall(r"%\((\w+)\)", text))}
    for key in en:
        assert names(en[key]) == names(fr[key]), key


def test_a_missing_translation_is_refused_at_load():
    try:
        catalogue._zip({"a": "x", "b": "y"}, {"a": "x"}, "group")
    except KeyError as exc:
        assert "group" in str(exc)
    else:
        raise AssertionError("a missing key was accepted")
