#!/usr/bin/env python3
"""NOC finder benchmark: keystroke -> updated list in the page, and the search asset's size and
load, in headless Chromium (the launch arguments of benchmarks/page.py).

    python build.py && .venv/bin/python benchmarks/noc_finder.py [--runs 3]

For each run, a fresh browser profile opens the English page with a profile scored, adds a job
and focuses its finder (the first focus fetches static/noc2021.json: its download and the time
until the index is ready are printed), then types job titles (English and French, with two
misspellings), key by key: ~100 keystrokes. A key's time is from its keydown event's timeStamp
to the MutationObserver callback on the list (the search and the list are written in the
`input` handler, synchronously). Median and p95 over every keystroke of every run.
"""

import argparse
import gzip
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "py"))
from benchmarks.page import CHROME_ARGS  # noqa: E402
from tools.build import bootstrap, common, serve  # noqa: E402
from web import form, noc  # noqa: E402

QUERIES = ["software engineer", "infirmière autorisée", "electricain", "truck driver",
           "cuisinier", "sofware developer", "comptable", "welder"]
PROFILE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
           "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                              "writing": 9}, "as_of": "2026-11-23"}
WATCH = """() => {
  window.crsKeys = []; let t0 = null;
  addEventListener('keydown', e => { t0 = e.timeStamp; }, true);
  const list = document.getElementById('work_history-0-find-list');
  new MutationObserver(() => { if (t0 !== null) { crsKeys.push(performance.now() - t0); t0 = null; } })
    .observe(list, {childList: true});
}"""


def wait(page, expression, timeout=60):
    end = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > end:
            raise SystemExit("timed out: " + expression)
        time.sleep(0.02)


def run(browser, url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "#p=" + form.encode_share(PROFILE))
    wait(page, "document.documentElement.getAttribute('data-crs-ready') === 'true'")
    page.click("#optional summary")
    page.click("#work_history-add")
    t0 = page.evaluate("performance.now()")
    page.focus("#work_history-0-find")
    wait(page, "document.documentElement.getAttribute('data-crs-noc-data') === 'ready'")
    ready = page.evaluate("performance.now()") - t0
    entry = page.evaluate("(performance.getEntriesByType('resource').find(e => "
                          "e.name.includes('noc2021.json')) || {duration: -1}).duration")
    page.evaluate(WATCH)
    for query in QUERIES:
        page.fill("#work_history-0-find", "")
        for ch in query:
            page.keyboard.type(ch)
    time.sleep(0.2)
    keys = page.evaluate("crsKeys")
    context.close()
    return ready, entry, keys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    asset = common.DIST / noc.ASSET
    raw = asset.read_bytes()
    br = asset.with_name(asset.name + ".br")
    print("asset %s: %d bytes raw, %d gzip (-9), %s brotli (dist/.br)" % (
        noc.ASSET, len(raw), len(gzip.compress(raw, 9)),
        br.stat().st_size if br.exists() else "n/a"))
    server = serve.make_server(0, directory=str(common.DIST))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/" % server.server_address[1]
    from playwright.sync_api import sync_playwright
    keys, readies, fetches = [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=bootstrap.CHROMIUM.as_posix(),
                                    headless=True, args=CHROME_ARGS)
        for _ in range(args.runs):
            ready, fetch, k = run(browser, url)
            readies.append(ready)
            fetches.append(fetch)
            keys.extend(k)
        browser.close()
    server.shutdown()
    keys.sort()
    p95 = keys[min(len(keys) - 1, int(round(0.95 * (len(keys) - 1))))]
    print("first focus -> index ready: median %.0f ms (fetch %.0f ms; runs: %s)" % (
        statistics.median(readies), statistics.median(fetches),
        ", ".join("%.0f" % r for r in readies)))
    print("keystroke -> list updated: median %.1f ms, p95 %.1f ms, max %.1f ms over %d keys "
          "(%d runs)" % (statistics.median(keys), p95, keys[-1], len(keys), args.runs))


if __name__ == "__main__":
    main()
