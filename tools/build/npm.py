"""The npm packages the build takes the runtime from (package-lock.json: pyodide,
@pyscript/core, axe-core for the accessibility tests): `npm ci` when node_modules is missing or
differs from the lock."""

import json
import subprocess

from . import common, runtime


def npm_is_current():
    """node_modules matches package-lock.json (npm records what it installed there)."""
    lock = common.ROOT / "package-lock.json"
    installed = common.NODE_MODULES / ".package-lock.json"
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
    return all((common.NODE_MODULES / "pyodide" / f).exists() for f in runtime.PYODIDE_FILES)


def ensure_npm():
    if npm_is_current():
        return
    common.log("npm ci")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=common.ROOT, check=True,
                   stdin=subprocess.DEVNULL)
