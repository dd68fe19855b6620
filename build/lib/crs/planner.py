"""The language-test planner: for each test the candidate and the accompanying spouse took or
could take, the raw score needed per ability for each CLB/NCLC level that moves points, and the
exact CRS gain of each step (docs/planner.md).

A step's gain is a score, not a table: the step's result replaces the person's result in the
document, which is read and scored like any other on the same day under the same rule set, so
the first-language, second-language, spouse, transferability and French-bonus lines and every
cap are the rules' own. The raw scores come from clb.minimum_score (the conversion tables read
backwards).
"""

from . import clb as _clb
from . import rules as _rules
from .dates import anniversary
from .reading import read as _read
from .tables import ABILITIES

LEVELS = (7, 8, 9, 10)          # the levels where the CRS tables step (MI ss.13, 14, 18, 21, 23)
FRENCH_CATEGORY_LEVEL = 7       # NCLC 7 in all four: the French bonus (s.32) and category
STALE_YEARS = 2                 # MI s.3(4): a result two years old or more is stale
# The tests one takes (levels typed directly, "clb" and "nclc", are not), in clb.TESTS order.
TESTS = {lang: tuple(t for t, (of, _) in _clb.TESTS.items() if of == lang and t not in
                     ("clb", "nclc")) for lang in ("en", "fr")}
_ORDER = {test: i for i, test in enumerate(_clb.TESTS)}


def _accepted(test, day):
    return test != "pte_core" or _rules.at("language.pte_core.accepted", day)


def _with(doc, role, result):
    """The document with `result` as the result of `role`."""
    if role == "spouse.language":
        return dict(doc, spouse=dict(doc["spouse"], language=result))
    return dict(doc, **{role: result})


def _roles(p):
    """(who, role, the result held or None, the languages to plan) for each role."""
    other = {"en": "fr", "fr": "en"}
    out = [("candidate", "first_language", p.first, (p.first.language,)),
           ("candidate", "second_language", p.second, (other[p.first.language],))]
    if p.accompanied:
        held = p.spouse_language
        out.append(("spouse", "spouse.language", held,
                    (held.language,) if held is not None else ("en", "fr")))
    return out


def plan(doc, as_of=None, rules=None, lang="en"):
    """The planner's answer (docs/planner.md), or {"errors": [...]}. `doc` may be a Reading."""
    reading, errors = _read(doc, as_of, rules, lang)
    if errors:
        return {"errors": errors}
    now = reading.score()
    if "errors" in now:
        return {"errors": now["errors"]}
    p, day = reading.profile, reading.day
    totals = {}          # (role, target levels) -> total: the same levels score the same

    def total_with(role, test, targets, needed):
        key = (role, targets)
        if key not in totals:
            result = dict(needed, test=test, test_date=day.isoformat())
            totals[key] = reading.changed(_with(reading.doc, role, result)).score().get("total")
        return totals[key]

    people = {}
    for who, role, held, languages in _roles(p):
        person = people.setdefault(who, {"who": who, "results": [], "steps": []})
        if held is not None:
            person["results"].append({
                "role": role, "test": held.test,
                "test_date": held.test_date.isoformat() if held.test_date else None,
                "stale_on": anniversary(held.test_date, STALE_YEARS).isoformat()
                if held.test_date else None,
                "levels": dict(zip(ABILITIES, held.clb))})
        levels_now = held.clb if held is not None else (0, 0, 0, 0)
        french_now = p.french is not None and p.french.weakest >= FRENCH_CATEGORY_LEVEL
        for language in languages:
            for test in TESTS[language]:
                if not _accepted(test, day):
                    continue
                for level in LEVELS:
                    if level <= min(levels_now):
                        continue
                    # Level 10 stands for "10 or more" (no table steps above it).
                    targets = tuple(max(min(now_, 10), level) for now_ in levels_now)
                    needed = {a: _clb.minimum_score(test, a, t)
                              for a, t in zip(ABILITIES, targets)}
                    if None in needed.values():
                        continue
                    total = total_with(role, test, targets, needed)
                    if total is None or total <= now["total"]:
                        continue
                    person["steps"].append({
                        "role": role, "test": test,
                        "taken": held is not None and held.test == test,
                        "level": level, "targets": dict(zip(ABILITIES, targets)),
                        "needed": needed, "gain": total - now["total"], "total": total,
                        "french_category": (who == "candidate" and language == "fr"
                                            and not french_now
                                            and min(targets) >= FRENCH_CATEGORY_LEVEL)})
    for person in people.values():
        person["steps"].sort(key=lambda s: (-s["gain"], s["level"], _ORDER[s["test"]]))
    return {"as_of": day.isoformat(), "rules": now["rules"], "total": now["total"],
            "people": list(people.values())}
