"""The headers of every file served: the Content-Security-Policy and the other security
headers, the cache policy, who may frame the embed page (docs/embed.md), and dist/_headers for
static hosts that read it. The dev server (serve.py) sends the same headers as dist/_headers
says.

Who may frame the embed page (`frame-ancestors`): the allow-list from, in this order,
`python build.py --frame-ancestors "https://a.example https://b.example"`, the environment
variable CRS_FRAME_ANCESTORS, the file `embed-partners.txt` at the repository root (one origin a
line, `#` comments), else `*` (anyone). 'self' is always added (the docs page's live example).
"""

import os
import re

from . import common

CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
       "connect-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")
# Sent as headers by the dev server (frame-ancestors only works as a header), and written into
# dist/_headers for static hosts that read it (headers_file).
# Permissions-Policy: every powerful feature the calculator never uses is denied to the page and
# to anything it could frame (only names Chromium knows: an unknown one is a console error).
PERMISSIONS_POLICY = ", ".join(feature + "=()" for feature in (
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "hid",
    "magnetometer", "microphone", "midi", "payment", "serial", "usb", "xr-spatial-tracking"))
HEADERS = {
    "Content-Security-Policy": CSP + "; frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cache-Control": "no-cache",
}
# Our own pages (calculator, embed docs) get a browsing context group of their own: a page of
# another origin that opened them (window.open) keeps no handle on them, and they none on it.
# Not the embed frame: COOP is ignored in an iframe, so it would protect nothing there, and a
# partner that opens /embed/ in a popup would lose its window handle (docs/embed.md).
PAGE_HEADERS = {"Cross-Origin-Opener-Policy": "same-origin"}
# Everything under vendor/ sits in a directory named after its package's npm version and a hash
# of the files' bytes (runtime.versioned_dir), and the files we generate there carry a
# content hash in their own name: a path never changes bytes, so it is cached for a year without
# revalidation. Pages, configs, py/, static/ and sw.js: no-cache.
VENDOR_CACHE = "public, max-age=31536000, immutable"
PARTNERS_FILE = common.ROOT / "embed-partners.txt"
# An origin as frame-ancestors takes it: scheme://host[:port], a host may start with "*.".
SOURCE = re.compile(r"^(?:https?://(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?|\*|'self'|'none')$")


def frame_ancestors(cli_value=None):
    """The embed page's frame-ancestors sources (a string), 'self' always included."""
    raw = cli_value or os.environ.get("CRS_FRAME_ANCESTORS")
    if raw is None and PARTNERS_FILE.exists():
        lines = [line.split("#")[0].strip() for line in PARTNERS_FILE.read_text().splitlines()]
        raw = " ".join(line for line in lines if line)
    sources = (raw or "*").split()
    bad = [s for s in sources if not SOURCE.match(s)]
    if bad:
        raise SystemExit("build: not a frame-ancestors source: %s" % " ".join(bad))
    if "*" in sources:
        return "*"
    return " ".join(["'self'"] + [s for s in sources if s != "'self'"])


def embed_headers(base_headers, ancestors):
    """The embed page's headers: the page's own, with frame-ancestors from the allow-list."""
    out = dict(base_headers)
    csp = out["Content-Security-Policy"].split("; frame-ancestors")[0]
    out["Content-Security-Policy"] = csp + "; frame-ancestors " + ancestors
    return out


def response_headers(rel):
    """The headers of the file `rel` (relative to dist/, as served)."""
    if rel == "embed" or rel.startswith("embed/"):      # framable by the allow-list
        headers = embed_headers(HEADERS, frame_ancestors())
    else:
        headers = {**HEADERS, **PAGE_HEADERS}
    if rel.startswith("vendor/"):
        headers["Cache-Control"] = VENDOR_CACHE
    return headers


def headers_file(base_headers, ancestors, page_headers=None, immutable=(), vendor_cache=None):
    """dist/_headers (Netlify / Cloudflare Pages format). The rules for HTML documents do not
    overlap (those hosts merge the headers of every matching rule, and two CSPs would both be
    enforced): the calculator and docs pages may only be framed by us, the embed pages by the
    allow-list. `page_headers` (COOP) go on our own pages only, never on the embed pages (so
    not in the /* rule either: it matches them too). `immutable`: the versioned directories
    (under vendor/) that may be cached for a year; caching of everything else is left to the
    host (the dev server's no-cache is for development)."""
    embed = embed_headers(base_headers, ancestors)
    shared = {k: v for k, v in base_headers.items()
              if k not in ("Content-Security-Policy", "Cache-Control")}
    lines = ["# Written by build.py (tools/build/headers.py): the dev server sends the same "
             "headers.", "/*"] + ["  %s: %s" % kv for kv in shared.items()]
    for directory in immutable:
        lines += ["/%s/*" % directory, "  Cache-Control: " + vendor_cache]
    for path in ("/", "/index.html", "/fr/", "/fr/index.html", "/embed.html", "/fr/embed.html"):
        lines += [path, "  Content-Security-Policy: " + base_headers["Content-Security-Policy"]]
        lines += ["  %s: %s" % kv for kv in (page_headers or {}).items()]
    for path in ("/embed/", "/embed/index.html", "/embed/fr/", "/embed/fr/index.html",
                 "/embed/consent.html", "/embed/fr/consent.html"):
        lines += [path, "  Content-Security-Policy: " + embed["Content-Security-Policy"]]
    return "\n".join(lines) + "\n"


def write(dist, runtime):
    """dist/_headers, with the runtime's versioned directories marked immutable."""
    (dist / "_headers").write_text(headers_file(
        HEADERS, frame_ancestors(), PAGE_HEADERS, (runtime.pyodide_dir, runtime.pyscript_dir),
        VENDOR_CACHE))
