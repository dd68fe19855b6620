"""CSV and NDJSON for `python -m crs score --format csv|ndjson` (docs/api.md, "CSV and
NDJSON"): one profile a row or a line in, one result a row or a line out, in input order.
Each row is read, scored and its answer queued before the next is read, and the answers are
written every few rows, so memory stays the same for any number of rows; the JSON path's
whole-file limits (MAX_FILE_BYTES, MAX_BATCH) do not apply. One row or line is bounded as a
document given as text is: MAX_DOCUMENT_BYTES, and a line at most MAX_NODES_PER_PROFILE JSON
objects and arrays (counted before it is parsed, as cli.read_input counts a file's).

The CSV columns are the profile's scalar fields by their dotted paths (`first_language.test`,
`spouse.accompanying`), made from the core's own field lists (crs.profile), so a field the
core reads becomes a column without a list to keep here; only its kind (how a cell's text
becomes the JSON value) is this module's. A cell that does not convert is handed to the core
as the text it is, and the core refuses it in its own words (wrong_type, naming the field and
what it must be), so a CSV row's errors are those of the same profile given as JSON.

Not shipped to the browser (tools/build/compiled.py, CLI_ONLY_FILES).
"""

import csv
import json
import os
import re
import sys
from operator import itemgetter

from . import formats as _formats
from . import messages as _m
from . import score as _score
from .cli import Output, unreadable
from .factors import SECTIONS
from .problems import errors as _errors
from .profile import (EXTRA_FIELDS, LANGUAGE_FIELDS, OFFER_FIELDS, SPOUSE_FIELDS, TOP_FIELDS,
                      evaluation_date)
from .reading import MAX_DOCUMENT_BYTES, MAX_NODES_PER_PROFILE, load_json
from .tables import ABILITIES

NUMBER, BOOLEAN, TEXT = "number", "boolean", "text"

# The kind of each scalar field by its name: a name has the same kind wherever it appears (the
# top level, the spouse, a job offer's details, a language result). Integers are numbers here:
# the core says "a whole number" of 29.5 itself. A field of the core with no kind here stops
# the import (`columns`), so a new field cannot become a column that refuses every value.
KINDS = dict.fromkeys(("age", "canadian_work_years", "foreign_work_years", "family_size",
                       "teer", "settlement_funds") + ABILITIES, NUMBER)
KINDS.update(dict.fromkeys(("certificate_of_qualification", "provincial_nomination",
                            "sibling_in_canada", "canadian_citizen_or_pr", "accompanying",
                            "studied_in_canada", "intends_to_live_in_quebec",
                            "authorized_to_work_in_canada", "relative_in_canada", "full_time",
                            "non_seasonal", "at_least_one_year", "lmia_or_exempt"), BOOLEAN))
KINDS.update(dict.fromkeys(("as_of", "marital_status", "date_of_birth", "education", "eca_date",
                            "canadian_education", "job_offer", "submitted_at", "noc", "test",
                            "test_date"), TEXT))
# Fields holding a language result (LANGUAGE_FIELDS), an object of scalars, or a list: a list
# (work_history, scenarios) has no one cell, so it is no column (a CSV profile has neither).
LANGUAGE_RESULTS = ("first_language", "second_language", "language")
OBJECTS = {"spouse": SPOUSE_FIELDS, "job_offer_details": OFFER_FIELDS}
LISTS = ("work_history", "scenarios")   # (scenarios: a list of objects, not one cell)
ID = "id"                        # an optional column, carried to the answer's row unread


def columns(fields, prefix=""):
    """[(dotted path, kind)] of the scalar fields among `fields` and the objects they hold."""
    out = []
    for name in fields:
        path = prefix + name
        if name in LISTS:
            continue
        if name in LANGUAGE_RESULTS:
            out.extend((path + "." + part, KINDS[part]) for part in LANGUAGE_FIELDS)
        elif name in OBJECTS:
            out.extend(columns(OBJECTS[name], path + "."))
        elif name in KINDS:
            out.append((path, KINDS[name]))
        else:
            raise LookupError("crs.batch: the field %s has no CSV kind (KINDS)" % path)
    return out


COLUMNS = dict(columns(TOP_FIELDS + EXTRA_FIELDS))
# The answer's columns: the optional id, then these.
RESULT_COLUMNS = ("total",) + SECTIONS + ("rules", "as_of", "warnings", "errors")

_IS_NUMBER = re.compile(r"-?[0-9]+((?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)").fullmatch
_BOOLEANS = {"true": True, "false": False}
# Answers are queued and written this many at a time: few writes, and the first answers
# still reach a reader (a pipe) before the input ends.
CHUNK = 128
_BOM = b"\xef\xbb\xbf"


class _Refused(Exception):
    """A row or line over MAX_DOCUMENT_BYTES, read past: `size` bytes."""

    def __init__(self, size):
        Exception.__init__(self, size)
        self.size = size


def _read_past(readline, size):
    """Read the rest of an over-long line, counting it; its size without the line break."""
    while True:
        more = readline(1 << 16)
        size += len(more)
        if not more or more.endswith(b"\n"):
            return size - _ending(more)


def _ending(raw):
    return 2 if raw.endswith(b"\r\n") else 1 if raw.endswith(b"\n") else 0


class _Lines:
    """The lines of a binary stream as text, for csv.reader: a row (its lines, up to its last
    line break) at most `limit` bytes; a longer one raises _Refused once read past, so csv's
    reader drops it and the next row starts on the next line. A line that is not UTF-8 marks
    the row (`bad`) rather than stopping the stream. The driver resets `size` and `bad` before
    each row; `bom` says whether the stream began with a byte order mark, `head` holds the
    row's first line (where a refused row's id is read from)."""

    __slots__ = ("readline", "limit", "size", "bad", "bom", "first", "head")

    def __init__(self, stream, limit):
        self.readline = stream.readline
        self.limit = limit
        self.size = 0
        self.bad = False
        self.bom = False
        self.first = True
        self.head = b""

    def __iter__(self):
        return self

    def __next__(self):
        raw = self.readline(self.limit + 2)
        if not raw:
            raise StopIteration
        if self.first:
            self.first = False
            if raw.startswith(_BOM):
                raw = raw[3:]
                self.bom = True
        if not self.size:
            self.head = raw
        self.size += len(raw)
        if self.size > self.limit:
            size = self.size
            if len(raw) == self.limit + 2 and not raw.endswith(b"\n"):
                size = _read_past(self.readline, size)
            else:
                size -= _ending(raw)
            if size > self.limit:
                self.size = 0
                raise _Refused(size)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.bad = True
            return raw.decode("utf-8", "replace")


def _problem(field, kind, **values):
    return (field, "invalid_csv", {"detail": _m.detail(kind, **values)})


def _too_large(size, field="profile"):
    return (field, "too_large", {"detail": _m.detail("bytes", size=size,
                                                     limit=MAX_DOCUMENT_BYTES)})


def plan(header):
    """(plan, id index or None, problems) of a CSV header: for each cell, (cache, kind, parent
    keys, key) of its column, or None for the id. Unknown and repeated columns are problems of
    the file (no row can be read without knowing what its cells are)."""
    out, problems, seen, id_index = [], [], set(), None
    # The values of a number or boolean column's cells, by their text: a batch repeats the
    # same few ("7", "6.5", "false") in every row. Bounded (CACHED), and one per run.
    caches = {NUMBER: {}, BOOLEAN: {}}
    for i, name in enumerate(cell.strip() for cell in header):
        if name in seen:
            problems.append(_problem("file", "column_twice", column=_m.shown(name)))
        seen.add(name)
        if name == ID:
            id_index = i
            out.append(None)
        elif name in COLUMNS:
            *parents, key = name.split(".")
            kind = COLUMNS[name]
            out.append((caches.get(kind), kind, tuple(parents), key))
        else:
            problems.append(_problem("file", "column_unknown", column=_m.shown(name)))
            out.append(None)
    return out, id_index, problems


CACHED = 4096


def value(kind, cell):
    """A cell's JSON value for its column's kind: None for an empty cell. A number as JSON
    writes it (no "+", no decimal comma), true or false in any case; text as it is. Anything
    else stays text, which the core refuses with its own words (wrong_type)."""
    cell = cell.strip()
    if not cell:
        return None
    if kind is NUMBER:
        found = _IS_NUMBER(cell)
        if found is None:
            return cell
        # int() raises ValueError beyond Python's digit limit (sys.int_info): the caller's
        return float(cell) if found.group(1) else int(cell)
    if kind is BOOLEAN:
        return _BOOLEANS.get(cell.lower(), cell)
    return cell


_MISSING = object()


def document(row, plan):
    """(profile, problems or None) of a CSV row read by `plan`. An empty cell (or one of
    spaces) is an absent field."""
    doc = {}
    problems = None
    for cell, entry in zip(row, plan):
        if not cell or entry is None:
            continue
        cache, kind, parents, key = entry
        if cache is None:
            found = cell.strip() or None     # text (the core reads dates and choices)
        else:
            found = cache.get(cell, _MISSING)
            if found is _MISSING:
                try:
                    found = value(kind, cell)
                except ValueError:
                    problems = (problems or []) + [_problem(".".join(parents + (key,)),
                                                            "digits")]
                    continue
                if len(cache) < CACHED:
                    cache[cell] = found
        if found is None:
            continue                         # a cell of spaces
        if parents:
            target = doc
            for parent in parents:
                inner = target.get(parent)
                if inner is None:
                    inner = target[parent] = {}
                target = inner
            target[key] = found
        else:
            doc[key] = found
    return doc, problems


def errors_text(errors, lang):
    """A row's errors as one cell: one error a line, "field: what is wrong" (a message never
    holds a line break: what it echoes is JSON-escaped)."""
    colon = _formats.colon(lang)
    return "\n".join(e["field"] + colon + e["text"] for e in errors)


def score_csv(stream, out, as_of, rules, lang, failed):
    """Score every row of a CSV stream; write the answers' CSV to `out`. `failed(exc)` gives
    the errors of an OSError while reading. Returns the exit status."""
    lines = _Lines(stream, MAX_DOCUMENT_BYTES)
    reader = csv.reader(lines)
    pending = []
    writer = csv.writer(_Sink(pending))
    writerow = writer.writerow
    header, problems = [], []
    try:
        header = next(reader)
    except StopIteration:
        pass
    except _Refused as exc:
        problems = [_too_large(exc.size, "file")]
    except csv.Error:
        problems = [_problem("file", "csv_syntax")]
    except OSError as exc:
        return _file_errors(out, "csv", failed(exc), lang)
    if lines.bad:
        problems = [_problem("file", "not_utf8")]
    if not problems:
        row_plan, id_index, problems = plan(header)
    if lines.bom:
        out.write("\ufeff")          # a spreadsheet that wrote one reads the answers as UTF-8
    if problems:
        return _file_errors(out, "csv", _errors(problems, lang), lang)
    with_id = id_index is not None
    writerow(((ID,) if with_id else ()) + RESULT_COLUMNS)
    width = len(row_plan)
    blank = ("",) * (len(RESULT_COLUMNS) - 1)
    score, join, sections = _score, " ".join, itemgetter(*SECTIONS)
    ok = True
    while True:
        if len(pending) >= CHUNK:
            out.write("".join(pending))
            out.flush()
            pending.clear()
        lines.size = 0
        lines.bad = False
        ident = ""
        errors = None
        try:
            row = next(reader)
        except StopIteration:
            break
        except _Refused as exc:
            errors = _errors([_too_large(exc.size)], lang)
            if with_id:
                ident = _cell(lines.head, id_index)
        except csv.Error:
            errors = _errors([_problem("profile", "csv_syntax")], lang)
            if with_id:
                ident = _cell(lines.head, id_index)
        except OSError as exc:
            ok = False
            cells = blank + (errors_text(failed(exc), lang),)
            writerow(("",) + cells if with_id else cells)
            break
        else:
            if with_id and id_index < len(row):
                ident = row[id_index]
            if lines.bad:
                errors = _errors([_problem("profile", "not_utf8")], lang)
            elif len(row) > width and any(cell.strip() for cell in row[width:]):
                errors = _errors([_problem("profile", "cells", size=len(row), limit=width)],
                                 lang)
            else:
                doc, problems = document(row, row_plan)
                if problems:
                    errors = _errors(problems, lang)
                elif not doc and not ident.strip():
                    writerow(())             # a blank line in, a blank line out
                    continue
                else:
                    result = score(doc, as_of, rules, lang)
                    errors = result.get("errors")
                    if errors is None:
                        cells = ((result["total"],) + sections(result["sections"])
                                 + (result["rules"], result["as_of"],
                                    join([w["code"] for w in result["warnings"]]), ""))
                        writerow((ident,) + cells if with_id else cells)
                        continue
        ok = False
        cells = blank + (errors_text(errors, lang),)
        writerow((ident,) + cells if with_id else cells)
    out.write("".join(pending))
    out.flush()
    return 0 if ok else 2


def _cell(raw, index):
    """Cell `index` of a row's first line (the id of a row that could not be read), or "". A
    stray line break is what may have stopped the row: a space here."""
    text = raw.decode("utf-8", "replace").rstrip("\r\n").replace("\r", " ").replace("\n", " ")
    row = next(csv.reader([text]), [])
    return row[index] if index < len(row) else ""


class _Sink:
    """What csv.writer writes to: the queue of answers (written by the driver in chunks)."""

    __slots__ = ("write",)

    def __init__(self, pending):
        self.write = pending.append


_LINE = itemgetter("id", "max", "ref")
_POINTS = itemgetter("points")
_FOUR, _INTEGER = {4}, {int}


def answer_encoder():
    """A function writing one answer as compact JSON, exactly as json.dumps would (the same
    keys in the same order; tested byte for byte). A score's 20 lines are two fifths of its
    encoding, mostly keys and texts that are the same in every answer of a rule set (ids,
    maxima, references): their JSON is made once, as a template, and only the points (read
    in C by itemgetter) are filled in per answer. The rest goes through the C encoder; an
    answer of another shape (a line with a "why", errors) goes through it whole. (Templates
    for the other parts were tried: the Python that fills them costs what they save.)"""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                              check_circular=False).encode
    templates = {}

    def lines_json(lines):
        try:
            shape = tuple(map(_LINE, lines))
            points = tuple(map(_POINTS, lines))
        except (KeyError, TypeError):
            return None
        if set(map(len, lines)) != _FOUR or set(map(type, points)) != _INTEGER:
            return None
        template = templates.get(shape)
        if template is None:
            template = "[" + ",".join('{"id":%s,"points":%%d,"max":%s,"ref":%s}' % tuple(
                encode(v).replace("%", "%%") for v in line) for line in shape) + "]"
            if len(templates) < CACHED:
                templates[shape] = template
        return template % points

    def answer(result):
        lines = result.get("lines") if type(result) is dict else None
        written = lines_json(lines) if type(lines) is list else None
        if written is None:
            return encode(result)
        text = encode(dict(result, lines=0))
        # The first '"lines":0' is the key: inside a JSON string its quotes are escaped, and
        # no value before it holds an object with a key "lines".
        at = text.index('"lines":0') + 8
        return text[:at] + written + text[at + 1:]
    return answer


def score_ndjson(stream, out, as_of, rules, lang, failed):
    """Score every line of an NDJSON stream; one compact JSON answer a line to `out`.
    `failed(exc)` gives the errors of an OSError while reading. Returns the exit status."""
    readline = stream.readline
    limit = MAX_DOCUMENT_BYTES
    cap = limit + 2                      # a line of `limit` bytes and its "\r\n"
    encode = answer_encoder()
    score = _score
    pending = []
    append = pending.append
    number = 0
    ok = True
    while True:
        if len(pending) >= CHUNK:
            out.write("\n".join(pending))
            out.write("\n")
            out.flush()
            pending.clear()
        try:
            raw = readline(cap)
            if len(raw) > limit:
                size = (_read_past(readline, len(raw)) if len(raw) == cap
                        and not raw.endswith(b"\n") else len(raw) - _ending(raw))
        except OSError as exc:
            ok = False
            append(encode({"errors": failed(exc)}))
            break
        if not raw:
            break
        number += 1
        if len(raw) > limit and size > limit:
            result = {"errors": _errors([_too_large(size)], lang)}
        elif raw.count(b"{") + raw.count(b"[") > MAX_NODES_PER_PROFILE:
            result = {"errors": _errors([("profile", "too_large", {"detail": _m.detail(
                "nodes", size=raw.count(b"{") + raw.count(b"["), limit=MAX_NODES_PER_PROFILE,
                per=MAX_NODES_PER_PROFILE)})], lang)}
        else:
            doc, errors = load_json(raw, lang, "profile", None, number)
            if errors:
                if not raw.strip():
                    append("")               # a blank line in, a blank line out
                    continue
                # Again without the line break, which would put the end of a cut line on
                # the next line of the position.
                result = {"errors": load_json(raw.rstrip(b"\r\n"), lang, "profile", None,
                                              number)[1]}
            elif type(doc) is str:           # crs.score would read the string as JSON text
                result = {"errors": _errors([("profile", "wrong_type",
                                              {"kind": "object", "got": doc})], lang)}
            else:
                result = score(doc, as_of, rules, lang)
        if "errors" in result:
            ok = False
        append(encode(result))
    if pending:
        out.write("\n".join(pending))
        out.write("\n")
    out.flush()
    return 0 if ok else 2


def run(args, fmt):
    """`score FILE --format csv|ndjson`: the exit status (0 when every row scored, 2 when any
    did not or the input could not be read)."""
    day, problem = evaluation_date(args.date)
    # Read once for the whole stream (today's date too: a run past midnight keeps its day);
    # an invalid --date is left to each row, which says so as the JSON path's profiles do.
    as_of = args.date if problem else day
    out = Output(compact=True)
    failed = lambda exc: unreadable(args.file, exc, args.lang)      # noqa: E731
    drive = score_csv if fmt == "csv" else score_ndjson
    try:
        try:
            stream = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")
        except OSError as exc:
            return _file_errors(out, fmt, failed(exc), args.lang)
        try:
            return drive(stream, out, as_of, args.rules, args.lang, failed)
        finally:
            if args.file != "-":
                stream.close()
    except BrokenPipeError:
        # The reader left (`| head`): stop without a traceback, and without the one Python
        # would print when it flushes standard output at exit.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 2


def _file_errors(out, fmt, errors, lang):
    """The input could not be read at all (a missing file, a CSV header that does not read):
    its errors alone, in the output's format (for CSV, under the answers' header)."""
    if fmt == "csv":
        pending = []
        writer = csv.writer(_Sink(pending))
        writer.writerow(RESULT_COLUMNS)
        writer.writerow(("",) * (len(RESULT_COLUMNS) - 1) + (errors_text(errors, lang),))
        out.write("".join(pending))
    else:
        out.write(json.dumps({"errors": errors}, ensure_ascii=False, separators=(",", ":"))
                  + "\n")
    out.flush()
    return 2
