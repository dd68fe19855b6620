"""`python -m crs score --format csv|ndjson` (issue 15 §6): one profile a row or a line in,
one answer a row or a line out, in order, nothing lost, bad rows answered by their errors in
place (exit status 2), read and written as a stream.

The scores themselves are the core's (tests/cases); here the answers of the command line are
compared with crs.score of the same profiles called in-process, which checks the format
layer, and the fixtures of tests/batch with the hand-computed totals of their case files."""

import csv
import io
import json
import os
import pathlib
import select
import subprocess
import sys

import pytest

import crs
import crs.cli
from crs import batch
from crs.cli import main
from tests.caseload import load_cases

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "batch"
DAY = "2026-11-23"
E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                         "writing": 9},
      "foreign_work_years": 3}
# The rows of tests/batch/cases.csv and cases.ndjson, in order: each a case file's profile.
FIXTURE_CASES = (
    "p1-single-29-bachelors-2y-foreign", "p2-spouse-33-masters",
    "p3-spouse-not-accompanying-38", "p4-single-41-coq-pnp-job-offer",
    "p5-french-first-27-masters", "official-474", "dob-1996-11-23", "warn-eca-stale-7-years",
    "tef-cutover-2023-12-10-second-language", "eca-spouse-fifth-anniversary-stale",
    "boundary-2017-06-05-sibling-0", "wrong-type-age-string", "wrong-type-boolean-yes",
    "out-of-range-ielts-9-5", "not-applicable-spouse-never-married", "three-errors-at-once")
RESULT_HEADER = ["total", "core", "spouse", "transferability", "additional", "rules", "as_of",
                 "warnings", "errors"]


def run(*args, stdin=b""):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env["PYTHONPATH"] = str(ROOT / "py")
    return subprocess.run([sys.executable, "-m", "crs", "score", *map(str, args)], input=stdin,
                          cwd=ROOT, env=env, capture_output=True, timeout=300)


def csv_rows(data):
    """The answer's rows as dicts (its header first), from UTF-8 bytes."""
    text = data.decode("utf-8")                # strict: the output is valid UTF-8
    return list(csv.DictReader(io.StringIO(text, newline="")))


def flatten(doc, prefix=""):
    """A profile as CSV cells by dotted path (the test's own, not the module's)."""
    for key, value in doc.items():
        if isinstance(value, dict):
            yield from flatten(value, prefix + key + ".")
        elif value is None:
            continue
        elif isinstance(value, bool):
            yield prefix + key, "true" if value else "false"
        else:
            yield prefix + key, str(value)


def write_csv(path, docs, ids=None, header=None, bom=False):
    rows = [dict(flatten(doc)) for doc in docs]
    header = header or sorted({c for row in rows for c in row})
    if ids is not None:
        header = ["id"] + header
        for row, ident in zip(rows, ids):
            row["id"] = ident
    with open(path, "w", newline="", encoding="utf-8-sig" if bom else "utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header])
    return path


def expected_row(result, lang="en"):
    """What the CSV answer holds for crs.score's result."""
    if "errors" in result:
        colon = " : " if lang == "fr" else ": "
        return {**{c: "" for c in RESULT_HEADER[:-1]},
                "errors": "\n".join(e["field"] + colon + e["text"] for e in result["errors"])}
    s = result["sections"]
    return {"total": str(result["total"]), "core": str(s["core"]), "spouse": str(s["spouse"]),
            "transferability": str(s["transferability"]), "additional": str(s["additional"]),
            "rules": result["rules"], "as_of": result["as_of"],
            "warnings": " ".join(w["code"] for w in result["warnings"]), "errors": ""}


def representable(doc):
    """True when a profile is its CSV cells exactly: every field a column (no list, no
    object where a value goes), each value of its column's kind and written as it reads back."""
    if not isinstance(doc, dict):
        return False
    cells = {}
    for path, value in _leaves(doc):
        kind = batch.COLUMNS.get(path)
        if kind is None or isinstance(value, (list, dict)):
            return False
        if kind == batch.NUMBER and (isinstance(value, bool)
                                     or not isinstance(value, (int, float))):
            return False
        if kind == batch.BOOLEAN and not isinstance(value, bool):
            return False
        if kind == batch.TEXT and (not isinstance(value, str) or value != value.strip()
                                   or not value or "\ud800" <= max(value) <= "\udfff"):
            return False
        cells[path] = value
    return bool(cells)


def _leaves(doc, prefix=""):
    for key, value in doc.items():
        if isinstance(value, dict) and value and prefix + key not in batch.COLUMNS:
            yield from _leaves(value, prefix + key + ".")
        elif value is not None and value != {}:
            yield prefix + key, value


def corpus():
    """Every case file's profile that CSV can hold, with its case's day: valid and invalid."""
    docs = []
    for case in load_cases():
        if "rules" in case or "profile" not in case:
            continue
        doc = case["profile"]
        if isinstance(doc, dict) and "as_of" not in doc and case.get("as_of"):
            doc = dict(doc, as_of=case["as_of"])
        if representable(doc):
            docs.append(doc)
    return docs


# --- the fixtures: hand-computed totals of their case files ----------------------------------

def fixture_cases():
    by_id = {c["id"]: c for c in load_cases()}
    return [by_id[i] for i in FIXTURE_CASES]


def case_doc(case):
    doc = dict(case["profile"])
    if "as_of" not in doc and case.get("as_of"):
        doc["as_of"] = case["as_of"]
    return doc


def test_the_csv_fixture_holds_its_case_files_profiles():
    with open(FIXTURES / "cases.csv", newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.reader(handle)]
    header, rows = rows[0], [r for r in rows[1:] if r]
    plan, id_index, problems = batch.plan(header)
    assert problems == [] and id_index == 0
    assert [r[0] for r in rows] == list(FIXTURE_CASES)
    for row, case in zip(rows, fixture_cases()):
        doc, problems = batch.document(row, plan)
        assert problems is None and doc == case_doc(case), case["id"]


def test_the_ndjson_fixture_holds_its_case_files_profiles():
    lines = (FIXTURES / "cases.ndjson").read_text(encoding="utf-8").split("\n")
    docs = [json.loads(line) for i, line in enumerate(lines) if line and i != 12]
    assert docs == [case_doc(c) for c in fixture_cases()]


def test_the_csv_fixture_scores_as_its_case_files_say():
    p = run(FIXTURES / "cases.csv")
    assert p.returncode == 2 and p.stderr == b"", p.stderr
    text = p.stdout.decode("utf-8")
    assert text.split("\r\n")[7] == ""                # the blank line after the sixth row
    rows = csv_rows(p.stdout)
    assert [r["id"] for r in rows if r["id"]] == list(FIXTURE_CASES)
    rows = [r for r in rows if r["id"]]
    for row, case in zip(rows, fixture_cases()):
        expected = case["expected"]
        if "errors" in expected:
            assert row["total"] == "" and row["errors"], case["id"]
            fields = [line.split(": ")[0] for line in row["errors"].split("\n")]
            assert {e["field"] for e in expected["errors"]} <= set(fields), case["id"]
        else:
            assert row["total"] == str(expected["total"]), case["id"]
            assert {s: int(row[s]) for s in expected["sections"]} == expected["sections"]
            assert row["errors"] == "" and row["as_of"] == case["as_of"]
            for code in expected.get("warnings", ()):
                assert code in row["warnings"].split(" "), case["id"]


def test_the_ndjson_fixture_scores_as_its_case_files_say():
    p = run(FIXTURES / "cases.ndjson")
    assert p.returncode == 2 and p.stderr == b""
    lines = p.stdout.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(FIXTURE_CASES) + 2
    assert lines[6] == ""                              # a blank line in, a blank line out
    (broken,) = json.loads(lines[12])["errors"]
    assert broken["code"] == "invalid_json" and "line 13," in broken["message"]
    answers = [json.loads(line) for i, line in enumerate(lines[:-1]) if i not in (6, 12)]
    for answer, case in zip(answers, fixture_cases()):
        expected = case["expected"]
        if "errors" in expected:
            got = {(e["field"], e["code"]) for e in answer["errors"]}
            assert {(e["field"], e["code"]) for e in expected["errors"]} <= got, case["id"]
        else:
            assert answer["total"] == expected["total"], case["id"]
            assert answer["sections"] == expected["sections"], case["id"]


# --- round trips: every case profile CSV can hold, valid or not -------------------------------

def test_csv_round_trip_of_every_case_profile_matches_crs_score(tmp_path):
    docs = corpus()
    assert len(docs) > 300 and sum("errors" in crs.score(d) for d in docs) > 20
    ids = ["r%d" % i for i in range(len(docs))]
    p = run(write_csv(tmp_path / "in.csv", docs, ids))
    assert p.returncode == 2 and p.stderr == b""
    rows = csv_rows(p.stdout)
    assert len(rows) == len(docs) and [r["id"] for r in rows] == ids
    for doc, row in zip(docs, rows):
        assert {k: v for k, v in row.items() if k != "id"} == expected_row(crs.score(doc)), doc


def test_ndjson_round_trip_of_every_case_profile_matches_crs_score(tmp_path):
    docs = [case_doc(case) for case in load_cases() if "rules" not in case]
    f = tmp_path / "in.ndjson"
    f.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    p = run(f)
    assert p.returncode == 2 and p.stderr == b""
    lines = p.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(docs)
    for doc, line in zip(docs, lines):
        # as json.dumps writes it, byte for byte (batch.answer_encoder writes the lines itself)
        assert line == json.dumps(crs.score(doc), ensure_ascii=False, separators=(",", ":"))


def test_csv_and_ndjson_valid_batches_exit_0_with_date_and_rules(tmp_path):
    docs = [E1, dict(E1, job_offer="teer_0_major_group_00"), dict(E1, as_of="2019-01-01")]
    args = ("--date", DAY, "--rules", "2016-11-19")
    p = run(write_csv(tmp_path / "in.csv", docs), *args)
    assert p.returncode == 0, p.stdout
    rows = csv_rows(p.stdout)
    assert list(rows[0]) == RESULT_HEADER                   # no id column in, none out
    assert [r["total"] for r in rows] == [str(crs.score(d, as_of=DAY, rules="2016-11-19")["total"])
                                          for d in docs]
    assert [r["as_of"] for r in rows] == [DAY, DAY, "2019-01-01"]
    f = tmp_path / "in.ndjson"
    f.write_text("\n".join(json.dumps(d) for d in docs))     # no final line break
    p = run(f, *args)
    assert p.returncode == 0
    assert [json.loads(x) for x in p.stdout.decode().splitlines()] == [
        crs.score(d, as_of=DAY, rules="2016-11-19") for d in docs]


# --- bad rows: errors in place, in order, nothing lost -----------------------------------------

HEADER = ("id,marital_status,age,education,first_language.test,first_language.speaking,"
          "first_language.listening,first_language.reading,first_language.writing,"
          "foreign_work_years,sibling_in_canada,as_of")
GOOD = "never_married,29,bachelors,clb,9,9,9,9,3,false," + DAY


def test_bad_csv_rows_are_answered_in_place_and_the_others_scored(tmp_path):
    width = HEADER.count(",") + 1
    rows = [
        b"a," + GOOD.encode(),
        b"b," + GOOD.replace(",29,", ",abc,").replace("false", "yes").encode(),
        b"c," + GOOD.encode() + b",extra",                          # a cell past the header
        b"d," + GOOD.encode() + b",,",                              # empty cells past it: fine
        b"e," + GOOD.replace("never_married", "mari\xe9e").encode("latin-1"),
        b"f," + GOOD.replace(",29,", "," + "9" * 5000 + ",").encode(),
        b'g,"never_married\r\n' + b"x" * (crs.MAX_DOCUMENT_BYTES + 10) + b'",29',  # too large
        b"h," + GOOD.encode(),
        b"i,never_mar\rried,29",                                   # a carriage return, unquoted
        b"j," + GOOD.replace(",29,", ",29.5,").encode(),
        b"k," + GOOD.replace("false", "TRUE").encode(),
        b'l,"never_married",29,"bachelors",clb,"9",9,9,9,3,,' + DAY.encode(),
    ]
    f = tmp_path / "in.csv"
    f.write_bytes(HEADER.encode() + b"\r\n" + b"\r\n".join(rows) + b"\r\n")
    p = run(f)
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    out = csv_rows(p.stdout)
    assert [r["id"] for r in out] == list("abcdefghijkl")
    by = {r["id"]: r for r in out}
    one = crs.score(E1, as_of=DAY)
    for ident in "adhl":
        assert by[ident]["total"] == str(one["total"]) and by[ident]["errors"] == "", ident
    assert by["k"]["total"] == str(crs.score(dict(E1, sibling_in_canada=True), as_of=DAY)["total"])
    assert by["b"]["errors"] == ('age: must be a whole number; got "abc".\n'
                                 'sibling_in_canada: must be true or false; got "yes".')
    assert by["c"]["errors"] == ("profile: cannot be read as CSV of profiles (the row has %d "
                                 "cells, the header %d)." % (width + 1, width))
    assert by["e"]["errors"] == "profile: cannot be read as CSV of profiles (not UTF-8 text)."
    assert by["f"]["errors"] == ("age: cannot be read as CSV of profiles (a number has too "
                                 "many digits).")
    # read past, and its id from its first line
    assert by["g"]["errors"].startswith("profile: the document is too large")
    assert "at most 65,536" in by["g"]["errors"]
    assert "a line break inside a cell that is not in quotes" in by["i"]["errors"]
    assert by["j"]["errors"] == "age: must be a whole number; got 29.5."
    for ident in "bcefgij":
        assert by[ident]["total"] == "" and by[ident]["rules"] == "", ident


def test_bad_ndjson_lines_are_answered_in_place_and_the_others_scored(tmp_path):
    good = json.dumps(dict(E1, as_of=DAY)).encode()
    lines = [good, b"{not json", b"", b"   ", b'"text"', b"[1, 2]",
             json.dumps(dict(E1, age="x")).encode(),
             b'{"a": "' + b"x" * crs.MAX_DOCUMENT_BYTES + b'"}',
             b'{"x": [' + b"[]," * crs.MAX_NODES_PER_PROFILE + b"[]]}",
             b'{"marital_status": "mari\xe9"}', b"\xef\xbb\xbf" + good, good + b"\r"]
    f = tmp_path / "in.ndjson"
    f.write_bytes(b"\n".join(lines) + b"\n")
    p = run(f)
    assert p.returncode == 2 and b"Traceback" not in p.stderr
    out = p.stdout.decode("utf-8").split("\n")
    assert len(out) == len(lines) + 1 and out[-1] == ""
    assert out[2] == "" and out[3] == ""                      # blank lines stay blank
    answers = {i: json.loads(line) for i, line in enumerate(out[:-1]) if line}
    one = crs.score(E1, as_of=DAY)
    assert answers[0] == one and answers[10] == one and answers[11] == one

    def codes(i):
        return [e["code"] for e in answers[i]["errors"]]
    assert codes(1) == ["invalid_json"] and "line 2, column 2" in answers[1]["errors"][0]["text"]
    assert codes(4) == ["wrong_type"] and codes(5) == ["wrong_type"]
    assert answers[6] == crs.score(dict(E1, age="x"), as_of=DAY)
    assert codes(7) == ["too_large"] and "65,536" in answers[7]["errors"][0]["text"]
    assert codes(8) == ["too_large"]
    assert "JSON objects and arrays" in answers[8]["errors"][0]["text"]
    assert codes(9) == ["invalid_json"] and "UTF-8" in answers[9]["errors"][0]["text"]


def test_blank_rows_are_answered_by_blank_lines(tmp_path):
    f = tmp_path / "in.csv"
    f.write_bytes(HEADER.encode() + b"\n\n" + b"a," + GOOD.encode() + b"\n,, ,,\n  \n"
                  + b"b," + GOOD.encode() + b"\n")
    p = run(f)
    assert p.returncode == 0
    lines = p.stdout.decode().split("\r\n")
    assert lines[0].startswith("id,total,") and lines[1] == "" and lines[2].startswith("a,429,")
    assert lines[3:5] == ["", ""] and lines[5].startswith("b,429,") and lines[6:] == [""]


class _Failing:
    """A stream whose reading fails after some lines (a disk error part way)."""

    def __init__(self, lines):
        self.lines = list(lines)

    def readline(self, size=-1):
        if not self.lines:
            raise OSError(5, "Input/output error")
        return self.lines.pop(0)


class _Text:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass


def test_a_read_that_fails_part_way_keeps_the_answers_before_it():
    failed = lambda exc: crs.cli.unreadable("in", exc, "en")          # noqa: E731
    out = _Text()
    line = json.dumps(E1).encode() + b"\n"
    assert batch.score_ndjson(_Failing([line, line]), out, DAY, None, "en", failed) == 2
    answers = [json.loads(x) for x in "".join(out.parts).splitlines()]
    assert [a.get("total") for a in answers] == [429, 429, None]
    assert answers[2]["errors"][0]["code"] == "unreadable"
    out = _Text()
    rows = [HEADER.encode() + b"\n", b"a," + GOOD.encode() + b"\n"]
    assert batch.score_csv(_Failing(rows), out, DAY, None, "en", failed) == 2
    rows = csv_rows("".join(out.parts).encode())
    assert [r["total"] for r in rows] == ["429", ""]
    assert rows[1]["errors"].startswith("file: cannot be read (in: Input/output error)")


# --- the header: the whole file's error ---------------------------------------------------------

@pytest.mark.parametrize("header, column", [
    ("id,marital_status,agee,education", '"agee"'),
    ("marital_status,age,age", '"age"'),
    ("marital_status,spouse.work_history", '"spouse.work_history"'),
    ("marital_status,work_history", '"work_history"'),
    ("marital_status,first_language", '"first_language"'),
])
def test_a_header_problem_is_the_whole_files_error(tmp_path, header, column):
    f = tmp_path / "in.csv"
    f.write_text(header + "\n" + ",".join(["x"] * (header.count(",") + 1)) + "\n")
    for lang, colon in (("en", ": "), ("fr", " : ")):
        p = run(f, "--lang", lang)
        assert p.returncode == 2
        rows = csv_rows(p.stdout)
        assert len(rows) == 1 and list(rows[0]) == RESULT_HEADER
        (error,) = rows[0]["errors"].split("\n")
        assert error.startswith("file" + colon) and column in error
        assert "docs/api.md" in error or "twice" in error or "deux fois" in error


def test_an_empty_input_is_answered_by_the_header_alone(tmp_path):
    f = tmp_path / "in.csv"
    f.write_bytes(b"")
    p = run(f)
    assert p.returncode == 0 and p.stdout.decode() == ",".join(RESULT_HEADER) + "\r\n"
    g = tmp_path / "in.ndjson"
    g.write_bytes(b"")
    p = run(g)
    assert p.returncode == 0 and p.stdout == b""


def test_a_missing_file_is_one_error_in_the_format(tmp_path):
    p = run(tmp_path / "nope.csv")
    assert p.returncode == 2
    (row,) = csv_rows(p.stdout)
    assert row["errors"].startswith("file: cannot be read (") and "nope.csv" in row["errors"]
    p = run(tmp_path / "nope.ndjson")
    assert p.returncode == 2
    (error,) = json.loads(p.stdout)["errors"]
    assert error["code"] == "unreadable" and error["field"] == "file"


# --- BOM, French, standard input, the format ---------------------------------------------------

def test_a_byte_order_mark_is_read_and_given_back(tmp_path):
    docs = [E1, dict(E1, age=45)]
    p = run(write_csv(tmp_path / "in.csv", docs, ["a", "b"], bom=True), "--date", DAY)
    assert p.returncode == 0 and p.stdout.startswith(b"\xef\xbb\xbfid,total,")
    rows = csv_rows(p.stdout[3:])
    assert [r["total"] for r in rows] == [str(crs.score(d, as_of=DAY)["total"]) for d in docs]


def test_french_messages(tmp_path):
    docs = [dict(E1, age=-1), dict(E1, provincial_nomination="oui")]
    p = run(write_csv(tmp_path / "in.csv", docs), "--lang", "fr", "--date", DAY)
    assert p.returncode == 2
    rows = csv_rows(p.stdout)
    assert rows == [expected_row(crs.score(d, as_of=DAY, lang="fr"), "fr") for d in docs]
    assert rows[1]["errors"].startswith("provincial_nomination : doit être true ou false")
    f = tmp_path / "in.ndjson"
    f.write_text("{oops\n")
    p = run(f, "--lang", "fr")
    assert "ligne 1, colonne 2" in json.loads(p.stdout)["errors"][0]["message"]


def test_standard_input_and_the_format_option(tmp_path):
    text = "marital_status,age,education,first_language.test,first_language.speaking," \
           "first_language.listening,first_language.reading,first_language.writing," \
           "foreign_work_years\nnever_married,29,bachelors,clb,9,9,9,9,3\n"
    p = run("-", "--format", "csv", "--date", DAY, stdin=text.encode())
    assert p.returncode == 0 and csv_rows(p.stdout)[0]["total"] == "429"
    p = run("-", "--format", "ndjson", "--date", DAY, stdin=json.dumps(E1).encode() + b"\n")
    assert p.returncode == 0 and json.loads(p.stdout)["total"] == 429
    # Without --format: by the file's extension (.jsonl too); standard input is JSON.
    f = tmp_path / "in.JSONL"
    f.write_text(json.dumps(E1) + "\n" + json.dumps(E1) + "\n")
    p = run(f, "--date", DAY)
    assert [json.loads(x)["total"] for x in p.stdout.decode().splitlines()] == [429, 429]
    p = run(f, "--date", DAY, "--format", "json")           # the option wins: not one JSON
    assert p.returncode == 2 and json.loads(p.stdout)["errors"][0]["code"] == "invalid_json"
    p = run("-", "--date", DAY, stdin=json.dumps(E1).encode())
    assert p.returncode == 0 and json.loads(p.stdout)["total"] == 429


def test_an_invalid_date_is_every_rows_error(tmp_path):
    p = run(write_csv(tmp_path / "in.csv", [E1, E1]), "--date", "2026-13-01")
    assert p.returncode == 2
    rows = csv_rows(p.stdout)
    assert len(rows) == 2 and all(r["errors"].startswith("as_of: ") for r in rows)


def test_in_process_main_writes_to_a_text_stream(tmp_path, capsys, monkeypatch):
    """crs.cli.main called in-process (no bytes buffer behind sys.stdout) gives the same."""
    f = write_csv(tmp_path / "in.csv", [E1], ["x"])
    assert main(["score", str(f), "--date", DAY]) == 0
    assert csv_rows(capsys.readouterr().out.encode())[0]["total"] == "429"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(E1).encode())))
    assert main(["score", "-", "--format", "ndjson", "--date", DAY]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 429


# --- streaming -------------------------------------------------------------------------------

def popen(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
    return subprocess.Popen([sys.executable, "-m", "crs", "score", *args], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_answers_come_out_before_the_input_ends(fmt):
    """The first answers are written while the input is still open: read in turn, not whole."""
    proc = popen("-", "--format", fmt, "--date", DAY)
    try:
        if fmt == "csv":
            head = HEADER.encode() + b"\n"
            row = b"a," + GOOD.encode() + b"\n"
        else:
            head, row = b"", json.dumps(E1).encode() + b"\n"
        proc.stdin.write(head + row * (batch.CHUNK * 3))
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "no answer before the input ended"
        first = os.read(proc.stdout.fileno(), 1 << 16)
        assert b"429" in first
    finally:
        proc.stdin.close()
        proc.stdout.read()
        proc.wait(timeout=120)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == 0


def test_memory_stays_the_same_for_many_rows(tmp_path):
    """The peak memory of a run over 30,000 NDJSON lines (6.5 MB in, 70 MB of answers out) is
    within 2 MiB of a run over 300 (they were equal when measured): neither the input nor the
    answers are held."""
    line = json.dumps(dict(E1, as_of=DAY)) + "\n"
    peaks = []
    for n in (300, 30_000):
        f = tmp_path / ("in%d.ndjson" % n)
        f.write_text(line * n)
        code = ("import resource, subprocess, sys; p = subprocess.run([sys.executable, '-m', "
                "'crs', 'score', %r], stdout=subprocess.DEVNULL); "
                "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
                % str(f))
        env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
        status, peak = out.stdout.split()
        assert status == "0", out.stderr
        peaks.append(int(peak))                           # KiB
    assert (f.stat().st_size >> 10) > 3 * 2048 and peaks[1] - peaks[0] < 2048, peaks


def test_a_reader_that_leaves_stops_the_run_without_a_traceback(tmp_path):
    f = tmp_path / "in.ndjson"
    f.write_text((json.dumps(E1) + "\n") * 20_000)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
    p = subprocess.run("%s -m crs score %s | head -c 100 >/dev/null" % (sys.executable, f),
                       shell=True, cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert b"Traceback" not in p.stderr and b"BrokenPipe" not in p.stderr, p.stderr


# --- the columns: the core's fields, the core's kinds, all documented ---------------------------

def test_every_scalar_field_of_the_core_is_a_column_of_its_kind():
    married = dict(E1, marital_status="married",
                   spouse={"canadian_citizen_or_pr": False, "accompanying": True})
    samples = {batch.NUMBER: 1, batch.BOOLEAN: True, batch.TEXT: "x"}
    for column, kind in batch.COLUMNS.items():
        doc = json.loads(json.dumps(married))
        *parents, key = column.split(".")
        target = doc
        for parent in parents:
            target = target.setdefault(parent, {"test": "clb"} if "language" in parent else {})
        target[key] = samples[kind]
        errors = crs.score(doc, as_of=DAY).get("errors", [])
        assert not [e for e in errors if e["field"] == column and e["code"] == "wrong_type"], \
            (column, kind, errors)
        # and the text of another kind is refused by the core with its words
        if kind != batch.TEXT:
            target[key] = "x"
            errors = crs.score(doc, as_of=DAY)["errors"]
            assert any(e["field"] == column and e["code"] == "wrong_type" for e in errors), column


def test_columns_come_from_the_cores_field_lists():
    from crs import profile
    assert "first_language.speaking" in batch.COLUMNS and "spouse.language.test" in batch.COLUMNS
    assert not any(c.startswith("work_history") for c in batch.COLUMNS)
    assert len(batch.COLUMNS) == len(set(batch.COLUMNS))
    # The spouse's principal-applicant fields (docs/profile-format-extensions.md) become columns
    # of their kinds once the core reads them, work_history excepted.
    more = ("age", "date_of_birth", "canadian_education", "second_language",
            "foreign_work_years", "certificate_of_qualification", "work_history",
            "provincial_nomination")
    saved = batch.OBJECTS["spouse"]
    try:
        batch.OBJECTS["spouse"] = profile.SPOUSE_FIELDS + more
        got = dict(batch.columns(profile.TOP_FIELDS))
    finally:
        batch.OBJECTS["spouse"] = saved
    assert got["spouse.age"] == batch.NUMBER and got["spouse.date_of_birth"] == batch.TEXT
    assert got["spouse.second_language.listening"] == batch.NUMBER
    assert got["spouse.certificate_of_qualification"] == batch.BOOLEAN
    assert not any(c.startswith("spouse.work_history") for c in got)
    with pytest.raises(LookupError):
        batch.columns(("a_field_with_no_kind",))


def test_every_column_is_documented_and_help_states_the_limits(capsys):
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for column in list(batch.COLUMNS) + ["id"] + RESULT_HEADER:
        assert "`%s`" % column in api, column
    with pytest.raises(SystemExit):
        main(["score", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "any number of rows" in text and format(crs.MAX_DOCUMENT_BYTES, ",") in text
    assert "csv" in text and "ndjson" in text and ".jsonl" in text
