"""Command line: `python -m crs score FILE` (see `python -m crs --help`).

Prints result JSON in the format of profile-format.md. A JSON array in gives a JSON array out,
in order, each item a result or its errors. Exit status: 0 when every profile scored, 2 when
any was invalid (or the input could not be read), 1 never (a crash is a bug).
"""

import argparse
import json
import sys

from . import score
from .rules import BY_ID

# A batch file may be large: the per-document limit applies to each profile, not to the file.
MAX_FILE_BYTES = 512 * 1024 * 1024


def _read(path):
    if path == "-":
        return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m crs",
        description="Comprehensive Ranking System (Express Entry) calculator.")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("score", help="score profiles (a JSON object or an array of them)")
    s.add_argument("file", help="a JSON file, or - for standard input")
    s.add_argument("--date", metavar="YYYY-MM-DD",
                   help="evaluation date (default today; a document's own as_of wins)")
    s.add_argument("--rules", choices=sorted(BY_ID), help="force a rule set by its id")
    s.add_argument("--lang", choices=("en", "fr"), default="en", help="language of messages")
    s.add_argument("--compact", action="store_true", help="one line of JSON")
    return parser


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    # Subcommands that live in their own modules parse their own arguments.
    if argv and argv[0] == "rank":
        from .ranking import main as rank
        return rank(argv[1:])
    if argv and argv[0] == "eligibility":
        from .eligibility import main as eligibility
        return eligibility(argv[1:])
    args = _parser().parse_args(argv)
    try:
        raw = _read(args.file)
    except OSError as exc:
        print(json.dumps({"errors": [{"field": "file", "code": "unreadable",
                                      "message": str(exc)}]}), file=sys.stdout)
        return 2
    if len(raw) > MAX_FILE_BYTES:
        data, errors = None, [{"field": "file", "code": "too_large",
                               "message": "more than %d bytes" % MAX_FILE_BYTES}]
    else:
        # load_json keeps the page's limits for one document; a batch file may be larger,
        # and each profile in it is still checked by score().
        data, errors = _load_big(raw)
    if errors:
        out, ok = {"errors": errors}, False
    elif isinstance(data, list):
        out = [score(doc, as_of=args.date, rules=args.rules, lang=args.lang) for doc in data]
        ok = all("errors" not in item for item in out)
    else:
        out = score(data, as_of=args.date, rules=args.rules, lang=args.lang)
        ok = "errors" not in out
    indent = None if args.compact else 2
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=indent) + "\n")
    return 0 if ok else 2


def _load_big(raw):
    try:
        return json.loads(raw), []
    except (ValueError, RecursionError) as exc:
        return None, [{"field": "profile", "code": "invalid_json", "message": str(exc)}]
