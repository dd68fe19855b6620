"""Every case file of tests/cases, scored by the core."""

import pytest

import crs
from tests.caseload import check, load_cases

CASES = load_cases()


def test_there_are_cases():
    assert len(CASES) >= 100


@pytest.mark.parametrize("case", CASES, ids=[c["_path"] for c in CASES])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_case(case, lang):
    result = crs.score(case["profile"], as_of=case.get("as_of"), rules=case.get("rules"),
                       lang=lang)
    assert check(case, result) == []
    if "errors" in result:
        for error in result["errors"]:
            assert error["message"] and error["field"] and error["code"]


def test_case_ids_are_unique_and_match_file_names():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert case["_path"].rsplit("/", 1)[-1] == case["id"] + ".json"
