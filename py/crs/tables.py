"""CRS point tables, as data.

Each table cites the article of the Ministerial Instructions respecting the Express Entry system
(MI) that sets it. Article numbers are those of the MI as amended by MI 2017-1 (seed
`shared/seeds/004_94a28e2d48a01e0e.txt`, in force 2017-06-06), which is also the numbering the
2015 text used for these factors. Values: `shared/reference/crs-rules.md` §1 (✔✔ unless said).

Tables are written the way the Instructions read them (bands of levels or years, two columns:
with an accompanying spouse / without) and expanded once, at import, into tuples indexed by the
level or year count, so scoring is a tuple lookup.
"""

# Education levels, in the order of question 4 of the official tool (profile-format.md).
EDUCATION_LEVELS = ("none", "secondary", "one_year", "two_year", "bachelors",
                    "two_or_more", "masters", "doctorate")

# Canadian credential answers (question 4c), for the additional points of MI s.30.
CANADIAN_EDUCATION = ("none", "secondary", "one_or_two_year", "three_year_or_more")

ABILITIES = ("speaking", "listening", "reading", "writing")


def _expand(bands, top):
    """[(from_level, value), ...] ascending -> tuple indexed 0..top (the last band runs to top)."""
    out = []
    for level in range(top + 1):
        value = 0
        for start, v in bands:
            if level >= start:
                value = v
        out.append(value)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# A. Core / human capital factors (MI s.8(1)(a); maxima s.8(2)(a): 500 single, 460 accompanied)
# ---------------------------------------------------------------------------------------------

# MI s.10(1): age in completed years. (with spouse, single). 17 or less and 45 or more: 0.
_AGE = {18: (90, 99), 19: (95, 105), 20: (100, 110), 21: (100, 110), 22: (100, 110),
        23: (100, 110), 24: (100, 110), 25: (100, 110), 26: (100, 110), 27: (100, 110),
        28: (100, 110), 29: (100, 110), 30: (95, 105), 31: (90, 99), 32: (85, 94),
        33: (80, 88), 34: (75, 83), 35: (70, 77), 36: (65, 72), 37: (60, 66), 38: (55, 61),
        39: (50, 55), 40: (45, 50), 41: (35, 39), 42: (25, 28), 43: (15, 17), 44: (5, 6)}
AGE_TOP = 45  # every age from 45 up scores as 45 (0 points)
AGE = (tuple(_AGE.get(a, (0, 0))[0] for a in range(AGE_TOP + 1)),
       tuple(_AGE.get(a, (0, 0))[1] for a in range(AGE_TOP + 1)))

# MI s.11(1): level of education (highest Canadian credential or foreign one with an ECA).
_EDUCATION = {"none": (0, 0), "secondary": (28, 30), "one_year": (84, 90),
              "two_year": (91, 98), "bachelors": (112, 120), "two_or_more": (119, 128),
              "masters": (126, 135), "doctorate": (140, 150)}
EDUCATION = ({k: v[0] for k, v in _EDUCATION.items()}, {k: v[1] for k, v in _EDUCATION.items()})

# MI s.13(1): first official language, points per ability by CLB/NCLC level
# (max per ability s.13(2): 32 with spouse, 34 single).
FIRST_LANGUAGE = (_expand([(4, 6), (6, 8), (7, 16), (8, 22), (9, 29), (10, 32)], 12),
                  _expand([(4, 6), (6, 9), (7, 17), (8, 23), (9, 31), (10, 34)], 12))

# MI s.14(1): second official language, per ability, same in both columns; s.14(2): at most 6
# per ability; s.14(3) caps the four abilities at 22 with a spouse and 24 without.
SECOND_LANGUAGE = _expand([(5, 1), (7, 3), (9, 6)], 12)
SECOND_LANGUAGE_CAP = (22, 24)

# MI s.15(1): Canadian work experience, years (5 or more score as 5).
CANADIAN_WORK = ((0, 35, 46, 56, 63, 70), (0, 40, 53, 64, 72, 80))
CANADIAN_WORK_TOP = 5

# ---------------------------------------------------------------------------------------------
# B. Accompanying spouse or common-law partner factors (MI s.8(1)(b); max 40, s.8(2)(b))
# ---------------------------------------------------------------------------------------------

# MI s.17(1): spouse's level of education.
SPOUSE_EDUCATION = {"none": 0, "secondary": 2, "one_year": 6, "two_year": 7, "bachelors": 8,
                    "two_or_more": 9, "masters": 10, "doctorate": 10}

# MI s.18(4): spouse's first official language per ability; max 5 per ability (s.18(5)),
# 20 in all (s.18(6)) — the table's top value times four, so no separate cap is needed.
SPOUSE_LANGUAGE = _expand([(5, 1), (7, 3), (9, 5)], 12)

# MI s.19(1): spouse's Canadian work experience, years (5 or more score as 5).
SPOUSE_CANADIAN_WORK = (0, 5, 7, 8, 9, 10)

# ---------------------------------------------------------------------------------------------
# C. Skill transferability (MI s.8(1)(c); max 100, s.8(2)(c)); caps of 50 per pair, s.27.
# Rows are tiers (0 = none, 1 = low, 2 = high), columns are tiers of the other factor.
# ---------------------------------------------------------------------------------------------

# Education tier for ss.21 and 22. Tier 1: a post-secondary credential of one year or more
# (one-year, two-year, bachelor's / 3-year program). Tier 2: two or more credentials one of 3+
# years, a master's or entry-to-practice professional degree, or a doctorate (made explicit by
# MI 2016-1, crs-rules.md §2.2; applied to every rule set, see rules.py).
EDUCATION_TIER = {"none": 0, "secondary": 0, "one_year": 1, "two_year": 1, "bachelors": 1,
                  "two_or_more": 2, "masters": 2, "doctorate": 2}

# First-language tier for ss.21 and 23, from the weakest of the four abilities:
# CLB 7 or more on all four with one under 9 -> 1; CLB 9 or more on all four -> 2.
LANGUAGE_TIER = _expand([(7, 1), (9, 2)], 12)

# Canadian work tier for ss.22 and 24: 1 year -> 1, 2 years or more -> 2.
CANADIAN_WORK_TIER = (0, 1, 2, 2, 2, 2)

# Foreign work tier for ss.23 and 24: 1 or 2 years -> 1, 3 years or more -> 2.
FOREIGN_WORK_TIER = (0, 1, 1, 2)
FOREIGN_WORK_TOP = 3

# One grid serves ss.21, 22, 23 and 24: the four tables have the same shape and values.
# grid[tier of the education or foreign work][tier of the language or Canadian work]
TRANSFER_GRID = ((0, 0, 0), (0, 13, 25), (0, 25, 50))
TRANSFER_PAIR_CAP = 50  # s.27(a) and (b)
TRANSFER_CAP = 100      # s.8(2)(c)

# MI s.26(1): certificate of qualification + first official language (weakest ability):
# CLB 5 or more on all four with one under 7 -> 25; CLB 7 or more on all four -> 50.
CERTIFICATE = _expand([(5, 25), (7, 50)], 12)

# ---------------------------------------------------------------------------------------------
# Maxima of the four categories (MI s.8(2)).
# ---------------------------------------------------------------------------------------------
CORE_MAX = (460, 500)
SPOUSE_MAX = 40
ADDITIONAL_MAX = 600
TOTAL_MAX = 1200
