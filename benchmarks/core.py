"""Core speed: one complete validate-and-score call, and batch throughput, in CPython; and the
command line's time per profile over CSV and NDJSON files, in the same run.

    PYTHONPATH=py python benchmarks/core.py [--n 10000] [--repeat 5] [--cli-rows 8000,1000000]

Generates N varied valid profiles (seeded, standard library only), then prints the mean and
median time of one `crs.score(dict)` call (best of --repeat passes) and the throughput of a
batch (profiles per second), plus the JSON-text path used by the page (`crs.score_json`).
Goal (issue 2): under 50 µs per profile on one core of the 2-core CI machine.

Then (issue 15 §6) for each size of --cli-rows (default 8000; 0 skips it): the same profiles,
repeated in order up to that many rows, written as a CSV and an NDJSON file in a temporary
folder, each scored by `python -m crs score FILE --date ...` in a child process (its answers
to /dev/null), timed from start to exit (start-up included; the best of --cli-repeat runs,
default 3, up to 100,000 rows, as the in-process figure is the best of its passes; one run
above), and the JSON array path
(`score FILE.json`, indented, the default) when the rows fit MAX_BATCH. Each figure is wall
time and the child's CPU time (user + system) per profile, and its ratio to the in-process
validate-and-score call of the same run (its mean, wall and CPU). Goal: at most 2x for CSV and
NDJSON. A million rows take a few minutes and ~0.8 GB of temporary files.
"""

import argparse
import csv
import json
import os
import pathlib
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))
import crs  # noqa: E402
from crs import batch  # noqa: E402

EDU = ("none", "secondary", "one_year", "two_year", "bachelors", "two_or_more", "masters",
       "doctorate")
AB = ("speaking", "listening", "reading", "writing")


def result(rng, language):
    kind = rng.randrange(4)
    if language == "en":
        if kind == 0:
            return {"test": "ielts_gt", **{a: rng.randrange(8, 19) / 2 for a in AB},
                    "test_date": "2025-%02d-10" % rng.randrange(1, 13)}
        if kind == 1:
            return {"test": "celpip_g", **{a: rng.randrange(4, 13) for a in AB}}
        if kind == 2:
            return {"test": "pte_core", **{a: rng.randrange(30, 91) for a in AB}}
        return {"test": "clb", **{a: rng.randrange(4, 13) for a in AB}}
    if kind == 0:
        return {"test": "tef_canada", **{a: rng.randrange(300, 700) for a in AB},
                "test_date": "2025-03-01"}
    if kind == 1:
        return {"test": "tcf_canada", "speaking": rng.randrange(4, 21),
                "listening": rng.randrange(300, 700), "reading": rng.randrange(300, 700),
                "writing": rng.randrange(4, 21)}
    return {"test": "nclc", **{a: rng.randrange(4, 13) for a in AB}}


def profile(rng):
    first = rng.choice(("en", "en", "en", "fr"))
    doc = {
        "marital_status": rng.choice(("never_married", "married", "common_law", "divorced_or_separated")),
        "age": rng.randrange(18, 50),
        "education": rng.choice(EDU),
        "canadian_education": rng.choice(("none", "one_or_two_year", "three_year_or_more")),
        "first_language": result(rng, first),
        "second_language": result(rng, "fr" if first == "en" else "en") if rng.random() < 0.3 else None,
        "canadian_work_years": rng.randrange(0, 6),
        "foreign_work_years": rng.randrange(0, 6),
        "certificate_of_qualification": rng.random() < 0.1,
        "job_offer": rng.choice((None, None, None, "teer_0_1_2_3")),
        "provincial_nomination": rng.random() < 0.05,
        "sibling_in_canada": rng.random() < 0.1,
    }
    if doc["marital_status"] in ("married", "common_law"):
        doc["spouse"] = {"canadian_citizen_or_pr": rng.random() < 0.1,
                         "accompanying": rng.random() < 0.8,
                         "education": rng.choice(EDU),
                         "canadian_work_years": rng.randrange(0, 3),
                         "language": result(rng, "en") if rng.random() < 0.5 else None}
    return doc


def timed(fn, items, repeat, cpu=None):
    """The best wall time of `repeat` passes; with `cpu` (a list), the CPU time of that pass is
    appended to it."""
    best = best_cpu = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for item in items:
            fn(item)
        elapsed = time.perf_counter() - start
        if best is None or elapsed < best:
            best, best_cpu = elapsed, time.process_time() - start_cpu
    if cpu is not None:
        cpu.append(best_cpu)
    return best


def cells(doc, prefix=""):
    """A profile as CSV cells by dotted path."""
    for key, value in doc.items():
        if isinstance(value, dict):
            yield from cells(value, prefix + key + ".")
        elif isinstance(value, bool):
            yield prefix + key, "true" if value else "false"
        elif value is not None:
            yield prefix + key, str(value)


def write_files(folder, docs, rows):
    """`rows` profiles (docs repeated in order) as in.csv (with an id column), in.ndjson and,
    when they fit one JSON file, in.json. Returns the paths."""
    columns = ["id"] + list(batch.COLUMNS)
    paths = {"csv": folder / "in.csv", "ndjson": folder / "in.ndjson"}
    flat = [dict(cells(d)) for d in docs]
    lines = [json.dumps(d, separators=(",", ":")) + "\n" for d in docs]
    with open(paths["csv"], "w", newline="", encoding="utf-8") as c, \
            open(paths["ndjson"], "w", encoding="utf-8") as n:
        writer = csv.writer(c)
        writer.writerow(columns)
        for i in range(rows):
            row = flat[i % len(docs)]
            writer.writerow(["p%d" % i] + [row.get(col, "") for col in columns[1:]])
            n.write(lines[i % len(docs)])
    if rows <= crs.MAX_BATCH:
        paths["json"] = folder / "in.json"
        paths["json"].write_text(json.dumps([docs[i % len(docs)] for i in range(rows)]))
    return paths


def run_cli(path, day):
    """(wall seconds, child CPU seconds) of `python -m crs score PATH --date DAY`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code = subprocess.run([sys.executable, "-m", "crs", "score", str(path), "--date", day],
                          stdout=subprocess.DEVNULL, env=env, cwd=ROOT).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert code == 0, "%s: exit status %d" % (path, code)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cli-rows", default="8000", metavar="N,N...",
                    help="sizes of the command line's CSV and NDJSON runs (0: none)")
    ap.add_argument("--cli-repeat", type=int, default=3,
                    help="runs of each command line measure up to 100,000 rows (the best)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.cli_rows.split(",") if int(x) > 0]
    rng = random.Random(20261123)
    docs = [profile(rng) for _ in range(args.n)]
    texts = [json.dumps(d) for d in docs]
    bad = sum("errors" in crs.score(d, as_of="2026-11-23") for d in docs)
    assert bad == 0, "%d generated profiles did not validate" % bad

    # Per call: time each call individually for the median, and the batch for the mean.
    samples = []
    for d in docs[:2000]:
        t = time.perf_counter()
        crs.score(d, as_of="2026-11-23")
        samples.append(time.perf_counter() - t)
    cpu = []
    batch = timed(lambda d: crs.score(d, as_of="2026-11-23"), docs, args.repeat, cpu)
    batch_json = timed(lambda t: crs.score_json(t, as_of="2026-11-23"), texts, args.repeat)

    print("core benchmark: Python %s (%s), %d profiles, best of %d passes"
          % (platform.python_version(), platform.machine(), args.n, args.repeat))
    print("| measure | value |")
    print("|---|---:|")
    print("| mean time per validate-and-score call (dict in) | %.1f µs |" % (batch / args.n * 1e6))
    print("| median time per call (dict in, first 2,000 timed singly) | %.1f µs |"
          % (statistics.median(samples) * 1e6))
    print("| batch throughput (dict in) | %s profiles/s |" % format(int(args.n / batch), ","))
    print("| mean time per call, JSON text in and out (page path) | %.1f µs |"
          % (batch_json / args.n * 1e6))
    print("| batch throughput, JSON in and out | %s profiles/s |"
          % format(int(args.n / batch_json), ","))
    if not sizes:
        return
    core_wall, core_cpu = batch / args.n * 1e6, cpu[0] / args.n * 1e6
    print()
    print("command line, `python -m crs score FILE` (start-up included; best of %d runs up to "
          "100,000 rows, one above), against the in-process call above: %.1f µs wall, %.1f µs "
          "CPU" % (args.cli_repeat, core_wall, core_cpu))
    print("| rows | format | file | µs/profile wall | x in-process | µs/profile CPU "
          "| x in-process |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for rows in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            paths = write_files(pathlib.Path(tmp), docs, rows)
            for fmt, path in paths.items():
                runs = [run_cli(path, "2026-11-23")
                        for _ in range(args.cli_repeat if rows <= 100_000 else 1)]
                wall = min(r[0] for r in runs) / rows * 1e6
                child = min(r[1] for r in runs) / rows * 1e6
                print("| %s | %s | %.0f MB | %.1f | %.2f | %.1f | %.2f |"
                      % (format(rows, ","), fmt + (" (indented)" if fmt == "json" else ""),
                         path.stat().st_size / 1e6, wall, wall / core_wall, child,
                         child / core_cpu))


if __name__ == "__main__":
    main()
