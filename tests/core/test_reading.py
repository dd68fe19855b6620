"""One reading: the document is read once, and every tool takes the Reading."""

import json

import crs
from crs import eligibility, reading, timeline, whatif

DOC = {"marital_status": "never_married", "date_of_birth": "1996-12-01",
       "education": "bachelors", "eca_date": "2022-03-01",
       "first_language": {"test": "ielts_gt", "speaking": 7, "listening": 8, "reading": 7,
                          "writing": 6.5, "test_date": "2025-05-01"},
       "foreign_work_years": 3, "canadian_work_years": 1,
       "submitted_at": "2026-06-01T10:00:00Z"}


def test_evaluate_reads_the_text_once_and_gives_what_each_tool_gives(monkeypatch):
    """The text is parsed once, and the document validated once for its day: what-ifs read
    only their changed documents, the timeline only its other days."""
    texts, same = [], []
    real_load, real_parse = reading.load_json, reading._parse
    monkeypatch.setattr(reading, "load_json",
                        lambda text, lang: texts.append(text) or real_load(text, lang))

    def parse(doc, day):
        if doc == DOC and day.isoformat() == "2026-11-23":
            same.append(doc)
        return real_parse(doc, day)
    monkeypatch.setattr(reading, "_parse", parse)
    out = crs.evaluate(json.dumps(DOC), as_of="2026-11-23", lang="fr")
    assert len(texts) == 1 and len(same) == 1
    assert set(out) == {"score", "eligibility", "what_ifs", "timeline"}
    assert out["score"] == crs.score(DOC, as_of="2026-11-23", lang="fr")
    assert out["eligibility"] == eligibility.eligibility(DOC, as_of="2026-11-23", lang="fr")
    assert out["what_ifs"] == whatif.what_ifs(DOC, as_of="2026-11-23", lang="fr")
    assert out["timeline"] == timeline.timeline(DOC, as_of="2026-11-23", lang="fr")


def test_a_reading_is_taken_as_it_is_by_every_tool():
    r, errors = crs.read(DOC, as_of="2026-11-23", lang="fr")
    assert errors is None and r.day.isoformat() == "2026-11-23" and r.rule_set.id == "2025-03-25"
    assert crs.score(r) is r.score()            # computed once
    assert eligibility.eligibility(r)["as_of"] == "2026-11-23"
    assert whatif.what_ifs(r)["total"] == r.score()["total"]
    (now,) = [e for e in timeline.timeline(r)["events"] if e["kind"] == "as_of"]
    assert now["total"] == r.score()["total"]


def test_errors_of_document_day_and_rules_come_together():
    out = crs.evaluate(dict(DOC, age=30), as_of="2026-02-30", rules="2031-01-01")
    assert {(e["field"], e["code"]) for e in out["errors"]} == {
        ("as_of", "invalid_date"), ("rules", "not_allowed"), ("date_of_birth", "conflict")}


def test_a_day_before_express_entry_reads_for_eligibility_but_has_no_score():
    r, errors = crs.read(DOC, as_of="2014-06-01")
    assert errors is None and r.rule_set is None
    assert r.score()["errors"][0]["field"] == "as_of"
    assert "programs" in eligibility.eligibility(r)
