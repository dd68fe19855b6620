"""Rounds of invitations: the maintainer's feed repair and its command (crs.feed,
`python -m crs rounds`), the shipped snapshot and the page's questions (crs.rounds). The
charts drawn from them are the page's: tests/e2e/test_charts.py."""

import copy
import datetime as dt
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from crs import feed as F
from crs import formats
from crs import rounds as R

ROOT = pathlib.Path(__file__).resolve().parents[2]
# CI checks the repository out with ../shared beside it (.ci/).
SHARED = pathlib.Path(os.environ.get("CRS_SHARED", ROOT.parent / "shared"))
FEED = SHARED / "data" / "ee_rounds_123_en.2026-08-20.json"
FEED_SHA256 = "97ae965f061ce10c688f5b1c7cb5562ddd369a349b037723c440e68a3372fca6"
# Rounds #438-#447 from secondary sources (shipped apart, marked).
SUPPLEMENT = SHARED / "data" / "ee_rounds_supplement.json"
SNAPSHOT = ROOT / "py" / "crs" / "data" / "rounds.json"

needs_feed = pytest.mark.skipif(not FEED.exists(), reason="shared feed copy not available")


@pytest.fixture(scope="module")
def feed_rows():
    return json.loads(FEED.read_text())["rounds"]


@pytest.fixture(scope="module")
def report():
    return F.read_feed(FEED)


@pytest.fixture(scope="module")
def snap():
    return R.load_snapshot()


def row(**changes):
    """A well-formed feed row (round #434 as published), with changes."""
    base = {
        "drawNumber": "434", "drawDate": "2026-08-07", "drawDateFull": "August 7, 2026",
        "drawName": "Transport Occupations, 2026-Version 2", "drawSize": "300", "drawCRS": "470",
        "drawText2": "Federal Skilled Worker Program, Canadian Experience Class and Federal "
                     "Skilled Trades Program",
        "drawDateTime": "August 7, 2026 at 10:08:20 UTC",
        "drawCutOff": "October 11, 2025 at 14:55:49 UTC",
        "drawDistributionAsOn": "August 3, 2026",
    }
    dd = ["500", "19,705", "73,099", "12,939", "12,890", "16,368", "16,057", "14,845", "60,905",
          "13,595", "13,267", "11,942", "11,326", "10,775", "50,107", "17,101", "7,683",
          "229,100"]
    base.update({"dd%d" % (i + 1): v for i, v in enumerate(dd)})
    base.update(changes)
    return {k: v for k, v in base.items() if v is not ...}


def row_on(day, **changes):
    """A well-formed row for another date (every date field consistent with it)."""
    d = dt.date.fromisoformat(day)
    earlier = d - dt.timedelta(days=40)
    return row(drawDate=day, drawDateFull=formats.date(d, "en"),
               drawDateTime=formats.date(d, "en") + " at 10:00:00 UTC",
               drawCutOff=formats.date(earlier, "en") + " at 09:30:00 UTC",
               drawDistributionAsOn=formats.date(d - dt.timedelta(days=2), "en"), **changes)


def codes(items, number=None):
    return sorted(x["code"] for x in items if number is None or x["number"] == number)


# ---------------------------------------------------------------------------------------------
# The whole shipped feed

@needs_feed
def test_feed_copy_is_the_one_documented():
    assert hashlib.sha256(FEED.read_bytes()).hexdigest() == FEED_SHA256


@needs_feed
def test_every_round_of_the_feed_parses_or_is_reported(feed_rows, report):
    assert report["errors"] == []
    assert len(feed_rows) == 438
    rejected = {x["index"] for x in report["rejected"]}
    assert len(report["rounds"]) + len(rejected) == len(feed_rows)
    assert len(report["rounds"]) == 438 and report["rejected"] == []
    newest = report["rounds"][0]
    assert (newest["number"], newest["date"], newest["crs"], newest["size"]) == \
        ("437", "2026-08-19", 382, 5000)
    assert newest["category"] == "french" and newest["tie_break"] == "2026-03-01T18:34:05Z"
    assert newest["programs"] == ["fsw", "cec", "fst"]
    oldest = report["rounds"][-1]
    assert (oldest["number"], oldest["date"]) == ("1", "2015-01-31")
    numbers = [r["number"] for r in report["rounds"]]
    assert len(set(numbers)) == 438
    assert numbers.index("91b") == numbers.index("91a") - 1     # same day, b after a


@needs_feed
def test_every_draw_name_in_the_feed_is_in_the_mapping_table(feed_rows, report):
    names = {r["drawName"] for r in feed_rows}
    missing = sorted(n for n in names if n not in F.NAMES)
    assert missing == [], "add these to crs.feed.NAMES: %r" % missing
    assert [x for x in report["notes"] if x["code"] == "name_unmapped"] == []
    assert set(F.NAMES) == names      # the table holds nothing the feed never used


@needs_feed
def test_known_feed_defects_are_repaired_or_reported(report):
    by = {r["number"]: r for r in report["rounds"]}
    notes = report["notes"]
    # #247: dd4-dd8 add up to 55,687, dd3 says 55,867 (the total agrees with dd3).
    assert codes(notes, "247") == ["distribution_subbands_mismatch", "tie_break_irregular"]
    # #208: "October 7 at 16:38:21 UTC" has no year: the latest 7 October before the round.
    assert by["208"]["tie_break"] == "2021-10-07T16:38:21Z"
    assert "tie_break_repaired" in codes(notes, "208")
    # #210: "20:19:59 PM": the 24-hour clock wins.
    assert by["210"]["tie_break"] == "2021-06-22T20:19:59Z"
    # #383, #258: no "UTC".
    assert by["383"]["tie_break"] == "2025-03-05T05:10:48Z"
    # #432: "July 3rd 2026 at 21:35:13 UTC"; #322: "March 02. 2024 at ..."
    assert by["432"]["tie_break"] == "2026-07-03T21:35:13Z"
    assert by["322"]["tie_break"] == "2024-03-02T01:58:34Z"
    # #357: drawDateTime says July 12 for a round of July 22.
    assert codes(notes, "357") == ["round_time_mismatch"]
    # #139: the tie-break repeats the round's own time (a copy-paste slip).
    assert codes(notes, "139") == ["tie_break_not_before_round"]
    # Tie-breaks are published from round #77 (2017-11-08) onward.
    with_tie = [r for r in report["rounds"] if r["tie_break"]]
    assert len(with_tie) == 362 and min(r["date"] for r in with_tie) == "2017-11-08"


@needs_feed
def test_pool_distributions_of_the_feed(report):
    with_dist = [r for r in report["rounds"] if r["distribution"]]
    assert len(with_dist) == 220
    assert min(r["date"] for r in with_dist) == "2022-01-19"          # round #214
    missing = {r["number"] for r in report["rounds"]
               if r["date"] >= "2022-01-19" and not r["distribution"]}
    assert missing == {"223", "224", "226", "227"}
    d = report["rounds"][0]["distribution"]
    assert d["as_on"] == "2026-08-16" and d["dd"][17] == 226_859 and d["dd"][1] == 18_657
    for r in with_dist:
        bands = R.pool_bands(r["distribution"])
        assert sum(b["count"] for b in bands) == r["distribution"]["dd"][17]


# ---------------------------------------------------------------------------------------------
# The snapshot

def test_shipped_snapshot_loads(snap):
    assert snap["errors"] == []
    rounds = snap["rounds"]
    assert len(rounds) == 448
    official = [r for r in rounds if not r["secondary"]]
    secondary = [r for r in rounds if r["secondary"]]
    assert len(official) == 438 and [r["number"] for r in secondary] == [
        str(n) for n in range(447, 437, -1)]
    assert all(r["tie_break"] is None and r["grade"] in ("SC", "SS") for r in secondary)
    assert (rounds[0]["number"], rounds[0]["date"], rounds[0]["crs"], rounds[0]["size"]) == \
        ("447", "2026-10-01", 476, 3500)
    assert (official[0]["number"], official[0]["date"]) == ("437", "2026-08-19")
    assert snap["secondary"]["snapshot_date"] == "2026-10-01"
    assert snap["secondary"]["status"].startswith("SECONDARY")
    p = snap["provenance"]
    assert p["source_url"] == F.SOURCE_URL
    assert p["newest_round"] == {"number": "437", "date": "2026-08-19"}
    assert p["input_sha256"] == FEED_SHA256 and p["rounds"] == 438
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["generated"])
    assert "not been produced in affiliation" in p["attribution"]["en"]
    assert "August 19, 2026" in p["attribution"]["en"]
    assert "19 août 2026" in p["attribution"]["fr"] and "affiliation" in p["attribution"]["fr"]
    assert set(snap["categories"]) == set(R.CATEGORIES)
    assert SNAPSHOT.stat().st_size < 80_000           # small: the page downloads it


def test_snapshot_provenance_file_agrees():
    text = (SNAPSHOT.parent / "PROVENANCE.md").read_text()
    assert FEED_SHA256 in text and F.SOURCE_URL in text and "#437" in text and "#447" in text


@needs_feed
def test_snapshot_holds_what_the_loader_reads(snap, report):
    keep = ("number", "date", "category", "name", "crs", "size", "tie_break", "distribution")
    official = [{k: r[k] for k in keep} for r in snap["rounds"] if not r["secondary"]]
    assert official == [{k: r[k] for k in keep} for r in report["rounds"]]


@needs_feed
def test_refresh_rebuilds_the_shipped_snapshot_byte_for_byte(tmp_path, snap):
    out = tmp_path / "rounds.json"
    p = run_rounds("refresh", str(FEED), "--out", str(out), "--supplement", str(SUPPLEMENT),
                   "--generated", snap["provenance"]["generated"])
    assert p.returncode == 0, p.stderr
    assert "rounds parsed: 438, rejected: 0" in p.stderr
    assert out.read_bytes() == SNAPSHOT.read_bytes()


def test_refresh_refuses_a_broken_feed_and_writes_nothing(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text('{"rounds": "not a list"}')
    out = tmp_path / "rounds.json"
    p = run_rounds("refresh", str(feed), "--out", str(out))
    assert p.returncode == 2 and not out.exists()
    assert "no_rounds" in p.stderr
    feed.write_text("{not json")
    p = run_rounds("refresh", str(feed), "--out", str(out))
    assert p.returncode == 2 and "invalid_json" in p.stderr and not out.exists()


def test_refresh_refuses_an_older_feed_unless_forced(tmp_path):
    out = tmp_path / "rounds.json"
    new, old = tmp_path / "new.json", tmp_path / "old.json"
    new.write_text(json.dumps({"rounds": [row()]}))
    old.write_text(json.dumps({"rounds": [row_on("2026-08-06", drawNumber="433")]}))
    assert run_rounds("refresh", str(new), "--out", str(out)).returncode == 0
    p = run_rounds("refresh", str(old), "--out", str(out))
    assert p.returncode == 2 and "older" in p.stderr
    assert R.load_snapshot(str(out))["rounds"][0]["number"] == "434"
    p = run_rounds("refresh", str(old), "--out", str(out), "--force")
    assert p.returncode == 0
    assert R.load_snapshot(str(out))["rounds"][0]["number"] == "433"


def test_check_lists_the_problems_as_json(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"rounds": [row(), row(drawCRS="N/A", drawNumber="9")]}))
    p = run_rounds("check", str(feed))
    assert p.returncode == 2
    out = json.loads(p.stdout)
    assert out["parsed"] == 1 and [x["code"] for x in out["rejected"]] == ["no_cutoff"]


def test_the_core_never_loads_the_feed_repair():
    """crs.feed imports crs.rounds, never the other way round: what the page imports of the
    core does not load it (and build.py leaves it out of py/app.zip)."""
    code = ("import sys, crs, crs.rounds, crs.eligibility, crs.timeline, crs.whatif, crs.ranking;"
            "print(sorted(m for m in sys.modules if m in ('crs.feed', 'crs.cli', 'argparse')))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0 and p.stdout.strip() == "[]", p.stderr


def test_damaged_or_missing_snapshot_gives_an_error_not_an_exception(tmp_path):
    missing = R.load_snapshot(str(tmp_path / "nope.json"))
    assert missing["rounds"] == [] and missing["errors"][0]["code"] == "unreadable"
    for text in ("{", '{"format": "other"}', '{"format": "crs-rounds/1", "columns": 5}',
                 json.dumps({"format": "crs-rounds/1", "columns": list(F.SNAPSHOT_COLUMNS),
                             "names": [], "pools": [], "rounds": [["1", "2020-01-01", 3]],
                             "provenance": {}})):
        path = tmp_path / "bad.json"
        path.write_text(text)
        out = R.load_snapshot(str(path))
        assert out["rounds"] == [] and out["errors"], text


def run_rounds(*args):
    """The maintainer's command, `python -m crs rounds ...`, in a process of its own."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
    return subprocess.run([sys.executable, "-m", "crs", "rounds", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------------------------------------
# Broken rows

def test_rounds_not_a_list_is_an_error_not_an_exception():
    for data in ({"rounds": "x"}, {"rounds": None}, {"classes": "wb-tables"}, None, 5, "rounds",
                 {"rounds": {"0": row()}}):
        out = F.parse_feed(data)
        assert out["rounds"] == [] and [e["code"] for e in out["errors"]] == ["no_rounds"]


def test_a_bare_list_of_rounds_is_accepted():
    assert [r["number"] for r in F.parse_feed([row()])["rounds"]] == ["434"]


def test_rows_that_cannot_be_rounds_are_rejected_with_reasons():
    rows = [row(), "a string", None, [1, 2], {},
            row(drawNumber="9", drawCRS="N/A"), row(drawNumber="8", drawCRS=""),
            row(drawNumber="7", drawCRS="1,300"), row(drawNumber="6", drawCRS=-5),
            row(drawNumber="5", drawDate="soon", drawDateFull="later"),
            row(drawNumber="4", drawDate=..., drawDateFull=...)]
    out = F.parse_feed({"rounds": rows})
    assert [r["number"] for r in out["rounds"]] == ["434"]
    by_index = {}
    for x in out["rejected"]:
        by_index.setdefault(x["index"], []).append(x["code"])
    assert by_index == {1: ["not_an_object"], 2: ["not_an_object"], 3: ["not_an_object"],
                        4: ["no_date", "no_cutoff"], 5: ["no_cutoff"], 6: ["no_cutoff"],
                        7: ["no_cutoff"], 8: ["no_cutoff"], 9: ["no_date"], 10: ["no_date"]}
    assert all(x["message"] for x in out["rejected"])
    assert next(x for x in out["rejected"] if x["index"] == 5)["got"] == "N/A"


def test_numbers_with_separators_blanks_and_junk():
    assert F.parse_count("1,234") == (1234, None)
    assert F.parse_count("229,100") == (229100, None)
    assert F.parse_count("5 000") == (5000, None)                 # French feed
    assert F.parse_count("5\u00a0000") == (5000, None)
    assert F.parse_count("5\u202f000") == (5000, None)
    assert F.parse_count(" 470 ") == (470, None)
    assert F.parse_count(470) == (470, None)
    assert F.parse_count("") == (None, "blank")
    assert F.parse_count(None) == (None, "blank")
    for junk in ("N/A", "1,23", "12,34,567", "4.5", "-3", "1e3", "about 500", True, [1], -1,
                 2.5):
        assert F.parse_count(junk)[0] is None, junk
    out = F.parse_feed([row(drawSize="1,234"), row(drawNumber="2", drawSize="N/A"),
                        row(drawNumber="3", drawSize="")])
    sizes = {r["number"]: r["size"] for r in out["rounds"]}
    assert sizes == {"434": 1234, "2": None, "3": None}
    assert codes(out["notes"], "2") == ["size_invalid"]
    assert codes(out["notes"], "3") == ["size_blank"]


def test_odd_dates_fall_back_to_draw_date_full():
    cases = {
        "a": (row(drawDate="", drawDateFull="July 3rd, 2026"), "2026-07-03", ["date_from_full"]),
        "b": (row(drawDate="07/08/2026"), "2026-08-07", ["date_from_full"]),  # ambiguous
        "c": (row(drawDate="2026-02-30", drawDateFull="March 2. 2026"), "2026-03-02",
              ["date_from_full"]),
        "d": (row(drawDate="2026/08/07"), "2026-08-07", ["date_irregular"]),
        "e": (row(drawDate="2026-08-06"), "2026-08-06", ["date_mismatch"]),
        "f": (row(drawDate=..., drawDateFull="7 août 2026"), "2026-08-07", ["date_from_full"]),
        "g": (row(drawDate=None, drawDateFull="Aug. 7, 2026"), "2026-08-07", ["date_from_full"]),
    }
    for number, (r, day, expected) in cases.items():
        out = F.parse_feed([dict(r, drawNumber=number)])
        assert [x["date"] for x in out["rounds"]] == [day], number
        assert [c for c in codes(out["notes"], number) if c.startswith("date_")] == expected, \
            number


def test_parse_date_shapes():
    good = {"2026-08-07": (2026, 8, 7), "August 7, 2026": (2026, 8, 7),
            "August 07, 2026": (2026, 8, 7), "July 3rd 2026": (2026, 7, 3),
            "March 02. 2024": (2024, 3, 2), "April 26,2023": (2023, 4, 26),
            "  May  31,  2024 ": (2024, 5, 31), "1er août 2026": (2026, 8, 1),
            "21 janvier 2026": (2026, 1, 21), "Sept. 5, 2025": (2025, 9, 5)}
    for text, ymd in good.items():
        assert R.parse_date(text) == dt.date(*ymd), text
    for text in ("", "07/08/2026", "Smarch 3, 2026", "February 30, 2026", "2026", None, 20260807,
                 "August 7"):
        assert R.parse_date(text) is None, text


@pytest.mark.parametrize("text, expected, repairs", [
    ("October 11, 2025 at 14:55:49 UTC", "2025-10-11T14:55:49Z", []),
    ("October 18, 2025 at  7:18:52 UTC", "2025-10-18T07:18:52Z", []),
    ("July 3rd 2026 at 21:35:13 UTC", "2026-07-03T21:35:13Z", ["irregular"]),
    ("March 05, 2025 at 05:10:48", "2025-03-05T05:10:48Z", ["irregular", "no_timezone"]),
    ("May 26 2025 at 12:28:38 UTC", "2025-05-26T12:28:38Z", ["irregular"]),
    ("October 15, 2025 15:55:18 UTC", "2025-10-15T15:55:18Z", ["irregular"]),
    ("January 23, 2025 at 2025-01-23 15:30:04 UTC", "2025-01-23T15:30:04Z", ["irregular"]),
    ("May 31, 2024 at12:48:30 UTC", "2024-05-31T12:48:30Z", ["irregular"]),
    ("October 25, 2023 at 15:48:39 AM UTC", "2023-10-25T15:48:39Z",
     ["irregular", "am_pm_ignored"]),
    ("September 30, 2023 at 04:22:17 AM UTC", "2023-09-30T04:22:17Z", ["irregular"]),
    ("June 22, 2021 at 08:19:59 PM UTC", "2021-06-22T20:19:59Z", ["irregular"]),
    ("March 01, 2023, at 17:24:39 UTC", "2023-03-01T17:24:39Z", ["irregular"]),
    (" January 17, 2018 at 12:33:00 UTC", "2018-01-17T12:33:00Z", []),
    ("29 octobre 2025 à 04:35:24 UTC", "2025-10-29T04:35:24Z", ["irregular"]),   # French feed
    ("October 7 at 16:38:21 UTC", "2021-10-07T16:38:21Z", ["irregular", "year_inferred"]),
])
def test_hand_typed_timestamps(text, expected, repairs):
    when, got = R.parse_timestamp(text, on_or_before=dt.date(2021, 10, 27))
    assert R.iso_utc(when) == expected and got == repairs


def test_timestamps_that_cannot_be_read():
    for text in ("", "soon", "January 23, 2025 at 2025-01-24 15:30:04 UTC",   # two dates
                 "February 30, 2025 at 10:00:00 UTC", "May 1, 2025 at 25:00:00 UTC",
                 "October 7 at 16:38:21 UTC", None, 5):
        assert R.parse_timestamp(text)[0] is None, text
    out = F.parse_feed([row(drawCutOff="sometime in May")])
    assert out["rounds"][0]["tie_break"] is None
    assert codes(out["notes"]) == ["tie_break_unreadable"]
    out = F.parse_feed([row(drawCutOff="")])          # blank before #77: normal, no note
    assert out["rounds"][0]["tie_break"] is None and out["notes"] == []


def test_draw_numbers():
    out = F.parse_feed([row_on("2018-05-30", drawNumber="91a"),
                        row_on("2018-05-30", drawNumber="91b"),
                        row_on("2018-05-30", drawNumber=92),
                        row_on("2018-05-29", drawNumber=""),
                        row_on("2018-05-31", drawNumber="#93")])
    assert [r["number"] for r in out["rounds"]] == ["#93", "92", "91b", "91a", None]
    assert sorted(x["code"] for x in out["notes"]) == ["number_irregular", "number_missing"]


def test_duplicates_are_rejected_not_merged():
    out = F.parse_feed([row(), row(drawCRS="471")])
    assert [r["crs"] for r in out["rounds"]] == [470]
    assert [(x["index"], x["code"]) for x in out["rejected"]] == [(1, "duplicate")]


def test_distribution_defects():
    zeros = {"dd%d" % i: "0" for i in range(1, 19)}
    out = F.parse_feed([row(**zeros)])
    assert out["rounds"][0]["distribution"] is None and out["notes"] == []   # no data: normal
    out = F.parse_feed([row(dd5="N/A")])
    assert out["rounds"][0]["distribution"] is None
    assert codes(out["notes"]) == ["distribution_invalid"]
    out = F.parse_feed([row(dd18="229,101")])
    assert codes(out["notes"]) == ["distribution_total_mismatch"]
    out = F.parse_feed([row(dd10="13,596")])
    assert codes(out["notes"]) == ["distribution_subbands_mismatch"]
    out = F.parse_feed([row(drawDistributionAsOn="August 9, 2026")])
    assert codes(out["notes"]) == ["distribution_after_round"]
    out = F.parse_feed([row(drawDistributionAsOn="")])
    assert out["rounds"][0]["distribution"]["as_on"] is None
    assert codes(out["notes"]) == ["distribution_date_invalid"]


FEED_KEYS = ("drawNumber", "drawDate", "drawDateFull", "drawName", "drawSize", "drawCRS",
             "drawText2", "drawDateTime", "drawCutOff", "drawDistributionAsOn") + R.DD_FIELDS
junk = st.one_of(st.none(), st.booleans(), st.integers(-10, 10**7), st.floats(allow_nan=True),
                 st.text(max_size=30), st.sampled_from(["1,234", "N/A", "", "0", "August 7, 2026",
                                                        "2026-08-07", "July 3rd 2026 at 1:2:3"]),
                 st.lists(st.integers(), max_size=2))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(junk, st.dictionaries(st.sampled_from(FEED_KEYS), junk)), max_size=8))
def test_any_rows_parse_or_are_reported_and_never_raise(rows):
    out = F.parse_feed({"rounds": rows})
    rejected = {x["index"] for x in out["rejected"]}
    assert len(out["rounds"]) + len(rejected) == len(rows)
    json.dumps(out)                              # plain data


# ---------------------------------------------------------------------------------------------
# Categories

def test_mapping_table_uses_known_categories_with_both_labels():
    assert set(F.NAMES.values()) <= set(R.CATEGORIES)
    for key, (en, fr) in R.CATEGORIES.items():
        assert en and fr and R.category_label(key, "en") == en and R.category_label(key, "fr") == fr
    assert R.category_label("nope", "fr") == "nope"


@pytest.mark.parametrize("name, expected", [
    ("No Program Specified", "general"), ("General", "general"),
    ("Canadian Experience Class", "canadian_experience_class"),
    ("  canadian   experience class ", "canadian_experience_class"),   # same name, other spacing
    ("French language proficiency (Version 1)", "french"),
    ("French-Language proficiency 2026-Version 2", "french"),
    ("Healthcare occupations (Version 1)", "healthcare"),
    ("Healthcare and Social Services Occupations, 2026-Version 3", "healthcare"),
    ("Trade occupations (Version 1)", "trades"), ("Trades Occupations, 2026-Version 3", "trades"),
    ("Federal Skilled Trades", "federal_skilled_trades"),
    ("Physicians with Canadian Work Experience, 2026-Version 1", "physicians"),
])
def test_names_in_the_table(name, expected):
    assert F.category_of(name) == (expected, "table")


@pytest.mark.parametrize("name, expected", [
    ("Healthcare and Social Services Occupations, 2027-Version 4", "healthcare"),
    ("French-Language proficiency 2027-Version 3", "french"),
    ("Trades Occupations, 2027-Version 4", "trades"),
    ("Federal Skilled Trades Program", "federal_skilled_trades"),
    ("STEM occupations (Version 2)", "stem"),
    ("Catégorie de l'expérience canadienne", "canadian_experience_class"),
    ("Programme des candidats des provinces", "provincial_nominee_program"),
    ("Aucun programme précisé", "general"),
    ("Physicians, 2027-Version 2", "physicians"),
])
def test_renamed_rounds_are_guessed_and_reported(name, expected):
    assert F.category_of(name) == (expected, "keyword")
    out = F.parse_feed([row(drawName=name)])
    assert out["rounds"][0]["category"] == expected
    assert codes(out["notes"]) == ["name_unmapped"]


def test_unknown_or_missing_names_are_other_and_reported():
    out = F.parse_feed([row(drawName="Lottery"), row(drawNumber="2", drawName=...),
                        row(drawNumber="3", drawName=7)])
    assert {r["number"]: r["category"] for r in out["rounds"]} == \
        {"434": "other", "2": "other", "3": "other"}
    assert codes(out["notes"]) == ["name_unmapped"] * 3


# ---------------------------------------------------------------------------------------------
# The page's questions

def test_latest_by_category(snap):
    latest = R.latest_by_category(snap["rounds"])
    by = {x["category"]: x for x in latest}
    assert len(latest) == len(by) == 15                     # every category but "other"
    assert [x["date"] for x in latest] == sorted((x["date"] for x in latest), reverse=True)
    assert (by["canadian_experience_class"]["number"], by["canadian_experience_class"]["crs"],
            by["canadian_experience_class"]["size"]) == ("446", 518, 2000)
    assert by["canadian_experience_class"]["secondary"] is True     # from the supplement
    assert (by["provincial_nominee_program"]["number"], by["provincial_nominee_program"]["crs"]) \
        == ("445", 725)
    assert (by["french"]["number"], by["french"]["crs"], by["french"]["size"]) == ("437", 382, 5000)
    assert by["french"]["secondary"] is False
    assert (by["general"]["number"], by["general"]["date"], by["general"]["crs"]) == \
        ("294", "2024-04-23", 529)
    assert by["french"]["label"] == {"en": "French-language proficiency",
                                     "fr": "Compétences linguistiques en français"}
    assert by["transport"]["tie_break"] == "2025-10-11T14:55:49Z"


def test_latest_by_category_as_of_a_past_date(snap):
    by = {x["category"]: x for x in R.latest_by_category(snap["rounds"], as_of="2024-01-01")}
    assert "physicians" not in by and "transport" in by
    for key, x in by.items():         # brute force: the newest of that category by then
        same = [r for r in snap["rounds"] if r["category"] == key and r["date"] <= "2024-01-01"]
        assert x["date"] == max(r["date"] for r in same)
    assert by["general"]["name"] == "General"      # renamed from "No Program Specified"
    assert R.latest_by_category([], as_of="2024-01-01") == []


def rounds_on(*days):
    return [{"number": str(i), "date": d, "category": "canadian_experience_class", "name": "x",
             "crs": 500 + i, "size": 10, "tie_break": None, "distribution": None}
            for i, d in enumerate(days)]


def test_last_12_months_window():
    rs = rounds_on("2025-08-06", "2025-08-07", "2025-08-08", "2026-01-01", "2026-08-07",
                   "2026-08-08")
    got = R.last_12_months(rs, "2026-08-07")
    assert [p["date"] for p in got] == ["2025-08-08", "2026-01-01", "2026-08-07"]
    leap = R.last_12_months(rounds_on("2023-02-28", "2023-03-01", "2024-02-29"),
                            dt.date(2024, 2, 29))
    assert [p["date"] for p in leap] == ["2023-03-01", "2024-02-29"]


def test_last_12_months_on_the_snapshot(snap):
    pts = R.last_12_months(snap["rounds"], "2026-08-07")
    assert len(pts) == 75 and pts[0]["date"] == "2025-08-08" and pts[-1]["number"] == "434"
    assert [p["date"] for p in pts] == sorted(p["date"] for p in pts)
    assert {"date", "crs", "category", "label", "size", "number"} <= set(pts[0])
    json.dumps(pts)
    assert R.last_12_months(snap["rounds"], "2014-01-01") == []
    with pytest.raises(ValueError):
        R.last_12_months(snap["rounds"], "yesterday")


# Hand-computed pool: 1 above 600, 2 in 501-600, 3..7 in the 10-point bands of 451-500
# (sum 25), 8..12 in those of 401-450 (sum 50), 13, 14, 15 below; 120 in all.
HAND = {"as_on": "2026-08-03",
        "dd": [1, 2, 25, 3, 4, 5, 6, 7, 50, 8, 9, 10, 11, 12, 13, 14, 15, 120]}


@pytest.mark.parametrize("score, low, high, band", [
    (1200, 0, 0, (601, 1200)),
    (601, 0, 1, (601, 1200)),
    (600, 1, 1, (501, 600)),
    (500, 3, 3, (491, 500)),          # top of a band: exact
    (495, 3, 6, (491, 500)),          # inside: between the bands above and those plus its own
    (491, 3, 6, (491, 500)),
    (470, 15, 15, (461, 470)),
    (465, 15, 21, (461, 470)),
    (450, 28, 28, (441, 450)),
    (405, 28 + 8 + 9 + 10 + 11, 28 + 50, (401, 410)),
    (400, 78, 78, (351, 400)),
    (351, 78, 91, (351, 400)),
    (300, 105, 105, (0, 300)),
    (0, 105, 120, (0, 300)),
])
def test_candidates_above_hand_computed(score, low, high, band):
    out = R.candidates_above(score, HAND)
    assert (out["above_min"], out["above_max"]) == (low, high)
    assert (out["band"]["low"], out["band"]["high"]) == band
    assert out["exact"] == (low == high) and out["total"] == 120 and out["as_on"] == "2026-08-03"


def test_candidates_above_does_not_count_aggregate_and_sub_bands_twice():
    bands = R.pool_bands(HAND)
    assert sum(b["count"] for b in bands) == 120 and len(bands) == 15
    for a, b in zip(bands, bands[1:]):
        assert a["low"] == b["high"] + 1                  # contiguous, no overlap


def test_candidates_above_uses_the_aggregate_when_sub_bands_disagree():
    bad = copy.deepcopy(HAND)
    bad["dd"][3] = 4                                      # 491-500 now 4: sub-bands sum to 26
    out = R.candidates_above(480, bad)
    assert (out["above_min"], out["above_max"]) == (3, 28)
    assert (out["band"]["low"], out["band"]["high"], out["band"]["count"]) == (451, 500, 25)
    assert R.candidates_above(450, bad)["above_min"] == 28


def test_candidates_above_on_the_latest_pool(snap):
    d = R.latest_distribution(snap["rounds"])
    assert d["as_on"] == "2026-08-16"                 # round #437's pool (feed copy 2026-08-20)
    out = R.candidates_above(470, d)
    assert out["exact"] and out["above_min"] == 439 + 18_657 + 12_915 + 13_066 + 16_626
    assert R.latest_distribution(snap["rounds"], as_of="2021-12-31") is None


def test_candidates_above_without_data_or_with_a_bad_score():
    assert R.candidates_above(450, None) is None
    assert R.candidates_above(450, {"as_on": None, "dd": []}) is None
    for bad in (-1, 1201, 450.0, "450", True, None):
        with pytest.raises(ValueError):
            R.candidates_above(bad, HAND)


def test_format_timestamp_as_ircc_publishes():
    assert formats.timestamp("2025-10-11T14:55:49Z", "en") == "October 11, 2025 at 14:55:49 UTC"
    assert formats.timestamp("2025-10-29T04:35:24+00:00", "fr") == \
        "29 octobre 2025 à 04:35:24 UTC"
    assert formats.date("2026-08-01", "fr") == "1er août 2026"
