"""Python for the page, compiled ahead (issue 6). Pyodide's npm stdlib zip holds 614 .py sources
(10.6 MB, 2.85 MB brotli even as .pyc), which CPython compiles on every page load (about half
the start-up: shared/reference/platform.md §6). We ship instead:
* a trimmed stdlib: only the modules that can be imported when the page runs, compiled to
  unchecked hash-based .pyc by Pyodide itself in node (same magic number). "Can be imported" =
  what Pyodide imports to start, plus every import written in our py/ and in PyScript's own
  Python (src/stdlib), plus everything those modules import at their top level, closed
  transitively. Imports inside functions of the stdlib are not followed (they would pull in
  most of the library: shutil -> tarfile -> ..., site -> pydoc); the page's whole e2e suite
  runs on this zip, and tests/e2e/test_offline.py checks that every import of our page code
  resolves in it. Docstrings are dropped (-OO: the stdlib is tested that way) except in
  Pyodide's own packages, which copy docstrings onto its JS-facing objects.
* py/app.zip: crs and web (but web/main.py, PyScript's entry, the command line and the feed
  repair) as .pyc, plus the rounds snapshot; static/boot.js fetches it while the runtime
  loads.
Both are cached in node_modules/.crs-build under a hash of their inputs (the Pyodide version,
the compiling tool, the roots or the sources): a new pinned Pyodide or a changed module
rebuilds them.
"""

import ast
import hashlib
import json
import os
import re
import subprocess

from . import common

# Imported only by the command line (crs.cli, and crs.ranking's `main`, which the page never
# calls): not shipped to the browser.
CLI_ONLY_IMPORTS = {"argparse", "multiprocessing"}
# The command line, its CSV and NDJSON streams (crs.batch) and the maintainer's feed repair
# (crs.feed, imported by `python -m crs rounds` only): the page never runs them, so the
# browser never downloads them.
CLI_ONLY_FILES = {"crs/cli.py", "crs/__main__.py", "crs/batch.py", "crs/feed.py"}
# What only the panels below the result use (they run after the first score): py/later.zip,
# which the page fetches after its first score (web/page.py), so the bytes before the first
# score do not grow with the panels. The modules of each zip sit in the same packages: the
# page adds the later zip's folders to crs.__path__, web.__path__ and web.panels.__path__.
LATER_FILES = {"web/panels/eligibility.py", "web/panels/whatif.py", "web/panels/timeline.py",
               "web/panels/rounds.py", "web/charts.py", "crs/rounds.py", "crs/data/rounds.json",
               "crs/timeline.py", "crs/whatif.py", "web/panels/couple.py", "crs/couple.py",
               "web/panels/planner.py", "crs/planner.py", "crs/calendar.py", "web/printout.py",
               "web/panels/scenarios.py", "crs/scenarios.py"}
STDLIB_KEEP_DOCSTRINGS = ("pyodide", "_pyodide")
# The folder of the stdlib zip that holds PyScript's package compiled (pyscript/*.pyc).
PYSCRIPT_CACHE = "crs-pyscript"
# The compiling is done by Pyodide in node: this tool, and the Python program it runs.
TOOL = common.HERE / "pyodide_tool.mjs"
TOOL_PROGRAM = common.HERE / "compile_python.py"


def import_roots():
    """Every absolute import written in our page's Python and in PyScript's own Python."""
    roots = set()
    sources = [common.ROOT / "py" / rel for rel in python_files() if rel.endswith(".py")
               and rel not in CLI_ONLY_FILES]
    sources += sorted((common.NODE_MODULES / "@pyscript" / "core" / "src" / "stdlib").rglob("*.py"))
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
    dist = common.NODE_MODULES / "@pyscript" / "core" / "dist"
    return dist / re.search(r'from\s*"\./(core-[\w-]+\.js)"', (dist / "core.js").read_text()).group(1)


def app_files(later=False):
    """(source, name in the zip) of the modules the page imports (not its entry script): those
    of py/app.zip, or with `later` those of py/later.zip (LATER_FILES)."""
    return [(common.ROOT / "py" / rel, rel) for rel in python_files()
            if rel != "web/main.py" and rel not in CLI_ONLY_FILES
            and (rel in LATER_FILES) == later]


def compiled_python():
    """Paths of the trimmed .pyc stdlib zip, py/app.zip and py/later.zip, (re)built by Pyodide
    when an input changed."""
    version = json.loads((common.NODE_MODULES / "pyodide" / "package.json").read_text())["version"]
    cache = common.NODE_MODULES / ".crs-build"
    roots = import_roots()
    chunk = pyscript_chunk()
    tool = TOOL.read_text() + TOOL_PROGRAM.read_text()
    key = hashlib.sha256((version + tool + json.dumps(roots)
                          + json.dumps(STDLIB_KEEP_DOCSTRINGS) + PYSCRIPT_CACHE).encode()
                         + chunk.read_bytes()).hexdigest()[:16]
    stdlib = cache / ("python_stdlib-%s-%s.zip" % (version, key))
    zips, jobs = [], []
    for later in (False, True):
        digest = hashlib.sha256((version + tool).encode())
        files = app_files(later)
        for path, rel in files:
            digest.update(rel.encode() + b"\0" + path.read_bytes())
        out = cache / ("%s-%s.zip" % ("later" if later else "app", digest.hexdigest()[:16]))
        zips.append(out)
        if not out.exists():
            jobs.append({"kind": "app", "out": str(out) + ".tmp",
                         "files": [[str(path), rel] for path, rel in files]})
    app, later_zip = zips
    if not stdlib.exists():
        jobs.append({"kind": "stdlib", "out": str(stdlib) + ".tmp", "roots": roots,
                     "keep_docstrings": list(STDLIB_KEEP_DOCSTRINGS),
                     "pyscript_chunk": str(chunk), "pyscript_prefix": PYSCRIPT_CACHE})
    if jobs:
        cache.mkdir(exist_ok=True)
        (cache / "pyodide_jobs.json").write_text(json.dumps(jobs))
        common.log("compiling with Pyodide: " + ", ".join(j["kind"] for j in jobs))
        subprocess.run(["node", str(TOOL), str(common.NODE_MODULES / "pyodide"),
                        str(cache / "pyodide_jobs.json")], check=True, stdin=subprocess.DEVNULL)
        for job in jobs:
            os.replace(job["out"], job["out"][:-len(".tmp")])
    return stdlib, app, later_zip


def python_files():
    """The page's Python files, relative to py/ (the core and the glue; no caches)."""
    out = []
    for package in ("crs", "web"):
        for path in sorted((common.ROOT / "py" / package).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".json"):
                out.append(path.relative_to(common.ROOT / "py").as_posix())
    return out
