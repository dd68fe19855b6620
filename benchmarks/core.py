"""Core speed: one complete validate-and-score call, and batch throughput, in CPython.

    PYTHONPATH=py python benchmarks/core.py [--n 10000] [--repeat 5]

Generates N varied valid profiles (seeded, standard library only), then prints the mean and
median time of one `crs.score(dict)` call (best of --repeat passes) and the throughput of a
batch (profiles per second), plus the JSON-text path used by the page (`crs.score_json`).
Goal (issue 2): under 50 µs per profile on one core of the 2-core CI machine.
"""

import argparse
import json
import pathlib
import platform
import random
import statistics
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "py"))
import crs  # noqa: E402

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


def timed(fn, items, repeat):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
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
    batch = timed(lambda d: crs.score(d, as_of="2026-11-23"), docs, args.repeat)
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


if __name__ == "__main__":
    main()
