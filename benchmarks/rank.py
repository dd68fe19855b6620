"""Ranking speed: a pool the size of the real one, ranked as a round of invitations.

    python benchmarks/rank.py [--n 250000] [--invite 5000] [--workers K] [--cli]

Generates N varied valid profiles (seeded, standard library only; IRCC's pool held 229,100
candidates on 2026-08-03), each with a submission time in the year before the round (to the
second, so equal scores with equal times occur), then prints the time to rank them with
`crs.ranking.rank`: in one process (as the page would, in Pyodide) and with K forked worker
processes (as `python -m crs rank` does by default), the share of scoring in that time, the
throughput, and, with --cli, the whole command line from a JSON file.
"""

import argparse
import datetime as dt
import json
import os
import pathlib
import platform
import random
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))
from crs import ranking  # noqa: E402

AS_OF = dt.date(2026, 8, 7)
EDU = ("none", "secondary", "one_year", "two_year", "bachelors", "two_or_more", "masters",
       "doctorate")
AB = ("speaking", "listening", "reading", "writing")


def language(rng, lang):
    kind = rng.randrange(4)
    when = "2025-%02d-%02d" % (rng.randrange(1, 13), rng.randrange(1, 29))
    if lang == "en":
        if kind == 0:
            return {"test": "ielts_gt", **{a: rng.randrange(8, 19) / 2 for a in AB},
                    "test_date": when}
        if kind == 1:
            return {"test": "celpip_g", **{a: rng.randrange(4, 13) for a in AB}}
        if kind == 2:
            return {"test": "pte_core", **{a: rng.randrange(30, 91) for a in AB},
                    "test_date": when}
        return {"test": "clb", **{a: rng.randrange(4, 13) for a in AB}}
    if kind == 0:
        return {"test": "tef_canada", **{a: rng.randrange(300, 700) for a in AB},
                "test_date": when}
    if kind == 1:
        return {"test": "tcf_canada", "speaking": rng.randrange(4, 21),
                "listening": rng.randrange(300, 700), "reading": rng.randrange(300, 700),
                "writing": rng.randrange(4, 21)}
    return {"test": "nclc", **{a: rng.randrange(4, 13) for a in AB}}


def profile(rng, n, start):
    first = rng.choice(("en", "en", "en", "fr"))
    doc = {
        "id": "c%06d" % n,
        "submitted_at": (start + dt.timedelta(seconds=rng.randrange(365 * 86400)))
        .strftime("%Y-%m-%dT%H:%M:%SZ"),
        "marital_status": rng.choice(("never_married", "married", "common_law",
                                      "divorced_or_separated")),
        "age": rng.randrange(18, 50),
        "education": rng.choice(EDU),
        "canadian_education": rng.choice(("none", "one_or_two_year", "three_year_or_more")),
        "first_language": language(rng, first),
        "canadian_work_years": rng.randrange(0, 6),
        "foreign_work_years": rng.randrange(0, 6),
        "certificate_of_qualification": rng.random() < 0.1,
        "job_offer": rng.choice((None, None, None, "teer_0_1_2_3")),
        "provincial_nomination": rng.random() < 0.003,   # ~0.2% of the pool is above 600
        "sibling_in_canada": rng.random() < 0.1,
    }
    if rng.random() < 0.3:
        doc["second_language"] = language(rng, "fr" if first == "en" else "en")
    if doc["marital_status"] in ("married", "common_law"):
        doc["spouse"] = {"canadian_citizen_or_pr": rng.random() < 0.1,
                         "accompanying": rng.random() < 0.8,
                         "education": rng.choice(EDU),
                         "canadian_work_years": rng.randrange(0, 3),
                         "language": language(rng, "en") if rng.random() < 0.5 else None}
    return doc


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def cpu_timed(fn):
    """(wall, CPU of this process, value): CPU time stays honest when the machine is shared."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, value


def load():
    try:
        return "%.2f" % os.getloadavg()[0]
    except (AttributeError, OSError):
        return "n/a"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=250_000)
    ap.add_argument("--invite", type=int, default=5_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=20260807)
    ap.add_argument("--cli", action="store_true", help="also time python -m crs rank on a file")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    start = dt.datetime(2025, 8, 8, tzinfo=dt.timezone.utc)
    gen, pool = timed(lambda: [profile(rng, n, start) for n in range(args.n)])

    load_before = load()
    score_t, score_cpu, scored = cpu_timed(
        lambda: ranking.score_all(pool, AS_OF, None, "en", workers=1))
    order_t, _ = timed(lambda: ranking.order(pool, scored, args.invite, AS_OF))
    serial_t, serial_cpu, serial = cpu_timed(lambda: ranking.rank(pool, args.invite, as_of=AS_OF))
    assert not serial["invalid"], serial["invalid"][:3]
    par_t, par = timed(lambda: ranking.rank(pool, args.invite, as_of=AS_OF,
                                            workers=args.workers))
    assert par == serial, "parallel and serial rankings differ"

    n = args.n
    c = serial["cutoff"]
    print("rank benchmark: Python %s (%s), %d CPUs, seed %d, load average %s before, %s after"
          % (platform.python_version(), platform.machine(), os.cpu_count() or 1, args.seed,
             load_before, load()))
    print("pool %s profiles (generated in %.1f s), %s invitations, round %s"
          % (format(n, ","), gen, format(args.invite, ","), AS_OF))
    print("cutoff %d, tie-break %s, %d tied at the cutoff not invited, unresolved tie: %s"
          % (c["score"], c["tie_break"], serial["tied_not_invited"], c["unresolved_tie"]))
    print("| measure | value |")
    print("|---|---:|")
    print("| scoring only, 1 process | %.2f s wall, %.2f s CPU (%.1f µs CPU/profile) |"
          % (score_t, score_cpu, score_cpu / n * 1e6))
    print("| rank(), 1 process (page path) | %.2f s wall, %.2f s CPU |" % (serial_t, serial_cpu))
    print("| ordering and output only (cutoff, tie-break, invited list) | %.3f s |" % order_t)
    print("| throughput, 1 process | %s profiles/s wall, %s per CPU second |"
          % (format(int(n / serial_t), ","), format(int(n / serial_cpu), ",")))
    print("| rank(), %d workers (CLI default) | %.2f s |" % (args.workers, par_t))
    print("| throughput, %d workers | %s profiles/s |"
          % (args.workers, format(int(n / par_t), ",")))
    del scored

    if args.cli:
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "pool.json"
            path.write_text(json.dumps(pool))
            size = path.stat().st_size
            env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
            cli_t, proc = timed(lambda: subprocess.run(
                [sys.executable, "-m", "crs", "rank", str(path), "--invite", str(args.invite),
                 "--date", AS_OF.isoformat(), "--compact"],
                env=env, capture_output=True, text=True))
            assert proc.returncode == 0, proc.stderr[-2000:]
            assert json.loads(proc.stdout)["cutoff"] == c
        print("| python -m crs rank, %.0f MB file, end to end | %.2f s |" % (size / 1e6, cli_t))


if __name__ == "__main__":
    main()
