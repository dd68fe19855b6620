"""What every job of the build shares: paths, the log, copying, npm versions, templates."""

import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"            # the default output; every job takes its dist as an argument
NODE_MODULES = ROOT / "node_modules"
STATIC = ROOT / "static"
# Templates of JavaScript the build writes (filled, hashed, put elsewhere in dist/); not copied
# into dist/static/ as they are.
TEMPLATES = STATIC / "templates"
HERE = Path(__file__).resolve().parent

_PLACEHOLDER = re.compile(r"__CRS_[A-Z0-9_]+__")


def log(*args):
    print("build:", *args, flush=True)


def copy(src, dst):
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def npm_version(package):
    return json.loads((NODE_MODULES / package / "package.json").read_text())["version"]


def fill(template, text=None, **values):
    """The text of static/templates/`template` (or `text`, read from it by the caller) with each
    placeholder __CRS_<NAME>__ replaced by values[name] (a string, written as it is). A
    placeholder without a value, or a value without its placeholder, fails the build: a
    template and its caller cannot drift apart silently."""
    if text is None:
        text = (TEMPLATES / template).read_text()
    wanted = set(_PLACEHOLDER.findall(text))
    given = {"__CRS_%s__" % name.upper() for name in values}
    if wanted != given:
        raise SystemExit("build: %s: placeholders %s, values for %s"
                         % (template, sorted(wanted), sorted(given)))
    for name, value in values.items():
        text = text.replace("__CRS_%s__" % name.upper(), value)
    return text
