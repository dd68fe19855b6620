"""Properties over generated profiles (hypothesis)."""

import copy
import json

from hypothesis import example, given, settings, strategies as st

import crs
from crs import categories, couple, eligibility, planner, ranking, scenarios, timeline, whatif
from tests.core.strategies import (ABILITIES, any_as_of, as_of, full_profiles, hostile_profiles,
                                  is_error, json_values, profiles, scenario_lists)

settings.register_profile("ci", max_examples=300, deadline=None)
settings.load_profile("ci")


@given(profiles(), as_of)
def test_sections_within_maxima(doc, day):
    r = crs.score(doc, as_of=day)
    assert "errors" not in r, r
    s = r["sections"]
    assert 0 <= s["core"] <= (460 if r["accompanied"] else 500)
    assert 0 <= s["spouse"] <= 40
    assert 0 <= s["transferability"] <= 100
    assert 0 <= s["additional"] <= 600
    assert r["total"] == sum(s.values()) <= 1200
    for line in r["lines"]:
        assert 0 <= line["points"] <= line["max"], line
    if not r["accompanied"]:
        assert s["spouse"] == 0


@given(profiles(marital="married"), as_of, st.booleans())
def test_spouse_citizen_or_not_coming_scores_as_single(doc, day, citizen):
    if citizen:
        doc["spouse"]["canadian_citizen_or_pr"] = True
    else:
        doc["spouse"]["canadian_citizen_or_pr"] = False
        doc["spouse"]["accompanying"] = False
    single = dict(doc, marital_status="never_married")
    del single["spouse"]
    a, b = crs.score(doc, as_of=day), crs.score(single, as_of=day)
    assert a["total"] == b["total"] and a["sections"] == b["sections"]
    assert not a["accompanied"]


@given(profiles(), as_of, st.sampled_from(ABILITIES),
       st.sampled_from(("first_language", "second_language", "spouse")))
def test_higher_clb_never_lowers_the_score(doc, day, ability, which):
    holder = doc.get("spouse") if which == "spouse" else doc
    key = "language" if which == "spouse" else which
    if not holder or not holder.get(key):
        return
    result = holder[key]
    # Enter the same result as CLB/NCLC levels, then raise one ability by one level.
    before = crs.score(doc, as_of=day)
    levels = before["clb"]["spouse_language" if which == "spouse" else key]
    holder[key] = {"test": "clb" if levels["language"] == "en" else "nclc",
                   **{a: levels[a] for a in ABILITIES}}
    same = crs.score(doc, as_of=day)
    assert same["total"] == before["total"]
    if levels[ability] == 12:
        return
    holder[key] = dict(holder[key], **{ability: levels[ability] + 1})
    after = crs.score(doc, as_of=day)
    assert after["total"] >= before["total"], (result, ability)


@given(profiles(), as_of, st.integers(29, 79))
def test_age_points_never_rise_after_29(doc, day, age):
    older = dict(doc, age=age + 1)
    doc = dict(doc, age=age)
    a, b = crs.score(doc, as_of=day), crs.score(older, as_of=day)
    assert b["lines"][0]["points"] <= a["lines"][0]["points"]
    assert b["total"] <= a["total"]


@given(json_values)
def test_any_json_value_gives_errors_not_exceptions(value):
    r = crs.score(value, as_of="2026-11-23")
    assert "errors" in r and r["errors"]
    for e in r["errors"]:
        assert is_error(e), e


@given(profiles(), st.sampled_from(["marital_status", "spouse", "age", "education",
                                    "eca_date", "canadian_education", "first_language",
                                    "second_language", "canadian_work_years",
                                    "foreign_work_years", "certificate_of_qualification",
                                    "job_offer", "provincial_nomination", "sibling_in_canada",
                                    "as_of", "date_of_birth"]),
       json_values, st.sampled_from(["en", "fr"]))
def test_a_broken_field_never_raises(doc, field, garbage, lang):
    doc = copy.deepcopy(doc)
    doc[field] = garbage
    r = crs.score(doc, as_of="2026-11-23", lang=lang)   # must not raise
    assert ("errors" in r) != ("total" in r)


@given(profiles(), st.sampled_from(ABILITIES), json_values)
@example({"marital_status": "never_married", "age": 30, "education": "none",
          "first_language": {"test": "ielts_gt", "speaking": 7, "listening": 7, "reading": 7,
                             "writing": 7}}, "reading", float("inf"))
@example({"marital_status": "never_married", "age": 30, "education": "none",
          "first_language": {"test": "pte_core", "speaking": 70, "listening": 70,
                             "reading": 70, "writing": 70}}, "writing", 10**40)
def test_a_broken_score_never_raises(doc, ability, garbage):
    doc = copy.deepcopy(doc)
    doc["first_language"][ability] = garbage
    r = crs.score(doc, as_of="2026-11-23")
    assert ("errors" in r) != ("total" in r)


@given(st.text(max_size=200))
def test_any_text_gives_errors_or_a_score(text):
    r = crs.score(text)
    assert ("errors" in r) != ("total" in r)


# --- Never raise, at every entry point -------------------------------------------------------

def _api_results(doc, day, lang):
    if isinstance(day, __import__("datetime").date):
        text_day = day.isoformat()     # score_json's as_of arrives as text from the page
    else:
        text_day = day
    """Each public function that reads a profile, called on `doc` (none may raise)."""
    yield crs.score(doc, as_of=day, lang=lang)
    yield json.loads(crs.score_json(json.dumps(doc), as_of=text_day, lang=lang))
    errors = crs.validate(doc, as_of=day, lang=lang)
    assert isinstance(errors, list)
    yield eligibility.eligibility(doc, as_of=day, lang=lang)
    yield categories.categories(doc, as_of=day, lang=lang)
    yield timeline.timeline(doc, as_of=day, lang=lang)
    yield whatif.what_ifs(doc, as_of=day, lang=lang)
    yield couple.couple(doc, as_of=day, lang=lang)
    yield planner.plan(doc, as_of=day, lang=lang)
    yield scenarios.compare(doc, as_of=day, lang=lang)
    if isinstance(doc, dict):
        doc = dict({"submitted_at": "2026-01-15T10:31:00Z"}, **doc, id="x")
    r = ranking.rank([doc], invite=1, as_of=day, lang=lang)
    assert "errors" in r or r["pool"] + len(r["invalid"]) == 1
    yield r


def _check_api(doc, day, lang="en"):
    for r in _api_results(doc, day, lang):
        assert isinstance(r, dict)
        json.dumps(r)
        for e in r.get("errors", ()):
            assert is_error(e), e


# Each example runs every entry point (the timeline and what-ifs score many times): fewer
# examples than the single-function properties above.
@settings(max_examples=120)
@given(hostile_profiles(), as_of, st.sampled_from(["en", "fr"]))
def test_hostile_numbers_never_raise_at_any_entry_point(doc, day, lang):
    r = crs.score(doc, as_of=day, lang=lang)
    assert ("errors" in r) != ("total" in r)
    _check_api(doc, day, lang)


@settings(max_examples=60)
@given(full_profiles(), as_of)
def test_valid_full_profiles_never_raise_at_any_entry_point(doc, day):
    _check_api(doc, day)


@settings(max_examples=120)
@given(full_profiles(), any_as_of, st.sampled_from(["en", "fr"]))
def test_any_as_of_never_raises_at_any_entry_point(doc, day, lang):
    r = crs.score(doc, as_of=day, lang=lang)
    assert ("errors" in r) != ("total" in r)
    if "total" in r:
        assert "1900-01-01" <= r["as_of"] <= "2100-12-31"
    _check_api(doc, day, lang)


@settings(max_examples=80)
@given(full_profiles(), scenario_lists, any_as_of, st.sampled_from(["en", "fr"]))
def test_scenarios_never_raise_in_a_document_or_apart(doc, given, day, lang):
    """Scenarios in the document (checked, never scored) at every entry point, and the same
    list given apart from the answers (as the page keeps it) to crs.scenarios.columns."""
    plain = crs.score(doc, as_of=day, lang=lang)
    with_them = dict(doc, scenarios=given)
    r = crs.score(with_them, as_of=day, lang=lang)
    if "total" in r:
        assert r["total"] == plain["total"]
    _check_api(with_them, day, lang)
    reading, errors = crs.read(doc, as_of=day, lang=lang)
    if reading is not None:
        out = scenarios.columns(reading, given)
        json.dumps(out)
        for column in out.get("columns", ()):
            assert (column["score"] is None) != ("errors" not in column and "message" not in
                                                  column), column
            for e in column.get("errors", ()):
                assert is_error(e), e


# The command line: each subcommand's main(argv) on a temporary file must exit 0 or 2 with
# valid JSON on standard output, whatever the file holds.
cli_dates = st.one_of(st.none(), as_of, st.sampled_from(["0001-01-01", "9999-12-31", "20260601",
                                                         "2026-W23-1", "", "\u00e9t\u00e9"]))


@settings(max_examples=60)
@given(st.lists(st.one_of(hostile_profiles(), full_profiles(), json_values), max_size=4),
       st.booleans(), cli_dates, st.sampled_from(["score", "eligibility", "rank"]),
       st.sampled_from(["en", "fr"]))
def test_every_command_exits_0_or_2_with_json(docs, one, day, command, lang):
    import contextlib
    import io
    import os
    import tempfile
    from crs.cli import main
    if command == "rank":
        docs = [dict({"submitted_at": "2026-01-15T10:31:00Z"}, **d) if isinstance(d, dict)
                else d for d in docs]
    value = docs[0] if one and docs else docs
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in.json")
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as handle:
            handle.write(json.dumps(value))
        argv = [command, path, "--lang", lang] + (["--date", day] if day is not None else [])
        if command == "rank":
            argv += ["--invite", "2", "--workers", "1"]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(argv)
    assert code in (0, 2)
    result = json.loads(out.getvalue())
    assert isinstance(result, (dict, list))
