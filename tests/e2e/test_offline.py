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

from tools.build import assemble, common, compiled, offline, pages, serve
from web import form, strings

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
# The service worker's caches (the Pyodide snapshot has a cache of its own: test_snapshot.py).
CRS_CACHES = "caches.keys().then(k => k.filter(n => n.startsWith('crs-')))"


class Server:
    def __init__(self, directory):
        self.httpd = serve.make_server(0, directory=str(directory))
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


def vendor_dir(package, dist=DIST):
    """dist/vendor/<package>-<version>-<hash>/ (tools/build/runtime.versioned_dir)."""
    (path,) = [p for p in (dist / "vendor").glob(package + "*") if p.is_dir()]
    return path


def vendor_url(package, name):
    return vendor_dir(package).relative_to(DIST).as_posix() + "/" + name


def shipped_stdlib():
    """The trimmed .pyc stdlib, under its content-hashed name (tools/build/runtime.write)."""
    (path,) = [p for p in vendor_dir("pyodide").glob("python_stdlib-*.zip")]
    return path


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
    # The snapshot worker is only started after the first score, in the background.
    runtime = {u for u in listed if u.startswith("./vendor/") and "snapshot-worker" not in u}
    assert runtime <= requested, "precached but never loaded: %s" % sorted(runtime - requested)
    assert {"./py/app.zip", "./py/web/main.py"} <= listed   # the rounds data is in the zip
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
        assert page.evaluate(CRS_CACHES) == [cache_name(DIST)]
        assert poll(page, "navigator.serviceWorker.controller !== null", SW_TIMEOUT)

        base = server.url
        server.stop()
        server = None
        with pytest.raises(Exception):
            urllib.request.urlopen(page.url.split("#")[0], timeout=2)
        from_sw, failed = [], []
        page.on("response", lambda r: from_sw.append(r.from_service_worker))
        # Requests cut short by the test's own navigation (a preload, or the background snapshot
        # worker, still in flight) are not offline failures.
        page.on("requestfailed", lambda r: "ERR_ABORTED" in (r.failure or "") or failed.append(
            (r.url, r.failure)))
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
    wasm = vendor_dir("pyodide") / "pyodide.asm.wasm"
    raw = wasm.read_bytes()
    url = site_url + vendor_url("pyodide", "pyodide.asm.wasm")
    headers, body = fetch(url, "gzip, deflate, br, zstd")
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"]
    assert body == (vendor_dir("pyodide") / "pyodide.asm.wasm.br").read_bytes()
    assert len(body) < len(raw) * 0.35
    headers, body = fetch(url, "gzip")
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == raw
    assert headers["Vary"] == "Accept-Encoding"
    headers, body = fetch(url)
    assert headers["Content-Encoding"] is None and body == raw
    assert headers["Content-Type"] == "application/wasm"

    for path, mime in ((vendor_url("pyodide", "pyodide.mjs"), "text/javascript"),
                       (vendor_url("pyodide", "pyodide.asm.mjs"), "text/javascript"),
                       (vendor_url("pyscript", "core.js"), "text/javascript"),
                       (vendor_url("pyodide", shipped_stdlib().name), "application/zip")):
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
    stdlib = zipfile.ZipFile(shipped_stdlib())
    assert {i.compress_type for i in stdlib.infolist()} == {zipfile.ZIP_STORED}


def test_browser_decodes_brotli(page, site_url):
    """Chromium asks for br on http://127.0.0.1 and gets the same bytes as the file."""
    encodings = {}
    page.on("response", lambda r: encodings.__setitem__(
        r.url.rsplit("/", 1)[-1], r.all_headers().get("content-encoding")))
    page.goto(site_url)
    wait_ready(page)
    assert encodings.get("pyodide.asm.wasm") == "br"
    assert encodings.get(shipped_stdlib().name) == "br"
    digest = page.evaluate("""async (url) => {
        const r = await fetch(url);
        const b = await crypto.subtle.digest('SHA-256', await r.arrayBuffer());
        return [...new Uint8Array(b)].map(x => x.toString(16).padStart(2, '0')).join('');
    }""", vendor_url("pyodide", "pyodide.asm.wasm"))
    assert digest == hashlib.sha256(
        (vendor_dir("pyodide") / "pyodide.asm.wasm").read_bytes()).hexdigest()


def test_new_build_replaces_the_cache(browser, tmp_path, monkeypatch):
    """Build twice into a private dist/ with a change between: the page gets the new cache
    and the old one is deleted."""
    dist = tmp_path / "dist"
    assemble.build(dist)
    first = cache_name(dist)
    server = Server(dist)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        wait_ready(page)
        poll(page, OFFLINE_READY, SW_TIMEOUT)
        assert page.evaluate(CRS_CACHES) == [first]

        original = pages.page_html
        monkeypatch.setattr(pages, "page_html", lambda *a, **k: original(*a, **k).replace(
            "</body>", "<!-- second build -->\n</body>"))
        assemble.build(dist)
        second = cache_name(dist)
        assert second != first
        page.reload()            # the browser checks sw.js on navigation: a new worker installs
        wait_ready(page)
        poll(page, CRS_CACHES + ".then(k => k.length === 1 && k[0] === %s)" % json.dumps(second),
             SW_TIMEOUT * 2, interval=0.2)
        page.reload()            # now served by the new worker from the new cache
        wait_ready(page)
        assert "<!-- second build -->" in page.content()
    finally:
        context.close()
        server.stop()
        shutil.rmtree(dist, ignore_errors=True)


def test_the_loading_note_says_what_a_first_visit_downloads():
    """The loading line and the embed docs page name the first visit's size: what the pages
    load (the precache list), as served (brotli when smaller), rounded to the MB."""
    def served(rel):
        path = DIST / rel / "index.html" if rel == "" or rel.endswith("/") else DIST / rel
        br = path.with_name(path.name + ".br")
        return (br if br.exists() else path).stat().st_size
    mb = round(sum(served(rel) for rel in offline.precache_list(DIST)) / 1e6)
    assert mb >= 1
    for lang, words in (("en", "about %d MB"), ("fr", "environ %d Mo")):
        assert words % mb in strings.t("loading_detail", lang)
        page = DIST / ("fr/" if lang == "fr" else "") / "index.html"
        assert words % mb in page.read_text()
        docs = DIST / ("fr/" if lang == "fr" else "") / "embed.html"
        assert words % mb in docs.read_text()


# ---------------------------------------------------------------------------------------------
# Python compiled ahead (tools/build/compiled.py): the trimmed .pyc stdlib and py/app.zip


def _zip_modules(names, suffix):
    out = set()
    for name in names:
        if name.endswith(suffix):
            parts = name[:-len(suffix)].split("/")
            out.add(".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts))
    return out


def test_trimmed_stdlib_has_every_module_the_page_code_imports():
    """Every stdlib module imported anywhere in our page code or PyScript's Python (at any
    depth, function bodies included) is in the shipped zip, as .pyc; the zip is a real trim."""
    full = _zip_modules(zipfile.ZipFile(common.NODE_MODULES / "pyodide" / "python_stdlib.zip")
                        .namelist(), ".py")
    shipped_zip = zipfile.ZipFile(shipped_stdlib())
    names = [n for n in shipped_zip.namelist() if not n.startswith(compiled.PYSCRIPT_CACHE + "/")]
    assert all(n.endswith(".pyc") for n in names if n != "crs-stdlib-modules.json")
    shipped = _zip_modules(names, ".pyc")
    assert shipped == set(json.loads(shipped_zip.read("crs-stdlib-modules.json")))
    wanted = {name for name in compiled.import_roots() if name in full}
    # (hashlib was in this list while crs.rounds held the feed repair, which hashes the feed.)
    assert {"json", "datetime", "asyncio", "base64", "re"} <= wanted
    missing = sorted(wanted - shipped)
    assert not missing, "imported by the page but not shipped: %s" % missing
    # A package's parents come along; the command line's imports and the heavy modules that
    # only an interactive or networked program needs stay out.
    assert all(".".join(m.split(".")[:i]) in shipped for m in shipped
               for i in range(1, m.count(".") + 1))
    for absent in ("argparse", "multiprocessing", "email", "http", "xml", "unittest", "pdb",
                   "pydoc", "tkinter"):
        assert absent not in shipped
    assert len(shipped) < len(full) / 2


def test_pyscript_package_is_shipped_compiled():
    """PyScript's whole Python package, as .pyc in its own folder of the stdlib zip, the same
    kind of .pyc as the stdlib's (Pyodide's magic number, unchecked hash-based)."""
    stdlib = zipfile.ZipFile(shipped_stdlib())
    prefix = compiled.PYSCRIPT_CACHE + "/"
    shipped = {n[len(prefix):] for n in stdlib.namelist() if n.startswith(prefix)}
    package = common.NODE_MODULES / "@pyscript" / "core" / "src" / "stdlib"
    expected = {p.relative_to(package).as_posix()[:-3] + ".pyc" for p in package.rglob("*.py")}
    assert "pyscript/__init__.pyc" in expected and len(expected) > 10
    assert shipped == expected
    reference = stdlib.read("json/__init__.pyc")
    for name in shipped:
        data = stdlib.read(prefix + name)
        assert data[:4] == reference[:4] and int.from_bytes(data[4:8], "little") == 1


def test_pyscript_imports_its_compiled_package(page, site_url):
    """In the running page, `import pyscript` took the compiled package from the stdlib zip, not
    the sources PyScript writes into the working directory; the interpreter module's start()
    is the runtime PyScript ran the page in (one wasm download)."""
    page.goto(site_url + "fr/#p=" + form.encode_share(PROFILE))
    wait_ready(page)
    found = page.evaluate("""async () => {
        const script = document.querySelector('script[type="py"]');
        const config = new URL(script.getAttribute('config'), location.href);
        const { interpreter } = await (await fetch(config)).json();
        const module = await import(new URL(interpreter, location.href).href);
        const py = await module.start();
        return {page: py.globals.has('PAGE'),
                pyscript: py.runPython('import pyscript; pyscript.__file__'),
                sources: py.runPython('import os; sorted(os.listdir("pyscript"))').toJs(),
                wasm: performance.getEntriesByType('resource')
                          .filter(e => e.name.endsWith('.wasm')).length};
    }""")
    assert found["page"] and found["wasm"] == 1
    assert found["pyscript"].endswith(".zip/%s/pyscript/__init__.pyc" % compiled.PYSCRIPT_CACHE)
    assert "__init__.py" in found["sources"]      # PyScript still writes them; unused


def test_app_zip_holds_the_page_modules_compiled():
    app = zipfile.ZipFile(DIST / "py" / "app.zip")
    names = set(app.namelist())
    expected = {rel[:-3] + ".pyc" if rel.endswith(".py") else rel for _, rel in compiled.app_files()}
    assert names == expected
    assert {"crs/__init__.pyc", "crs/factors.pyc", "crs/categories.pyc", "web/page.pyc",
            "web/form.pyc", "web/panels/__init__.pyc", "crs/data/categories.json"} <= names
    # What only the panels below the result use comes after the first score, in py/later.zip.
    later = set(zipfile.ZipFile(DIST / "py" / "later.zip").namelist())
    assert later == {rel[:-3] + ".pyc" if rel.endswith(".py") else rel
                     for _, rel in compiled.app_files(later=True)}
    assert {"crs/rounds.pyc", "crs/data/rounds.json", "web/charts.pyc",
            "web/panels/rounds.pyc"} <= later and not later & names
    # What ships is what runs: not the command line, nor the maintainer's feed repair.
    assert not {"crs/cli.pyc", "crs/__main__.pyc", "crs/batch.pyc", "crs/feed.pyc",
                "web/main.pyc"} & (names | later)
    # Unchecked hash-based pycs (flags 0b01) with Pyodide's magic number, not CPython 3.11's.
    pyc = app.read("crs/factors.pyc")
    stdlib_pyc = zipfile.ZipFile(shipped_stdlib()).read("json/__init__.pyc")
    assert pyc[:4] == stdlib_pyc[:4] and int.from_bytes(pyc[4:8], "little") == 1
    # PyScript copies no source files any more; the entry script is the only .py served.
    assert sorted(p.relative_to(DIST).as_posix() for p in (DIST / "py").rglob("*.py")) == [
        "py/web/main.py"]
    assert "files" not in json.loads((DIST / "config.json").read_text())


def test_a_failed_app_download_is_reported(page, site_url):
    """No py/app.zip: the page says start-up failed (in its language), nothing hangs."""
    page.route("**/py/app.zip", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + "fr/")
    state = poll(page, "document.documentElement.getAttribute('data-crs-ready')", 60)
    assert state == "failed"
    assert page.locator("#load-failed").is_visible()
    assert page.locator("#loading").is_hidden()


# ---------------------------------------------------------------------------------------------
# Faults of the offline cache: a damaged entry, a new build


def pyscript_core_chunk(dist):
    """The URL path (from the site root) of PyScript's core chunk, as the page asks for it."""
    (chunk,) = [p for p in dist.rglob("core-*.js") if "vendor" in p.parts]
    return chunk.relative_to(dist).as_posix()


@pytest.mark.parametrize("second", ["static/boot.js", "stdlib", "core chunk"])
def test_a_damaged_cache_entry_costs_one_start_at_most(browser, second):
    """With the worker installed, its cached py/app.zip and one more file are replaced with
    garbage through the Cache API (as a disk fault or a bad proxy would leave them). The next
    load may fail once; the one after it, with the server healthy, starts and scores."""
    server = Server(DIST)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        wait_ready(page)
        poll(page, OFFLINE_READY, SW_TIMEOUT)
        assert poll(page, "navigator.serviceWorker.controller !== null", SW_TIMEOUT)
        other = {"static/boot.js": "static/boot.js",
                 "stdlib": shipped_stdlib().relative_to(DIST).as_posix(),
                 "core chunk": pyscript_core_chunk(DIST)}[second]
        damaged = page.evaluate("""async (paths) => {
            const name = (await caches.keys()).find((k) => k.startsWith('crs-'));
            const cache = await caches.open(name);
            const done = [];
            for (const path of paths) {
                const url = new URL(path, location.href).href;
                if (!(await cache.match(url))) continue;
                await cache.put(url, new Response('garbage ' + 'x'.repeat(1000),
                    {headers: {'content-type': 'application/octet-stream'}}));
                done.push(path);
            }
            return done;
        }""", ["py/app.zip", other])
        assert damaged == ["py/app.zip", other]
        page.reload()
        # This load may fail: it ends when the page says so, or when its damaged copy has been
        # dropped (a module that cannot load leaves the page waiting for boot.js's time-out).
        try:
            poll(page, "document.documentElement.getAttribute('data-crs-ready') || "
                 "document.documentElement.getAttribute('data-crs-offline') === 'dropped'", 60)
        except AssertionError:
            pass
        page.wait_for_timeout(1000)
        page.goto("about:blank")   # (a fragment alone would not load the page again)
        page.goto(server.url + "#p=" + form.encode_share(PROFILE))
        wait_ready(page)
        assert poll(page, TOTAL_JS, 30) == TOTAL
    finally:
        context.close()
        server.stop()


def test_a_new_build_is_shown_on_the_next_visit(browser, tmp_path, monkeypatch):
    """A deploy while the worker holds the previous build: the very next visit shows the new
    build (its words), not the cached one, and scores."""
    dist = tmp_path / "dist"
    assemble.build(dist)
    server = Server(dist)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        wait_ready(page)
        poll(page, OFFLINE_READY, SW_TIMEOUT)
        assert poll(page, "navigator.serviceWorker.controller !== null", SW_TIMEOUT)
        assert "Second build" not in page.locator("h1").text_content()

        original = pages.page_html
        monkeypatch.setattr(pages, "page_html", lambda *a, **k: original(*a, **k).replace(
            '<h1 class="h1">', '<h1 class="h1">Second build: '))
        assemble.build(dist)
        page.close()
        page = context.new_page()
        page.goto(server.url + "#p=" + form.encode_share(PROFILE))
        wait_ready(page)
        assert page.locator("h1").text_content().startswith("Second build: ")
        assert poll(page, TOTAL_JS, 30) == TOTAL
    finally:
        context.close()
        server.stop()
        shutil.rmtree(dist, ignore_errors=True)


def test_the_first_score_needs_no_later_zip(page, site_url):
    """py/later.zip (the panels' modules) is asked for only after the first score: with it
    refused, the score still comes and the panels say they could not be shown."""
    asked = []
    page.route("**/py/later.zip", lambda route: (asked.append(route.request.url),
                                                 route.fulfill(status=503, body="")))
    page.goto(site_url + "#p=" + form.encode_share(PROFILE))
    wait_ready(page)
    assert poll(page, TOTAL_JS + " === '" + TOTAL + "'", 10)
    failed = strings.t("panels_error", "en")
    poll(page, "document.getElementById('beyond-waiting').textContent === %s"
         % json.dumps(failed), 10)
    assert asked, "the page never asked for py/later.zip"
    assert page.is_hidden("#beyond-panels")
