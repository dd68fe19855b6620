"""Loading the case files of tests/cases (shared by the core and page suites)."""

import json
import pathlib

CASES = pathlib.Path(__file__).resolve().parent / "cases"


def load_cases():
    out = []
    for path in sorted(CASES.rglob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        case["_path"] = str(path.relative_to(CASES))
        out.append(case)
    return out


def check(case, result):
    """Compare a core result with a case's expectations; returns a list of differences."""
    exp = case["expected"]
    diffs = []
    if "errors" in exp:
        if "errors" not in result:
            return ["expected errors %r, got a score %r" % (exp["errors"], result.get("total"))]
        got = {(e["field"], e["code"]) for e in result["errors"]}
        for e in exp["errors"]:
            if (e["field"], e["code"]) not in got:
                diffs.append("missing error %s/%s; got %s" % (e["field"], e["code"], sorted(got)))
        return diffs
    if "errors" in result:
        return ["unexpected errors: %r" % result["errors"]]
    if result["total"] != exp["total"]:
        diffs.append("total %s != expected %s" % (result["total"], exp["total"]))
    for name, points in exp["sections"].items():
        if result["sections"][name] != points:
            diffs.append("section %s: %s != expected %s"
                         % (name, result["sections"][name], points))
    if "rules" in exp and result["rules"] != exp["rules"]:
        diffs.append("rules %s != expected %s" % (result["rules"], exp["rules"]))
    lines = {line["id"]: line["points"] for line in result["lines"]}
    for line_id, points in exp.get("lines", {}).items():
        if lines.get(line_id) != points:
            diffs.append("line %s: %s != expected %s" % (line_id, lines.get(line_id), points))
    for which, levels in exp.get("clb", {}).items():
        got = result["clb"].get(which) or {}
        for ability, level in levels.items():
            if got.get(ability) != level:
                diffs.append("clb %s.%s: %s != expected %s"
                             % (which, ability, got.get(ability), level))
    for kind in ("warnings", "unconfirmed"):
        codes = {w["code"] for w in result[kind]}
        for code in exp.get(kind, []):
            if code not in codes:
                diffs.append("missing %s %s; got %s" % (kind, code, sorted(codes)))
    return diffs
