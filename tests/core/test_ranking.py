"""Ranking a pool (crs.ranking): CRS score, then submission time (MI s.8(3)); the CLI."""

import json
import os
import pathlib
import random
import subprocess
import sys

import pytest

import crs
from crs import ranking

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROUND = "2026-08-07"
BASE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
        "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                           "writing": 9},
        "foreign_work_years": 3}


def person(ident, when, **changes):
    return dict(BASE, id=ident, submitted_at=when, **changes)


def total(**changes):
    return crs.score(dict(BASE, **changes), as_of=ROUND)["total"]


def ids(result):
    return [x.get("id") for x in result["invited"]]


def codes(result, index):
    item = next(x for x in result["invalid"] if x["index"] == index)
    return [e["code"] for e in item["errors"]]


# ---------------------------------------------------------------------------------------------
# The rule

def test_score_first_then_earlier_submission():
    pool = [person("late-high", "2026-07-01T00:00:00Z", education="masters"),
            person("b", "2026-01-15T10:31:00Z"),
            person("a", "2026-01-15T10:30:59Z"),
            person("old-low", "2025-09-01T00:00:00Z", age=40)]
    assert total(education="masters") > total() > total(age=40)
    r = ranking.rank(pool, invite=3, as_of=ROUND)
    assert ids(r) == ["late-high", "a", "b"]             # a higher score beats an earlier time
    assert [x["rank"] for x in r["invited"]] == [1, 2, 3]
    assert r["cutoff"] == {"score": total(), "tie_break": "2026-01-15T10:31:00Z",
                           "tie_break_text": "January 15, 2026 at 10:31:00 UTC",
                           "unresolved_tie": False}
    assert r["first_not_invited"]["id"] == "old-low" and r["tied_not_invited"] == 0
    assert r["pool"] == 4 and r["invited_count"] == 3 and r["invalid"] == []
    assert r["as_of"] == ROUND and r["rules"] == "2025-03-25"


def test_equal_scores_are_ordered_by_the_instant_of_submission_across_time_zones():
    pool = [person("utc", "2026-01-15T10:00:00Z"),
            person("toronto", "2026-01-15T04:59:59-05:00"),     # 09:59:59 UTC: first
            person("micro", "2026-01-15T10:00:00.5+00:00"),
            person("delhi", "2026-01-15T15:30:00.000001+05:30")]  # 10:00:00.000001 UTC
    r = ranking.rank(pool, invite=4, as_of=ROUND)
    assert ids(r) == ["toronto", "utc", "delhi", "micro"]
    assert [x["submitted_at"] for x in r["invited"]] == [
        "2026-01-15T09:59:59Z", "2026-01-15T10:00:00Z", "2026-01-15T10:00:00.000001Z",
        "2026-01-15T10:00:00.500000Z"]
    r = ranking.rank(pool, invite=2, as_of=ROUND)
    assert ids(r) == ["toronto", "utc"] and r["cutoff"]["tie_break"] == "2026-01-15T10:00:00Z"
    assert r["tied_not_invited"] == 2 and r["first_not_invited"]["id"] == "delhi"


def test_identical_timestamps_keep_input_order_and_say_the_tie_is_unresolved():
    when = "2026-01-15T10:31:00Z"
    pool = [person("first", when), person("second", when), person("third", when)]
    r = ranking.rank(pool, invite=2, as_of=ROUND)
    assert ids(r) == ["first", "second"]
    assert r["cutoff"]["unresolved_tie"] is True and r["tied_not_invited"] == 1
    assert r["first_not_invited"]["id"] == "third"
    r = ranking.rank(pool, invite=3, as_of=ROUND)
    assert r["cutoff"]["unresolved_tie"] is False and r["first_not_invited"] is None
    # A tie broken by the score, not the time, is resolved even with equal times.
    pool = [person("high", when, education="masters"), person("low", when)]
    r = ranking.rank(pool, invite=1, as_of=ROUND)
    assert ids(r) == ["high"] and r["cutoff"]["unresolved_tie"] is False


def test_scores_are_those_of_crs_score():
    rng = random.Random(7)
    pool = [person("p%d" % i, "2026-0%d-1%dT08:00:00Z" % (rng.randrange(1, 8), rng.randrange(10)),
                   age=rng.randrange(18, 48), foreign_work_years=rng.randrange(0, 4))
            for i in range(40)]
    r = ranking.rank(pool, invite=40, as_of=ROUND)
    for x in r["invited"]:
        doc = {k: v for k, v in pool[x["index"]].items() if k not in ("id", "submitted_at")}
        assert x["score"] == crs.score(doc, as_of=ROUND)["total"]


def test_matches_a_plain_sort_on_random_pools():
    rng = random.Random(20260807)
    for trial in range(20):
        n = rng.randrange(1, 60)
        pool = [person(i, "2026-0%d-01T0%d:00:00Z" % (rng.randrange(1, 4), rng.randrange(3)),
                       age=rng.choice((25, 29, 33)), foreign_work_years=rng.randrange(0, 3))
                for i in range(n)]
        invite = rng.randrange(0, n + 3)
        r = ranking.rank(pool, invite=invite, as_of=ROUND)
        scored = [(-total(age=p["age"], foreign_work_years=p["foreign_work_years"]),
                   p["submitted_at"], i) for i, p in enumerate(pool)]
        expected = [i for _, _, i in sorted(scored)][:invite]
        assert [x["index"] for x in r["invited"]] == expected, trial
        if expected:
            last = pool[expected[-1]]
            assert r["cutoff"]["tie_break"] == last["submitted_at"]
            assert r["cutoff"]["score"] == -min(s for s in scored if s[2] == expected[-1])[0]
        rest = [i for _, _, i in sorted(scored)][invite:]
        assert (r["first_not_invited"] or {}).get("index") == (rest[0] if rest else None)


def test_more_invitations_than_candidates_and_none_at_all():
    pool = [person("a", "2026-01-01T00:00:00Z", education="masters"),
            person("b", "2026-01-02T00:00:00Z")]
    r = ranking.rank(pool, invite=10, as_of=ROUND)
    assert ids(r) == ["a", "b"] and r["cutoff"]["score"] == total()
    assert r["first_not_invited"] is None
    r = ranking.rank(pool, invite=0, as_of=ROUND)
    assert r["invited"] == [] and r["cutoff"] is None
    assert r["first_not_invited"]["id"] == "a"
    r = ranking.rank([], invite=5, as_of=ROUND)
    assert r["invited"] == [] and r["cutoff"] is None and r["pool"] == 0


def test_id_is_optional_and_any_string_or_integer():
    pool = [dict(BASE, submitted_at="2026-01-01T00:00:00Z"),
            dict(BASE, id=7, submitted_at="2026-01-02T00:00:00Z")]
    r = ranking.rank(pool, invite=2, as_of=ROUND)
    assert r["invited"][0] == {"rank": 1, "index": 0, "score": total(),
                               "submitted_at": "2026-01-01T00:00:00Z"}
    assert r["invited"][1]["id"] == 7


def test_caller_profiles_are_not_modified():
    pool = [person("a", "2026-01-01T00:00:00Z")]
    before = json.dumps(pool, sort_keys=True)
    ranking.rank(pool, invite=1, as_of=ROUND)
    assert json.dumps(pool, sort_keys=True) == before


# ---------------------------------------------------------------------------------------------
# Invalid profiles: reported, never raised, never ranked

def test_invalid_profiles_are_reported_with_their_errors():
    pool = [person("ok", "2026-01-01T00:00:00Z"),
            dict(BASE, id="no-time"),
            person("naive", "2026-01-01T10:00:00"),
            person("date-only", "2026-01-01"),
            person("junk-time", "yesterday"),
            person("number-time", 1767225600),
            "not a profile",
            None,
            person("bad-age", "2026-01-01T00:00:00Z", age="x"),
            person("unknown", "2026-01-01T00:00:00Z", colour="blue"),
            person("ok", "2026-01-03T00:00:00Z"),                        # duplicate id
            person(["list"], "2026-01-01T00:00:00Z"),
            person("future", "2026-08-08T00:00:00Z"),
            person("expired", "2025-08-06T23:00:00Z"),
            person("anniversary", "2025-08-07T12:00:00Z"),
            person("two-problems", "nope", age=-1)]
    r = ranking.rank(pool, invite=10, as_of=ROUND)
    assert ids(r) == ["anniversary", "ok"]
    assert r["pool"] == 2 and len(r["invalid"]) == 14
    assert codes(r, 1) == ["submitted_missing"]
    assert codes(r, 2) == codes(r, 3) == codes(r, 4) == codes(r, 5) == ["submitted_invalid"]
    assert codes(r, 6) == codes(r, 7) == ["not_an_object"]
    assert codes(r, 8) == ["wrong_type"]
    assert codes(r, 9) == ["unknown_field"]
    assert codes(r, 10) == ["id_duplicate"]
    assert codes(r, 11) == ["id_invalid"]
    assert codes(r, 12) == ["submitted_after_round"]
    assert codes(r, 13) == ["expired"]                    # MI s.4(1)(b): one year in the pool
    assert set(codes(r, 15)) == {"submitted_invalid", "out_of_range"}
    item = next(x for x in r["invalid"] if x["index"] == 10)
    assert item["id"] == "ok" and "#0" in item["errors"][0]["message"]
    assert "id" not in next(x for x in r["invalid"] if x["index"] == 11)
    assert all(e["message"] for x in r["invalid"] for e in x["errors"])
    json.dumps(r)


def test_messages_in_french():
    r = ranking.rank([dict(BASE, id="x"), person("y", "2025-01-01T00:00:00Z")], invite=1,
                     as_of=ROUND, lang="fr")
    assert "départagent" in r["invalid"][0]["errors"][0]["message"]
    assert "IM, al. 4(1)b)" in r["invalid"][1]["errors"][0]["message"]
    r = ranking.rank([person("a", "2025-10-11T14:55:49Z")], invite=1, as_of=ROUND, lang="fr")
    assert r["cutoff"]["tie_break_text"] == "11 octobre 2025 à 14:55:49 UTC"


def test_wrong_arguments_are_errors_not_exceptions():
    pool = [person("a", "2026-01-01T00:00:00Z")]
    for kwargs, field in (({"invite": -1}, "invite"), ({"invite": True}, "invite"),
                          ({"invite": "3"}, "invite"), ({"invite": 1, "as_of": "soon"}, "as_of"),
                          ({"invite": 1, "rules": "1999-01-01"}, "rules"),
                          ({"invite": 1, "rules": ["2025-03-25"]}, "rules"),
                          ({"invite": 1, "as_of": 20260807}, "as_of")):
        kwargs.setdefault("as_of", ROUND)
        r = ranking.rank(pool, **kwargs)
        assert [e["field"] for e in r["errors"]] == [field], kwargs
    for bad in ("pool", None, 5, {"profiles": "x"}):
        r = ranking.rank(bad, invite=1, as_of=ROUND)
        assert r["errors"][0]["code"] == "profiles_not_list"
    assert ids(ranking.rank({"profiles": pool}, invite=1, as_of=ROUND)) == ["a"]


def test_rules_can_be_forced():
    pool = [person("a", "2026-01-01T00:00:00Z", job_offer="teer_0_1_2_3")]
    r = ranking.rank(pool, invite=1, as_of=ROUND, rules="2020-10-27")
    assert r["rules"] == "2020-10-27" and r["cutoff"]["score"] == total() + 50


def test_forked_workers_give_the_same_answer(monkeypatch):
    monkeypatch.setattr(ranking, "PARALLEL_FROM", 10)
    rng = random.Random(3)
    pool = [person("p%d" % i, "2026-0%d-0%dT00:00:00Z" % (rng.randrange(1, 8), rng.randrange(1, 9)),
                   age=rng.randrange(20, 45)) for i in range(120)]
    pool[5] = person("bad", "x")
    one = ranking.rank(pool, invite=30, as_of=ROUND, workers=1)
    two = ranking.rank(pool, invite=30, as_of=ROUND, workers=2)
    assert one == two and one["invalid"][0]["index"] == 5


# ---------------------------------------------------------------------------------------------
# Command line

def run(*args, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "py"))
    return subprocess.run([sys.executable, "-m", "crs", "rank", *args], input=stdin, cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def test_cli_ranks_a_pool_file(tmp_path):
    pool = [person("a", "2026-01-15T10:31:00Z"), person("b", "2026-01-15T10:30:00Z"),
            person("c", "2026-01-01T00:00:00Z", age=40)]
    f = tmp_path / "pool.json"
    f.write_text(json.dumps(pool))
    p = run(str(f), "--invite", "2", "--date", ROUND)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert ids(out) == ["b", "a"] and out["cutoff"]["tie_break"] == "2026-01-15T10:31:00Z"
    assert out["cutoff"]["score"] == total() and out["invalid"] == []


def test_cli_exit_2_when_any_profile_is_invalid_and_french(tmp_path):
    pool = [person("a", "2026-01-15T10:31:00Z"), dict(BASE, id="b")]
    p = run("-", "--invite", "5", "--date", ROUND, "--lang", "fr", "--compact",
            stdin=json.dumps(pool))
    assert p.returncode == 2
    assert p.stdout.count("\n") == 1
    out = json.loads(p.stdout)
    assert ids(out) == ["a"] and out["invalid"][0]["id"] == "b"
    assert "soumission" in out["invalid"][0]["errors"][0]["message"]


def test_cli_bad_input(tmp_path):
    p = run(str(tmp_path / "missing.json"), "--invite", "1")
    assert p.returncode == 2 and json.loads(p.stdout)["errors"][0]["code"] == "unreadable"
    p = run("-", "--invite", "1", stdin="{not json")
    assert p.returncode == 2 and json.loads(p.stdout)["errors"][0]["code"] == "invalid_json"
    p = run("-", "--invite", "1", stdin='"a string"')
    assert p.returncode == 2 and json.loads(p.stdout)["errors"][0]["code"] == "profiles_not_list"
    p = run("-", "--invite", "-3", stdin="[]")
    assert p.returncode == 2 and json.loads(p.stdout)["errors"][0]["code"] == "invite_invalid"
    p = run("-", stdin="[]")                           # --invite is required
    assert p.returncode == 2 and "--invite" in p.stderr
