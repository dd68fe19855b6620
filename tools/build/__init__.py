"""The build of the static page, by job (build.py at the top of the repository is the entry):

    compiled.py   the page's Python compiled ahead by Pyodide in node: trimmed .pyc stdlib,
                  py/app.zip (pyodide_tool.mjs and compile_python.py do the compiling)
    runtime.py    dist/vendor/: Pyodide and PyScript under versioned, hashed directories, the
                  interpreter module and snapshot worker (static/templates/crs-start.mjs,
                  crs-snapshot-worker.mjs) filled in; returns the Runtime (the names written)
    pages.py      the calculator pages (the template index.html at the top of the repository,
                  its slots filled: words from py/web/words/, the form from
                  py/web/questions.py) and their PyScript configs
    embed.py      the embed pages, the consent window and the embed docs pages (docs/embed.md)
    headers.py    the CSP and other headers, dist/_headers, who may frame the embed
    offline.py    dist/sw.js (static/templates/sw.js filled in) and its precache list
    compress.py   .gz and .br siblings (brotli.mjs)
    assemble.py   build(dist): all of the above, in order
    serve.py      the dev server (what a static host does, plus br/gzip)
    npm.py        `npm ci` when node_modules differs from package-lock.json
    bootstrap.py  `build.py test`: .venv and Chromium installed if missing, build, pytest
    common.py     paths, log, copy, npm versions, filling a template's placeholders

Each job takes what it needs as arguments (the dist directory, the Runtime): no module fills a
global that another one must wait for.
"""
