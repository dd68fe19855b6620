"""The couple panel (either spouse as principal applicant) and the language-test planner in the
page, against the same hand-computed case files as the core (tests/couple, tests/planner), in
both languages; the spouse's principal-applicant questions typed as a person would; axe and
screenshots at 375 and 1280 px."""

import json

import pytest

from web import form

from .conftest import ROOT, SCREENSHOTS, assert_no_sideways_scroll, open_page, poll
from .people import wait_total
from .test_a11y import axe_violations

COUPLE = ROOT / "tests" / "couple"
PLANNER = ROOT / "tests" / "planner"


def case(folder, name):
    return json.loads((folder / (name + ".json")).read_text(encoding="utf-8"))


def open_case(page, site_url, lang, c, total):
    doc = dict(c["profile"], as_of=c["as_of"])
    open_page(page, site_url, lang, "#p=" + form.encode_share(doc))
    wait_total(page, str(total))
    poll(page, "document.getElementById('panel-couple').getAttribute('data-couple') !== null"
               " && document.querySelectorAll('#planner-body > div').length > 0", 60)


SWAPS = ["swap-spouse-scores-higher", "swap-spouse-nomination", "swap-spouse-french-bonus-moves",
         "swap-candidate-certificate-stays"]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", SWAPS)
def test_the_couple_panel_shows_both_totals_and_the_lines_that_differ(page, site_url, lang, name):
    c = case(COUPLE, name)
    exp = c["expected"]
    open_case(page, site_url, lang, c, exp["as_filed"]["total"])
    assert page.get_attribute("#panel-couple", "data-couple") == "swapped"
    table = page.locator("#couple-table")
    assert table.get_attribute("data-as-filed") == str(exp["as_filed"]["total"])
    assert table.get_attribute("data-swapped") == str(exp["swapped"]["total"])
    shown = page.evaluate("""() => [...document.querySelectorAll('#couple-table [data-couple-line]')]
        .map(tr => tr.getAttribute('data-couple-line'))""")
    differ = [k for k, v in exp["as_filed"]["lines"].items() if v != exp["swapped"]["lines"][k]]
    assert sorted(shown) == sorted(differ)
    for sec, points in exp["swapped"]["sections"].items():
        row = page.locator("#couple-table [data-couple-section='%s'] td" % sec)
        cell = row.nth(1).evaluate("td => td.firstChild.textContent")
        assert cell.replace("\u202f", "").replace(" ", "") == str(points)
        x = exp["as_filed"]["sections"][sec]
        diff = row.nth(1).locator(".couple-diff")
        assert diff.count() == (points != x)
    reminder = page.text_content("#couple-reminder")
    assert ("principal applicant" if lang == "en" else "demandeur principal") in reminder


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name,kind,value", [
    ("swap-missing-all-three", "missing", None),
    ("swap-missing-spouse-age", "missing", None),
    ("swap-spouse-citizen-or-pr", "not_applicable", "spouse_citizen_or_pr"),
    ("swap-spouse-not-accompanying", "not_applicable", "spouse_not_accompanying"),
])
def test_no_swapped_total_without_the_facts_or_without_an_accompanying_spouse(
        page, site_url, lang, name, kind, value):
    c = case(COUPLE, name)
    open_case(page, site_url, lang, c, c["expected"]["as_filed"]["total"])
    assert page.locator("#couple-table").count() == 0
    assert page.get_attribute("[data-couple-instead]", "data-couple-instead") == kind
    if kind == "missing":
        links = page.evaluate("""() => [...document.querySelectorAll('#couple-body [data-missing]')]
            .map(a => a.getAttribute('data-missing'))""")
        assert links == c["expected"]["swapped"]["missing"]
    else:
        assert page.get_attribute("#panel-couple", "data-couple") == value


def test_no_couple_panel_for_a_single_candidate(page, site_url):
    c = case(COUPLE, "swap-never-married-no-spouse")
    open_case(page, site_url, "en", c, c["expected"]["as_filed"]["total"])
    assert page.is_hidden("#panel-couple")


NURSE = {
    "as_of": "2026-11-23", "marital_status": "married", "age": 34, "education": "bachelors",
    "first_language": {"test": "ielts_gt", "speaking": 6.5, "listening": 7.5, "reading": 6.5,
                       "writing": 6.5, "test_date": "2025-09-01"},
    "foreign_work_years": 3,
    "work_history": [{"where": "abroad", "teer": 1, "noc": "21231", "start": "2021-01-01",
                      "end": None, "hours_per_week": 40}],
    "spouse": {"canadian_citizen_or_pr": False, "accompanying": True, "education": "two_year",
               "language": {"test": "celpip_g", "speaking": 9, "listening": 9, "reading": 9,
                            "writing": 8, "test_date": "2026-03-01"},
               "canadian_work_years": 1, "age": 31,
               "work_history": [{"where": "canada", "teer": 2, "noc": "32101",
                                 "start": "2025-06-01", "end": None, "hours_per_week": 37.5}]}}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_nurse_spouse_opens_a_category_the_candidate_cannot(page, site_url, lang):
    import crs
    from crs import categories, couple
    reading, _ = crs.read(NURSE, lang=lang)
    swapped, _ = couple.swap(reading)
    want = {r["id"] for r in categories.round_types(swapped)["round_types"]
            if r["status"] == "eligible"}
    assert "healthcare" in want       # docs/categories.md: 32101 is in the healthcare list
    open_page(page, site_url, lang, "#p=" + form.encode_share(NURSE))
    wait_total(page, str(reading.score()["total"]))
    poll(page, "document.querySelectorAll('[data-couple-way=swapped] [data-round-type]')"
               ".length > 0", 60)
    got = page.evaluate("""w => [...document.querySelectorAll(
        `[data-couple-way=${w}] [data-round-type][data-status=eligible]`)]
        .map(li => li.getAttribute('data-round-type'))""", "swapped")
    mine = page.evaluate("""w => [...document.querySelectorAll(
        `[data-couple-way=${w}] [data-round-type][data-status=eligible]`)]
        .map(li => li.getAttribute('data-round-type'))""", "as_filed")
    assert set(got) == want and "healthcare" not in mine


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_spouses_facts_typed_in_the_form_give_the_swapped_score(page, site_url, lang):
    c = case(COUPLE, "swap-missing-spouse-age")
    open_case(page, site_url, lang, c, c["expected"]["as_filed"]["total"])
    # The missing fact's link opens the collapsed section and reaches its field.
    page.click("#couple-body [data-missing='spouse.age']")
    poll(page, "document.getElementById('spouse-principal').open")
    page.fill("#spouse-age", "30")
    page.keyboard.press("Tab")
    poll(page, "document.getElementById('panel-couple').getAttribute('data-couple')"
               " === 'swapped'", 30)
    import crs
    from crs import couple
    doc = dict(c["profile"], as_of=c["as_of"])
    doc["spouse"] = dict(doc["spouse"], age=30)
    want = couple.couple(doc)["swapped"]["total"]
    assert page.get_attribute("#couple-table", "data-swapped") == str(want)
    # And the exported document carries it.
    page.click("#make-share")
    shared = form.decode_share(page.input_value("#share-link").split("#", 1)[1])
    assert shared["spouse"]["age"] == 30
    assert crs.score(shared)["total"] == int(c["expected"]["as_filed"]["total"])


PLANS = sorted(p.stem for p in PLANNER.glob("plan-*.json"))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", PLANS[:4])
def test_the_planner_shows_the_hand_computed_steps(page, site_url, lang, name):
    c = case(PLANNER, name)
    doc = dict(c["profile"], as_of=c["as_of"])
    open_page(page, site_url, lang, "#p=" + form.encode_share(doc))
    wait_total(page, str(c["expected"]["total_now"]))
    poll(page, "document.querySelectorAll('#planner-body > div').length > 0", 60)
    rows = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
        '#planner-body [data-planner-who] tr[data-step]')].map(tr => [
            tr.closest('[data-planner-who]').getAttribute('data-planner-who') + ':'
            + tr.getAttribute('data-step'), tr.getAttribute('data-gain')]))""")
    for step in c["expected"]["steps"]:
        key = "%s:%s:%s:%d" % (step["who"], step["role"], step["test"], step["level"])
        assert rows.get(key) == str(step["gain"]), (key, rows)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_couple_and_planner_screenshots_and_axe(browser, site_url, lang, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_page(page, site_url, lang, "#p=" + form.encode_share(NURSE))
        poll(page, "document.querySelectorAll('[data-couple-way=swapped] [data-round-type]')"
                   ".length > 0 && document.querySelectorAll('#planner-body tr').length > 0", 60)
        assert_no_sideways_scroll(page, width)
        for panel in ("couple", "planner"):
            page.locator("#panel-" + panel).screenshot(
                path=str(SCREENSHOTS / ("panel-%s-%s-%d.png" % (panel, lang, width))))
        violations = axe_violations(page)
        assert violations == [], violations
    finally:
        context.close()
