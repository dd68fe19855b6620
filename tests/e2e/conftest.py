"""Fixtures of the page's tests (tests/e2e): a static server for dist/ and Debian's Chromium.

Kept in tests/e2e so the core's tests (tests/core) see none of it. The server is started
once per session on a free loopback port; the browser is pytest-playwright's, launched from
/usr/bin/chromium (Playwright's own browser download is not used).
"""

import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "py"))
sys.path.insert(0, str(ROOT))

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DIST = Path(os.environ.get("CRS_DIST", ROOT / "dist"))
CASES = sorted((ROOT / "tests" / "cases").rglob("*.json"))
SCREENSHOTS = ROOT / "tests" / "screenshots"
BOOT_TIMEOUT = 60.0


def _uses_browser(item):
    names = item.fixturenames
    return "page" in names or "browser" in names or "playwright" in names


def pytest_collection_modifyitems(config, items):
    """Browser tests need Chromium; without it they are skipped with the reason (the project's
    test command, `python build.py test`, installs it).

    A browser test whose renderer process died ("Target crashed": Chromium's, not an assertion
    of ours) runs again, at most twice, with pytest-rerunfailures; the summary line counts the
    reruns. A CI run saw ~25 such crashes at page start-up in ~3,000 tests that this machine
    never shows; any other failure is never rerun."""
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason="no Chromium at %s (run: python build.py test)" % CHROMIUM)
        for item in items:
            if _uses_browser(item):
                item.add_marker(skip)
        return
    if not config.pluginmanager.hasplugin("rerunfailures"):
        return
    rerun = pytest.mark.flaky(reruns=2, only_rerun=["Target crashed"])
    for item in items:
        if _uses_browser(item):
            item.add_marker(rerun)


def dist_is_stale():
    """dist/ is missing or older than a source file (when pytest is run on its own)."""
    index = DIST / "index.html"
    if not index.exists():
        return True
    built = index.stat().st_mtime
    sources = [ROOT / "build.py", *(ROOT / "tools").rglob("*"), *(ROOT / "py").rglob("*.py"),
               *(ROOT / "static").rglob("*")]
    return any(p.stat().st_mtime > built for p in sources
               if p.is_file() and "__pycache__" not in p.parts)


@pytest.fixture(scope="session")
def site_url():
    from tools.build import assemble, serve
    if not os.environ.get("CRS_DIST") and dist_is_stale():
        assemble.build(DIST)
    server = serve.make_server(0, directory=str(DIST))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d/" % server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site_url):
    return site_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROME_ARGS}


def poll(page, expression, timeout=10.0, interval=0.05):
    """Evaluate `expression` in the page until it is truthy (wait_for_function is blocked by
    the page's CSP). Returns its value, or raises AssertionError on timeout."""
    end = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError("timed out waiting for: " + expression)
        time.sleep(interval)


def wait_ready(page, timeout=BOOT_TIMEOUT):
    state = poll(page, "document.documentElement.getAttribute('data-crs-ready')", timeout)
    assert state == "true", "the page failed to start: %s" % state
    return page


def renders(page):
    return int(page.evaluate("document.documentElement.getAttribute('data-crs-renders') || 0"))


def wait_render(page, before, timeout=10.0):
    poll(page, "Number(document.documentElement.getAttribute('data-crs-renders') || 0) > %d"
         % before, timeout)


def open_page(page, site_url, lang="en", fragment=""):
    page.goto(site_url + ("fr/" if lang == "fr" else "") + fragment)
    return wait_ready(page)


def assert_no_sideways_scroll(page, width):
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, "horizontal scroll at %d px: %d" % (width, scroll)


def read_result(page):
    """What the automation hooks say: total, sections, error summary."""
    return page.evaluate("""() => {
        const total = document.querySelector('[data-crs-total]').getAttribute('data-crs-total');
        const sections = {};
        for (const el of document.querySelectorAll('[data-crs-section]'))
            sections[el.getAttribute('data-crs-section')] = el.getAttribute('data-crs-points');
        const lines = {};
        for (const row of document.querySelectorAll('#breakdown tr[data-line]'))
            if (!row.hidden) lines[row.getAttribute('data-line')] = row.querySelector('td').textContent;
        const summary = document.getElementById('error-summary');
        const errors = [...summary.querySelectorAll('a')].map(a => [a.getAttribute('data-target'), a.textContent]);
        return {total, sections, lines, errors, summary_visible: !summary.hidden,
                status: document.getElementById('status').textContent};
    }""")


def load_case(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def case_document(case):
    """The profile to put in the page for a case: its evaluation date as a top-level as_of.
    A case that names a rule set without a date is evaluated on that set's in-force date (a
    rule set's id is its in-force date), which selects the same rules."""
    doc = dict(case["profile"])
    if "as_of" not in doc:
        as_of = case.get("as_of") or case.get("rules")
        if as_of:
            doc["as_of"] = as_of
    return doc


@pytest.fixture
def console_errors(page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def history_urls(profile_dir):
    """Every URL in a closed Chromium profile's History database (issue 12: what the browser
    records, and history sync sends off the device)."""
    import sqlite3
    db = sqlite3.connect("file:%s?mode=ro" % (Path(profile_dir) / "Default" / "History"), uri=True)
    try:
        return [row[0] for row in db.execute("select url from urls")]
    finally:
        db.close()
