"""web/form.py under CPython: the form <-> profile mapping and the untrusted-input checks."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from web import form, strings

from .conftest import CASES, ROOT, load_case


def test_field_ids_map_to_profile_paths():
    assert form.field_id("first_language.listening") == "first_language-listening"
    assert form.field_path("spouse-language-writing") == "spouse.language.writing"
    assert len(set(form.FIELD_IDS)) == len(form.FIELD_IDS)


def test_empty_form():
    p = form.profile_from_fields({})
    assert p == {"canadian_education": "none", "certificate_of_qualification": False,
                 "provincial_nomination": False, "sibling_in_canada": False, "job_offer": None}


def test_numbers_as_typed():
    assert form.number("7") == 7 and form.number(" 6.5 ") == 6.5
    assert form.number("6,5") == 6.5                  # French decimal comma
    assert form.number("abc") == "abc" and form.number("1e400") == "1e400"
    assert form.number("9.") == 9.0


def test_hidden_questions_are_left_out():
    fields = {"marital_status": "never_married", "spouse-accompanying": "yes",
              "spouse-education": "masters", "age_by": "date_of_birth", "age": "30",
              "date_of_birth": "1990-01-02", "canadian_education": "secondary"}
    p = form.profile_from_fields(fields)
    assert "spouse" not in p and "age" not in p and p["date_of_birth"] == "1990-01-02"
    assert p["canadian_education"] == "none"


def test_spouse_citizen_skips_the_rest():
    p = form.profile_from_fields({"marital_status": "married",
                                  "spouse-canadian_citizen_or_pr": "yes",
                                  "spouse-education": "masters"})
    assert p["spouse"] == {"canadian_citizen_or_pr": True}


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_case_profiles_round_trip(path):
    """Every case profile the form can show comes back the same (defaults filled in)."""
    import crs
    profile = dict(load_case(path)["profile"])
    profile.pop("as_of", None)
    again = form.with_extras(form.profile_from_fields(form.fields_from_profile(profile)),
                             form.extras_of(profile))
    a = crs.score(profile, as_of="2026-11-23")
    b = crs.score(again, as_of="2026-11-23")
    if "errors" in a:
        return   # wrong values may be shown differently (e.g. a non-boolean in a yes/no)
    assert (a["total"], a["sections"]) == (b["total"], b["sections"])


def test_share_encoding_is_base64url_without_padding():
    doc = {"marital_status": "never_married", "note": "é" * 5}
    code = form.encode_share(doc)
    assert "=" not in code and "+" not in code and "/" not in code
    assert form.decode_share("#p=" + code) == doc


SAFE_TEXT = st.text(alphabet=st.characters(blacklist_characters="<>`",
                                           blacklist_categories=("Cc", "Cs")), max_size=30)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | SAFE_TEXT
    | st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    lambda children: st.dictionaries(SAFE_TEXT, children, max_size=5), max_leaves=15)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(SAFE_TEXT, JSONISH, max_size=8))
def test_share_round_trip_property(doc):
    depth = lambda v: 1 + max(map(depth, v.values()), default=0) if isinstance(v, dict) else 0
    if depth(doc) > form.MAX_DEPTH:
        with pytest.raises(form.Refused):
            form.decode_share(form.encode_share(doc))
    else:
        assert form.decode_share(form.encode_share(doc)) == doc


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_decode_never_crashes(text):
    try:
        doc = form.decode_share(text)
    except form.Refused as refused:
        assert refused.why in strings.S
    else:
        assert isinstance(doc, dict)


@pytest.mark.parametrize("text,why", [
    ('{"a": "<script type=\\"py\\">x</script>"}', "why_markup"),
    ('{"<b>": 1}', "why_markup"),
    ('{"a": "' + "x" * 300 + '"}', "why_long_text"),
    ('{"a": 1e999}', "why_number"),
    ('{"a": NaN}', "why_number"),
    ('{"a": 12345678901234567}', "why_number"),
    ('{"a":' * 10 + "1" + "}" * 10, "why_nesting"),
    ("[" * 100000, "why_too_large"),
    ("[1]", "why_not_object"),
    ("{", "why_json"),
])
def test_untrusted_refusals(text, why):
    with pytest.raises(form.Refused) as info:
        form.read_untrusted(text)
    assert info.value.why == why


def test_error_targets():
    present = {"age", "first_language", "first_language-listening", "marital_status"}
    assert form.error_target("first_language.listening", present) == "first_language-listening"
    assert form.error_target("first_language.test_date", present) == "first_language"
    assert form.error_target("date_of_birth", present) == "age"
    assert form.error_target("profile", present) == "marital_status"
    assert form.error_target("work_history.0.start", present) is None


def test_every_string_has_both_languages():
    for key, pair in strings.S.items():
        assert len(pair) == 2 and all(pair), key
        assert pair[0].count("{") == pair[1].count("{"), key


# {name} (str.format) or %(name)s / %s (the charts' %-formatting)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([a-z_]+\))?[sd]")


def _leaves(doc, where=""):
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _leaves(value, where + "/" + key)
    elif isinstance(doc, list):
        for n, value in enumerate(doc):
            yield from _leaves(value, "%s/%d" % (where, n))
    else:
        yield where, doc


@pytest.mark.parametrize("directory", [Path(strings.__file__).parent / "words",
                                       ROOT / "tools" / "build" / "words"])
def test_the_catalogue_files_hold_the_same_keys_and_placeholders(directory):
    """A translator edits words/fr.json alone: nothing may be missing, added or renamed."""
    en = dict(_leaves(json.loads((directory / "en.json").read_text(encoding="utf-8"))))
    fr = dict(_leaves(json.loads((directory / "fr.json").read_text(encoding="utf-8"))))
    assert set(en) == set(fr)
    for key in en:
        assert isinstance(en[key], str) and en[key].strip() and fr[key].strip(), key
        assert sorted(PLACEHOLDER.findall(en[key])) == sorted(PLACEHOLDER.findall(fr[key])), key


# Issue 12 (faults 1, 14, 23): the switch's carrier, outgoing checks, ambiguous amounts -------

def test_an_amount_with_a_dot_and_three_digits_is_not_guessed():
    for text in ("20.000", " $20.000 ", "1234.567", "20 000.000"):
        assert form.ambiguous_amount(text), text
        assert form.amount(text) == text.strip()          # passed on as typed: the core refuses it
    for text, value in (("20 000", 20000), ("20,000", 20000), ("$20000", 20000), ("20.00", 20.0),
                        ("20.5", 20.5), ("20,5", 20.5)):
        assert not form.ambiguous_amount(text) and form.amount(text) == value, text
    assert form.profile_from_fields({"settlement_funds": "20.000"})["settlement_funds"] == "20.000"


def test_outgoing_documents_are_refused_naming_the_answer():
    with pytest.raises(form.Refused) as refused:
        form.check_outgoing({"age": 29, "canadian_work_years": "1`"})
    assert (refused.value.why, refused.value.path) == ("why_markup", "canadian_work_years")
    with pytest.raises(form.Refused) as refused:
        form.check_outgoing({"first_language": {"test": "clb", "speaking": 10 ** 10}})
    assert (refused.value.why, refused.value.path) == ("why_number", "first_language.speaking")
    form.check_outgoing({"age": "abc", "marital_status": "never_married"})   # wrong, but loads back


def test_the_switch_carries_the_fields_as_typed_to_the_other_language_once():
    fields = {"age": "<b>29", "canadian_work_years": "x1", "not-a-field": "1"}
    text = form.encode_switch(fields, "2026-11-23", {"work_history": []}, {"age", "zzz"}, "fr", 1000)
    assert form.decode_switch(text, "fr", 2000) == (
        {"age": "<b>29", "canadian_work_years": "x1"}, "2026-11-23", {"work_history": []}, ["age"])
    assert form.decode_switch(text, "en", 2000) is None                   # meant for the other page
    assert form.decode_switch(text, "fr", 1000 + form.SWITCH_MAX_AGE_MS + 1) is None   # stale
    assert form.decode_switch("{", "fr", 2000) is None
    assert form.decode_switch('{"v": 1, "to": "fr", "at": 1000, "fields": {"age": 5}}', "fr", 2000) == (
        {}, None, {}, [])


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_the_sealed_switch_needs_both_halves(text):
    import os
    pad = os.urandom(len(text.encode("utf-8", "surrogatepass")))
    try:
        sealed, key = form.seal_switch(text, pad)
    except UnicodeEncodeError:
        return                                             # lone surrogates: not from a form field
    assert form.open_switch(sealed, key) == text
    assert form.open_switch(sealed, key + "A") is None
    assert form.open_switch("!!", key) is None


# The form declared once (web/questions.py) --------------------------------------------------

def test_the_css_disclosure_rules_are_the_declarations():
    """static/site.css is hand-written (one stylesheet, served as it is, styled before any
    script), so its :has() rules are checked here against the declaration, both ways."""
    from tools.build import pages
    css = (ROOT / "static" / "site.css").read_text()
    wanted = pages.disclosure_css().split(" }\n")
    for rule in wanted:
        assert rule in css, "static/site.css lacks (from web/questions.py, by pages.disclosure_css):\n" + rule
    written = [rule for rule in re.findall(r"^(?:\.crs-form:has|\.language:has|#cond-)[^{]*\{[^}]*\}$",
                                           css, re.M) if ".tef-only" not in rule]
    assert sorted(r.rstrip(" }") for r in written) == sorted(r.rstrip(" }") for r in wanted)


def test_the_enumerations_are_the_cores():
    from crs import clb, profile, tables
    from web import questions
    options = {q.id: [v for v, _ in q.options] for q in questions.QUESTIONS if q.kind == "select"}
    assert sorted(options["marital_status"]) == sorted(profile.MARITAL_STATUSES)
    assert options["education"] == options["spouse-education"] == list(tables.EDUCATION_LEVELS)
    assert options["canadian_education"] == [c for c in tables.CANADIAN_EDUCATION if c != "none"]
    assert options["job_offer"] == [j for j in profile.JOB_OFFERS if j]
    assert set(form.TESTS) == set(clb.TESTS) and form.ABILITIES == clb.ABILITIES
    # every word a question names is in the catalogue
    for q in questions.QUESTIONS:
        for key in [q.label, q.hint, q.empty] + [k for _, k in q.options if isinstance(k, str)]:
            assert key is None or key in strings.S, (q.id, key)


def test_the_spouse_eca_date_is_a_question():
    fields = dict(form.fields_from_profile({"marital_status": "married", "spouse": {
        "canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
        "eca_date": "2021-06-01"}}))
    assert fields["spouse-eca_date"] == "2021-06-01"
    p = form.profile_from_fields(fields)
    assert p["spouse"]["eca_date"] == "2021-06-01" and "spouse" not in form.extras_of(p)
    assert "eca_date" not in form.profile_from_fields(dict(fields, **{"spouse-eca_date": " "}))["spouse"]
    # hidden with the rest of the spouse's questions
    assert "spouse" not in form.profile_from_fields(dict(fields, marital_status="never_married"))
    assert form.error_target("spouse.eca_date", set(form.FIELD_IDS)) == "spouse-eca_date"
