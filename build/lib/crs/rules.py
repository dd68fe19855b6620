"""Rule sets of the Comprehensive Ranking System: the instruments that changed the parameters.

Every parameter (parameters.py: the point tables, the caps, the thresholds) has the value the
original Instructions gave it until an amendment below changes it. Each amendment is one entry
of AMENDMENTS: the date it came into force, the instrument, where it was read, and only the
values it changes (`changes`, by parameter name). A rule set is the accumulation of every
amendment up to and including it; `in_force_on(day)` finds it, `at(name, day)` one value.
Nothing else in the core dispatches on dates.

An amendment may also add score lines (`lines`: declarations read by factors.line_from_data,
e.g. {"id": "additional.x", "section": "additional", "ref": "MI s.33", "formula": "points_if",
"attribute": "sibling", "points": 10}) and say which of its points rest on an unsure reading
(`unconfirmed`: flags shown with a score under this rule set, below).

How to add a new set of Ministerial Instructions (the 2026 reform once its values are
published, crs-rules.md §2.8): append an entry with its `id` (the in-force date), `in_force`,
`instrument`, `instrument_fr`, `source` and `changes`, even when it changes a core table
(`"core.age": {...}` in the form parameters.py gives). A factor that reads a profile answer no
formula reads yet needs that formula in factors.py. Then add case files under
tests/cases/rules/ (at least one each side of the in-force date).

`unconfirmed` entries: {"code", "lines": [line ids, any with points], optional "education":
[levels the profile must have], optional "between": (first day, last day) of the evaluation
date}; the message is messages.UNCONFIRMED[code].
"""

import datetime as _dt

from . import parameters as _parameters

AMENDMENTS = (
    {
        "id": "2015-01-01",
        "in_force": "2015-01-01",
        "instrument": "Ministerial Instructions respecting the Express Entry system "
                      "(Canada Gazette Part I, vol. 148, Extraordinary No. 10, 2014-12-01)",
        "instrument_fr": "Instructions ministérielles concernant le système Entrée express "
                         "(Gazette du Canada Partie I, vol. 148, no extraordinaire 10, 2014-12-01)",
        "source": "https://gazette.gc.ca/rp-pr/p1/2014/2014-12-01-x10/html/extra10-eng.php",
        "changes": _parameters.ORIGINAL,
        "notes": ("s.8(2)(d)(iii): 600 points for either a provincial nomination or a "
                  "qualifying offer of arranged employment; no other additional points."),
        # crs-rules.md §2.2: the second education tier of ss.21-22 was made explicit by MI
        # 2016-1; before it the master's and doctorate reading is ours.
        "unconfirmed": ({"code": "transfer_tier_2015", "education": ("masters", "doctorate"),
                         "lines": ("transferability.education.language",
                                   "transferability.education.canadian_work")},),
    },
    {
        "id": "2016-11-19",
        "in_force": "2016-11-19",
        "instrument": "Ministerial Instructions amending the Ministerial Instructions "
                      "respecting the Express Entry system (2016-1)",
        "instrument_fr": "Instructions ministérielles modifiant les Instructions ministérielles "
                         "concernant le système Entrée express (2016-1)",
        "source": "https://www.canada.ca/en/immigration-refugees-citizenship/news/notices/"
                  "notice-express-entry-candidates.html",
        "changes": {
            "additional.job_offer": {"teer_0_major_group_00": 200, "teer_0_1_2_3": 50},
            "additional.canadian_education": {"none": 0, "secondary": 0,
                                              "one_or_two_year": 15,
                                              "three_year_or_more": 30},
        },
        "notes": "Job offer 200 (NOC 00) / 50; new Canadian-credential points 15 / 30 (s.30).",
    },
    {
        "id": "2017-06-06",
        "in_force": "2017-06-06",
        "instrument": "Ministerial Instructions amending the Ministerial Instructions "
                      "respecting the Express Entry system (2017-1)",
        "instrument_fr": "Instructions ministérielles modifiant les Instructions ministérielles "
                         "concernant le système Entrée express (2017-1)",
        "source": "seeds/004_94a28e2d48a01e0e.txt; https://www.canada.ca/fr/immigration-"
                  "refugies-citoyennete/organisation/mandat/politiques-directives-"
                  "operationnelles-ententes-accords/instructions-ministerielles/systeme-"
                  "gestion-demandes-entree-express/modifiant-systeme-entree-express-2017.html",
        "changes": {"additional.sibling": 15, "additional.french": 15,
                    "additional.french.with_english": 30,
                    # s.11(5) and s.17(4) as replaced by MI 2017-1 (seed lines 134-138,
                    # 194-198): an ECA five years old or more earns no education points.
                    "core.education.eca_years": 5, "spouse.education.eca_years": 5},
        "notes": ("New s.31 (sibling in Canada, 15) and s.32 (French: 15, plus 15 with "
                  "English); s.11(5) and s.17(4): a stale ECA's education points removed."),
        # Some firms date the French change 2020-10-20 (crs-rules.md §2.4): a score under this
        # set in the week before 2020-10-27 may be missing French points.
        "unconfirmed": ({"code": "in_force_2020", "lines": ("additional.french",),
                         "between": ("2020-10-20", "2020-10-26")},),
    },
    {
        "id": "2020-10-27",
        "in_force": "2020-10-27",
        "instrument": "Ministerial Instructions amending the Ministerial Instructions "
                      "respecting the Express Entry system (French-language points, 2020)",
        "instrument_fr": "Instructions ministérielles modifiant les Instructions ministérielles "
                         "concernant le système Entrée express (points pour le français, 2020)",
        "source": "IRCC news release 2020-10-27 (copy: https://worktocanada.com/en/"
                  "points-supplementaires-dans-entree-express)",
        "changes": {"additional.french": 25, "additional.french.with_english": 50},
        "notes": "French points raised to 25 / 50.",
        # crs-rules.md §2.4 (✖): some firms date the change 2020-10-20; the amending text was
        # not found. We use the release date and say so wherever this set is shown.
        "unconfirmed": ({"code": "in_force_2020", "lines": ("additional.french",)},),
    },
    {
        "id": "2025-03-25",
        "in_force": "2025-03-25",
        "instrument": "Ministerial Instructions respecting the Express Entry system, as amended "
                      "(arranged-employment points removed)",
        "instrument_fr": "Instructions ministérielles concernant le système Entrée express, "
                         "modifiées (points pour un emploi réservé supprimés)",
        "source": "https://www.canada.ca/en/immigration-refugees-citizenship/services/"
                  "immigrate-canada/express-entry/check-score/crs-criteria.html "
                  "(read through copies, crs-rules.md §2.7)",
        "changes": {"additional.job_offer": {"teer_0_major_group_00": 0, "teer_0_1_2_3": 0}},
        "notes": "No points for arranged employment (it still counts for eligibility).",
    },
    # The 2026 reform (crs-rules.md §2.8, rules-2026.md §0-§2): a high-wage-occupation factor
    # consulted on in 2026; two third-party sources (grade R/SS) say something took effect on
    # 2026-11-03; no point value, MI text or Gazette notice was found. An entry with a
    # `status` is never used to score: from its date the result warns that the CRS may have
    # changed and that the previous rule set is applied (messages: warnings.announced_change).
    # When the values are published, drop the status and give `changes` (module docstring).
    {
        "id": "2026-11-03",
        "in_force": "2026-11-03",
        "status": "announced, no values published",
        "instrument": "High-wage occupation factor (announced; no Ministerial Instructions seen)",
        "instrument_fr": "Facteur des professions à salaire élevé (annoncé; aucune instruction "
                         "ministérielle vue)",
        "source": "shared/reference/rules-2026.md §0-§2 (grade R/SS: two unverified "
                  "third-party sources)",
        "changes": {},
    },
)

# Express Entry opened on 2015-01-01: no rule set before it.
FIRST_DAY = _dt.date(2015, 1, 1)


def _pair(value):
    """Two columns (with an accompanying spouse, without) from a value or a pair."""
    if type(value) is tuple and len(value) == 2 and not any(type(v) is tuple for v in value):
        return value
    return (value, value)


def _levels(bands, top=_parameters.LEVEL_TOP):
    """[(from level, value), ...] -> tuple indexed 0..top (0 below the first band)."""
    out = []
    below = (0, 0) if bands and type(bands[0][1]) is tuple else 0
    for level in range(top + 1):
        value = below
        for start, v in bands:
            if level >= start:
                value = v
        out.append(value)
    return tuple(out)


def _columns(table):
    """A table whose entries are pairs -> its two columns; a plain table -> itself, twice."""
    values = list(table.values()) if type(table) is dict else list(table)
    if not values or type(values[0]) is not tuple:
        return (table, table)
    if type(table) is dict:
        return tuple({k: v[col] for k, v in table.items()} for col in (0, 1))
    return tuple(tuple(v[col] for v in table) for col in (0, 1))


def _compile(kind, value):
    """A parameter's value as the formulas read it: always (with a spouse, without)."""
    if kind in ("points", "level", "years", "grid"):
        return _pair(value) if kind == "points" else (value, value)
    if kind == "by_age":
        ages = tuple(value.get(a, (0, 0)) for a in range(_parameters.AGE_TOP + 1))
        return _columns(ages)
    if kind in ("by_level", "tiers") and type(value) is list:
        return _columns(_levels(value))
    return _columns(value)       # by_choice, by_years, tiers as a dict or a tuple of years


class RuleSet:
    """Every parameter's value from `in_force` until the next set. `rs.values[name]` is the
    value as parameters.py writes it; `rs.table(name, col)` as the formulas read it."""

    __slots__ = ("id", "in_force", "instrument", "instrument_fr", "source", "notes",
                 "unconfirmed", "values", "lines", "columns", "counted")

    def __init__(self, amendment, values, lines):
        self.id = amendment["id"]
        self.in_force = _dt.date.fromisoformat(amendment["in_force"])
        self.instrument = amendment["instrument"]
        self.instrument_fr = amendment.get("instrument_fr", self.instrument)
        self.source = amendment["source"]
        self.notes = amendment.get("notes", "")
        self.unconfirmed = tuple(amendment.get("unconfirmed", ()))
        self.values = values
        from .factors import lines_for
        self.lines = lines_for(lines)
        compiled = {name: _compile(_parameters.DECLARED[name][0], value)
                    for name, value in values.items()}
        # {name: value} for each column (with a spouse, without): one dict lookup per use.
        self.columns = tuple({name: v[col] for name, v in compiled.items()} for col in (0, 1))
        # The lines added into each section (factors.Line.counts).
        self.counted = {section: tuple(line.id for line in self.lines
                                       if line.section == section and line.counts)
                        for section in ("core", "spouse", "transferability", "additional")}

    def table(self, name, col=0):
        return self.columns[col][name]

    def __repr__(self):
        return "RuleSet(%r)" % self.id


class RuleSets:
    """The rule sets made by a list of amendments, sorted by their in-force dates."""

    def __init__(self, amendments):
        values, added, sets = {}, (), []
        # Announced changes without values (a `status`) make no rule set: announced_on.
        self.announced = tuple(a for a in amendments if a.get("status"))
        for amendment in sorted((a for a in amendments if not a.get("status")),
                                key=lambda a: a["in_force"]):
            unknown = set(amendment["changes"]) - set(_parameters.DECLARED)
            if unknown:
                raise ValueError("%s changes no parameter named %s"
                                 % (amendment["id"], ", ".join(sorted(unknown))))
            values = {**values, **amendment["changes"]}
            added = added + tuple(amendment.get("lines", ()))
            sets.append(RuleSet(amendment, values, added))
        self.all = tuple(sets)
        self.by_id = {s.id: s for s in sets}
        self.latest = sets[-1]

    def announced_on(self, day):
        """Announced changes (no values published) dated on or before `day`."""
        return [a for a in self.announced if _dt.date.fromisoformat(a["in_force"]) <= day]

    def in_force_on(self, day):
        """The rule set in force on `day` (a date), or None before the first."""
        found = None
        for rule_set in self.all:
            if rule_set.in_force <= day:
                found = rule_set
            else:
                break
        return found


DEFAULT = RuleSets(AMENDMENTS)
RULE_SETS = DEFAULT.all
BY_ID = DEFAULT.by_id
LATEST = DEFAULT.latest
in_force_on = DEFAULT.in_force_on
announced_on = DEFAULT.announced_on


def at(name, day, col=1):
    """The value of parameter `name` on `day`, as the formulas read it (column `col` for a
    two-column table): the one lookup for every dated rule, points or not."""
    if name in _parameters.SERIES:
        return _parameters.series_on(name, day)
    rule_set = in_force_on(day)
    return None if rule_set is None else rule_set.table(name, col)
