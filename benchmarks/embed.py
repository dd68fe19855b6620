#!/usr/bin/env python3
"""Embed benchmark: a partner page on another site embeds the calculator with static/embed.js.

    python build.py && .venv/bin/python benchmarks/embed.py [--runs 5] [--json out.json]

Our dist/ is served by build.py's server on 127.0.0.1 (gzip, as a static host would); the
partner page by a tiny server on `localhost` (another site, so the browser partitions its
cache as it would for a real partner). Each run is a fresh browser profile:

* bytes: Playwright's request sizes (headers + encoded body) of every response, split into
  the partner's page, embed.js, and the frame (our embed page and everything it loads); cold
  visit, then a warm visit in a new tab of the same profile (Cache-Control: no-cache: 304s)
* times, from the partner page's navigation start: embed.js loaded, the frame's form usable
  (its DOMContentLoaded), the calculator ready, and the first score: the E1 profile is typed
  into the frame as soon as its form exists (a person typing while it loads), and the time
  is when the total first appears (a MutationObserver installed before any script of ours)

Figures are medians over the runs (also min and max for the times).
"""

import argparse
import gzip
import http.server
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "py"))

from tools.build import bootstrap, common, serve  # noqa: E402

DIST = Path(os.environ.get("CRS_DIST", common.DIST))

CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIELDS = [("select", "#marital_status", "never_married"), ("fill", "#age", "29"),
          ("select", "#education", "bachelors"), ("select", "#first_language-test", "ielts_gt"),
          ("fill", "#first_language-test_date", "2026-06-01"),
          ("fill", "#first_language-speaking", "7"), ("fill", "#first_language-listening", "8"),
          ("fill", "#first_language-reading", "7"), ("fill", "#first_language-writing", "7"),
          ("fill", "#foreign_work_years", "3")]

# In every document: the partner page records its time origin; our frame, when its total
# first appears (absolute times, so both can be compared).
OBSERVER = """
(() => {
  window.__t0 = performance.timeOrigin;
  if (!location.pathname.startsWith('/embed/')) return;
  const mark = (k) => { window['__' + k] = performance.timeOrigin + performance.now(); };
  document.addEventListener('DOMContentLoaded', () => mark('dcl'));
  new MutationObserver(() => {
    const root = document.documentElement;
    if (!window.__ready && root.getAttribute('data-crs-ready') === 'true') mark('ready');
    const el = document.querySelector('[data-crs-total]');
    if (!window.__score && el && el.getAttribute('data-crs-total')) mark('score');
  }).observe(document, {subtree: true, attributes: true,
                        attributeFilter: ['data-crs-total', 'data-crs-ready']});
})();
"""

PARTNER = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="%s/static/embed.js" defer></script></head>
<body><h1>A partner's article about Express Entry</h1>
<p>Some text before the calculator, as a partner's page would have.</p>
<div data-crs-calculator data-as-of="2026-11-23"></div></body></html>"""


def partner_server(ours):
    body = (PARTNER % ours).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy",
                             "default-src 'self'; script-src %s; frame-src %s" % (ours, ours))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def classify(requests, ours, partner):
    out = {"partner page": 0, "embed.js": 0, "frame": 0, "other": 0}
    for r in requests:
        try:
            sizes = r.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        except Exception:
            continue
        if r.url.startswith(partner):
            out["partner page"] += size
        elif r.url == ours + "static/embed.js":
            out["embed.js"] += size
        elif r.url.startswith(ours):
            out["frame"] += size
        else:
            out["other"] += size
    return out


def frame_of(page, ours, timeout=30):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for f in page.frames:
            if f.url.startswith(ours + "embed/"):
                return f
        page.wait_for_timeout(10)
    raise RuntimeError("no frame: %s" % [f.url for f in page.frames] + page.content()[:600])


def visit(context, ours, partner, fill):
    requests = []
    page = context.new_page()
    page.on("requestfinished", lambda r: requests.append(r))
    page.goto(partner + "/")
    frame = frame_of(page, ours)
    if fill:
        frame.wait_for_selector("#foreign_work_years", state="attached")
        for kind, sel, value in FIELDS:
            (frame.select_option if kind == "select" else frame.fill)(sel, value)
    end = time.monotonic() + 90
    while time.monotonic() < end and not frame.evaluate("window.__score || 0"):
        page.wait_for_timeout(20)
    t0 = page.evaluate("window.__t0")
    embed_js = page.evaluate("""() => { const e = performance.getEntriesByType('resource')
        .find(r => r.name.endsWith('/static/embed.js')); return e ? e.responseEnd : null; }""")
    times = {k: (frame.evaluate("window.__%s || 0" % k) or float("nan")) - t0
             for k in ("dcl", "ready", "score")}
    times["embed.js"] = embed_js
    page.wait_for_timeout(300)   # let the last responses finish
    sizes = classify(requests, ours, partner)
    page.close()
    return sizes, times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    ours_server = serve.make_server(0, directory=str(DIST))
    threading.Thread(target=ours_server.serve_forever, daemon=True).start()
    ours = "http://127.0.0.1:%d/" % ours_server.server_address[1]
    partner_srv = partner_server(ours.rstrip("/"))
    partner = "http://localhost:%d" % partner_srv.server_address[1]

    cold, warm, times = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(bootstrap.CHROMIUM), args=CHROME_ARGS)
        for n in range(args.runs):
            context = browser.new_context()
            context.add_init_script(OBSERVER)
            c, t = visit(context, ours, partner, fill=True)
            w, _ = visit(context, ours, partner, fill=True)
            context.close()
            cold.append(c)
            warm.append(w)
            times.append(t)
            print("run %d: first score %.0f ms, cold %.2f MB" % (
                n + 1, t["score"], sum(c.values()) / 1e6), flush=True)
        browser.close()

    embed_gz = len(gzip.compress((DIST / "static" / "embed.js").read_bytes(), 9))
    med = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
    host_cold = med([{"x": r["partner page"] + r["embed.js"]} for r in cold], "x")
    all_cold = med([{"x": sum(r.values())} for r in cold], "x")
    all_warm = med([{"x": sum(r.values())} for r in warm], "x")
    print()
    print("embed.js: %d bytes, %d gzip (budget 5120)" % (
        (DIST / "static" / "embed.js").stat().st_size, embed_gz))
    print()
    print("| what the partner's visitor downloads | cold | warm |")
    print("|---|---:|---:|")
    print("| partner page + embed.js (before any interaction) | %.1f KB | %.1f KB |" % (
        host_cold / 1e3, med([{"x": r["partner page"] + r["embed.js"]} for r in warm], "x") / 1e3))
    print("| of which embed.js | %.1f KB | %.1f KB |" % (med(cold, "embed.js") / 1e3,
                                                        med(warm, "embed.js") / 1e3))
    print("| the frame (embed page, runtime, calculator) | %.2f MB | %.1f KB |" % (
        med(cold, "frame") / 1e6, med(warm, "frame") / 1e3))
    print("| total, until the first score | %.2f MB | %.1f KB |" % (all_cold / 1e6,
                                                                   all_warm / 1e3))
    print()
    print("| time from the partner's navigation start (median of %d, cold) | median | min | max |"
          % args.runs)
    print("|---|---:|---:|---:|")
    for key, label in (("embed.js", "embed.js loaded"), ("dcl", "frame's form usable"),
                       ("ready", "calculator ready in the frame"),
                       ("score", "first score in the frame")):
        vals = [t[key] for t in times if t[key] == t[key]]
        print("| %s | %.0f ms | %.0f ms | %.0f ms |" % (
            label, statistics.median(vals), min(vals), max(vals)))
    if args.json:
        Path(args.json).write_text(json.dumps({"cold": cold, "warm": warm, "times": times,
                                               "embed_js_gzip": embed_gz}, indent=1))
    ours_server.shutdown()
    partner_srv.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
