"""Reading a profile (shared/profile-format.md): validate everything, then normalise.

`parse` never raises for bad input: it returns the normalised Profile or a list of problems
(field path, error code, values for the message). Every problem in the document is reported,
not only the first, so a form can mark all its fields at once.
"""

import datetime as _dt

from . import clb as _clb
from . import dates as _dates
from .dates import EARLIEST as EARLIEST_DATE, LATEST as LATEST_DATE
from .dates import completed_years, timestamp
from . import messages as _messages
from .messages import key_text as _key_text
from .tables import ABILITIES, CANADIAN_EDUCATION, EDUCATION_LEVELS

MARITAL_STATUSES = ("never_married", "married", "common_law", "divorced_or_separated",
                    "legally_separated", "widowed", "annulled")
WITH_SPOUSE = ("married", "common_law")
JOB_OFFERS = (None, "teer_0_major_group_00", "teer_0_1_2_3")

# Field -> kind, for the top level and the spouse object (profile-format.md). Optional fields
# added by this project are documented in docs/profile-format-extensions.md.
TOP_FIELDS = ("as_of", "marital_status", "spouse", "age", "date_of_birth", "education",
              "eca_date", "canadian_education", "first_language", "second_language",
              "canadian_work_years", "foreign_work_years", "certificate_of_qualification",
              "job_offer", "provincial_nomination", "sibling_in_canada")
# docs/profile-format-extensions.md
EXTRA_FIELDS = ("work_history", "job_offer_details", "settlement_funds", "family_size",
                "intends_to_live_in_quebec", "authorized_to_work_in_canada", "studied_in_canada",
                "relative_in_canada", "submitted_at", "scenarios")
SPOUSE_FIELDS = ("canadian_citizen_or_pr", "accompanying", "education", "eca_date",
                 "canadian_work_years", "language", "studied_in_canada",
                 # The facts a principal applicant is scored on, for the couple swapped
                 # (crs.couple; docs/profile-format-extensions.md, "The spouse or partner").
                 "age", "date_of_birth", "canadian_education", "second_language",
                 "foreign_work_years", "certificate_of_qualification", "work_history",
                 "provincial_nomination")
PERIOD_FIELDS = ("where", "teer", "noc", "start", "end", "hours_per_week", "paid",
                 "self_employed", "while_full_time_student")
OFFER_FIELDS = ("full_time", "non_seasonal", "at_least_one_year", "teer", "noc",
                "lmia_or_exempt")
MAX_PERIODS = 30
# Scenarios kept next to the answers (docs/profile-format-extensions.md, "Scenarios"): checked
# here, never scored; crs.scenarios computes them, a copy's profile read only then.
SCENARIO_KINDS = ("what_if", "later", "swapped", "copy")
SCENARIO_FIELDS = {"what_if": ("kind", "name", "option"),
                   "later": ("kind", "name", "as_of", "work"),
                   "swapped": ("kind", "name"), "copy": ("kind", "name", "profile")}
MAX_SCENARIOS = 4
MAX_SCENARIO_NAME = 60
# A copy is scored on the current answers' day and holds no scenarios of its own.
NOT_IN_COPY = ("as_of", "scenarios")
# The ids of crs.whatif's single changes (whatif.candidates; crs.whatif is shipped apart from
# the page's first download, so the ids are here; tests/core/test_scenarios.py checks them).
WHAT_IF_OPTIONS = ("weakest_plus_one", "first_clb_9", "first_clb_10", "french_nclc_7",
                   "english_clb_5", "second_language_9", "swap_languages",
                   "canadian_work_plus_one", "foreign_work_plus_one", "canadian_credential",
                   "canadian_credential_short", "education_next", "spouse_test",
                   "spouse_education", "spouse_canadian_work", "certificate", "nomination")
LANGUAGE_FIELDS = ("test",) + ABILITIES + ("test_date",)

_TOP = frozenset(TOP_FIELDS + EXTRA_FIELDS)
_EXTRA = frozenset(EXTRA_FIELDS)
_PERIOD = frozenset(PERIOD_FIELDS)
_OFFER = frozenset(OFFER_FIELDS)
_SPOUSE = frozenset(SPOUSE_FIELDS)
_LANGUAGE = frozenset(LANGUAGE_FIELDS)

# Questions 6i, 6ii and 12 ask about the last ten years: more cannot be true.
MAX_WORK_YEARS = 10
MAX_AGE = 120


class Language:
    """A language result read into levels: clb = (speaking, listening, reading, writing)."""

    __slots__ = ("test", "language", "scale", "test_date", "clb")

    def __init__(self, test, language, scale, test_date, clb):
        self.test = test
        self.language = language
        self.scale = scale
        self.test_date = test_date
        self.clb = clb

    @property
    def weakest(self):
        return min(self.clb)

    def as_dict(self):
        out = {"language": self.language}
        out.update(zip(ABILITIES, self.clb))
        return out


class Profile:
    """A valid profile, normalised: defaults filled, results converted to levels."""

    __slots__ = ("marital_status", "accompanied", "spouse_status", "spouse_education",
                 "spouse_eca_date",
                 "spouse_canadian_work_years", "spouse_language", "age", "date_of_birth",
                 "education", "eca_date", "canadian_education", "first", "second",
                 "canadian_work_years", "foreign_work_years", "certificate", "job_offer",
                 "nomination", "sibling", "spouse_details_given", "extra")

    @property
    def english(self):
        return self.first if self.first.language == "en" else self.second

    @property
    def french(self):
        return self.first if self.first.language == "fr" else self.second


def evaluation_date(value):
    """The evaluation date (`as_of`) as the caller gives it (a document's own `as_of`, the API's
    argument, the command line's --date): None for today, a datetime.date or YYYY-MM-DD text,
    from EARLIEST_DATE to LATEST_DATE like every date of the format (out of that range an age
    or an anniversary can leave what a date can hold). Returns (date, None) or (None, problem),
    the problem as parse reports them."""
    if value is None:
        return _dt.date.today(), None
    day = value if type(value) is _dt.date else _dates.parse(value)
    if day is None:
        return None, ("as_of", "invalid_date", {"got": value})
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        return None, ("as_of", "out_of_range", {"range": ("date_between", EARLIEST_DATE,
                                                          LATEST_DATE), "got": day.isoformat()})
    return day, None


class _Reader:
    """Collects problems while reading one document."""

    __slots__ = ("problems",)

    def __init__(self):
        self.problems = []

    def add(self, field, code, **values):
        self.problems.append((field, code, values))

    def unknown(self, obj, allowed, allowed_order, prefix):
        for key in obj:
            if key not in allowed:
                # The key is echoed in the path: bounded, and written as valid UTF-8.
                self.add(prefix + _key_text(key), "unknown_field", allowed=allowed_order)

    def boolean(self, obj, key, path):
        value = obj.get(key, False)
        if value is None:
            return False
        if type(value) is not bool:
            self.add(path, "wrong_type", kind="boolean", got=value)
            return False
        return value

    def integer(self, obj, key, path, low, high, default=0):
        value = obj.get(key, default)
        if value is None:
            return default
        if type(value) is float and value.is_integer():
            value = int(value)
        if type(value) is not int:
            self.add(path, "wrong_type", kind="integer", got=value)
            return None
        if not low <= value <= high:
            self.add(path, "out_of_range", range=("range", "integer", low, high), got=value)
            return None
        return value

    def choice(self, obj, key, path, allowed, kind, default=None, required=False):
        if key not in obj or (obj[key] is None and None not in allowed):
            if required:
                self.add(path, "required")
            return default
        value = obj[key]
        if value not in allowed or (value is not None and type(value) is not str):
            self.add(path, "not_allowed", choices=kind, got=value)
            return None
        return value

    def date(self, obj, key, path, low=EARLIEST_DATE, high=LATEST_DATE):
        value = obj.get(key)
        if value is None:
            return None
        if type(value) is not str:
            self.add(path, "wrong_type", kind="date", got=value)
            return None
        day = _dates.parse(value)
        if day is None:
            self.add(path, "invalid_date", got=value)
            return None
        if day < low:
            self.add(path, "out_of_range", range=("date_after", low), got=value)
            return None
        if day > high:
            self.add(path, "out_of_range", range=("date_before", high), got=value)
            return None
        return day

    def language(self, obj, key, path, required):
        value = obj.get(key)
        if value is None:
            if required:
                self.add(path, "required")
            return None
        if type(value) is not dict:
            self.add(path, "wrong_type", kind="object_or_null", got=value)
            return None
        self.unknown(value, _LANGUAGE, LANGUAGE_FIELDS, path + ".")
        test = value.get("test")
        if test is None:
            self.add(path + ".test", "required")
            return None
        if type(test) is not str or test not in _clb.TESTS:
            self.add(path + ".test", "not_allowed", choices="test", got=test)
            return None
        test_date = self.date(value, "test_date", path + ".test_date")
        scale = _clb.scale_for(test, test_date)
        clb = []
        for ability in ABILITIES:
            score = value.get(ability)
            kind = type(score)
            if kind is int or kind is float:
                # clb.valid_score checks the range before dividing by the step: an integer of
                # 309 digits or more cannot be divided into a float (OverflowError).
                if _clb.valid_score(scale, ability, score):
                    clb.append(_clb.level(scale, ability, score))
                    continue
                low, high, step_ = _clb.SCALES[scale]["range"][ability]
                rng = ("range", "integer", low, high) if step_ == 1 else ("step", low, high, step_)
                self.add(path + "." + ability, "out_of_range", range=rng, got=score, test=test)
            elif score is None:
                self.add(path + "." + ability, "required")
            else:
                self.add(path + "." + ability, "wrong_type", kind="number", got=score)
        if len(clb) < 4:
            return None
        return Language(test, _clb.TESTS[test][0], scale, test_date, tuple(clb))


def parse(doc, as_of):
    """Read a document. Returns (profile, as_of, problems); profile is None when invalid.

    `as_of` is the caller's evaluation date (a date); the document's own `as_of` wins.
    """
    r = _Reader()
    if type(doc) is not dict:
        r.add("profile", "wrong_type", kind="object", got=doc)
        return None, as_of, r.problems
    r.unknown(doc, _TOP, TOP_FIELDS + EXTRA_FIELDS, "")

    if doc.get("as_of") is not None:
        own, problem = evaluation_date(doc["as_of"])
        if problem:
            r.problems.append(problem)
        else:
            as_of = own

    p = Profile()
    p.marital_status = r.choice(doc, "marital_status", "marital_status", MARITAL_STATUSES,
                                "marital_status", required=True)

    # Spouse (questions 2i, 2ii, 11-13).
    p.accompanied = False
    p.spouse_status = None
    p.spouse_details_given = False
    p.spouse_education = None
    p.spouse_eca_date = None
    p.spouse_canadian_work_years = 0
    p.spouse_language = None
    spouse = doc.get("spouse")
    if p.marital_status in WITH_SPOUSE:
        if spouse is None:
            r.add("spouse", "required")
        elif type(spouse) is not dict:
            r.add("spouse", "wrong_type", kind="object", got=spouse)
        else:
            r.unknown(spouse, _SPOUSE, SPOUSE_FIELDS, "spouse.")
            spouse_studied = r.boolean(spouse, "studied_in_canada", "spouse.studied_in_canada")
            citizen = r.boolean(spouse, "canadian_citizen_or_pr", "spouse.canadian_citizen_or_pr")
            coming = r.boolean(spouse, "accompanying", "spouse.accompanying")
            # The other fields are read (and checked) even when they will not count, so that a
            # document is valid or not whatever the two answers above.
            p.spouse_education = r.choice(spouse, "education", "spouse.education",
                                          EDUCATION_LEVELS + (None,), "education")
            p.spouse_eca_date = r.date(spouse, "eca_date", "spouse.eca_date")
            p.spouse_canadian_work_years = r.integer(spouse, "canadian_work_years",
                                                     "spouse.canadian_work_years", 0,
                                                     MAX_WORK_YEARS)
            p.spouse_language = r.language(spouse, "language", "spouse.language", False)
            _spouse_as_principal(r, spouse, as_of, p.spouse_language)
            p.spouse_details_given = bool(p.spouse_education or p.spouse_canadian_work_years
                                          or p.spouse_language)
            # MI s.1 (current) and crs-rules.md §3.1: accompanying = will come AND is not a
            # citizen or permanent resident; otherwise the candidate is scored as single.
            p.accompanied = coming and not citizen
            if citizen:
                p.spouse_status = "citizen"
            elif not coming:
                p.spouse_status = "not_coming"
    elif spouse is not None and p.marital_status is not None:
        r.add("spouse", "not_applicable", status=p.marital_status)

    # Age (question 3): one of age / date_of_birth.
    p.age, p.date_of_birth = _age(r, doc, "", as_of, required=True)

    p.education = r.choice(doc, "education", "education", EDUCATION_LEVELS, "education",
                           required=True)
    p.eca_date = r.date(doc, "eca_date", "eca_date")
    p.canadian_education = r.choice(doc, "canadian_education", "canadian_education",
                                    CANADIAN_EDUCATION, "canadian_education", default="none")

    p.first = r.language(doc, "first_language", "first_language", True)
    p.second = r.language(doc, "second_language", "second_language", False)
    if p.first is not None and p.second is not None and p.first.language == p.second.language:
        r.add("second_language.test", "same_language", first=p.first.language,
              got=doc["second_language"].get("test"))
        p.second = None

    p.canadian_work_years = r.integer(doc, "canadian_work_years", "canadian_work_years", 0,
                                      MAX_WORK_YEARS)
    p.foreign_work_years = r.integer(doc, "foreign_work_years", "foreign_work_years", 0,
                                     MAX_WORK_YEARS)
    p.certificate = r.boolean(doc, "certificate_of_qualification",
                              "certificate_of_qualification")
    p.job_offer = r.choice(doc, "job_offer", "job_offer", JOB_OFFERS, "job_offer")
    p.nomination = r.boolean(doc, "provincial_nomination", "provincial_nomination")
    p.sibling = r.boolean(doc, "sibling_in_canada", "sibling_in_canada")

    # The optional fields of docs/profile-format-extensions.md: read only when present, so a
    # plain score pays nothing for them.
    p.extra = _extra(r, doc, as_of) if not _EXTRA.isdisjoint(doc) else {}
    if p.marital_status in WITH_SPOUSE and type(spouse) is dict and spouse.get("studied_in_canada"):
        p.extra["spouse_studied_in_canada"] = True

    if r.problems:
        return None, as_of, r.problems
    return p, as_of, r.problems


def _age(r, obj, prefix, as_of, required):
    """(age, date of birth) from one of `age` / `date_of_birth` (the candidate's, or the
    spouse's with prefix "spouse.")."""
    has_age = obj.get("age") is not None
    has_birth = obj.get("date_of_birth") is not None
    if has_age and has_birth:
        r.add(prefix + "date_of_birth", "conflict")
    elif has_age:
        return r.integer(obj, "age", prefix + "age", 0, MAX_AGE), None
    elif has_birth:
        born = r.date(obj, "date_of_birth", prefix + "date_of_birth", high=as_of)
        if born is not None:
            age = completed_years(born, as_of)
            if age > MAX_AGE:
                r.add(prefix + "date_of_birth", "out_of_range", range=("date_after", EARLIEST_DATE),
                      got=obj["date_of_birth"])
            return age, born
    elif required:
        r.add(prefix + "age", "required")
    return None, None


def _spouse_as_principal(r, spouse, as_of, first):
    """Check the spouse's principal-applicant facts (crs.couple reads them from the swapped
    document): a document is valid or not whatever the swap will need."""
    _age(r, spouse, "spouse.", as_of, required=False)
    r.choice(spouse, "canadian_education", "spouse.canadian_education", CANADIAN_EDUCATION,
             "canadian_education")
    second = r.language(spouse, "second_language", "spouse.second_language", False)
    if first is not None and second is not None and first.language == second.language:
        r.add("spouse.second_language.test", "same_language", first=first.language,
              got=spouse["second_language"].get("test"))
    r.integer(spouse, "foreign_work_years", "spouse.foreign_work_years", 0, MAX_WORK_YEARS)
    r.boolean(spouse, "certificate_of_qualification", "spouse.certificate_of_qualification")
    r.boolean(spouse, "provincial_nomination", "spouse.provincial_nomination")
    if spouse.get("work_history") is not None:
        _work_history(r, spouse["work_history"], "spouse.work_history")


def _extra(r, doc, as_of):
    x = {}
    history = doc.get("work_history")
    if history is not None:
        periods = _work_history(r, history, "work_history")
        if periods is not None:
            x["work_history"] = periods
    offer = doc.get("job_offer_details")
    if offer is not None:
        if type(offer) is not dict:
            r.add("job_offer_details", "wrong_type", kind="object_or_null", got=offer)
        else:
            r.unknown(offer, _OFFER, OFFER_FIELDS, "job_offer_details.")
            details = {}
            for key in ("full_time", "non_seasonal", "at_least_one_year", "lmia_or_exempt"):
                if offer.get(key) is not None:
                    details[key] = r.boolean(offer, key, "job_offer_details." + key)
            details["teer"] = r.integer(offer, "teer", "job_offer_details.teer", 0, 3,
                                        default=None)
            details["noc"] = _noc(r, offer, "job_offer_details")
            x["job_offer_details"] = details
    funds = doc.get("settlement_funds")
    if funds is not None:
        if isinstance(funds, bool) or not isinstance(funds, (int, float)):
            r.add("settlement_funds", "wrong_type", kind="number", got=funds)
        elif not 0 <= funds <= 1e9:
            r.add("settlement_funds", "out_of_range", range=("range", "number", 0, 10**9),
                  got=funds)
        else:
            x["settlement_funds"] = funds
    if doc.get("family_size") is not None:
        x["family_size"] = r.integer(doc, "family_size", "family_size", 1, 20)
    for key in ("intends_to_live_in_quebec", "authorized_to_work_in_canada",
                "studied_in_canada", "relative_in_canada"):
        if doc.get(key) is not None:
            x[key] = r.boolean(doc, key, key)
    if doc.get("submitted_at") is not None:
        moment, code = timestamp(doc["submitted_at"])
        if code == "invalid_date":
            r.add("submitted_at", code, got=doc["submitted_at"])
        elif code:
            r.add("submitted_at", code, range=("date_between", EARLIEST_DATE, LATEST_DATE),
                  got=doc["submitted_at"])
        else:
            x["submitted_at"] = moment
    if doc.get("scenarios") is not None:
        x["scenarios"] = _scenarios(r, doc["scenarios"])
    return x


def scenarios_of(value):
    """Read a `scenarios` value on its own (the page keeps its scenarios apart from the
    answers). Returns (entries, problems of the list, problems of each entry): entry i is
    scenario i normalised ({"kind", "name", and "option", "as_of" (a date) or "profile" (the
    copy's document as given)}) or None when it has problems; at most MAX_SCENARIOS are read.
    Problems are (field path, code, values), as parse reports them."""
    r = _Reader()
    per = []
    entries = _scenarios(r, value, per)
    return entries, [p for p in r.problems if p[0] == "scenarios"], per


def _scenarios(r, value, per=None):
    if type(value) is not list:
        r.add("scenarios", "wrong_type", kind="list", got=value)
        return []
    if len(value) > MAX_SCENARIOS:
        r.add("scenarios", "too_many", detail=_messages.detail(
            "scenarios", size=len(value), limit=MAX_SCENARIOS))
    out = []
    for i, entry in enumerate(value[:MAX_SCENARIOS]):
        before = len(r.problems)
        found = _scenario(r, entry, "scenarios.%d" % i)
        mine = r.problems[before:]
        if per is not None:
            per.append(list(mine))
        out.append(None if mine else found)
    return out


def _scenario(r, entry, path):
    if type(entry) is not dict:
        r.add(path, "wrong_type", kind="object", got=entry)
        return None
    kind = r.choice(entry, "kind", path + ".kind", SCENARIO_KINDS, "scenario_kind",
                    required=True)
    if kind is None:
        return None
    fields = SCENARIO_FIELDS[kind]
    r.unknown(entry, frozenset(fields), fields, path + ".")
    out = {"kind": kind, "name": None}
    name = entry.get("name")
    if name is not None:
        if type(name) is not str:
            r.add(path + ".name", "wrong_type", kind="string", got=name)
        elif len(name) > MAX_SCENARIO_NAME:
            r.add(path + ".name", "out_of_range", range=("length", MAX_SCENARIO_NAME),
                  got=name)
        else:
            out["name"] = name.strip() or None
    if kind == "what_if":
        option = entry.get("option")
        if option is None:
            r.add(path + ".option", "required")
        elif type(option) is not str or option not in WHAT_IF_OPTIONS:
            r.add(path + ".option", "unknown_what_if", allowed=WHAT_IF_OPTIONS, got=option)
        out["option"] = option
    elif kind == "later":
        if entry.get("as_of") is None:
            r.add(path + ".as_of", "required")
        out["as_of"] = r.date(entry, "as_of", path + ".as_of")
        out["work"] = r.choice(entry, "work", path + ".work", ("canada", "abroad", None),
                               "where")
    elif kind == "copy":
        copied = entry.get("profile")
        if copied is None:
            r.add(path + ".profile", "required")
        elif type(copied) is not dict:
            r.add(path + ".profile", "wrong_type", kind="object", got=copied)
        else:
            for key in NOT_IN_COPY:
                if key in copied:
                    r.add(path + ".profile." + key, "not_in_copy")
        out["profile"] = copied
    return out


def _work_history(r, history, field):
    """The work periods of `work_history` (the candidate's or the spouse's: `field` is its
    path), or None when the list itself is wrong."""
    if type(history) is not list:
        r.add(field, "wrong_type", kind="list", got=history)
        return None
    if len(history) > MAX_PERIODS:
        r.add(field, "out_of_range", range=("range", "integer", 0, MAX_PERIODS),
              got=len(history))
        return None
    periods = []
    for i, period in enumerate(history):
        path = "%s.%d" % (field, i)
        if type(period) is not dict:
            r.add(path, "wrong_type", kind="object", got=period)
            continue
        r.unknown(period, _PERIOD, PERIOD_FIELDS, path + ".")
        where = r.choice(period, "where", path + ".where", ("canada", "abroad"), "where",
                         required=True)
        teer = r.integer(period, "teer", path + ".teer", 0, 5, default=None)
        if teer is None and "teer" not in period:
            r.add(path + ".teer", "required")
        noc = _noc(r, period, path)
        start = r.date(period, "start", path + ".start")
        if start is None and period.get("start") is None:
            r.add(path + ".start", "required")
        end = r.date(period, "end", path + ".end")
        if start is not None and end is not None and end < start:
            r.add(path + ".end", "out_of_range", range=("date_after", start),
                  got=period["end"])
        hours = period.get("hours_per_week", 30)
        if isinstance(hours, bool) or not isinstance(hours, (int, float)):
            r.add(path + ".hours_per_week", "wrong_type", kind="number", got=hours)
        elif not 0 < hours <= 80:
            r.add(path + ".hours_per_week", "out_of_range",
                  range=("range", "number", 1, 80), got=hours)
        periods.append({
            "where": where, "teer": teer, "noc": noc, "start": start, "end": end,
            "hours_per_week": hours,
            "paid": r.boolean(dict(period, paid=period.get("paid", True)), "paid",
                              path + ".paid"),
            "self_employed": r.boolean(period, "self_employed", path + ".self_employed"),
            "while_full_time_student": r.boolean(period, "while_full_time_student",
                                                 path + ".while_full_time_student"),
        })
    return periods


def _noc(r, obj, path):
    noc = obj.get("noc")
    if noc is None:
        return None
    if type(noc) is not str or len(noc) != 5 or not noc.isdigit():
        r.add(path + ".noc", "out_of_range", range=("noc",), got=noc)
        return None
    return noc
