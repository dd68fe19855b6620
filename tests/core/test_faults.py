"""Faults found by an outside attack (at 0d9975e), each pinned by a test that failed before
its fix. Broad never-raise properties over every entry point are in test_properties.py."""

import datetime
import json

import pytest

import crs
from crs import eligibility, ranking, timeline, whatif

ROUND = "2026-08-07"
BASE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
        "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                           "writing": 9},
        "foreign_work_years": 3}
HUGE = 10 ** 309           # one more digit than a float can hold: score / step overflowed


def entry_points(doc, as_of=ROUND):
    """Every public function that reads a profile, with its result."""
    yield "score", crs.score(doc, as_of=as_of)
    yield "score_json", json.loads(crs.score_json(json.dumps(doc), as_of=as_of))
    yield "validate", {"errors": crs.validate(doc, as_of=as_of)}
    yield "eligibility", eligibility.eligibility(doc, as_of=as_of)
    yield "timeline", timeline.timeline(doc, as_of=as_of)
    yield "what_ifs", whatif.what_ifs(doc, as_of=as_of)
    pool = [dict(doc, id="x", submitted_at="2026-01-15T10:31:00Z")]
    r = ranking.rank(pool, invite=1, as_of=as_of)
    yield "rank", r if "errors" in r else {"errors": [e for x in r["invalid"]
                                                       for e in x["errors"]]}


# --- 10: a number too large for a float ------------------------------------------------------

@pytest.mark.parametrize("path,value", [
    (("first_language", "speaking"), HUGE), (("first_language", "listening"), -HUGE),
    (("first_language", "reading"), 10 ** 1000), (("first_language", "writing"), float("inf")),
    (("age",), HUGE), (("canadian_work_years",), -HUGE), (("foreign_work_years",), 1e308),
    (("settlement_funds",), HUGE), (("family_size",), -HUGE),
    (("work_history",), [{"where": "canada", "teer": HUGE, "start": "2020-01-01",
                          "hours_per_week": HUGE}])],
    ids=lambda v: v[0] if isinstance(v, tuple) else type(v).__name__)
def test_a_huge_number_is_out_of_range_everywhere(path, value):
    doc = json.loads(json.dumps(BASE))
    holder = doc
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    for name, result in entry_points(doc):
        assert result.get("errors"), name
        fields = [e["field"] for e in result["errors"]]
        assert any(f.startswith(".".join(path)) for f in fields), (name, fields)


# --- 15: the evaluation date (as_of) is range-checked wherever it is given ------------------

BAD_DATES = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "20260601", "2026-W23-1",
             "2026-06-01T00:00", " 2026-06-01", "2026-6-1", "", "٢٠٢٦-٠٦-٠١",
             datetime.datetime(2026, 6, 1), datetime.date(1, 1, 1), 20260601, True, ["2026-06-01"]]


def _names_the_range(errors, field="as_of"):
    (error,) = [e for e in errors if e["field"] == field]
    assert "1900-01-01" in error["message"] and "2100-12-31" in error["message"], error
    return error


@pytest.mark.parametrize("as_of", BAD_DATES, ids=repr)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_bad_as_of_argument_is_an_as_of_error_at_every_entry_point(as_of, lang):
    doc = {k: v for k, v in BASE.items() if k != "age"}
    doc["date_of_birth"] = "1990-02-28"              # the age then depends on as_of
    for name, result in entry_points(doc, as_of):
        assert "errors" in result, (name, result)
        error = _names_the_range(result["errors"])
        assert error["code"] in ("invalid_date", "out_of_range"), name
    r = crs.score(doc, as_of=as_of, lang=lang)
    _names_the_range(r["errors"])


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "20260601", "2026-W23-1"])
def test_a_bad_as_of_in_the_document_is_an_as_of_error(as_of):
    doc = dict(BASE, as_of=as_of)
    for name, result in entry_points(doc, ROUND):
        if name != "rank":                # rank reports it too, tested with the ranking
            _names_the_range(result["errors"])


def test_the_first_and_last_day_of_the_range_are_accepted():
    r = crs.score(BASE, as_of="2100-12-31")
    assert r["as_of"] == "2100-12-31" and r["total"] > 0
    r = crs.score(BASE, as_of="1900-01-01", rules="2025-03-25")
    assert r["as_of"] == "1900-01-01" and r["total"] > 0
    dob = dict({k: v for k, v in BASE.items() if k != "age"}, date_of_birth="2000-02-29")
    for name, result in entry_points(dob, "2100-12-31"):
        assert not result.get("errors") or name == "rank", (name, result)


@pytest.mark.parametrize("command", ["score", "eligibility", "rank"])
@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "20260601"])
def test_cli_date_out_of_range_or_malformed(command, date, tmp_path, capsys):
    from crs.cli import main
    doc = dict({k: v for k, v in BASE.items() if k != "age"}, date_of_birth="1990-01-01",
               submitted_at="2026-01-15T10:31:00Z")
    f = tmp_path / "in.json"
    f.write_text(json.dumps([doc]))
    argv = [command, str(f), "--date", date] + (["--invite", "1"] if command == "rank" else [])
    assert main(argv) == 2
    out = json.loads(capsys.readouterr().out)
    errors = out["errors"] if isinstance(out, dict) else out[0]["errors"]
    _names_the_range(errors)


# --- 16: the timeline and the what-ifs on profiles the score accepts or refuses --------------

def test_timeline_before_the_first_rule_set_is_an_error_not_a_key_error():
    for day in ("2014-12-31", "1900-01-01"):
        r = timeline.timeline(BASE, as_of=day)
        assert [e["field"] for e in r["errors"]] == ["as_of"]
        assert r["errors"] == crs.score(BASE, as_of=day)["errors"]


def test_what_ifs_take_null_year_counts_as_the_score_does():
    doc = dict(BASE, canadian_work_years=None, foreign_work_years=None, age=None,
               date_of_birth="1990-06-01", marital_status="married",
               spouse={"accompanying": True, "canadian_work_years": None, "education": None})
    base = crs.score(doc, as_of=ROUND)
    assert "total" in base
    w = whatif.what_ifs(doc, as_of=ROUND)
    assert w["total"] == base["total"]
    ids = {o["id"] for o in w["options"]}
    assert {"canadian_work_plus_one", "foreign_work_plus_one", "spouse_canadian_work"} <= ids
    plus = crs.score(dict(doc, foreign_work_years=1), as_of=ROUND)["total"]
    assert next(o for o in w["options"] if o["id"] == "foreign_work_plus_one")["total"] == plus
    older = dict(BASE, age=None, date_of_birth="1992-08-10")       # 34 on the round date
    assert whatif.what_ifs(older, as_of=ROUND)["next_birthday"]["points"] < 0


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00",
                                  "2101-01-01T00:00:00Z", "1899-12-31T23:59:59Z"])
def test_a_submission_time_outside_the_date_range_is_an_error(when):
    doc = dict(BASE, submitted_at=when)
    for name, result in entry_points(doc):
        if name != "rank":                           # rank's own submitted_at: fault 17
            (error,) = result["errors"]
            assert error["field"] == "submitted_at", name
            assert "1900-01-01" in error["message"] and "2100-12-31" in error["message"]


# --- 17: one timestamp grammar for the profile and the ranking -------------------------------

TIMESTAMPS = {
    "2026-01-15T10:31:00Z": True, "2026-01-15T10:31:00.5+01:00": True,
    "2026-01-15T10:31:00.123456-05:00": True, "1900-01-01T00:00:00+01:00": True,
    "2100-12-31T23:59:59-01:00": True,
    "0001-01-01T00:00:00+01:00": False, "9999-12-31T23:59:59-01:00": False,
    "2026-W03-4T10:31:00Z": False, "2026-01-15 10:31:00Z": False,
    "2026-01-15T10:31:00+01:00:30": False, " 2026-01-15T10:31:00Z": False,
    "20260115T103100Z": False, "2026-01-15T10:31Z": False, "2026-01-15T10:31:00": False,
    "2026-01-15T10:31:00.1234567Z": False, "2026-01-15T24:00:00Z": False,
    "2026-01-15T10:31:00+24:00": False, "２026-01-15T10:31:00Z": False,
}


def test_rank_and_the_profile_read_submitted_at_alike():
    pool = [dict(BASE, id=i, submitted_at=when) for i, when in enumerate(TIMESTAMPS)]
    r = ranking.rank(pool, invite=len(pool), as_of="2100-12-31", rules="2025-03-25")
    # (the round date only decides who is still in the pool; every profile is checked first)
    bad = {x["index"]: x["errors"] for x in r["invalid"]}
    for i, (when, ok) in enumerate(TIMESTAMPS.items()):
        profile = crs.score(dict(BASE, submitted_at=when), as_of=ROUND)
        assert ("errors" not in profile) == ok, when
        codes = [e["code"] for e in bad.get(i, [])]
        assert ("submitted_invalid" not in codes) == ok, (when, codes)


def test_rank_survives_submission_times_at_the_datetime_limits():
    pool = [dict(BASE, id="a", submitted_at="2026-01-15T10:31:00Z"),
            dict(BASE, id="low", submitted_at="0001-01-01T00:00:00+01:00"),
            dict(BASE, id="high", submitted_at="9999-12-31T23:59:59-01:00")]
    r = ranking.rank(pool, invite=3, as_of=ROUND)
    assert [x["id"] for x in r["invited"]] == ["a"]
    assert {x["id"] for x in r["invalid"]} == {"low", "high"}
    for x in r["invalid"]:
        assert "1900-01-01" in x["errors"][0]["message"]


# --- 13: every profile of a pool is scored on the round date ---------------------------------

def test_rank_scores_every_profile_on_the_round_date_and_warns_of_its_own_as_of():
    old = dict(BASE, id="old", as_of="2016-01-01", job_offer="teer_0_1_2_3", age=None,
               date_of_birth="1990-08-01", submitted_at="2026-01-01T00:00:00Z")
    same = dict(BASE, id="same", as_of=ROUND, submitted_at="2026-01-02T00:00:00Z")
    plain = dict(BASE, id="plain", submitted_at="2026-01-03T00:00:00Z")
    r = ranking.rank([old, same, plain], invite=3, as_of=ROUND, lang="fr")
    scores = {x["id"]: x["score"] for x in r["invited"]}
    strip = {"id", "as_of", "submitted_at"}
    for doc in (old, same, plain):
        alone = {k: v for k, v in doc.items() if k not in strip}
        assert scores[doc["id"]] == crs.score(alone, as_of=ROUND)["total"], doc["id"]
    assert scores["old"] < crs.score({k: v for k, v in old.items() if k not in strip},
                                     as_of="2016-01-01")["total"]       # 600 then, 0 now
    assert r["rules"] == "2025-03-25"
    (warning,) = r["warnings"]
    assert warning["index"] == 0 and warning["id"] == "old"
    assert warning["field"] == "as_of" and warning["code"] == "as_of_ignored"
    assert "2016-01-01" in warning["message"] and ROUND in warning["message"]
    bad = dict(plain, id="bad", as_of="2016-02-30")
    r = ranking.rank([bad], invite=1, as_of=ROUND)
    assert [e["field"] for e in r["invalid"][0]["errors"]] == ["as_of"]
