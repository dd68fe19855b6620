"""Screenshots of both languages at 375 px and 1280 px wide, for review (tests/screenshots/)."""

import pytest

from web import form

from .conftest import SCREENSHOTS, assert_no_sideways_scroll, open_page, poll
from .people import wait_total
from .test_a11y import WITH_SPOUSE, WITH_SPOUSE_TOTAL


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots(browser, site_url, lang, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        open_page(page, site_url, lang, "#p=" + form.encode_share(WITH_SPOUSE))
        wait_total(page, WITH_SPOUSE_TOTAL)
        assert_no_sideways_scroll(page, width)
        page.screenshot(path=str(SCREENSHOTS / ("%s-%d-result.png" % (lang, width))),
                        full_page=True)
        page.locator("#result").screenshot(path=str(SCREENSHOTS / ("%s-%d-panel.png" % (lang, width))))
        page.fill("#age", "abc")
        poll(page, "!document.getElementById('error-summary').hidden")
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / ("%s-%d-errors.png" % (lang, width))))
    finally:
        context.close()
