"""The page as a person uses it: loading, errors, language switch, save and share, privacy."""

import json
import re

from web import form

from .conftest import open_page, poll, read_result, renders, wait_render
from .people import type_profile, wait_total

E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "ielts_gt", "speaking": 7.0, "listening": 8.0, "reading": 7.0,
                         "writing": 7.0},
      "foreign_work_years": 3}
E1_TOTAL = "429"   # crs-rules.md §7.2 E1 (IELTS 7/8/7/7 is CLB 9 in every ability)


def test_form_is_there_before_python(page, site_url):
    """The form is plain HTML: it takes input before the runtime has loaded."""
    # Our modules are held back until the form has been used, so Python cannot have started
    # (on a fast machine it otherwise could, while fill() waits out the runtime's start-up).
    held = []
    page.route("**/py/app.zip", lambda route: held.append(route))
    page.goto(site_url, wait_until="domcontentloaded")
    assert page.evaluate("document.documentElement.getAttribute('data-crs-ready')") is None
    page.fill("#age", "29")
    page.select_option("#marital_status", "never_married")
    assert page.input_value("#age") == "29"
    assert page.is_visible("#loading")
    assert page.evaluate("document.documentElement.getAttribute('data-crs-ready')") is None
    while not held:                                  # the request has been made; let it go
        page.wait_for_timeout(50)
    held[0].continue_()
    poll(page, "document.documentElement.getAttribute('data-crs-ready')", 60)
    assert page.is_hidden("#loading")
    assert page.input_value("#age") == "29"        # nothing typed during loading is lost


def test_score_updates_on_every_change(page, site_url, console_errors):
    open_page(page, site_url)
    type_profile(page, E1, as_of="2026-11-23")
    wait_total(page, E1_TOTAL)
    assert "429" in page.text_content("#status")
    assert "2025-03-25" in page.text_content("#rules-line")
    # Listening 7.5 is CLB 8: 23 instead of 31 points, and the weakest ability drops below
    # CLB 9, so education + language falls from 25 to 13 and foreign work + language from
    # 50 to 25: 429 - 8 - 12 - 25 = 384.
    page.fill("#first_language-listening", "7.5")
    wait_total(page, "384")
    assert page.text_content("#first_language-listening-clb").strip() == "= CLB 8"
    page.check("#sibling_in_canada")                # +15 (MI s.31, from 2017-06-06)
    wait_total(page, "399")
    page.fill("#as_of", "2016-01-01")               # older rules: no sibling points then
    wait_total(page, "384")
    assert "2015-01-01" in page.text_content("#rules-line")
    assert console_errors == []


def test_progressive_disclosure(page, site_url):
    open_page(page, site_url)
    assert page.is_hidden("#spouse-canadian_citizen_or_pr")
    page.select_option("#marital_status", "married")
    assert page.is_visible("#spouse-canadian_citizen_or_pr")
    assert page.is_visible("#spouse-accompanying")       # "No" is the default answer
    page.check("#spouse-canadian_citizen_or_pr")
    assert page.is_hidden("#spouse-accompanying")
    page.check("#spouse-canadian_citizen_or_pr--no")
    assert page.is_visible("#spouse-accompanying")
    assert page.is_hidden("#spouse-section")
    page.check("#spouse-accompanying")
    assert page.is_visible("#spouse-section")
    page.select_option("#first_language-test", "ielts_gt")
    assert page.is_visible("#first_language-test_date")
    assert page.is_hidden(".tef-only >> nth=0")
    page.select_option("#first_language-test", "tef_canada")
    assert page.is_visible("#first_language .tef-only")
    page.select_option("#first_language-test", "nclc")
    assert page.is_hidden("#first_language-test_date")


def test_error_summary_links_to_fields_and_keeps_values(page, site_url, lang="en"):
    open_page(page, site_url)
    type_profile(page, E1, as_of="2026-11-23")
    wait_total(page, E1_TOTAL)
    page.fill("#first_language-listening", "9.7")
    page.fill("#age", "abc")
    poll(page, "!document.getElementById('error-summary').hidden")
    got = read_result(page)
    assert got["total"] == ""
    targets = [t for t, _ in got["errors"]]
    assert "first_language-listening" in targets and "age" in targets
    assert page.get_attribute("#age", "aria-invalid") == "true"
    assert "abc" in page.text_content("#age-error")
    assert page.input_value("#age") == "abc"                   # nothing typed is lost
    assert page.input_value("#first_language-listening") == "9.7"
    page.click("#error-summary a[data-target='first_language-listening']")
    assert page.evaluate("document.activeElement.id") == "first_language-listening"
    assert "Traceback" not in page.content()
    page.fill("#age", "29")
    page.fill("#first_language-listening", "8")
    wait_total(page, E1_TOTAL)
    assert page.is_hidden("#error-summary")
    assert page.get_attribute("#age", "aria-invalid") is None


def test_errors_in_french(page, site_url):
    open_page(page, site_url, "fr")
    type_profile(page, E1, as_of="2026-11-23")
    page.fill("#first_language-listening", "9,7")
    poll(page, "!document.getElementById('error-summary').hidden")
    assert page.text_content("#error-summary-title") == "Il y a un problème"
    message = page.text_content("#first_language-listening-error")
    assert "Erreur" in message and "reçu" in message
    page.fill("#first_language-listening", "8,0")               # a French decimal comma
    wait_total(page, E1_TOTAL)


def test_empty_form_lists_what_is_left_not_errors(page, site_url):
    open_page(page, site_url)
    assert page.is_hidden("#error-summary")
    assert page.is_visible("#pending")
    assert page.get_attribute("[data-crs-total]", "data-crs-total") == ""


def test_language_switch_keeps_everything_typed(page, site_url):
    open_page(page, site_url)
    type_profile(page, E1, as_of="2026-11-23")
    page.fill("#canadian_work_years", "x1")                   # invalid, must survive too
    poll(page, "!document.getElementById('error-summary').hidden")
    page.click("#other-lang")
    page.wait_for_url(re.compile(r".*/fr/.*"))
    poll(page, "document.documentElement.getAttribute('data-crs-ready')", 60)
    assert page.get_attribute("html", "lang") == "fr-CA"
    assert page.input_value("#canadian_work_years") == "x1"
    assert page.input_value("#first_language-listening") == "8.0"
    assert page.input_value("#as_of") == "2026-11-23"
    assert page.is_visible("#error-summary")
    assert "#p=" not in page.url                              # the fragment is consumed
    page.fill("#canadian_work_years", "")
    wait_total(page, E1_TOTAL)
    page.click("#other-lang")                                  # and back
    page.wait_for_url(re.compile(r"^[^#]*/(#.*)?$"))
    poll(page, "document.documentElement.getAttribute('data-crs-ready')", 60)
    assert page.get_attribute("html", "lang") == "en-CA"
    wait_total(page, E1_TOTAL)


def test_share_link_and_export_and_import(page, site_url, tmp_path):
    open_page(page, site_url)
    type_profile(page, E1, as_of="2026-11-23")
    wait_total(page, E1_TOTAL)
    page.click("#make-share")
    link = page.input_value("#share-link")
    assert link.startswith(site_url) and "#p=" in link
    doc = form.decode_share(link.split("#", 1)[1])
    assert doc["age"] == 29 and doc["first_language"]["listening"] == 8.0
    with page.expect_download() as info:
        page.click("#export")
    saved = tmp_path / "profile.json"
    info.value.save_as(saved)
    exported = json.loads(saved.read_text())
    assert exported == doc
    # a fresh page opens the link, then imports the file
    page.goto("about:blank")
    open_page(page, site_url, fragment="#" + link.split("#", 1)[1])
    wait_total(page, E1_TOTAL)
    page.fill("#age", "40")
    poll(page, "document.querySelector('[data-crs-total]').getAttribute('data-crs-total') !== '429'")
    before = renders(page)
    page.set_input_files("#import", str(saved))
    wait_render(page, before)
    wait_total(page, E1_TOTAL)
    assert page.input_value("#age") == "29"


def test_remember_only_when_asked(page, site_url):
    open_page(page, site_url)
    type_profile(page, E1, as_of="2026-11-23")
    wait_total(page, E1_TOTAL)
    assert page.evaluate("localStorage.length") == 0           # nothing saved unasked
    assert page.evaluate("document.cookie") == ""
    page.click("#remember")
    assert page.evaluate("localStorage.length") == 1
    page.reload()
    poll(page, "document.documentElement.getAttribute('data-crs-ready')", 60)
    wait_total(page, E1_TOTAL)
    page.click("#forget")
    assert page.evaluate("localStorage.length") == 0


def test_no_request_leaves_the_origin(page, site_url, console_errors):
    """Loading, filling and scoring ask nothing of any other origin."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, site_url)
    type_profile(page, E1, as_of="2026-11-23")
    wait_total(page, E1_TOTAL)
    page.click("#make-share")
    page.click("#remember")
    page.click("#other-lang")
    poll(page, "document.documentElement.getAttribute('data-crs-ready')", 60)
    wait_total(page, E1_TOTAL)
    foreign = [u for u in requests if not u.startswith(site_url) and not u.startswith("data:")]
    assert requests and foreign == []
    assert console_errors == []


# The question added through the declaration alone (web/questions.py, issue 13 item 5): the
# spouse's ECA date. By hand from crs-rules.md, with an accompanying spouse, on 2026-06-01
# (rule set 2025-03-25): age 29 = 100 (A1, with spouse), no education = 0, CLB 4 in each
# ability = 4 x 6 = 24 (A3), no Canadian work = 0: core 124; the spouse's bachelor's degree
# = 8 (B1): total 132. From the ECA's fifth anniversary (MI s.17(4)) the 8 points are lost:
# 124. No transferability line uses the spouse's education, and there are no other points.
COUPLE = {"marital_status": "married",
          "spouse": {"canadian_citizen_or_pr": False, "accompanying": True,
                     "education": "bachelors"},
          "age": 29, "education": "none",
          "first_language": {"test": "clb", "speaking": 4, "listening": 4, "reading": 4,
                             "writing": 4}}


def test_spouse_eca_date_typed_stale_and_carried(page, site_url):
    open_page(page, site_url)
    type_profile(page, COUPLE, as_of="2026-06-01")
    wait_total(page, "132")
    assert page.is_visible("#spouse-eca_date")
    page.fill("#spouse-eca_date", "2021-06-02")         # the day before the fifth anniversary
    wait_total(page, "132")
    assert read_result(page)["lines"]["spouse.education"] == "8 / 10"
    page.fill("#spouse-eca_date", "2021-06-01")         # five years old on the day scored
    wait_total(page, "124")
    result = read_result(page)
    assert result["lines"]["spouse.education"] == "0 / 10" and result["sections"]["spouse"] == "0"
    # the share link carries it, and a fresh page shows it
    page.click("#make-share")
    link = page.input_value("#share-link")
    doc = form.decode_share(link.split("#", 1)[1])
    assert doc["spouse"]["eca_date"] == "2021-06-01"
    page.goto("about:blank")
    open_page(page, site_url, fragment="#" + link.split("#", 1)[1])
    wait_total(page, "124")
    assert page.input_value("#spouse-eca_date") == "2021-06-01"
    # Remember keeps it across a reload
    page.click("#remember")
    page.goto("about:blank")
    open_page(page, site_url)
    wait_total(page, "124")
    assert page.input_value("#spouse-eca_date") == "2021-06-01"
    page.click("#forget")
