"""Faults found by an outside attack (at 0d9975e), each pinned by a test that failed before
its fix. Broad never-raise properties over every entry point are in test_properties.py."""

import datetime
import json

import pytest

import crs
from crs import eligibility, ranking, timeline, whatif

ROUND = "2026-08-07"
BASE = {"marital_status": "never_married", "age": 29, "education": "bachelors",
        "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                           "writing": 9},
        "foreign_work_years": 3}
HUGE = 10 ** 309           # one more digit than a float can hold: score / step overflowed


def entry_points(doc, as_of=ROUND):
    """Every public function that reads a profile, with its result."""
    yield "score", crs.score(doc, as_of=as_of)
    yield "score_json", json.loads(crs.score_json(json.dumps(doc), as_of=as_of))
    yield "validate", {"errors": crs.validate(doc, as_of=as_of)}
    yield "eligibility", eligibility.eligibility(doc, as_of=as_of)
    yield "timeline", timeline.timeline(doc, as_of=as_of)
    yield "what_ifs", whatif.what_ifs(doc, as_of=as_of)
    pool = [dict(doc, id="x", submitted_at="2026-01-15T10:31:00Z")]
    r = ranking.rank(pool, invite=1, as_of=as_of)
    yield "rank", r if "errors" in r else {"errors": [e for x in r["invalid"]
                                                       for e in x["errors"]]}


# --- 10: a number too large for a float ------------------------------------------------------

@pytest.mark.parametrize("path,value", [
    (("first_language", "speaking"), HUGE), (("first_language", "listening"), -HUGE),
    (("first_language", "reading"), 10 ** 1000), (("first_language", "writing"), float("inf")),
    (("age",), HUGE), (("canadian_work_years",), -HUGE), (("foreign_work_years",), 1e308),
    (("settlement_funds",), HUGE), (("family_size",), -HUGE),
    (("work_history",), [{"where": "canada", "teer": HUGE, "start": "2020-01-01",
                          "hours_per_week": HUGE}])],
    ids=lambda v: v[0] if isinstance(v, tuple) else type(v).__name__)
def test_a_huge_number_is_out_of_range_everywhere(path, value):
    doc = json.loads(json.dumps(BASE))
    holder = doc
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    for name, result in entry_points(doc):
        assert result.get("errors"), name
        fields = [e["field"] for e in result["errors"]]
        assert any(f.startswith(".".join(path)) for f in fields), (name, fields)
