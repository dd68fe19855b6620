"""Rule sets of the Comprehensive Ranking System, as dated data.

Like legislation parameters in OpenFisca: each amendment of the Ministerial Instructions that
changes points is one entry of AMENDMENTS, with the date it came into force, the instrument
behind it, where it was read, and only the values it changes. A rule set is the accumulation of
every amendment up to and including it. The core, spouse and transferability tables
(tables.py) have not changed since 2015-01-01; what changed is in the additional points
(MI s.8(1)(d)), so those are the parameters below.

How to add a new set of Ministerial Instructions (for example the 2026 reform once its point
values are published): append an entry to AMENDMENTS with its `id` (the in-force date),
`in_force`, `instrument`, `source`, and `changes` holding only the parameters it changes. A
parameter that did not exist before (a new factor) also needs its formula in factors.py and a
line in LINES there. Then add at least ten case files under tests/cases/rules/. Nothing else
dispatches on dates: the set in force on a date is found by `in_force_on`.
"""

import datetime as _dt

# The parameters of the first rule set; every later set overrides some of them.
# job_offer: points by profile value of `job_offer` (MI s.29).
# canadian_education: points by `canadian_education` (MI s.30).
# sibling: MI s.31. french: (NCLC 7+ alone, NCLC 7+ and CLB 5+ in English) (MI s.32).
_BASE = {
    "provincial_nomination": 600,
    "job_offer": {"teer_0_major_group_00": 600, "teer_0_1_2_3": 600},
    "canadian_education": {"none": 0, "secondary": 0, "one_or_two_year": 0,
                           "three_year_or_more": 0},
    "sibling": 0,
    "french": (0, 0),
}

AMENDMENTS = (
    {
        "id": "2015-01-01",
        "in_force": "2015-01-01",
        "instrument": "Ministerial Instructions respecting the Express Entry system "
                      "(Canada Gazette Part I, vol. 148, Extraordinary No. 10, 2014-12-01)",
        "instrument_fr": "Instructions ministérielles concernant le système Entrée express "
                         "(Gazette du Canada Partie I, vol. 148, no extraordinaire 10, 2014-12-01)",
        "source": "https://gazette.gc.ca/rp-pr/p1/2014/2014-12-01-x10/html/extra10-eng.php",
        "changes": _BASE,
        "notes": ("s.8(2)(d)(iii): 600 points for either a provincial nomination or a "
                  "qualifying offer of arranged employment; no other additional points."),
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
            "job_offer": {"teer_0_major_group_00": 200, "teer_0_1_2_3": 50},
            "canadian_education": {"none": 0, "secondary": 0, "one_or_two_year": 15,
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
        "changes": {"sibling": 15, "french": (15, 30)},
        "notes": "New s.31 (sibling in Canada, 15) and s.32 (French: 15, plus 15 with English).",
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
        "changes": {"french": (25, 50)},
        "notes": "French points raised to 25 / 50.",
        # crs-rules.md §2.4 (✖): some firms date the change 2020-10-20; the amending text was
        # not found. We use the release date and say so wherever this set is shown.
        "unconfirmed": "in_force_2020",
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
        "changes": {"job_offer": {"teer_0_major_group_00": 0, "teer_0_1_2_3": 0}},
        "notes": "No points for arranged employment (it still counts for eligibility).",
    },
    # The 2026 reform (crs-rules.md §2.8): announced, point values not published. When they
    # are, add it here as described in the module docstring, e.g.
    # {"id": "2026-MM-DD", "in_force": "2026-MM-DD", "instrument": "...", "source": "...",
    #  "changes": {...}},
)

# Express Entry opened on 2015-01-01: no rule set before it.
FIRST_DAY = _dt.date(2015, 1, 1)


class RuleSet:
    """The parameters in force from `in_force` until the next set."""

    __slots__ = ("id", "in_force", "instrument", "instrument_fr", "source", "notes",
                 "unconfirmed", "provincial_nomination", "job_offer", "canadian_education",
                 "sibling", "french")

    def __init__(self, amendment, params):
        self.id = amendment["id"]
        self.in_force = _dt.date.fromisoformat(amendment["in_force"])
        self.instrument = amendment["instrument"]
        self.instrument_fr = amendment["instrument_fr"]
        self.source = amendment["source"]
        self.notes = amendment.get("notes", "")
        self.unconfirmed = amendment.get("unconfirmed")
        self.provincial_nomination = params["provincial_nomination"]
        self.job_offer = dict(params["job_offer"])
        self.canadian_education = dict(params["canadian_education"])
        self.sibling = params["sibling"]
        self.french = tuple(params["french"])

    def __repr__(self):
        return "RuleSet(%r)" % self.id


def _build():
    params = {}
    sets = []
    for amendment in AMENDMENTS:
        params = {**params, **amendment["changes"]}
        sets.append(RuleSet(amendment, params))
    sets.sort(key=lambda s: s.in_force)
    return tuple(sets)


RULE_SETS = _build()
BY_ID = {s.id: s for s in RULE_SETS}
LATEST = RULE_SETS[-1]


def in_force_on(day):
    """The rule set in force on `day` (a date), or None before Express Entry opened."""
    found = None
    for rule_set in RULE_SETS:
        if rule_set.in_force <= day:
            found = rule_set
        else:
            break
    return found
