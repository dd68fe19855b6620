"""The profile's timeline: what happens to it, and to its score, on which day.

From the dates a profile may give (date of birth, each language test date, the ECA date, the
submission date and time), a dated list of events:

* the evaluation date, with the age and its points;
* each language result going stale (two years, MI s.3(4) and s.32(2)) and the ECA going stale
  (five years, s.3(4), s.11(5)): from then the profile cannot stay in the pool;
* the profile's expiry: one year after submission at the same time of day (s.4(1)(b));
* each coming birthday that costs age points (s.10(1)), with the points lost (`points`, below
  zero).

Each event carries the score on that day (same profile, rules in force then). The two
29 February rules (a birthday or a staleness on 1 March, an expiry on 28 February) are those of
dates.py.
"""

from . import catalogue as _catalogue
from .dates import anniversary, period_end


TEXT = _catalogue.pairs("timeline.events")

RESULT_LABEL = _catalogue.pairs("timeline.results")

HORIZON_YEARS = 5  # how far ahead birthdays are listed


def timeline(doc, as_of=None, rules=None, lang="en"):
    """Events in date order, or {"errors": [...]}. `doc` may be a crs.Reading."""
    from .reading import read
    reading, errors = read(doc, as_of, rules, lang)
    if errors:
        return {"errors": errors}
    p, day, lang = reading.profile, reading.day, reading.lang
    i = 1 if lang == "fr" else 0

    def total_on(when):
        return reading.on(when).score().get("total")

    now = reading.score()
    if "errors" in now:          # a valid profile, but no rule set in force on that day
        return {"errors": now["errors"]}
    events = [{"date": day.isoformat(), "kind": "as_of", "total": now["total"],
               "label": TEXT["as_of"][i].format(age=p.age, points=now["lines"][0]["points"])}]

    submitted = p.extra.get("submitted_at")
    if submitted is not None:
        events.append({"date": submitted.date().isoformat(), "kind": "submitted", "total": None,
                       "label": TEXT["submitted"][i]})
        expires = period_end(submitted, 1)       # MI s.4(1)(b), same time of day
        events.append({"date": expires.date().isoformat(), "kind": "expiry",
                       "at": expires.isoformat(), "total": None,
                       "label": TEXT["expiry"][i].format(time=expires.strftime("%H:%M:%S %z"))})

    for path, result in (("first_language", p.first), ("second_language", p.second),
                         ("spouse.language", p.spouse_language if p.accompanied else None)):
        if result is not None and result.test_date is not None:
            when = anniversary(result.test_date, 2)
            events.append({"date": when.isoformat(), "kind": "language_stale", "field": path,
                           "total": total_on(when), "eligible": False,
                           "label": TEXT["language_stale"][i].format(
                               label=RESULT_LABEL[path][i])})
    if p.eca_date is not None:
        when = anniversary(p.eca_date, 5)
        events.append({"date": when.isoformat(), "kind": "eca_stale", "field": "eca_date",
                       "total": total_on(when), "eligible": False,
                       "label": TEXT["eca_stale"][i]})
    if p.accompanied and p.spouse_eca_date is not None:
        when = anniversary(p.spouse_eca_date, 5)
        events.append({"date": when.isoformat(), "kind": "spouse_eca_stale",
                       "field": "spouse.eca_date", "total": total_on(when),
                       "label": TEXT["spouse_eca_stale"][i]})

    if p.date_of_birth is not None:
        from .rules import at
        col = 0 if p.accompanied else 1
        for age in range(p.age + 1, p.age + HORIZON_YEARS + 1):
            when = anniversary(p.date_of_birth, age)
            table = at("core.age", when, col)
            if table is None:
                continue
            top = len(table) - 1
            before, after = table[min(age - 1, top)], table[min(age, top)]
            if after < before:
                events.append({"date": when.isoformat(), "kind": "birthday", "age": age,
                               "points": after - before, "total": total_on(when),
                               "label": TEXT["birthday"][i].format(
                                   age=age, before=before, after=after, lost=after - before)})
    events.sort(key=lambda e: (e["date"], e["kind"] != "as_of"))
    return {"as_of": day.isoformat(), "events": events}
