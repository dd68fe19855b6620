"""The build itself (tools/build), without a browser: the JavaScript it writes is real files that
parse, every placeholder is filled, and the templates are not shipped as they are."""

import re
import shutil
import subprocess

import pytest

from tools.build import common

from .conftest import DIST, ROOT

PLACEHOLDER = re.compile(r"__CRS_[A-Z0-9_]+__")
needs_node = pytest.mark.skipif(not shutil.which("node"), reason="node is needed to build")


def generated_js():
    return [DIST / "sw.js", *sorted((DIST / "vendor").glob("pyodide-*/crs-*.mjs"))]


@needs_node
def test_every_javascript_file_parses():
    """The templates (placeholders and all), what the build made of them, the build's own node
    tools and the static scripts: `node --check` reads each one."""
    files = [*sorted(common.TEMPLATES.iterdir()), *generated_js(),
             *sorted((ROOT / "tools" / "build").glob("*.mjs")),
             *sorted(p for p in (ROOT / "static").glob("*") if p.suffix in (".js", ".mjs"))]
    assert len(generated_js()) == 3 and len(files) > 10
    for path in files:
        p = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True,
                           timeout=60)
        assert p.returncode == 0, (path, p.stderr)


def test_placeholders_are_all_filled():
    for path in generated_js():
        assert not PLACEHOLDER.search(path.read_text()), path
    assert not (DIST / "static" / "templates").exists()
    for template in common.TEMPLATES.iterdir():
        assert not (DIST / "static" / template.name).exists(), template.name


def test_fill_refuses_a_missing_or_unused_value():
    with pytest.raises(SystemExit):
        common.fill("sw.js", cache='"crs-x"')                    # __CRS_FILES__ left
    with pytest.raises(SystemExit):
        common.fill("sw.js", cache='"crs-x"', files="[]", other="1")
    text = common.fill("sw.js", cache='"crs-x"', files="[]")
    assert 'const CACHE = "crs-x";' in text and "const PRECACHE = [];" in text
