"""Scenarios next to the current answers (docs/profile-format-extensions.md, "Scenarios"): a
what-if from the list, the same profile on a later date, the couple swapped, or a copy of the
answers, each scored and compared with the current answers in columns.

Each scenario is a document read like any other (crs.read), so its score, eligibility and
round types are those of crs.score and crs.categories: a what-if is crs.whatif's change of the
current answers (it follows them as they are edited), a later date is the same document read
on that day (an age from a date of birth, a result going stale, the rule set and category set
in force then; the year counts typed do not move), the couple swapped is crs.couple's swapped
document, a copy is its own profile read on the current answers' day. Standard library only;
nothing here raises for bad input.
"""

from . import catalogue as _catalogue
from . import categories as _categories
from . import couple as _couple
from . import dates as _dates
from . import formats as _formats
from .problems import errors as _errors
from .profile import MAX_SCENARIOS, scenarios_of

MAX = MAX_SCENARIOS
TITLES = _catalogue.pairs("scenarios.titles")
LABELS = _catalogue.pairs("scenarios.labels")
LATER = _catalogue.pairs("scenarios.later")
NOT_APPLICABLE = _catalogue.pairs("scenarios.not_applicable")
RESULTS = _catalogue.pairs("scenarios.results")
PARTS = _catalogue.pairs("scenarios.parts")
SHOWN_STATUSES = (_categories.ELIGIBLE, _categories.UNKNOWN)


def _i(lang):
    return 1 if lang == "fr" else 0


def _base(reading):
    """(the reading without its own scenarios, the scenarios its document holds or None)."""
    doc = reading.doc
    if type(doc) is dict and "scenarios" in doc:
        rest = {k: v for k, v in doc.items() if k != "scenarios"}
        return reading.changed(rest), doc["scenarios"]
    return reading, None


def suggested_dates(reading):
    """Later days worth a look, from the profile's own dates: in one year, after the next
    birthday, when each language result is two years old, when the ECA (and the accompanying
    spouse's) is five years old. [{"as_of", "kind", "label"}] after the reading's day, in date
    order, one per day (the first reason kept)."""
    p, day, lang = reading.profile, reading.day, reading.lang
    i = _i(lang)
    found = [(_dates.anniversary(day, 1), "one_year", LATER["one_year"][i])]
    if p.date_of_birth is not None:
        found.append((_dates.anniversary(p.date_of_birth, p.age + 1), "birthday",
                      LATER["birthday"][i].format(age=p.age + 1)))
    for path, result in (("first_language", p.first), ("second_language", p.second),
                         ("spouse.language", p.spouse_language if p.accompanied else None)):
        if result is not None and result.test_date is not None:
            found.append((_dates.anniversary(result.test_date, 2), "language_stale",
                          LATER["language_stale"][i].format(label=RESULTS[path][i])))
    if p.eca_date is not None:
        found.append((_dates.anniversary(p.eca_date, 5), "eca_stale", LATER["eca_stale"][i]))
    if p.accompanied and p.spouse_eca_date is not None:
        found.append((_dates.anniversary(p.spouse_eca_date, 5), "spouse_eca_stale",
                      LATER["spouse_eca_stale"][i]))
    out, seen = [], set()
    for when, kind, label in sorted(found, key=lambda f: f[0]):
        if day < when <= _dates.LATEST and when not in seen:
            seen.add(when)
            out.append({"as_of": when.isoformat(), "kind": kind, "label": label})
    return out


def choices(reading):
    """What the page offers to add: {"what_if": crs.whatif's options (id, label, points,
    total), "later": suggested_dates, "swapped": None when the couple can be swapped, else
    crs.couple's reason ({"not_applicable"|"missing"|"errors", "message"?})}, or
    {"errors": [...]} when the reading has no score."""
    from .whatif import what_ifs
    base, _ = _base(reading)
    if "errors" in base.score():
        return {"errors": base.score()["errors"]}
    swapped, instead = _couple.swap(base)
    return {"what_if": base.part("what_ifs", what_ifs)["options"],
            "later": suggested_dates(base), "swapped": instead if swapped is None else None}


def _round_types(reading):
    types = _categories.round_types(reading)["round_types"]
    return [{"id": r["id"], "name": r["name"], "status": r["status"]} for r in types
            if r["status"] in SHOWN_STATUSES]


def _scored(column, reading, current):
    """Fill `column` from a scenario's reading (a Reading, or what failed to read)."""
    result = reading.score()
    if "errors" in result:
        column["errors"] = result["errors"]
        return column
    column["as_of"] = result["as_of"]
    column["rules"] = result["rules"]
    column["score"] = result
    column["round_types"] = _round_types(reading)
    column["differences"] = differences(current, result)
    return column


def differences(current, result):
    """crs.couple.differences of the two results, with the lines only the scenario's rule set
    has (a later date under another set) after the others."""
    out = _couple.differences(current, result)
    known = {line["id"] for line in current["lines"]}
    for line in result["lines"]:
        if line["id"] not in known and line["points"]:
            out["lines"].append({"id": line["id"], "ref": line.get("ref"), "max": line["max"],
                                 "points": [None, line["points"]]})
    return out


def _what_if(base, option, lang):
    """(changed reading, label) or (None, label) when the change does not apply now."""
    from .whatif import LABELS as WHAT_IF, candidates, label
    i = _i(lang)
    for key, values, changed in candidates(base.doc, base.score()):
        if key == option:
            return base.changed(changed), label(key, values, lang)
    return None, WHAT_IF[option][i].format_map(_Blank())


class _Blank(dict):
    """A label's placeholders when the change does not apply (nothing to name)."""

    def __missing__(self, key):
        return "…"


def _later(base, day, work):
    """(the reading of the same answers on `day`, the age counted or None). An age given
    without a date of birth grows by the full years passed (the least it can be then; a date of
    birth gives the day); with `work` ("canada" or "abroad") the full years passed are added to
    that year count, at most 10 (the format's bound): the person kept working meanwhile."""
    years = _dates.completed_years(base.day, day) if day > base.day else 0
    doc, age = base.doc, None
    if years and (doc.get("age") is not None or work):
        doc = dict(doc)
        if doc.get("age") is not None and doc.get("date_of_birth") is None:
            age = doc["age"] = doc["age"] + years
        key = {"canada": "canadian_work_years", "abroad": "foreign_work_years"}.get(work)
        if key:
            doc[key] = min(10, (doc.get(key) or 0) + years)
    if doc is base.doc:
        return base.on(day), None
    return base.changed(doc, day), age


def _column(kind, name, lang, **more):
    out = {"kind": kind, "name": name, "title": TITLES[kind][_i(lang)] if kind else None,
           "label": None,
           "notes": [], "as_of": None, "rules": None, "score": None, "round_types": None,
           "differences": None}
    out.update(more)
    return out


def columns(reading, scenarios=None):
    """The current answers and each scenario in columns: {"as_of", "current": column,
    "columns": [column, ...], "lines": [{"id", "ref", "max", "points": [current, each
    column's (None without a score)]}] (every line that differs in some column, in the
    current result's order), "errors": [errors of the list as a whole]}, or {"errors": [...]}
    when the reading has no score.

    `scenarios`: a list as the format has it (a page keeps its own apart from the answers;
    each is checked here, its problems reported in its column); by default the reading's own
    document's. A column: {"kind", "name" (given, or None), "title" (the kind's words),
    "label" (what it is, in the reading's language), "notes" (for a later date: why that day,
    when the profile's own dates suggest it, and the age counted from an age given without a
    date of birth), "as_of", "rules", "score" (crs.score's result, or None)
    and, without a score, "errors" (a copy's own errors have the copy's field paths; a
    scenario's own problems, its paths under "scenarios.N"), or "missing"/"not_applicable"
    with "message" (crs.couple's for the couple swapped; a what-if that does not apply now);
    with a score, "round_types" ([{"id", "name", "status"}], those eligible or undecided:
    crs.categories.round_types of the scenario's reading) and "differences" (the lines,
    sections and totals against the current answers: crs.couple.differences)."""
    base, own = _base(reading)
    if scenarios is None:
        scenarios = own if own is not None else []
    current = base.score()
    if "errors" in current:
        return {"errors": current["errors"]}
    lang = base.lang
    i = _i(lang)
    entries, listed, per = scenarios_of(scenarios)
    suggested = {s["as_of"]: s["label"] for s in suggested_dates(base)}
    now = _column("current", None, lang, label=TITLES["current"][i], as_of=current["as_of"],
                  rules=current["rules"], score=current, round_types=_round_types(base))
    out = []
    copies = 0
    for n, entry in enumerate(entries):
        if entry is None:
            raw = scenarios[n]
            kind = raw.get("kind") if type(raw) is dict else None
            kind = kind if type(kind) is str and kind in TITLES and kind != "current" else None
            copies += kind == "copy"
            which = PARTS["scenario"][i].format(n=n + 1)
            out.append(_column(kind, None, lang, title=TITLES[kind][i] if kind else which,
                               label=which, errors=_errors(per[n], lang)))
            continue
        kind, name = entry["kind"], entry["name"]
        col = _column(kind, name, lang)
        if kind == "what_if":
            col["option"] = entry["option"]
            changed, col["label"] = _what_if(base, entry["option"], lang)
            if changed is None:
                col["not_applicable"] = "what_if"
                col["message"] = NOT_APPLICABLE["what_if"][i]
            else:
                _scored(col, changed, current)
        elif kind == "later":
            day = entry["as_of"]
            col["work"] = entry["work"]
            col["label"] = LABELS["later_" + (entry["work"] or "same")][i].format(
                date=_formats.date(day, lang))
            col["as_of"] = day.isoformat()
            if day.isoformat() in suggested:
                col["notes"].append(suggested[day.isoformat()])
            later, age = _later(base, day, entry["work"])
            if age is not None:
                col["notes"].append(LABELS["later_age"][i].format(age=age))
            _scored(col, later, current)
        elif kind == "swapped":
            col["label"] = LABELS["swapped"][i]
            swapped, instead = _couple.swap(base)
            if swapped is None:
                col.update(instead)
            else:
                _scored(col, swapped, current)
        else:
            copies += 1
            col["label"] = LABELS["copy"][i].format(n=copies)
            from .reading import read
            copied, errors = read(entry["profile"], base.day, base.rules, lang)
            if errors:
                col["errors"] = errors
            else:
                _scored(col, copied, current)
        out.append(col)
    return {"as_of": current["as_of"], "current": now, "columns": out,
            "lines": _lines(current, out), "errors": _errors(listed, lang)}


def _lines(current, cols):
    """Every line that differs from the current answers in some column."""
    scored = [c["score"] for c in cols]
    rows = []
    ids = [line["id"] for line in current["lines"]]
    for c in scored:
        for line in (c["lines"] if c else ()):
            if line["id"] not in ids:
                ids.append(line["id"])
    by_id = [{line["id"]: line for line in r["lines"]} if r else {} for r in [current] + scored]
    for line_id in ids:
        points = [lines.get(line_id, {}).get("points") for lines in by_id]
        here = points[0] if points[0] is not None else 0
        if any(p is not None and p != here for p in points[1:]):
            ref = next(lines[line_id] for lines in by_id if line_id in lines)
            rows.append({"id": line_id, "ref": ref.get("ref"), "max": ref.get("max"),
                         "points": points})
    return rows


def compare(doc, as_of=None, rules=None, lang="en"):
    """columns() for a document (a dict, JSON text or a crs.Reading) and its own scenarios,
    or {"errors": [...]} when it does not read. Never raises."""
    from .reading import read
    reading, errors = read(doc, as_of, rules, lang)
    if errors:
        return {"errors": errors}
    return columns(reading)
