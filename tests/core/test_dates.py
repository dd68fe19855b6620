"""The one dates module: its grammar, and the two 29 February rules as every tool applies them."""

import datetime as dt

import pytest

import crs
from crs import dates, eligibility, ranking, timeline

D = dt.date
LEAP = D(2028, 2, 29)

BASE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
        "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                           "writing": 9},
        "foreign_work_years": 3}


@pytest.mark.parametrize("text", ["2026-06-01", "1900-01-01", "2100-12-31"])
def test_the_grammar_takes_a_plain_date(text):
    assert dates.parse(text) == D.fromisoformat(text)


@pytest.mark.parametrize("text", ["20260601", "2026-W23-1", "2026-6-1", "2026-02-30",
                                  "２０２６-06-01", "2026-06-01T00:00", None, 20260601])
def test_the_grammar_refuses_everything_else(text):
    assert dates.parse(text) is None


def test_becoming_older_on_a_29_february_counts_from_1_march():
    assert dates.completed_years(LEAP, D(2029, 2, 28)) == 0
    assert dates.completed_years(LEAP, D(2029, 3, 1)) == 1
    assert dates.anniversary(LEAP, 1) == D(2029, 3, 1)
    assert dates.anniversary(LEAP, 4) == D(2032, 2, 29)
    # anniversary is the first day completed_years reaches the count
    for years in range(1, 9):
        day = dates.anniversary(LEAP, years)
        assert dates.completed_years(LEAP, day) == years
        assert dates.completed_years(LEAP, day - dt.timedelta(days=1)) == years - 1


def test_a_period_from_a_29_february_ends_on_28_february():
    assert dates.period_end(LEAP, 1) == D(2029, 2, 28)
    assert dates.period_end(LEAP, 4) == D(2032, 2, 29)
    assert dates.period_start(D(2029, 2, 28), 1) == D(2028, 2, 28)
    assert dates.period_start(LEAP, 1) == D(2027, 2, 28)
    moment = dt.datetime(2028, 2, 29, 13, 5, tzinfo=dt.timezone.utc)
    assert dates.period_end(moment, 1) == dt.datetime(2029, 2, 28, 13, 5,
                                                      tzinfo=dt.timezone.utc)


def test_rank_and_the_timeline_agree_on_a_profile_submitted_on_29_february():
    """The profile expires on 2029-02-28 (MI s.4(1)(b), Interpretation Act s.28): the timeline
    says so, and rank keeps it in a round that day and not on 2029-03-01 (it used to)."""
    doc = dict(BASE, submitted_at="2028-02-29T10:00:00Z")
    expiry = [e for e in timeline.timeline(doc, as_of="2028-06-01")["events"]
              if e["kind"] == "expiry"]
    assert [e["date"] for e in expiry] == ["2029-02-28"]
    doc = dict(doc, id="leap")              # a pool's profiles carry an id
    kept = ranking.rank([doc], invite=1, as_of="2029-02-28")
    assert kept["pool"] == 1
    gone = ranking.rank([doc], invite=1, as_of="2029-03-01")
    assert gone["pool"] == 0 and [e["code"] for e in gone["invalid"][0]["errors"]] \
        == ["expired"]


def test_the_next_birthday_from_29_february_is_1_march():
    doc = dict(BASE, date_of_birth="1996-02-29")
    del doc["age"]
    reading, _ = crs.read(doc, as_of="2027-01-10")
    drop = crs.age_drop(reading.profile, reading.day)
    assert drop[0] == D(2027, 3, 1) and drop[1] == 31
