"""Rule-set selection, table invariants, warnings and unconfirmed-rule notes."""

import datetime

import pytest

import crs
from crs import clb, rules

E1 = {"marital_status": "never_married", "age": 29, "education": "bachelors",
      "first_language": {"test": "clb", "speaking": 9, "listening": 9, "reading": 9,
                         "writing": 9},
      "foreign_work_years": 3}


@pytest.mark.parametrize("day, expected", [
    ("2015-01-01", "2015-01-01"), ("2016-11-18", "2015-01-01"), ("2016-11-19", "2016-11-19"),
    ("2017-06-05", "2016-11-19"), ("2017-06-06", "2017-06-06"), ("2020-10-26", "2017-06-06"),
    ("2020-10-27", "2020-10-27"), ("2025-03-24", "2020-10-27"), ("2025-03-25", "2025-03-25"),
    ("2030-01-01", "2025-03-25")])
def test_rule_set_in_force_on_each_side_of_every_change(day, expected):
    assert crs.score(E1, as_of=day)["rules"] == expected


def test_before_express_entry_is_an_error_unless_a_set_is_named():
    r = crs.score(E1, as_of="2014-12-31")
    assert r["errors"][0]["field"] == "as_of" and r["errors"][0]["code"] == "out_of_range"
    assert crs.score(E1, as_of="2014-12-31", rules="2015-01-01")["total"] == 429


def test_unknown_rule_set_is_refused_with_the_allowed_ids():
    r = crs.score(E1, as_of="2026-01-01", rules="2026-11-03")
    assert r["errors"][0]["code"] == "not_allowed"
    assert "2025-03-25" in r["errors"][0]["message"]


def test_rule_sets_are_dated_sorted_and_cite_an_instrument():
    days = [s.in_force for s in rules.RULE_SETS]
    assert days == sorted(days) and len(set(days)) == len(days)
    for s in rules.RULE_SETS:
        assert s.id == s.in_force.isoformat() and s.instrument and s.source


@pytest.mark.parametrize("rule_set", rules.RULE_SETS, ids=lambda s: s.id)
def test_core_maxima_are_those_of_mi_8_2(rule_set):
    t = rule_set.table
    for col, expected in ((0, 460), (1, 500)):
        top = (t("core.age", col)[29] + t("core.education", col)["doctorate"]
               + 4 * t("core.first_language", col)[12] + t("core.second_language.cap", col)
               + t("core.canadian_work", col)[5])
        assert top == expected == t("core.max", col)
    assert (t("spouse.education")["doctorate"] + 4 * t("spouse.language")[12]
            + t("spouse.canadian_work")[5]) == 40 == t("spouse.max")


def test_a_maximal_profile_scores_1200_under_every_rule_set():
    best = {"marital_status": "never_married", "age": 25, "education": "doctorate",
            "canadian_education": "three_year_or_more",
            "first_language": {"test": "clb", "speaking": 12, "listening": 12, "reading": 12,
                               "writing": 12},
            "second_language": {"test": "nclc", "speaking": 12, "listening": 12, "reading": 12,
                                "writing": 12},
            "canadian_work_years": 5, "foreign_work_years": 3,
            "certificate_of_qualification": True, "provincial_nomination": True,
            "sibling_in_canada": True, "job_offer": "teer_0_major_group_00"}
    for s in rules.RULE_SETS:
        r = crs.score(best, as_of="2026-01-01", rules=s.id)
        assert r["total"] == 1200 and r["sections"]["core"] == 500, s.id


def test_lines_follow_the_official_result_page_and_cite_the_mi():
    r = crs.score(E1, as_of="2026-11-23")
    ids = [line["id"] for line in r["lines"]]
    assert ids[:5] == ["core.age", "core.education", "core.first_language",
                       "core.second_language", "core.canadian_work"]
    assert ids[-1] == "additional.french" and len(ids) == 20
    assert all(line["ref"].startswith("MI s.") for line in r["lines"])


def test_french_bonus_with_french_first_or_second():
    fr = {"test": "nclc", "speaking": 7, "listening": 7, "reading": 7, "writing": 7}
    en5 = {"test": "clb", "speaking": 5, "listening": 5, "reading": 5, "writing": 5}
    first = dict(E1, first_language=fr, second_language=en5)
    second = dict(E1, first_language=dict(en5, speaking=9), second_language=fr)
    for doc in (first, second):
        assert crs.score(doc, as_of="2026-01-01")["lines"][19]["points"] == 50
        assert crs.score(doc, as_of="2018-01-01")["lines"][19]["points"] == 30
        assert crs.score(doc, as_of="2017-01-01")["lines"][19]["points"] == 0
    weak = dict(first, second_language=dict(en5, writing=4))
    assert crs.score(weak, as_of="2026-01-01")["lines"][19]["points"] == 25


def codes(result):
    return [w["code"] for w in result["warnings"]]


def test_stale_language_warns_and_keeps_points_a_stale_eca_loses_the_education_points():
    """MI s.11(5) (issue 13): E1 loses 120 (s.11(1)) and the 25 of s.21 built on the same
    education (our reading, flagged): 429 - 120 - 25 = 284. Until issue 13 it kept 429."""
    doc = dict(E1, first_language=dict(E1["first_language"], test_date="2024-11-23"),
               eca_date="2021-11-23")
    r = crs.score(doc, as_of="2026-11-23")
    assert "language_stale" in codes(r) and "eca_stale" in codes(r) and r["total"] == 284
    line = {x["id"]: x for x in r["lines"]}["core.education"]
    assert line["points"] == 0 and line["why"] == "eca_stale"
    assert [u["code"] for u in r["unconfirmed"]] == ["eca_transferability"]
    fresh = crs.score(doc, as_of="2026-11-22")
    assert "language_stale" not in codes(fresh) and "eca_stale" not in codes(fresh)


def test_tef_without_date_is_read_on_the_new_scale_with_a_warning():
    tef = {"test": "tef_canada", "speaking": 456, "listening": 434, "reading": 434,
           "writing": 428}
    r = crs.score(dict(E1, first_language=tef), as_of="2026-11-23")
    assert "tef_no_test_date" in codes(r)
    assert r["clb"]["first_language"]["speaking"] == 7
    old = crs.score(dict(E1, first_language=dict(tef, speaking=300, listening=300,
                                                 reading=300, writing=300,
                                                 test_date="2023-12-10")), as_of="2025-06-01")
    assert old["clb"]["first_language"] == {"language": "fr", "speaking": 6, "listening": 9,
                                            "reading": 10, "writing": 6}
    assert any(u["code"] == "tef_cutover" for u in old["unconfirmed"])


def test_age_drop_warning_names_the_birthday_and_the_points():
    doc = dict(E1, age=None, date_of_birth="1996-12-01")
    r = crs.score({k: v for k, v in doc.items() if v is not None}, as_of="2026-11-23")
    (w,) = [w for w in r["warnings"] if w["code"] == "age_drop"]
    assert "2026-12-01" in w["message"] and "110" in w["message"] and "105" in w["message"]
    assert "age_drop" not in codes(crs.score(dict(E1, age=25), as_of="2026-11-23"))
    leap = {k: v for k, v in dict(doc, date_of_birth="1996-02-29").items() if v is not None}
    r = crs.score(leap, as_of="2026-01-10")
    assert r["lines"][0]["points"] == 110
    assert "2026-03-01" in [w for w in r["warnings"] if w["code"] == "age_drop"][0]["message"]


def test_pte_core_before_its_approval_warns():
    pte = {"test": "pte_core", "speaking": 84, "listening": 82, "reading": 78, "writing": 88}
    assert "test_not_accepted" in codes(crs.score(dict(E1, first_language=pte),
                                                  as_of="2023-06-01"))
    assert "test_not_accepted" not in codes(crs.score(dict(E1, first_language=pte),
                                                      as_of="2024-06-01"))


def test_job_offer_warning_only_when_it_earns_nothing():
    doc = dict(E1, job_offer="teer_0_1_2_3")
    assert "job_offer_no_points" in codes(crs.score(doc, as_of="2025-03-25"))
    assert "job_offer_no_points" not in codes(crs.score(doc, as_of="2025-03-24"))


def test_french_2020_date_is_flagged_as_unconfirmed_when_it_matters():
    fr = {"test": "nclc", "speaking": 7, "listening": 7, "reading": 7, "writing": 7}
    doc = dict(E1, second_language=fr)
    r = crs.score(doc, as_of="2021-01-01")
    assert [u["code"] for u in r["unconfirmed"]] == ["in_force_2020"]
    assert crs.score(doc, as_of="2020-10-22")["unconfirmed"][0]["code"] == "in_force_2020"
    assert crs.score(E1, as_of="2021-01-01")["unconfirmed"] == []


def test_every_message_exists_in_both_languages():
    from crs import messages as M
    for table in (M.ERRORS, M.WARNINGS, M.UNCONFIRMED, M.FIELDS, M.KINDS):
        for key, pair in table.items():
            assert len(pair) == 2 and all(pair), key
            assert pair[0] != pair[1], key


@pytest.mark.parametrize("test", sorted(clb.TESTS))
def test_every_conversion_is_monotonic(test):
    for ability in clb.ABILITIES:
        scale = clb.scale_for(test, datetime.date(2025, 1, 1))
        levels = clb.LOOKUP[scale][ability]
        assert list(levels) == sorted(levels)
