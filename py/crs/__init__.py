"""The Comprehensive Ranking System of Express Entry, as pure Python (standard library only).

    >>> import crs
    >>> crs.score({"marital_status": "never_married", "age": 29, "education": "bachelors",
    ...            "first_language": {"test": "clb", "speaking": 9, "listening": 9,
    ...                               "reading": 9, "writing": 9},
    ...            "foreign_work_years": 3}, as_of="2026-11-23")["total"]
    429

The contract is docs/api.md; the profile format is shared/profile-format.md. Nothing here
raises for bad input: `score` returns {"errors": [...]} instead.
"""

import datetime as _dt
import json as _json

from . import clb as _clb
from . import dates as _dates
from . import factors as _factors
from . import messages as _m
from . import parameters as _parameters
from . import rules as _rules  # also crs.rules (set by the import system)
from .clb import to_clb
from .profile import evaluation_date as _evaluation_date
from .profile import parse as _parse

__all__ = ["score", "score_json", "to_clb", "validate", "load_json", "age_drop"]

# Hostile or broken input is refused before it is read (the page and the CLI share these;
# docs/api.md and every command's --help state them).
MAX_DOCUMENT_BYTES = 64 * 1024   # one document given as text (a share link, a pasted profile)
MAX_DEPTH = 8                    # nesting of such a document
MAX_ERRORS = 50                  # errors listed for one profile (the last says how many more)
# Command-line files (crs.cli.read_input, for score, eligibility and rank alike):
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_BATCH = 100_000              # profiles in one file for score and eligibility
MAX_POOL = 300_000               # profiles in one pool for rank: IRCC's held 229,100 (2026)
# A file's JSON objects and arrays are counted (in C, before parsing) against its profiles:
# a profile, its spouse, three language results, a job offer's details and a work history of
# at most 30 periods make 37. Parsing then costs memory in proportion to the profiles allowed,
# not to the bytes: 3 MB of "{}," alone would otherwise be a million dicts.
MAX_NODES_PER_PROFILE = 40


def _words(code, values, lang):
    """Turn a problem's raw values into the words of its message."""
    i = 1 if lang == "fr" else 0
    w = {}
    if "got" in values:
        w["got"] = _m.shown(values["got"], lang)
    if code == "wrong_type":
        w["kind"] = _m.KINDS[values["kind"]][i]
    elif code == "not_allowed":
        w["allowed"] = _m.choices(values["choices"], lang)
    elif code == "unknown_field":
        names = values["allowed"]
        if len(names) <= _m.FEW_FIELDS:
            w["allowed"] = _m.UNKNOWN_FIELD_HINTS["few"][i].format(names=", ".join(names))
        else:
            w["allowed"] = _m.UNKNOWN_FIELD_HINTS["many"][i]
    elif code == "out_of_range":
        rng = values["range"]
        if rng[0] == "range":
            w["allowed"] = _m.RANGES["range"][i].format(
                kind=_m.KINDS[rng[1]][i], low=_m.number(rng[2], lang),
                high=_m.number(rng[3], lang))
        elif rng[0] == "step":
            w["allowed"] = _m.RANGES["step"][i].format(
                low=_m.number(rng[1], lang), high=_m.number(rng[2], lang),
                step=_m.number(rng[3], lang))
        elif rng[0] == "noc":
            w["allowed"] = _m.RANGES["noc"][i]
        elif rng[0] == "date_between":
            w["allowed"] = _m.RANGES["date_between"][i].format(low=rng[1].isoformat(),
                                                                high=rng[2].isoformat())
        elif rng[0] == "date_after":
            w["allowed"] = _m.RANGES["date_after"][i].format(low=rng[1].isoformat())
        else:
            w["allowed"] = _m.RANGES["date_before"][i].format(high=rng[1].isoformat())
    elif code == "not_applicable":
        w["status"] = _m.CHOICES["marital_status"][values["status"]][i]
    elif code == "same_language":
        first = values["first"]
        other = "fr" if first == "en" else "en"
        w["first"] = _m.OFFICIAL_LANGUAGE[first][i]
        w["other"] = _m.OFFICIAL_LANGUAGE[other][i]
        w["allowed"] = ", ".join(t for t, (language, _) in _clb.TESTS.items()
                                 if language == other)
    elif code == "invalid_date":
        w["low"], w["high"] = _dates.EARLIEST.isoformat(), _dates.LATEST.isoformat()
    elif code in ("invalid_json", "too_large", "too_many", "unreadable"):
        w["detail"] = values["detail"][i]           # (en, fr), from messages.detail
    return w


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


def validate(doc, as_of=None, lang="en"):
    """The list of errors of a document (empty when it is valid)."""
    result = score(doc, as_of=as_of, lang=lang)
    return result.get("errors", [])


def _depth_ok(value, depth=0):
    if depth > MAX_DEPTH:
        return False
    if type(value) is dict:
        return all(_depth_ok(v, depth + 1) for v in value.values())
    if type(value) is list:
        return all(_depth_ok(v, depth + 1) for v in value)
    return True


def load_json(text, lang="en", field="profile", limit=MAX_DOCUMENT_BYTES * 16):
    """Parse JSON text (str, or bytes in UTF-8) with the document limits. Returns (value,
    errors). The one JSON reader: documents (crs.score, read) and command-line files
    (crs.cli.read_input, with field "file" and its own limits) alike.

    JSON text is UTF-8 (RFC 8259 §8.1); a byte order mark is ignored, as the RFC allows. Other
    encodings (Latin-1, UTF-16), overlong forms and CESU-8 surrogates are not UTF-8."""
    if isinstance(text, (bytes, bytearray)):
        if text[:3] == b"\xef\xbb\xbf":
            text = text[3:]
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            return None, _errors([(field, "invalid_json", {"detail": _m.detail("not_utf8")})],
                                 lang)
    elif text[:1] == "\ufeff":
        text = text[1:]
    if limit is not None and len(text) > limit:
        return None, _errors([(field, "too_large",
                               {"detail": _m.detail("bytes", size=len(text), limit=limit)})],
                             lang)
    try:
        value = _json.loads(text)
    except RecursionError:
        return None, _errors([(field, "too_large", {"detail": _m.detail("nesting")})], lang)
    except _json.JSONDecodeError as exc:
        return None, _errors([(field, "invalid_json",
                               {"detail": _m.detail("position", line=exc.lineno,
                                                    column=exc.colno)})], lang)
    except ValueError:         # an integer beyond Python's digit limit (sys.int_info)
        return None, _errors([(field, "invalid_json", {"detail": _m.detail("digits")})], lang)
    return value, []


def _document(doc, lang):
    """(document, errors): a dict is taken as it is; text comes from outside (a file, a share
    link) and is bounded before it is read. A dict needs no such walk: the parser reads only
    the fields it knows, never recursing."""
    if not isinstance(doc, (str, bytes, bytearray)):
        return doc, []
    if len(doc) > MAX_DOCUMENT_BYTES:
        return None, _errors([("profile", "too_large", {"detail": _m.detail(
            "bytes", size=len(doc), limit=MAX_DOCUMENT_BYTES)})], lang)
    doc, errors = load_json(doc, lang)
    if errors:
        return None, errors
    if not _depth_ok(doc):
        return None, _errors([("profile", "too_large",
                               {"detail": _m.detail("depth", limit=MAX_DEPTH)})], lang)
    return doc, []


def read(doc, as_of=None, lang="en"):
    """Parse a document (dict or JSON text) for the tools beyond the score (eligibility,
    timeline). Returns (profile, evaluation date, None) or (None, None, errors)."""
    doc, errors = _document(doc, lang)
    if errors:
        return None, None, errors
    day, problem = _evaluation_date(as_of)
    if problem:
        return None, None, _errors([problem], lang)
    p, day, problems = _parse(doc, day)
    if problems:
        return None, None, _errors(problems, lang)
    return p, day, None


def score(doc, as_of=None, rules=None, lang="en"):
    """Validate and score one profile. Returns the result dict or {"errors": [...]}."""
    if lang not in _m.LANGS:
        lang = "en"
    doc, errors = _document(doc, lang)
    if errors:
        return {"errors": errors}
    day, problem = _evaluation_date(as_of)
    problems = []
    if problem:
        problems.append(problem)
        day = _dt.date.today()   # to report the document's own problems too
    p, day, more = _parse(doc, day)
    problems.extend(more)

    rs = None
    if rules is not None:
        # A rule set's id, or a RuleSet itself (one made from other amendments: rules.RuleSets)
        rs = rules if type(rules) is _rules.RuleSet else \
            _rules.BY_ID.get(rules) if type(rules) is str else None
        if rs is None:
            problems.append(("rules", "not_allowed_rules", {"got": rules}))
    else:
        rs = _rules.in_force_on(day)
        if rs is None:
            problems.append(("as_of", "out_of_range",
                             {"range": ("date_after", _rules.FIRST_DAY),
                              "got": day.isoformat()}))
    if problems:
        return {"errors": _errors(problems, lang)}

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


def _errors(problems, lang):
    if len(problems) > MAX_ERRORS:
        # An object may have any number of unknown fields: the list stays bounded.
        listed = MAX_ERRORS - 1
        problems = problems[:listed] + [("profile", "too_many", {"detail": _m.detail(
            "problems", size=len(problems), limit=listed)})]
    out = []
    for field, code, values in problems:
        if code == "not_allowed_rules":
            allowed = ", ".join(_rules.BY_ID)
            i = 1 if lang == "fr" else 0
            text = _m.ERRORS["not_allowed"][i].format(allowed=allowed,
                                                      got=_m.shown(values["got"]))
            sep = " : " if i else ": "
            out.append({"field": field, "code": "not_allowed",
                        "message": _m.field_label(field, lang) + sep + text})
        else:
            label = None
            if "test" in values:
                test = _m.CHOICES["test"][values["test"]][1 if lang == "fr" else 0]
                label = _m.field_label(field, lang, test)
            out.append(_m.error(field, code, lang, label=label, **_words(code, values, lang)))
    return out


def score_json(text, as_of=None, rules=None, lang="en"):
    """JSON text in, JSON text out (the page's entry point)."""
    return _json.dumps(score(text, as_of=as_of, rules=rules, lang=lang), ensure_ascii=False)
