"""Round types (crs.categories): every case file of tests/categories (computed by hand from
docs/categories.md), the command line, and the data's round-name map."""

import json
import pathlib
import subprocess
import sys

import pytest

from crs import categories as cat

ROOT = pathlib.Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "categories"
CASES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FOLDER.glob("*.json"))]


def test_there_are_cases():
    assert len(CASES) >= 40


def diff(case, result):
    exp = case["expected"]
    if "errors" in result:
        return ["unexpected errors %r" % result["errors"]]
    out = []
    if "category_set" in exp and result["category_set"] != exp["category_set"]:
        out.append("category_set %r != %r" % (result["category_set"], exp["category_set"]))
    got = {r["id"]: r for r in result["round_types"]}
    for rid in exp.get("absent", ()):
        if rid in got:
            out.append("%s should not be in force" % rid)
    for rid, want in exp.get("round_types", {}).items():
        if rid not in got:
            out.append("%s missing" % rid)
            continue
        have = dict(got[rid], reasons=[r["code"] for r in got[rid]["reasons"]])
        for key, value in want.items():
            if have.get(key) != value:
                out.append("%s.%s %r != %r" % (rid, key, have.get(key), value))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_case(case, lang):
    result = cat.categories(case["profile"], as_of=case["as_of"], lang=lang)
    assert diff(case, result) == []
    for entry in result["round_types"]:
        assert entry["reasons"] and all(r["message"] for r in entry["reasons"])
        assert "{" not in json.dumps([r["message"] for r in entry["reasons"]])


def test_command_line_array_in_array_out(tmp_path):
    profiles = [CASES[0]["profile"], {"age": "x"}]
    path = tmp_path / "two.json"
    path.write_text(json.dumps(profiles))
    run = subprocess.run([sys.executable, "-m", "crs", "categories", str(path), "--date",
                          CASES[0]["as_of"], "--lang", "fr"], capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT / "py")})
    assert run.returncode == 2, run.stderr
    out = json.loads(run.stdout)
    assert [("round_types" in x, "errors" in x) for x in out] == [(True, False), (False, True)]
    first = out[0]
    assert set(first) >= {"as_of", "category_set", "round_types"}
    ids = [r["id"] for r in first["round_types"]]
    assert ids[:5] == ["general", "fsw", "cec", "fst", "pnp"]
    for r in first["round_types"]:
        assert set(r) >= {"id", "kind", "status", "reasons", "occupation", "months"}
        assert r["kind"] in ("general", "program", "provincial", "category")


def test_every_category_id_of_the_data_is_known():
    ids = {c["id"] for s in cat.data()["sets"] for c in s["categories"]}
    assert ids == {"french", "healthcare", "stem", "trades", "transport", "agriculture",
                   "education", "physicians_canadian_experience",
                   "senior_managers_canadian_experience", "researchers_canadian_experience",
                   "military"}


def test_the_shipped_data_is_the_shared_file_trimmed():
    source = ROOT.parent / "shared" / "data" / "ee_categories.json"
    if not source.exists():
        pytest.skip("shared/data is not beside this checkout")
    from crs import feed
    shipped = cat.data()
    built = feed.build_categories(json.loads(source.read_text(encoding="utf-8")),
                                  shipped["provenance"]["generated"])
    assert built == shipped


# --- Every round name maps to a round type -------------------------------------------------

def test_every_round_name_of_the_snapshot_maps_to_a_round_type_and_set():
    from crs import rounds as R
    names = cat.data()["round_names"]
    snapshot = R.load_snapshot()
    assert snapshot["errors"] == []
    ids = {"general", "cec", "fsw", "fst", "pnp"} | {c["id"] for s in cat.data()["sets"]
                                                      for c in s["categories"]}
    for r in snapshot["rounds"]:
        assert r["name"] in names, "unmapped round name %r (#%s)" % (r["name"], r["number"])
        entry = names[r["name"]]
        assert entry["id"] in ids
        # the feed repair's own category key agrees with the data's round type
        assert R.round_type_of(r["category"]) == entry["id"], r["name"]
        if entry["kind"] == "category":
            assert entry["sets"], r["name"]
            # the round is held while a set that has this category is in force (or its own
            # earlier start): its date is on or after the first of its sets
            first = min(s["in_force"] for s in cat.data()["sets"] if s["id"] in entry["sets"])
            early = [c.get("in_force") for s in cat.data()["sets"] for c in s["categories"]
                     if c["id"] == entry["id"] and c.get("in_force")]
            assert r["date"] >= min([first] + early), (r["number"], r["name"])


def test_the_supplement_names_map_too():
    source = ROOT.parent / "shared" / "data" / "ee_rounds_supplement.json"
    if not source.exists():
        pytest.skip("shared/data is not beside this checkout")
    names = cat.data()["round_names"]
    for r in json.loads(source.read_text(encoding="utf-8"))["rounds"]:
        assert r["name"] in names and r["name_fr"] in names, r["number"]


# --- The announced 2026 change ---------------------------------------------------------------

def test_the_announced_change_never_scores_and_is_said_from_its_day():
    import crs
    from crs import rules
    assert all(not s.id.startswith("2026-11") for s in rules.RULE_SETS)
    assert [a["id"] for a in rules.announced_on(__import__("datetime").date(2026, 11, 3))] \
        == ["2026-11-03"]
    doc = CASES[0]["profile"]
    before = crs.score(doc, as_of="2026-11-02")
    for lang, words in (("en", "November 3, 2026"), ("fr", "3 novembre 2026")):
        after = crs.score(doc, as_of="2026-11-03", lang=lang)
        said = [w["message"] for w in after["warnings"] if w["code"] == "announced_change"]
        assert len(said) == 1 and words in said[0]
        assert ("March 25, 2025" if lang == "en" else "25 mars 2025") in said[0]
        assert after["total"] == before["total"]
    assert not [w for w in before["warnings"] if w["code"] == "announced_change"]


# --- What past rounds say (crs.rounds.history), on a hand-worked slice ------------------------

HISTORY = ROOT / "tests" / "rounds" / "history-slice.json"


def _history_cases():
    if not HISTORY.exists():
        return []
    return json.loads(HISTORY.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", _history_cases(), ids=lambda c: c["id"])
def test_history_on_a_hand_worked_slice(case):
    from crs import dates, rounds as R
    when = dates.timestamp(case["submitted_at"])[0] if case.get("submitted_at") else None
    got = R.history(R.load_snapshot()["rounds"], case["round_type"], case["as_of"],
                    case["score"], when)
    for months, want in case["windows"].items():
        w = got["windows"][int(months)]
        have = dict(w, rounds=[r["number"] for r in w["rounds"]],
                    outcomes={r["number"]: r["outcome"] for r in w["rounds"]
                              if r["outcome"].startswith("tie")})
        for key, value in want.items():
            assert have[key] == value, (months, key)


def test_there_is_a_hand_worked_history_slice():
    assert len(_history_cases()) >= 5


def test_months_before_takes_the_last_day_of_a_shorter_month():
    import datetime as dt
    from crs import dates
    assert dates.months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert dates.months_before(dt.date(2028, 8, 31), 6) == dt.date(2028, 2, 29)
    assert dates.months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)
    assert dates.months_before(dt.date(2026, 3, 1), 1) == dt.date(2026, 2, 1)


def test_past_rounds_sums_the_round_types_that_can_invite(tmp_path):
    # From the hand-worked slice: on 2026-08-20, CEC had 21 rounds in 12 months and a score of
    # 523 submitted 2026-08-17T20:00Z was at or above the cutoff in 16; no general round.
    from crs import dates, rounds as R
    types = {"as_of": "2026-08-20", "round_types": [
        {"id": "general", "status": "eligible"}, {"id": "cec", "status": "eligible"},
        {"id": "pnp", "status": "not_eligible"}, {"id": "healthcare", "status": "unknown"}]}
    past = cat.past_rounds(types, R.load_snapshot()["rounds"], 523,
                           dates.timestamp("2026-08-17T20:00:00Z")[0])
    assert past == {"round_types": ["general", "cec"], "count": 21, "at_or_above": 16}
