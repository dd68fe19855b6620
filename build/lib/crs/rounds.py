"""Express Entry rounds of invitations: the shipped snapshot and the questions the page asks.

IRCC publishes the rounds as a JSON feed (ee_rounds_123_en.json; fields described in
shared/reference/ecosystem.md §1). The maintainer turns it into the snapshot
`py/crs/data/rounds.json` (`python -m crs rounds refresh FEED`; the feed repair is in
`crs.feed`, which the page never downloads). The page never fetches anything: it reads that
file with `load_snapshot()`, and

* `latest_by_category`, `last_12_months`, `latest_distribution`, `candidates_above`,
  `pool_bands` return plain data (dicts, lists, ISO date strings) for the page and the CLI;
* `category_label` gives the words of a round type in English or
  French.

Standard library only: this module runs unchanged in CPython and in Pyodide.
"""

import datetime as _dt
import json
import os
import re
import sys

from . import catalogue as _catalogue
from . import dates as _dates

SNAPSHOT_FORMAT = "crs-rounds/1"
DEFAULT_SNAPSHOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "rounds.json")

# ---------------------------------------------------------------------------------------------
# Round types. Keys are stable (the page and the chart use them); labels are bilingual.
# French labels follow IRCC's terms where ecosystem.md §4.3 has them; the others are our
# translations until the French feed (ee_rounds_123_fr.json) gives the official round names.

CATEGORIES = _catalogue.pairs("rounds.categories")


def category_label(key, lang="en"):
    """The category's name in "en" or "fr" (an unknown key is echoed, as text)."""
    labels = CATEGORIES.get(key)
    if labels is None:
        return str(key)
    return labels[1 if lang == "fr" else 0]


def category_labels():
    """{key: {"en": ..., "fr": ...}} in display order."""
    return {k: {"en": en, "fr": fr} for k, (en, fr) in CATEGORIES.items()}


_MONTH_NAMES = (
    ("january", "jan", "janvier", "janv"),
    ("february", "feb", "février", "fevrier", "févr", "fevr"),
    ("march", "mar", "mars"), ("april", "apr", "avril", "avr"), ("may", "mai"),
    ("june", "jun", "juin"), ("july", "jul", "juillet", "juil"),
    ("august", "aug", "août", "aout"), ("september", "sep", "sept", "septembre"),
    ("october", "oct", "octobre"), ("november", "nov", "novembre"),
    ("december", "dec", "décembre", "decembre", "déc"),
)
MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, 1) for name in names}

_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# "August 7, 2026", "July 3rd 2026", "March 02. 2024", "April 26,2023", "Aug. 7, 2026"
_MDY = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*(\d{4})")
# "7 août 2026", "1er août 2026", "7 August 2026"
_DMY = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})")
# No year: "October 7" (one hand-typed tie-break, round #208)
_MD = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?")


def _make_date(year, month, day):
    try:
        return _dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def parse_date(text):
    """A date from hand-typed text, or None. Numeric day/month orders such as 07/08/2026 are
    ambiguous and refused rather than guessed."""
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    m = _ISO_DATE.fullmatch(text)
    if m:
        return _make_date(*m.groups())
    m = _MDY.fullmatch(text)
    if m and m.group(1).casefold() in MONTHS:
        return _make_date(m.group(3), MONTHS[m.group(1).casefold()], m.group(2))
    m = _DMY.fullmatch(text)
    if m and m.group(2).casefold() in MONTHS:
        return _make_date(m.group(3), MONTHS[m.group(2).casefold()], m.group(1))
    return None


_TIMESTAMP = re.compile(
    r"(?P<date>.+?)[\s,]*(?:at|à)?\s*(?:(?P<iso>\d{4}-\d{2}-\d{2})\s+)?"
    r"(?P<h>\d{1,2})[:h](?P<m>\d{2})(?::(?P<s>\d{2}))?\s*"
    r"(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?\s*(?P<tz>UTC|GMT|Z|TU)?")
_CANONICAL_TIMESTAMP = re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d{2}:\d{2} UTC")


def parse_timestamp(text, on_or_before=None):
    """A UTC datetime from IRCC's hand-typed "Month D, YYYY at HH:MM:SS UTC" (drawCutOff,
    drawDateTime). Returns (datetime or None, [repairs]): repairs name what had to be
    guessed ("year_inferred", "am_pm_ignored", "no_timezone", "irregular")."""
    if not isinstance(text, str):
        return None, []
    raw = " ".join(text.split())
    if not raw:
        return None, []
    m = _TIMESTAMP.fullmatch(raw)
    if not m:
        return None, []
    # Extra spaces and one-digit hours are cosmetic (strptime takes them); the rest is not.
    repairs = [] if _CANONICAL_TIMESTAMP.fullmatch(raw) else ["irregular"]
    day = parse_date(m.group("date"))
    if day is None:
        day = _date_without_year(m.group("date"), on_or_before)
        if day is None:
            return None, repairs
        repairs.append("year_inferred")
    if m.group("iso") and _dt.date.fromisoformat(m.group("iso")) != day:
        return None, repairs    # two different dates in one value: do not pick one
    hour = int(m.group("h"))
    ampm = (m.group("ampm") or "").replace(".", "").replace(" ", "").upper()
    if ampm and hour > 12:
        repairs.append("am_pm_ignored")     # "15:48:39 AM": the 24-hour clock wins
    elif ampm == "PM" and hour < 12:
        hour += 12
    elif ampm == "AM" and hour == 12:
        hour = 0
    if not m.group("tz"):
        repairs.append("no_timezone")       # IRCC publishes UTC; assume it
    try:
        when = _dt.datetime(day.year, day.month, day.day, hour, int(m.group("m")),
                            int(m.group("s") or 0), tzinfo=_dt.timezone.utc)
    except ValueError:
        return None, repairs
    return when, repairs


def _date_without_year(text, on_or_before):
    """"October 7" read as the latest such day not after `on_or_before` (the round's date):
    a tie-break time is always before its round."""
    m = _MD.fullmatch(" ".join(text.split()))
    if not m or on_or_before is None or m.group(1).casefold() not in MONTHS:
        return None
    month, day = MONTHS[m.group(1).casefold()], int(m.group(2))
    for year in (on_or_before.year, on_or_before.year - 1):
        candidate = _make_date(year, month, day)
        if candidate is not None and candidate <= on_or_before:
            return candidate
    return None


def iso_utc(when):
    """"2025-10-11T14:55:49Z" (seconds; IRCC publishes no fractions)."""
    return when.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def as_date(value):
    """A date from a date, a datetime or YYYY-MM-DD text (the rounds' own dates)."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError("expected a date or YYYY-MM-DD, got %r" % (value,))


def number_key(number):
    """Sort key of a draw number: "91a" < "91b" < "92"; unknown shapes last."""
    m = re.fullmatch(r"(\d+)([a-z]?)", number or "")
    return (int(m.group(1)), m.group(2)) if m else (sys.maxsize, number or "")


# ---------------------------------------------------------------------------------------------
# Pool distribution (dd1-dd18). Verified on the feed (ecosystem.md §1.2): dd3 = dd4+...+dd8
# and dd9 = dd10+...+dd14 are aggregates of the 10-point sub-bands that follow them, and
# dd18 = dd1+dd2+dd3+dd9+dd15+dd16+dd17 is the pool total. Counting dd3 and dd4-dd8 both
# would count those candidates twice.

BANDS = (
    ("dd1", 601, 1200, None), ("dd2", 501, 600, None), ("dd3", 451, 500, None),
    ("dd4", 491, 500, "dd3"), ("dd5", 481, 490, "dd3"), ("dd6", 471, 480, "dd3"),
    ("dd7", 461, 470, "dd3"), ("dd8", 451, 460, "dd3"),
    ("dd9", 401, 450, None),
    ("dd10", 441, 450, "dd9"), ("dd11", 431, 440, "dd9"), ("dd12", 421, 430, "dd9"),
    ("dd13", 411, 420, "dd9"), ("dd14", 401, 410, "dd9"),
    ("dd15", 351, 400, None), ("dd16", 301, 350, None), ("dd17", 0, 300, None),
)
DD_FIELDS = tuple("dd%d" % i for i in range(1, 19))   # dd18 is the total
_INDEX = {f: i for i, f in enumerate(DD_FIELDS)}
_TOP_LEVEL = tuple(f for f, _, _, parent in BANDS if parent is None)
_CHILDREN = {agg: tuple(f for f, _, _, parent in BANDS if parent == agg) for agg in ("dd3", "dd9")}
_RANGE = {f: (low, high) for f, low, high, _ in BANDS}


def check_distribution(dist):
    """[(code, message)] for the feed's arithmetic (a sub-band typo in #247, for example)."""
    v = dist["dd"]
    out = []
    if sum(v[_INDEX[f]] for f in _TOP_LEVEL) != v[17]:
        out.append(("distribution_total_mismatch", "dd18 is not the sum of the bands"))
    for agg, children in _CHILDREN.items():
        if sum(v[_INDEX[c]] for c in children) != v[_INDEX[agg]]:
            out.append(("distribution_subbands_mismatch",
                        "%s-%s do not add up to %s" % (children[0], children[-1], agg)))
    return out




def pool_bands(distribution):
    """The non-overlapping bands, highest first: [{"low", "high", "count"}]. 10-point
    sub-bands are used when they add up to their aggregate, else the aggregate alone (the
    aggregate agrees with the total; a sub-band is the likelier typo)."""
    v = distribution["dd"]
    out = []
    for field in _TOP_LEVEL:
        children = _CHILDREN.get(field)
        if children and sum(v[_INDEX[c]] for c in children) == v[_INDEX[field]]:
            parts = children
        else:
            parts = (field,)
        for part in parts:
            low, high = _RANGE[part]
            out.append({"low": low, "high": high, "count": v[_INDEX[part]]})
    return out


def candidates_above(score, distribution):
    """How many candidates in the pool had a higher score than `score`.

    Bands are ranges, so the answer is exact only when `score` is a band's top; otherwise
    it lies between "above_min" (the bands wholly above) and "above_max" (plus the band that
    holds the score). Returns None when there is no distribution."""
    if type(score) is not int or not 0 <= score <= 1200:
        raise ValueError("score must be an integer from 0 to 1200, got %r" % (score,))
    if not distribution or not distribution.get("dd"):
        return None
    above = 0
    band = None
    for b in pool_bands(distribution):
        if b["low"] > score:
            above += b["count"]
        elif b["low"] <= score <= b["high"]:
            band = b
    above_max = above + (band["count"] if band and score < band["high"] else 0)
    total = distribution["dd"][17]
    return {"score": score, "as_on": distribution.get("as_on"), "total": total,
            "above_min": above, "above_max": above_max, "exact": above == above_max,
            "band": dict(band) if band else None}



def round_key(r):
    """Sort key of a round: its date, then its number (two rounds can share a day)."""
    return (r["date"], number_key(r["number"]))


# ---------------------------------------------------------------------------------------------
# The snapshot (what the page ships and reads; crs.feed writes it)

def load_snapshot(path=None):
    """The shipped snapshot -> {"provenance", "categories", "rounds": [dicts, newest first],
    "errors": []}. A missing or damaged file gives no rounds and an error, not an exception
    (the page then says the draw data is unavailable)."""
    path = path or DEFAULT_SNAPSHOT
    try:
        if path == DEFAULT_SNAPSHOT and hasattr(__loader__, "get_data"):
            # Through the module's loader: in the page this package is inside py/app.zip
            # (zipimport), where open() cannot reach it.
            data = json.loads(__loader__.get_data(path).decode("utf-8"))
        else:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
    except (OSError, ValueError) as exc:
        return _no_snapshot("unreadable", "%s: %s" % (path, exc))
    try:
        return _expand(data)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        return _no_snapshot("invalid_snapshot", "%s: %r" % (path, exc))


_SHIPPED = []


def shipped_snapshot():
    """The shipped snapshot, read once (the rounds panel and the timeline both use it; no
    caller changes it)."""
    if not _SHIPPED:
        _SHIPPED.append(load_snapshot())
    return _SHIPPED[0]


def _no_snapshot(code, message):
    return {"provenance": None, "categories": category_labels(), "rounds": [], "secondary": None,
            "errors": [{"code": code, "message": message}]}


def _expand(data):
    if data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError("format %r" % (data.get("format"),))
    col = {name: i for i, name in enumerate(data["columns"])}
    names, pools = data["names"], data["pools"]
    rounds = []
    for row in data["rounds"]:
        name, category = names[row[col["name"]]]
        pool = row[col["pool"]]
        rounds.append({"number": row[col["number"]], "date": row[col["date"]],
                       "category": category, "name": name, "crs": row[col["crs"]],
                       "size": row[col["size"]], "tie_break": row[col["tie_break"]],
                       "distribution": pools[pool] if pool is not None else None,
                       "secondary": False})
    # Rounds newer than the feed, from secondary sources: marked, each with its grade, never
    # a tie-break time (the sources do not give one).
    secondary = data.get("secondary")
    if secondary:
        sc = {name: i for i, name in enumerate(secondary["columns"])}
        extra = []
        for row in secondary["rounds"]:
            name, category = names[row[sc["name"]]]
            extra.append({"number": row[sc["number"]], "date": row[sc["date"]],
                          "category": category, "name": name, "crs": row[sc["crs"]],
                          "size": row[sc["size"]], "tie_break": None, "distribution": None,
                          "secondary": True, "grade": row[sc["grade"]]})
        rounds = sorted(extra + rounds, key=round_key, reverse=True)
    return {"provenance": data["provenance"], "categories": data.get("categories")
            or category_labels(), "rounds": rounds, "errors": [],
            "secondary": ({k: v for k, v in secondary.items() if k not in ("rounds", "columns")}
                          if secondary else None)}


# ---------------------------------------------------------------------------------------------
# Questions the page asks

def _on_or_before(rounds, as_of):
    if as_of is None:
        return list(rounds)
    limit = as_date(as_of).isoformat()
    return [r for r in rounds if r["date"] <= limit]     # ISO dates sort as text


def _newest_first(rounds):
    return sorted(rounds, key=round_key, reverse=True)


def _summary(r):
    return {"category": r["category"],
            "label": {"en": category_label(r["category"], "en"),
                      "fr": category_label(r["category"], "fr")},
            "number": r["number"], "date": r["date"], "name": r["name"], "crs": r["crs"],
            "size": r["size"], "tie_break": r["tie_break"],
            "secondary": r.get("secondary", False), "grade": r.get("grade")}


def latest_by_category(rounds, as_of=None):
    """The newest round of each category (on or before `as_of`), newest first: a single "last
    cutoff" misleads, since PNP rounds run near 700+ and French-language ones near 400."""
    latest = {}
    for r in _newest_first(_on_or_before(rounds, as_of)):
        latest.setdefault(r["category"], r)
    return [_summary(r) for r in latest.values()]


def last_12_months(rounds, as_of):
    """Rounds after the same day a year before `as_of`, up to `as_of`, oldest first (chart
    points)."""
    day = as_date(as_of)
    start = _dates.period_start(day, 1).isoformat()
    chosen = [r for r in _on_or_before(rounds, day) if r["date"] > start]
    return [_summary(r) for r in sorted(chosen, key=round_key)]


def latest_distribution(rounds, as_of=None):
    """The pool distribution published with the newest round that has one (on or before
    `as_of`), or None."""
    for r in _newest_first(_on_or_before(rounds, as_of)):
        if r.get("distribution"):
            return r["distribution"]
    return None


# ---------------------------------------------------------------------------------------------
# Round types (crs.categories ids) and what past rounds say for one of them

# The snapshot's category keys that differ from crs.categories' round-type ids.
ROUND_TYPE = {"canadian_experience_class": "cec", "federal_skilled_worker": "fsw",
              "federal_skilled_trades": "fst", "provincial_nominee_program": "pnp",
              "physicians": "physicians_canadian_experience",
              "senior_managers": "senior_managers_canadian_experience",
              "researchers": "researchers_canadian_experience"}
WINDOWS = (6, 12)


def round_type_of(category):
    """The crs.categories round-type id of a snapshot category key."""
    return ROUND_TYPE.get(category, category)


def _outcome(r, score, submitted_at):
    """above / below, or for a tie (MI s.8(3)(b): the earlier submission first) tie_invited,
    tie_not_invited, or tie_unknown without a tie-break time or a submission time."""
    if score > r["crs"]:
        return "above"
    if score < r["crs"]:
        return "below"
    if not r.get("tie_break") or submitted_at is None:
        return "tie_unknown"
    tie_break = _dates.timestamp(r["tie_break"])[0]
    if tie_break is None:
        return "tie_unknown"
    return "tie_invited" if submitted_at <= tie_break else "tie_not_invited"


def history(rounds, round_type, as_of, score=None, submitted_at=None):
    """The rounds of one round type in the 6 and 12 months up to `as_of`: how many, their
    cutoffs and sizes, in how many `score` (submitted at `submitted_at`, a datetime or None)
    was at or above the cutoff, and the median gap between rounds. History, not a forecast."""
    day = as_date(as_of)
    mine = sorted((r for r in _on_or_before(rounds, day)
                   if round_type_of(r["category"]) == round_type), key=round_key)
    windows = {}
    for months in WINDOWS:
        start = _dates.months_before(day, months).isoformat()
        chosen = [r for r in mine if r["date"] > start]
        days = [as_date(r["date"]) for r in chosen]
        gaps = [(b - a).days for a, b in zip(days, days[1:])]
        w = {"months": months, "count": len(chosen),
             "rounds": [_summary(r) for r in chosen],
             "cutoffs": [r["crs"] for r in chosen], "sizes": [r["size"] for r in chosen],
             "invitations": sum(r["size"] for r in chosen),
             "secondary": sum(1 for r in chosen if r.get("secondary")),
             "median_gap_days": _median(gaps) if gaps else None}
        if score is not None:
            outcomes = [_outcome(r, score, submitted_at) for r in chosen]
            for summary, outcome in zip(w["rounds"], outcomes):
                summary["outcome"] = outcome
            w["at_or_above"] = sum(o in ("above", "tie_invited") for o in outcomes)
            w["ties_undecided"] = outcomes.count("tie_unknown")
        windows[months] = w
    return {"round_type": round_type, "as_of": day.isoformat(), "windows": windows,
            "latest": _summary(mine[-1]) if mine else None}


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
