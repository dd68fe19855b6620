"""The language-test planner (crs.planner, docs/planner.md): the thresholds against the tables
as a helper read them from crs-rules.md §4 by hand (tests/planner/thresholds.json), and
hand-computed plans (tests/planner/plan-*.json)."""

import json
import pathlib

import pytest

import crs
from crs import clb, planner

FOLDER = pathlib.Path(__file__).resolve().parents[1] / "planner"
PLANS = sorted(FOLDER.glob("plan-*.json"))


def _thresholds():
    return json.loads((FOLDER / "thresholds.json").read_text(encoding="utf-8"))["tests"]


def _rows():
    for test, abilities in _thresholds().items():
        for ability, levels in abilities.items():
            for level, score in levels.items():
                yield test, ability, int(level), score


@pytest.mark.parametrize("test,ability,level,score", list(_rows()))
def test_the_lowest_score_of_each_level_is_the_table_read_backwards(test, ability, level, score):
    if test == "tef_canada_old":
        got = clb.minimum_score("tef_canada", ability, level, "2023-12-10")
    else:
        got = clb.minimum_score(test, ability, level)
    assert got == score
    if score is not None:
        real = "tef_canada" if test == "tef_canada_old" else test
        day = "2023-12-10" if test == "tef_canada_old" else None
        assert clb.to_clb(real, ability, score, day) >= level
        step = clb.STEP[clb.scale_for(real, clb._dt.date.fromisoformat(day) if day else None)]
        below = score - step
        low = clb.SCALES[clb.scale_for(real, clb._dt.date.fromisoformat(day) if day else None)
                         ]["range"][ability][0]
        if below >= low:
            assert clb.to_clb(real, ability, below, day) < level


def test_every_test_with_a_scale_is_in_the_thresholds():
    assert set(_thresholds()) == set(planner.TESTS["en"] + planner.TESTS["fr"]) | \
        {"tef_canada_old"}


def _steps(out):
    for person in out["people"]:
        for step in person["steps"]:
            yield dict(step, who=person["who"])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_plan_case(path, lang):
    case = json.loads(path.read_text(encoding="utf-8"))
    out = crs.plan(case["profile"], as_of=case["as_of"], lang=lang)
    exp = case["expected"]
    assert out["total"] == exp["total_now"]
    steps = list(_steps(out))
    for want in exp.get("steps", ()):
        found = [s for s in steps if s["who"] == want["who"] and s["role"] == want["role"]
                 and s["test"] == want["test"] and s["level"] == want["level"]]
        assert found, (want, steps)
        assert found[0]["needed"] == want["needed"]
        assert found[0]["gain"] == want["gain"]
    for role in exp.get("expected_no_steps_for", ()):
        assert not [s for s in steps if s["who"] == role["who"] and s["role"] == role["role"]]


def test_steps_are_best_first_and_each_gain_is_a_score():
    doc = {"marital_status": "never_married", "age": 30, "education": "bachelors",
           "first_language": {"test": "ielts_gt", "speaking": 6.5, "listening": 7.5,
                              "reading": 6.5, "writing": 6.5, "test_date": "2025-09-01"}}
    out = crs.plan(doc, as_of="2026-11-23")
    steps = out["people"][0]["steps"]
    assert steps and [s["gain"] for s in steps] == sorted((s["gain"] for s in steps),
                                                          reverse=True)
    for step in steps[:4]:
        result = dict(step["needed"], test=step["test"], test_date="2026-11-23")
        role = step["role"]
        changed = dict(doc, **{role: result})
        assert crs.score(changed, as_of="2026-11-23")["total"] == out["total"] + step["gain"]
    assert out["people"][0]["results"][0]["stale_on"] == "2027-09-01"


def test_pte_core_is_not_planned_before_it_was_approved():
    doc = {"marital_status": "never_married", "age": 30, "education": "bachelors",
           "first_language": {"test": "clb", "speaking": 7, "listening": 7, "reading": 7,
                              "writing": 7}}
    before = {s["test"] for s in _steps(crs.plan(doc, as_of="2023-06-01"))}
    after = {s["test"] for s in _steps(crs.plan(doc, as_of="2026-06-01"))}
    assert "pte_core" not in before and "pte_core" in after


def test_the_command_line_plans(tmp_path, capsys):
    from crs.cli import main
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"marital_status": "never_married", "age": 30,
                                "education": "bachelors",
                                "first_language": {"test": "clb", "speaking": 8,
                                                   "listening": 8, "reading": 8,
                                                   "writing": 8}}))
    assert main(["plan", str(path), "--date", "2026-11-23", "--compact"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["people"][0]["steps"][0]["gain"] > 0
