"""Express Entry rounds of invitations: read IRCC's feed, ship a snapshot, answer the page.

IRCC publishes the rounds as a JSON feed (ee_rounds_123_en.json; fields described in
shared/reference/ecosystem.md §1). The feed is typed by hand and has known defects (§1.4):
every value is a string, numbers carry thousands separators ("5,000"; the French feed
"5 000"), date-times are hand-typed in a dozen shapes, draw numbers are not all numbers
("91a"), and round types (drawName) were renamed over the years. So:

* `parse_feed(data)` reads the decoded feed and never raises: each round is either parsed or
  listed in "rejected" with its reason; anything repaired or doubtful is listed in "notes".
* `python -m crs.rounds refresh FEED [--out py/crs/data/rounds.json]` (maintainers) writes a
  compact snapshot with its provenance. The page never fetches anything: it reads that file
  with `load_snapshot()`.
* `latest_by_category`, `last_12_months`, `latest_distribution`, `candidates_above`,
  `pool_bands` return plain data (dicts, lists, ISO date strings) for the page and the CLI.

Standard library only: this module runs unchanged in CPython and in Pyodide.
"""

import datetime as _dt
import hashlib
import json
import os
import re
import sys

from . import dates as _dates

SOURCE_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"
SOURCE_TITLE = {"en": "Express Entry rounds of invitations",
                "fr": "Rondes d'invitations d'Entrée express"}
PUBLISHER = {"en": "Immigration, Refugees and Citizenship Canada",
             "fr": "Immigration, Réfugiés et Citoyenneté Canada"}
SNAPSHOT_FORMAT = "crs-rounds/1"
DEFAULT_SNAPSHOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "rounds.json")
MAX_FEED_BYTES = 64 * 1024 * 1024   # the real feed is 0.7 MB; refuse anything absurd

# ---------------------------------------------------------------------------------------------
# Round types. Keys are stable (the page and the chart use them); labels are bilingual.
# French labels follow IRCC's terms where ecosystem.md §4.3 has them; the others are our
# translations until the French feed (ee_rounds_123_fr.json) gives the official round names.

CATEGORIES = {
    "general": ("General (no program specified)", "Générale (aucun programme précisé)"),
    "canadian_experience_class": ("Canadian Experience Class",
                                  "Catégorie de l'expérience canadienne"),
    "provincial_nominee_program": ("Provincial Nominee Program",
                                   "Programme des candidats des provinces"),
    "federal_skilled_worker": ("Federal Skilled Worker Program",
                               "Programme des travailleurs qualifiés (fédéral)"),
    "federal_skilled_trades": ("Federal Skilled Trades Program",
                               "Programme des travailleurs de métiers spécialisés (fédéral)"),
    "french": ("French-language proficiency", "Compétences linguistiques en français"),
    "healthcare": ("Healthcare and social services occupations",
                   "Professions des soins de santé et des services sociaux"),
    "physicians": ("Physicians with Canadian work experience",
                   "Médecins ayant une expérience de travail au Canada"),
    "senior_managers": ("Senior managers with Canadian work experience",
                        "Cadres supérieurs ayant une expérience de travail au Canada"),
    "military": ("Skilled military recruits", "Recrues militaires qualifiées"),
    "stem": ("STEM occupations",
             "Professions en sciences, technologie, ingénierie et mathématiques (STIM)"),
    "trades": ("Trade occupations", "Professions des métiers"),
    "transport": ("Transport occupations", "Professions du transport"),
    "agriculture": ("Agriculture and agri-food occupations",
                    "Professions de l'agriculture et de l'agroalimentaire"),
    "education": ("Education occupations", "Professions de l'éducation"),
    "other": ("Other round type", "Autre type de ronde"),
}

# Every drawName seen in the feed (snapshot of 2026-08-07, rounds #1-#434), with its category.
# Decisions:
# * "No Program Specified" (2015-2023) and "General" (2023-12 to 2024-04) are the same thing,
#   an all-program round (drawText2 lists FSW, CEC, FST and PNP for both): "general".
# * Versions of a category ("(Version 1)", "2026-Version 2", "Trade" vs "Trades") are one
#   category: IRCC renamed them as the eligible occupation lists changed (§1.4). The raw name
#   stays with each round for display.
# * "Healthcare occupations" and "Healthcare and social services occupations" are one category
#   (the second is the renamed, widened version of the first).
# * The 2026 categories "Physicians...", "Senior managers..." and "Skilled Military Recruits"
#   get their own keys: their cutoffs (169-223 for physicians, 368 for 4 military recruits)
#   would distort "healthcare" or "other" if folded in.
NAMES = {
    "No Program Specified": "general",
    "General": "general",
    "Canadian Experience Class": "canadian_experience_class",
    "Provincial Nominee Program": "provincial_nominee_program",
    "Federal Skilled Worker": "federal_skilled_worker",
    "Federal Skilled Trades": "federal_skilled_trades",
    "French language proficiency (Version 1)": "french",
    "French-Language proficiency 2026-Version 2": "french",
    "Healthcare occupations (Version 1)": "healthcare",
    "Healthcare and social services occupations (Version 2)": "healthcare",
    "Healthcare and Social Services Occupations, 2026-Version 3": "healthcare",
    "Physicians with Canadian Work Experience, 2026-Version 1": "physicians",
    "Senior managers with Canadian Work Experience, 2026-Version 1": "senior_managers",
    "Skilled Military Recruits, 2026-Version 1": "military",
    "STEM occupations (Version 1)": "stem",
    "Trade occupations (Version 1)": "trades",
    "Trade occupations (Version 2)": "trades",
    "Trades Occupations, 2026-Version 3": "trades",
    "Transport occupations (Version 1)": "transport",
    "Transport Occupations, 2026-Version 2": "transport",
    "Agriculture and agri-food occupations (Version 1)": "agriculture",
    "Education occupations (Version 1)": "education",
}

# For names not in the table (a future rename): a best guess, always reported as a note so
# the maintainer adds the name to NAMES. Order matters ("Federal Skilled Trades" before
# "trades"; "physicians" before "health"...). English and French words.
_KEYWORDS = (
    (r"no program|aucun programme|^general|^générale?", "general"),
    (r"experience class|expérience canadienne", "canadian_experience_class"),
    (r"provincial nominee|candidats des provinces", "provincial_nominee_program"),
    (r"skilled trades|métiers spécialisés", "federal_skilled_trades"),
    (r"skilled worker|travailleurs qualifiés", "federal_skilled_worker"),
    (r"physician|médecin", "physicians"),
    (r"senior manager|cadres", "senior_managers"),
    (r"military|militaire", "military"),
    (r"french|français|francophone", "french"),
    (r"health|santé", "healthcare"),
    (r"\bstem\b|\bstim\b|\bstgm\b", "stem"),
    (r"trade|métier", "trades"),
    (r"transport", "transport"),
    (r"agri", "agriculture"),
    (r"education|éducation|enseignement", "education"),
)

# Programs named in drawText2 (which Express Entry programs a round drew from).
_PROGRAMS = (
    ("fsw", r"skilled worker|travailleurs qualifiés"),
    ("cec", r"experience class|expérience canadienne"),
    ("fst", r"skilled trades|métiers spécialisés"),
    ("pnp", r"provincial nominee|candidats des provinces"),
)


def _norm_name(name):
    return " ".join(name.split()).casefold()


_NAMES_NORM = {_norm_name(k): v for k, v in NAMES.items()}


def category_of(name):
    """(category key, how): how is "table", "keyword" (a guess) or "unknown"."""
    if not name:
        return "other", "unknown"
    key = _NAMES_NORM.get(_norm_name(name))
    if key:
        return key, "table"
    lowered = _norm_name(name)
    for pattern, category in _KEYWORDS:
        if re.search(pattern, lowered):
            return category, "keyword"
    return "other", "unknown"


def category_label(key, lang="en"):
    """The category's name in "en" or "fr" (an unknown key is echoed, as text)."""
    labels = CATEGORIES.get(key)
    if labels is None:
        return str(key)
    return labels[1 if lang == "fr" else 0]


def category_labels():
    """{key: {"en": ..., "fr": ...}} in display order."""
    return {k: {"en": en, "fr": fr} for k, (en, fr) in CATEGORIES.items()}


# ---------------------------------------------------------------------------------------------
# Values

def parse_count(value):
    """An integer from the feed: 300, "300", "5,000", "5 000" (French feed). Returns
    (int or None, problem or None); a blank is (None, "blank")."""
    if type(value) is int:
        return (value, None) if value >= 0 else (None, "invalid")
    if type(value) is float and value.is_integer() and value >= 0:
        return int(value), None
    if not isinstance(value, str):
        return None, "blank" if value is None else "invalid"
    text = value.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not text:
        return None, "blank"
    # Only well-formed groups of three: "1,23" is a typo, not 123.
    if re.fullmatch(r"[0-9]+", text):
        return int(text), None
    if re.fullmatch(r"[0-9]{1,3}(?:(?:,[0-9]{3})+|(?: [0-9]{3})+)", text):
        return int(re.sub(r"[, ]", "", text)), None
    return None, "invalid"


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


def _as_date(value):
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

BANDS = (  # (field, low, high, aggregate it belongs to)
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


def _distribution(row, day, note):
    """{"as_on": ISO date, "dd": [18 ints]} or None. The feed writes "0" in every field when
    it has no distribution (rounds before #214, and #223, #224, #226, #227)."""
    values = []
    bad = []
    for field in DD_FIELDS:
        n, problem = parse_count(row.get(field))
        if problem:
            bad.append(field)
        values.append(n or 0)
    if bad:
        if len(bad) < len(DD_FIELDS):
            note("distribution", "distribution_invalid",
                 "pool distribution dropped: unreadable %s" % ", ".join(bad),
                 {f: row.get(f) for f in bad})
        return None
    if not any(values):
        return None
    as_on = parse_date(row.get("drawDistributionAsOn"))
    if as_on is None:
        note("drawDistributionAsOn", "distribution_date_invalid",
             "pool distribution kept without its date", row.get("drawDistributionAsOn"))
    elif day is not None and as_on > day:
        note("drawDistributionAsOn", "distribution_after_round",
             "pool distribution dated after the round", row.get("drawDistributionAsOn"))
    dist = {"as_on": as_on.isoformat() if as_on else None, "dd": values}
    for problem in check_distribution(dist):
        note("distribution", problem[0], problem[1], None)
    return dist


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


# ---------------------------------------------------------------------------------------------
# The feed

def _short(value, limit=80):
    """A problem's value echoed back: short text, whatever the value."""
    try:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False,
                                                               default=str)
    except (TypeError, ValueError, RecursionError):
        text = "(%s)" % type(value).__name__
    return text if len(text) <= limit else text[:limit - 3] + "..."


def parse_round(row, index=None):
    """One feed row -> (round dict or None, rejections, notes). Never raises."""
    rejections, notes = [], []
    number = None

    def problem(into, field, code, message, got):
        item = {"index": index, "number": number, "field": field, "code": code,
                "message": message}
        if got is not None:
            item["got"] = _short(got)
        into.append(item)

    def note(field, code, message, got):
        problem(notes, field, code, message, got)

    if not isinstance(row, dict):
        problem(rejections, None, "not_an_object", "a round must be a JSON object", row)
        return None, rejections, notes

    number = _number(row.get("drawNumber"), note)
    day = _round_date(row, note)
    if day is None:
        problem(rejections, "drawDate", "no_date",
                "neither drawDate nor drawDateFull is a date",
                [row.get("drawDate"), row.get("drawDateFull")])
    cutoff, why = parse_count(row.get("drawCRS"))
    if cutoff is None or cutoff > 1200:
        problem(rejections, "drawCRS", "no_cutoff",
                "the cutoff score (drawCRS) is %s" % ("blank" if why == "blank"
                                                     else "not a score from 0 to 1,200"),
                row.get("drawCRS"))
    if rejections:
        return None, rejections, notes

    size, why = parse_count(row.get("drawSize"))
    if why:
        note("drawSize", "size_" + why, "invitations issued unknown", row.get("drawSize"))
    name = row.get("drawName")
    name = " ".join(name.split()) if isinstance(name, str) else ""
    category, how = category_of(name)
    if how != "table":
        note("drawName", "name_unmapped",
             "round type not in the mapping table; filed under %r" % category, name)
    drawn_at = _drawn_at(row.get("drawDateTime"), day, note)
    tie_break = _tie_break(row.get("drawCutOff"), day, drawn_at, note)
    return {
        "number": number,
        "date": day.isoformat(),
        "category": category,
        "name": name,
        "crs": cutoff,
        "size": size,
        "tie_break": iso_utc(tie_break) if tie_break else None,
        "drawn_at": iso_utc(drawn_at) if drawn_at else None,
        "programs": _programs(row.get("drawText2")),
        "distribution": _distribution(row, day, note),
    }, rejections, notes


def _number(value, note):
    if type(value) is int:
        return str(value)
    if not isinstance(value, str) or not value.strip():
        note("drawNumber", "number_missing", "the round has no number", value)
        return None
    text = value.strip()
    if not re.fullmatch(r"\d+[a-z]?", text):
        note("drawNumber", "number_irregular", "unexpected draw number", value)
    return text


def _round_date(row, note):
    """drawDate (ISO, reliable per §1.4), else drawDateFull ("August 7, 2026")."""
    raw, full = row.get("drawDate"), row.get("drawDateFull")
    day = parse_date(raw)
    day_full = parse_date(full)
    if day is not None:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
            note("drawDate", "date_irregular", "drawDate read leniently", raw)
        if day_full is not None and day_full != day:
            note("drawDateFull", "date_mismatch", "drawDateFull disagrees; drawDate kept", full)
        return day
    if day_full is not None:
        note("drawDate", "date_from_full", "drawDate unreadable; drawDateFull used", raw)
    return day_full


# drawDate is Ottawa's date while the timestamps are UTC: a round run on the evening of
# 18 March (Eastern) is "March 19, 2020 at 02:04:06 UTC" (#139). Allow one day.
_UTC_SLACK = _dt.timedelta(days=1)


def _drawn_at(raw, day, note):
    """drawDateTime, when the round ran. Only used to check the tie-break; its hand-typed
    shapes (33 in the 2026-08-07 feed) are not worth a note unless something was guessed."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    when, repairs = parse_timestamp(raw, on_or_before=day)
    if when is None:
        note("drawDateTime", "round_time_unreadable", "time of the round unreadable", raw)
        return None
    serious = [r for r in repairs if r not in ("irregular", "no_timezone")]
    if serious:
        note("drawDateTime", "round_time_repaired",
             "time of the round repaired (%s)" % ", ".join(serious), raw)
    if day is not None and not day <= when.date() <= day + _UTC_SLACK:
        note("drawDateTime", "round_time_mismatch", "time of the round is not on drawDate", raw)
        return None
    return when


def _tie_break(raw, day, drawn_at, note):
    """drawCutOff, "the tie-breaking rule": the submission time of the last candidate invited
    (MI s.8(3)(b)). Blank before round #77 (2017-11-08): IRCC did not publish it then."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    when, repairs = parse_timestamp(raw, on_or_before=day)
    if when is None:
        note("drawCutOff", "tie_break_unreadable", "tie-breaking time unreadable; left out", raw)
        return None
    serious = [r for r in repairs if r != "irregular"]
    if serious:
        note("drawCutOff", "tie_break_repaired",
             "tie-breaking time repaired (%s)" % ", ".join(serious), raw)
    elif repairs:
        note("drawCutOff", "tie_break_irregular", "tie-breaking time hand-typed", raw)
    # A profile is submitted before the round that invites it: a tie-break at or after the
    # round's own time is a copy-paste slip (#139 repeats drawDateTime). Kept, but flagged.
    if drawn_at is not None and when >= drawn_at:
        note("drawCutOff", "tie_break_not_before_round",
             "tie-breaking time is not before the round (%s)" % iso_utc(drawn_at), raw)
    elif day is not None and when.date() > day + _UTC_SLACK:
        note("drawCutOff", "tie_break_after_round", "tie-breaking time after the round", raw)
    return when


def _programs(text):
    if not isinstance(text, str):
        return []
    lowered = text.casefold()
    return [code for code, pattern in _PROGRAMS if re.search(pattern, lowered)]


def _round_key(r):
    return (r["date"], number_key(r["number"]))


def parse_feed(data):
    """The decoded feed -> {"rounds": [newest first], "rejected": [...], "notes": [...],
    "errors": [...]}. Accepts {"rounds": [...]} (IRCC) or a bare list (some mirrors)."""
    report = {"rounds": [], "rejected": [], "notes": [], "errors": []}
    rows = data.get("rounds") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        report["errors"].append({"code": "no_rounds",
                                 "message": "the feed has no list of rounds "
                                            "(expected {\"rounds\": [...]})"})
        return report
    seen = {}
    for index, row in enumerate(rows):
        parsed, rejections, notes = parse_round(row, index)
        report["notes"].extend(notes)
        if parsed is not None:
            key = (parsed["number"], parsed["date"])
            if parsed["number"] is not None and key in seen:
                rejections.append({"index": index, "number": parsed["number"], "field": None,
                                   "code": "duplicate",
                                   "message": "same number and date as row %d" % seen[key]})
                parsed = None
            else:
                seen[key] = index
        if parsed is not None:
            report["rounds"].append(parsed)
        report["rejected"].extend(rejections)
    report["rounds"].sort(key=_round_key, reverse=True)
    return report


def read_feed(path):
    """Read a feed file -> parse_feed's report plus "sha256" and "bytes" of the input."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FEED_BYTES + 1)
    except OSError as exc:
        return _failed("unreadable", str(exc))
    if len(raw) > MAX_FEED_BYTES:
        return _failed("too_large", "more than %d bytes" % MAX_FEED_BYTES)
    text = None
    # The French feed moved from cp1252 to UTF-8 over time (ecosystem.md §1.4).
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        return _failed("not_text", "neither UTF-8 nor cp1252")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return _failed("invalid_json", str(exc))
    report = parse_feed(data)
    report["sha256"] = hashlib.sha256(raw).hexdigest()
    report["bytes"] = len(raw)
    return report


def _failed(code, message):
    return {"rounds": [], "rejected": [], "notes": [],
            "errors": [{"code": code, "message": message}]}


# ---------------------------------------------------------------------------------------------
# The snapshot (what the page ships and reads)

SNAPSHOT_COLUMNS = ("number", "date", "name", "crs", "size", "tie_break", "pool")


def attribution(newest):
    """Credit and non-affiliation text (Canada.ca terms, ecosystem.md §1.5)."""
    day = _as_date(newest)
    en = ("Draw data: Immigration, Refugees and Citizenship Canada, Express Entry rounds of "
          "invitations (canada.ca), as of %s. This is a copy of an official work published by "
          "the Government of Canada; this calculator has not been produced in affiliation "
          "with, or with the endorsement of, the Government of Canada."
          % format_date(day, "en"))
    fr = ("Données des rondes : Immigration, Réfugiés et Citoyenneté Canada, rondes "
          "d'invitations d'Entrée express (canada.ca), au %s. Il s'agit d'une copie d'une "
          "œuvre officielle publiée par le gouvernement du Canada; ce calculateur n'a pas été "
          "produit en affiliation avec le gouvernement du Canada ni avec son appui."
          % format_date(day, "fr"))
    return {"en": en, "fr": fr}


MONTHS_LONG = (
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"),
    ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"),
)


def format_date(day, lang="en"):
    """"August 7, 2026" (Canada.ca style) or "7 août 2026" ("1er" for the first)."""
    day = _as_date(day)
    if lang == "fr":
        return "%s %s %d" % ("1er" if day.day == 1 else day.day, MONTHS_LONG[1][day.month - 1],
                             day.year)
    return "%s %d, %d" % (MONTHS_LONG[0][day.month - 1], day.day, day.year)


def format_timestamp(when, lang="en"):
    """As IRCC publishes the tie-breaking rule: "October 11, 2025 at 14:55:49 UTC" /
    "11 octobre 2025 à 14:55:49 UTC" (the French feed's wording)."""
    if isinstance(when, str):
        when = _dt.datetime.fromisoformat(when)
    when = when.astimezone(_dt.timezone.utc)
    return "%s %s %s UTC" % (format_date(when.date(), lang), "à" if lang == "fr" else "at",
                             when.strftime("%H:%M:%S"))


def build_snapshot(report, source_url=SOURCE_URL, generated=None):
    """The compact snapshot: rounds as rows, names and pool distributions stored once."""
    rounds = report["rounds"]
    newest = rounds[0] if rounds else None
    names, name_index = [], {}
    pools, pool_index = [], {}
    rows = []
    for r in rounds:
        if r["name"] not in name_index:
            name_index[r["name"]] = len(names)
            names.append([r["name"], r["category"]])
        pool = None
        if r["distribution"] is not None:
            key = json.dumps(r["distribution"], sort_keys=True)
            if key not in pool_index:
                pool_index[key] = len(pools)
                pools.append(r["distribution"])
            pool = pool_index[key]
        rows.append([r["number"], r["date"], name_index[r["name"]], r["crs"], r["size"],
                     r["tie_break"], pool])
    generated = _as_date(generated or _dt.datetime.now(_dt.timezone.utc).date()).isoformat()
    provenance = {
        "source_url": source_url,
        "source_title": SOURCE_TITLE,
        "publisher": PUBLISHER,
        "newest_round": {"number": newest["number"], "date": newest["date"]} if newest else None,
        "oldest_round": ({"number": rounds[-1]["number"], "date": rounds[-1]["date"]}
                         if rounds else None),
        "rounds": len(rounds),
        "input_sha256": report.get("sha256"),
        "input_bytes": report.get("bytes"),
        "generated": generated,
        "attribution": attribution(newest["date"]) if newest else None,
        "terms": "Canada.ca terms and conditions: non-commercial reproduction with attribution "
                 "and the non-affiliation statement (see docs; no Open Government Licence record "
                 "found for this feed).",
        # What the loader rejected or repaired, by code -> rounds (`python -m crs.rounds
        # check FEED` gives the details).
        "rejected": _by_code(report["rejected"]),
        "notes": _by_code(report["notes"]),
    }
    return {"format": SNAPSHOT_FORMAT, "provenance": provenance, "categories": category_labels(),
            "columns": list(SNAPSHOT_COLUMNS), "names": names, "pools": pools, "rounds": rows}


def _by_code(items):
    out = {}
    for x in items:
        who = x["number"] if x["number"] is not None else "row %s" % x["index"]
        out.setdefault(x["code"], []).append(who)
    return out


def dump_snapshot(snapshot):
    # One round per line: small, and a refresh shows as a readable diff.
    head = {k: v for k, v in snapshot.items() if k not in ("names", "pools", "rounds")}
    compact = dict(separators=(",", ":"), ensure_ascii=False)
    # Lists of round numbers on one line each.
    text = json.dumps(head, ensure_ascii=False, indent=1)
    text = re.sub(r"\[\n\s*((?:\"[^\"\n]*\",?\n\s*)+)\]",
                  lambda m: "[" + ", ".join(x.strip().rstrip(",")
                                            for x in m.group(1).split("\n") if x.strip()) + "]",
                  text)
    parts = [text[:-2]]
    for key in ("names", "pools", "rounds"):
        items = ",\n  ".join(json.dumps(x, **compact) for x in snapshot[key])
        parts.append(',\n "%s": [\n  %s\n ]' % (key, items))
    return "".join(parts) + "\n}\n"


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


def _no_snapshot(code, message):
    return {"provenance": None, "categories": category_labels(), "rounds": [],
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
                       "distribution": pools[pool] if pool is not None else None})
    return {"provenance": data["provenance"], "categories": data.get("categories")
            or category_labels(), "rounds": rounds, "errors": []}


# ---------------------------------------------------------------------------------------------
# Questions the page asks

def _on_or_before(rounds, as_of):
    if as_of is None:
        return list(rounds)
    limit = _as_date(as_of).isoformat()
    return [r for r in rounds if r["date"] <= limit]     # ISO dates sort as text


def _newest_first(rounds):
    return sorted(rounds, key=_round_key, reverse=True)


def _summary(r):
    return {"category": r["category"],
            "label": {"en": category_label(r["category"], "en"),
                      "fr": category_label(r["category"], "fr")},
            "number": r["number"], "date": r["date"], "name": r["name"], "crs": r["crs"],
            "size": r["size"], "tie_break": r["tie_break"]}


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
    day = _as_date(as_of)
    start = _dates.period_start(day, 1).isoformat()
    chosen = [r for r in _on_or_before(rounds, day) if r["date"] > start]
    return [_summary(r) for r in sorted(chosen, key=_round_key)]


def latest_distribution(rounds, as_of=None):
    """The pool distribution published with the newest round that has one (on or before
    `as_of`), or None."""
    for r in _newest_first(_on_or_before(rounds, as_of)):
        if r.get("distribution"):
            return r["distribution"]
    return None


# ---------------------------------------------------------------------------------------------
# Maintainer command

def _summarise(report, out):
    counts = {}
    for item in report["notes"]:
        counts[item["code"]] = counts.get(item["code"], 0) + 1
    print("rounds parsed: %d, rejected: %d, notes: %d"
          % (len(report["rounds"]), len(report["rejected"]), len(report["notes"])), file=out)
    for item in report["errors"]:
        print("error: %(code)s: %(message)s" % item, file=out)
    for item in report["rejected"]:
        print("rejected: row %s (#%s) %s: %s" % (item["index"], item["number"], item["code"],
                                                 item["message"]), file=out)
    for code, n in sorted(counts.items()):
        print("note: %s x%d" % (code, n), file=out)


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(prog="python -m crs.rounds",
                                     description="Express Entry rounds: feed -> snapshot.")
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("refresh", help="read IRCC's feed and write the page's snapshot")
    r.add_argument("feed", help="ee_rounds_123_en.json, downloaded by the maintainer")
    r.add_argument("--out", default=DEFAULT_SNAPSHOT)
    r.add_argument("--source-url", default=SOURCE_URL)
    r.add_argument("--generated", metavar="YYYY-MM-DD", help="default: today (UTC)")
    r.add_argument("--force", action="store_true",
                   help="write even if the feed is older than the current snapshot")
    c = sub.add_parser("check", help="read a feed and list every problem (JSON)")
    c.add_argument("feed")
    args = parser.parse_args(argv)

    report = read_feed(args.feed)
    if args.command == "check":
        shown = {k: v for k, v in report.items() if k != "rounds"}
        shown["parsed"] = len(report["rounds"])
        print(json.dumps(shown, ensure_ascii=False, indent=1))
        return 0 if not report["errors"] and not report["rejected"] else 2
    _summarise(report, sys.stderr)
    if report["errors"] or not report["rounds"]:
        print("nothing written", file=sys.stderr)
        return 2
    current = load_snapshot(args.out) if os.path.exists(args.out) else None
    if current and current["rounds"] and not args.force:
        if current["rounds"][0]["date"] > report["rounds"][0]["date"]:
            print("the feed (%s) is older than %s (%s); use --force"
                  % (report["rounds"][0]["date"], args.out, current["rounds"][0]["date"]),
                  file=sys.stderr)
            return 2
    try:
        snapshot = build_snapshot(report, args.source_url, args.generated)
    except ValueError as exc:
        print("error: %s" % exc, file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(dump_snapshot(snapshot))
    print("wrote %s (%d rounds, newest #%s on %s)"
          % (args.out, len(report["rounds"]), report["rounds"][0]["number"],
             report["rounds"][0]["date"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
