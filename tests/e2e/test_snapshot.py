"""The Pyodide memory snapshot (build.py, "The interpreter module"): made on the device after a
first visit, restored on the next one with the same result, keyed to the exact runtime and
stdlib; a damaged or stale one is dropped and the page starts normally."""

import re

from web import form

from .conftest import DIST, poll, wait_ready
from .test_offline import PROFILE, TOTAL, TOTAL_JS
SNAPSHOT_JS = "document.documentElement.getAttribute('data-crs-snapshot')"
KEYS_JS = "caches.open('pyodide-snapshot').then(c => c.keys()).then(k => k.map(r => r.url))"


def current_key():
    (start,) = (DIST / "vendor" / "pyodide").glob("crs-start-*.mjs")
    return re.search(r'"\./(snapshot-[0-9a-f]+\.bin)"', start.read_text()).group(1)


def visit(context, site_url, lang="en"):
    page = context.new_page()
    page.goto(site_url + ("fr/" if lang == "fr" else "") + "#p=" + form.encode_share(PROFILE))
    wait_ready(page)
    assert poll(page, TOTAL_JS, 30) == TOTAL
    return page


def test_made_after_a_first_visit_then_restored(browser, site_url):
    context = browser.new_context()
    try:
        first = visit(context, site_url)
        assert first.evaluate(SNAPSHOT_JS) is None          # nothing to restore yet
        assert poll(first, SNAPSHOT_JS, 60) == "saved"
        keys = first.evaluate(KEYS_JS)
        assert [k.rsplit("/", 1)[-1] for k in keys] == [current_key()]
        # Stored sparse (the memory's non-zero stretches): a third of the 31 MB of memory.
        size, magic, memory = first.evaluate("""(key) => caches.open('pyodide-snapshot')
            .then(c => c.match(key)).then(r => r.arrayBuffer())
            .then(b => [b.byteLength, String.fromCharCode(...new Uint8Array(b, 0, 4)),
                        new Uint32Array(b, 4, 1)[0]])""", keys[0])
        assert magic == "CRS1" and memory > 20e6 and 3e6 < size < memory / 2
        first.close()
        for lang in ("en", "fr"):
            again = visit(context, site_url, lang)
            assert again.evaluate(SNAPSHOT_JS) == "restored"
            # The page works as usual after a restore: a change re-scores.
            again.fill("#first_language-speaking", "7")
            poll(again, TOTAL_JS + " !== '%s'" % TOTAL, 10)
            again.close()
    finally:
        context.close()


def test_a_damaged_snapshot_is_dropped_and_remade(browser, site_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site_url + "static/site.css")     # same origin, to reach its Cache API
        page.evaluate("""async ([key, stale]) => {
            const c = await caches.open('pyodide-snapshot');
            await c.put(new URL('vendor/pyodide/' + key, location.href).href,
                        new Response(new Uint8Array(4096).fill(7)));
            await c.put(new URL('vendor/pyodide/' + stale, location.href).href,
                        new Response('an older build'));
        }""", [current_key(), "snapshot-0000000000000000.bin"])
        page.close()
        page = visit(context, site_url)              # starts normally despite the bad entry
        assert page.evaluate(SNAPSHOT_JS) != "restored"
        assert poll(page, SNAPSHOT_JS, 60) == "saved"
        # Remade, and the other build's entry is gone.
        assert [k.rsplit("/", 1)[-1] for k in page.evaluate(KEYS_JS)] == [current_key()]
        page.close()
        assert visit(context, site_url).evaluate(SNAPSHOT_JS) == "restored"
    finally:
        context.close()
