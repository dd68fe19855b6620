#!/usr/bin/env python3
"""Build, serve and test the static CRS calculator page.

    python build.py                  # npm ci if needed, then assemble dist/
    python build.py serve [--port N] # build, then serve dist/ on http://127.0.0.1:N/
    python build.py test [ARGS...]   # install what is missing, build, run pytest tests [ARGS]

dist/ holds both pages (index.html in English, fr/index.html in French, generated from one
template with the catalogue py/web/strings.py), their PyScript configs, py/ (the scoring core
py/crs and the page glue py/web), static/ and the runtime vendored from node_modules (Pyodide
and @pyscript/core): the page never asks any other origin for anything.
"""

import argparse
import ast
import datetime
import gzip
import hashlib
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
NODE_MODULES = ROOT / "node_modules"
VENV = ROOT / ".venv"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
# What dist/vendor/pyodide-<version>-<hash>/ ships of them as they come: the stdlib zip is ours instead
# (compiled_python), under a content-hashed name.
PYODIDE_SHIPPED = tuple(name for name in PYODIDE_FILES if name != "python_stdlib.zip")
# Python test dependencies, pinned to the versions this was built and measured with.
TEST_REQUIREMENTS = ("pytest==9.2.0", "hypothesis==6.170.15", "playwright==1.65.2",
                     "pytest-playwright==0.10.0")

CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; "
       "connect-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'")
# Sent as headers by the dev server (frame-ancestors only works as a header), and written into
# dist/_headers for static hosts that read it (embed_build.headers_file).
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
# of the files' bytes (write_runtime, copy_pyscript), and the files we generate there carry a
# content hash in their own name: a path never changes bytes, so it is cached for a year without
# revalidation. Pages, configs, py/, static/ and sw.js: no-cache.
VENDOR_CACHE = "public, max-age=31536000, immutable"
MIME = {
    ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
    ".json": "application/json", ".py": "text/x-python; charset=utf-8",
    ".css": "text/css", ".html": "text/html; charset=utf-8", ".zip": "application/zip",
    ".svg": "image/svg+xml",
}
COMPRESS = (".wasm", ".mjs", ".js", ".json", ".py", ".css", ".html", ".zip", ".svg")

sys.path.insert(0, str(ROOT / "py"))
from web import strings  # noqa: E402  (the page's words: one catalogue for build and page)
from web import form as webform  # noqa: E402
import embed_build  # noqa: E402  (the embed page, its docs page and dist/_headers: docs/embed.md)

T = strings.t


def log(*args):
    print("build:", *args, flush=True)


# ---------------------------------------------------------------------------------------------
# npm

def npm_is_current():
    """node_modules matches package-lock.json (npm records what it installed there)."""
    lock = ROOT / "package-lock.json"
    installed = NODE_MODULES / ".package-lock.json"
    if not installed.exists():
        return False
    want = json.loads(lock.read_text())["packages"]
    have = json.loads(installed.read_text())["packages"]
    for path, meta in want.items():
        if not path:
            continue
        got = have.get(path)
        if got is None or got.get("version") != meta.get("version"):
            return False
    return all((NODE_MODULES / "pyodide" / f).exists() for f in PYODIDE_FILES)


def ensure_npm():
    if npm_is_current():
        return
    log("npm ci")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True,
                   stdin=subprocess.DEVNULL)


# ---------------------------------------------------------------------------------------------
# Python for the page, compiled ahead (issue 6). Pyodide's npm stdlib zip holds 614 .py sources
# (10.6 MB, 2.85 MB brotli even as .pyc), which CPython compiles on every page load (about half
# the start-up: shared/reference/platform.md §6). We ship instead:
# * a trimmed stdlib: only the modules that can be imported when the page runs, compiled to
#   unchecked hash-based .pyc by Pyodide itself in node (same magic number). "Can be imported" =
#   what Pyodide imports to start, plus every import written in our py/ and in PyScript's own
#   Python (src/stdlib), plus everything those modules import at their top level, closed
#   transitively. Imports inside functions of the stdlib are not followed (they would pull in
#   most of the library: shutil -> tarfile -> ..., site -> pydoc); the page's whole e2e suite
#   runs on this zip, and tests/e2e/test_offline.py checks that every import of our page code
#   resolves in it. Docstrings are dropped (-OO: the stdlib is tested that way) except in
#   Pyodide's own packages, which copy docstrings onto its JS-facing objects.
# * py/app.zip: crs and web (but web/main.py, PyScript's entry, the command line and the feed
#   repair) as .pyc, plus the rounds snapshot; static/boot.js fetches it while the runtime
#   loads.
# Both are cached in node_modules/.crs-build under a hash of their inputs (the Pyodide version,
# this script, the roots or the sources): a new pinned Pyodide or a changed module rebuilds them.

# Imported only by the command line (crs.cli, and crs.ranking's `main`, which the page never
# calls): not shipped to the browser.
CLI_ONLY_IMPORTS = {"argparse", "multiprocessing"}
# The command line, and the maintainer's feed repair (crs.feed, imported by `python -m crs
# rounds` only): the page never runs them, so the browser never downloads them.
CLI_ONLY_FILES = {"crs/cli.py", "crs/__main__.py", "crs/feed.py"}
STDLIB_KEEP_DOCSTRINGS = ("pyodide", "_pyodide")
# The folder of the stdlib zip that holds PyScript's package compiled (pyscript/*.pyc).
PYSCRIPT_CACHE = "crs-pyscript"

PYODIDE_TOOL = r"""// Build-time Python work, done by Pyodide itself in node (same interpreter as the page).
// usage: node pyodide_tool.mjs <node_modules/pyodide dir> <jobs.json>
import { loadPyodide } from "pyodide";
import { readFileSync, writeFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
const [dir, jobsFile] = process.argv.slice(2);
// No column tables in the compiled code (as with -X no_debug_ranges): about a fifth smaller;
// tracebacks keep their line numbers, only lose the ^^^ markers.
const py = await loadPyodide({ indexURL: dir + "/", env: { PYTHONNODEBUGRANGES: "1" } });
// PyScript's own Python package, as its core chunk writes it into the file system on every page
// load (a JS object literal of file name -> source, written by generated Python, then
// "import pyscript"): the exact sources the page will import, so their .pyc can be made here.
function pyscriptPackage(chunkFile) {
  const text = readFileSync(chunkFile, "utf8");
  const a = text.indexOf('{pyscript:{"__init__.py":');
  const end = /\),\w+\.push\("import pyscript as _pyscript"\)/.exec(text);
  if (a < 0 || !end || end.index < a || text.indexOf('{pyscript:{"__init__.py":', a + 1) >= 0)
    throw new Error("PyScript's Python package not found in " + chunkFile +
                    " (a new PyScript? see PYSCRIPT_CACHE in build.py)");
  const tree = runInNewContext("(" + text.slice(a, end.index) + ")", {});
  const files = {};
  (function walk(prefix, node) {
    for (const [name, value] of Object.entries(node))
      if (typeof value === "string") files[prefix + name] = value;
      else walk(prefix + name + "/", value);
  })("", tree);
  return files;
}
py.FS.writeFile("/tmp/stdlib.zip", readFileSync(dir + "/python_stdlib.zip"));
for (const job of JSON.parse(readFileSync(jobsFile, "utf8"))) {
  if (job.kind === "app") for (const [src, arc] of job.files) {
    py.FS.mkdirTree("/tmp/app/" + arc.split("/").slice(0, -1).join("/"));
    py.FS.writeFile("/tmp/app/" + arc, readFileSync(src));
  }
  if (job.pyscript_chunk) py.globals.set("pyscript_files", py.toPy(pyscriptPackage(job.pyscript_chunk)));
  py.globals.set("job", py.toPy(job));
  py.runPython(`
import sys, ast, json, zipfile, importlib.util, importlib._bootstrap_external as ext

def pyc(source, name, optimize):
    code = compile(source, name, "exec", dont_inherit=True, optimize=optimize)
    return bytes(ext._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

if job["kind"] == "stdlib":
    src = zipfile.ZipFile("/tmp/stdlib.zip")
    mods = {}
    for n in src.namelist():
        if n.endswith(".py"):
            parts = n[:-3].split("/")
            mods[".".join(parts[:-1]) if parts[-1] == "__init__" else ".".join(parts)] = (n, parts[-1] == "__init__")

    def top_level_imports(name):
        # What importing this module imports: module-level statements, class bodies and
        # if/try/with blocks, but not function bodies nor if __name__ == "__main__".
        filename, is_pkg = mods[name]
        package = name if is_pkg else name.rpartition(".")[0]
        found = set()
        def visit(body):
            for node in body:
                if isinstance(node, ast.Import):
                    found.update(a.name for a in node.names)
                elif isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:
                        parts = package.split(".")
                        base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
                    found.add(base)
                    found.update(base + "." + a.name for a in node.names)
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                elif isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
                    continue
                else:
                    for field in ("body", "orelse", "finalbody"):
                        if isinstance(getattr(node, field, None), list):
                            visit(getattr(node, field))
                    for handler in getattr(node, "handlers", None) or ():
                        visit(handler.body)
        visit(ast.parse(src.read(filename)).body)
        return found

    keep, todo = set(), list(set(sys.modules) | set(job["roots"]))
    while todo:
        parts = todo.pop().split(".")
        for i in range(1, len(parts) + 1):
            name = ".".join(parts[:i])
            if name in mods and name not in keep:
                keep.add(name)
                todo.extend(top_level_imports(name))
    with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_STORED) as dst:
        for name in sorted(keep):
            filename, _ = mods[name]
            optimize = 0 if name.split(".")[0] in job["keep_docstrings"] else 2
            dst.writestr(filename[:-3] + ".pyc", pyc(src.read(filename), filename, optimize))
        dst.writestr("crs-stdlib-modules.json", json.dumps(sorted(keep)))
        # PyScript's package, compiled (crs-start-*.mjs puts this folder first on sys.path).
        for filename, source in sorted(pyscript_files.items()):
            if filename.endswith(".py"):
                dst.writestr(job["pyscript_prefix"] + "/" + filename[:-3] + ".pyc",
                             pyc(source.encode(), filename, 0))
else:
    with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_STORED) as dst:
        for _, arc in job["files"]:
            data = open("/tmp/app/" + arc, "rb").read()
            if arc.endswith(".py"):
                dst.writestr(arc[:-3] + ".pyc", pyc(data, arc, 2))
            else:
                dst.writestr(arc, data)
`);
  writeFileSync(job.out, py.FS.readFile("/tmp/out.zip"));
}
"""


def _import_roots():
    """Every absolute import written in our page's Python and in PyScript's own Python."""
    roots = set()
    sources = [ROOT / "py" / rel for rel in python_files() if rel.endswith(".py")
               and rel not in CLI_ONLY_FILES]
    sources += sorted((NODE_MODULES / "@pyscript" / "core" / "src" / "stdlib").rglob("*.py"))
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                roots.add(node.module)
                roots.update(node.module + "." + a.name for a in node.names)
    return sorted(roots - CLI_ONLY_IMPORTS)


def pyscript_chunk():
    """PyScript's core chunk (core.js only imports it), which holds PyScript's Python package."""
    dist = NODE_MODULES / "@pyscript" / "core" / "dist"
    return dist / re.search(r'from\s*"\./(core-[\w-]+\.js)"', (dist / "core.js").read_text()).group(1)


def app_files():
    """(source, name in py/app.zip) of the modules the page imports (not its entry script)."""
    return [(ROOT / "py" / rel, rel) for rel in python_files()
            if rel != "web/main.py" and rel not in CLI_ONLY_FILES]


def compiled_python():
    """Paths of the trimmed .pyc stdlib zip and py/app.zip, (re)built by Pyodide when an input
    changed."""
    version = json.loads((NODE_MODULES / "pyodide" / "package.json").read_text())["version"]
    cache = NODE_MODULES / ".crs-build"
    roots = _import_roots()
    chunk = pyscript_chunk()
    key = hashlib.sha256((version + PYODIDE_TOOL + json.dumps(roots)
                          + json.dumps(STDLIB_KEEP_DOCSTRINGS) + PYSCRIPT_CACHE).encode()
                         + chunk.read_bytes()).hexdigest()[:16]
    stdlib = cache / ("python_stdlib-%s-%s.zip" % (version, key))
    digest = hashlib.sha256((version + PYODIDE_TOOL).encode())
    files = app_files()
    for path, rel in files:
        digest.update(rel.encode() + b"\0" + path.read_bytes())
    app = cache / ("app-%s.zip" % digest.hexdigest()[:16])
    jobs = []
    if not stdlib.exists():
        jobs.append({"kind": "stdlib", "out": str(stdlib) + ".tmp", "roots": roots,
                     "keep_docstrings": list(STDLIB_KEEP_DOCSTRINGS),
                     "pyscript_chunk": str(chunk), "pyscript_prefix": PYSCRIPT_CACHE})
    if not app.exists():
        jobs.append({"kind": "app", "out": str(app) + ".tmp",
                     "files": [[str(path), rel] for path, rel in files]})
    if jobs:
        cache.mkdir(exist_ok=True)
        (cache / "pyodide_tool.mjs").write_text(PYODIDE_TOOL)
        (cache / "pyodide_jobs.json").write_text(json.dumps(jobs))
        log("compiling with Pyodide: " + ", ".join(j["kind"] for j in jobs))
        subprocess.run(["node", str(cache / "pyodide_tool.mjs"), str(NODE_MODULES / "pyodide"),
                        str(cache / "pyodide_jobs.json")], check=True, stdin=subprocess.DEVNULL)
        for job in jobs:
            os.replace(job["out"], job["out"][:-len(".tmp")])
    return stdlib, app


# ---------------------------------------------------------------------------------------------
# The interpreter module PyScript loads (config "interpreter"): a small wrapper with the exports
# of pyodide.mjs (PyScript needs only loadPyodide and version) that
# * points Pyodide at our trimmed stdlib, under a content-hashed name (vendor/ is served as
#   immutable, and the zip changes whenever the page's imports do);
# * on warm visits restores a Pyodide memory snapshot from the Cache API, skipping Python's
#   start-up and the import of the modules listed below (measured: docs/page.md). The snapshot
#   is made on the device itself, by a worker, after a visit without one: nothing extra is
#   downloaded, and it holds only the interpreter with standard modules imported (no page state,
#   nothing the user typed). Its key hashes the runtime, the stdlib zip and this list: a snapshot
#   only ever meets the exact files it was made from (Pyodide checks its own build; the zip's
#   offsets live in the snapshot and are not checked). A failed restore deletes the entry and
#   starts normally.
# Pyodide 314 can snapshot only before any JS object is held (so before PyScript's bootstrap);
# random's state is frozen in it and reseeded after restore. The snapshot is stored sparse (its
# non-zero stretches): 31 MB of memory, three-quarters zeros, is about 11 MB on disk.
# PyScript's Python package is compiled too (docs/page.md, "Third pass"): PyScript writes its
# package's sources into the working directory and imports them on every visit; the same
# sources, taken from its core chunk at build time, are in the stdlib zip as .pyc
# (PYSCRIPT_CACHE), put first on sys.path here.

SNAPSHOT_IMPORTS = (
    "asyncio base64 bisect bz2 codeop collections contextlib contextvars copy dataclasses dis enum "
    "fnmatch functools glob heapq html html.entities importlib.abc importlib.machinery "
    "importlib.util inspect json linecache logging lzma math pathlib random re reprlib selectors "
    "shutil signal socket ssl string struct subprocess tempfile textwrap threading time tokenize "
    "traceback typing warnings weakref zipfile compression.zstd concurrent.futures datetime "
    "pyodide.ffi pyodide.code pyodide.webloop").split()

START_TEMPLATE = """// Generated by build.py: do not edit (see "The interpreter module" there).
import { loadPyodide as load, version } from "./pyodide.mjs";
export { version };
const STDLIB = new URL("./%(stdlib)s", import.meta.url).href;
const CACHE = "pyodide-snapshot";   // not "crs-*": sw.js deletes those on activate
const KEY = new URL("./snapshot-%(key)s.bin", import.meta.url).href;
const PENDING = KEY + "?restoring";   // present while a start that restored KEY is unfinished
const root = document.documentElement;
let started = null;
// The page's one runtime: started by PyScript's call below, then the same for any later caller
// (tests look into the running interpreter through it).
export function start() {
  return (started ||= open());
}
// Of PyScript's options only its output handlers matter (indexURL is this directory, as here; no
// packages are configured).
export async function loadPyodide(options = {}) {
  const py = await start();
  if (options.stdout) py.setStdout({ batched: options.stdout });
  if (options.stderr) py.setStderr({ batched: options.stderr });
  return py;
}
async function open() {
  const options = { stdLibURL: STDLIB };
  let store = null, hit = null;
  try {
    store = await caches.open(CACHE);
    let pending;
    [hit, pending] = await Promise.all([store.match(KEY), store.match(PENDING)]);
    // The last start that restored this snapshot never reached a score (the tab crashed, hung
    // or was closed while starting): do not try the same memory again. The worst case is a
    // good snapshot dropped and made again after this visit.
    if (hit && pending) {
      console.warn("Pyodide snapshot dropped: the last start that used it did not finish");
      await Promise.all([store.delete(KEY), store.delete(PENDING)]);
      hit = null;
    }
  } catch (e) { /* no Cache API here, or storage denied (cookies blocked): start normally */ }
  if (hit) {
    // Marked before the restore, cleared once the page has scored (settle below).
    const marked = store.put(PENDING, new Response("")).catch(() => {});
    try {
      const py = await load({ ...options, _loadSnapshot: hit.arrayBuffer().then(dense) });
      py.runPython("import random; random.seed()");
      root.setAttribute("data-crs-snapshot", "restored");
      settle(store, marked);
      return ready(py);
    } catch (e) {
      console.warn("Pyodide snapshot not used:", e);
      marked.then(() => Promise.all([store.delete(KEY), store.delete(PENDING)])).catch(() => {});
    }
  }
  const py = await load(options);
  if (self.caches && self.Worker) whenStarted(makeSnapshot);
  return ready(py);
}
// A start that used the snapshot and did not reach a score ("failed", from static/boot.js or
// web/main.py) deletes it: a damaged snapshot can pass the checks and still break Python later
// (a corruption in a restored object), and it must not break every later visit. Reaching a
// score ("true") clears the mark.
function settle(store, marked) {
  const done = (state) => marked.then(() => state === "true" ? store.delete(PENDING)
    : Promise.all([store.delete(KEY), store.delete(PENDING)])).catch(() => {});
  const state = root.getAttribute("data-crs-ready");
  if (state) return done(state);
  const watch = new MutationObserver(() => {
    const now = root.getAttribute("data-crs-ready");
    if (!now) return;
    watch.disconnect();
    if (now === "failed") console.warn("Pyodide snapshot dropped: the start that used it failed");
    done(now);
  });
  watch.observe(root, { attributes: true, attributeFilter: ["data-crs-ready"] });
}
// PyScript writes its Python package into the working directory on every visit and imports it
// from there, compiling it from source ("import pyscript" took 75-110 ms; 30-45 ms now). build.py
// compiled that very package (taken from PyScript's core chunk) into a folder of the stdlib zip:
// first on sys.path, it is what `import pyscript` finds. A path, not copied files: nothing to
// write, no zip to read again.
function ready(py) {
  py.runPython('import sys; sys.path.insert(0, next(p for p in sys.path if p.endswith(".zip")) + "/%(pyscript_cache)s")');
  return py;
}
// The snapshot is stored sparse (see the worker): a header, then the memory's non-zero stretches.
// Its checksum is checked first: a damaged snapshot that is still well-formed would otherwise be
// restored and break Python later (measured: 4 KB overwritten in its data restored, then
// "memory access out of bounds" on this and every later visit).
%(checksum)s
function dense(data) {
  const head = new Uint32Array(data, 0, %(header_words)d);
  if (head[0] !== %(magic)d || head[1] > 0x10000000) throw new Error("not a snapshot of ours");
  if (checksum(data, 4 * %(header_words)d) !== head[3]) throw new Error("snapshot checksum mismatch");
  const table = new Uint32Array(data, 4 * %(header_words)d, 2 * head[2]);
  const memory = new Uint8Array(head[1]);
  let at = 4 * %(header_words)d + table.byteLength;
  for (let k = 0; k < table.length; k += 2) {
    memory.set(new Uint8Array(data, at, table[k + 1]), table[k]);
    at += table[k + 1];
  }
  if (at !== data.byteLength) throw new Error("snapshot of the wrong length");
  return memory;
}
function whenStarted(fn) {   // a while after the first score, when the page is idle
  const go = () => setTimeout(() => (self.requestIdleCallback || setTimeout)(fn, { timeout: 5000 }), 2000);
  if (root.getAttribute("data-crs-ready") === "true") return go();
  const watch = new MutationObserver(() => {
    if (root.getAttribute("data-crs-ready") !== "true") return;
    watch.disconnect();
    go();
  });
  watch.observe(root, { attributes: true, attributeFilter: ["data-crs-ready"] });
}
function makeSnapshot() {
  const worker = new Worker(new URL("./%(worker)s", import.meta.url), { type: "module" });
  worker.onmessage = (event) => {
    worker.terminate();
    if (event.data.ok) root.setAttribute("data-crs-snapshot", "saved");
    else console.warn("Pyodide snapshot not made:", event.data.error);
  };
  worker.postMessage({ cache: CACHE, key: KEY, stdlib: STDLIB });
}
"""

SNAPSHOT_WORKER_TEMPLATE = """// Generated by build.py: do not edit. Makes the memory snapshot that crs-start-*.mjs restores.
// The runtime comes from the HTTP or service-worker cache: nothing new is downloaded.
import { loadPyodide } from "./pyodide.mjs";
const IMPORTS = %(imports)s;
// The memory (31 MB) is three-quarters zeros: only its non-zero stretches are stored, after a
// header [magic, memory size, n, checksum], then n times (offset, length), then the stretches.
// About 11 MB on disk, and faster to read back than the whole memory (gzip is smaller but
// slower to inflate: docs/page.md). The checksum covers everything after the header.
%(checksum)s
function sparse(memory) {
  const GAP = 4096;   // zero runs shorter than this stay inside a stretch
  const stretches = [];
  for (let i = 0; i < memory.length;) {
    while (i < memory.length && memory[i] === 0) i++;
    if (i === memory.length) break;
    let end = i, zeros = 0;
    for (; end < memory.length && zeros < GAP; end++) zeros = memory[end] === 0 ? zeros + 1 : 0;
    end -= zeros;
    stretches.push(memory.subarray(i, end));
    i = end;
  }
  const words = %(header_words)d;
  const table = new Uint32Array(2 * stretches.length);
  stretches.forEach((part, k) => table.set([part.byteOffset - memory.byteOffset, part.length], 2 * k));
  const out = new Uint8Array(4 * words + table.byteLength + stretches.reduce((n, p) => n + p.length, 0));
  out.set(new Uint8Array(table.buffer), 4 * words);
  let at = 4 * words + table.byteLength;
  for (const part of stretches) { out.set(part, at); at += part.length; }
  new Uint32Array(out.buffer, 0, words).set([%(magic)d, memory.length, stretches.length,
                                             checksum(out.buffer, 4 * words)]);
  return new Blob([out]);
}
self.onmessage = async ({ data: { cache, key, stdlib } }) => {
  try {
    const py = await loadPyodide({ indexURL: new URL("./", import.meta.url).href,
                                   stdLibURL: stdlib, _makeSnapshot: true });
    py.globals.set("imports", py.toPy(IMPORTS));
    py.runPython("import importlib, gc\\nfor m in imports: importlib.import_module(m)\\n" +
                 "del imports, importlib, m\\ngc.collect()");
    const snapshot = py.makeMemorySnapshot();
    const store = await caches.open(cache);
    for (const old of await store.keys()) if (old.url !== key) await store.delete(old);
    await store.put(key, new Response(sparse(snapshot), { headers: { "content-type": "application/octet-stream" } }));
    postMessage({ ok: true, size: snapshot.length });
  } catch (e) {
    postMessage({ ok: false, error: String((e && e.stack) || e) });
  }
};
"""

SNAPSHOT_MAGIC = 0x32535243   # the bytes "CRS2" (a little-endian word): how a stored snapshot starts
SNAPSHOT_HEADER_WORDS = 4     # magic, memory size, number of stretches, checksum
# FNV-1a in four interleaved lanes over 32-bit words (then the last words and bytes), in both
# the snapshot worker and the interpreter module: four independent multiply chains run about
# twice as fast as one. A check against damage, not against tampering (whoever can write the
# cache can write the checksum too). Measured: 5-7 ms for the 11 MB in Chromium on this
# machine (one lane: 8-15 ms), while the wasm is still loading (docs/page.md).
SNAPSHOT_CHECKSUM_JS = """function checksum(buffer, from) {
  const words = new Uint32Array(buffer, from, (buffer.byteLength - from) >>> 2);
  const P = 0x01000193, n = words.length & ~3;
  let a = 0x811c9dc5, b = 0x050c5d1f, c = 0x9e3779b9, d = 0x85ebca6b;
  for (let i = 0; i < n; i += 4) {
    a = Math.imul(a ^ words[i], P); b = Math.imul(b ^ words[i + 1], P);
    c = Math.imul(c ^ words[i + 2], P); d = Math.imul(d ^ words[i + 3], P);
  }
  let h = Math.imul(Math.imul(Math.imul(a ^ b, P) ^ c, P) ^ d, P);
  for (let i = n; i < words.length; i++) h = Math.imul(h ^ words[i], P);
  const tail = new Uint8Array(buffer, from + 4 * words.length);
  for (let i = 0; i < tail.length; i++) h = Math.imul(h ^ tail[i], P);
  return h >>> 0;
}"""

RUNTIME = {}   # names of the generated runtime files, filled by write_runtime()


def versioned_dir(parent, package, version, files):
    """Copy `files` ((source, name) pairs) into a new directory of `parent` named after the
    package, its version and a hash of the bytes copied (read back from dist/, so it is what is
    served); returns the directory's path. Served `immutable` (VENDOR_CACHE): a path under it
    can never hold other bytes, so a browser's year-long HTTP cache never pairs the runtime of
    one build with files of another (the embed has no service worker to keep them together)."""
    staging = parent / (package + ".tmp")
    digest = hashlib.sha256()
    for src, name in files:
        copy(src, staging / name)
        digest.update(name.encode() + b"\0" + hashlib.sha256((staging / name).read_bytes()).digest())
    out = parent / ("%s-%s-%s" % (package, version, digest.hexdigest()[:10]))
    os.replace(staging, out)
    return out


def npm_version(package):
    return json.loads((NODE_MODULES / package / "package.json").read_text())["version"]


def write_runtime(stdlib):
    """Write the Pyodide files into dist/vendor/pyodide-<version>-<hash>/, then beside them the
    content-named stdlib zip, interpreter module and snapshot worker, and their names into
    RUNTIME. The directory's hash covers the npm files only: a change of our stdlib or modules
    renames only those files, and the 9.6 MB wasm keeps its cached path."""
    out = versioned_dir(DIST / "vendor", "pyodide", npm_version("pyodide"),
                        [(NODE_MODULES / "pyodide" / name, name) for name in PYODIDE_SHIPPED])
    digest = hashlib.sha256()
    for name in PYODIDE_SHIPPED:
        digest.update(name.encode() + (out / name).read_bytes())
    copy(stdlib, out / "python_stdlib.tmp")       # named after the bytes served
    data = (out / "python_stdlib.tmp").read_bytes()
    stdlib_name = "python_stdlib-%s.zip" % hashlib.sha256(data).hexdigest()[:12]
    os.replace(out / "python_stdlib.tmp", out / stdlib_name)
    digest.update(data + SNAPSHOT_WORKER_TEMPLATE.encode() + " ".join(SNAPSHOT_IMPORTS).encode())
    key = digest.hexdigest()[:16]
    common = {"magic": SNAPSHOT_MAGIC, "header_words": SNAPSHOT_HEADER_WORDS,
              "checksum": SNAPSHOT_CHECKSUM_JS}
    worker = SNAPSHOT_WORKER_TEMPLATE % {"imports": json.dumps(SNAPSHOT_IMPORTS), **common}
    worker_name = "crs-snapshot-worker-%s.mjs" % hashlib.sha256(worker.encode()).hexdigest()[:12]
    (out / worker_name).write_text(worker)
    start = START_TEMPLATE % {"stdlib": stdlib_name, "key": key, "worker": worker_name,
                              "pyscript_cache": PYSCRIPT_CACHE, **common}
    start_name = "crs-start-%s.mjs" % hashlib.sha256(start.encode()).hexdigest()[:12]
    (out / start_name).write_text(start)
    RUNTIME.update(stdlib=stdlib_name, start=start_name, worker=worker_name, key=key,
                   pyodide_dir=out.relative_to(DIST).as_posix())


def copy_pyscript():
    """@pyscript/core's dist (no source maps) into dist/vendor/pyscript-<version>-<hash>/.
    Its chunks are content-hashed by its bundler, but core.js, core.css and the rest are not."""
    files = [(path, path.name) for path in sorted((NODE_MODULES / "@pyscript" / "core" / "dist").iterdir())
             if path.is_file() and not path.name.endswith(".map")]
    out = versioned_dir(DIST / "vendor", "pyscript", npm_version("@pyscript/core"), files)
    RUNTIME["pyscript_dir"] = out.relative_to(DIST).as_posix()


# ---------------------------------------------------------------------------------------------
# The pages

def esc(text):
    return html.escape(text, quote=True)


def attrs(**kw):
    out = []
    for key, value in kw.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        out.append(name if value is True else '%s="%s"' % (name, esc(str(value))))
    return (" " + " ".join(out)) if out else ""


def head_open(lang, html_class=None):
    """The first lines of every page we generate (calculator, embed frame, embed docs): one
    place for the language attributes, the CSP meta, the viewport and no-referrer."""
    return ('<!doctype html>\n<html lang="%s-CA" data-lang="%s"%s>\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="%s">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            % (lang, lang, attrs(class_=html_class), esc(CSP)))


def describedby(fid, hint):
    return " ".join(([fid + "-hint"] if hint else []) + [fid + "-error"])


def hint_html(fid, hint, lang, extra_class=""):
    if not hint:
        return ""
    return '<p class="hint%s" id="%s-hint">%s</p>' % (extra_class, fid, esc(T(hint, lang)))


def error_slot(fid):
    return '<p class="error-message" id="%s-error" hidden></p>' % fid


def text_field(fid, label, lang, hint=None, width=3, inputmode="numeric", type_="text",
               label_class="label", extra=""):
    return (
        '<div class="field" data-field="%(fid)s">'
        '<label class="%(lc)s" for="%(fid)s">%(label)s</label>%(hint)s%(err)s'
        '<input class="input input--w%(w)s"%(attrs)s>%(extra)s</div>' % dict(
            fid=fid, lc=label_class, label=esc(T(label, lang)), hint=hint_html(fid, hint, lang),
            err=error_slot(fid), w=width, extra=extra,
            attrs=attrs(id=fid, name=fid, type=type_,
                        inputmode=inputmode if type_ == "text" else None,
                        autocomplete="off", spellcheck="false" if type_ == "text" else None,
                        aria_describedby=describedby(fid, hint))))


def select_field(fid, label, options, lang, hint=None, empty="o_choose", label_class="label"):
    """options: [(value, key)] or [(group_key, [(value, key)])]."""
    opts = []
    if empty:
        opts.append('<option value="">%s</option>' % esc(T(empty, lang)))
    for value, key in options:
        if isinstance(key, list):
            opts.append('<optgroup label="%s">' % esc(T(value, lang)))
            opts.extend('<option value="%s">%s</option>' % (esc(v), esc(T(k, lang)))
                        for v, k in key)
            opts.append("</optgroup>")
        else:
            opts.append('<option value="%s">%s</option>' % (esc(value), esc(T(key, lang))))
    return (
        '<div class="field" data-field="%(fid)s">'
        '<label class="%(lc)s" for="%(fid)s">%(label)s</label>%(hint)s%(err)s'
        '<select class="select"%(attrs)s>%(opts)s</select></div>' % dict(
            fid=fid, lc=label_class, label=esc(T(label, lang)), hint=hint_html(fid, hint, lang),
            err=error_slot(fid), opts="".join(opts),
            attrs=attrs(id=fid, name=fid, aria_describedby=describedby(fid, hint))))


def radios(fid, legend, lang, hint=None, choices=(("yes", "yes"), ("no", "no")), checked="no",
           inline=True, body=""):
    items = []
    for n, (value, key) in enumerate(choices):
        rid = fid if n == 0 else "%s--%s" % (fid, value)
        items.append(
            '<div class="radio"><input class="radio__input"%s><label class="radio__label" '
            'for="%s">%s</label></div>' % (
                attrs(id=rid, name=fid, type="radio", value=value, checked=(value == checked)),
                rid, esc(T(key, lang))))
    return (
        '<div class="field" data-field="%(fid)s"><fieldset class="fieldset"%(fs)s>'
        '<legend class="legend">%(legend)s</legend>%(hint)s%(err)s'
        '<div class="radios%(inline)s">%(items)s</div></fieldset>%(body)s</div>' % dict(
            fid=fid, fs=attrs(aria_describedby=describedby(fid, hint)),
            legend=esc(T(legend, lang)), hint=hint_html(fid, hint, lang), err=error_slot(fid),
            inline=" radios--inline" if inline else "", items="".join(items), body=body))


TEST_OPTIONS = [("og_english", [(t, "o_" + t) for t in webform.TESTS_EN]),
                ("og_french", [(t, "o_" + t) for t in webform.TESTS_FR])]


def language_block(path, legend, lang, hint, empty):
    base = webform.field_id(path)
    scores = []
    for a in webform.ABILITIES:
        fid = "%s-%s" % (base, a)
        clb = '<span class="clb" id="%s-clb" aria-live="off"></span>' % fid
        scores.append(
            '<div class="field field--score" data-field="%(fid)s">'
            '<label class="label label--score" for="%(fid)s">%(label)s</label>%(err)s'
            '<div class="score-row"><input class="input input--w4"%(attrs)s>%(clb)s</div></div>'
            % dict(fid=fid, label=esc(T("l_" + a, lang)), err=error_slot(fid), clb=clb,
                   attrs=attrs(id=fid, name=fid, type="text", inputmode="decimal",
                               autocomplete="off", spellcheck="false",
                               aria_describedby="%s-scores-hint %s-error %s-clb" % (base, fid, fid))))
    date_id = base + "-test_date"
    date_field = (
        '<div class="field cond-test-date" data-field="%(fid)s">'
        '<label class="label" for="%(fid)s">%(label)s</label>'
        '<p class="hint" id="%(fid)s-hint">%(h)s <span class="tef-only">%(tef)s</span></p>%(err)s'
        '<input class="input input--date"%(attrs)s></div>' % dict(
            fid=date_id, label=esc(T("l_test_date", lang)), h=esc(T("h_test_date", lang)),
            tef=esc(T("h_test_date_tef", lang)), err=error_slot(date_id),
            attrs=attrs(id=date_id, name=date_id, type="date", autocomplete="off",
                        aria_describedby=describedby(date_id, True))))
    test = select_field(base + "-test", "l_test", TEST_OPTIONS, lang, empty=empty)
    return (
        '<div class="field" data-field="%(base)s"><fieldset class="fieldset language" id="%(base)s" '
        'aria-describedby="%(base)s-hint %(base)s-error">'
        '<legend class="legend legend--m">%(legend)s</legend>%(hint)s%(err)s%(test)s'
        '<div class="cond-scores">%(date)s<p class="hint" id="%(base)s-scores-hint">%(sh)s</p>'
        '<div class="scores">%(scores)s</div></div></fieldset></div>' % dict(
            base=base, legend=esc(T(legend, lang)), hint=hint_html(base, hint, lang),
            err=error_slot(base), test=test, date=date_field, sh=esc(T("h_scores", lang)),
            scores="".join(scores)))


def section(key, lang, body, sid=None, cls=""):
    sid = sid or key
    return ('<section class="form-section%s" id="%s" aria-labelledby="%s-h">'
            '<h2 class="h2" id="%s-h">%s</h2>%s</section>' % (
                cls, sid, sid, sid, esc(T(key, lang)), body))


EDU_OPTIONS = [(e, "o_edu_" + e) for e in webform.EDUCATION]


def optional_html(lang):
    """The optional eligibility questions (docs/profile-format-extensions.md), collapsed."""
    return (
        '<details class="form-section optional" id="optional">'
        '<summary class="optional__summary"><span class="h2">%s</span></summary>'
        '<p class="hint">%s</p>%s</details>' % (
            esc(T("opt_summary", lang)), esc(T("opt_intro", lang)), "".join([
                radios("intends_to_live_in_quebec", "q_quebec", lang, hint="h_quebec",
                       checked=None),
                radios("authorized_to_work_in_canada", "q_authorized", lang,
                       hint="h_authorized", checked=None),
                text_field("settlement_funds", "q_funds", lang, hint="h_funds", width=4,
                           inputmode="decimal"),
                text_field("family_size", "q_family_size", lang, hint="h_family_size",
                           width=2),
                radios("studied_in_canada", "q_studied", lang, checked=None),
                radios("relative_in_canada", "q_relative", lang, hint="h_relative",
                       checked=None),
            ])))


def form_html(lang):
    marital = select_field("marital_status", "q_marital_status",
                           [(m, "o_ms_" + m) for m in webform.MARITAL], lang,
                           label_class="label label--m")
    accompanying = radios("spouse-accompanying", "q_spouse_accompanying", lang,
                          hint="h_spouse_accompanying")
    spouse_q = radios("spouse-canadian_citizen_or_pr", "q_spouse_citizen", lang,
                      body='<div class="conditional" id="cond-accompanying">%s</div>' % accompanying)
    age = radios("age_by", "q_age", lang, hint="h_age", inline=False, checked="age",
                 choices=(("age", "o_age_by_age"), ("date_of_birth", "o_age_by_dob")),
                 body='<div class="conditional" id="cond-age">%s</div>'
                      '<div class="conditional" id="cond-dob">%s</div>' % (
                          text_field("age", "l_age", lang),
                          text_field("date_of_birth", "l_date_of_birth", lang,
                                     hint="h_date_of_birth", type_="date", width="date")))
    you = section("sec_you", lang, marital + '<div class="conditional" id="cond-spouse">%s</div>'
                  % spouse_q + age, sid="you")

    cedu = select_field("canadian_education", "q_canadian_education",
                        [(c, "o_cedu_" + c) for c in webform.CANADIAN_EDUCATION], lang)
    education = section("sec_education", lang, "".join([
        select_field("education", "q_education", EDU_OPTIONS, lang, hint="h_education",
                     label_class="label label--m"),
        text_field("eca_date", "l_eca_date", lang, hint="h_eca_date", type_="date",
                   width="date"),
        radios("has_canadian_education", "q_has_canadian_education", lang,
               hint="h_has_canadian_education",
               body='<div class="conditional" id="cond-cedu">%s</div>' % cedu),
    ]), sid="education-section")

    languages = section("sec_language", lang, "".join([
        language_block("first_language", "q_first_language", lang, "h_first_language",
                       "o_choose"),
        language_block("second_language", "q_second_language", lang, "h_second_language",
                       "o_no_test"),
    ]), sid="languages")

    work = section("sec_work", lang, "".join([
        text_field("canadian_work_years", "q_canadian_work_years", lang,
                   hint="h_canadian_work_years", width=2, label_class="label label--m"),
        text_field("foreign_work_years", "q_foreign_work_years", lang,
                   hint="h_foreign_work_years", width=2, label_class="label label--m"),
    ]), sid="work")

    job = select_field("job_offer", "q_job_offer",
                       [(j, "o_" + j) for j in webform.JOB_OFFERS], lang)
    other = section("sec_other", lang, "".join([
        radios("certificate_of_qualification", "q_certificate", lang, hint="h_certificate"),
        radios("has_job_offer", "q_has_job_offer", lang, hint="h_has_job_offer",
               body='<div class="conditional" id="cond-job">%s</div>' % job),
        radios("provincial_nomination", "q_provincial_nomination", lang),
        radios("sibling_in_canada", "q_sibling", lang, hint="h_sibling"),
    ]), sid="other")

    spouse = section("sec_spouse", lang, "".join([
        select_field("spouse-education", "q_spouse_education", EDU_OPTIONS, lang,
                     empty="o_spouse_no_education", label_class="label label--m"),
        text_field("spouse-canadian_work_years", "q_spouse_canadian_work_years", lang,
                   hint="h_canadian_work_years", width=2, label_class="label label--m"),
        language_block("spouse.language", "q_spouse_language", lang, "h_spouse_language",
                       "o_no_spouse_test"),
    ]), sid="spouse-section", cls=" conditional")
    return (
        '<form id="crs-form" class="crs-form" novalidate autocomplete="off" action="#">'
        '%s%s%s%s%s%s%s</form>' % (you, education, languages, work, other, spouse,
                                     optional_html(lang)))


SECTIONS = (
    ("core", "sec_core", ("core.age", "core.education", "core.first_language",
                          "core.second_language", "core.canadian_work")),
    ("spouse", "sec_spouse_factors", ("spouse.education", "spouse.language",
                                      "spouse.canadian_work")),
    ("transferability", "sec_transferability", (
        "transferability.education.language", "transferability.education.canadian_work",
        "transferability.education", "transferability.foreign_work.language",
        "transferability.foreign_work.canadian_work", "transferability.foreign_work",
        "transferability.certificate")),
    ("additional", "sec_additional", (
        "additional.provincial_nomination", "additional.job_offer",
        "additional.canadian_education", "additional.sibling", "additional.french")),
)
GROUP_SUBTOTALS = ("transferability.education", "transferability.foreign_work")


def result_html(lang):
    bodies = []
    for sec, key, lines in SECTIONS:
        rows = ['<tr class="section-head"><th colspan="2" scope="colgroup" id="sec-%s">%s</th>'
                '</tr>' % (sec, esc(T(key, lang)))]
        for line in lines:
            cls = ' class="group-subtotal"' if line in GROUP_SUBTOTALS else ""
            rows.append('<tr data-line="%s"%s><th scope="row">%s</th><td class="pts">–</td></tr>'
                        % (line, cls, esc(T("line_" + line, lang))))
        rows.append('<tr class="subtotal"><th scope="row">%s</th>'
                    '<td class="pts" data-crs-section="%s" data-crs-points="">–</td></tr>'
                    % (esc(T("subtotal", lang)), sec))
        bodies.append('<tbody data-section="%s">%s</tbody>' % (sec, "".join(rows)))
    as_of = text_field("as_of", "l_as_of", lang, hint="h_as_of", type_="date", width="date")
    return (
        '<section class="result" id="result" aria-labelledby="result-heading">'
        '<h2 class="h2" id="result-heading">%(heading)s</h2>'
        '<div class="result__as-of">%(as_of)s</div>'
        '<p class="total" id="total-line"><span class="total__label">%(total)s</span> '
        '<span class="total__value" id="total" data-crs-total="">–</span> '
        '<span class="total__max">%(max)s</span></p>'
        '<p class="status" id="status" role="status">%(waiting)s</p>'
        '<p class="rules" id="rules-line"></p>'
        '<div class="pending" id="pending" hidden><p>%(pending)s</p><ul id="pending-list"></ul></div>'
        '<div class="notes notes--warn" id="warnings" hidden><h3 class="h3">%(warn)s</h3>'
        '<ul id="warnings-list"></ul></div>'
        '<div class="notes" id="unconfirmed" hidden><h3 class="h3">%(unc)s</h3>'
        '<ul id="unconfirmed-list"></ul></div>'
        '<table class="breakdown" id="breakdown"><caption>%(caption)s</caption>'
        '<thead><tr><th scope="col">%(c1)s</th><th scope="col" class="pts">%(c2)s</th></tr></thead>'
        '%(bodies)s<tfoot><tr><th scope="row">%(total)s</th><td class="pts" id="total-cell">–</td>'
        '</tr></tfoot></table><p class="beyond-link"><a href="#beyond">%(beyond)s</a></p>'
        '</section>' % dict(beyond=esc(T("beyond_link", lang)),
            heading=esc(T("result_heading", lang)), as_of=as_of,
            total=esc(T("total_label", lang)), max=esc(T("out_of_1200", lang)),
            waiting=esc(T("status_waiting", lang)), pending=esc(T("pending_intro", lang)),
            warn=esc(T("warnings_heading", lang)), unc=esc(T("unconfirmed_heading", lang)),
            caption=esc(T("breakdown_caption", lang)), c1=esc(T("col_factor", lang)),
            c2=esc(T("col_points", lang)), bodies="".join(bodies)))


def panels_html(lang):
    """The "beyond the score" panels: empty shells with their headings; web/page.py fills
    them (createElement/textContent; inline SVG only from web.charts) after each score."""
    def panel(pid, key, body):
        return ('<section class="panel" id="%s" aria-labelledby="%s-h">'
                '<h3 class="h3 panel__h" id="%s-h">%s</h3>%s</section>' % (
                    pid, pid, pid, esc(T(key, lang)), body))
    return (
        '<section class="beyond" id="beyond" aria-labelledby="beyond-h">'
        '<h2 class="h2" id="beyond-h">%(h)s</h2>'
        '<p class="hint" id="beyond-waiting">%(waiting)s</p>'
        '<div class="beyond__panels" id="beyond-panels" hidden>%(panels)s</div></section>' % dict(
            h=esc(T("beyond_heading", lang)), waiting=esc(T("beyond_waiting", lang)),
            panels="".join([
                panel("panel-eligibility", "elig_heading",
                      '<p class="panel__intro">%s</p><p class="elig-summary" id="elig-summary">'
                      '</p><div id="elig-programs"></div><p class="hint">%s</p>' % (
                          esc(T("elig_intro", lang)), esc(T("elig_history_note", lang)))),
                panel("panel-whatif", "whatif_heading",
                      '<p class="panel__intro">%s</p><ol class="whatif" id="whatif-list"></ol>'
                      '<p class="whatif-birthday" id="whatif-birthday" hidden></p>'
                      % esc(T("whatif_intro", lang))),
                panel("panel-timeline", "timeline_heading",
                      '<p class="panel__intro">%s</p><ol class="timeline" id="timeline-list">'
                      '</ol><div class="figure" id="timeline-svg" role="region" tabindex="0" '
                      'aria-labelledby="panel-timeline-h"></div>'
                      % esc(T("timeline_intro", lang))),
                panel("panel-rounds", "rounds_heading", '<div id="rounds-body"></div>'),
            ])))


def save_html(lang):
    return (
        '<section class="save" id="save" aria-labelledby="save-h">'
        '<h2 class="h2" id="save-h">%(h)s</h2><p class="body">%(intro)s</p>'
        '<div class="buttons">'
        '<button type="button" class="button button--secondary" id="export" disabled>%(export)s</button>'
        '<button type="button" class="button button--secondary" id="make-share" disabled>%(share)s</button>'
        '<button type="button" class="button button--secondary" id="remember" disabled>%(remember)s</button>'
        '<button type="button" class="button button--secondary" id="forget" disabled>%(forget)s</button>'
        '</div>'
        '<div class="field"><label class="label" for="import">%(import_)s</label>'
        '<input class="file" id="import" type="file" accept=".json,application/json" disabled></div>'
        '<div class="field share" id="share-box" hidden>'
        '<label class="label" for="share-link">%(link)s</label>'
        '<p class="hint" id="share-link-hint">%(link_hint)s</p>'
        '<div class="share__row"><input class="input input--full" id="share-link" type="text" readonly '
        'aria-describedby="share-link-hint">'
        '<button type="button" class="button button--secondary" id="copy-share">%(copy)s</button></div>'
        '</div></section>' % dict(
            h=esc(T("sec_save", lang)), intro=esc(T("save_intro", lang)),
            export=esc(T("b_export", lang)), share=esc(T("b_share", lang)),
            remember=esc(T("b_remember", lang)), forget=esc(T("b_forget", lang)),
            import_=esc(T("l_import", lang)), link=esc(T("l_share", lang)),
            link_hint=esc(T("h_share", lang)), copy=esc(T("b_copy", lang))))


def rule_dates():
    try:
        from crs import rules
        return [s.id for s in rules.RULE_SETS]
    except Exception:   # the core is not importable (yet): the page fills this at run time
        return []


def status_html(lang):
    """The loading bar, start-up failure, notices and error summary that web/page.py drives
    (by these ids): the same on the calculator pages and the embed pages."""
    return """<div class="loading" id="loading" role="status"><progress class="loading__bar" aria-labelledby="loading-text"></progress>
<p id="loading-text">{loading} <span class="loading__detail">{loading_detail}</span></p></div>
<p class="notice notice--error" id="load-failed" hidden>{load_failed}</p>
<noscript><p class="notice notice--error">{noscript}</p></noscript>
<div class="notice" id="notice" role="status" hidden></div>
<div class="notice notice--error" id="alert" role="alert" hidden></div>
<div class="notice notice--offer" id="replace-offer" role="alert" hidden>
<p class="notice__text" id="replace-offer-text">{replace_offer}</p>
<div class="buttons"><button type="button" class="button" id="replace-yes">{replace_yes}</button>
<button type="button" class="button button--secondary" id="replace-no">{replace_no}</button></div></div>
<div class="error-summary" id="error-summary" tabindex="-1" hidden aria-labelledby="error-summary-title">
<h2 class="error-summary__title" id="error-summary-title">{err_title}</h2>
<ul class="error-summary__list" id="error-summary-list"></ul></div>""".format(
        loading=esc(T("loading", lang)), loading_detail=esc(T("loading_detail", lang)),
        load_failed=esc(T("load_failed", lang)), noscript=esc(T("noscript", lang)),
        err_title=esc(T("error_summary_title", lang)),
        replace_offer=esc(T("replace_offer", lang)), replace_yes=esc(T("b_replace_yes", lang)),
        replace_no=esc(T("b_replace_no", lang)))


def preload_html(prefix):
    """Early start (issue 6): the runtime's files are requested as soon as the form is painted,
    not at the end of the chain core.js -> PyScript chunk -> config -> plugins -> pyodide.mjs ->
    pyodide.asm.mjs / wasm / stdlib, several round trips later on a real link (docs/page.md).
    `as=fetch crossorigin` matches how Pyodide fetches the wasm and the zip (cors, same-origin
    credentials), so the preloaded responses are the ones used, never fetched twice.
    CRS_NO_PRELOAD=1 builds without them (for A/B runs of benchmarks/page.py)."""
    if os.environ.get("CRS_NO_PRELOAD"):
        return ""
    runtime = "{p}" + RUNTIME["pyodide_dir"] + "/"
    links = ['<link rel="modulepreload" href="{p}%s/%s">' % (RUNTIME["pyscript_dir"], pyscript_chunk().name),
             '<link rel="modulepreload" href="%spyodide.mjs">' % runtime,
             '<link rel="preload" as="fetch" crossorigin href="%spyodide.asm.wasm">' % runtime,
             '<link rel="preload" as="fetch" crossorigin href="%s%s">' % (runtime, RUNTIME["stdlib"]),
             '<link rel="modulepreload" href="%spyodide.asm.mjs">' % runtime]
    # In a <template>: inert until static/boot.js moves them into the head after the first
    # paint (static links delayed the first paint by ~0.1 s on 2 cores: the early downloads'
    # decoding competed with rendering).
    return ('<template id="crs-preload">' + "".join(link.replace("{p}", prefix) for link in links)
            + "</template>\n")


def page_html(lang, prefix, config_url):
    other = "fr" if lang == "en" else "en"
    other_href = prefix + ("fr/" if other == "fr" else "")
    here_href = prefix + ("fr/" if lang == "fr" else "")
    dates = rule_dates()
    built = datetime.date.today().isoformat()
    footer_rules = T("footer_rules", lang, dates=", ".join(dates) or "—", built=built)
    return """{head}<title>{title}</title>
<meta name="description" content="{desc}">
<link rel="icon" href="data:,">
<link rel="alternate" hreflang="en-CA" href="{en_href}">
<link rel="alternate" hreflang="fr-CA" href="{fr_href}">
<link rel="stylesheet" href="{p}static/site.css">
{preload}<script type="module" src="{p}static/storage-fallback.js"></script>
<script type="module" src="{p}static/boot.js"></script>
<script type="module" src="{p}static/sw-register.js"></script>
<script type="module" src="{p}{pyscript}/core.js"></script>
</head>
<body>
<a class="skip-link" href="#crs-form">{skip}</a>
<header class="site-header"><div class="wrap site-header__inner">
<p class="site-name">{site}</p>
<nav class="lang-nav" aria-label="Language / Langue"><a id="other-lang" href="{other_href}" lang="{other}-CA" hreflang="{other}-CA">{other_label}</a></nav>
</div></header>
<main class="wrap" id="main">
<h1 class="h1">{h1}</h1>
<p class="lede">{lede}</p>
<p class="privacy" id="privacy">{privacy}</p>
{status}
<div class="layout">
<div class="layout__form">{form}</div>
<div class="layout__result">{result}</div>
</div>
{panels}
{save}
</main>
<footer class="site-footer"><div class="wrap">
<p>{disclaimer}</p>
<nav aria-label="{links_label}"><ul class="footer-links">
<li><a href="{tool_url}" rel="noopener noreferrer">{tool}</a></li>
<li><a href="{rounds_url}" rel="noopener noreferrer">{rounds}</a></li>
</ul></nav>
<p id="footer-rules">{footer_rules}</p>
<p class="offline-status" id="offline-status" hidden>{offline_ready}</p>
</div></footer>
<script type="py" src="{p}py/web/main.py" config="{config}"></script>
</body>
</html>
""".format(
        head=head_open(lang), title=esc(T("html_title", lang)),
        preload=preload_html(prefix), pyscript=RUNTIME["pyscript_dir"],
        desc=esc(T("meta_description", lang)), p=prefix, en_href=prefix, fr_href=prefix + "fr/",
        skip=esc(T("skip_link", lang)), site=esc(T("site_name", lang)), other=other,
        other_href=other_href, other_label=esc(T("other_lang_label", lang)),
        h1=esc(T("h1", lang)), lede=esc(T("lede", lang)), privacy=esc(T("privacy", lang)),
        status=status_html(lang), form=form_html(lang), result=result_html(lang), save=save_html(lang),
        panels=panels_html(lang),
        disclaimer=esc(T("footer_disclaimer", lang)), links_label=esc(T("footer_links_label", lang)),
        tool_url=esc(strings.url("official_tool", lang)), tool=esc(T("footer_official_tool", lang)),
        rounds_url=esc(strings.url("rounds", lang)), rounds=esc(T("footer_rounds", lang)),
        footer_rules=esc(footer_rules), config=config_url, here=here_href,
        offline_ready=esc(T("offline_ready", lang)))


# ---------------------------------------------------------------------------------------------
# Assemble dist/

def python_files():
    """The page's Python files, relative to py/ (the core and the glue; no caches)."""
    out = []
    for package in ("crs", "web"):
        for path in sorted((ROOT / "py" / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".json"):
                out.append(path.relative_to(ROOT / "py").as_posix())
    return out


def pyscript_config(prefix):
    # No `files`: our modules come in py/app.zip, fetched early by static/boot.js (see
    # compiled_python); web/main.py is the script's own src.
    return {
        "interpreter": prefix + RUNTIME["pyodide_dir"] + "/" + RUNTIME["start"],
        "plugins": ["!error", "!py-editor", "!py-game", "!py-terminal", "!donkey",
                    "!deprecations-manager", "!codemirror"],
    }


def copy(src, dst):
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def build():
    ensure_npm()
    if DIST.exists():
        shutil.rmtree(DIST)
    DIST.mkdir()
    stdlib, app = compiled_python()
    write_runtime(stdlib)
    copy_pyscript()
    copy(ROOT / "py" / "web" / "main.py", DIST / "py" / "web" / "main.py")
    copy(app, DIST / "py" / "app.zip")
    for path in sorted((ROOT / "static").rglob("*")):
        if path.is_file():
            copy(path, DIST / "static" / path.relative_to(ROOT / "static"))
    for lang, sub, prefix in (("en", "", ""), ("fr", "fr/", "../")):
        out = DIST / sub
        out.mkdir(parents=True, exist_ok=True)
        (out / "config.json").write_text(json.dumps(pyscript_config(prefix), indent=1))
        (out / "index.html").write_text(page_html(lang, prefix, "config.json"))
    embed_build.write(sys.modules[__name__], DIST, embed_build.frame_ancestors())
    service_worker()
    compress()
    total = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file() and p.suffix not in (".gz", ".br"))
    log("dist/ ready: %d files, %.2f MB (plus .gz and .br copies)" % (
        sum(1 for p in DIST.rglob("*") if p.is_file() and p.suffix not in (".gz", ".br")), total / 1e6))


BROTLI_SCRIPT = r"""// usage: node brotli.mjs <jobs.json>: [[source, target], ...], brotli quality 11, window 24
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants as z } from "node:zlib";
for (const [src, dst] of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  const data = readFileSync(src);
  writeFileSync(dst, brotliCompressSync(data, { params: {
    [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_LGWIN]: 24,
    [z.BROTLI_PARAM_SIZE_HINT]: data.length,
    [z.BROTLI_PARAM_MODE]: src.endsWith(".wasm") || src.endsWith(".zip") ? z.BROTLI_MODE_GENERIC
                                                                     : z.BROTLI_MODE_TEXT } }));
}
"""


def compress():
    """Write .gz and .br siblings, served by `serve` to clients that accept them (as a real host
    would). Brotli comes from node's own zlib (node is already needed for npm): no new package.
    Each .br is cached by content hash in node_modules/.crs-build/br/ (quality 11 takes about
    half a minute for the wasm and the stdlib, once)."""
    cache = NODE_MODULES / ".crs-build" / "br"
    jobs, pending, queued = [], [], set()
    for path in sorted(DIST.rglob("*")):
        if path.is_file() and path.suffix in COMPRESS:
            data = path.read_bytes()
            packed = gzip.compress(data, compresslevel=9, mtime=0)
            if len(packed) < len(data) * 0.9:
                path.with_name(path.name + ".gz").write_bytes(packed)
            cached = cache / (hashlib.sha256(data).hexdigest() + ".br")
            jobs.append((path, cached, len(data)))
            # Identical files (same hash) share one cache entry: queue it once, or the second
            # rename finds its .tmp already moved.
            if not cached.exists() and str(cached) + ".tmp" not in queued:
                queued.add(str(cached) + ".tmp")
                pending.append([str(path), str(cached) + ".tmp"])
    if pending and shutil.which("node"):
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "brotli.mjs").write_text(BROTLI_SCRIPT)
        (cache / "jobs.json").write_text(json.dumps(pending))
        log("brotli: compressing %d files" % len(pending))
        subprocess.run(["node", str(cache / "brotli.mjs"), str(cache / "jobs.json")], check=True,
                       stdin=subprocess.DEVNULL)
        for _, tmp in pending:
            os.replace(tmp, tmp[:-len(".tmp")])
    for path, cached, size in jobs:
        if cached.exists() and cached.stat().st_size < size * 0.9:
            shutil.copyfile(cached, path.with_name(path.name + ".br"))


# ---------------------------------------------------------------------------------------------
# Offline: dist/sw.js, a cache-first service worker that precaches exactly what the pages load
# (shared/reference/platform.md §3). The list is worked out from dist/ itself: every page, what
# each page references (scripts, stylesheet, PyScript config), each config's interpreter (the
# Pyodide files), and the imports and new URL() references of every script reached (PyScript's
# hashed chunks, py/app.zip, the stdlib zip and snapshot worker; see _JS_IMPORT, _JS_URL).
# tests/e2e/test_offline.py checks the list against a real visit.
# The cache name is a hash of the list and the files' bytes: a build that changes any of them
# installs a new cache and the old one is deleted on activate. static/sw-register.js registers
# it once Python has started, so precaching (mostly from the HTTP cache) never slows the first
# score.

SW_TEMPLATE = """// Generated by build.py: do not edit. Precaches what the calculator pages load.
// Network first for the pages and for every file that keeps its name across builds (configs,
// py/, static/): a visit after a deploy shows the new build, never the previous one silently;
// the cache answers only when the network cannot (offline, or a server error). Cache first
// for vendor/, whose paths change with their bytes (build.py, VENDOR_CACHE): no request at all.
const CACHE = %(cache)s;
const PRECACHE = %(files)s;
const VENDOR = new URL("./vendor/", self.registration.scope).href;
self.addEventListener("install", (event) => event.waitUntil(
  caches.open(CACHE)
    .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, {cache: "no-cache"}))))
    .then(() => self.skipWaiting())));
self.addEventListener("activate", (event) => event.waitUntil(
  caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("crs-") && k !== CACHE)
                                    .map((k) => caches.delete(k))))
    // The page's request is sent while the worker starts, instead of after (network first).
    .then(() => self.registration.navigationPreload && self.registration.navigationPreload.enable())
    .then(() => self.clients.claim())));
// caches.match with cacheName does not re-create a cache that static/sw-register.js deleted.
async function cached(request) {
  let hit = await caches.match(request, {cacheName: CACHE, ignoreSearch: true});
  if (!hit && request.mode === "navigate" && /\\/index\\.html$/.test(new URL(request.url).pathname))
    hit = await caches.match(request.url.replace(/index\\.html(\\?.*)?$/, ""),
                             {cacheName: CACHE, ignoreSearch: true});
  return hit;
}
async function networkFirst(event) {
  try {
    // Through the HTTP cache: a no-cache file costs a revalidation (304), not a download.
    const response = (await event.preloadResponse) || await fetch(event.request);
    if (response.status < 500) return response;
    return (await cached(event.request)) || response;
  } catch (e) {   // offline
    return (await cached(event.request)) || Response.error();
  }
}
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  if (request.url.startsWith(VENDOR))
    event.respondWith(cached(request).then((hit) => hit || fetch(request)));
  else
    event.respondWith(networkFirst(event));
});
"""

_REF = re.compile(r'\b(?:src|href|config)="([^"#?]+)[^"]*"')
_CSS_URL = re.compile(r'url\(\s*["\']?([^"\')]+)')
# Static imports, and PyScript's plugin table (`name:()=>import("./chunk")`): it imports every
# built-in plugin's small chunk, even a disabled one; its other dynamic imports (TOML, zip, the
# package graph, CodeMirror) are not used by these pages.
_JS_IMPORT = re.compile(r'(?:\bfrom\s*|\bimport\s*|[\w"-]:\(\)=>import\()["\'](\.{1,2}/[^"\']+)["\']')
# Files a script fetches relative to itself (static/boot.js: py/app.zip).
_JS_URL = re.compile(r'new URL\(\s*["\'](\.{1,2}/[^"\']+)["\']\s*,\s*import\.meta\.url')


def precache_list(dist=None):
    """URLs (relative to dist/, pages as their directory URL) that the pages need."""
    dist = Path(dist or DIST)
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
            refs = [interpreter] + [urllib.parse.urljoin(interpreter, n) for n in PYODIDE_SHIPPED]
        else:
            refs = []
        for ref in refs:
            absolute = urllib.parse.urljoin(url, ref)
            if absolute.startswith(base):
                add(absolute)
    return sorted(seen, key=lambda r: (r.count("/") if r.endswith("/") else 99, r))


def service_worker():
    files = precache_list()
    digest = hashlib.sha256(SW_TEMPLATE.encode())
    for rel in files:
        path = DIST / rel / "index.html" if rel == "" or rel.endswith("/") else DIST / rel
        digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    cache = "crs-" + digest.hexdigest()[:16]
    urls = ["./" + rel for rel in files]
    (DIST / "sw.js").write_text(SW_TEMPLATE % {"cache": json.dumps(cache),
                                               "files": json.dumps(urls, indent=1)})
    log("sw.js: cache %s, %d files, %.2f MB" % (cache, len(urls), sum(
        (DIST / r / "index.html" if r == "" or r.endswith("/") else DIST / r).stat().st_size
        for r in files) / 1e6))


# ---------------------------------------------------------------------------------------------
# Serve

def response_headers(rel):
    """The headers of the file `rel` (relative to dist/, as served)."""
    if rel == "embed" or rel.startswith("embed/"):      # framable by the allow-list
        headers = embed_build.embed_headers(HEADERS, embed_build.frame_ancestors())
    else:
        headers = {**HEADERS, **PAGE_HEADERS}
    if rel.startswith("vendor/"):
        headers["Cache-Control"] = VENDOR_CACHE
    return headers


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}

    def __init__(self, *args, directory=None, **kwargs):
        super().__init__(*args, directory=directory or str(DIST), **kwargs)

    # Headers are chosen from the file actually served (after translate_path has decoded and
    # normalised the request path), never from the raw path: /embed/..%2findex.html is the
    # calculator page and gets the calculator's headers.
    served = None   # that file, relative to the served directory ("" when none)

    def end_headers(self):
        for key, value in response_headers(self.served or "").items():
            self.send_header(key, value)
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if self.path.split("?")[0].endswith("/") and os.path.exists(index):
                path = index
        self.served = os.path.relpath(path, self.directory).replace(os.sep, "/")
        accepted = [e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")]
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if encoding in accepted and os.path.isfile(path + suffix) and os.path.isfile(path):
                return self._send_gzip(path, path + suffix, encoding)
        return super().send_head()

    def list_directory(self, path):
        """No directory listings (what a static host does): a directory without index.html is
        not found."""
        self.send_error(404, "File not found")
        return None

    def _send_gzip(self, path, gz, encoding="gzip"):
        stat = os.stat(gz)
        etag = '"%s"' % hashlib.md5(("%s-%s" % (stat.st_mtime_ns, stat.st_size)).encode()).hexdigest()
        modified = self.date_time_string(int(stat.st_mtime))
        if (self.headers.get("If-None-Match") == etag
                or self.headers.get("If-Modified-Since") == modified):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return None
        f = open(gz, "rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.end_headers()
        if os.environ.get("CRS_SERVE_LOG"):
            self.log_message(encoding + " %s INM=%s IMS=%s", self.path, self.headers.get("If-None-Match"),
                             self.headers.get("If-Modified-Since"))
        return f

    def log_message(self, format, *args):
        if os.environ.get("CRS_SERVE_LOG"):
            super().log_message(format, *args)


def make_server(port=0, directory=None):
    """A threaded server for dist/ on 127.0.0.1 (port 0: any free port). Returns it unstarted."""
    handler = lambda *a, **k: Handler(*a, directory=directory, **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server


def serve(port):
    server = make_server(port)
    print("Serving dist/ on http://127.0.0.1:%d/ (French: /fr/). Ctrl-C to stop."
          % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


# ---------------------------------------------------------------------------------------------
# Test

def venv_python():
    return VENV / "bin" / "python"


def ensure_venv():
    py = venv_python()
    check = [str(py), "-c", "import pytest, hypothesis, playwright, pytest_playwright"]
    if py.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return
    log("creating .venv with", ", ".join(TEST_REQUIREMENTS))
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    *TEST_REQUIREMENTS], check=True, stdin=subprocess.DEVNULL)


def ensure_chromium():
    if CHROMIUM.exists():
        return
    log("installing Debian's chromium (apt-get)")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env,
                   stdin=subprocess.DEVNULL)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env,
                   stdin=subprocess.DEVNULL)


def test(args):
    ensure_venv()
    ensure_chromium()
    build()
    env = {**os.environ, "CHROMIUM": str(CHROMIUM), "CRS_DIST": str(DIST)}
    cmd = [str(venv_python()), "-m", "pytest", "tests", *args]
    log(" ".join(cmd[2:]))
    return subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL).returncode


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="build", choices=("build", "serve", "test"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-build", action="store_true", help="serve: use dist/ as it is")
    parser.add_argument("--frame-ancestors", metavar="SOURCES",
                        help="who may frame /embed/ (default: embed-partners.txt, else *)")
    args, rest = parser.parse_known_args(argv)
    if args.frame_ancestors:
        os.environ["CRS_FRAME_ANCESTORS"] = args.frame_ancestors
    if args.command == "test":
        return test(rest)
    if rest:
        parser.error("unrecognized arguments: %s" % " ".join(rest))
    if args.command == "serve":
        if not args.no_build:
            build()
        serve(args.port)
        return 0
    build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
