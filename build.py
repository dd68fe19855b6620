#!/usr/bin/env python3
"""Build, serve and test the static CRS calculator page.

    python build.py                  # npm ci if needed, then assemble dist/
    python build.py serve [--port N] # build, then serve dist/ on http://127.0.0.1:N/
    python build.py test [ARGS...]   # install what is missing, build, run pytest tests [ARGS]

The work is done by the package tools/build, one module a job (its docstring lists them):
this file only reads the command line.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tools.build import assemble, bootstrap, serve  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="?", default="build", choices=("build", "serve", "test"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--no-build", action="store_true", help="serve: use dist/ as it is")
    parser.add_argument("--frame-ancestors", metavar="SOURCES",
                        help="who may frame /embed/ (default: embed-partners.txt, else *)")
    args, rest = parser.parse_known_args(argv)
    if args.frame_ancestors:
        os.environ["CRS_FRAME_ANCESTORS"] = args.frame_ancestors
    if args.command == "test":
        return bootstrap.test(rest)
    if rest:
        parser.error("unrecognized arguments: %s" % " ".join(rest))
    if args.command == "serve":
        if not args.no_build:
            assemble.build()
        serve.serve(args.port)
        return 0
    assemble.build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
