"""Program eligibility: can the candidate enter the pool (MI s.5(1))?

To be invited a candidate must be able to meet the requirements of one of the three federal
classes (MI s.2(a)-(c)): Federal Skilled Worker (IRPR 75-76, with the 67-point grid), Canadian
Experience (IRPR 87.1), Federal Skilled Trades (IRPR 87.2). Values: crs-rules.md §5.

Each requirement is met, not met, or unknown (the profile does not say enough: the answer then
names what to add). A program is eligible when every requirement is met, not eligible when
one is not met, otherwise "unknown". Only the optional fields of
docs/profile-format-extensions.md make most answers certain; without them the check says what
it can from the score's own questions.
"""


from . import catalogue as _catalogue
from . import dates as _dates
from . import formats as _formats
from . import parameters as _parameters
from . import profile as _profile

MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
ELIGIBLE, NOT_ELIGIBLE = "eligible", "not_eligible"

FULL_TIME_HOURS_PER_WEEK = 30      # IRPR 73(1) / 80(7): full time = 30 hours a week
HOURS_PER_YEAR = 1560              # 30 h x 52 weeks

# --- FSW selection grid (IRPR 76-83; crs-rules.md §5.2) ------------------------------------

FSW_PASS_MARK = 67
FSW_LANGUAGE_FIRST = {7: 4, 8: 5, 9: 6}        # per ability, CLB 9 or more = 6 (IRPR 79(2))
FSW_EDUCATION = {"none": 0, "secondary": 5, "one_year": 15, "two_year": 19, "bachelors": 21,
                 "two_or_more": 22, "masters": 23, "doctorate": 25}   # IRPR 78(2)
FSW_AGE = {36: 11, 37: 10, 38: 9, 39: 8, 40: 7, 41: 6, 42: 5, 43: 4, 44: 3, 45: 2, 46: 1}


def fsw_age_points(age):
    """IRPR 81: 12 points from 18 to 35, one less a year to 46, none from 47 or under 18."""
    if age < 18 or age >= 47:
        return 0
    return 12 if age <= 35 else FSW_AGE[age]


def fsw_experience_points(years):
    """IRPR 80(1): 1 year 9, 2-3 years 11, 4-5 years 13, 6 or more 15."""
    if years >= 6:
        return 15
    if years >= 4:
        return 13
    if years >= 2:
        return 11
    return 9 if years >= 1 else 0


# --- Settlement funds (IRPR 76(1)(b)(i), 87.2(5)): a dated parameter (parameters.SERIES) ----

def funds_required(family_size, as_of):
    """Half the low-income cut-off for the family size, in force on `as_of` (the earliest
    table we have is used for earlier dates). Returns (amount, the table's first day)."""
    name = "eligibility.settlement_funds"
    first, (amounts, extra) = _parameters.series_entry(name, as_of) or \
        _parameters.series_entry(name, _parameters.first_day_of(name))
    if family_size <= len(amounts):
        return amounts[family_size - 1], first
    return amounts[-1] + extra * (family_size - len(amounts)), first


# --- Skilled trades (IRPR 87.2(1), NOC 2021; crs-rules.md §5.4) ---------------------------


def is_skilled_trade(noc):
    """NOC 2021: Major Groups 72 (not 726), 73, 82, 83, 92, 93 (not 932); Minor Group 6320;
    Unit Group 62200."""
    if noc is None:
        return None
    if noc == "62200" or noc.startswith("6320"):
        return True
    if noc.startswith("726") or noc.startswith("932"):
        return False
    return noc[:2] in ("72", "73", "82", "83", "92", "93")


# --- Work history arithmetic -------------------------------------------------------------


def period_hours(period, since, until):
    """Full-time-equivalent hours of a period inside [since, until]: hours above 30 a week do
    not add (IRPR 80(7), 87.1(4))."""
    start = max(period["start"], since)
    end = min(period["end"] or until, until)
    if end < start:
        return 0.0
    weeks = ((end - start).days + 1) / 7
    return weeks * min(period["hours_per_week"], FULL_TIME_HOURS_PER_WEEK)


def _qualifying(history, as_of, years, where=None, teers=(0, 1, 2, 3), cec=False,
                trade=False):
    """Periods that count, with their hours in the window of `years` before `as_of`."""
    since = _dates.period_start(as_of, years)
    out = []
    for p in history:
        if not p["paid"] or p["teer"] not in teers:
            continue
        if where and p["where"] != where:
            continue
        if cec and (p["self_employed"] or p["while_full_time_student"]):
            continue   # IRPR 87.1(3)(b)
        if trade and not is_skilled_trade(p["noc"]):
            continue
        hours = period_hours(p, since, as_of)
        if hours > 0:
            out.append((p, hours))
    return out


# --- Requirements -----------------------------------------------------------------------

TEXT = _catalogue.pairs("eligibility.requirements")

WHY = _catalogue.pairs("eligibility.why")

PROGRAMS = _catalogue.pairs("eligibility.programs")

SUMMARY = _catalogue.pairs("eligibility.summary")


def _req(rid, status, lang, why=None, **values):
    i = 1 if lang == "fr" else 0
    out = {"id": rid, "status": status, "message": TEXT[rid][i].format(**values)}
    if why:
        out["why"] = WHY[why][i]
    return out


def _common(p, x, as_of, lang):
    reqs = []
    # Like every boolean of the format, an unanswered Quebec question means "no".
    quebec = x.get("intends_to_live_in_quebec", False)
    reqs.append(_req("quebec", NOT_MET if quebec else MET, lang))
    stale = any(r is not None and r.test_date is not None
                and _dates.completed_years(r.test_date, as_of) >= 2
                for r in (p.first, p.second))
    reqs.append(_req("language_valid", NOT_MET if stale else MET, lang))
    return reqs


def _funds(p, x, as_of, lang, exempt):
    size = x.get("family_size") or (2 if p.marital_status in _profile.WITH_SPOUSE else 1)
    amount, since = funds_required(size, as_of)
    values = dict(amount=amount, amount_fr=_formats.integer(amount, "fr"),
                  size=size, since=since.isoformat())
    if exempt:
        return _req("funds", MET, lang, **values)
    have = x.get("settlement_funds")
    if have is None:
        return _req("funds", UNKNOWN, lang, why="need_funds", **values)
    return _req("funds", MET if have >= amount else NOT_MET, lang, **values)


def _valid_offer(p, x):
    """True / False / None (unknown) for 'a valid full-time job offer of at least a year'."""
    if not p.job_offer:
        return False
    d = x.get("job_offer_details")
    if not d:
        return None
    # Q8 of the official tool already asks for "a valid job offer supported by an LMIA (if
    # needed)", so non_seasonal and lmia_or_exempt only disqualify when explicitly false; full
    # time and a duration of a year are what the score's question does not say.
    if False in (d.get("non_seasonal"), d.get("lmia_or_exempt")):
        return False
    flags = [d.get(k) for k in ("full_time", "at_least_one_year")]
    if False in flags:
        return False
    return None if None in flags else True


def fsw(p, x, as_of, lang):
    reqs = _common(p, x, as_of, lang)
    weakest = min(p.first.clb)
    reqs.append(_req("fsw_language", MET if weakest >= 7 else NOT_MET, lang))

    history = x.get("work_history")
    if history is not None:
        periods = _qualifying(history, as_of, 10)
        # "Continuous" and "in one occupation": one period must carry the year on its own.
        ok = any(hours >= HOURS_PER_YEAR for _, hours in periods)
        reqs.append(_req("fsw_experience", MET if ok else NOT_MET, lang))
        years = int(sum(h for _, h in periods) // HOURS_PER_YEAR)
    else:
        years = p.canadian_work_years + p.foreign_work_years
        reqs.append(_req("fsw_experience", UNKNOWN if years else NOT_MET, lang,
                         why="need_history" if years else None))

    eca_stale = p.eca_date is not None and _dates.completed_years(p.eca_date, as_of) >= 5
    if p.education == "none":
        reqs.append(_req("fsw_education", NOT_MET, lang, why="no_credential"))
    elif eca_stale:
        reqs.append(_req("fsw_education", NOT_MET, lang, why="stale_eca"))
    else:
        reqs.append(_req("fsw_education", MET, lang))

    offer = _valid_offer(p, x)
    exempt = bool(offer) and bool(x.get("authorized_to_work_in_canada"))
    reqs.append(_funds(p, x, as_of, lang, exempt))

    grid = fsw_grid(p, x, years, offer)
    reqs.append(_req("fsw_grid", MET if grid["total"] >= FSW_PASS_MARK else NOT_MET, lang,
                     points=grid["total"]))
    return reqs, grid


def fsw_grid(p, x, years, offer):
    """The six selection factors, line by line (IRPR 76(1)(a))."""
    first = sum(FSW_LANGUAGE_FIRST.get(min(level, 9), 0) for level in p.first.clb)
    second = 4 if p.second is not None and min(p.second.clb) >= 5 else 0
    arranged = 10 if offer else 0
    sp = p.accompanied
    adapt = {
        "spouse_language": 5 if sp and p.spouse_language is not None
        and min(p.spouse_language.clb) >= 4 else 0,
        "study": 5 if x.get("studied_in_canada") else 0,
        "spouse_study": 5 if sp and x.get("spouse_studied_in_canada") else 0,
        "work": 10 if p.canadian_work_years >= 1 else 0,
        "spouse_work": 5 if sp and p.spouse_canadian_work_years >= 1 else 0,
        "arranged_employment": 5 if offer else 0,
        "relative": 5 if x.get("relative_in_canada") or p.sibling else 0,
    }
    lines = [
        {"id": "language", "points": min(28, first + second), "max": 28, "ref": "IRPR 79"},
        {"id": "education", "points": FSW_EDUCATION[p.education], "max": 25, "ref": "IRPR 78"},
        {"id": "experience", "points": fsw_experience_points(years), "max": 15,
         "ref": "IRPR 80"},
        {"id": "age", "points": fsw_age_points(p.age), "max": 12, "ref": "IRPR 81"},
        {"id": "arranged_employment", "points": arranged, "max": 10, "ref": "IRPR 82"},
        {"id": "adaptability", "points": min(10, sum(adapt.values())), "max": 10,
         "ref": "IRPR 83", "items": adapt},
    ]
    return {"lines": lines, "total": sum(line["points"] for line in lines),
            "pass_mark": FSW_PASS_MARK}


def cec(p, x, as_of, lang):
    reqs = _common(p, x, as_of, lang)
    weakest = min(p.first.clb)
    history = x.get("work_history")
    if history is not None:
        top = sum(h for _, h in _qualifying(history, as_of, 3, "canada", (0, 1), cec=True))
        any_ = sum(h for _, h in _qualifying(history, as_of, 3, "canada", cec=True))
        reqs.append(_req("cec_experience", MET if any_ >= HOURS_PER_YEAR else NOT_MET, lang))
        if weakest >= 7:
            lang_ok = MET
        elif weakest >= 5:
            # CLB 5-6 qualifies only on a year of TEER 2 or 3 work.
            lang_ok = MET if any_ - top >= HOURS_PER_YEAR else NOT_MET
        else:
            lang_ok = NOT_MET
        reqs.append(_req("cec_language", lang_ok, lang))
    else:
        has = p.canadian_work_years >= 1
        reqs.append(_req("cec_experience", UNKNOWN if has else NOT_MET, lang,
                         why="need_history" if has else None))
        if weakest >= 7:
            reqs.append(_req("cec_language", MET, lang))
        elif weakest >= 5:
            reqs.append(_req("cec_language", UNKNOWN, lang, why="need_teer"))
        else:
            reqs.append(_req("cec_language", NOT_MET, lang))
    return reqs


def fst(p, x, as_of, lang):
    reqs = _common(p, x, as_of, lang)
    s, l, r, w = p.first.clb
    reqs.append(_req("fst_language", MET if s >= 5 and l >= 5 and r >= 4 and w >= 4
                     else NOT_MET, lang))
    history = x.get("work_history")
    if history is None:
        reqs.append(_req("fst_experience", UNKNOWN, lang, why="need_history"))
    else:
        hours = sum(h for _, h in _qualifying(history, as_of, 5, trade=True, teers=range(6)))
        if hours >= 2 * HOURS_PER_YEAR:
            reqs.append(_req("fst_experience", MET, lang))
        elif any(q["noc"] is None for q in history):
            reqs.append(_req("fst_experience", UNKNOWN, lang, why="need_noc"))
        else:
            reqs.append(_req("fst_experience", NOT_MET, lang))
    offer = _valid_offer(p, x)
    if p.certificate or offer:
        reqs.append(_req("fst_offer_or_certificate", MET, lang))
    elif offer is None:
        reqs.append(_req("fst_offer_or_certificate", UNKNOWN, lang, why="offer_details"))
    else:
        reqs.append(_req("fst_offer_or_certificate", NOT_MET, lang))
    exempt = bool(offer) and bool(x.get("authorized_to_work_in_canada"))
    reqs.append(_funds(p, x, as_of, lang, exempt))
    return reqs


def _status(reqs):
    states = {r["status"] for r in reqs}
    if NOT_MET in states:
        return NOT_ELIGIBLE
    return UNKNOWN if UNKNOWN in states else ELIGIBLE


def check(p, as_of, lang="en"):
    """Eligibility of a parsed profile (crs.profile.Profile) on `as_of`."""
    i = 1 if lang == "fr" else 0
    x = p.extra
    fsw_reqs, grid = fsw(p, x, as_of, lang)
    programs = {
        "fsw": {"status": _status(fsw_reqs), "requirements": fsw_reqs, "grid": grid},
        "cec": {"status": None, "requirements": cec(p, x, as_of, lang)},
        "fst": {"status": None, "requirements": fst(p, x, as_of, lang)},
    }
    for key in ("cec", "fst"):
        programs[key]["status"] = _status(programs[key]["requirements"])
    for key, program in programs.items():
        program["name"] = PROGRAMS[key][i]
    eligible = [k for k, v in programs.items() if v["status"] == ELIGIBLE]
    unknown = [k for k, v in programs.items() if v["status"] == UNKNOWN]
    if eligible:
        summary = SUMMARY["some"][i].format(names=", ".join(PROGRAMS[k][i] for k in eligible))
    elif unknown:
        summary = SUMMARY["unknown"][i].format(names=", ".join(PROGRAMS[k][i] for k in unknown))
    else:
        summary = SUMMARY["none"][i]
    # MI s.5(1): a provincial nomination does not replace meeting one of the three classes
    # (Express Entry nominees are selected from the pool, among eligible candidates).
    can_be_invited = True if eligible else (None if unknown else False)
    if can_be_invited is False and p.nomination:
        summary += " " + SUMMARY["nominee"][i]
    return {"as_of": as_of.isoformat(), "programs": programs, "eligible": eligible,
            "can_be_invited": can_be_invited, "summary": summary}


def eligibility(doc, as_of=None, lang="en"):
    """Check eligibility for a document (a dict, JSON text or a crs.Reading); {"errors": [...]}
    when it does not read."""
    from .reading import read
    reading, errors = read(doc, as_of, None, lang)
    if errors:
        return {"errors": errors}
    return checked(reading)


def checked(reading):
    """check() of a Reading, computed once for it."""
    return reading.part("eligibility", lambda r: check(r.profile, r.day, r.lang))

