"""Language test results -> CLB (English) / NCLC (French) levels, per ability.

The Instructions score language in CLB/NCLC levels (MI ss.13, 14, 18, 21, 23, 26, 32); the
tests approved under IRPR 74(3) report their own scores, converted with IRCC's equivalency
charts. Tables: `shared/reference/crs-rules.md` §4 (sources listed there). Each band is written
as its lowest score; a score takes the highest band whose lowest score it reaches. A score
below the lowest band listed gives level 0 ("below CLB 4": no points anywhere).
"""

import datetime as _dt

from . import parameters as _parameters

ABILITIES = ("speaking", "listening", "reading", "writing")

# The dated facts (the TEF Canada scale's cut-over, the day PTE Core was approved) are
# parameters (parameters.SERIES).

# test id -> (official language, display name)
TESTS = {
    "celpip_g": ("en", "CELPIP-General"),
    "ielts_gt": ("en", "IELTS General Training"),
    "pte_core": ("en", "PTE Core"),
    "clb": ("en", "CLB"),
    "tef_canada": ("fr", "TEF Canada"),
    "tcf_canada": ("fr", "TCF Canada"),
    "nclc": ("fr", "NCLC"),
}

# Scales: (lowest, highest, step) per ability, and the lowest score of each level, per ability,
# from CLB/NCLC 10 down. Abilities in the order speaking, listening, reading, writing.
_LEVELS_10_DOWN = (10, 9, 8, 7, 6, 5, 4)

SCALES = {
    # §4.1 IELTS General Training, bands 0-9 in steps of 0.5.
    "ielts_gt": {
        "range": {a: (0, 9, 0.5) for a in ABILITIES},
        "bands": {"speaking": (7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0),
                  "listening": (8.5, 8.0, 7.5, 6.0, 5.5, 5.0, 4.5),
                  "reading": (8.0, 7.0, 6.5, 6.0, 5.0, 4.0, 3.5),
                  "writing": (7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0)},
    },
    # §4.2 CELPIP-General: the level is the CLB level (0-12).
    "celpip_g": {
        "range": {a: (0, 12, 1) for a in ABILITIES},
        "identity": True,
    },
    # §4.3 PTE Core, 10-90; its chart also has a CLB 3 band.
    "pte_core": {
        "range": {a: (10, 90, 1) for a in ABILITIES},
        "levels": (10, 9, 8, 7, 6, 5, 4, 3),
        "bands": {"speaking": (89, 84, 76, 68, 59, 51, 42, 34),
                  "listening": (89, 82, 71, 60, 50, 39, 28, 18),
                  "reading": (88, 78, 69, 60, 51, 42, 33, 24),
                  "writing": (90, 88, 79, 69, 60, 51, 41, 32)},
    },
    # §4.4 TEF Canada, tests from 2023-12-11: 0-699 in each ability.
    "tef_canada": {
        "range": {a: (0, 699, 1) for a in ABILITIES},
        "bands": {"speaking": (556, 518, 494, 456, 422, 387, 328),
                  "listening": (546, 503, 462, 434, 393, 352, 306),
                  "reading": (546, 503, 462, 434, 393, 352, 306),
                  "writing": (558, 512, 472, 428, 379, 330, 268)},
    },
    # §4.5 TEF Canada, tests up to 2023-12-10 (old scale; each ability has its own maximum).
    "tef_canada_old": {
        "range": {"speaking": (0, 450, 1), "listening": (0, 360, 1),
                  "reading": (0, 300, 1), "writing": (0, 450, 1)},
        "bands": {"speaking": (393, 371, 349, 310, 271, 226, 181),
                  "listening": (316, 298, 280, 249, 217, 181, 145),
                  "reading": (263, 248, 233, 207, 181, 151, 121),
                  "writing": (393, 371, 349, 310, 271, 226, 181)},
    },
    # §4.6 TCF Canada: listening and reading 0-699, speaking and writing 0-20.
    "tcf_canada": {
        "range": {"speaking": (0, 20, 1), "listening": (0, 699, 1),
                  "reading": (0, 699, 1), "writing": (0, 20, 1)},
        "bands": {"speaking": (16, 14, 12, 10, 7, 6, 4),
                  "listening": (549, 523, 503, 458, 398, 369, 331),
                  "reading": (549, 524, 499, 453, 406, 375, 342),
                  "writing": (16, 14, 12, 10, 7, 6, 4)},
    },
    # Levels entered directly.
    "clb": {"range": {a: (0, 12, 1) for a in ABILITIES}, "identity": True},
    "nclc": {"range": {a: (0, 12, 1) for a in ABILITIES}, "identity": True},
}


def expand(scale):
    """Expand a scale into {ability: tuple of levels indexed by score / step}."""
    out = {}
    for ability in ABILITIES:
        low, high, step = scale["range"][ability]
        steps = int(round(high / step))
        if scale.get("identity"):
            out[ability] = tuple(range(steps + 1))
            continue
        levels = scale.get("levels", _LEVELS_10_DOWN)
        bands = scale["bands"][ability]
        table = []
        for i in range(steps + 1):
            score = i * step
            level = 0
            for lowest, lvl in zip(bands, levels):
                if score >= lowest:
                    level = lvl
                    break
            table.append(level)
        out[ability] = tuple(table)
    return out


LOOKUP = {name: expand(scale) for name, scale in SCALES.items()}
STEP = {name: scale["range"]["speaking"][2] for name, scale in SCALES.items()}


def scale_for(test, test_date):
    """The scale a result is read on: TEF Canada depends on the test date."""
    if test == "tef_canada" and test_date is not None:
        return _parameters.series_on("language.tef_canada.scale", test_date)
    return test


def valid_score(scale, ability, score):
    """True when `score` is a score the test can report for that ability."""
    low, high, step = SCALES[scale]["range"][ability]
    if isinstance(score, bool) or not isinstance(score, (int, float)):
        return False
    if not low <= score <= high:
        return False
    units = score / step
    return units == int(units)


def level(scale, ability, score):
    """The CLB/NCLC level of a valid score on `scale`."""
    return LOOKUP[scale][ability][int(score / STEP[scale])]


def _scale_of(test, ability, test_date):
    """The scale of a test's result for one ability (`test_date` a date or "YYYY-MM-DD"), or
    None when the test, the ability or the date is not one."""
    if isinstance(test_date, str):
        try:
            test_date = _dt.date.fromisoformat(test_date)
        except ValueError:
            return None
    if test not in TESTS or ability not in ABILITIES:
        return None
    return scale_for(test, test_date)


def minimum_score(test, ability, level, test_date=None):
    """The lowest score `test` can report for `ability` that converts to at least `level`
    (None when none does): the conversion table read backwards (docs/planner.md), so the
    planner's thresholds are the scales above and never a second copy of them."""
    scale = _scale_of(test, ability, test_date)
    if scale is None:
        return None
    low, high, step = SCALES[scale]["range"][ability]
    table = LOOKUP[scale][ability]
    for i in range(int(round(low / step)), len(table)):
        if table[i] >= level:
            return i if step == 1 else i * step
    return None


def to_clb(test, ability, score, test_date=None):
    """One score to its CLB/NCLC level; None when it is not a valid score of that test.

    `test_date` (a date or "YYYY-MM-DD") only matters for TEF Canada (scale by date).
    """
    scale = _scale_of(test, ability, test_date)
    if scale is None or not valid_score(scale, ability, score):
        return None
    return level(scale, ability, score)
