"""Case files typed field by field, as a person would, in each language."""

import pytest

from .conftest import CASES, ROOT, case_document, load_case, open_page, read_result
from .people import representable, type_profile, wait_total


def typed_cases(n=12):
    """The richest valid cases the form can show (most questions answered), one per id."""
    chosen = []
    for path in CASES:
        case = load_case(path)
        if "errors" in case["expected"] or "as_of" in case["profile"]:
            continue
        doc = case_document(case)
        profile = {k: v for k, v in doc.items() if k != "as_of"}
        if not representable(profile):
            continue
        richness = len(str(profile))
        chosen.append((richness, str(path.relative_to(ROOT / "tests" / "cases")), case))
    chosen.sort(key=lambda c: (-c[0], c[1]))
    return [pytest.param(c, id=name) for _, name, c in chosen[:n]]


CASES_TYPED = typed_cases()


def test_enough_typed_cases():
    assert len(CASES_TYPED) >= 10


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("case", CASES_TYPED)
def test_typed_case(page, site_url, lang, case):
    open_page(page, site_url, lang)
    doc = case_document(case)
    profile = {k: v for k, v in doc.items() if k != "as_of"}
    type_profile(page, profile, as_of=doc.get("as_of"))
    wait_total(page, case["expected"]["total"])
    got = read_result(page)
    assert got["sections"] == {k: str(v) for k, v in case["expected"]["sections"].items()}
    assert not got["summary_visible"]
