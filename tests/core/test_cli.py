"""`python -m crs score` from the repository root with PYTHONPATH=py and no install."""

import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                         "writing": 9},
      "foreign_work_years": 3}


def run(*args, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
    return subprocess.run([sys.executable, "-m", "crs", *args], input=stdin, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_one_profile_from_stdin():
    p = run("score", "-", "--date", "2026-11-23", stdin=json.dumps(E1))
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["total"] == 429 and out["rules"] == "2025-03-25" and out["as_of"] == "2026-11-23"


def test_array_in_array_out_in_order_and_exit_2_when_any_is_invalid(tmp_path):
    docs = [E1, {"age": "x"}, dict(E1, job_offer="teer_0_major_group_00")]
    f = tmp_path / "batch.json"
    f.write_text(json.dumps(docs))
    p = run("score", str(f), "--rules", "2016-11-19", "--date", "2026-11-23")
    assert p.returncode == 2
    out = json.loads(p.stdout)
    assert [o.get("total") for o in out] == [429, None, 629]
    assert "errors" in out[1]


def test_document_as_of_wins_over_date():
    p = run("score", "-", "--date", "2016-01-01",
            stdin=json.dumps(dict(E1, job_offer="teer_0_1_2_3", as_of="2019-01-01")))
    out = json.loads(p.stdout)
    assert out["rules"] == "2017-06-06" and out["total"] == 479


def test_french_messages_and_bad_json():
    p = run("score", "-", "--lang", "fr", stdin='{"age": -1}')
    assert p.returncode == 2
    errors = json.loads(p.stdout)["errors"]
    assert any(e["field"] == "age" and "Âge" in e["message"] for e in errors)
    p = run("score", "-", stdin="{not json")
    assert p.returncode == 2 and json.loads(p.stdout)["errors"][0]["code"] == "invalid_json"
    assert "Traceback" not in p.stderr


def test_every_case_file_scores_from_the_command_line():
    from tests.caseload import check, load_cases
    cases = [c for c in load_cases() if "errors" not in c["expected"] and "rules" not in c]
    by_date = {}
    for case in cases:
        by_date.setdefault(case.get("as_of"), []).append(case)
    for day, group in by_date.items():
        args = ["score", "-", "--compact"] + (["--date", day] if day else [])
        p = run(*args, stdin=json.dumps([c["profile"] for c in group]))
        assert p.returncode == 0, p.stdout[:500]
        for case, result in zip(group, json.loads(p.stdout)):
            assert check(case, result) == [], case["id"]
