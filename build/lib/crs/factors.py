"""The CRS formulas and the score lines, each line declared once.

A line is its id, its section, the article it applies, its formula and its maximum, together
in LINES; the order of the result, the section subtotals and maxima, and the page's breakdown
rows all come from that list (and from the lines a rule set adds, rules.AMENDMENTS).

A formula is a small function of the context `c` (the profile, the rule set's tables for its
column, the evaluation date, the lines already computed). Column 0 of a two-column table is
"with an accompanying spouse", column 1 "without" (parameters.py).
"""

from . import dates as _dates

SECTIONS = ("core", "spouse", "transferability", "additional")


class Context:
    """One profile scored under one rule set on one day."""

    __slots__ = ("p", "rs", "day", "col", "acc", "points", "why", "unconfirmed", "_memo", "t")

    def __init__(self, p, rs, day):
        self.p, self.rs, self.day = p, rs, day
        self.acc = p.accompanied
        self.col = 0 if self.acc else 1
        # t(name): a parameter as the formulas read it, in this profile's column.
        self.t = rs.columns[self.col].__getitem__
        self.points = {}          # line id -> points, filled in LINES order
        self.why = {}             # line id -> why its points are not the table's
        self.unconfirmed = []     # codes of unsure readings this score rests on
        self._memo = {}

    def flag(self, code):
        if code not in self.unconfirmed:
            self.unconfirmed.append(code)


class Line:
    __slots__ = ("id", "section", "ref", "formula", "maximum", "counts", "subtotal")

    def __init__(self, id, section, ref, formula, maximum, counts=True, subtotal=False):
        self.id, self.section, self.ref = id, section, ref
        self.formula, self.maximum = formula, maximum
        self.counts = counts        # added into its section (the pair parts are not: s.27)
        self.subtotal = subtotal    # a capped pair (shown as a group subtotal)


def _four(table, result):
    s, l, r, w = result.clb
    return table[s] + table[l] + table[r] + table[w]


# --- ECA staleness: MI s.11(5) and s.17(4) -------------------------------------------------

def eca_stale(c):
    """True when the principal's education points are removed by s.11(5).

    The rule applies from the rule set whose text was seen (MI 2017-1; `eca_years` is None
    before it: points kept, flagged). With a Canadian credential the level may rest on it, not
    on the ECA: points kept, flagged. The text removes the points of s.11(1); that the
    transferability lines built on the education level (ss.21, 22) lose them too is our reading
    (s.22(5), crs-rules.md §2.1a), flagged where it changes a line."""
    if "eca" in c._memo:
        return c._memo["eca"]
    p, stale = c.p, False
    if p.eca_date is not None:
        years = _dates.completed_years(p.eca_date, c.day)
        validity = c.t("core.education.eca_years")
        if validity is None:
            if years >= 5:
                c.flag("eca_before_2017")
        elif years >= validity:
            if p.canadian_education not in (None, "none"):
                c.flag("eca_canadian_credential")
            else:
                stale = True
    c._memo["eca"] = stale
    return stale


def spouse_eca_stale(c):
    """s.17(4), as eca_stale for the spouse (the spouse has no Canadian-credential answer)."""
    p = c.p
    if p.spouse_eca_date is None:
        return False
    years = _dates.completed_years(p.spouse_eca_date, c.day)
    validity = c.t("spouse.education.eca_years")
    if validity is None:
        if years >= 5:
            c.flag("eca_before_2017")
        return False
    return years >= validity


# --- A. Core / human capital (MI s.8(1)(a)) -----------------------------------------------

def age(c):
    return c.t("core.age")[min(c.p.age, len(c.t("core.age")) - 1)]


def education(c):
    if eca_stale(c):
        c.why["core.education"] = "eca_stale"
        return 0
    return c.t("core.education")[c.p.education]


def first_language(c):
    return _four(c.t("core.first_language"), c.p.first)


def second_language(c):
    if c.p.second is None:
        return 0
    return min(c.t("core.second_language.cap"), _four(c.t("core.second_language"), c.p.second))


def _years(table, years):
    return table[min(years, len(table) - 1)]


def canadian_work(c):
    return _years(c.t("core.canadian_work"), c.p.canadian_work_years)


# --- B. Accompanying spouse (MI s.8(1)(b)); zero unless accompanied ------------------------

def spouse_education(c):
    if not c.acc or not c.p.spouse_education:       # no ECA or not given: 0
        return 0
    if spouse_eca_stale(c):
        c.why["spouse.education"] = "eca_stale"
        return 0
    return c.t("spouse.education")[c.p.spouse_education]


def spouse_language(c):
    if not c.acc or c.p.spouse_language is None:
        return 0
    return _four(c.t("spouse.language"), c.p.spouse_language)


def spouse_canadian_work(c):
    return _years(c.t("spouse.canadian_work"), c.p.spouse_canadian_work_years) if c.acc else 0


# --- C. Skill transferability (MI s.8(1)(c)); thresholds on the weakest first-language ability

def _education_tier(c, line):
    tier = c.t("transferability.education_tier")[c.p.education]
    if tier and eca_stale(c):
        # Without the rule the line would read the tier: flag only where it changes the line.
        if _grid(c, line, tier, _language_or_work(c, line)):
            c.flag("eca_transferability")
        return 0
    return tier


def _language_tier(c):
    return c.t("transferability.language_tier")[min(c.p.first.clb)]


def _canadian_work_tier(c):
    return _years(c.t("transferability.canadian_work_tier"), c.p.canadian_work_years)


def _foreign_work_tier(c):
    return _years(c.t("transferability.foreign_work_tier"), c.p.foreign_work_years)


def _language_or_work(c, line):
    return _language_tier(c) if line.endswith(".language") else _canadian_work_tier(c)


def _grid(c, line, row, column):
    return c.t(line)[row][column]


def education_language(c):
    line = "transferability.education.language"
    return _grid(c, line, _education_tier(c, line), _language_tier(c))


def education_canadian_work(c):
    line = "transferability.education.canadian_work"
    return _grid(c, line, _education_tier(c, line), _canadian_work_tier(c))


def education_pair(c):
    return min(c.t("transferability.pair_cap"),
               c.points["transferability.education.language"]
               + c.points["transferability.education.canadian_work"])


def foreign_work_language(c):
    return _grid(c, "transferability.foreign_work.language", _foreign_work_tier(c),
                 _language_tier(c))


def foreign_work_canadian_work(c):
    return _grid(c, "transferability.foreign_work.canadian_work", _foreign_work_tier(c),
                 _canadian_work_tier(c))


def foreign_work_pair(c):
    return min(c.t("transferability.pair_cap"),
               c.points["transferability.foreign_work.language"]
               + c.points["transferability.foreign_work.canadian_work"])


def certificate(c):
    return c.t("transferability.certificate")[min(c.p.first.clb)] if c.p.certificate else 0


# --- D. Additional points (MI s.8(1)(d)) --------------------------------------------------

def provincial_nomination(c):
    return c.t("additional.provincial_nomination") if c.p.nomination else 0


def job_offer(c):
    return c.t("additional.job_offer")[c.p.job_offer] if c.p.job_offer else 0


def canadian_education(c):
    """Only the highest Canadian credential counts."""
    return c.t("additional.canadian_education")[c.p.canadian_education]


def sibling(c):
    """The candidate's or the accompanying spouse's sibling (one award)."""
    return c.t("additional.sibling") if c.p.sibling else 0


def french(c):
    """NCLC 7+ in all four French abilities; more with CLB 5+ in all four English. Independent
    of which language is first (crs-rules.md §3.2, §3.5)."""
    fr, en = c.p.french, c.p.english
    if fr is None or min(fr.clb) < c.t("additional.french.nclc"):
        return 0
    if en is not None and min(en.clb) >= c.t("additional.french.clb"):
        return c.t("additional.french.with_english")
    return c.t("additional.french")


# --- Maxima: what the line can give under the rule set, in the profile's column ------------

def _top(name, times=1):
    def maximum(c):
        table = c.t(name)
        values = table.values() if type(table) is dict else table
        return times * max(values)
    return maximum


def _spouse_top(name, times=1):
    top = _top(name, times)
    return lambda c: top(c) if c.acc else 0


def _grid_top(name):
    return lambda c: max(max(row) for row in c.t(name))


def _value(name, index=None):
    return lambda c: c.t(name) if index is None else c.t(name)[index]


LINES = (
    Line("core.age", "core", "MI s.10(1)", age, _top("core.age")),
    Line("core.education", "core", "MI s.11(1)", education, _top("core.education")),
    Line("core.first_language", "core", "MI s.13(1)", first_language,
         _top("core.first_language", 4)),
    Line("core.second_language", "core", "MI s.14(1)-(3)", second_language,
         _value("core.second_language.cap")),
    Line("core.canadian_work", "core", "MI s.15(1)", canadian_work, _top("core.canadian_work")),
    Line("spouse.education", "spouse", "MI s.17(1)", spouse_education,
         _spouse_top("spouse.education")),
    Line("spouse.language", "spouse", "MI s.18(4)-(6)", spouse_language,
         _spouse_top("spouse.language", 4)),
    Line("spouse.canadian_work", "spouse", "MI s.19(1)", spouse_canadian_work,
         _spouse_top("spouse.canadian_work")),
    Line("transferability.education.language", "transferability", "MI s.21(1)",
         education_language, _grid_top("transferability.education.language"), counts=False),
    Line("transferability.education.canadian_work", "transferability", "MI s.22(1)",
         education_canadian_work, _grid_top("transferability.education.canadian_work"),
         counts=False),
    Line("transferability.education", "transferability", "MI s.27(a)", education_pair,
         _value("transferability.pair_cap"), subtotal=True),
    Line("transferability.foreign_work.language", "transferability", "MI s.23",
         foreign_work_language, _grid_top("transferability.foreign_work.language"),
         counts=False),
    Line("transferability.foreign_work.canadian_work", "transferability", "MI s.24(1)",
         foreign_work_canadian_work, _grid_top("transferability.foreign_work.canadian_work"),
         counts=False),
    Line("transferability.foreign_work", "transferability", "MI s.27(b)", foreign_work_pair,
         _value("transferability.pair_cap"), subtotal=True),
    Line("transferability.certificate", "transferability", "MI s.26(1)", certificate,
         _top("transferability.certificate")),
    Line("additional.provincial_nomination", "additional", "MI s.28(1)", provincial_nomination,
         _value("additional.provincial_nomination")),
    Line("additional.job_offer", "additional", "MI s.29", job_offer,
         _top("additional.job_offer")),
    Line("additional.canadian_education", "additional", "MI s.30(1)", canadian_education,
         _top("additional.canadian_education")),
    Line("additional.sibling", "additional", "MI s.31(1)", sibling,
         _value("additional.sibling")),
    Line("additional.french", "additional", "MI s.32(1)", french,
         _value("additional.french.with_english")),
)
LINE_IDS = tuple(line.id for line in LINES)


# --- Lines an amendment adds, as data ------------------------------------------------------

def _points_if(decl):
    """`points` when the profile's `attribute` is true."""
    attribute, points = decl["attribute"], decl["points"]
    return (lambda c: points if getattr(c.p, attribute) else 0), (lambda c: points)


def _points_by(decl):
    """`table[profile's attribute]` (a number of years or an answer; years past the table
    score as its last entry); 0 for an answer it does not list."""
    attribute, table = decl["attribute"], decl["table"]
    if type(table) is dict:
        def formula(c):
            return table.get(getattr(c.p, attribute), 0)
        top = max(table.values())
    else:
        def formula(c):
            return _years(table, getattr(c.p, attribute) or 0)
        top = max(table)
    return formula, (lambda c: top)


FORMULAS = {"points_if": _points_if, "points_by": _points_by}


def line_from_data(decl):
    """A Line from an amendment's declaration (rules.py docstring)."""
    if decl["section"] not in SECTIONS:
        raise ValueError("line %s: no section %r" % (decl["id"], decl["section"]))
    formula, maximum = FORMULAS[decl["formula"]](decl)
    return Line(decl["id"], decl["section"], decl["ref"], formula, maximum)


def lines_for(added):
    """LINES with the declared ones inserted after the last line of their section."""
    out = list(LINES)
    for decl in added:
        line = line_from_data(decl)
        if any(existing.id == line.id for existing in out):
            raise ValueError("line %s is declared twice" % line.id)
        last = max(i for i, existing in enumerate(out) if existing.section == line.section)
        out.insert(last + 1, line)
    return tuple(out)


# --- The score ------------------------------------------------------------------------------

def score(p, rs, day):
    """Every line of the rule set and the four sections. Returns (lines, sections, maxima,
    unconfirmed codes)."""
    c = Context(p, rs, day)
    points = c.points
    lines = []
    for line_id, formula, ref, top in _plan(rs, c):
        value = points[line_id] = formula(c)
        lines.append({"id": line_id, "points": value, "max": top, "ref": ref})
    for row in lines if c.why else ():
        if row["id"] in c.why:
            row["why"] = c.why[row["id"]]
    sections = {}
    for section, counted in rs.counted.items():
        total = 0
        for line_id in counted:
            total += points[line_id]
        sections[section] = min(c.t(section + ".max"), total)     # MI s.8(2)
    maxima = {section: c.t(section + ".max") for section in SECTIONS}
    if not c.acc:
        maxima["spouse"] = 0
    maxima["total"] = c.t("total.max")
    for entry in rs.unconfirmed:
        if _applies(entry, c):
            c.flag(entry["code"])
    return lines, sections, maxima, c.unconfirmed


_PLANS = {}


def _plan(rs, c):
    """(id, formula, reference, maximum) of each line: a maximum depends only on the rule set
    and the column, so it is computed once for both."""
    key = (id(rs), c.acc)
    found = _PLANS.get(key)
    if found is None or found[0] is not rs:
        found = _PLANS[key] = (rs, tuple((line.id, line.formula, line.ref, line.maximum(c))
                                         for line in rs.lines))
    return found[1]


def _applies(entry, c):
    if "education" in entry and c.p.education not in entry["education"]:
        return False
    if "between" in entry:
        first, last = (_dates.parse(d) for d in entry["between"])
        if not first <= c.day <= last:
            return False
    return any(c.points.get(line) for line in entry["lines"])
