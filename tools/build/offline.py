"""Offline: dist/sw.js (static/templates/sw.js filled in), a service worker that precaches
exactly what the pages load (shared/reference/platform.md §3). The list is worked out from dist/ itself: every page, what
each page references (scripts, stylesheet, PyScript config), each config's interpreter (the
Pyodide files), and the imports and new URL() references of every script reached (PyScript's
hashed chunks, py/app.zip, the stdlib zip and snapshot worker; see _JS_IMPORT, _JS_URL).
tests/e2e/test_offline.py checks the list against a real visit.
The cache name is a hash of the list and the files' bytes: a build that changes any of them
installs a new cache and the old one is deleted on activate. static/sw-register.js registers
it once Python has started, so precaching (mostly from the HTTP cache) never slows the first
score.
"""

import hashlib
import json
import re
import sys
import urllib.parse
from pathlib import Path

from . import common, runtime

_REF = re.compile(r'\b(?:src|href|config)="([^"#?]+)[^"]*"')
_CSS_URL = re.compile(r'url\(\s*["\']?([^"\')]+)')
# Static imports, and PyScript's plugin table (`name:()=>import("./chunk")`): it imports every
# built-in plugin's small chunk, even a disabled one; its other dynamic imports (TOML, zip, the
# package graph, CodeMirror) are not used by these pages.
_JS_IMPORT = re.compile(r'(?:\bfrom\s*|\bimport\s*|[\w"-]:\(\)=>import\()["\'](\.{1,2}/[^"\']+)["\']')
# Files a script fetches relative to itself (static/boot.js: py/app.zip).
_JS_URL = re.compile(r'new URL\(\s*["\'](\.{1,2}/[^"\']+)["\']\s*,\s*import\.meta\.url')
# Files the page's Python fetches by itself, after the first score: the NOC finder's search
# asset (web/noc.py ASSET, fetched on the first focus of a finder).
sys.path.insert(0, str(common.ROOT / "py"))
from web import noc as _noc  # noqa: E402  (plain Python: its ASSET is the file's one name)
FETCHED_BY_THE_PAGE = (_noc.ASSET,)


def precache_list(dist):
    """URLs (relative to dist/, pages as their directory URL) that the pages need."""
    dist = Path(dist)
    base = "https://crs.invalid/"
    seen, todo = set(), []

    def add(url):
        rel = urllib.parse.urlsplit(url).path.lstrip("/")
        path = dist / rel
        if path.is_dir() or rel == "":
            if not (path / "index.html").is_file():
                return
            rel = rel if rel.endswith("/") or rel == "" else rel + "/"
        elif not path.is_file() or rel == "sw.js":   # the worker never precaches itself
            return
        if rel.endswith("index.html"):
            rel = rel[:-len("index.html")]
        if rel not in seen:
            seen.add(rel)
            todo.append(rel)

    for page in sorted(dist.rglob("index.html")):
        if "bench-baseline" not in page.parts:
            add(base + page.relative_to(dist).as_posix())
    for rel in FETCHED_BY_THE_PAGE:
        add(base + rel)
    while todo:
        rel = todo.pop()
        url = base + rel
        path = dist / rel / "index.html" if rel == "" or rel.endswith("/") else dist / rel
        text = path.read_text(encoding="utf-8", errors="replace") if path.suffix in (
            ".html", ".js", ".mjs", ".css", ".json") else ""
        if path.suffix == ".html":
            refs = _REF.findall(text)
        elif path.suffix == ".css":
            refs = [r for r in _CSS_URL.findall(text) if not r.startswith("data:")]
        elif path.suffix in (".js", ".mjs"):
            refs = _JS_IMPORT.findall(text) + _JS_URL.findall(text)
        elif path.suffix == ".json" and '"interpreter"' in text:
            # The interpreter module, and the Pyodide files pyodide.mjs loads beside it (the
            # module's own imports and new URL() references are followed as a script's).
            interpreter = urllib.parse.urljoin(url, json.loads(text)["interpreter"])
            refs = [interpreter] + [urllib.parse.urljoin(interpreter, n)
                                    for n in runtime.PYODIDE_SHIPPED]
        else:
            refs = []
        for ref in refs:
            absolute = urllib.parse.urljoin(url, ref)
            if absolute.startswith(base):
                add(absolute)
    return sorted(seen, key=lambda r: (r.count("/") if r.endswith("/") else 99, r))


def service_worker(dist):
    """dist/sw.js, precaching precache_list(dist) under a cache named after the list, every
    file's bytes and the worker's own code."""
    files = precache_list(dist)

    def path(rel):
        return dist / rel / "index.html" if rel == "" or rel.endswith("/") else dist / rel
    digest = hashlib.sha256((common.TEMPLATES / "sw.js").read_bytes())
    for rel in files:
        digest.update(rel.encode() + b"\0" + hashlib.sha256(path(rel).read_bytes()).digest())
    cache = "crs-" + digest.hexdigest()[:16]
    urls = ["./" + rel for rel in files]
    (dist / "sw.js").write_text(common.fill("sw.js", cache=json.dumps(cache),
                                            files=json.dumps(urls, indent=1)))
    common.log("sw.js: cache %s, %d files, %.2f MB" % (
        cache, len(urls), sum(path(r).stat().st_size for r in files) / 1e6))
