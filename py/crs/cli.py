"""Command line: `python -m crs SUBCOMMAND` (see `python -m crs --help`), the one entry for
every subcommand: score, eligibility, categories, couple, plan, rank, and the maintainer's `rounds
refresh|check|categories`.

Prints result JSON in the format of profile-format.md. A JSON array in gives a JSON array out,
in order, each item a result or its errors; `score --format csv|ndjson` reads and writes CSV
or NDJSON as a stream instead (crs.batch). Exit status: 0 when every profile scored, 2 when
any was invalid (or the input could not be read), 1 never (a crash is a bug).

One reader (`read_input`) and one writer (`Output`) serve every command (score, eligibility,
rank): the same limits, the same error shapes ({"errors": [{"field": "file", ...}]} when the
file itself cannot be read), the same exit codes.

Neither this module nor crs.feed (imported only by `rounds`) is shipped to the browser.
"""

import argparse
import json
import os
import sys

import crs
from . import messages as _m
from .problems import errors as _problem_errors
from . import score
from .parameters import CATEGORIES_FILE as DEFAULT_CATEGORIES
from .rounds import DEFAULT_SNAPSHOT, load_snapshot
from .rules import BY_ID


def limits_help(max_profiles, streams=False):
    """The limits, as every subcommand's --help states them (docs/api.md too); `streams`:
    score's CSV and NDJSON too (crs.batch)."""
    text = ("Input: JSON in UTF-8 (a byte order mark is ignored), at most %d MiB, at most %s "
            "profiles, and at most %d JSON objects and arrays a profile."
            % (crs.MAX_FILE_BYTES >> 20, format(max_profiles, ","), crs.MAX_NODES_PER_PROFILE))
    if streams:
        text += (" CSV or NDJSON (--format), also UTF-8: any number of rows, read and scored "
                 "one at a time, each answered in its place; a row or line at most %s bytes, a "
                 "line at most %d JSON objects and arrays." % (format(crs.MAX_DOCUMENT_BYTES, ","),
                                                              crs.MAX_NODES_PER_PROFILE))
    return text + (" At most %d errors are listed for one profile. Exit status: 0 when every "
                   "profile was read, 2 when any was invalid or the input could not be read."
                   % crs.MAX_ERRORS)


# The format of score's input and output when --format is not given: by the file's extension,
# else JSON (standard input too).
FORMATS = {".csv": "csv", ".ndjson": "ndjson", ".jsonl": "ndjson"}


def input_format(args):
    """csv, ndjson or json: --format, else the file's extension (FORMATS)."""
    if args.format:
        return args.format
    return FORMATS.get(os.path.splitext(args.file)[1].lower(), "json")


def _file_error(code, lang, detail):
    return _problem_errors([("file", code, {"detail": detail})], lang)


def unreadable(path, exc, lang):
    """The errors of an input that cannot be opened or read (an OSError), on field "file"."""
    shown = _m.text(str(path))
    if isinstance(exc, FileNotFoundError):
        detail = _m.detail("no_file", path=shown)
    elif isinstance(exc, IsADirectoryError):
        detail = _m.detail("folder", path=shown)
    elif isinstance(exc, PermissionError):
        detail = _m.detail("denied", path=shown)
    else:
        detail = _m.detail("os", path=shown, reason=_m.text(exc.strerror or type(exc).__name__))
    return _file_error("unreadable", lang, detail)


def read_input(path, lang="en", max_profiles=None):
    """Read a command's input file (or "-" for standard input). Returns (value, errors); the
    errors are on field "file". `max_profiles` bounds the JSON objects and arrays of the file
    (MAX_NODES_PER_PROFILE each) before it is parsed."""
    max_profiles = crs.MAX_BATCH if max_profiles is None else max_profiles
    limit = crs.MAX_FILE_BYTES
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(limit + 1)
    except OSError as exc:
        return None, unreadable(path, exc, lang)
    if len(raw) > limit:
        return None, _file_error("too_large", lang,
                                 _m.detail("bytes", size=len(raw), limit=limit))
    # Brackets inside strings count too: an upper bound, taken in C before any parsing.
    nodes = raw.count(b"{") + raw.count(b"[")
    most = max_profiles * crs.MAX_NODES_PER_PROFILE + 2     # + the array and {"profiles": }
    if nodes > most:
        return None, _file_error("too_large", lang,
                                 _m.detail("nodes", size=nodes, limit=most,
                                           per=crs.MAX_NODES_PER_PROFILE))
    return crs.load_json(raw, lang, field="file", limit=None)


def too_many(count, limit, lang, field="file"):
    """The error of a batch or pool of more profiles than allowed, or None."""
    if count <= limit:
        return None
    return _problem_errors([(field, "too_many",
                         {"detail": _m.detail("profiles", size=count, limit=limit)})], lang)


class Output:
    """JSON to standard output, always as UTF-8 (RFC 8259 §8.1) whatever the terminal's
    encoding. A lone surrogate can only be inside a JSON string, where "backslashreplace"
    writes it as its JSON escape (\\ud800): the validators already refuse or escape them, this
    is the last guard, so that one bad value never costs the output of every other profile."""

    def __init__(self, compact=False):
        self.indent = None if compact else 2
        sys.stdout.flush()
        self._buffer = getattr(sys.stdout, "buffer", None)

    def write(self, text):
        data = text.encode("utf-8", "backslashreplace")
        if self._buffer is not None:
            self._buffer.write(data)
        else:                                   # a text stream without bytes (tests)
            sys.stdout.write(data.decode("utf-8"))

    def dumps(self, value):
        return json.dumps(value, ensure_ascii=False, indent=self.indent)

    def value(self, value):
        """One value, written in pieces (JSONEncoder.iterencode) rather than as one string."""
        encoder = json.JSONEncoder(ensure_ascii=False, indent=self.indent)
        pending, size = [], 0
        for chunk in encoder.iterencode(value):
            pending.append(chunk)
            size += len(chunk)
            if size >= 1 << 16:
                self.write("".join(pending))
                pending, size = [], 0
        self.write("".join(pending) + "\n")
        self.flush()

    def array(self, items):
        """A JSON array written item by item as `items` yields them (formatted as json.dumps
        would format the whole list): memory holds one result at a time, not the batch's."""
        n = 0
        for item in items:
            text = self.dumps(item)
            if self.indent:
                text = text.replace("\n", "\n  ")      # a JSON string never holds a newline
                self.write(("[\n  " if n == 0 else ",\n  ") + text)
            else:
                self.write(("[" if n == 0 else ", ") + text)
            n += 1
        self.write(("\n]" if self.indent else "]") + "\n" if n else "[]\n")
        self.flush()

    def flush(self):
        (self._buffer or sys.stdout).flush()


def run_batch(args, one, max_profiles=None):
    """score and eligibility: read the file, apply `one(doc)` to each profile, write the
    results as they come. Returns the exit status."""
    max_profiles = crs.MAX_BATCH if max_profiles is None else max_profiles
    out = Output(args.compact)
    data, errors = read_input(args.file, args.lang, max_profiles)
    if not errors and isinstance(data, list):
        errors = too_many(len(data), max_profiles, args.lang)
    if errors:
        out.value({"errors": errors})
        return 2
    if not isinstance(data, list):
        result = one(data)
        out.value(result)
        return 2 if "errors" in result else 0
    ok = [True]

    def results():
        for doc in data:
            result = one(doc)
            if "errors" in result:
                ok[0] = False
            yield result
    out.array(results())
    return 0 if ok[0] else 2


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m crs",
        description="Comprehensive Ranking System (Express Entry) calculator.",
        epilog="Subcommands: score, eligibility, categories, couple, plan, rank, rounds (each "
               "has --help).")
    sub = parser.add_subparsers(dest="command", required=True)
    batch = {"score": ("score profiles (a JSON object or an array of them)",
                       "Score profiles (a JSON object or an array of them)."),
             "eligibility": ("program eligibility (FSW, CEC, FST)",
                             "Program eligibility (FSW, CEC, FST)."),
             "categories": ("the round types that can invite the candidate",
                            "Round types in force on the date (general, each program, "
                            "provincial nominees, each category of the category set in force) "
                            "with eligible / not_eligible / unknown and the reasons "
                            "(docs/categories.md)."),
             "couple": ("the couple scored both ways: as filed and with the spouse as "
                        "principal applicant",
                        "The couple scored as filed and with the spouse or partner as principal "
                        "applicant: {\"as_filed\": result, \"swapped\": result, or "
                        "{\"missing\": [fields]}, {\"not_applicable\": code} or "
                        "{\"errors\": [...]}} (docs/profile-format-extensions.md)."),
             "plan": ("the language-test planner: what each retest would add",
                      "For each test the candidate and the spouse took or could take, the raw "
                      "score needed per ability for each CLB/NCLC level that moves points and "
                      "the CRS gain of each step, best first (docs/planner.md).")}
    for name, (short, long) in batch.items():
        p = sub.add_parser(name, help=short, description=long,
                           epilog=limits_help(crs.MAX_BATCH, streams=name == "score"))
        p.add_argument("file", help="a JSON profile or array of profiles, or - for standard input"
                       + ("; or CSV (a profile a row) or NDJSON (a profile a line)"
                          if name == "score" else ""))
        p.add_argument("--date", metavar="YYYY-MM-DD",
                       help="evaluation date, 1900-01-01 to 2100-12-31 (default today; a "
                            "document's own as_of wins, as in crs.%s)" % name)
        if name == "score":
            p.add_argument("--rules", choices=sorted(BY_ID), help="force a rule set by its id")
            p.add_argument("--format", choices=("csv", "ndjson", "json"),
                           help="of the input and the output, the same (default: from the "
                                "file's extension, .csv, .ndjson or .jsonl, else json): CSV "
                                "rows in, CSV rows out (id, total, sections, rules, as_of, "
                                "warnings, errors); NDJSON lines in, one compact JSON result "
                                "a line out (docs/api.md)")
        p.add_argument("--lang", choices=("en", "fr"), default="en", help="language of messages")
        p.add_argument("--compact", action="store_true", help="one line of JSON")
    rank = sub.add_parser(
        "rank", help="rank a pool by score, then submission time (MI s.8(3))",
        description="Rank a pool of profiles by CRS score, then by submission time "
                    "(MI s.8(3)), and invite the first N.",
        epilog=limits_help(crs.MAX_POOL))
    rank.add_argument("pool", help="a JSON array of profiles, each with submitted_at "
                                   "(and optionally id); - for standard input")
    rank.add_argument("--invite", type=int, required=True, metavar="N",
                      help="number of invitations")
    rank.add_argument("--date", metavar="YYYY-MM-DD",
                      help="date of the round, 1900-01-01 to 2100-12-31 (default today): "
                           "every profile is scored on it; a profile's own as_of is not "
                           "used (a warning says so)")
    rank.add_argument("--rules", choices=sorted(BY_ID), help="force a rule set by its id")
    rank.add_argument("--lang", choices=("en", "fr"), default="en", help="language of messages")
    rank.add_argument("--workers", type=int, default=0, metavar="K",
                      help="processes for scoring (default: one per CPU for large pools)")
    rank.add_argument("--compact", action="store_true", help="one line of JSON")
    r = sub.add_parser("rounds", help="maintainers: IRCC's rounds feed -> the page's snapshot",
                       description="Express Entry rounds: feed -> snapshot (crs.feed).")
    actions = r.add_subparsers(dest="action", required=True)
    refresh = actions.add_parser("refresh", help="read IRCC's feed and write the page's snapshot")
    refresh.add_argument("feed", help="ee_rounds_123_en.json, downloaded by the maintainer")
    refresh.add_argument("--out", default=DEFAULT_SNAPSHOT)
    refresh.add_argument("--source-url", help="default: IRCC's feed (crs.feed.SOURCE_URL)")
    refresh.add_argument("--generated", metavar="YYYY-MM-DD", help="default: today (UTC)")
    refresh.add_argument("--supplement", metavar="FILE",
                         help="rounds newer than the feed from secondary sources "
                              "(ee_rounds_supplement.json): stored apart and marked")
    refresh.add_argument("--force", action="store_true",
                         help="write even if the feed is older than the current snapshot")
    check = actions.add_parser("check", help="read a feed and list every problem (JSON)")
    check.add_argument("feed")
    cats = actions.add_parser("categories", help="ee_categories.json -> the shipped category "
                              "sets (py/crs/data/categories.json)")
    cats.add_argument("source", help="shared/data/ee_categories.json")
    cats.add_argument("--out", default=DEFAULT_CATEGORIES)
    cats.add_argument("--generated", metavar="YYYY-MM-DD", help="default: today (UTC)")
    return parser


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _parser().parse_args(argv)
    if args.command == "rounds":
        return rounds(args)
    if args.command == "rank":
        return rank(args)
    if args.command == "eligibility":
        from .eligibility import eligibility
        return run_batch(args, lambda doc: eligibility(doc, as_of=args.date, lang=args.lang))
    if args.command == "categories":
        from .categories import categories
        return run_batch(args, lambda doc: categories(doc, as_of=args.date, lang=args.lang))
    if args.command == "couple":
        from .couple import couple
        return run_batch(args, lambda doc: couple(doc, as_of=args.date, lang=args.lang))
    if args.command == "plan":
        from .planner import plan
        return run_batch(args, lambda doc: plan(doc, as_of=args.date, lang=args.lang))
    fmt = input_format(args)
    if fmt != "json":
        from .batch import run      # CSV and NDJSON streams: loaded by this path only
        return run(args, fmt)
    return run_batch(args, lambda doc: score(doc, as_of=args.date, rules=args.rules,
                                             lang=args.lang))


def rank(args):
    """`rank POOL --invite N`: the round of invitations (crs.ranking)."""
    from .ranking import rank as rank_pool
    data, errors = read_input(args.pool, args.lang, crs.MAX_POOL)
    if errors:
        out = {"errors": errors}
    else:
        workers = args.workers if args.workers > 0 else (os.cpu_count() or 1)
        out = rank_pool(data, args.invite, as_of=args.date, rules=args.rules, lang=args.lang,
                        workers=workers)
    Output(args.compact).value(out)
    return 0 if "errors" not in out and not out["invalid"] else 2


# ---------------------------------------------------------------------------------------------
# The maintainer's rounds commands

def _summarise(report, out):
    counts = {}
    for item in report["notes"]:
        counts[item["code"]] = counts.get(item["code"], 0) + 1
    print("rounds parsed: %d, rejected: %d, notes: %d"
          % (len(report["rounds"]), len(report["rejected"]), len(report["notes"])), file=out)
    for item in report["errors"]:
        print("error: %(code)s: %(message)s" % item, file=out)
    for item in report["rejected"]:
        print("rejected: row %s (#%s) %s: %s" % (item["index"], item["number"], item["code"],
                                                 item["message"]), file=out)
    for code, n in sorted(counts.items()):
        print("note: %s x%d" % (code, n), file=out)


def rounds(args):
    """`rounds refresh FEED` writes the page's snapshot; `rounds check FEED` lists every
    problem of a feed as JSON."""
    from . import feed      # the feed repair: loaded by this command only
    if args.action == "categories":
        with open(args.source, encoding="utf-8") as handle:
            data = feed.build_categories(json.load(handle), args.generated)
        with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(feed.dump_categories(data))
        print("wrote %s (%d sets, %d round names)" % (args.out, len(data["sets"]),
                                                      len(data["round_names"])), file=sys.stderr)
        return 0
    report = feed.read_feed(args.feed)
    if args.action == "check":
        shown = {k: v for k, v in report.items() if k != "rounds"}
        shown["parsed"] = len(report["rounds"])
        print(json.dumps(shown, ensure_ascii=False, indent=1))
        return 0 if not report["errors"] and not report["rejected"] else 2
    _summarise(report, sys.stderr)
    if report["errors"] or not report["rounds"]:
        print("nothing written", file=sys.stderr)
        return 2
    current = load_snapshot(args.out) if os.path.exists(args.out) else None
    official = [r for r in (current or {}).get("rounds", ()) if not r.get("secondary")]
    if official and not args.force:
        if official[0]["date"] > report["rounds"][0]["date"]:
            print("the feed (%s) is older than %s (%s); use --force"
                  % (report["rounds"][0]["date"], args.out, official[0]["date"]),
                  file=sys.stderr)
            return 2
    try:
        supplement = None
        if args.supplement:
            with open(args.supplement, encoding="utf-8") as handle:
                supplement = feed.read_supplement(json.load(handle))
        snapshot = feed.build_snapshot(report, args.source_url or feed.SOURCE_URL,
                                       args.generated, supplement)
    except ValueError as exc:
        print("error: %s" % exc, file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(feed.dump_snapshot(snapshot))
    print("wrote %s (%d rounds, newest #%s on %s)"
          % (args.out, len(report["rounds"]), report["rounds"][0]["number"],
             report["rounds"][0]["date"]), file=sys.stderr)
    return 0
