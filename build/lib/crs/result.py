"""The score result of a Reading: lines, sections, maxima, warnings and unsure readings."""

from . import clb as _clb
from . import dates as _dates
from . import factors as _factors
from . import formats as _formats
from . import messages as _m
from . import parameters as _parameters
from . import rules as _rules


def result(reading):
    """crs.score's result for a Reading with a rule set (docs/api.md)."""
    p, day, rs, lang = reading.profile, reading.day, reading.rule_set, reading.lang
    lines, sections, maxima, codes = _factors.score(p, rs, day)
    total = sections["core"] + sections["spouse"] + sections["transferability"] \
        + sections["additional"]
    in_force = _rules.in_force_on(day)
    return {
        "rules": rs.id,
        "rules_in_force": in_force.id if in_force else None,
        "as_of": day.isoformat(),
        "total": total,
        "sections": sections,
        "maxima": maxima,
        "accompanied": p.accompanied,
        "lines": lines,
        "clb": {"first_language": p.first.as_dict(),
                "second_language": p.second.as_dict() if p.second else None,
                "spouse_language": p.spouse_language.as_dict() if p.spouse_language else None},
        "warnings": _warnings(p, day, rs, lines, lang),
        "unconfirmed": _unconfirmed(p, codes, lang),
    }


def _warnings(p, as_of, rs, lines, lang):
    out = []
    results = (("first_language", p.first), ("second_language", p.second),
               ("spouse.language", p.spouse_language if p.accompanied else None))
    for path, result in results:
        if result is None:
            continue
        label = _m.field_label(path, lang)
        if result.test_date is not None:
            years = _dates.completed_years(result.test_date, as_of)
            if years >= 2:   # MI s.3(4): "deux ans ou plus"
                out.append(_m.warning("language_stale", lang, path + ".test_date", label=label,
                                      date=result.test_date.isoformat(), years=years,
                                      as_of=as_of.isoformat()))
        elif result.test == "tef_canada":
            out.append(_m.warning("tef_no_test_date", lang, path + ".test_date", label=label))
        if result.test == "pte_core" and not _rules.at("language.pte_core.accepted", as_of):
            since = _parameters.first_day("language.pte_core.accepted", True)
            out.append(_m.warning("test_not_accepted", lang, path + ".test", label=label,
                                  test="PTE Core", since=since.isoformat(),
                                  as_of=as_of.isoformat()))
    for path, code, when, line in (
            ("eca_date", "eca_stale", p.eca_date, "core.education"),
            ("spouse.eca_date", "spouse_eca_stale",
             p.spouse_eca_date if p.accompanied else None, "spouse.education")):
        if when is None:
            continue
        years = _dates.completed_years(when, as_of)
        if years >= 5:       # MI s.3(4), s.11(5), s.17(4): "cinq ans ou plus"
            removed = any(row["id"] == line and row.get("why") == "eca_stale"
                          for row in lines)
            points = ("spouse_removed" if line.startswith("spouse") else "removed") \
                if removed else "kept"
            out.append(_m.warning(code, lang, path, date=when.isoformat(), years=years,
                                  as_of=as_of.isoformat(),
                                  points=_m.ECA_POINTS[points][1 if lang == "fr" else 0]))
    if p.job_offer and rs.table("additional.job_offer")[p.job_offer] == 0:
        out.append(_m.warning("job_offer_no_points", lang, "job_offer"))
    if p.spouse_status and p.spouse_details_given:
        why = _m.SPOUSE_WHY[p.spouse_status][1 if lang == "fr" else 0]
        out.append(_m.warning("spouse_details_ignored", lang, "spouse", why=why))
    for change in _rules.announced_on(as_of):
        out.append(_m.warning("announced_change", lang, None,
                              date=_formats.date(change["in_force"], lang),
                              applied=_formats.date(rs.in_force, lang)))
    drop = age_drop(p, as_of)
    if drop is not None:
        day, next_age, before, after = drop
        if day is not None:
            when = day.isoformat()
        else:
            when = ("%d ans" if lang == "fr" else "age %d") % next_age
        out.append(_m.warning("age_drop", lang, "age", when=when, before=before, after=after,
                              lost=before - after))
    return out


def age_drop(p, as_of):
    """(date of the next birthday or None, next age, points now, points then) if the next
    birthday costs age points, else None. The date is known only from a date of birth."""
    rule_set = _rules.in_force_on(as_of) or _rules.RULE_SETS[0]
    table = rule_set.table("core.age", 0 if p.accompanied else 1)
    top = len(table) - 1
    before = table[min(p.age, top)]
    after = table[min(p.age + 1, top)]
    if after >= before:
        return None
    if p.date_of_birth is None:
        return (None, p.age + 1, before, after)
    return (_dates.anniversary(p.date_of_birth, p.age + 1), p.age + 1, before, after)


def _unconfirmed(p, codes, lang):
    """The unsure readings a score rests on: those the formulas and the rule set found
    (factors.score), and the TEF Canada scale's cut-over for a test near it."""
    out = [_m.unconfirmed(code, lang) for code in codes]
    cutover = _parameters.first_day("language.tef_canada.scale", "tef_canada")
    for result in (p.first, p.second, p.spouse_language):
        if result is not None and result.test == "tef_canada" and result.test_date is not None \
                and abs((result.test_date - cutover).days) <= 31:
            out.append(_m.unconfirmed("tef_cutover", lang))
            break
    return out
