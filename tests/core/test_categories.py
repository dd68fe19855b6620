"""Round types (crs.categories): every case file of tests/categories (computed by hand from
docs/categories.md), the command line, and the data's round-name map."""

import json
import pathlib
import subprocess
import sys

import pytest

from crs import categories as cat

ROOT = pathlib.Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "categories"
CASES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FOLDER.glob("*.json"))]


def test_there_are_cases():
    assert len(CASES) >= 40


def diff(case, result):
    exp = case["expected"]
    if "errors" in result:
        return ["unexpected errors %r" % result["errors"]]
    out = []
    if "category_set" in exp and result["category_set"] != exp["category_set"]:
        out.append("category_set %r != %r" % (result["category_set"], exp["category_set"]))
    got = {r["id"]: r for r in result["round_types"]}
    for rid in exp.get("absent", ()):
        if rid in got:
            out.append("%s should not be in force" % rid)
    for rid, want in exp.get("round_types", {}).items():
        if rid not in got:
            out.append("%s missing" % rid)
            continue
        have = dict(got[rid], reasons=[r["code"] for r in got[rid]["reasons"]])
        for key, value in want.items():
            if have.get(key) != value:
                out.append("%s.%s %r != %r" % (rid, key, have.get(key), value))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_case(case, lang):
    result = cat.categories(case["profile"], as_of=case["as_of"], lang=lang)
    assert diff(case, result) == []
    for entry in result["round_types"]:
        assert entry["reasons"] and all(r["message"] for r in entry["reasons"])
        assert "{" not in json.dumps([r["message"] for r in entry["reasons"]])


def test_command_line_array_in_array_out(tmp_path):
    profiles = [CASES[0]["profile"], {"age": "x"}]
    path = tmp_path / "two.json"
    path.write_text(json.dumps(profiles))
    run = subprocess.run([sys.executable, "-m", "crs", "categories", str(path), "--date",
                          CASES[0]["as_of"], "--lang", "fr"], capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT / "py")})
    assert run.returncode == 2, run.stderr
    out = json.loads(run.stdout)
    assert [("round_types" in x, "errors" in x) for x in out] == [(True, False), (False, True)]
    first = out[0]
    assert set(first) >= {"as_of", "category_set", "round_types"}
    ids = [r["id"] for r in first["round_types"]]
    assert ids[:5] == ["general", "fsw", "cec", "fst", "pnp"]
    for r in first["round_types"]:
        assert set(r) >= {"id", "kind", "status", "reasons", "occupation", "months"}
        assert r["kind"] in ("general", "program", "provincial", "category")


def test_every_category_id_of_the_data_is_known():
    ids = {c["id"] for s in cat.data()["sets"] for c in s["categories"]}
    assert ids == {"french", "healthcare", "stem", "trades", "transport", "agriculture",
                   "education", "physicians_canadian_experience",
                   "senior_managers_canadian_experience", "researchers_canadian_experience",
                   "military"}


def test_the_shipped_data_is_the_shared_file_trimmed():
    source = ROOT.parent / "shared" / "data" / "ee_categories.json"
    if not source.exists():
        pytest.skip("shared/data is not beside this checkout")
    from crs import feed
    shipped = cat.data()
    built = feed.build_categories(json.loads(source.read_text(encoding="utf-8")),
                                  shipped["provenance"]["generated"])
    assert built == shipped
