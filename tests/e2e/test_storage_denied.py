"""With Chromium's "Block all cookies" (the setting privacy-minded people choose), the browser
denies the page localStorage, sessionStorage, Cache Storage, IndexedDB and service workers.
The calculator must still start and score, in both languages, on its own origin (not only in a
third-party frame): static/storage-fallback.js gives PyScript an in-memory IndexedDB when the
real one is refused, and nothing else at start-up may depend on storage.
"""

import json

import pytest

from web import form

from .conftest import CHROME_ARGS, CHROMIUM, poll, wait_ready
from .test_offline import PROFILE, TOTAL, TOTAL_JS

# Every way the page could store something, tried from the page itself.
PROBE = """async () => {
    const denied = {};
    try { localStorage.getItem('x'); denied.localStorage = false; } catch (e) { denied.localStorage = true; }
    try { await caches.open('probe'); denied.caches = false; } catch (e) { denied.caches = true; }
    denied.indexedDB = await new Promise((resolve) => {
        // The page's fallback answers a refused open with an in-memory database: ask the
        // browser's own indexedDB.open, kept by the init script before the page's scripts ran.
        const open = window.__browserIndexedDBOpen;
        try {
            const r = open('probe');
            r.onsuccess = () => resolve(false);
            r.onerror = (e) => { e.preventDefault(); resolve(true); };
        } catch (e) { resolve(true); }
    });
    return denied;
}"""


@pytest.fixture
def cookies_blocked(browser_type, tmp_path):
    """A persistent Chromium profile with "Block all cookies" set before launch."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    (profile / "Default" / "Preferences").write_text(json.dumps(
        {"profile": {"default_content_setting_values": {"cookies": 2}}}))
    context = browser_type.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROME_ARGS, headless=True)
    yield context
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_starts_and_scores_with_all_cookies_blocked(cookies_blocked, site_url, lang):
    page = cookies_blocked.new_page()
    page.add_init_script("window.__browserIndexedDBOpen = indexedDB.open.bind(indexedDB)")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + ("fr/" if lang == "fr" else "") + "#p=" + form.encode_share(PROFILE))
    state = poll(page, "document.documentElement.getAttribute('data-crs-ready')", 90)
    denied = page.evaluate(PROBE)
    # The setting really is in force (otherwise this test proves nothing).
    assert denied == {"localStorage": True, "caches": True, "indexedDB": True}, denied
    assert state == "true", "the page failed to start with cookies blocked: %s" % state
    wait_ready(page)
    assert poll(page, TOTAL_JS, 30) == TOTAL
    assert page.locator("#load-failed").is_hidden()
    # Typing still scores.
    page.fill("#first_language-speaking", "7")
    poll(page, TOTAL_JS + " !== '%s'" % TOTAL, 10)
    assert not errors, errors
    # Nothing was stored, and no worker got registered.
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length, () => 0)") == 0
