"""The core's words: one catalogue file per language (words/en.json, words/fr.json), so a
translator reviews each language whole. Groups (errors, warnings, choices, ...) hold keys; the
modules read them as {key: (English, French)} through `pairs`, as they always have.

The two files must hold the same groups and keys (tests/core/test_catalogue.py); the page's
words are the page layer's own catalogue (py/web/words/*.json, read by web/strings.py).
"""

import json as _json
import os as _os

LANGS = ("en", "fr")
_DIR = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "words")


def _load(lang):
    path = _os.path.join(_DIR, lang + ".json")
    loader = globals().get("__loader__")
    if hasattr(loader, "get_data"):
        # Through the module's loader: in the page this package is inside py/app.zip
        # (zipimport), where open() cannot reach it.
        return _json.loads(loader.get_data(path).decode("utf-8"))
    with open(path, encoding="utf-8") as handle:
        return _json.load(handle)


WORDS = {lang: _load(lang) for lang in LANGS}


def _zip(en, fr, where):
    if isinstance(en, dict):
        if not isinstance(fr, dict) or set(en) != set(fr):
            raise KeyError("words/fr.json and words/en.json differ at %s" % where)
        return {key: _zip(en[key], fr[key], where + "." + key) for key in en}
    return (en, fr)


def pairs(group):
    """{key: (English, French)} (nested as the group is) for a group of the catalogue."""
    return _zip(WORDS["en"][group], WORDS["fr"][group], group)
