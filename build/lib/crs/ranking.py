"""Rank a pool of profiles as a round of invitations does (Ministerial Instructions s.8(3)).

MI s.8(3): whether a candidate ranks high enough to be invited is decided
  (a) by the Comprehensive Ranking System score, and
  (b) among candidates with the same score, by the date and time their expression of interest
      was submitted — earlier first.
IRCC then publishes, for each round, the score of the lowest-ranked candidate invited and
that candidate's submission time (the feed's "drawCutOff", "tie-breaking rule").

    >>> from crs.ranking import rank
    >>> rank([{"id": "a", "submitted_at": "2026-01-15T10:31:00Z", **profile}, ...],
    ...      invite=1, as_of="2026-08-07")

Each profile is a profile document (shared/profile-format.md) plus `submitted_at` (ISO 8601
date-time with a time zone, required) and optionally `id`; both are removed before
`crs.score`. Nothing here raises for bad input: invalid profiles are listed with their errors.

`python -m crs rank POOL.json --invite N [--date YYYY-MM-DD] [--rules ID] [--lang en|fr]`
prints the result as JSON (exit 0, or 2 when any profile was invalid).

Speed: scoring is ~35 µs a profile and is everything; ordering is linear (a count per score,
then a sort of the invited only). `workers=N` scores in N forked processes on CPython/Linux
(the page, in Pyodide, always scores in one).
"""

import datetime as _dt
import os
import sys

from . import MAX_POOL
from . import catalogue as _catalogue
from . import dates as _dates
from . import messages as _m
from . import score as _score
from .dates import EARLIEST as _EARLIEST, LATEST as _LATEST
from .dates import timestamp as _timestamp
from .formats import timestamp as format_timestamp
from .problems import errors as _core_errors
from .profile import evaluation_date as _evaluation_date
from .rules import BY_ID as _RULES
from .rules import in_force_on as _in_force_on

MAX_SCORE = 1200
PARALLEL_FROM = 20_000       # below this, starting processes costs more than it saves
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)

MESSAGES = _catalogue.pairs("rank")


# A value echoed in a message: the core's rule (short, valid UTF-8), one place for it.
_shown = _m.shown


def _error(field, code, lang, **values):
    text = MESSAGES[code][1 if lang == "fr" else 0]
    return {"field": field, "code": code, "message": text % values if values else text}


# ---------------------------------------------------------------------------------------------
# One profile

def parse_submitted(value):
    """submitted_at -> (aware UTC datetime, None) or (None, error code). The grammar and the
    range are the profile's (profile.timestamp): one timestamp grammar for every command."""
    if value is None:
        return None, "submitted_missing"
    when, problem = _timestamp(value)
    if problem:
        return None, "submitted_invalid"
    return when.astimezone(_dt.timezone.utc), None


def _micros(when):
    """Integer microseconds since 1970: an exact sort key (floats lose the microseconds)."""
    delta = when - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _pool_errors(when, as_of, lang):
    """A profile submitted after the round, or more than a year before it, is not in the pool
    (MI s.4(1)(b)). The round's time of day is unknown: the anniversary day itself is kept."""
    day = when.date()
    if day > as_of:
        return [_error("submitted_at", "submitted_after_round", lang, day=day.isoformat(),
                       as_of=as_of.isoformat())]
    until = _dates.period_end(day, 1)     # 29 February: 28 February
    if as_of > until:
        return [_error("submitted_at", "expired", lang, day=day.isoformat(),
                       until=until.isoformat(), as_of=as_of.isoformat())]
    return []


def score_entry(doc, as_of, rules, lang):
    """(total or None, submission key or None, errors or None, rules id or None, warnings).

    Every profile is scored on the round date `as_of`: a profile's own `as_of` (an export's
    date, say) would score it at another age under other rules and rank it on a score it does
    not have on the round's day. A valid own `as_of` that differs is reported as a warning; an
    invalid one is an error, as crs.score would give."""
    if type(doc) is not dict:
        return None, None, [_error("profile", "not_an_object", lang)], None, []
    body = dict(doc)
    ident = body.pop("id", None)
    own = body.pop("as_of", None)
    when, problem = parse_submitted(body.pop("submitted_at", None))
    errors, warnings = [], []
    if ident is not None and (type(ident) not in (str, int)):
        errors.append(_error("id", "id_invalid", lang, got=_shown(ident)))
    elif type(ident) is str and _m.has_surrogate(ident):
        # Echoed as the profile's id in the answer, it could not be written as UTF-8.
        errors.extend(_core_errors([("id", "invalid_text", {"got": ident})], lang))
    if own is not None:
        own_day, own_problem = _evaluation_date(own)
        if own_problem:
            errors.extend(_core_errors([own_problem], lang))
        elif own_day != as_of:
            warnings.append(_error("as_of", "as_of_ignored", lang, own=own_day.isoformat(),
                                   as_of=as_of.isoformat()))
    if problem == "submitted_invalid":
        errors.append(_error("submitted_at", problem, lang, got=_shown(doc.get("submitted_at")),
                             low=_EARLIEST.isoformat(), high=_LATEST.isoformat()))
    elif problem:
        errors.append(_error("submitted_at", problem, lang))
    else:
        errors.extend(_pool_errors(when, as_of, lang))
    result = _score(body, as_of=as_of, rules=rules, lang=lang)
    if "errors" in result:
        errors.extend(result["errors"])
    if errors:
        return None, None, errors, None, warnings
    return result["total"], _micros(when), None, result["rules"], warnings


# ---------------------------------------------------------------------------------------------
# Many profiles (forked workers read the pool from the parent's memory: nothing is pickled
# on the way in, and only numbers and the few errors on the way back)

_SHARED = None


def _score_range(bounds):
    start, stop = bounds
    docs, as_of, rules, lang = _SHARED
    totals, keys, errors, used, warnings = [], [], {}, set(), {}
    for i in range(start, stop):
        total, key, problems, rules_id, notes = score_entry(docs[i], as_of, rules, lang)
        totals.append(-1 if total is None else total)
        keys.append(key)
        if problems:
            errors[i] = problems
        else:
            used.add(rules_id)
        if notes:
            warnings[i] = notes
    return totals, keys, errors, used, warnings


def _can_fork():
    if sys.platform == "emscripten" or not sys.platform.startswith("linux"):
        return False
    try:
        import multiprocessing
        return "fork" in multiprocessing.get_all_start_methods()
    except (ImportError, OSError):
        return False


def score_all(docs, as_of, rules, lang, workers=1):
    """(totals with -1 for invalid, submission keys, {index: errors}, rules ids used,
    {index: warnings})."""
    global _SHARED
    n = len(docs)
    workers = max(1, min(int(workers or 1), os.cpu_count() or 1))
    _SHARED = (docs, as_of, rules, lang)
    try:
        if workers == 1 or n < PARALLEL_FROM or not _can_fork():
            return _score_range((0, n))
        import multiprocessing
        chunk = -(-n // (workers * 8))        # small chunks even out uneven profiles
        bounds = [(i, min(i + chunk, n)) for i in range(0, n, chunk)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_score_range, bounds)
    finally:
        _SHARED = None
    totals, keys, errors, used, warnings = [], [], {}, set(), {}
    for t, k, e, u, w in parts:
        totals.extend(t)
        keys.extend(k)
        errors.update(e)
        used |= u
        warnings.update(w)
    return totals, keys, errors, used, warnings


# ---------------------------------------------------------------------------------------------
# The ranking

def _check_args(invite, as_of, rules, lang):
    errors = []
    if type(invite) is not int or invite < 0:
        errors.append(_error("invite", "invite_invalid", lang, got=_shown(invite)))
    # The round date reads as every evaluation date does (profile.evaluation_date: the same
    # grammar and range, the same errors as crs.score).
    day, problem = _evaluation_date(as_of)
    if problem:
        errors.extend(_core_errors([problem], lang))
    if rules is not None and (type(rules) is not str or rules not in _RULES):
        errors.append(_error("rules", "rules_invalid", lang, got=_shown(rules),
                             allowed=", ".join(_RULES)))
    return day, errors


def _clean_id(ident):
    """An id that can be echoed in the answer as it was given."""
    return type(ident) is int or (type(ident) is str and not _m.has_surrogate(ident))


def _duplicate_ids(profiles, errors, lang):
    """A repeated id would make the answer ambiguous: the later profiles are reported."""
    first = {}
    for i, doc in enumerate(profiles):
        if type(doc) is not dict or i in errors:
            continue
        ident = doc.get("id")
        if type(ident) not in (str, int):
            continue
        key = (type(ident) is str, ident)
        if key in first:
            errors[i] = [_error("id", "id_duplicate", lang, got=_shown(ident),
                                other="#%d" % first[key])]
        else:
            first[key] = i


def _select(totals, keys, valid, invite):
    """The first `invite` of the valid indices by (score desc, submission asc, input order):
    counts per score find the cutoff score in one pass; only the cutoff score's candidates
    need their submission times compared."""
    if invite == 0 or not valid:
        return [], None, 0
    counts = [0] * (MAX_SCORE + 1)
    for i in valid:
        counts[totals[i]] += 1
    taken, cutoff = 0, 0
    for s in range(MAX_SCORE, -1, -1):
        taken += counts[s]
        if taken >= invite:
            cutoff = s
            break
    above = [i for i in valid if totals[i] > cutoff]
    tied = sorted((i for i in valid if totals[i] == cutoff), key=lambda i: (keys[i], i))
    need = invite - len(above)
    invited = above + tied[:need]
    invited.sort(key=lambda i: (-totals[i], keys[i], i))
    left_out = tied[need:]
    return invited, (left_out[0] if left_out else None), len(left_out)


def _entry(rank, i, profiles, totals, keys):
    doc = profiles[i]
    when = _EPOCH + _dt.timedelta(microseconds=keys[i])
    out = {"rank": rank, "index": i}
    if "id" in doc:
        out["id"] = doc["id"]
    out["score"] = totals[i]
    out["submitted_at"] = _iso(when)
    return out


def _iso(when):
    text = when.strftime("%Y-%m-%dT%H:%M:%S")
    if when.microsecond:
        text += ".%06d" % when.microsecond
    return text + "Z"


def _next_below(totals, keys, valid, cutoff):
    """The best-ranked candidate below the cutoff score (used when nobody at the cutoff score
    was left out)."""
    below = [i for i in valid if totals[i] < cutoff]
    return min(below, key=lambda i: (-totals[i], keys[i], i)) if below else None


def _rules_used(used, rules, day):
    """The rule set's id: the forced one, or the one in force on the round date (every
    profile is scored on that date)."""
    if used:
        return next(iter(used))
    if rules is not None:
        return rules
    rs = _in_force_on(day)
    return rs.id if rs else None


def rank(profiles, invite, as_of=None, rules=None, lang="en", workers=1):
    """Rank `profiles` and invite the first `invite` (MI s.8(3)). Returns

        {"as_of", "rules", "invite", "pool", "invited_count",
         "cutoff": {"score", "tie_break", "tie_break_text", "unresolved_tie"} or None,
         "invited": [{"rank", "index", "id"?, "score", "submitted_at"}, ...],
         "first_not_invited": {...} or None, "tied_not_invited": n,
         "invalid": [{"index", "id"?, "errors": [...]}],
         "warnings": [{"index", "id"?, "field", "code", "message"}]}

    or {"errors": [...]} when the arguments themselves are wrong. "tie_break" is the
    submission time of the last candidate invited, as IRCC publishes it. "unresolved_tie" is
    true when that candidate and the next one share score and submission time to the
    microsecond: the MI give no further rule, and input order decided. Every profile is scored
    on the round date; a profile's own `as_of` is not used (a warning says so)."""
    lang = "fr" if lang == "fr" else "en"
    if isinstance(profiles, dict) and isinstance(profiles.get("profiles"), list):
        profiles = profiles["profiles"]
    day, arg_errors = _check_args(invite, as_of, rules, lang)
    if not isinstance(profiles, list):
        arg_errors.insert(0, _error("profiles", "profiles_not_list", lang))
    elif len(profiles) > MAX_POOL:
        arg_errors.insert(0, _core_errors([("profiles", "too_many", {"detail": _m.detail(
            "profiles", size=len(profiles), limit=MAX_POOL)})], lang)[0])
    if arg_errors:
        return {"errors": arg_errors}

    return order(profiles, score_all(profiles, day, rules, lang, workers), invite, day, rules,
                 lang)


def order(profiles, scored, invite, day, rules=None, lang="en"):
    """The ranking from `score_all`'s output (rank() without the scoring; arguments already
    checked). Linear in the pool, apart from sorting the invited."""
    totals, keys, errors, used, notes = scored
    errors = dict(errors)
    _duplicate_ids(profiles, errors, lang)
    valid = [i for i in range(len(profiles)) if i not in errors]
    invited, left_out, tied_left = _select(totals, keys, valid, invite)

    cutoff = None
    following = left_out
    if invited:
        last = invited[-1]
        if following is None:
            following = _next_below(totals, keys, valid, totals[last])
        when = _EPOCH + _dt.timedelta(microseconds=keys[last])
        cutoff = {"score": totals[last], "tie_break": _iso(when),
                  "tie_break_text": format_timestamp(when, lang),
                  "unresolved_tie": left_out is not None and keys[left_out] == keys[last]}
    elif valid and invite == 0:
        following = min(valid, key=lambda i: (-totals[i], keys[i], i))

    def about(i):
        item = {"index": i}
        doc = profiles[i]
        if type(doc) is dict and _clean_id(doc.get("id")):
            item["id"] = doc["id"]
        return item

    invalid = [dict(about(i), errors=errors[i]) for i in sorted(errors)]
    warnings = [dict(about(i), **w) for i in sorted(notes) for w in notes[i]]

    return {
        "as_of": day.isoformat(),
        "rules": _rules_used(used, rules, day),
        "invite": invite,
        "pool": len(valid),
        "invited_count": len(invited),
        "cutoff": cutoff,
        "invited": [_entry(n, i, profiles, totals, keys) for n, i in enumerate(invited, 1)],
        "first_not_invited": (_entry(len(invited) + 1, following, profiles, totals, keys)
                              if following is not None else None),
        "tied_not_invited": tied_left,
        "invalid": invalid,
        "warnings": warnings,
    }


# ---------------------------------------------------------------------------------------------
# Command line: python -m crs rank POOL.json --invite N ...
