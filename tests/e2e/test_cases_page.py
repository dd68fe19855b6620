"""Every case file of tests/cases, loaded into the page through its share link (#p=...).

The page's hooks (data-crs-total, data-crs-section/data-crs-points) must equal the case's
expected values; for an error case the error summary must show. Both languages. One page per
language is reused: each case is a new #p= fragment, which the page loads on `hashchange`.
"""

import pytest

from web import form

from .conftest import (CASES, ROOT, case_document, load_case, open_page, read_result, renders,
                       wait_render)

IDS = [str(p.relative_to(ROOT / "tests" / "cases")) for p in CASES]


@pytest.fixture(scope="module", params=["en", "fr"])
def case_page(request, browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    open_page(page, site_url, request.param)
    yield page
    context.close()


def load_into(page, doc):
    before = renders(page)
    page.evaluate("h => { location.hash = h; }", "#p=" + form.encode_share(doc))
    wait_render(page, before)
    return read_result(page)


def test_some_cases_exist():
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=IDS)
def test_case_through_share_link(case_page, path):
    case = load_case(path)
    got = load_into(case_page, case_document(case))
    expected = case["expected"]
    if "errors" in expected:
        assert got["summary_visible"], "no error summary for %s: %s" % (case["id"], got)
        assert got["total"] == ""
        assert len(got["errors"]) >= len(expected["errors"])
        return
    assert not got["summary_visible"], got["errors"]
    assert got["total"] == str(expected["total"]), (case["id"], got)
    assert got["sections"] == {k: str(v) for k, v in expected["sections"].items()}
    for line, points in expected.get("lines", {}).items():
        assert got["lines"][line].split(" / ")[0] == str(points), (line, got["lines"][line])
