"""Offline use and serving: the generated service worker (dist/sw.js), the dev server's
encodings and headers, and a new build replacing the old cache.

These tests start their own servers (one they can stop, one for a private copy of dist/), so
they never disturb the session's server or dist/ itself.
"""

import gzip
import hashlib
import json
import shutil
import threading
import urllib.request
import zipfile

import pytest

import build
from web import form

from .conftest import DIST, poll, wait_ready

PROFILE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
           "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                              "writing": 9},
           "foreign_work_years": 3}
TOTAL = "429"
OFFLINE_READY = "document.documentElement.getAttribute('data-crs-offline') === 'ready'"
TOTAL_JS = "document.querySelector('[data-crs-total]').getAttribute('data-crs-total')"
# Chromium's HTTP cache and Cache Storage are per context; a worker's install can take a while
# on a loaded 2-core machine.
SW_TIMEOUT = 60.0


class Server:
    def __init__(self, directory):
        self.httpd = build.make_server(0, directory=str(directory))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.url = "http://127.0.0.1:%d/" % self.httpd.server_address[1]

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def precached():
    text = (DIST / "sw.js").read_text()
    return json.loads(text[text.index("const PRECACHE = ") + 17:text.index("];") + 1])


def cache_name(dist):
    text = (dist / "sw.js").read_text()
    return text.split('const CACHE = "', 1)[1].split('"', 1)[0]


def same_origin_paths(urls, base):
    return {"./" + u[len(base):].split("#")[0].split("?")[0] for u in urls if u.startswith(base)}


def test_precache_list_is_what_the_pages_load(browser):
    """Every file a first visit of either page asks for is precached, and every precached
    runtime file (vendor/) was asked for: no unused PyScript plugin chunk is downloaded."""
    server = Server(DIST)
    try:
        requested = set()
        for lang in ("en", "fr"):
            context = browser.new_context(service_workers="block")
            page = context.new_page()
            urls = []
            page.on("request", lambda r: urls.append(r.url))
            page.goto(server.url + ("fr/" if lang == "fr" else ""))
            wait_ready(page)
            requested |= same_origin_paths(urls, server.url)
            context.close()
    finally:
        server.stop()
    listed = set(precached())
    assert requested <= listed, "not precached: %s" % sorted(requested - listed)
    runtime = {u for u in listed if u.startswith("./vendor/")}
    assert runtime <= requested, "precached but never loaded: %s" % sorted(runtime - requested)
    assert "./py/crs/data/rounds.json" in listed
    assert {"./", "./fr/", "./config.json", "./fr/config.json"} <= listed
    assert "./sw.js" not in listed and not any(u.endswith((".gz", ".br")) for u in listed)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_works_offline_after_first_visit(browser, lang):
    server = Server(DIST)
    context = browser.new_context()
    try:
        page = context.new_page()
        prefix = "fr/" if lang == "fr" else ""
        page.goto(server.url + prefix + "#p=" + form.encode_share(PROFILE))
        wait_ready(page)
        assert poll(page, TOTAL_JS) == TOTAL
        poll(page, OFFLINE_READY, SW_TIMEOUT)
        status = page.locator("#offline-status")
        assert status.is_visible()
        assert ("hors ligne" if lang == "fr" else "offline") in status.text_content()
        assert page.evaluate("caches.keys()") == [cache_name(DIST)]
        assert poll(page, "navigator.serviceWorker.controller !== null", SW_TIMEOUT)

        base = server.url
        server.stop()
        server = None
        with pytest.raises(Exception):
            urllib.request.urlopen(page.url.split("#")[0], timeout=2)
        from_sw, failed = [], []
        page.on("response", lambda r: from_sw.append(r.from_service_worker))
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.reload()
        wait_ready(page)
        # A reload keeps no fragment (the page removes it once read): score again from a link,
        # in both languages, all from the service worker.
        other = "" if lang == "fr" else "fr/"
        for target in (other, prefix):
            page.goto(base + target + "#p=" + form.encode_share(PROFILE))
            wait_ready(page)
            assert poll(page, TOTAL_JS) == TOTAL
        assert not failed, failed
        assert from_sw and all(from_sw), "some responses did not come from the service worker"
    finally:
        context.close()
        if server:
            server.stop()


def fetch(url, encoding=None):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.headers, response.read()


def test_encodings_and_headers(site_url):
    wasm = DIST / "vendor" / "pyodide" / "pyodide.asm.wasm"
    raw = wasm.read_bytes()
    url = site_url + "vendor/pyodide/pyodide.asm.wasm"
    headers, body = fetch(url, "gzip, deflate, br, zstd")
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]
    assert body == (DIST / "vendor" / "pyodide" / "pyodide.asm.wasm.br").read_bytes()
    assert len(body) < len(raw) * 0.35
    headers, body = fetch(url, "gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == raw
    assert headers["Vary"] == "Accept-Encoding"
    headers, body = fetch(url)
    assert headers["Content-Encoding"] is None and body == raw
    assert headers["Content-Type"] == "application/wasm"

    for path, mime in (("vendor/pyodide/pyodide.mjs", "text/javascript"),
                       ("vendor/pyodide/pyodide.asm.mjs", "text/javascript"),
                       ("vendor/pyscript/core.js", "text/javascript"),
                       ("vendor/pyodide/python_stdlib.zip", "application/zip")):
        headers, _ = fetch(site_url + path, "br")
        assert headers["Content-Type"] == mime, path
        assert headers["Content-Encoding"] == "br", path
        assert "immutable" in headers["Cache-Control"], path
    for path, mime in (("", "text/html; charset=utf-8"), ("fr/", "text/html; charset=utf-8"),
                       ("sw.js", "text/javascript"), ("config.json", "application/json"),
                       ("py/web/main.py", "text/x-python; charset=utf-8"),
                       ("static/sw-register.js", "text/javascript")):
        headers, _ = fetch(site_url + path, "gzip, br")
        assert headers["Content-Type"] == mime, path
        assert headers["Cache-Control"] == "no-cache", path

    # Every text and wasm file has both siblings (when compression pays), and the .pyc stdlib
    # zip is stored (the server's compression does better on it than zip's deflate).
    for path in DIST.rglob("*"):
        if path.is_file() and path.suffix in (".wasm", ".mjs", ".js", ".json", ".html", ".py"):
            if path.stat().st_size > 4096 and "bench-baseline" not in path.parts:
                assert path.with_name(path.name + ".gz").exists(), path
                assert path.with_name(path.name + ".br").exists(), path
    stdlib = zipfile.ZipFile(DIST / "vendor" / "pyodide" / "python_stdlib.zip")
    assert {i.compress_type for i in stdlib.infolist()} == {zipfile.ZIP_STORED}


def test_browser_decodes_brotli(page, site_url):
    """Chromium asks for br on http://127.0.0.1 and gets the same bytes as the file."""
    encodings = {}
    page.on("response", lambda r: encodings.__setitem__(
        r.url.rsplit("/", 1)[-1], r.all_headers().get("content-encoding")))
    page.goto(site_url)
    wait_ready(page)
    assert encodings.get("pyodide.asm.wasm") == "br"
    assert encodings.get("python_stdlib.zip") == "br"
    digest = page.evaluate("""async () => {
        const r = await fetch('vendor/pyodide/pyodide.asm.wasm');
        const b = await crypto.subtle.digest('SHA-256', await r.arrayBuffer());
        return [...new Uint8Array(b)].map(x => x.toString(16).padStart(2, '0')).join('');
    }""")
    assert digest == hashlib.sha256(
        (DIST / "vendor" / "pyodide" / "pyodide.asm.wasm").read_bytes()).hexdigest()


def test_new_build_replaces_the_cache(browser, tmp_path, monkeypatch):
    """Build twice into a private dist/ with a change between: the page gets the new cache
    and the old one is deleted."""
    dist = tmp_path / "dist"
    monkeypatch.setattr(build, "DIST", dist)
    build.build()
    first = cache_name(dist)
    server = Server(dist)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        wait_ready(page)
        poll(page, OFFLINE_READY, SW_TIMEOUT)
        assert page.evaluate("caches.keys()") == [first]

        original = build.page_html
        monkeypatch.setattr(build, "page_html", lambda *a, **k: original(*a, **k).replace(
            "</body>", "<!-- second build -->\n</body>"))
        build.build()
        second = cache_name(dist)
        assert second != first
        page.reload()            # the browser checks sw.js on navigation: a new worker installs
        wait_ready(page)
        poll(page, "caches.keys().then(k => k.length === 1 && k[0] === %s)" % json.dumps(second),
             SW_TIMEOUT * 2, interval=0.2)
        page.reload()            # now served by the new worker from the new cache
        wait_ready(page)
        assert "<!-- second build -->" in page.content()
    finally:
        context.close()
        server.stop()
        shutil.rmtree(dist, ignore_errors=True)
