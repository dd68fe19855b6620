"""Every rule of the CRS as a parameter: what it is, the article that sets it, its values.

Like OpenFisca's parameters: a parameter has a name, a legal reference and values dated by the
instrument that set them. The values of the original Ministerial Instructions respecting the
Express Entry system (MI, in force 2015-01-01) are here, written the way the Instructions read
them (bands of levels, years or ages; two columns where the table has them: with an
accompanying spouse, without). Later instruments change some of them: `rules.AMENDMENTS`, each
entry holding only the values it changes. `rules.in_force_on(day)` gives the set of every
parameter's value on a day; `rules.at(name, day)` one value.

Article numbers are those of the MI as amended by MI 2017-1 (seed
`shared/seeds/004_94a28e2d48a01e0e.txt`), which is also the numbering the 2015 text used for
these factors. Values: `shared/reference/crs-rules.md` §1-§2 (✔✔ unless said).

Kinds, each compiled once per rule set into a tuple or dict lookup (rules.compile):
  points      a number of points (or a pair: with a spouse, without)
  by_choice   {profile answer: points or pair}
  by_level    [(from CLB/NCLC level, points or pair), ...] ascending; below the first band: 0
  by_age      {age: pair}; an age not listed (17 or less, 45 or more): 0
  by_years    (points or pair for 0, 1, 2, ... years); more years score as the last
  tiers       {answer: tier} or by_level / by_years of tiers (for skill transferability)
  grid        grid[row tier][column tier]
  level       a CLB/NCLC level (a threshold)
  years       a number of years (None: the rule does not apply)
"""

import datetime as _dt
import json as _json
import os as _os

LEVEL_TOP = 12       # CLB/NCLC levels run 0..12
AGE_TOP = 120        # the profile's highest age (profile.MAX_AGE)

# name: (kind, reference, what it is)
DECLARED = {
    # A. Core / human capital factors (MI s.8(1)(a)); maxima s.8(2)(a).
    "core.age": ("by_age", "MI s.10(1)", "age in completed years"),
    "core.education": ("by_choice", "MI s.11(1)", "level of education"),
    "core.education.eca_years": (
        "years", "MI s.11(5)",
        "an ECA this many years old or more no longer earns the points of s.11(1)"),
    "core.first_language": ("by_level", "MI s.13(1)", "first official language, per ability"),
    "core.second_language": ("by_level", "MI s.14(1)-(2)",
                             "second official language, per ability"),
    "core.second_language.cap": ("points", "MI s.14(3)", "the four abilities together"),
    "core.canadian_work": ("by_years", "MI s.15(1)", "Canadian work experience"),
    "core.max": ("points", "MI s.8(2)(a)", "core factors"),
    # B. Accompanying spouse or common-law partner (MI s.8(1)(b)); maximum s.8(2)(b).
    "spouse.education": ("by_choice", "MI s.17(1)", "spouse's level of education"),
    "spouse.education.eca_years": (
        "years", "MI s.17(4)",
        "an ECA this many years old or more no longer earns the points of s.17(1)"),
    "spouse.language": ("by_level", "MI s.18(4)-(6)",
                        "spouse's first official language, per ability"),
    "spouse.canadian_work": ("by_years", "MI s.19(1)", "spouse's Canadian work experience"),
    "spouse.max": ("points", "MI s.8(2)(b)", "spouse factors"),
    # C. Skill transferability (MI s.8(1)(c)); s.27 caps; maximum s.8(2)(c).
    "transferability.education_tier": ("tiers", "MI s.21(1), s.22(1)",
                                       "education: none, one credential, two or more / master's"),
    "transferability.language_tier": ("tiers", "MI s.21(1), s.23",
                                      "weakest first-language ability: CLB 7+, CLB 9+"),
    "transferability.canadian_work_tier": ("tiers", "MI s.22(1), s.24(1)",
                                           "Canadian work: 1 year, 2 years or more"),
    "transferability.foreign_work_tier": ("tiers", "MI s.23, s.24(1)",
                                          "foreign work: 1 or 2 years, 3 years or more"),
    "transferability.education.language": ("grid", "MI s.21(1)",
                                           "education x first official language"),
    "transferability.education.canadian_work": ("grid", "MI s.22(1)",
                                                "education x Canadian work"),
    "transferability.foreign_work.language": ("grid", "MI s.23",
                                              "foreign work x first official language"),
    "transferability.foreign_work.canadian_work": ("grid", "MI s.24(1)",
                                                   "foreign work x Canadian work"),
    "transferability.certificate": ("by_level", "MI s.26(1)",
                                    "certificate of qualification x weakest first-language "
                                    "ability"),
    "transferability.pair_cap": ("points", "MI s.27(a)-(b)",
                                 "each pair: ss.21+22, ss.23+24"),
    "transferability.max": ("points", "MI s.8(2)(c)", "skill transferability"),
    # D. Additional points (MI s.8(1)(d)); maximum s.8(2)(d).
    "additional.provincial_nomination": ("points", "MI s.28(1)", "provincial nomination"),
    "additional.job_offer": ("by_choice", "MI s.29", "qualifying offer of arranged employment"),
    "additional.canadian_education": ("by_choice", "MI s.30(1)",
                                      "Canadian educational credential"),
    "additional.sibling": ("points", "MI s.31(1)", "sibling in Canada"),
    "additional.french": ("points", "MI s.32(1)(a)", "French NCLC 7+ in all four abilities"),
    "additional.french.with_english": ("points", "MI s.32(1)(b)",
                                       "the same with English CLB 5+ in all four"),
    "additional.french.nclc": ("level", "MI s.32(1)", "every French ability at least"),
    "additional.french.clb": ("level", "MI s.32(1)(b)", "every English ability at least"),
    "additional.max": ("points", "MI s.8(2)(d)", "additional points"),
    "total.max": ("points", "MI s.8(2)", "the score"),
}

# The values of the original Instructions (Canada Gazette Part I, vol. 148, Extraordinary
# No. 10, 2014-12-01; in force 2015-01-01).
ORIGINAL = {
    # s.10(1): (with a spouse, without).
    "core.age": {18: (90, 99), 19: (95, 105), 20: (100, 110), 21: (100, 110), 22: (100, 110),
                 23: (100, 110), 24: (100, 110), 25: (100, 110), 26: (100, 110),
                 27: (100, 110), 28: (100, 110), 29: (100, 110), 30: (95, 105), 31: (90, 99),
                 32: (85, 94), 33: (80, 88), 34: (75, 83), 35: (70, 77), 36: (65, 72),
                 37: (60, 66), 38: (55, 61), 39: (50, 55), 40: (45, 50), 41: (35, 39),
                 42: (25, 28), 43: (15, 17), 44: (5, 6)},
    # s.11(1): the highest Canadian credential or foreign one with an ECA.
    "core.education": {"none": (0, 0), "secondary": (28, 30), "one_year": (84, 90),
                       "two_year": (91, 98), "bachelors": (112, 120),
                       "two_or_more": (119, 128), "masters": (126, 135),
                       "doctorate": (140, 150)},
    # s.11(5), s.17(4): the 2015 wording was not seen; the text of MI 2017-1 (seed) applies
    # from 2017-06-06 (rules.AMENDMENTS). Before it the points are kept, with a warning.
    "core.education.eca_years": None,
    "spouse.education.eca_years": None,
    # s.13(1); at most 32 (with) or 34 (without) per ability, s.13(2).
    "core.first_language": [(4, (6, 6)), (6, (8, 9)), (7, (16, 17)), (8, (22, 23)),
                            (9, (29, 31)), (10, (32, 34))],
    # s.14(1)-(2): same in both columns, at most 6 per ability.
    "core.second_language": [(5, 1), (7, 3), (9, 6)],
    "core.second_language.cap": (22, 24),
    # s.15(1): years, 5 or more score as 5.
    "core.canadian_work": ((0, 0), (35, 40), (46, 53), (56, 64), (63, 72), (70, 80)),
    "core.max": (460, 500),
    "spouse.education": {"none": 0, "secondary": 2, "one_year": 6, "two_year": 7,
                         "bachelors": 8, "two_or_more": 9, "masters": 10, "doctorate": 10},
    # s.18(4): at most 5 per ability (s.18(5)), 20 in all (s.18(6)): the top value times four.
    "spouse.language": [(5, 1), (7, 3), (9, 5)],
    "spouse.canadian_work": (0, 5, 7, 8, 9, 10),
    "spouse.max": 40,
    # Tier 1: a post-secondary credential of one year or more; tier 2: two or more credentials
    # one of 3+ years, a master's or entry-to-practice professional degree, or a doctorate
    # (made explicit by MI 2016-1, crs-rules.md §2.2; applied to every rule set, flagged
    # unconfirmed under 2015-01-01: rules.AMENDMENTS).
    "transferability.education_tier": {"none": 0, "secondary": 0, "one_year": 1,
                                       "two_year": 1, "bachelors": 1, "two_or_more": 2,
                                       "masters": 2, "doctorate": 2},
    # From the weakest of the four abilities: all CLB 7+ with one under 9 -> 1; all 9+ -> 2.
    "transferability.language_tier": [(7, 1), (9, 2)],
    "transferability.canadian_work_tier": (0, 1, 2),
    "transferability.foreign_work_tier": (0, 1, 1, 2),
    # grid[tier of education or foreign work][tier of language or Canadian work]
    "transferability.education.language": ((0, 0, 0), (0, 13, 25), (0, 25, 50)),
    "transferability.education.canadian_work": ((0, 0, 0), (0, 13, 25), (0, 25, 50)),
    "transferability.foreign_work.language": ((0, 0, 0), (0, 13, 25), (0, 25, 50)),
    "transferability.foreign_work.canadian_work": ((0, 0, 0), (0, 13, 25), (0, 25, 50)),
    # s.26(1): all CLB 5+ with one under 7 -> 25; all 7+ -> 50.
    "transferability.certificate": [(5, 25), (7, 50)],
    "transferability.pair_cap": 50,
    "transferability.max": 100,
    # s.8(2)(d)(iii): 600 for either a provincial nomination or a qualifying job offer.
    "additional.provincial_nomination": 600,
    "additional.job_offer": {"teer_0_major_group_00": 600, "teer_0_1_2_3": 600},
    "additional.canadian_education": {"none": 0, "secondary": 0, "one_or_two_year": 0,
                                      "three_year_or_more": 0},
    "additional.sibling": 0,
    "additional.french": 0,
    "additional.french.with_english": 0,
    "additional.french.nclc": 7,
    "additional.french.clb": 5,
    "additional.max": 600,
    "total.max": 1200,
}

# Dated facts that are not points and do not follow the rule sets: each a series of
# (first day, value), looked up by the day that matters (a test date, the evaluation date).
SERIES = {
    # The TEF Canada score scale changed for tests taken from this day (crs-rules.md §4.4-4.5;
    # the exact cut-over day is ◐: some sources say "before December 11, 2023").
    "language.tef_canada.scale": {
        "ref": "crs-rules.md §4.4-4.5 (IRCC equivalency charts)",
        "values": (("1900-01-01", "tef_canada_old"), ("2023-12-11", "tef_canada"))},
    # Settlement funds (IRPR 76(1)(b)(i), 87.2(5); crs-rules.md §5.5): half the low-income
    # cut-off, updated each year: (amounts for 1..7 persons, each additional person). Before
    # the first table we have, the first is used (eligibility.funds_required says so).
    "eligibility.settlement_funds": {
        "ref": "IRPR 76(1)(b)(i), 87.2(5); crs-rules.md §5.5",
        "values": (("2024-05-28", ((14690, 18288, 22483, 27297, 30690, 34917, 38875), 3958)),
                   ("2025-07-07", ((15263, 19001, 23360, 28362, 32168, 36280, 40392), 4112)))},
    # PTE Core was approved for Express Entry from this day (crs-rules.md §2.5).
    "language.pte_core.accepted": {
        "ref": "IRPR 74(3); crs-rules.md §2.5",
        "values": (("1900-01-01", False), ("2024-01-30", True))},
}


# Category-based selection (MI s.10.3 rounds by category; docs/categories.md): the category
# sets are data, py/crs/data/categories.json (from shared/data/ee_categories.json, every list
# graded SC), and the set in force a dated series like the others.
CATEGORIES_FILE = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "data",
                                "categories.json")
_CATEGORY_DATA = []


def category_data():
    """The shipped category sets and round names (read once; through the module's loader in
    the page, where this package is inside py/app.zip)."""
    if not _CATEGORY_DATA:
        loader = globals().get("__loader__")
        if hasattr(loader, "get_data"):
            text = loader.get_data(CATEGORIES_FILE).decode("utf-8")
        else:
            with open(CATEGORIES_FILE, encoding="utf-8") as handle:
                text = handle.read()
        _CATEGORY_DATA.append(_json.loads(text))
    return _CATEGORY_DATA[0]


SERIES["selection.category_set"] = {
    "ref": "category-based selection (IRPA s.10.3(1); ee_categories.json, grade SC)",
    "values": (("1900-01-01", None),
               *((s["in_force"], s["id"]) for s in category_data()["sets"]))}

_DATED = {name: tuple((_dt.date.fromisoformat(first), value) for first, value in s["values"])
          for name, s in SERIES.items()}


def series_entry(name, day):
    """(first day, value) of a dated series (SERIES) in force on `day`, or None before it."""
    found = None
    for entry in _DATED[name]:
        if entry[0] <= day:
            found = entry
    return found


def series_on(name, day):
    """The value of a dated series (SERIES) on `day` (a date), or None before its first."""
    entry = series_entry(name, day)
    return None if entry is None else entry[1]


def first_day(name, value):
    """The first day a dated series takes `value`."""
    for first, v in _DATED[name]:
        if v == value:
            return first
    raise KeyError((name, value))


def first_day_of(name):
    """The first day of a dated series."""
    return _DATED[name][0][0]
