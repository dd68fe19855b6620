"""`build.py test`: installs what the tests need, the Python test packages in .venv (pinned),
Debian's Chromium (apt-get; never a browser download of Playwright's own) and poppler-utils
(pdftotext, pdfinfo: the print tests read the PDFs with them), builds (which
installs the npm packages: npm.py), then runs pytest."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import assemble, common

VENV = common.ROOT / ".venv"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Python test dependencies, pinned to the versions this was built and measured with.
# pytest-rerunfailures: a browser test whose renderer crashed ("Target crashed", not an
# assertion) runs again, at most twice, and the summary counts it (tests/e2e/conftest.py).
TEST_REQUIREMENTS = ("pytest==9.2.0", "hypothesis==6.170.15", "playwright==1.65.2",
                     "pytest-playwright==0.10.0", "pytest-rerunfailures==16.7")


def venv_python():
    return VENV / "bin" / "python"


def ensure_venv():
    py = venv_python()
    check = [str(py), "-c", "import pytest, hypothesis, playwright, pytest_playwright, "
                           "pytest_rerunfailures"]
    if py.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return
    common.log("creating .venv with", ", ".join(TEST_REQUIREMENTS))
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    *TEST_REQUIREMENTS], check=True, stdin=subprocess.DEVNULL)


def apt_install(package):
    """Debian's `package`, with apt-get (root, or sudo without a password)."""
    common.log("installing Debian's %s (apt-get)" % package)
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env,
                   stdin=subprocess.DEVNULL)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", package], check=True, env=env,
                   stdin=subprocess.DEVNULL)


def ensure_chromium():
    if not CHROMIUM.exists():
        apt_install("chromium")


def ensure_poppler():
    """pdftotext and pdfinfo (poppler-utils): tests/e2e/test_print.py reads the PDFs Chromium
    prints with them (no PDF library in the page or the tests)."""
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        apt_install("poppler-utils")


def test(args, dist=common.DIST):
    """Install what is missing, build `dist`, run pytest on tests/ (with `args`); pytest's
    exit status."""
    ensure_venv()
    ensure_chromium()
    ensure_poppler()
    assemble.build(dist)
    env = {**os.environ, "CHROMIUM": str(CHROMIUM), "CRS_DIST": str(dist)}
    cmd = [str(venv_python()), "-m", "pytest", "tests", *args]
    common.log(" ".join(cmd[2:]))
    return subprocess.run(cmd, cwd=common.ROOT, env=env, stdin=subprocess.DEVNULL).returncode
