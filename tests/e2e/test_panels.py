"""The "beyond the score" panels: program eligibility (with the FSW grid), what would raise the
score, the timeline and the rounds of invitations, in both languages; the optional eligibility
questions and their mapping to the profile; accessibility with the panels shown; screenshots."""

import pytest

from web import form

from .conftest import SCREENSHOTS, assert_no_sideways_scroll, open_page, poll
from .people import type_profile, wait_total
from .test_a11y import WITH_SPOUSE
from .test_a11y import axe_violations

AS_OF = "2026-11-23"
E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "ielts_gt", "speaking": 7.0, "listening": 8.0, "reading": 7.0,
                         "writing": 7.0},
      "foreign_work_years": 3}
# IELTS 7/8/7/7 (CLB 9), bachelor's with a recent ECA, three years abroad, age 30 on AS_OF;
# a year and more of continuous TEER 1 work and enough funds: FSW-eligible, grid 70/100.
FSW = {
    "marital_status": "never_married", "date_of_birth": "1996-05-10", "education": "bachelors",
    "eca_date": "2024-01-15",
    "first_language": {"test": "ielts_gt", "speaking": 7.0, "listening": 8.0, "reading": 7.0,
                       "writing": 7.0, "test_date": "2025-04-02"},
    "foreign_work_years": 3,
    "work_history": [{"where": "abroad", "teer": 1, "noc": "21231", "start": "2021-01-04",
                      "end": None, "hours_per_week": 40}],
    "settlement_funds": 20000, "family_size": 1, "intends_to_live_in_quebec": False,
    "as_of": AS_OF,
}
FSW_TOTAL = "424"
NNBSP = "\u202f"     # French thousands separator

WORDS = {
    "en": {"eligible": "Eligible", "met": "Met:", "fsw": "Federal Skilled Worker Program",
           "cannot": "cannot be invited", "nomination": "A provincial or territorial nomination",
           "total_1024": "+600 points (total 1,024)", "birthday": "Your next birthday: \u22126 points",
           "ties": "ties are broken by submission time", "above": "Above, by", "below": "Below, by",
           "date": "May 10, 2027", "french": "French-language proficiency",
           "set_2026": "Category set in force: 2026 (from February 18, 2026)",
           "no_rounds": "None of the round types you can be invited in held a round",
           "announced": "IRCC may have changed the CRS on November 3, 2026",
           "data_as_of": "Round data as of October 1, 2026",
           "attribution": "Immigration, Refugees and Citizenship Canada"},
    "fr": {"eligible": "Admissible", "met": "Satisfaite :",
           "fsw": "Programme des travailleurs qualifiés (fédéral)",
           "cannot": "ne peut pas être invité", "nomination": "Une désignation provinciale",
           "total_1024": "+600 points (total 1" + NNBSP + "024)",
           "birthday": "Votre prochain anniversaire : \u22126 points",
           "ties": "égalités sont départagées selon l'heure de soumission",
           "above": "Supérieure de", "below": "Inférieure de", "date": "10 mai 2027",
           "french": "Compétences linguistiques en français",
           "set_2026": "Ensemble de catégories en vigueur : 2026 (depuis le 18 février 2026)",
           "no_rounds": "Aucun des types de rondes qui peuvent vous inviter n’a tenu de ronde",
           "announced": "IRCC a peut-être modifié le SCG le 3 novembre 2026",
           "data_as_of": "Données des rondes au 1er octobre 2026",
           "attribution": "Immigration, Réfugiés et Citoyenneté Canada"},
}


def open_with(page, site_url, lang, doc, total):
    open_page(page, site_url, lang, "#p=" + form.encode_share(doc))
    wait_total(page, total)
    wait_panels(page)


def wait_panels(page):
    poll(page, "!document.getElementById('beyond-panels').hidden"
               " && document.querySelectorAll('#rounds-types li, #rounds-types-none').length > 0"
               " && document.querySelectorAll('#whatif-list li').length > 0")


def text(page, selector):
    return page.text_content(selector) or ""


# ---------------------------------------------------------------------------------------------
# The form <-> profile mapping of the optional questions (CPython)

def test_optional_fields_map_to_profile_paths():
    fields = {"intends_to_live_in_quebec": "no", "authorized_to_work_in_canada": "yes",
              "settlement_funds": "20 000", "family_size": "3", "studied_in_canada": "yes",
              "relative_in_canada": ""}
    p = form.profile_from_fields(fields)
    assert p["intends_to_live_in_quebec"] is False and p["authorized_to_work_in_canada"] is True
    assert p["settlement_funds"] == 20000 and p["family_size"] == 3
    assert p["studied_in_canada"] is True and "relative_in_canada" not in p
    back = form.fields_from_profile(p)
    assert {k: back[k] for k in form.OPTIONAL_IDS} == dict(fields, settlement_funds="20000")
    assert form.extras_of(p) == {}        # the form shows them: not kept as extras
    assert "intends_to_live_in_quebec" not in form.profile_from_fields({})


@pytest.mark.parametrize("typed,value", [("15263", 15263), ("15 263", 15263), ("$15,263", 15263),
                                         ("15\u202f263,50", 15263.5), ("15,263.5", 15263.5),
                                         ("abc", "abc"), ("1,5", 1.5)])
def test_amounts_as_typed(typed, value):
    assert form.amount(typed) == value


# ---------------------------------------------------------------------------------------------
# Panels in the page

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_eligibility_panel(page, site_url, lang, console_errors):
    w = WORDS[lang]
    open_with(page, site_url, lang, FSW, FSW_TOTAL)
    fsw = page.locator("[data-program='fsw']")
    assert fsw.get_attribute("data-status") == "eligible"
    assert w["eligible"] in fsw.locator(".status-tag").text_content()
    assert w["met"] in fsw.locator("[data-requirement='funds']").text_content()
    assert page.get_attribute("#fsw-grid-total", "data-grid-total") == "70"
    assert text(page, "#fsw-grid-total") == "70 / 100"
    assert page.locator("#fsw-grid tbody tr").count() == 6
    assert text(page, "[data-grid-line='age'] td") == "12 / 12"
    assert w["fsw"] in text(page, "#elig-summary")
    assert page.get_attribute("#elig-summary", "data-can-be-invited") == "true"
    for key in ("cec", "fst"):
        assert page.get_attribute("[data-program='%s']" % key, "data-status") == "not_eligible"
    # The optional answers came from the link: shown in the form, the questions opened.
    assert page.evaluate("document.getElementById('optional').open")
    assert page.input_value("#settlement_funds") == "20000"
    assert page.is_checked("#intends_to_live_in_quebec--no")
    assert console_errors == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_optional_questions_feed_eligibility(page, site_url, lang):
    w = WORDS[lang]
    open_with(page, site_url, lang, FSW, FSW_TOTAL)
    page.check("#intends_to_live_in_quebec")          # "Yes": Quebec selects its own
    poll(page, "document.getElementById('elig-summary').getAttribute('data-can-be-invited')"
               " === 'false'")
    assert w["cannot"] in text(page, "#elig-summary")
    assert page.get_attribute("[data-program='fsw']", "data-status") == "not_eligible"
    assert page.get_attribute("[data-crs-total]", "data-crs-total") == FSW_TOTAL   # no CRS effect
    page.check("#intends_to_live_in_quebec--no")
    page.fill("#settlement_funds", "1000")            # below the $15,263 for one person
    poll(page, "document.querySelector('[data-program=fsw] [data-requirement=funds]')"
               ".classList.contains('req--not_met')")
    page.fill("#settlement_funds", "abc")             # the core's error, at the field
    poll(page, "!document.getElementById('error-summary').hidden")
    assert page.get_attribute("#settlement_funds", "aria-invalid") == "true"
    poll(page, "document.getElementById('beyond-panels').hidden")
    page.fill("#settlement_funds", "30 000")
    wait_total(page, FSW_TOTAL)
    poll(page, "!document.getElementById('beyond-panels').hidden && document.querySelector("
               "'[data-program=fsw]').getAttribute('data-status') === 'eligible'")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_what_ifs(page, site_url, lang):
    w = WORDS[lang]
    open_with(page, site_url, lang, FSW, FSW_TOTAL)
    first = page.locator("#whatif-list li").first
    assert first.get_attribute("data-option") == "nomination"
    assert first.get_attribute("data-points") == "600"
    assert w["nomination"] in first.text_content() and w["total_1024"] in first.text_content()
    points = [int(x) for x in page.eval_on_selector_all(
        "#whatif-list li", "els => els.map(e => e.getAttribute('data-points'))")]
    assert points == sorted(points, reverse=True) and all(p > 0 for p in points)
    assert w["birthday"] in text(page, "#whatif-birthday")
    # Follows every change: with a nomination the first option is no longer the nomination.
    page.check("#provincial_nomination")
    wait_total(page, "1024")
    poll(page, "document.querySelector('#whatif-list li').getAttribute('data-option')"
               " !== 'nomination'")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_timeline(page, site_url, lang):
    w = WORDS[lang]
    open_with(page, site_url, lang, FSW, FSW_TOTAL)
    kinds = page.eval_on_selector_all("#timeline-list li",
                                      "els => els.map(e => e.getAttribute('data-kind'))")
    assert kinds[0] == "as_of" and "birthday" in kinds and "language_stale" in kinds
    birthday = page.locator("#timeline-list li[data-kind='birthday']").first
    assert birthday.locator("time").get_attribute("datetime") == "2027-05-10"
    assert birthday.locator("time").text_content() == w["date"]
    assert "418" in birthday.text_content()
    # What past rounds say for that score: FSW-eligible only, and no general or FSW round in
    # the 12 months to 2026-11-23.
    assert birthday.get_attribute("data-rounds-12") == "0"
    assert w["no_rounds"] in birthday.text_content()
    assert page.locator("#timeline-svg svg[role='img'] title").count() >= 1
    assert page.get_attribute("#timeline-svg svg", "style") is None     # CSP: no inline style


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_rounds(page, site_url, lang):
    w = WORDS[lang]
    open_with(page, site_url, lang, FSW, FSW_TOTAL)
    rows = page.eval_on_selector_all(
        "#rounds-types li",
        "els => els.map(e => [e.getAttribute('data-round-type'), e.getAttribute('data-status'),"
        " e.getAttribute('data-rounds-12'), e.getAttribute('data-cutoff'),"
        " e.getAttribute('data-you')])")
    # FSW-eligible only (work abroad: no CEC; 21231 is in no 2026 category list): the general
    # and FSW round types, then the military one (never decided from a job code).
    assert [r[:2] for r in rows] == [["general", "eligible"], ["fsw", "eligible"],
                                     ["military", "unknown"]]
    by = {r[0]: r for r in rows}
    # No general round since #294 (2024-04-23, 529); the last FSW round #240 (2023-02-02, 489).
    assert by["general"][2:] == ["0", "529", "below"]
    assert by["fsw"][2:] == ["0", "489", "below"]
    assert w["below"] in text(page, "#rounds-types li[data-round-type='fsw']")
    folded = page.eval_on_selector_all(
        "#rounds-not-eligible li", "els => els.map(e => e.getAttribute('data-round-type'))")
    assert len(folded) == 12 and "cec" in folded and "french" in folded
    assert w["ties"] in text(page, "#rounds-body")
    assert w["set_2026"] in text(page, "#rounds-types-notes")
    # 2026-11-23 is after the announced change of 2026-11-03: said, with the rules applied.
    assert w["announced"] in text(page, "#rounds-types-notes .round-announced")
    assert page.locator("#rounds-chart svg[role='img']").count() == 1
    # 24 Nov 2025 to 23 Nov 2026: 58 rounds of IRCC's feed (to #437) and 10 secondary ones.
    assert page.locator("#rounds-12 tbody tr").count() == 68
    assert page.locator("#rounds-12 tbody tr[data-secondary]").count() == 10
    assert w["data_as_of"] in text(page, "#rounds-data-as-of")
    low, high = (int(page.get_attribute("#rounds-pool", a))
                 for a in ("data-above-min", "data-above-max"))
    assert 0 < low <= high
    assert w["attribution"] in text(page, "#rounds-body")
    # Only rounds up to the evaluation date count, and the announced change is not said.
    page.fill("#as_of", "2026-08-06")
    poll(page, "document.querySelectorAll('#rounds-12 tbody tr').length === 75")
    poll(page, "!document.querySelector('#rounds-types-notes .round-announced')")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_axe_with_panels(page, site_url, lang):
    open_with(page, site_url, lang, FSW, FSW_TOTAL)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    violations = axe_violations(page)
    assert violations == [], violations


def test_panels_wait_for_a_score(page, site_url):
    open_page(page, site_url)
    assert page.is_hidden("#beyond-panels") and page.is_visible("#beyond-waiting")


def test_unanswered_optional_questions_stay_out_of_the_profile(page, site_url):
    """Radio groups with no answer checked (FormData gives null) add nothing to the profile."""
    open_page(page, site_url)
    type_profile(page, E1, as_of=AS_OF)
    wait_total(page, "429")
    page.click("#make-share")
    doc = form.decode_share(page.input_value("#share-link").split("#", 1)[1])
    assert not set(doc) & set(form.OPTIONAL_IDS), doc
    page.click("#optional > summary")
    page.check("#studied_in_canada")
    page.fill("#family_size", "2")
    before = len(page.input_value("#share-link"))
    page.click("#make-share")
    poll(page, "document.getElementById('share-link').value.length > %d" % before)
    doc = form.decode_share(page.input_value("#share-link").split("#", 1)[1])
    assert doc["studied_in_canada"] is True and doc["family_size"] == 2
    assert "relative_in_canada" not in doc


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_panel_screenshots(browser, site_url, lang, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_with(page, site_url, lang, FSW, FSW_TOTAL)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert_no_sideways_scroll(page, width)
        page.locator("#beyond").screenshot(
            path=str(SCREENSHOTS / ("%s-%d-panels.png" % (lang, width))))
        page.locator("#optional").screenshot(
            path=str(SCREENSHOTS / ("%s-%d-optional.png" % (lang, width))))
        # Without work history most answers are "cannot tell": still no sideways scroll.
        open_with(page, site_url, lang, WITH_SPOUSE, "575")
        assert page.get_attribute("[data-program='fsw']", "data-status") == "unknown"
        assert_no_sideways_scroll(page, width)
    finally:
        context.close()
