"""The maintainer's feed repair: IRCC's rounds feed in, the page's snapshot out.

IRCC's feed is typed by hand and has known defects (shared/reference/ecosystem.md §1.4): every
value is a string, numbers carry thousands separators ("5,000"; the French feed "5 000"),
date-times are hand-typed in a dozen shapes, draw numbers are not all numbers ("91a"), and
round types (drawName) were renamed over the years. So:

* `parse_feed(data)` reads the decoded feed and never raises: each round is either parsed or
  listed in "rejected" with its reason; anything repaired or doubtful is listed in "notes".
* `build_snapshot(report)` and `dump_snapshot(snapshot)` make the compact snapshot with its
  provenance, `py/crs/data/rounds.json`, that `crs.rounds.load_snapshot()` reads.
* `python -m crs rounds refresh FEED [--out py/crs/data/rounds.json]` and
  `python -m crs rounds check FEED` (crs.cli) are the maintainer's commands.

Not shipped to the browser (build.py leaves it out of py/app.zip): the page only reads the
snapshot. It imports crs.rounds, never the other way round. Standard library only.
"""

import datetime as _dt
import hashlib
import json
import re

from . import formats as _formats
from .rounds import (DD_FIELDS, SNAPSHOT_FORMAT, as_date, category_labels,
                     check_distribution, iso_utc, parse_date, parse_timestamp,
                     round_key)


SOURCE_URL = "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"
SOURCE_TITLE = {"en": "Express Entry rounds of invitations",
                "fr": "Rondes d'invitations d'Entrée express"}
PUBLISHER = {"en": "Immigration, Refugees and Citizenship Canada",
             "fr": "Immigration, Réfugiés et Citoyenneté Canada"}
MAX_FEED_BYTES = 64 * 1024 * 1024   # the real feed is 0.7 MB; refuse anything absurd

# ---------------------------------------------------------------------------------------------
# Round types (their keys and labels: crs.rounds.CATEGORIES)

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


# ---------------------------------------------------------------------------------------------
# Pool distribution (the bands and their arithmetic: crs.rounds.BANDS)

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
    report["rounds"].sort(key=round_key, reverse=True)
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
# The snapshot (what the page ships; crs.rounds.load_snapshot reads it)

SNAPSHOT_COLUMNS = ("number", "date", "name", "crs", "size", "tie_break", "pool")


def attribution(newest):
    """Credit and non-affiliation text (Canada.ca terms, ecosystem.md §1.5)."""
    day = as_date(newest)
    en = ("Draw data: Immigration, Refugees and Citizenship Canada, Express Entry rounds of "
          "invitations (canada.ca), as of %s. This is a copy of an official work published by "
          "the Government of Canada; this calculator has not been produced in affiliation "
          "with, or with the endorsement of, the Government of Canada."
          % _formats.date(day, "en"))
    fr = ("Données des rondes : Immigration, Réfugiés et Citoyenneté Canada, rondes "
          "d'invitations d'Entrée express (canada.ca), au %s. Il s'agit d'une copie d'une "
          "œuvre officielle publiée par le gouvernement du Canada; ce calculateur n'a pas été "
          "produit en affiliation avec le gouvernement du Canada ni avec son appui."
          % _formats.date(day, "fr"))
    return {"en": en, "fr": fr}


def read_supplement(data):
    """Rounds from secondary sources (shared/data/ee_rounds_supplement.json: newer than the
    newest feed copy found, without tie-break times), kept apart from the feed's rows: the
    snapshot stores them under "secondary" and every round read from there is marked."""
    rows = []
    for r in data["rounds"]:
        rows.append({"number": str(r["number"]), "date": as_date(r["date"]).isoformat(),
                     "name": r["name"], "category": category_of(r["name"]),
                     "crs": int(r["crs"]), "size": int(r["size"]), "grade": r["grade"],
                     "source": r.get("source")})
    return {"status": data["status"], "snapshot_date": data["source"].get("snapshot_date"),
            "source": data["source"].get("primary"), "grades": data.get("grade_legend"),
            "rounds": sorted(rows, key=lambda r: round_key(r), reverse=True)}


def build_snapshot(report, source_url=SOURCE_URL, generated=None, supplement=None):
    """The compact snapshot: rounds as rows, names and pool distributions stored once;
    `supplement` (read_supplement) adds the secondary rounds newer than the feed, apart."""
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
    generated = as_date(generated or _dt.datetime.now(_dt.timezone.utc).date()).isoformat()
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
        # What the loader rejected or repaired, by code -> rounds (`python -m crs
        # rounds check FEED` gives the details).
        "rejected": _by_code(report["rejected"]),
        "notes": _by_code(report["notes"]),
    }
    out = {"format": SNAPSHOT_FORMAT, "provenance": provenance, "categories": category_labels(),
           "columns": list(SNAPSHOT_COLUMNS), "names": names, "pools": pools, "rounds": rows}
    if supplement:
        newest_day = newest["date"] if newest else ""
        extra = [r for r in supplement["rounds"] if r["date"] > newest_day]
        for r in extra:
            if r["name"] not in name_index:
                name_index[r["name"]] = len(names)
                names.append([r["name"], r["category"]])
        out["secondary"] = {
            "status": supplement["status"], "snapshot_date": supplement["snapshot_date"],
            "source": supplement["source"], "grades": supplement["grades"],
            "columns": ["number", "date", "name", "crs", "size", "grade"],
            "rounds": [[r["number"], r["date"], name_index[r["name"]], r["crs"], r["size"],
                        r["grade"]] for r in extra]}
    return out


def _by_code(items):
    out = {}
    for x in items:
        who = x["number"] if x["number"] is not None else "row %s" % x["index"]
        out.setdefault(x["code"], []).append(who)
    return out


def dump_snapshot(snapshot):
    # One round per line: small, and a refresh shows as a readable diff.
    head = {k: v for k, v in snapshot.items()
            if k not in ("names", "pools", "rounds", "secondary")}
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
    if "secondary" in snapshot:
        secondary = dict(snapshot["secondary"])
        rows = secondary.pop("rounds")
        text = json.dumps(secondary, ensure_ascii=False, indent=1)[:-2]
        text = text.replace("\n", "\n ")
        items = ",\n   ".join(json.dumps(x, **compact) for x in rows)
        parts.append(',\n "secondary": %s,\n  "rounds": [\n   %s\n  ]\n }' % (text, items))
    return "".join(parts) + "\n}\n"


# ---------------------------------------------------------------------------------------------
# Category sets: shared/data/ee_categories.json -> py/crs/data/categories.json

CATEGORIES_FORMAT = "crs-categories/1"
_RULE_KEYS = ("type", "language", "min_nclc", "min_months", "continuous_required",
              "window_years", "single_occupation", "where")


def build_categories(data, generated=None):
    """The shipped category data from ee_categories.json: each set's categories with their
    rule, NOC codes and grade, and the map of every round name to its round type. Titles,
    sources and notes stay in the source file (its PROVENANCE is shipped beside it)."""
    sets = []
    for s in data["sets"]:
        categories = []
        for c in s["categories"]:
            entry = {"id": c["id"], "name": {"en": c["name_en"], "fr": c["name_fr"]},
                     "rule": {k: c["rule"][k] for k in _RULE_KEYS if k in c["rule"]},
                     "nocs": sorted(n["code"] if isinstance(n, dict) else n
                                    for n in c["nocs"] or ()),
                     "grade": c["grade"]}
            if c.get("in_force"):
                entry["in_force"] = c["in_force"]
            categories.append(entry)
        sets.append({"id": s["id"], "in_force": s["in_force"], "grade": s["grade"],
                     "categories": categories})
    names = {}
    for m in data["round_name_map"]:
        kind = m["round_type"]
        rid = {"general": "general", "program": m["program"],
               "category": m["category_id"]}[kind]
        for name in [m["drawName"], *m.get("names_fr", ())]:
            names[name] = {"kind": kind, "id": rid, "sets": m.get("set_years")}
    return {
        "format": CATEGORIES_FORMAT,
        "provenance": {
            "source": "ee_categories.json (shared/data), written %s" % data["written"],
            "status": data["status"], "grades": data["grades"],
            "how_to_pick_a_set": data["how_to_pick_a_set"],
            "generated": generated or _dt.datetime.now(_dt.timezone.utc).date().isoformat()},
        "sets": sets, "round_names": names}


def dump_categories(categories):
    return json.dumps(categories, ensure_ascii=False, indent=0, sort_keys=False) + "\n"
