"""Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) in both languages, empty, with a
full result (spouse questions shown) and with errors; keyboard-only completion; visible focus."""

import pytest

from web import form

from .conftest import ROOT, open_page, poll
from .people import wait_total

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

WITH_SPOUSE = {
    "marital_status": "married", "age": 33, "education": "two_or_more",
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "bachelors",
               "canadian_work_years": 1,
               "language": {"test": "clb", "speaking": 7, "listening": 7, "reading": 7,
                            "writing": 7}},
    "canadian_education": "one_or_two_year",
    "first_language": {"test": "clb", "speaking": 10, "listening": 10, "reading": 10,
                       "writing": 10},
    "second_language": {"test": "nclc", "speaking": 7, "listening": 7, "reading": 7,
                        "writing": 7},
    "canadian_work_years": 2, "foreign_work_years": 3, "as_of": "2026-11-23",
}
WITH_SPOUSE_TOTAL = "575"     # crs-rules.md §7.2 E3


def axe_violations(page):
    page.evaluate(AXE.read_text(encoding="utf-8"))    # CDP evaluation: not subject to the CSP
    return page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))", TAGS)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("state", ["empty", "result-with-spouse", "errors"])
def test_axe_finds_no_violations(page, site_url, lang, state):
    if state == "empty":
        open_page(page, site_url, lang)
    elif state == "result-with-spouse":
        open_page(page, site_url, lang, "#p=" + form.encode_share(WITH_SPOUSE))
        wait_total(page, WITH_SPOUSE_TOTAL)
        assert page.is_visible("#spouse-section")
        page.click("#make-share")
    else:
        bad = dict(WITH_SPOUSE, age="abc",
                   first_language=dict(WITH_SPOUSE["first_language"], listening=13))
        open_page(page, site_url, lang, "#p=" + form.encode_share(bad))
        poll(page, "!document.getElementById('error-summary').hidden")
    violations = axe_violations(page)
    assert violations == [], violations


def focus_id(page):
    return page.evaluate("document.activeElement && (document.activeElement.id || document.activeElement.name)")


def tab_to(page, fid, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate("({id: document.activeElement.id, name: document.activeElement.name || ''})")
        if active["id"] == fid or active["name"] == fid:
            return
    raise AssertionError("Tab never reached #" + fid)


def choose(page, fid, value, limit=30):
    """Change a focused select or radio group with the arrow keys until it shows `value`."""
    for _ in range(limit):
        current = page.evaluate("""fid => { const el = document.activeElement;
            if (el.type === 'radio') return (document.querySelector(`input[name='${fid}']:checked`) || {}).value;
            return el.value; }""", fid)
        if current == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError("could not choose %s for %s" % (value, fid))


def test_keyboard_only_completion(page, site_url):
    """E1 (429) entered with the keyboard alone: Tab, arrow keys and typing."""
    open_page(page, site_url)
    page.keyboard.press("Tab")
    assert focus_id(page) == "" and page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")                       # the skip link leads to the form
    steps = [("marital_status", "choose", "never_married"), ("age", "type", "29"),
             ("education", "choose", "bachelors"),
             ("first_language-test", "choose", "ielts_gt"),
             ("first_language-test_date", "type", "04022025"),
             ("first_language-speaking", "type", "7"), ("first_language-listening", "type", "8"),
             ("first_language-reading", "type", "7"), ("first_language-writing", "type", "7"),
             ("foreign_work_years", "type", "3"), ("sibling_in_canada", "choose", "no")]
    for fid, how, value in steps:
        tab_to(page, fid)
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "no visible focus on " + fid
        if how == "type":
            page.keyboard.type(value)
        else:
            choose(page, fid, value)
    tab_to(page, "as_of")
    page.keyboard.type("11232026")
    wait_total(page, "429")
    assert page.input_value("#first_language-test_date") == "2025-04-02"
