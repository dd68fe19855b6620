"""build(dist): the whole of dist/, each job in turn (the package's docstring lists them).

dist/ holds both pages (index.html in English, fr/index.html in French, generated from the
template index.html with the catalogue py/web/words/<lang>.json), their PyScript configs, py/ (the page's entry
script and py/app.zip: the scoring core py/crs and the page glue py/web, compiled), static/, the
embed pages, and the runtime vendored from node_modules (Pyodide and @pyscript/core): the page
never asks any other origin for anything.
"""

import shutil

from . import common, compiled, compress, embed, headers, npm, offline, pages, runtime


def build(dist=common.DIST):
    npm.ensure_npm()
    if dist.exists():
        shutil.rmtree(dist)
    dist.mkdir(parents=True)
    stdlib, app, later = compiled.compiled_python()
    written = runtime.write(dist, stdlib)
    common.copy(common.ROOT / "py" / "web" / "main.py", dist / "py" / "web" / "main.py")
    common.copy(app, dist / "py" / "app.zip")
    common.copy(later, dist / "py" / "later.zip")
    for path in sorted(common.STATIC.rglob("*")):
        if path.is_file() and common.TEMPLATES not in path.parents:
            common.copy(path, dist / "static" / path.relative_to(common.STATIC))
    pages.write(dist, written)
    embed.write(dist, written)
    headers.write(dist, written)
    offline.service_worker(dist)
    compress.compress(dist)
    files = [p for p in dist.rglob("*") if p.is_file() and p.suffix not in (".gz", ".br")]
    common.log("dist/ ready: %d files, %.2f MB (plus .gz and .br copies)" % (
        len(files), sum(p.stat().st_size for p in files) / 1e6))
    return written
