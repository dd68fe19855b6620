"""Round types the candidate can be invited in: a round for all programs, for one program, for
provincial nominees, or for a category of the category set in force (docs/categories.md, which
is the reading case files in tests/categories/ were computed from).

Seed, introduction: a candidate is invited by points *or by meeting the criteria of a round*;
MI s.5(1): only a candidate eligible for one of the three federal classes is in the pool. Since
2023 almost every round is for one program or one category, so the rounds a candidate is
eligible for decide more than the score.

The category sets are data (py/crs/data/categories.json, made by `python -m crs rounds
categories shared/data/ee_categories.json`; every list graded SC: several consistent secondary
sources, no official text seen) and a dated parameter (`selection.category_set` in
parameters.SERIES, read from the same file). Standard library only.
"""

import datetime as _dt

from . import catalogue as _catalogue
from . import clb as _clb
from . import dates as _dates
from . import eligibility as _eligibility
from . import formats as _formats
from . import messages as _messages
from . import parameters as _parameters

ELIGIBLE, NOT_ELIGIBLE, UNKNOWN = "eligible", "not_eligible", "unknown"
MET, NOT_MET = "met", "not_met"
DEFAULT_CATEGORIES = _parameters.CATEGORIES_FILE
# A month of work is 130 hours (1,560 a year over 12: docs/categories.md, a choice).
HOURS_PER_MONTH = _eligibility.HOURS_PER_YEAR / 12
FULL_TIME = _eligibility.FULL_TIME_HOURS_PER_WEEK
PROGRAMS = ("fsw", "cec", "fst")
_DAY = _dt.timedelta(days=1)

REASONS = _catalogue.pairs("categories.reasons")
NOTES = _catalogue.pairs("categories.notes")
NAMES = _catalogue.pairs("categories.names")


def data():
    """The shipped category data (sets and round names), read once."""
    return _parameters.category_data()


def _sets():
    return data()["sets"]


def in_force(day):
    """(id of the set in force on `day` or None, [categories in force, each with its "set"]).
    A category of a later set that carries its own earlier in_force (physicians 2025-12-08,
    french 2026-02-06) applies from that day on top of the set in force."""
    current = _parameters.series_on("selection.category_set", day)
    sets = _sets()
    ids = [s["id"] for s in sets]
    at = ids.index(current) if current is not None else -1
    found = {c["id"]: dict(c, set=current) for c in sets[at]["categories"]} if at >= 0 else {}
    for s in sets[at + 1:]:          # the later sets: only their categories started early
        for c in s["categories"]:
            if c.get("in_force") and c["in_force"] <= day.isoformat():
                found[c["id"]] = dict(c, set=s["id"])
    return current, list(found.values())


def categories_of_noc(noc, day):
    """Ids of the categories in force on `day` whose list holds `noc` (for the NOC finder)."""
    return [c["id"] for c in in_force(day)[1] if noc in c["nocs"]]


# --- The rules ----------------------------------------------------------------------------

def _french(profile):
    """(R, reason code): NCLC 7 in all four abilities on a French test, first or second."""
    results = [r for r in (profile.first, profile.second) if r is not None
               and _language_of(r) == "fr"]
    if not results:
        return NOT_MET, "no_french_test"
    need = _parameters.ORIGINAL["additional.french.nclc"]
    if any(min(r.clb) >= need for r in results):
        return MET, "french_met"
    return NOT_MET, "french_below"


def _language_of(result):
    return _clb.TESTS[result.test][0]


def _stretches(periods, since, until):
    """Hours of each stretch of periods (docs/categories.md): periods that overlap or touch
    form one stretch, whose hours are at most its days / 7 x 30."""
    clipped = []
    for p in periods:
        start, end = max(p["start"], since), min(p["end"] or until, until)
        if end >= start:
            clipped.append((start, end, _eligibility.period_hours(p, since, until)))
    clipped.sort()
    out, current = [], None
    for start, end, hours in clipped:
        if current and start <= current[1] + _DAY:
            current = [current[0], max(current[1], end), current[2] + hours]
        else:
            if current:
                out.append(current)
            current = [start, end, hours]
    if current:
        out.append(current)
    return [min(h, ((e - s).days + 1) / 7 * FULL_TIME) for s, e, h in out]


def _occupation(category, history, day):
    """(R, reason code, occupation, months, field) for an occupation category."""
    rule = category["rule"]
    if history is None:
        return UNKNOWN, "need_history", None, None, "work_history"
    since = _dates.period_start(day, rule.get("window_years", 3))
    canada_only = rule.get("where") == "canada_only"
    need = rule["min_months"] * HOURS_PER_MONTH
    by_noc = {}
    for p in history:
        if not p["paid"] or (canada_only and p["where"] != "canada"):
            continue
        if p["noc"] in category["nocs"]:
            by_noc.setdefault(p["noc"], []).append(p)
    best = None
    for noc, periods in sorted(by_noc.items()):
        stretches = _stretches(periods, since, day)
        if not stretches:
            continue
        hours = max(stretches) if rule.get("continuous_required") else sum(stretches)
        if best is None or hours > best[1]:
            best = (noc, hours)
    occupation, months = (best[0], round(best[1] / HOURS_PER_MONTH, 1)) if best else (None, None)
    if best and best[1] >= need:
        return MET, "occupation_met", occupation, months, None
    for i, p in enumerate(history):
        if p["noc"] is None and p["paid"] and not (canada_only and p["where"] != "canada") \
                and p["start"] <= day and (p["end"] is None or p["end"] >= since):
            return UNKNOWN, "need_noc", occupation, months, "work_history.%d.noc" % i
    code = "occupation_short" if best else "no_listed_occupation"
    return NOT_MET, code, occupation, months, None


# --- Round types --------------------------------------------------------------------------

def _combine(own, programs):
    if own == NOT_MET or programs == NOT_ELIGIBLE:
        return NOT_ELIGIBLE
    return ELIGIBLE if own == MET and programs == ELIGIBLE else UNKNOWN


def _reason(code, lang, **values):
    text = REASONS[code][1 if lang == "fr" else 0]
    return {"code": code, "message": text.format(**values)}


def _program_reason(check, ids, lang):
    """The reason P (or one program) gives: eligible for ..., undecided for ..., or none."""
    programs = check["programs"]
    names = lambda keys: ", ".join(programs[k]["name"] for k in keys)   # noqa: E731
    eligible = [k for k in ids if programs[k]["status"] == ELIGIBLE]
    unknown = [k for k in ids if programs[k]["status"] == UNKNOWN]
    if eligible:
        return ELIGIBLE, _reason("program_eligible", lang, names=names(eligible))
    if unknown:
        what = "; ".join(r["message"].rstrip(".") for k in unknown
                         for r in programs[k]["requirements"] if r["status"] == UNKNOWN)
        return UNKNOWN, _reason("program_unknown", lang, names=names(unknown), what=what)
    if len(ids) > 1:            # the program rows give the requirements not met
        return NOT_ELIGIBLE, {"code": "no_program",
                              "message": REASONS["no_program_any"][1 if lang == "fr" else 0]}
    missing = "; ".join(r["message"].rstrip(".") for k in ids
                        for r in programs[k]["requirements"] if r["status"] == NOT_MET)
    return NOT_ELIGIBLE, _reason("no_program", lang, names=names(ids), what=missing)


def _entry(rid, kind, name, status, reasons, occupation=None, months=None, **more):
    out = {"id": rid, "kind": kind, "name": name, "status": status, "reasons": reasons,
           "occupation": occupation, "months": months}
    out.update(more)
    return out


def round_types(reading):
    """Every round type in force on the reading's day, with status and reasons (computed once
    for a reading: the rounds panel and the timeline both ask)."""
    return reading.part("round_types", _round_types)


def _round_types(reading):
    p, day, lang = reading.profile, reading.day, reading.lang
    i = 1 if lang == "fr" else 0
    check = _eligibility.checked(reading)
    status, reason = _program_reason(check, PROGRAMS, lang)
    out = [_entry("general", "general", NAMES["general"][i], status, [reason])]
    for key in PROGRAMS:
        s, r = _program_reason(check, (key,), lang)
        out.append(_entry(key, "program", check["programs"][key]["name"], s, [r]))
    if p.nomination:
        out.append(_entry("pnp", "provincial", NAMES["pnp"][i], status,
                          [_reason("nomination", lang), reason]))
    else:
        out.append(_entry("pnp", "provincial", NAMES["pnp"][i], NOT_ELIGIBLE,
                          [_reason("no_nomination", lang)]))
    set_id, categories = in_force(day)
    history = p.extra.get("work_history")
    for c in categories:
        name = c["name"]["fr" if lang == "fr" else "en"] or NAMES.get(c["id"], (c["id"],) * 2)[i]
        kind = c["rule"]["type"]
        occupation = months = field = None
        if kind == "language":
            own, code = _french(p)
        elif kind == "occupation_experience":
            own, code, occupation, months, field = _occupation(c, history, day)
        else:                       # skilled military recruits: never derived (the data says)
            own, code = UNKNOWN, "military_offer"
        minimum = c["rule"].get("min_months")
        values = dict(occupation=occupation or "", months=_formats.decimal(months or 0, lang),
                      minimum=minimum or "",
                      field=_messages.field_label(field, lang) if field else "",
                      where=REASONS["canada_only" if c["rule"].get("where") == "canada_only"
                                    else "anywhere"][i],
                      continuous=REASONS["continuous" if c["rule"].get("continuous_required")
                                         else "not_continuous"][i])
        own_reason = _reason(code, lang, **values)
        if field:
            own_reason["field"] = field
        out.append(_entry(c["id"], "category", name, _combine(own, status), [own_reason, reason],
                          occupation, months, set=c["set"], grade=c["grade"]))
    notes = [{"code": k, "message": NOTES[k][i]}
             for k in ("principal_only", "secondary_lists", "round_instructions")] \
        if categories else []
    return {"as_of": day.isoformat(), "category_set": set_id, "round_types": out,
            "notes": notes}


def categories(doc, as_of=None, lang="en"):
    """Round types for a document (a dict, JSON text or a crs.Reading); {"errors": [...]}
    when it does not read. Never raises."""
    from .reading import read
    reading, errors = read(doc, as_of, None, lang)
    if errors:
        return {"errors": errors}
    return round_types(reading)


def past_rounds(types, rounds, score, submitted_at=None, months=12):
    """Over the round types `types` (a round_types result) says the candidate can be invited
    in: how many of their rounds in the last `months` months there were, and in how many
    `score` was at or above the cutoff (crs.rounds.history) — the timeline asks it for the
    score after a costly birthday or a result going stale. History, not a forecast."""
    from . import rounds as _rounds
    count = at_or_above = 0
    eligible = [r["id"] for r in types["round_types"] if r["status"] == ELIGIBLE]
    for rid in eligible:
        window = _rounds.history(rounds, rid, types["as_of"], score,
                                 submitted_at)["windows"][months]
        count += window["count"]
        at_or_above += window["at_or_above"]
    return {"round_types": eligible, "count": count, "at_or_above": at_or_above}
