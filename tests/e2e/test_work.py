"""The jobs in the page (web/work.py) and the NOC 2021 finder, in both languages: the finder
picked with the keyboard alone, the NOC and TEER filled, the eligibility panel following,
removal, errors on a period's input, loading, axe with a period open, screenshots."""

import pytest

from web import form

from .conftest import SCREENSHOTS, assert_no_sideways_scroll, open_page, poll
from .people import wait_total
from .test_a11y import axe_violations

AS_OF = "2026-11-23"
BASE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
        "first_language": {"test": "ielts_gt", "speaking": 7.0, "listening": 8.0,
                           "reading": 7.0, "writing": 7.0, "test_date": "2025-04-02"},
        "canadian_work_years": 2, "as_of": AS_OF}
BASE_TOTAL = "457"
QUERY = {"en": "software engin", "fr": "ingénieur logiciel"}
TITLE = {"en": "Software engineers and designers",
         "fr": "Ingénieurs/ingénieures et concepteurs/conceptrices en logiciel"}


def wait_panels(page):
    poll(page, "!document.getElementById('beyond-panels').hidden")


def cec_status(page):
    return page.evaluate("(document.querySelector('[data-program=cec]') || {}).dataset?.status")


def add_job(page, lang):
    page.click("#optional summary")
    page.click("#work_history-add")
    poll(page, "document.activeElement.id === 'work_history-0-where'")


def pick(page, fid, query, code):
    """Type in the finder and choose `code` with ArrowDown and Enter only."""
    page.focus("#" + fid)
    page.keyboard.type(query)
    poll(page, "document.querySelector('#%s-list [data-crs-noc]')" % fid, timeout=20)
    codes = page.eval_on_selector_all("#%s-list [data-crs-noc]" % fid,
                                      "els => els.map(e => e.dataset.crsNoc)")
    assert code in codes[:3], codes
    for _ in range(codes.index(code) + 1):
        page.keyboard.press("ArrowDown")
    assert page.get_attribute("#" + fid, "aria-activedescendant") == "%s-opt-%d" % (
        fid, codes.index(code))
    page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_finder_fills_the_period_and_eligibility_follows(page, site_url, lang):
    open_page(page, site_url, lang, "#p=" + form.encode_share(BASE))
    wait_total(page, BASE_TOTAL)
    wait_panels(page)
    assert cec_status(page) == "unknown"
    # Nothing of the NOC data before a finder is used.
    assert page.evaluate("performance.getEntriesByType('resource')"
                         ".filter(e => e.name.includes('noc2021')).length") == 0
    add_job(page, lang)
    page.keyboard.press("Space")                       # "In Canada"
    assert page.is_checked("#work_history-0-where")
    page.fill("#work_history-0-start", "2023-01-02")
    page.fill("#work_history-0-hours_per_week", "40")
    pick(page, "work_history-0-find", QUERY[lang], "21231")
    assert page.input_value("#work_history-0-noc") == "21231"
    assert page.input_value("#work_history-0-teer") == "1"
    assert TITLE[lang] in page.input_value("#work_history-0-find")
    assert page.get_attribute("#work_history-0-find", "aria-expanded") == "false"
    wait_total(page, BASE_TOTAL)
    poll(page, "(document.querySelector('[data-program=cec]') || {}).dataset?.status === 'eligible'")
    # Removed: the score's panel is as before.
    page.click("text=" + ("Remove job 1" if lang == "en" else "Retirer l’emploi 1"))
    poll(page, "document.getElementById('work_history-entries').children.length === 0")
    assert page.evaluate("document.activeElement.id") == "work_history-add"
    poll(page, "(document.querySelector('[data-program=cec]') || {}).dataset?.status === 'unknown'")


def test_suggestions_say_what_a_group_opens(page, site_url):
    open_page(page, site_url, "en", "#p=" + form.encode_share(BASE))
    add_job(page, "en")
    page.focus("#work_history-0-find")
    page.keyboard.type("electricain")                  # one edit away
    poll(page, "document.querySelector('#work_history-0-find-list [data-crs-noc=\"72200\"]')",
         timeout=20)
    text = page.text_content('#work_history-0-find-list [data-crs-noc="72200"]')
    assert "Electricians (except industrial and power system)" in text
    assert "TEER 2" in text and "skilled (FSW, CEC)" in text and "FST trade" in text
    assert "Trade occupations" in text
    assert "match" in page.text_content("#work_history-0-find-status")
    page.keyboard.press("Escape")
    assert page.is_hidden("#work_history-0-find-list")
    # The form is not re-scored per keystroke in the finder.
    renders = page.evaluate("document.documentElement.getAttribute('data-crs-renders')")
    page.keyboard.type(" x")
    assert page.evaluate("document.documentElement.getAttribute('data-crs-renders')") == renders


def test_an_error_on_a_period_lands_on_its_input(page, site_url):
    doc = dict(BASE, work_history=[{"where": "canada", "teer": 1, "start": "2023-02-30"}])
    open_page(page, site_url, "en", "#p=" + form.encode_share(doc))
    poll(page, "!document.getElementById('error-summary').hidden")
    links = page.eval_on_selector_all("#error-summary-list a",
                                      "els => els.map(a => [a.dataset.target, a.textContent])")
    assert [t for t, _ in links] == ["work_history-0-start"], links
    assert "period 1" in links[0][1] and "start date" in links[0][1]
    assert page.get_attribute("#work_history-0-start", "aria-invalid") == "true"
    assert not page.is_hidden("#work_history-0-start-error")
    page.click("#error-summary-list a")
    assert page.evaluate("document.activeElement.id") == "work_history-0-start"


def test_periods_survive_the_language_switch_and_removal_keeps_order(page, site_url):
    periods = [{"where": "canada", "teer": 1, "noc": "21231", "start": "2023-01-02"},
               {"where": "abroad", "teer": 2, "noc": "72200", "start": "2019-01-01",
                "end": "2022-06-30"},
               {"where": "abroad", "teer": 0, "noc": "00012", "start": "2017-01-01",
                "end": "2018-12-31"}]
    open_page(page, site_url, "en", "#p=" + form.encode_share(dict(BASE, work_history=periods)))
    wait_total(page, BASE_TOTAL)
    assert page.evaluate("document.getElementById('optional').open")
    page.click("#other-lang")
    page.wait_for_url("**/fr/")
    poll(page, "document.documentElement.getAttribute('data-crs-ready') === 'true'")
    wait_total(page, BASE_TOTAL)
    assert page.evaluate("document.getElementById('work_history-entries').children.length") == 3
    assert page.input_value("#work_history-2-noc") == "00012"
    assert page.is_checked("#work_history-1-where--abroad")
    page.click("#work_history-1 .entry__remove")
    poll(page, "document.getElementById('work_history-entries').children.length === 2")
    assert page.input_value("#work_history-1-noc") == "00012"
    assert page.input_value("#work_history-1-end") == "2018-12-31"
    assert page.text_content("#work_history-1 legend") == "Emploi 2"
    assert page.text_content("#work_history-status") == "Emploi 2 retiré."


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_axe_with_a_period_open(page, site_url, lang):
    open_page(page, site_url, lang, "#p=" + form.encode_share(BASE))
    add_job(page, lang)
    page.focus("#work_history-0-find")
    page.keyboard.type("nurse" if lang == "en" else "infirmière")
    poll(page, "document.querySelector('#work_history-0-find-list [data-crs-noc]')", timeout=20)
    page.keyboard.press("ArrowDown")
    violations = axe_violations(page)
    assert violations == [], violations


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_screenshots_with_the_finder_open(page, site_url, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, site_url, lang, "#p=" + form.encode_share(BASE))
    add_job(page, lang)
    page.focus("#work_history-0-find")
    page.keyboard.type("electrician" if lang == "en" else "électricien")
    poll(page, "document.querySelector('#work_history-0-find-list [data-crs-noc]')", timeout=20)
    page.keyboard.press("ArrowDown")
    assert_no_sideways_scroll(page, width)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#work_history-0").screenshot(
        path=str(SCREENSHOTS / ("%s-%d-noc-finder.png" % (lang, width))))
