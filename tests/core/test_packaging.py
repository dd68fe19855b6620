"""`pip install .` ships the core whole: every file of py/crs that is not Python is matched by
pyproject.toml's package data (the words catalogues were not, so an installed `crs` command
could not load its messages)."""

import fnmatch
import pathlib
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_every_data_file_of_the_core_is_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["crs"]
    core = ROOT / "py" / "crs"
    files = [p.relative_to(core).as_posix() for p in core.rglob("*")
             if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert files
    missing = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert missing == []
