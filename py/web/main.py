"""The page's Python entry, run by PyScript (its <script type="py"> src).

Our modules do not come through PyScript's `files` (one request each, made only after Python
has started, then compiled from source). build.py packs crs and web as .pyc into py/app.zip,
and static/boot.js starts downloading it while the HTML is parsed, in parallel with the
runtime. Here that download is awaited (usually long finished), written to the in-memory file
system and put on sys.path, where zipimport loads the precompiled modules.
"""

import sys

import js

APP_ZIP = "/home/pyodide/crs-app.zip"

try:
    with open(APP_ZIP, "wb") as _out:
        _out.write((await js.crsApp).to_bytes())  # noqa: F704 (PyScript runs top-level await)
    sys.path.insert(0, APP_ZIP)
    from web import page
    PAGE = page.start()
except Exception as exc:   # no zip, a damaged one, or the page failed: say so in the page
    js.console.error("CRS page failed to start: " + repr(exc))
    try:
        js.document.getElementById("load-failed").hidden = False
        js.document.getElementById("loading").hidden = True
        js.document.documentElement.setAttribute("data-crs-ready", "failed")
    except Exception:
        pass
