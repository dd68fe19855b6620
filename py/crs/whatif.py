"""What would raise the score: single changes to the profile, each scored by the core.

Each what-if copies the (valid) document, changes one thing, and scores it under the same rule
set and date, so every figure comes from the same formulas as the score itself. Language
changes are made on CLB/NCLC levels (the test's own scores have no unique "one level up").
"""

import copy

from . import catalogue as _catalogue
from .tables import ABILITIES

LABELS = _catalogue.pairs("whatif.options")

LANGUAGE_NAME = _catalogue.pairs("whatif.languages")
ABILITY_NAME = _catalogue.pairs("whatif.abilities")
EDUCATION_ORDER = ("none", "secondary", "one_year", "two_year", "bachelors", "two_or_more",
                   "masters", "doctorate")


def _levels(result_levels, language):
    return {"test": "clb" if language == "en" else "nclc",
            **{a: result_levels[a] for a in ABILITIES}}


def label(key, values, lang):
    """The words of what-if `key` in `lang`, its placeholders (`values`, from `candidates`)
    named in that language."""
    i = 1 if lang == "fr" else 0
    words = dict(values)
    if "language" in words:
        words["language"] = LANGUAGE_NAME[words["language"]][i]
    if "ability" in words:
        words["ability"] = ABILITY_NAME[words["ability"]][i]
    if "level" in words:
        from .messages import CHOICES
        words["level"] = CHOICES["education"][words["level"]][i]
    return LABELS[key][i].format(**words)


def candidates(doc, result):
    """(id, label values, changed document) for every applicable single change."""
    out = []
    clb = result["clb"]
    first = clb["first_language"]
    second = clb["second_language"]

    def with_(**changes):
        d = copy.deepcopy(doc)
        d.update(changes)
        return d

    def keep_date(key, new):
        old = doc.get(key) or {}
        if old.get("test_date"):
            new["test_date"] = old["test_date"]
        return new

    weakest = min(ABILITIES, key=lambda a: first[a])
    if first[weakest] < 12:
        lv = dict(first, **{weakest: first[weakest] + 1})
        out.append(("weakest_plus_one",
                    {"language": first["language"], "ability": weakest,
                     "before": first[weakest], "after": first[weakest] + 1},
                    with_(first_language=keep_date("first_language",
                                                   _levels(lv, first["language"])))))
    for target, key in ((9, "first_clb_9"), (10, "first_clb_10")):
        if min(first[a] for a in ABILITIES) < target:
            lv = {a: max(first[a], target) for a in ABILITIES}
            out.append((key, {}, with_(first_language=keep_date(
                "first_language", _levels(dict(lv, language=first["language"]),
                                          first["language"])))))
    french = first if first["language"] == "fr" else second
    english = first if first["language"] == "en" else second
    if french is None or min(french[a] for a in ABILITIES) < 7:
        nclc7 = {"test": "nclc", **{a: 7 for a in ABILITIES}}
        if first["language"] == "fr":
            lv = {a: max(first[a], 7) for a in ABILITIES}
            out.append(("french_nclc_7", {}, with_(first_language=keep_date(
                "first_language", _levels(dict(lv, language="fr"), "fr")))))
        else:
            out.append(("french_nclc_7", {}, with_(second_language=nclc7)))
    elif english is None or min(english[a] for a in ABILITIES) < 5:
        clb5 = {a: max(english[a] if english else 0, 5) for a in ABILITIES}
        out.append(("english_clb_5", {}, with_(second_language=_levels(clb5, "en"))))
    if second is not None:
        if min(second[a] for a in ABILITIES) < 9:
            lv = {a: max(second[a], 9) for a in ABILITIES}
            out.append(("second_language_9", {}, with_(second_language=keep_date(
                "second_language", _levels(lv, second["language"])))))
        out.append(("swap_languages", {}, with_(first_language=doc["second_language"],
                                               second_language=doc["first_language"])))
    # A year count may be absent or null: 0, as the score reads it (profile-format.md).
    canadian = doc.get("canadian_work_years") or 0
    foreign = doc.get("foreign_work_years") or 0
    if canadian < 5:
        out.append(("canadian_work_plus_one", {}, with_(canadian_work_years=canadian + 1)))
    if foreign < 3:
        out.append(("foreign_work_plus_one", {}, with_(foreign_work_years=foreign + 1)))
    cdn = doc.get("canadian_education") or "none"
    if cdn != "three_year_or_more":
        out.append(("canadian_credential", {}, with_(canadian_education="three_year_or_more")))
    if cdn in ("none", "secondary"):
        out.append(("canadian_credential_short", {},
                    with_(canadian_education="one_or_two_year")))
    level = EDUCATION_ORDER.index(doc["education"])
    if level < len(EDUCATION_ORDER) - 1:
        nxt = EDUCATION_ORDER[level + 1]
        out.append(("education_next", {"level": nxt}, with_(education=nxt)))
    if result["accompanied"]:
        spouse = doc["spouse"]
        if not spouse.get("language"):
            d = copy.deepcopy(doc)
            d["spouse"]["language"] = {"test": "clb", **{a: 9 for a in ABILITIES}}
            out.append(("spouse_test", {}, d))
        if not spouse.get("education"):
            d = copy.deepcopy(doc)
            d["spouse"]["education"] = "bachelors"
            out.append(("spouse_education", {}, d))
        spouse_years = spouse.get("canadian_work_years") or 0
        if spouse_years < 5:
            d = copy.deepcopy(doc)
            d["spouse"]["canadian_work_years"] = spouse_years + 1
            out.append(("spouse_canadian_work", {}, d))
    if not doc.get("certificate_of_qualification"):
        out.append(("certificate", {}, with_(certificate_of_qualification=True)))
    if not doc.get("provincial_nomination"):
        out.append(("nomination", {}, with_(provincial_nomination=True)))
    return out


def what_ifs(doc, as_of=None, rules=None, lang="en"):
    """The changes that raise the score, largest first, and the next birthday's loss.

    Returns {"total", "options": [{"id", "label", "points", "total"}], "next_birthday":
    {"points", "total", "when"} or None} or {"errors": [...]}.
    """
    from .reading import read
    reading, errors = read(doc, as_of, rules, lang)
    if errors:
        return {"errors": errors}
    base = reading.score()
    if "errors" in base:
        return base
    doc, lang = reading.doc, reading.lang
    i = 1 if lang == "fr" else 0
    day, rule_set = base["as_of"], base["rules"]
    options = []
    for key, values, changed in candidates(doc, base):
        r = reading.changed(changed).score()
        if "errors" in r or r["total"] <= base["total"]:
            continue
        options.append({"id": key, "label": label(key, values, lang),
                        "points": r["total"] - base["total"], "total": r["total"]})
    options.sort(key=lambda o: (-o["points"], o["id"]))
    birthday = None
    drop = [w for w in base["warnings"] if w["code"] == "age_drop"]
    if drop:
        older = dict(doc)
        if older.get("age") is not None:       # else a date of birth gives the age
            older["age"] += 1
            r = reading.changed(older).score()
        else:
            from .result import age_drop
            r = reading.on(age_drop(reading.profile, reading.day)[0]).score()
        birthday = {"label": LABELS["next_birthday"][i], "points": r["total"] - base["total"],
                    "total": r["total"], "message": drop[0]["message"]}
    return {"total": base["total"], "rules": rule_set, "as_of": day, "options": options,
            "next_birthday": birthday}
