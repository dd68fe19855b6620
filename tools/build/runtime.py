"""The runtime in dist/vendor/: Pyodide's and PyScript's npm files, each package in a directory
named after its version and a hash of its bytes (versioned_dir), and beside Pyodide the files
the build makes: the trimmed stdlib zip (compiled.py), the interpreter module and the snapshot
worker, each named after its content. `write` returns the names as a Runtime, from which the
pages, configs, headers and precache list take their paths.

The interpreter module PyScript loads (config "interpreter"; static/templates/crs-start.mjs) is
a small wrapper with the exports of pyodide.mjs (PyScript needs only loadPyodide and version):
* it points Pyodide at our trimmed stdlib, under a content-hashed name (vendor/ is served as
  immutable, and the zip changes whenever the page's imports do);
* on warm visits it restores a Pyodide memory snapshot from the Cache API, skipping Python's
  start-up and the import of SNAPSHOT_IMPORTS (measured: docs/page.md). The snapshot is made
  on the device itself, by a worker (static/templates/crs-snapshot-worker.mjs), after a visit
  without one: nothing extra is downloaded, and it holds only the interpreter with standard
  modules imported (no page state, nothing the user typed). Its key hashes the runtime, the
  stdlib zip and the worker (with this list): a snapshot only ever meets the exact files it
  was made from (Pyodide checks its own build; the zip's offsets live in the snapshot and are
  not checked). A failed restore deletes the entry and starts normally.
Pyodide 314 can snapshot only before any JS object is held (so before PyScript's bootstrap);
random's state is frozen in it and reseeded after restore. The snapshot is stored sparse (its
non-zero stretches, static/templates/snapshot-format.js): 31 MB of memory, three-quarters
zeros, is about 11 MB on disk.
PyScript's Python package is compiled too (docs/page.md, "Third pass"): PyScript writes its
package's sources into the working directory and imports them on every visit; the same
sources, taken from its core chunk at build time, are in the stdlib zip as .pyc
(compiled.PYSCRIPT_CACHE), put first on sys.path by the interpreter module.
"""

import dataclasses
import hashlib
import json
import os

from . import common, compiled

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
# What dist/vendor/pyodide-<version>-<hash>/ ships of them as they come: the stdlib zip is ours
# instead (compiled.compiled_python), under a content-hashed name.
PYODIDE_SHIPPED = tuple(name for name in PYODIDE_FILES if name != "python_stdlib.zip")

SNAPSHOT_IMPORTS = (
    "asyncio base64 bisect bz2 codeop collections contextlib contextvars copy dataclasses dis enum "
    "fnmatch functools glob heapq html html.entities importlib.abc importlib.machinery "
    "importlib.util inspect json linecache logging lzma math pathlib random re reprlib selectors "
    "shutil signal socket ssl string struct subprocess tempfile textwrap threading time tokenize "
    "traceback typing warnings weakref zipfile compression.zstd concurrent.futures datetime "
    "pyodide.ffi pyodide.code pyodide.webloop").split()


@dataclasses.dataclass(frozen=True)
class Runtime:
    """The runtime's paths, as written into dist/ (relative to it or to pyodide_dir)."""
    pyodide_dir: str        # vendor/pyodide-<version>-<hash>
    pyscript_dir: str       # vendor/pyscript-<version>-<hash>
    stdlib: str             # python_stdlib-<hash>.zip, in pyodide_dir
    start: str              # crs-start-<hash>.mjs, the interpreter module, in pyodide_dir
    worker: str             # crs-snapshot-worker-<hash>.mjs, in pyodide_dir
    key: str                # the device snapshot's key (runtime, stdlib, worker)
    pyscript_chunk: str     # PyScript's core chunk, in pyscript_dir (preloaded)


def versioned_dir(parent, package, version, files):
    """Copy `files` ((source, name) pairs) into a new directory of `parent` named after the
    package, its version and a hash of the bytes copied (read back from dist/, so it is what is
    served); returns the directory's path. Served `immutable` (headers.VENDOR_CACHE): a path under it
    can never hold other bytes, so a browser's year-long HTTP cache never pairs the runtime of
    one build with files of another (the embed has no service worker to keep them together)."""
    staging = parent / (package + ".tmp")
    digest = hashlib.sha256()
    for src, name in files:
        common.copy(src, staging / name)
        digest.update(name.encode() + b"\0" + hashlib.sha256((staging / name).read_bytes()).digest())
    out = parent / ("%s-%s-%s" % (package, version, digest.hexdigest()[:10]))
    os.replace(staging, out)
    return out


def write(dist, stdlib):
    """Write the Pyodide files into dist/vendor/pyodide-<version>-<hash>/, then beside them the
    content-named stdlib zip, interpreter module and snapshot worker, and PyScript's files
    into dist/vendor/pyscript-<version>-<hash>/; returns their names. The Pyodide directory's
    hash covers the npm files only: a change of our stdlib or modules renames only those
    files, and the 9.6 MB wasm keeps its cached path."""
    out = versioned_dir(dist / "vendor", "pyodide", common.npm_version("pyodide"),
                        [(common.NODE_MODULES / "pyodide" / n, n) for n in PYODIDE_SHIPPED])
    digest = hashlib.sha256()
    for name in PYODIDE_SHIPPED:
        digest.update(name.encode() + (out / name).read_bytes())
    common.copy(stdlib, out / "python_stdlib.tmp")       # named after the bytes served
    data = (out / "python_stdlib.tmp").read_bytes()
    stdlib_name = "python_stdlib-%s.zip" % hashlib.sha256(data).hexdigest()[:12]
    os.replace(out / "python_stdlib.tmp", out / stdlib_name)
    snapshot_format = (common.TEMPLATES / "snapshot-format.js").read_text().rstrip("\n")
    worker = common.fill("crs-snapshot-worker.mjs", imports=json.dumps(SNAPSHOT_IMPORTS),
                         snapshot_format=snapshot_format)
    # The worker's text holds the import list and the snapshot's format.
    digest.update(data + worker.encode())
    key = digest.hexdigest()[:16]
    worker_name = "crs-snapshot-worker-%s.mjs" % hashlib.sha256(worker.encode()).hexdigest()[:12]
    (out / worker_name).write_text(worker)
    start = common.fill("crs-start.mjs", stdlib=stdlib_name, key=key, worker=worker_name,
                        pyscript_cache=compiled.PYSCRIPT_CACHE, snapshot_format=snapshot_format)
    start_name = "crs-start-%s.mjs" % hashlib.sha256(start.encode()).hexdigest()[:12]
    (out / start_name).write_text(start)
    pyscript = _copy_pyscript(dist)
    return Runtime(pyodide_dir=out.relative_to(dist).as_posix(),
                   pyscript_dir=pyscript.relative_to(dist).as_posix(),
                   stdlib=stdlib_name, start=start_name, worker=worker_name, key=key,
                   pyscript_chunk=compiled.pyscript_chunk().name)


def _copy_pyscript(dist):
    """@pyscript/core's dist (no source maps) into dist/vendor/pyscript-<version>-<hash>/.
    Its chunks are content-hashed by its bundler, but core.js, core.css and the rest are not."""
    package = common.NODE_MODULES / "@pyscript" / "core" / "dist"
    files = [(path, path.name) for path in sorted(package.iterdir())
             if path.is_file() and not path.name.endswith(".map")]
    return versioned_dir(dist / "vendor", "pyscript", common.npm_version("@pyscript/core"), files)
