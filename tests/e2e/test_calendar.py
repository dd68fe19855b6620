"""The timeline's "Add these dates to my calendar (.ics)": the file is made in the page
(crs.calendar, in py/later.zip) and saved through a Blob; no request leaves the origin. The
download is the same file CPython makes from the same document (but its DTSTAMP), in the page's
language. Screenshots of the panel with its button at 375 and 1280 px."""

import re
import urllib.parse

import pytest

from crs import calendar
from crs.timeline import timeline
from web import form, strings

from .conftest import SCREENSHOTS, assert_no_sideways_scroll, open_page, poll
from .people import wait_total
from .test_panels import E1, FSW, FSW_TOTAL, wait_panels

# FSW's profile, submitted: language and ECA staleness, the expiry and five costly birthdays.
DOC = dict(FSW, submitted_at="2026-03-01T10:00:00-05:00")
AS_OF = DOC["as_of"]


def unfold(text):
    return re.sub(r"\r\n[ \t]", "", text)


def without_dtstamp(text):
    return re.sub(r"\r\nDTSTAMP:\d{8}T\d{6}Z", "", text)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_calendar_file_is_made_on_the_device(page, site_url, lang, console_errors):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_page(page, site_url, lang, "#p=" + form.encode_share(DOC))
    wait_total(page, FSW_TOTAL)
    wait_panels(page)
    button = page.locator("#timeline-ics")
    assert button.is_visible() and button.text_content() == strings.t("timeline_ics", lang)
    assert button.evaluate("b => b.tagName") == "BUTTON"
    before = len(requests)
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == strings.t("ics_file", lang)
    data = open(download.path(), "rb").read()
    text = data.decode("utf-8")
    # What CPython makes of the same document (the page's reading: the form's profile and
    # the kept submission time), but for the moment it was made.
    doc = {k: v for k, v in DOC.items() if k != "as_of"}
    expected = calendar.ics(timeline(doc, as_of=AS_OF, lang=lang), lang)
    assert without_dtstamp(text) == without_dtstamp(expected)
    # RFC 5545 at a glance: CRLF, folded at 75 octets, one VEVENT per coming date.
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    shown = page.eval_on_selector_all(
        "#timeline-list li", "els => els.map(e => [e.getAttribute('data-kind'),"
        " e.querySelector('time').getAttribute('datetime')])")
    coming = [(k, d) for k, d in shown if k in calendar.KINDS and d > AS_OF]
    starts = re.findall(r"DTSTART;VALUE=DATE:(\d{8})", text)
    assert starts == [d.replace("-", "") for _, d in coming] and len(coming) == 8
    assert {k for k, _ in coming} == {"language_stale", "eca_stale", "expiry", "birthday"}
    summaries = re.findall(r"^SUMMARY;LANGUAGE=(\w\w)-CA:(.*)$", unfold(text), re.M)
    assert {tag for tag, _ in summaries} == {lang}
    if lang == "fr":
        assert all(s.startswith("Entrée express") for _, s in summaries)
        assert "vous avez 31 ans : \u22126 points pour l'âge" in unfold(text)
        assert "Note SCG à partir de ce jour : 418 (\u22126 par rapport à 424 le 23 novembre " \
               "2026\\, mêmes réponses)" in unfold(text)
    else:
        assert all(s.startswith("Express Entry") for _, s in summaries)
        assert "you turn 31: \u22126 age points" in unfold(text)
        assert "CRS score from that day: 418 (\u22126 from 424 on November 23\\, 2026" in unfold(text)
    # Nothing was asked of any server for it, and nothing outside the origin all along.
    origin = site_url.rstrip("/")
    after = [u for u in requests[before:] if not u.startswith("blob:" + origin)]
    assert after == [], after
    hosts = {urllib.parse.urlsplit(u[5:] if u.startswith("blob:") else u).netloc
             for u in requests if not u.startswith("data:")}
    assert hosts == {urllib.parse.urlsplit(site_url).netloc}, hosts
    assert console_errors == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_dates_no_button(page, site_url, lang):
    """Age in years, no test or ECA date, not submitted: nothing for a calendar."""
    open_page(page, site_url, lang, "#p=" + form.encode_share(dict(E1, as_of=AS_OF)))
    wait_total(page, "429")
    wait_panels(page)
    poll(page, "document.querySelectorAll('#timeline-list li').length > 0")
    assert page.is_hidden("#timeline-ics-box")
    # A date of birth brings the costly birthdays, and the button.
    page.check("#age_by--date_of_birth")
    page.fill("#date_of_birth", "1996-05-10")
    poll(page, "!document.getElementById('timeline-ics-box').hidden")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_calendar_screenshots(browser, site_url, lang, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_page(page, site_url, lang, "#p=" + form.encode_share(DOC))
        wait_total(page, FSW_TOTAL)
        wait_panels(page)
        assert page.is_visible("#timeline-ics")
        assert_no_sideways_scroll(page, width)
        box = page.locator("#timeline-ics").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        page.locator("#panel-timeline").screenshot(
            path=str(SCREENSHOTS / ("%s-%d-calendar.png" % (lang, width))))
    finally:
        context.close()
