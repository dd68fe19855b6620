"""The rounds panel against the same case files as the core (tests/categories, computed by
hand from docs/categories.md): every round type's status on the page, in both languages,
and no round type that is not in force on the case's day."""

import json
import time

import pytest

from web import form

from .conftest import ROOT, open_page, poll

FOLDER = ROOT / "tests" / "categories"
CASES = sorted(FOLDER.glob("*.json"))


@pytest.fixture(scope="module", params=["en", "fr"])
def types_page(request, browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    open_page(page, site_url, request.param)
    yield page
    context.close()


def panels(page):
    return int(page.evaluate("document.documentElement.getAttribute('data-crs-panels') || 0"))


def shown(page):
    """{round type id: status} as the page shows them: the cards and the folded list."""
    cards = page.eval_on_selector_all(
        "#rounds-types li", "els => els.map(e => [e.getAttribute('data-round-type'),"
        " e.getAttribute('data-status')])")
    folded = page.eval_on_selector_all(
        "#rounds-not-eligible li", "els => els.map(e => e.getAttribute('data-round-type'))")
    out = dict(cards)
    out.update({rid: "not_eligible" for rid in folded})
    return out


def test_there_are_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_round_types_on_the_page(types_page, path):
    case = json.loads(path.read_text(encoding="utf-8"))
    page = types_page
    before = panels(page)
    doc = dict(case["profile"], as_of=case["as_of"])
    page.evaluate("h => { location.hash = h; }", "#p=" + form.encode_share(doc))
    poll(page, "Number(document.documentElement.getAttribute('data-crs-panels') || 0) > %d"
         % before, 20)
    exp = case["expected"]

    def wrong(got):
        bad = ["%s: %s != %s" % (rid, got.get(rid), want["status"])
               for rid, want in exp.get("round_types", {}).items()
               if "status" in want and got.get(rid) != want["status"]]
        bad += ["%s shown" % rid for rid in exp.get("absent", ()) if rid in got]
        if not {"general", "fsw", "cec", "fst", "pnp"} <= set(got):
            bad.append("a program round type is missing")
        return bad

    # The panels of the previous case may still be on their way: wait, within a limit, for
    # this case's answer (a wrong answer stays wrong and fails).
    deadline = time.monotonic() + 10
    while wrong(shown(page)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert wrong(shown(page)) == []
