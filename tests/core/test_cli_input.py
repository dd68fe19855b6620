"""The command line's input and output (faults 11, 12, 18): one reader for score, eligibility
and rank, the documented limits, output that is always valid UTF-8 JSON."""

import json
import os
import pathlib
import subprocess
import sys
import time

import pytest

import crs
from crs.cli import main
from tests.core.strategies import is_error

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROUND = "2026-08-07"
E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                         "writing": 9},
      "foreign_work_years": 3}
ONE = dict(E1, id="a", submitted_at="2026-01-15T10:31:00Z")
COMMANDS = ("score", "eligibility", "rank")


def argv(command, path):
    return [command, str(path), "--date", ROUND] + (["--invite", "5"] if command == "rank" else [])


def run_main(capsys, command, path):
    code = main(argv(command, path))
    out = capsys.readouterr()
    return code, json.loads(out.out), out


def subprocess_run(command, path):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env["PYTHONPATH"] = str(ROOT / "py")
    return subprocess.run([sys.executable, "-m", "crs"] + argv(command, path), cwd=ROOT,
                          env=env, capture_output=True, timeout=120)


def file_errors(out):
    assert isinstance(out, dict) and list(out) == ["errors"], out
    for e in out["errors"]:
        assert is_error(e) and e["field"] == "file", e
    return [e["code"] for e in out["errors"]]


# --- 18: one reader, same limits, same error shapes, same exit codes -------------------------

BAD_FILES = {
    "latin-1": ('{"marital_status": "mari\xe9"}'.encode("latin-1"), "invalid_json"),
    "overlong": (b'{"marital_status": "\xc0\xaf"}', "invalid_json"),
    "cesu-8": (b'{"marital_status": "\xed\xa0\x80"}', "invalid_json"),
    "utf-16": ('{"age": 1}'.encode("utf-16"), "invalid_json"),
    "deep": (b"[" * 200_000 + b"]" * 200_000, "too_large"),
    "not json": (b"{not json", "invalid_json"),
    "empty": (b"", "invalid_json"),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", list(BAD_FILES))
def test_unreadable_input_is_one_error_and_exit_2(command, name, tmp_path, capsys):
    raw, code = BAD_FILES[name]
    f = tmp_path / "in.json"
    f.write_bytes(raw)
    status, out, _ = run_main(capsys, command, f)
    assert status == 2 and file_errors(out) == [code]


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_file_and_directory(command, tmp_path, capsys):
    for path in (tmp_path / "missing.json", tmp_path):
        status, out, _ = run_main(capsys, command, path)
        assert status == 2 and file_errors(out) == ["unreadable"]
        assert str(path) in out["errors"][0]["message"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_byte_order_mark_is_accepted_by_every_command(command, tmp_path, capsys):
    f = tmp_path / "in.json"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps([ONE] if command == "rank" else E1).encode())
    status, out, _ = run_main(capsys, command, f)
    assert status == 0, out


@pytest.mark.parametrize("command", COMMANDS)
def test_no_traceback_from_the_command_line(command, tmp_path):
    f = tmp_path / "in.json"
    f.write_bytes(b'{"x": "\xff"}')
    p = subprocess_run(command, f)
    assert p.returncode == 2 and b"Traceback" not in p.stderr, p.stderr
    assert file_errors(json.loads(p.stdout)) == ["invalid_json"]
    p = subprocess_run(command, tmp_path / "nope.json")
    assert p.returncode == 2 and b"Traceback" not in p.stderr, p.stderr


# --- 12: the documented limits, enforced quickly, and bounded output -------------------------

@pytest.mark.parametrize("command", COMMANDS)
def test_a_batch_over_the_limit_is_refused_quickly(command, tmp_path, capsys):
    limit = crs.MAX_POOL if command == "rank" else crs.MAX_BATCH
    f = tmp_path / "in.json"
    f.write_text("[" + ",".join(["{}"] * (limit + 1)) + "]")
    start = time.perf_counter()
    status, out, raw = run_main(capsys, command, f)
    assert time.perf_counter() - start < 5
    assert status == 2 and len(raw.out) < 2000
    (error,) = out["errors"]
    assert error["code"] == "too_many" and format(limit, ",") in error["message"]


@pytest.mark.parametrize("command", COMMANDS)
def test_too_many_json_values_for_the_profiles_allowed_is_refused_before_parsing(
        command, tmp_path, capsys):
    limit = crs.MAX_POOL if command == "rank" else crs.MAX_BATCH
    f = tmp_path / "in.json"
    f.write_text('[{"x": [' + ",".join(["[]"] * (limit * crs.MAX_NODES_PER_PROFILE)) + "]}]")
    start = time.perf_counter()
    status, out, raw = run_main(capsys, command, f)
    assert time.perf_counter() - start < 5
    assert status == 2 and file_errors(out) == ["too_large"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_over_the_size_limit_is_refused(command, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(crs, "MAX_FILE_BYTES", 1000)
    f = tmp_path / "in.json"
    f.write_text(json.dumps([ONE] * 20))
    status, out, _ = run_main(capsys, command, f)
    assert status == 2 and file_errors(out) == ["too_large"]
    assert "1,000" in out["errors"][0]["message"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_states_the_limits(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    limit = crs.MAX_POOL if command == "rank" else crs.MAX_BATCH
    assert format(limit, ",") in text and "%d MiB" % (crs.MAX_FILE_BYTES >> 20) in text


def test_each_error_is_bounded_whatever_it_echoes():
    long = "k" * 10_000
    doc = {long: 1, "marital_status": long, "education": [long] * 100, "age": long,
           "first_language": {"test": long, long: long}, "as_of": long,
           "spouse": {long: 1}, "eca_date": {long: [long]}}
    for lang in ("en", "fr"):
        for e in crs.score(doc, as_of=ROUND, lang=lang)["errors"]:
            # the message, and the label and text it joins (issue 13), each bounded
            assert len(e["message"].encode()) <= 600, e
            assert len(json.dumps(e, ensure_ascii=False).encode()) <= 1400, e
        (unknown,) = [e for e in crs.score(dict(E1, colour="blue"), lang=lang)["errors"]]
        assert unknown["code"] == "unknown_field" and len(unknown["message"]) <= 250, unknown


def test_the_number_of_errors_of_one_profile_is_bounded():
    doc = dict(E1, **{"field%d" % i: i for i in range(5000)})
    errors = crs.score(doc, as_of=ROUND)["errors"]
    assert len(errors) == crs.MAX_ERRORS
    assert errors[-1]["code"] == "too_many" and "5,000" in errors[-1]["message"]
    assert crs.score(dict(E1, colour=1), as_of=ROUND)["errors"][0]["code"] == "unknown_field"


# --- 11: a lone surrogate anywhere never kills the output ------------------------------------

def test_a_lone_surrogate_gives_that_profile_an_error_and_the_others_their_result(tmp_path):
    bad = [dict(E1, marital_status="\ud800"), dict(E1, **{"\udc80x": 1}),
           dict(E1, as_of="\ud800"), dict(E1, first_language=dict(E1["first_language"],
                                                                  test="\udfff"))]
    for command in COMMANDS:
        if command == "rank":
            pool = [ONE] + [dict(d, id="b%d" % i, submitted_at="2026-01-15T10:31:00Z")
                            for i, d in enumerate(bad)] + [dict(ONE, id="\ud800")]
        else:
            pool = [E1] + bad
        f = tmp_path / "in.json"
        f.write_text(json.dumps(pool))            # ensure_ascii: "\ud800" as a JSON escape
        p = subprocess_run(command, f)
        assert p.returncode == 2 and b"Traceback" not in p.stderr, p.stderr[-2000:]
        out = json.loads(p.stdout.decode("utf-8"))         # strict: valid UTF-8
        if command == "rank":
            assert [x["id"] for x in out["invited"]] == ["a"]
            assert len(out["invalid"]) == len(bad) + 1
            last = out["invalid"][-1]
            assert "id" not in last and [e["code"] for e in last["errors"]] == ["invalid_text"]
        else:
            assert "errors" not in out[0] and all("errors" in o for o in out[1:]), command
