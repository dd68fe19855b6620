"""Every rule a dated parameter, one lookup: a new set of Instructions is one data entry."""

import datetime as dt

import pytest

import crs
from crs import factors, parameters, rules

E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                         "writing": 9},
      "foreign_work_years": 3, "canadian_work_years": 2}

# A fictitious amendment, as data in this test alone: it changes a core table (age: 29-year-olds
# get 120 without a spouse) and the French points, and adds a line of additional points for
# Canadian work experience (10 a year, at most 30).
FICTION = {
    "id": "2027-01-01", "in_force": "2027-01-01",
    "instrument": "Fictitious Ministerial Instructions (test only)",
    "source": "tests/core/test_parameters.py",
    "changes": {
        "core.age": {**parameters.ORIGINAL["core.age"], 29: (110, 120)},
        "additional.french": 30,
    },
    "lines": ({"id": "additional.canadian_work", "section": "additional", "ref": "MI s.33",
               "formula": "points_by", "attribute": "canadian_work_years",
               "table": (0, 10, 20, 30)},),
    "unconfirmed": ({"code": "in_force_2020", "lines": ("additional.canadian_work",)},),
}


def fictional():
    return rules.RuleSets(rules.AMENDMENTS + (FICTION,))


def test_a_fictitious_rule_set_changes_a_core_table_and_adds_a_line():
    sets = fictional()
    assert [s.id for s in sets.all][-2:] == ["2025-03-25", "2027-01-01"]
    before = crs.score(E1, as_of="2026-12-31", rules=sets.in_force_on(dt.date(2026, 12, 31)))
    after = crs.score(E1, as_of="2027-01-01", rules=sets.in_force_on(dt.date(2027, 1, 1)))
    # E1 with 2 years in Canada, by hand (crs-rules.md §1): A 110 + 120 + 4x31 + 0 + 53 = 407;
    # C: edu x lang 25 + edu x Cdn (tier 1 x tier 2) 25 = 50 (cap 50); foreign x lang 50 +
    # foreign x Cdn (tier 2 x tier 2) 50 = 100 -> 50; C = 100. Total 507.
    assert before["total"] == 507 and before["rules"] == "2025-03-25"
    # Under the fiction: age 120 (+10), the new line 2 years -> 20; total 537.
    assert after["rules"] == "2027-01-01"
    assert after["total"] == 537 and after["sections"]["additional"] == 20
    ids = [line["id"] for line in after["lines"]]
    assert ids[-2:] == ["additional.french", "additional.canadian_work"] and len(ids) == 21
    added = after["lines"][-1]
    assert added == {"id": "additional.canadian_work", "points": 20, "max": 30, "ref": "MI s.33"}
    assert {x["id"]: x["points"] for x in after["lines"]}["core.age"] == 120
    assert [u["code"] for u in after["unconfirmed"]] == ["in_force_2020"]
    # The default rule sets are untouched.
    assert crs.score(E1, as_of="2027-01-01")["total"] == 507


def test_an_amendment_naming_no_parameter_is_refused():
    with pytest.raises(ValueError, match="core.agee"):
        rules.RuleSets(rules.AMENDMENTS + (dict(FICTION, changes={"core.agee": {}}),))


def test_every_parameter_has_a_kind_a_reference_and_an_original_value():
    assert set(parameters.DECLARED) == set(parameters.ORIGINAL)
    for name, (kind, ref, what) in parameters.DECLARED.items():
        assert ref.startswith("MI s.") and what, name
    for rule_set in rules.RULE_SETS:
        assert set(rule_set.values) == set(parameters.DECLARED)


def test_every_line_cites_an_article_and_sits_in_a_section():
    for line in factors.LINES:
        assert line.ref.startswith("MI s.") and line.section in factors.SECTIONS
    assert [line.section for line in factors.LINES] == sorted(
        (line.section for line in factors.LINES), key=factors.SECTIONS.index)


def test_one_lookup_for_points_and_for_dated_facts():
    day = dt.date(2024, 1, 29)
    assert rules.at("additional.french.with_english", day) == 50
    assert rules.at("additional.job_offer", day)["teer_0_1_2_3"] == 50
    assert rules.at("additional.job_offer", dt.date(2025, 3, 25))["teer_0_1_2_3"] == 0
    assert rules.at("core.age", day, col=0)[29] == 100
    assert rules.at("language.pte_core.accepted", day) is False
    assert rules.at("language.pte_core.accepted", day + dt.timedelta(days=1)) is True
    assert rules.at("language.tef_canada.scale", dt.date(2023, 12, 10)) == "tef_canada_old"
    assert rules.at("language.tef_canada.scale", dt.date(2023, 12, 11)) == "tef_canada"
    assert rules.at("core.age", dt.date(2014, 12, 31)) is None


def test_a_new_language_test_is_its_scale_and_its_name(monkeypatch):
    """The recipe of docs/architecture.md for a new approved test, followed in a test: its id,
    language and name (clb.TESTS), its scale (clb.SCALES, expanded by clb.expand) and its
    words (the core catalogue's choices.test). Fictitious: 'demo_en', 0-100 in steps of 5,
    CLB 7 from 60, CLB 9 from 80."""
    from crs import clb, messages
    scale = {"range": {a: (0, 100, 5) for a in clb.ABILITIES},
             "bands": {a: (95, 80, 70, 60, 40, 30, 20) for a in clb.ABILITIES}}
    monkeypatch.setitem(clb.TESTS, "demo_en", ("en", "Demo English"))
    monkeypatch.setitem(clb.SCALES, "demo_en", scale)
    monkeypatch.setitem(clb.LOOKUP, "demo_en", clb.expand(scale))
    monkeypatch.setitem(clb.STEP, "demo_en", 5)
    monkeypatch.setitem(messages.CHOICES["test"], "demo_en", ("Demo English", "Démo anglais"))
    doc = dict(E1, canadian_work_years=0, first_language={
        "test": "demo_en", "speaking": 80, "listening": 85, "reading": 80, "writing": 80})
    r = crs.score(doc, as_of="2026-11-23")
    # CLB 9 in all four, as E1 (crs-rules.md §7.2): 429.
    assert r["clb"]["first_language"]["speaking"] == 9 and r["total"] == 429
    bad = crs.score(dict(doc, first_language=dict(doc["first_language"], speaking=82)),
                    as_of="2026-11-23")
    assert bad["errors"][0]["field"] == "first_language.speaking"
