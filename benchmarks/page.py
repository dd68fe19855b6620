#!/usr/bin/env python3
"""Page benchmark: our page against a stock PyScript + Pyodide page, in headless Chromium.

    python build.py && .venv/bin/python benchmarks/page.py [--runs 5] [--json out.json]

Both pages are served by build.py's server (br/gzip, as a static host would; Cache-Control:
immutable under vendor/, no-cache elsewhere, so the stock page's warm visit revalidates its
files with 304s; ours waits for its service worker to be ready after the cold visit, so its
warm visit is served by the worker; it also waits for the Pyodide snapshot the page makes on
the device after the first score, which the warm visit restores). --dist serves a copy of
dist/ (safe from rebuilds). For each page and each network
(localhost, and 10 Mbit/s with 40 ms latency through CDP Network.emulateNetworkConditions),
`--runs` fresh browser profiles each make a cold visit, then a warm one in a new tab of the same
profile. Figures are medians over the runs:

* form usable: when the form can take input: max(first contentful paint, DOMContentLoaded)
  (the form is plain HTML, no script is needed to type); and the longest main-thread task
  during start-up (a key pressed then waits at most that long)
* first score: performance.now() when the score first appears (data-crs-total, or the
  baseline's #score), recorded by a MutationObserver installed before the page's own scripts
* bytes: sum of CDP Network.loadingFinished encodedDataLength on the cold visit; bytes before
  the first score: the transferSize of every response (resource timing) that had ended when
  the score first appeared (what the page fetches after it, e.g. py/later.zip, not counted)
* change -> total: a field is changed and `input` dispatched; time until the total is updated
  in the DOM (the handler runs synchronously). 40 changes per visit; median and p95.

The floor page is our runtime without PyScript and without the calculator: it imports our
interpreter module (the same Pyodide files, trimmed .pyc stdlib, device snapshot made after the
first visit and restored on the next) and shows 1 + 1. No page built on Pyodide can start faster
on this machine; it is the yardstick for what PyScript and our page add on top.

The stock page is PyScript 0.7.31's documented minimal set-up (core.css + core.js + one
<script type="py">), with `interpreter` pointing at a local copy of the npm Pyodide files as
they come (source stdlib; the only change needed to keep it off the CDN), default plugins, and
one input whose value it doubles.
"""

import argparse
import gzip
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "py"))

from tools.build import assemble, bootstrap, common, runtime, serve  # noqa: E402
from web import form  # noqa: E402

CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
THROTTLE = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8,
            "uploadThroughput": 10e6 / 8}
E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "ielts_gt", "speaking": 7.0, "listening": 8.0, "reading": 7.0,
                         "writing": 7.0},
      "foreign_work_years": 3, "as_of": "2026-11-23"}

BASELINE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>stock PyScript</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="../{pyscript}/core.css">
<script type="module" src="../{pyscript}/core.js"></script>
</head><body>
<label for="a">a</label> <input id="a" value="21"> <p id="score"></p>
<script type="py" config='{"interpreter": "pyodide/pyodide.mjs"}'>
from pyscript import document, when
def show(event=None):
    document.getElementById("score").textContent = str(int(document.getElementById("a").value or 0) * 2)
when("input", "#a")(show)
show()
</script></body></html>
"""

# Every runtime file is asked for by the head, at once (no first paint to protect here).
FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare Pyodide</title>
<link rel="icon" href="data:,">
<link rel="modulepreload" href="../{pyodide}/{start}">
<link rel="modulepreload" href="../{pyodide}/pyodide.mjs">
<link rel="modulepreload" href="../{pyodide}/pyodide.asm.mjs">
<link rel="preload" as="fetch" crossorigin href="../{pyodide}/pyodide.asm.wasm">
<link rel="preload" as="fetch" crossorigin href="../{pyodide}/{stdlib}">
<script type="module" src="floor.mjs"></script>
</head><body><p id="score"></p></body></html>
"""
# start() is the interpreter module's own start-up (snapshot restored when there is one); the
# ready attribute is what its snapshot maker waits for, as on our page.
FLOOR_JS = """import { start } from "../{pyodide}/{start}";
const py = await start();
document.getElementById("score").textContent = String(py.runPython("1 + 1"));
document.documentElement.setAttribute("data-crs-ready", "true");
"""

# Installed before any page script (CDP, so the page's CSP does not apply).
OBSERVER = """
(() => {
  window.__bench = {firstScore: null, longest: 0};
  try {
    new PerformanceObserver(list => { for (const e of list.getEntries())
      window.__bench.longest = Math.max(window.__bench.longest, e.duration); })
      .observe({type: 'longtask', buffered: true});
  } catch (e) {}
  const check = () => {
    if (window.__bench.firstScore !== null) return;
    const t = document.querySelector('[data-crs-total]');
    const s = document.getElementById('score');
    if ((t && t.getAttribute('data-crs-total')) || (s && !t && s.textContent)) {
      window.__bench.firstScore = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true,
    attributes: true, characterData: true});
})();
"""

CHANGES = """
async ([selector, a, b, hook]) => {
  const el = document.querySelector(selector);
  const out = [];
  const read = () => hook ? document.querySelector('[data-crs-total]').getAttribute('data-crs-total')
                          : document.getElementById('score').textContent;
  for (let i = 0; i < 40; i++) {
    const before = read();
    el.value = i % 2 ? a : b;
    const t0 = performance.now();
    el.dispatchEvent(new Event('input', {bubbles: true}));
    let t1 = performance.now();
    while (read() === before && performance.now() - t0 < 1000) {
      await new Promise(r => setTimeout(r, 0));
      t1 = performance.now();
    }
    out.push(t1 - t0);
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  return out;
}
"""


SENT = [0]   # body bytes sent by the server since the visit began (page + service worker)


def count_sent():
    original = serve.Handler.copyfile

    def copyfile(self, source, outputfile):
        data = source.read()
        SENT[0] += len(data)
        outputfile.write(data)
    serve.Handler.copyfile = copyfile
    return original


def wait_attribute(page, name, values, timeout=60):
    """The <html> attribute `name` once it takes one of `values` (or its value at the timeout)."""
    read = "document.documentElement.getAttribute(%s)" % json.dumps(name)
    end = time.monotonic() + timeout
    while page.evaluate(read) not in values and time.monotonic() < end:
        time.sleep(0.05)
    return page.evaluate(read)


def visit(context, url, throttled, changes=None, snapshot=False):
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if throttled:
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
    total = [0]
    cdp.on("Network.loadingFinished", lambda e: total.__setitem__(0, total[0] + e["encodedDataLength"]))
    SENT[0] = 0
    page.goto(url)
    end = time.monotonic() + 120
    while page.evaluate("window.__bench.firstScore") is None:
        if time.monotonic() > end:
            raise RuntimeError("no score within 120 s: " + url)
        time.sleep(0.02)
    nav = page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
        const p = performance.getEntriesByName('first-contentful-paint')[0];
        const first = window.__bench.firstScore;
        // What had arrived when the score first showed (resource timing: transferSize is
        // the encoded body and headers of each response, all of our origin).
        const before = [n, ...performance.getEntriesByType('resource')]
            .filter(e => e.responseEnd <= first).reduce((a, e) => a + e.transferSize, 0);
        return {dcl: n.domContentLoadedEventEnd, fcp: p ? p.startTime : null,
                first: first, longest: window.__bench.longest, before: before}; }""")
    result = {"usable": max(nav["dcl"], nav["fcp"] or 0), "first_score": nav["first"],
              "longest_task": nav["longest"], "bytes_before_score": nav["before"]}
    if changes:
        result["changes"] = page.evaluate(CHANGES, changes)
    if page.evaluate("!!document.getElementById('offline-status')"):
        # Let the service worker finish its precache (its downloads are not in this page's
        # CDP network log; the server's count below has them), so the warm visit uses it.
        result["offline_ready"] = wait_attribute(page, "data-crs-offline", ("ready",)) == "ready"
    if snapshot:
        # Likewise the Pyodide snapshot made on the device a few seconds after the first score
        # (a visitor who stays that long gets it on the next visit).
        result["snapshot"] = wait_attribute(page, "data-crs-snapshot", ("saved", "restored"))
    time.sleep(0.3)
    result["bytes"] = total[0]
    result["server_bytes"] = SENT[0]
    page.close()
    return result


def run(playwright, url, throttled, changes, snapshot):
    tmp = tempfile.mkdtemp(prefix="crs-bench-")
    try:
        context = playwright.chromium.launch_persistent_context(
            tmp, executable_path=bootstrap.CHROMIUM.as_posix(), headless=True, args=CHROME_ARGS)
        try:
            context.add_init_script(OBSERVER)
            context.new_page()   # keep the browser alive between the two visits
            cold = visit(context, url, throttled, changes=changes, snapshot=snapshot)
            warm = visit(context, url, throttled, snapshot=snapshot)
        finally:
            context.close()
        return cold, warm
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_counting_crashes(playwright, url, throttled, changes, snapshot, crashes, label):
    """run(), again in a fresh profile when the renderer crashed (counted and reported: a crash
    is a finding, not noise to hide; three in a row stop the benchmark)."""
    for _ in range(3):
        try:
            return run(playwright, url, throttled, changes, snapshot)
        except Exception as exc:   # playwright's Error: "Target crashed", "Page crashed"
            if "crash" not in str(exc).lower():
                raise
            crashes[label] = crashes.get(label, 0) + 1
            print("     %s: the renderer crashed; this run is made again" % label, flush=True)
    raise RuntimeError("%s: the renderer crashed three times in a row" % label)


def med(values):
    return statistics.median(values) if values else float("nan")


def p95(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", help="also write the raw numbers here")
    parser.add_argument("--only", choices=("ours", "floor", "stock"), help="measure one page only")
    parser.add_argument("--local-only", action="store_true", help="skip the throttled network")
    parser.add_argument("--dist", help="serve this copy of dist/ (default: dist/; a copy keeps "
                        "the run safe from rebuilds)")
    args = parser.parse_args()
    dist = Path(args.dist).resolve() if args.dist else common.DIST
    from playwright.sync_api import sync_playwright

    if not (dist / "index.html").exists():
        assemble.build(dist)
    baseline_dir = dist / "bench-baseline"
    baseline_dir.mkdir(exist_ok=True)
    # The runtime's directories are named after their versions and bytes (tools/build/runtime.py).
    dirs = {"pyodide": "vendor/" + next((dist / "vendor").glob("pyodide-*")).name,
            "pyscript": "vendor/" + next((dist / "vendor").glob("pyscript-*")).name}
    (baseline_dir / "index.html").write_text(BASELINE_HTML.replace("{pyscript}", dirs["pyscript"]))
    # The stock page gets the stock Pyodide files from npm (source stdlib), gzip-served alike.
    for name in runtime.PYODIDE_FILES:
        target = baseline_dir / "pyodide" / name
        common.copy(common.NODE_MODULES / "pyodide" / name, target)
        data = target.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) < len(data) * 0.9:
            target.with_name(name + ".gz").write_bytes(packed)
    floor_dir = dist / "bench-floor"
    floor_dir.mkdir(exist_ok=True)
    pyodide = dist / dirs["pyodide"]
    names = {"start": next(pyodide.glob("crs-start-*.mjs")).name,
             "stdlib": next(pyodide.glob("python_stdlib-*.zip")).name, **dirs}
    (floor_dir / "index.html").write_text(FLOOR_HTML.format(**names))
    (floor_dir / "floor.mjs").write_text(FLOOR_JS.replace("{start}", names["start"])
                                         .replace("{pyodide}", dirs["pyodide"]))
    count_sent()
    server = serve.make_server(0, directory=str(dist))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d/" % server.server_address[1]
    variants = {   # name: (url, field changes to time, waits for a device snapshot, --only)
        "our page (EN)": (base + "#p=" + form.encode_share(E1),
                          ["#first_language-listening", "7.5", "8", True], True, "ours"),
        "bare Pyodide (floor)": (base + "bench-floor/", None, True, "floor"),
        "stock PyScript": (base + "bench-baseline/", ["#a", "20", "21", False], False, "stock"),
    }
    raw = {}
    crashes = {}
    try:
        with sync_playwright() as pw:
            for n in range(args.runs):
                for name, (url, changes, snapshot, key) in variants.items():
                    if args.only and args.only != key:
                        continue
                    for net in ("localhost",) if args.local_only else ("localhost", "10 Mbit/s + 40 ms"):
                        cold, warm = run_counting_crashes(pw, url, net != "localhost", changes,
                                                          snapshot, crashes, "%s, %s" % (name, net))
                        raw.setdefault((name, net), []).append((cold, warm))
                        print("run %d %-15s %-18s cold %6.0f ms  warm %6.0f ms  %5.2f MB" % (
                            n + 1, name, net, cold["first_score"], warm["first_score"],
                            cold["bytes"] / 1e6), flush=True)
    finally:
        server.shutdown()
        shutil.rmtree(baseline_dir, ignore_errors=True)
        shutil.rmtree(floor_dir, ignore_errors=True)

    rows = []
    for (name, net), runs in raw.items():
        colds = [c for c, _ in runs]
        warms = [w for _, w in runs]
        changes = [x for c in colds for x in c.get("changes", [])]
        rows.append({
            "page": name, "network": net,
            "usable_ms": med([c["usable"] for c in colds]),
            "longest_task_ms": med([c["longest_task"] for c in colds]),
            "first_score_cold_ms": med([c["first_score"] for c in colds]),
            "first_score_warm_ms": med([w["first_score"] for w in warms]),
            "bytes_cold": med([c["bytes"] for c in colds]),
            "bytes_before_score": med([c["bytes_before_score"] for c in colds]),
            "bytes_warm": med([w["bytes"] for w in warms]),
            "server_bytes_cold": med([c["server_bytes"] for c in colds]),
            "change_median_ms": med(changes) if changes else None,
            "change_p95_ms": p95(changes) if changes else None,
        })
    print()
    print("| page | network | form usable | longest start-up task | first score, cold | "
          "first score, warm | bytes before the first score | bytes, first visit | sent by "
          "server, first visit (incl. service worker) | bytes, warm | change → total, median / "
          "p95 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        change = ("%.2f / %.2f ms" % (r["change_median_ms"], r["change_p95_ms"])
                  if r["change_median_ms"] is not None else "–")
        print("| %s | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.3f MB | %.2f MB | %.2f MB "
              "| %.1f KB | %s |" % (
            r["page"], r["network"], r["usable_ms"], r["longest_task_ms"],
            r["first_score_cold_ms"], r["first_score_warm_ms"], r["bytes_before_score"] / 1e6,
            r["bytes_cold"] / 1e6,
            r["server_bytes_cold"] / 1e6, r["bytes_warm"] / 1e3, change))
    print("\nMedian of %d runs; Chromium %s headless; %s" % (
        args.runs, bootstrap.CHROMIUM, time.strftime("%Y-%m-%d")))
    print("Renderer crashes (runs made again): %s" % (
        "; ".join("%s: %d" % kv for kv in crashes.items()) or "none"))
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "crashes": crashes, "raw": {
            "%s | %s" % k: v for k, v in raw.items()}}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
