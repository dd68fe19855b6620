"""Scenarios next to the current answers (crs.scenarios; docs/profile-format-extensions.md,
"Scenarios"): the document's checks, the columns, and totals computed by hand from
shared/reference/crs-rules.md §1 or taken from hand-computed case files (tests/cases,
tests/categories), never from the code under test."""

import json
import pathlib

import pytest

import crs
from crs import profile, scenarios, whatif

TESTS = pathlib.Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"


def case(path):
    return json.loads((TESTS / path).read_text(encoding="utf-8"))


E1 = case("cases/worked/e1-single-29-bachelors.json")          # 429 on AS_OF
AGE_44 = case("cases/worked/boundary-age-44-single.json")      # 275
AGE_45 = case("cases/worked/boundary-age-45-single.json")      # 269

# A couple, by hand (crs-rules.md §1, with-spouse column; rule set 2025-03-25):
# as filed: age 33 -> 80, bachelor's 112, CLB 9 x4 -> 4 x 29 = 116, 1 year in Canada 35:
#   A = 343; B: spouse master's 10, CLB 10 x4 -> 4 x 5 = 20, 3 years in Canada 8: B = 38;
#   C1 bachelor's (Edu-1) x CLB 9+ = 25, C2 Edu-1 x 1 year = 13 -> 38; no foreign work, no
#   certificate: C = 38; D = 0. Total 419.
# swapped (the spouse as principal): age 29 -> 100, master's 126, CLB 10 x4 -> 4 x 32 = 128,
#   3 years in Canada 56: A = 410; B: bachelor's 8, CLB 9 x4 -> 4 x 5 = 20, 1 year 5: B = 33;
#   C1 master's (Edu-2) x CLB 9+ = 50, C2 Edu-2 x 2+ years = 50 -> min(50, 100) = 50: C = 50;
#   D = 0. Total 493.
COUPLE = {
    "marital_status": "married", "age": 33, "education": "bachelors",
    "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9, "writing": 9},
    "canadian_work_years": 1,
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "age": 29,
               "education": "masters", "canadian_work_years": 3,
               "language": {"test": "clb", "speaking": 10, "listening": 10, "reading": 10,
                            "writing": 10}},
}


def cols(doc, as_of=AS_OF, lang="en", given=None):
    reading, errors = crs.read(doc, as_of=as_of, lang=lang)
    assert errors is None, errors
    return scenarios.columns(reading, given)


def total(column):
    return column["score"]["total"]


# --- the document ------------------------------------------------------------------------------

def test_scenarios_are_checked_but_never_scored():
    doc = dict(E1["profile"], scenarios=[
        {"kind": "what_if", "option": "nomination", "name": "With a nomination"},
        {"kind": "later", "as_of": "2027-05-10"}, {"kind": "swapped"},
        {"kind": "copy", "profile": {"marital_status": "married"}}])
    r = crs.score(doc, as_of=AS_OF)
    assert r["total"] == 429 and r["sections"] == E1["expected"]["sections"]


BAD = [
    ({"kind": "later", "as_of": "2027-13-01"}, "scenarios.0.as_of", "invalid_date"),
    ({"kind": "later"}, "scenarios.0.as_of", "required"),
    ({"kind": "later", "as_of": 20270101}, "scenarios.0.as_of", "wrong_type"),
    ({"kind": "what_if", "option": "lottery"}, "scenarios.0.option", "unknown_what_if"),
    ({"kind": "what_if", "option": "next_birthday"}, "scenarios.0.option", "unknown_what_if"),
    ({"kind": "what_if"}, "scenarios.0.option", "required"),
    ({"kind": "sideways"}, "scenarios.0.kind", "not_allowed"),
    ({"name": "no kind"}, "scenarios.0.kind", "required"),
    ({"kind": "swapped", "as_of": "2027-01-01"}, "scenarios.0.as_of", "unknown_field"),
    ({"kind": "swapped", "name": 7}, "scenarios.0.name", "wrong_type"),
    ({"kind": "swapped", "name": "x" * 61}, "scenarios.0.name", "out_of_range"),
    ({"kind": "copy"}, "scenarios.0.profile", "required"),
    ({"kind": "copy", "profile": [1]}, "scenarios.0.profile", "wrong_type"),
    ({"kind": "copy", "profile": {"as_of": "2027-01-01"}}, "scenarios.0.profile.as_of",
     "not_in_copy"),
    ({"kind": "copy", "profile": {"scenarios": []}}, "scenarios.0.profile.scenarios",
     "not_in_copy"),
    ("later", "scenarios.0", "wrong_type"),
]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("entry,field,code", BAD)
def test_a_wrong_scenario_is_the_documents_error_with_its_path(entry, field, code, lang):
    r = crs.score(dict(E1["profile"], scenarios=[entry]), as_of=AS_OF, lang=lang)
    assert [(e["field"], e["code"]) for e in r["errors"]] == [(field, code)]
    label = r["errors"][0]["label"]
    assert label.startswith("Scenario 1" if lang == "en" else "Scénario 1"), label


def test_at_most_four_and_a_list():
    four = [{"kind": "swapped"}] * 4
    assert "total" in crs.score(dict(E1["profile"], scenarios=four), as_of=AS_OF)
    r = crs.score(dict(E1["profile"], scenarios=four + [{"kind": "swapped"}]), as_of=AS_OF)
    assert [(e["field"], e["code"]) for e in r["errors"]] == [("scenarios", "too_many")]
    assert "5 scenarios, at most 4" in r["errors"][0]["message"]
    r = crs.score(dict(E1["profile"], scenarios={"kind": "swapped"}), as_of=AS_OF)
    assert [(e["field"], e["code"]) for e in r["errors"]] == [("scenarios", "wrong_type")]
    assert "total" in crs.score(dict(E1["profile"], scenarios=None), as_of=AS_OF)
    assert "total" in crs.score(dict(E1["profile"], scenarios=[]), as_of=AS_OF)


def test_what_if_ids_are_crs_whatif_s():
    assert set(profile.WHAT_IF_OPTIONS) == set(whatif.LABELS) - {"next_birthday"}
    seen = set()
    for doc in (E1["profile"], COUPLE, AGE_44["profile"]):
        reading, _ = crs.read(doc, as_of=AS_OF)
        seen |= {key for key, _, _ in whatif.candidates(reading.doc, reading.score())}
    assert seen <= set(profile.WHAT_IF_OPTIONS)


def _full_profile():
    period = {"where": "canada", "teer": 1, "noc": "21231", "start": "2022-01-10",
              "end": "2023-01-09", "hours_per_week": 37.5, "paid": True, "self_employed": False,
              "while_full_time_student": False}
    lang = {"test": "ielts_gt", "speaking": 7.5, "listening": 8.5, "reading": 7.5,
            "writing": 7.0, "test_date": "2025-04-02"}
    return {
        "marital_status": "married", "date_of_birth": "1990-01-01", "education": "masters",
        "eca_date": "2024-01-01", "canadian_education": "one_or_two_year",
        "first_language": lang,
        "second_language": {"test": "tef_canada", "speaking": 456, "listening": 434,
                            "reading": 434, "writing": 428, "test_date": "2025-04-02"},
        "canadian_work_years": 2, "foreign_work_years": 3, "certificate_of_qualification": False,
        "job_offer": "teer_0_1_2_3", "provincial_nomination": False, "sibling_in_canada": True,
        "spouse": {"canadian_citizen_or_pr": False, "accompanying": True,
                   "education": "bachelors", "eca_date": "2024-01-01", "canadian_work_years": 1,
                   "language": lang, "date_of_birth": "1991-01-01", "work_history": [period] * 30,
                   "second_language": {"test": "tcf_canada", "speaking": 10, "listening": 500,
                                       "reading": 500, "writing": 10}},
        "work_history": [period] * 30,
        "job_offer_details": {"full_time": True, "non_seasonal": True, "at_least_one_year": True,
                              "teer": 1, "noc": "21231", "lmia_or_exempt": True},
        "settlement_funds": 20000, "family_size": 2, "intends_to_live_in_quebec": False,
        "authorized_to_work_in_canada": True, "studied_in_canada": True,
        "relative_in_canada": True, "submitted_at": "2026-01-15T10:31:00Z"}


def test_four_copies_of_the_largest_profile_fit_the_document_limits(tmp_path, capsys):
    """A document given as text is at most crs.MAX_DOCUMENT_BYTES and crs.MAX_DEPTH deep: four
    copies of a profile with every field, 30 jobs and a spouse's 30 fit (scenarios.3.profile.
    spouse.work_history.29.start is 7 deep)."""
    full = _full_profile()
    doc = dict(full, scenarios=[{"kind": "copy", "name": "x" * 60, "profile": full}] * 4)
    text = json.dumps(doc)
    assert len(text) <= crs.MAX_DOCUMENT_BYTES
    r = crs.score(text, as_of=AS_OF)
    assert "total" in r and r["total"] == crs.score(full, as_of=AS_OF)["total"]
    assert all("score" in c for c in scenarios.compare(text, as_of=AS_OF)["columns"])
    # The command line bounds a file's objects and arrays by MAX_NODES_PER_PROFILE a profile
    # of the batch allowed, not a profile at a time: one such profile passes.
    from crs.cli import main
    path = tmp_path / "one.json"
    path.write_text(text, encoding="utf-8")
    assert main(["score", str(path), "--date", AS_OF]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == r["total"]


# --- the columns, by hand ----------------------------------------------------------------------

def test_what_ifs_follow_the_current_answers():
    # E1 + a nomination: D = 600 -> 429 + 600 = 1029. E1 + one year in Canada: A5 single
    # 1 year = 40; C2 Edu-1 x 1 year = 13 -> min(50, 25 + 13) = 38 (was 25); C4 3 years abroad
    # x 1 year = 25 but C3 + C4 stays capped at 50: +40 +13 = 482.
    out = cols(E1["profile"], given=[{"kind": "what_if", "option": "nomination"},
                                     {"kind": "what_if", "option": "canadian_work_plus_one",
                                      "name": "Another year here"}])
    assert out["errors"] == [] and total(out["current"]) == 429
    pn, year = out["columns"]
    assert total(pn) == 1029 and pn["label"] == "A provincial or territorial nomination"
    assert pn["differences"]["total"] == [429, 1029]
    assert [(d["id"], d["points"]) for d in pn["differences"]["lines"]] == [
        ("additional.provincial_nomination", [0, 600])]
    assert total(year) == 482 and year["name"] == "Another year here"
    assert {d["id"]: d["points"] for d in year["differences"]["lines"]} == {
        "core.canadian_work": [0, 40], "transferability.education.canadian_work": [0, 13],
        "transferability.education": [25, 38],
        "transferability.foreign_work.canadian_work": [0, 25]}
    assert year["differences"]["sections"]["transferability"] == [75, 88]
    # every line that differs in some column, with each column's points
    assert {row["id"]: row["points"] for row in out["lines"]} == {
        "core.canadian_work": [0, 0, 40], "transferability.education.canadian_work": [0, 0, 13],
        "transferability.education": [25, 25, 38],
        "transferability.foreign_work.canadian_work": [0, 0, 25],
        "additional.provincial_nomination": [0, 600, 0]}


def test_a_what_if_that_no_longer_applies_says_so():
    top = dict(E1["profile"], provincial_nomination=True)
    (col,) = cols(top, given=[{"kind": "what_if", "option": "nomination"}])["columns"]
    assert col["score"] is None and col["not_applicable"] == "what_if" and col["message"]


def test_a_later_date_is_the_same_profile_that_day():
    # boundary-age-44-single with a date of birth: 44 on AS_OF (275), 45 on the birthday
    # (boundary-age-45-single: 269).
    doc = dict(AGE_44["profile"], date_of_birth="1982-05-10")
    del doc["age"]
    out = cols(doc, given=[{"kind": "later", "as_of": "2027-05-10"},
                           {"kind": "later", "as_of": "2027-05-09"}])
    assert total(out["current"]) == AGE_44["expected"]["total"] == 275
    birthday, eve = out["columns"]
    assert total(birthday) == AGE_45["expected"]["total"] == 269
    assert birthday["as_of"] == "2027-05-10" and birthday["label"] == "On May 10, 2027"
    assert birthday["notes"] == ["After your next birthday (age 45)"]
    assert [(d["id"], d["points"]) for d in birthday["differences"]["lines"]] == [
        ("core.age", [6, 0])]
    assert total(eve) == 275 and eve["notes"] == [] and eve["differences"]["lines"] == []


def test_a_later_date_with_an_age_and_work_that_goes_on():
    # E1 gives an age, not a date of birth: a year later it is at least 30 (105, -5): 424.
    # Still working in Canada: + a year there (E1 + a year in Canada is 482, above): 477.
    # Still working abroad: 3 -> 4 years, and 3 or more score alike (C3, C4): 424.
    out = cols(E1["profile"], given=[
        {"kind": "later", "as_of": "2027-11-23"},
        {"kind": "later", "as_of": "2027-11-23", "work": "canada"},
        {"kind": "later", "as_of": "2027-11-23", "work": "abroad"},
        {"kind": "later", "as_of": "2027-11-22", "work": "canada"}])
    same, canada, abroad, eve = out["columns"]
    assert [total(c) for c in out["columns"]] == [424, 477, 424, 429]
    assert same["label"] == "On November 23, 2027" and same["notes"][0] == "In one year"
    assert same["notes"][1] == "Age 30 then (from the age you gave)"
    assert canada["label"] == "On November 23, 2027, still working in Canada"
    assert canada["work"] == "canada" and abroad["work"] == "abroad" and eve["notes"] == []
    assert {d["id"]: d["points"] for d in canada["differences"]["lines"]}["core.canadian_work"] \
        == [0, 40]
    r = crs.score(dict(E1["profile"], scenarios=[{"kind": "later", "as_of": "2027-01-01",
                                                  "work": "mars"}]), as_of=AS_OF)
    assert [(e["field"], e["code"]) for e in r["errors"]] == [("scenarios.0.work", "not_allowed")]


def test_a_later_date_under_another_rule_set():
    # E1 with a TEER 0-3 job offer on 2025-03-01 (rule set 2020-10-27): 429 + 50 = 479; from
    # 2025-03-25 an offer earns nothing (crs-rules.md §1.D): 429.
    doc = dict(E1["profile"], job_offer="teer_0_1_2_3")
    out = cols(doc, as_of="2025-03-01", given=[{"kind": "later", "as_of": "2025-03-25"}])
    assert total(out["current"]) == 479 and out["current"]["rules"] == "2020-10-27"
    (later,) = out["columns"]
    assert total(later) == 429 and later["rules"] == "2025-03-25"
    assert [(d["id"], d["points"]) for d in later["differences"]["lines"]] == [
        ("additional.job_offer", [50, 0])]


def test_the_couple_swapped():
    out = cols(COUPLE, given=[{"kind": "swapped"}])
    assert total(out["current"]) == 419
    (swapped,) = out["columns"]
    assert total(swapped) == 493
    assert swapped["label"] == "Your spouse or partner as principal applicant"
    assert {d["id"]: d["points"] for d in swapped["differences"]["lines"]} == {
        "core.age": [80, 100], "core.education": [112, 126], "core.first_language": [116, 128],
        "core.canadian_work": [35, 56], "spouse.education": [10, 8],
        "spouse.canadian_work": [8, 5], "transferability.education.language": [25, 50],
        "transferability.education.canadian_work": [13, 50],
        "transferability.education": [38, 50]}
    assert swapped["differences"]["sections"] == {"core": [343, 410], "spouse": [38, 33],
                                                  "transferability": [38, 50],
                                                  "additional": [0, 0]}


def test_no_swap_or_a_missing_fact_is_said_in_the_column():
    (single,) = cols(E1["profile"], given=[{"kind": "swapped"}])["columns"]
    assert single["score"] is None and single["not_applicable"] == "no_spouse"
    lacking = json.loads(json.dumps(COUPLE))
    del lacking["spouse"]["age"]
    (col,) = cols(lacking, lang="fr", given=[{"kind": "swapped"}])["columns"]
    assert col["missing"] == ["spouse.age"] and col["message"].startswith("Pour évaluer")


def test_a_copy_is_its_own_profile_on_the_same_day():
    out = cols(E1["profile"], given=[{"kind": "copy", "profile": AGE_45["profile"]},
                                     {"kind": "copy", "name": "Broken",
                                      "profile": dict(E1["profile"], age="abc")}])
    good, broken = out["columns"]
    assert total(good) == 269 and good["label"] == "Copy 1"
    assert good["differences"]["total"] == [429, 269]
    assert broken["score"] is None and broken["label"] == "Copy 2"
    assert broken["name"] == "Broken"
    assert [(e["field"], e["code"]) for e in broken["errors"]] == [("age", "wrong_type")]


def test_round_types_of_a_copy_are_the_category_case_s():
    c = case("categories/french-tef-second-nclc-7-all-met.json")
    out = cols(E1["profile"], as_of=c["as_of"], given=[{"kind": "copy", "profile": c["profile"]}])
    (copy,) = out["columns"]
    statuses = {r["id"]: r["status"] for r in copy["round_types"]}
    for rid, want in c["expected"]["round_types"].items():
        if want["status"] == "not_eligible":
            assert rid not in statuses, rid
        else:
            assert statuses[rid] == want["status"], rid


def test_round_types_on_a_later_day():
    # physicians-from-2025-12-08: the physicians category starts that day (eligible, the
    # case's expectation); the day before it is not in force (physicians-absent-2025-12-07).
    c = case("categories/physicians-from-2025-12-08.json")
    out = cols(c["profile"], as_of="2025-12-07", given=[{"kind": "later", "as_of": c["as_of"]}])
    before = {r["id"] for r in out["current"]["round_types"] if r["status"] == "eligible"}
    after = {r["id"] for r in out["columns"][0]["round_types"] if r["status"] == "eligible"}
    want = {rid for rid, e in c["expected"]["round_types"].items() if e["status"] == "eligible"}
    assert after == want == {"general", "cec", "physicians_canadian_experience"}
    assert before == want - {"physicians_canadian_experience"}


def test_a_broken_scenario_is_reported_in_its_column_and_the_others_are_computed():
    given = [{"kind": "later", "as_of": "2027-02-30"}, 3,
             {"kind": "what_if", "option": "nomination"}, {"kind": "swapped"},
             {"kind": "copy", "profile": {}}]
    out = cols(E1["profile"], lang="fr", given=given)
    assert [(e["field"], e["code"]) for e in out["errors"]] == [("scenarios", "too_many")]
    bad_date, three, pn, swapped = out["columns"]
    assert bad_date["kind"] == "later" and bad_date["errors"][0]["field"] == "scenarios.0.as_of"
    assert bad_date["label"] == "Scénario 1"
    assert three["kind"] is None and three["errors"][0]["code"] == "wrong_type"
    assert total(pn) == 1029 and swapped["not_applicable"] == "no_spouse"
    assert cols(E1["profile"], given={"x": 1})["errors"][0]["code"] == "wrong_type"


def test_the_documents_own_scenarios_by_default():
    doc = dict(E1["profile"], scenarios=[{"kind": "what_if", "option": "nomination"}])
    out = scenarios.compare(doc, as_of=AS_OF, lang="fr")
    assert total(out["current"]) == 429 and total(out["columns"][0]) == 1029
    assert out["current"]["label"] == "Vos réponses"
    assert out["columns"][0]["label"] == "Une désignation provinciale ou territoriale"
    assert "errors" in scenarios.compare("{", as_of=AS_OF)


def test_suggested_dates_come_from_the_profile():
    doc = dict(AGE_44["profile"], date_of_birth="1982-05-10", eca_date="2022-01-20",
               first_language=dict(AGE_44["profile"]["first_language"], test="celpip_g",
                                   test_date="2025-04-02"))
    del doc["age"]
    reading, _ = crs.read(doc, as_of=AS_OF)
    got = [(s["as_of"], s["kind"]) for s in scenarios.suggested_dates(reading)]
    assert got == [("2027-01-20", "eca_stale"), ("2027-04-02", "language_stale"),
                   ("2027-05-10", "birthday"), ("2027-11-23", "one_year")]
    assert scenarios.choices(reading)["swapped"]["not_applicable"] == "no_spouse"
    reading, _ = crs.read(COUPLE, as_of=AS_OF)
    assert scenarios.choices(reading)["swapped"] is None
