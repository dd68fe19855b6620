"""The Pyodide memory snapshot (tools/build/runtime.py, "The interpreter module"): made on the
device after a first visit, restored on the next one with the same result, keyed to the exact
runtime and stdlib; a damaged or stale one is dropped and the page starts normally."""

import re

from web import form

from .conftest import DIST, ROOT, poll, wait_ready
from .test_offline import PROFILE, TOTAL, TOTAL_JS, vendor_dir
SNAPSHOT_JS = "document.documentElement.getAttribute('data-crs-snapshot')"
KEYS_JS = "caches.open('pyodide-snapshot').then(c => c.keys()).then(k => k.map(r => r.url))"


def current_key():
    (start,) = vendor_dir("pyodide").glob("crs-start-*.mjs")
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
        assert magic == "CRS2" and memory > 20e6 and 3e6 < size < memory / 2
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
            await c.put(new URL(key, location.href).href,
                        new Response(new Uint8Array(4096).fill(7)));
            await c.put(new URL(stale, location.href).href,
                        new Response('an older build'));
        }""", [vendor_dir("pyodide").relative_to(DIST).as_posix() + "/" + current_key(),
               "vendor/pyodide-0.0.0-0000000000/snapshot-0000000000000000.bin"])
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


# Words before the stretch table in a stored snapshot (magic, memory size, count[, checksum]).
# The one place that says it: the format shared by the worker and the interpreter module.
HEADER_WORDS = int(re.search(r"const HEADER_WORDS = (\d+);", (
    ROOT / "static" / "templates" / "snapshot-format.js").read_text()).group(1))


def saved_snapshot(context, site_url):
    """A first visit that leaves the device snapshot stored; returns its cache key (a URL)."""
    page = visit(context, site_url)
    assert poll(page, SNAPSHOT_JS, 60) == "saved"
    (key,) = page.evaluate(KEYS_JS)
    page.close()
    return key


def test_a_corrupted_snapshot_is_refused_or_dropped(browser, site_url):
    """4 KB of the stored snapshot's data (past its well-formed header and stretch table)
    overwritten: the snapshot is refused before restore (or the start fails once and the entry
    is deleted), and the next visit starts and scores."""
    context = browser.new_context()
    try:
        key = saved_snapshot(context, site_url)
        page = context.new_page()
        page.goto(site_url + "static/site.css")     # same origin, to reach its Cache API
        page.evaluate("""async ([key, words]) => {
            const c = await caches.open('pyodide-snapshot');
            const data = new Uint8Array(await (await c.match(key)).arrayBuffer());
            const n = new Uint32Array(data.buffer, 8, 1)[0];
            const start = 4 * words + 8 * n;            // the first stretch's bytes
            // Python's own data, 20 KB into the first stretch: restored as it is, this start
            // and every later one died in Python (measured on the build before the checksum).
            data.fill(0xA5, start + 20000, start + 20000 + 4096);
            await c.put(key, new Response(data));
        }""", [key, HEADER_WORDS])
        page.close()
        page = context.new_page()
        page.goto(site_url + "#p=" + form.encode_share(PROFILE))
        try:
            state = poll(page, "document.documentElement.getAttribute('data-crs-ready')", 45)
        except AssertionError:
            state = None                             # this start may fail (once)
        if state == "true":                          # refused before restore: a normal start
            assert page.evaluate(SNAPSHOT_JS) != "restored"
            assert poll(page, TOTAL_JS, 30) == TOTAL
        page.close()
        for _ in range(2):                           # and every later visit works
            again = visit(context, site_url)
            again.close()
    finally:
        context.close()


def test_a_restored_start_that_fails_drops_the_snapshot(browser, site_url):
    """A start that used the snapshot and did not reach a score deletes it: whatever broke,
    the next visit does not restore the same memory again."""
    # No service worker: page.route() must see the app.zip request.
    context = browser.new_context(service_workers="block")
    try:
        saved_snapshot(context, site_url)
        page = context.new_page()
        page.route("**/py/app.zip", lambda route: route.fulfill(status=404, body="missing"))
        page.goto(site_url)
        state = poll(page, "document.documentElement.getAttribute('data-crs-ready')", 60)
        assert state == "failed" and page.evaluate(SNAPSHOT_JS) == "restored"
        assert poll(page, KEYS_JS + ".then(k => k.length === 0)", 10)
        page.close()
        assert visit(context, site_url).evaluate(SNAPSHOT_JS) != "restored"
    finally:
        context.close()
