"""What the dev server and dist/_headers send, checked without a browser: COOP on the calculator
pages (not on the embed frame), Permissions-Policy, headers chosen from the file actually served
(never from the raw request path), no directory listings, and `immutable` only on paths that
change whenever their bytes do.
"""

import hashlib
import http.client
import re

import pytest

from tools.build import assemble, common, compress

from .conftest import DIST
from .test_offline import Server

COOP = "Cross-Origin-Opener-Policy"
CALCULATOR_PAGES = ("/", "/index.html", "/fr/", "/fr/index.html")
EMBED_PAGES = ("/embed/", "/embed/index.html", "/embed/fr/", "/embed/fr/index.html")
# Features the page never uses; each must be denied to every origin.
DENIED = ("camera", "microphone", "geolocation", "payment", "usb")


def get(url, path):
    """GET `path` exactly as written (http.client sends it unnormalised, as an attacker would)."""
    host = url.split("//", 1)[1].rstrip("/")
    conn = http.client.HTTPConnection(host, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


def parse_headers_file(text):
    """dist/_headers as {path pattern: {header: value}} (Netlify / Cloudflare Pages format)."""
    rules, current = {}, None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            key, value = line.strip().split(":", 1)
            rules[current][key.strip()] = value.strip()
        else:
            current = line.strip()
            rules.setdefault(current, {})
    return rules


def matching(rules, path):
    """Every header those hosts would send for `path`: the merge of all matching rules."""
    out = {}
    for pattern, headers in rules.items():
        regex = "^" + re.escape(pattern).replace(r"\*", ".*") + "$"
        if re.match(regex, path):
            for key, value in headers.items():
                out.setdefault(key, []).append(value)
    return out


def test_coop_on_the_calculator_pages_not_on_the_embed(site_url):
    for path in CALCULATOR_PAGES + ("/embed.html", "/fr/embed.html"):
        status, headers, _ = get(site_url, path)
        assert status == 200 and headers.get(COOP.lower()) == "same-origin", path
    for path in EMBED_PAGES:
        status, headers, _ = get(site_url, path)
        assert status == 200 and COOP.lower() not in headers, path
    rules = parse_headers_file((DIST / "_headers").read_text())
    for path in CALCULATOR_PAGES:
        assert matching(rules, path).get(COOP) == ["same-origin"], path
    for path in EMBED_PAGES:
        assert COOP not in matching(rules, path), path


def test_permissions_policy_denies_what_we_never_use(site_url):
    rules = parse_headers_file((DIST / "_headers").read_text())
    for path in CALCULATOR_PAGES + EMBED_PAGES + ("/embed.html",):
        _, headers, _ = get(site_url, path)
        for policy in (headers.get("permissions-policy", ""),
                       " ".join(matching(rules, path).get("Permissions-Policy", []))):
            for feature in DENIED:
                assert feature + "=()" in policy, (path, feature, policy)


def test_headers_follow_the_file_served_not_the_raw_path(site_url):
    calculator = (DIST / "index.html").read_bytes()
    embed = (DIST / "embed" / "index.html").read_bytes()
    for path in ("/embed/..%2findex.html", "/embed/%2e%2e/index.html", "/embed/..%2F",
                 "/embed/fr/..%2f..%2ffr/index.html"):
        status, headers, body = get(site_url, path)
        if status != 200:
            continue                   # refusing the path is fine too
        served_calculator = body in (calculator, (DIST / "fr" / "index.html").read_bytes())
        assert served_calculator, path
        assert headers["content-security-policy"].endswith("frame-ancestors 'self'"), path
        assert headers.get(COOP.lower()) == "same-origin", path
    # The embed page under an encoded name is the embed page, with the embed's headers.
    status, headers, body = get(site_url, "/%65mbed/index.html")
    assert status == 200 and body == embed
    assert not headers["content-security-policy"].endswith("frame-ancestors 'self'")
    assert COOP.lower() not in headers
    # A page reached through vendor/ is not cached for a year.
    status, headers, body = get(site_url, "/vendor/..%2findex.html")
    if status == 200:
        assert "immutable" not in headers["cache-control"]


def test_no_directory_listings(site_url):
    for path in ("/vendor/", "/py/", "/static/", "/py/web/", "/embed/fr/../../vendor/"):
        status, headers, body = get(site_url, path)
        assert status == 404, (path, status)
        assert b"Directory listing" not in body
    for sub in sorted(p for p in (DIST / "vendor").iterdir() if p.is_dir()):
        status, _, _ = get(site_url, "/vendor/%s/" % sub.name)
        assert status == 404, sub.name


def immutable_files(server, dist):
    """{path: sha256} of every file of `dist` the server sends as immutable."""
    out = {}
    for path in sorted(dist.rglob("*")):
        if path.is_file() and path.suffix not in (".gz", ".br"):
            rel = path.relative_to(dist).as_posix()
            status, headers, body = get(server.url, "/" + rel)
            if status == 200 and "immutable" in headers.get("cache-control", ""):
                out[rel] = hashlib.sha256(body).hexdigest()
    return out


def test_immutable_paths_change_with_their_bytes(tmp_path, monkeypatch):
    """Build twice into private dist/ copies, the second time with every vendored runtime file's
    bytes changed (as a Pyodide or PyScript upgrade would): no path served `immutable` holds
    different bytes in the two builds, so a browser's year-long HTTP cache can never pair an old
    runtime file with a new one. The pages, the PyScript config, the preload links and the
    service worker's precache list follow the new paths."""
    monkeypatch.setattr(compress, "compress", lambda dist: None)    # not needed here, and slow
    builds = {}
    original_copy = common.copy
    for name in ("before", "after"):
        dist = tmp_path / name
        if name == "after":
            def changed_copy(src, dst):
                original_copy(src, dst)
                if "vendor" in dst.relative_to(dist).parts:
                    with open(dst, "ab") as out:      # still valid JS / JSON / wasm tail
                        out.write(b"\n" if dst.suffix != ".wasm" else b"\0")
            monkeypatch.setattr(common, "copy", changed_copy)
        assemble.build(dist)
        server = Server(dist)
        try:
            builds[name] = immutable_files(server, dist)
        finally:
            server.stop()
    before, after = builds["before"], builds["after"]
    assert any(p.endswith("pyodide.asm.wasm") for p in before), sorted(before)
    assert any(p.endswith("/core.js") for p in before), sorted(before)
    shared = sorted(p for p in set(before) & set(after) if before[p] != after[p])
    assert not shared, "same immutable path, different bytes: %s" % shared
    # Every immutable path names a version or a content hash.
    for rel in before:
        assert re.search(r"\d+\.\d+\.\d+|[0-9a-f]{10,}", rel), rel
    # dist/_headers marks only those versioned directories immutable.
    rules = parse_headers_file((tmp_path / "after" / "_headers").read_text())
    marked = [p for p, h in rules.items() if "immutable" in h.get("Cache-Control", "")]
    assert marked and all(re.match(r"^/vendor/[a-z]+-\d+\.\d+\.\d+-[0-9a-f]{10}/\*$", p)
                          for p in marked), marked
    for rel in after:
        assert any(re.match("^" + re.escape(p[:-1]), "/" + rel) for p in marked), rel
    # And the pages only ever ask for files that exist in their own build.
    dist = tmp_path / "after"
    for page in ("index.html", "fr/index.html", "embed/index.html"):
        text = (dist / page).read_text()
        for ref in re.findall(r'(?:src|href)="([^"#?:]+)"', text):
            target = (dist / page).parent / ref
            assert target.exists() or (target / "index.html").exists(), (page, ref)
    sw = (dist / "sw.js").read_text()
    for ref in re.findall(r'"\./([^"]+)"', sw):
        assert (dist / ref).exists() or (dist / ref / "index.html").exists(), ref
