"""Timeline events and what-ifs, in CPython."""

import crs
from crs.dates import anniversary, completed_years
from crs.timeline import timeline
from crs.whatif import what_ifs
import datetime

BASE = {"marital_status": "never_married", "date_of_birth": "1995-02-28",
        "education": "bachelors", "eca_date": "2022-03-01",
        "first_language": {"test": "ielts_gt", "speaking": 7, "listening": 8, "reading": 7,
                           "writing": 6.5, "test_date": "2025-05-01"},
        "second_language": {"test": "tef_canada", "speaking": 400, "listening": 400,
                            "reading": 400, "writing": 400, "test_date": "2024-02-29"},
        "foreign_work_years": 2, "submitted_at": "2026-02-28T14:05:00-05:00"}


def by_kind(events, kind):
    return [e for e in events if e["kind"] == kind]


def test_stale_dates_agree_with_the_stale_warning():
    ev = timeline(BASE, as_of="2025-01-01")["events"]
    (second,) = [e for e in by_kind(ev, "language_stale") if e["field"] == "second_language"]
    assert second["date"] == "2026-03-01"          # 29 February + 2 years, as completed_years
    day = datetime.date.fromisoformat(second["date"])
    assert completed_years(datetime.date(2024, 2, 29), day) == 2
    assert completed_years(datetime.date(2024, 2, 29), day - datetime.timedelta(1)) == 1
    for when, stale in (("2026-02-28", False), ("2026-03-01", True)):
        r = crs.score({k: v for k, v in BASE.items() if k != "submitted_at"}, as_of=when)
        fields = [w.get("field") for w in r["warnings"] if w["code"] == "language_stale"]
        assert ("second_language.test_date" in fields) == stale
    (eca,) = by_kind(ev, "eca_stale")
    assert eca["date"] == "2027-03-01"


def test_expiry_is_one_year_later_at_the_same_time_of_day():
    ev = timeline(BASE, as_of="2026-11-23")["events"]
    (exp,) = by_kind(ev, "expiry")
    assert exp["at"] == "2027-02-28T14:05:00-05:00"
    leap = dict(BASE, submitted_at="2028-02-29T09:00:00Z")
    (exp,) = by_kind(timeline(leap, as_of="2028-03-01")["events"], "expiry")
    assert exp["at"] == "2029-02-28T09:00:00+00:00"


def test_birthdays_that_cost_points_with_the_score_then():
    ev = timeline(BASE, as_of="2026-11-23")["events"]
    births = by_kind(ev, "birthday")
    assert [b["age"] for b in births] == [32, 33, 34, 35, 36]
    now = by_kind(ev, "as_of")[0]["total"]
    assert births[0]["total"] == now - 5 and "99 → 94" in births[0]["label"]
    assert [e["date"] for e in ev] == sorted(e["date"] for e in ev)
    young = dict(BASE, date_of_birth="2004-06-01")
    assert by_kind(timeline(young, as_of="2026-11-23")["events"], "birthday") == []


def test_anniversary():
    assert anniversary(datetime.date(2000, 2, 29), 1) == datetime.date(2001, 3, 1)
    assert anniversary(datetime.date(2000, 2, 29), 4) == datetime.date(2004, 2, 29)


def test_what_ifs_are_sorted_positive_and_rescored():
    doc = {k: v for k, v in BASE.items() if k != "submitted_at"}
    r = what_ifs(doc, as_of="2026-11-23")
    points = [o["points"] for o in r["options"]]
    assert points == sorted(points, reverse=True) and all(p > 0 for p in points)
    assert r["options"][0]["id"] == "nomination" and r["options"][0]["points"] == 600
    for o in r["options"]:
        assert o["total"] == r["total"] + o["points"]
    assert r["next_birthday"]["points"] == -5


def test_swapping_languages_is_offered_when_it_pays():
    doc = {"marital_status": "never_married", "age": 30, "education": "masters",
           "first_language": {"test": "clb", "speaking": 5, "listening": 5, "reading": 5,
                              "writing": 5},
           "second_language": {"test": "nclc", "speaking": 10, "listening": 10, "reading": 10,
                               "writing": 10}}
    r = what_ifs(doc, as_of="2026-11-23", lang="fr")
    swap = [o for o in r["options"] if o["id"] == "swap_languages"]
    assert swap and swap[0]["points"] > 0 and "première" in swap[0]["label"]


def test_invalid_documents_give_errors():
    assert "errors" in what_ifs({"age": 1}, as_of="2026-11-23")
    assert "errors" in timeline({"age": 1}, as_of="2026-11-23")


def test_the_spouses_eca_going_stale_is_an_event_with_the_points_lost():
    """MI s.17(4): the spouse's master's earns 10 (s.17(1)) until the fifth anniversary of the
    spouse's ECA (2022-03-01 -> 2027-03-01), then 0; nothing else changes that day."""
    doc = {"marital_status": "married", "age": 30, "education": "bachelors",
           "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                              "writing": 9},
           "spouse": {"canadian_citizen_or_pr": False, "accompanying": True,
                      "education": "masters", "eca_date": "2022-03-01"}}
    ev = timeline(doc, as_of="2026-11-23")["events"]
    (stale,) = [e for e in ev if e["kind"] == "spouse_eca_stale"]
    now = [e for e in ev if e["kind"] == "as_of"][0]
    assert stale["date"] == "2027-03-01" and stale["total"] == now["total"] - 10
