"""Every eligibility case file of tests/eligibility, checked by the core."""

import json
import pathlib

import pytest

from crs.eligibility import eligibility

FOLDER = pathlib.Path(__file__).resolve().parents[1] / "eligibility"
CASES = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FOLDER.glob("*.json"))]


def test_there_are_cases():
    assert len(CASES) >= 100


def diff(case, result):
    exp = case["expected"]
    out = []
    if "errors" in exp:
        got = {(e["field"], e["code"]) for e in result.get("errors", [])}
        return ["missing error %s/%s; got %s" % (e["field"], e["code"], sorted(got))
                for e in exp["errors"] if (e["field"], e["code"]) not in got]
    if "errors" in result:
        return ["unexpected errors %r" % result["errors"]]
    if "can_be_invited" in exp and result["can_be_invited"] != exp["can_be_invited"]:
        out.append("can_be_invited %r != %r" % (result["can_be_invited"], exp["can_be_invited"]))
    for key, want in exp.get("programs", {}).items():
        got = result["programs"][key]
        if "status" in want and got["status"] != want["status"]:
            out.append("%s status %s != %s" % (key, got["status"], want["status"]))
        reqs = {r["id"]: r["status"] for r in got["requirements"]}
        for rid, status in want.get("requirements", {}).items():
            if reqs.get(rid) != status:
                out.append("%s.%s %s != %s" % (key, rid, reqs.get(rid), status))
        grid = want.get("grid")
        if grid:
            lines = {line["id"]: line["points"] for line in got["grid"]["lines"]}
            if "total" in grid and got["grid"]["total"] != grid["total"]:
                out.append("grid total %s != %s" % (got["grid"]["total"], grid["total"]))
            for lid, pts in grid.get("lines", {}).items():
                if lines.get(lid) != pts:
                    out.append("grid %s %s != %s" % (lid, lines.get(lid), pts))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_case(case, lang):
    result = eligibility(case["profile"], as_of=case.get("as_of"), lang=lang)
    assert diff(case, result) == []
