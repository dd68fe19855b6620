"""The couple scored both ways (crs.couple): hand-computed case files in tests/couple/, and
the swap's own properties."""

import json
import pathlib

import pytest

import crs
from crs import couple
from tests.caseload import check

CASES = sorted((pathlib.Path(__file__).resolve().parents[1] / "couple").glob("*.json"))


def _load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_hand_computed_couple_cases():
    assert len(CASES) >= 12


def _check_way(expected, got):
    """A way's expectation: a score (checked as the score case files are) or what stands
    instead of it."""
    if "missing" in expected:
        assert got.get("missing") == expected["missing"], got
        assert "total" not in got and got["message"]
        return
    if "not_applicable" in expected:
        assert got.get("not_applicable") == expected["not_applicable"], got
        assert "total" not in got and got["message"]
        return
    diffs = check({"expected": expected}, got)
    assert not diffs, diffs


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_couple_case(path, lang):
    case = _load(path)
    out = couple.couple(case["profile"], as_of=case["as_of"], lang=lang)
    assert "errors" not in out, out
    _check_way(case["expected"]["as_filed"], out["as_filed"])
    _check_way(case["expected"]["swapped"], out["swapped"])
    # The as-filed score is crs.score's own.
    assert out["as_filed"] == crs.score(case["profile"], as_of=case["as_of"], lang=lang)


def _swappable(path):
    spouse = _load(path)["profile"].get("spouse")
    return isinstance(spouse, dict) and not spouse.get("canadian_citizen_or_pr") \
        and spouse.get("accompanying")


SWAPPABLE = [p for p in CASES if _swappable(p)]


@pytest.mark.parametrize("path", SWAPPABLE, ids=[p.stem for p in SWAPPABLE])
def test_swapping_twice_gives_the_couple_back(path):
    case = _load(path)
    doc = case["profile"]
    twice = couple.swapped_document(couple.swapped_document(doc))
    kept = {k: v for k, v in doc.items() if k not in couple.LEFT_OUT and v is not None}
    kept["spouse"] = {k: v for k, v in doc["spouse"].items() if v is not None}
    assert twice == kept


def test_the_command_line_prints_both_ways_and_an_array_for_an_array(tmp_path, capsys):
    from crs.cli import main
    case = _load(CASES[0])
    path = tmp_path / "c.json"
    path.write_text(json.dumps([case["profile"], {"marital_status": "single"}]))
    status = main(["couple", str(path), "--date", case["as_of"], "--compact"])
    out = json.loads(capsys.readouterr().out)
    assert status == 2
    assert set(out[0]) == {"as_filed", "swapped"}
    assert out[1]["errors"][0]["field"] == "marital_status"


def test_an_error_in_a_spouse_fact_names_the_spouse_field():
    doc = {"marital_status": "married", "age": 30, "education": "bachelors",
           "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                              "writing": 9},
           "spouse": {"accompanying": True, "canadian_citizen_or_pr": False, "age": "thirty",
                      "foreign_work_years": 11,
                      "second_language": {"test": "celpip_g", "speaking": 9, "listening": 9,
                                          "reading": 9, "writing": 9},
                      "language": {"test": "clb", "speaking": 7, "listening": 7, "reading": 7,
                                   "writing": 7},
                      "work_history": [{"where": "mars", "teer": 1, "start": "2020-01-01"}]}}
    for lang in ("en", "fr"):
        errors = crs.validate(doc, as_of="2026-11-23", lang=lang)
        fields = {e["field"]: e for e in errors}
        assert set(fields) == {"spouse.age", "spouse.foreign_work_years",
                               "spouse.second_language.test", "spouse.work_history.0.where"}
        assert "spouse" in fields["spouse.age"]["message"].lower() or \
            "époux" in fields["spouse.age"]["message"].lower()


def test_swapped_errors_are_named_as_the_original_fields():
    assert couple.original_field("first_language.speaking") == "spouse.language.speaking"
    assert couple.original_field("spouse.language.test") == "first_language.test"
    assert couple.original_field("work_history.2.start") == "spouse.work_history.2.start"
    assert couple.original_field("spouse.work_history.0.end") == "work_history.0.end"
    assert couple.original_field("sibling_in_canada") == "sibling_in_canada"


def test_differences_list_only_the_lines_that_differ():
    case = _load(CASES[0])
    out = couple.couple(case["profile"], as_of=case["as_of"])
    if "total" not in out["swapped"]:
        pytest.skip("first case has no swapped score")
    diff = couple.differences(out["as_filed"], out["swapped"])
    a = {line["id"]: line["points"] for line in out["as_filed"]["lines"]}
    b = {line["id"]: line["points"] for line in out["swapped"]["lines"]}
    assert [d["id"] for d in diff["lines"]] == [k for k in a if a[k] != b[k]]
    assert diff["total"] == [out["as_filed"]["total"], out["swapped"]["total"]]
