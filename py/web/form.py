"""The form <-> profile mapping, in plain Python (no `js`, no `pyscript`: tested under CPython).

The page reads its fields into a dict of strings, {field id: value}, and this module turns
that into a profile (shared/profile-format.md) and back. A field's id is its profile path with
"." written as "-" (`first_language.listening` <-> `first_language-listening`), so an error's
`field` leads straight to its input. Three ids are the form's own and are not in the profile:
`age_by` (age or date of birth), `has_canadian_education` and `has_job_offer` (the official
tool's yes/no questions before 4c and 8a).

Nothing typed is lost: a value that is not a valid number is passed on as the text typed, so
the core names it in its error message, and the field keeps it.

Untrusted documents (a #p= share link, an imported file) go through `read_untrusted` first:
it refuses, with a reason code, anything no real profile looks like (markup, huge or deeply
nested documents, absurd numbers). What is merely wrong (a band of 9.5) is left to the core.
"""

import base64
import json
import math
import re

ABILITIES = ("speaking", "listening", "reading", "writing")
TESTS_EN = ("celpip_g", "ielts_gt", "pte_core", "clb")
TESTS_FR = ("tef_canada", "tcf_canada", "nclc")
TESTS = TESTS_EN + TESTS_FR
MARITAL = ("annulled", "common_law", "divorced_or_separated", "legally_separated", "married",
           "never_married", "widowed")
WITH_SPOUSE = ("married", "common_law")
EDUCATION = ("none", "secondary", "one_year", "two_year", "bachelors", "two_or_more", "masters",
             "doctorate")
CANADIAN_EDUCATION = ("secondary", "one_or_two_year", "three_year_or_more")
JOB_OFFERS = ("teer_0_major_group_00", "teer_0_1_2_3")
LANGUAGE_PATHS = ("first_language", "second_language", "spouse.language")
# The profile's top-level keys the form shows (others found in an imported document are kept
# as they are and passed on to the core, which names any it does not know).
PROFILE_KEYS = frozenset((
    "marital_status", "spouse", "age", "date_of_birth", "education", "eca_date",
    "canadian_education", "first_language", "second_language", "canadian_work_years",
    "foreign_work_years", "certificate_of_qualification", "job_offer", "provincial_nomination",
    "sibling_in_canada")) | frozenset(
    # The project's optional fields asked in "Check program eligibility (optional)"
    # (docs/profile-format-extensions.md); the others are kept as extras.
    ("intends_to_live_in_quebec", "authorized_to_work_in_canada", "settlement_funds",
     "family_size", "studied_in_canada", "relative_in_canada"))
SPOUSE_KEYS = frozenset(("canadian_citizen_or_pr", "accompanying", "education",
                         "canadian_work_years", "language"))
BOOLEANS = ("certificate_of_qualification", "provincial_nomination", "sibling_in_canada")
YEARS = ("canadian_work_years", "foreign_work_years")
# Optional eligibility questions: yes/no radios with no default answer (nothing checked: the
# field is left out of the profile, which the core reads as "no"), and two numbers.
OPTIONAL_BOOLEANS = ("intends_to_live_in_quebec", "authorized_to_work_in_canada",
                     "studied_in_canada", "relative_in_canada")
OPTIONAL_NUMBERS = ("settlement_funds", "family_size")
OPTIONAL_IDS = ("intends_to_live_in_quebec", "authorized_to_work_in_canada",
                "settlement_funds", "family_size", "studied_in_canada", "relative_in_canada")


def field_id(path):
    """`first_language.listening` -> `first_language-listening`."""
    return path.replace(".", "-")


def field_path(fid):
    return fid.replace("-", ".")


def language_ids(path):
    base = field_id(path)
    return [base + "-test", base + "-test_date"] + [base + "-" + a for a in ABILITIES]


# Every field of the form, by id; the page reads exactly these.
FIELD_IDS = (
    ["marital_status", "spouse-canadian_citizen_or_pr", "spouse-accompanying",
     "age_by", "age", "date_of_birth", "education", "eca_date",
     "has_canadian_education", "canadian_education"]
    + language_ids("first_language") + language_ids("second_language")
    + list(YEARS)
    + ["certificate_of_qualification", "has_job_offer", "job_offer", "provincial_nomination",
       "sibling_in_canada", "spouse-education", "spouse-canadian_work_years"]
    + language_ids("spouse.language")
    + list(OPTIONAL_IDS)
)
RADIO_IDS = ("spouse-canadian_citizen_or_pr", "spouse-accompanying", "age_by",
             "has_canadian_education", "certificate_of_qualification", "has_job_offer",
             "provincial_nomination", "sibling_in_canada") + OPTIONAL_BOOLEANS
# Defaults of an empty form (radios have one answer checked, except the optional ones).
DEFAULTS = {fid: "" for fid in FIELD_IDS}
DEFAULTS.update({fid: "no" for fid in RADIO_IDS if fid not in OPTIONAL_BOOLEANS})
DEFAULTS["age_by"] = "age"


def number(text):
    """A typed number as int or float; any other text is returned stripped, as typed.

    Accepts a decimal comma ("6,5", as French writes it) and surrounding spaces.
    """
    s = text.strip()
    candidate = s.replace(",", ".", 1) if s.count(",") == 1 and "." not in s else s
    if candidate and all(c in "0123456789.-+" for c in candidate):
        try:
            return int(candidate)
        except ValueError:
            pass
        try:
            value = float(candidate)
        except ValueError:
            return s
        if math.isfinite(value):
            return value
    return s


# "20.000": twenty dollars to an English reader, twenty thousand to many French (and other)
# writers, who group thousands with a dot. Not guessed: passed on as typed, so the core refuses
# it, and the page says why (strings.py "ambiguous_amount").
AMBIGUOUS_AMOUNT = re.compile(r"[0-9]+\.[0-9]{3}")


def _amount_text(text):
    s = text.strip().replace("$", "").strip()
    for space in (" ", "\u00a0", "\u202f"):
        s = s.replace(space, "")
    return s


def ambiguous_amount(text):
    """True for an amount like "20.000", where a dot is followed by exactly three digits."""
    return isinstance(text, str) and AMBIGUOUS_AMOUNT.fullmatch(_amount_text(text)) is not None


def amount(text):
    """A typed amount of money: like `number`, but also takes "$", spaces as thousands
    separators ("20 000", as French writes it) and English thousands commas ("20,000").
    An ambiguous one ("20.000") is returned as typed."""
    if ambiguous_amount(text):
        return text.strip()
    s = _amount_text(text)
    parts = s.split(".")
    head = parts[0].split(",")
    if (len(head) > 1 and len(parts) <= 2 and 1 <= len(head[0]) <= 3
            and all(len(g) == 3 for g in head[1:]) and all(g.isdigit() for g in head)):
        s = s.replace(",", "")
    return number(s) if s else text.strip()


def show_number(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return "%.1f" % value
    return str(value)


def _language(fields, path):
    base = field_id(path)
    test = fields.get(base + "-test", "")
    if not test:
        return None
    out = {"test": test}
    for a in ABILITIES:
        raw = fields.get(base + "-" + a, "").strip()
        if raw:
            out[a] = number(raw)
    date = fields.get(base + "-test_date", "").strip()
    if date and test not in ("clb", "nclc"):
        out["test_date"] = date
    return out


def _bool(value):
    return value == "yes"


def profile_from_fields(fields):
    """The profile the form describes. Hidden questions (by the answers above them) are left out.

    `fields` maps field ids to strings; missing ids count as their default.
    """
    f = dict(DEFAULTS)
    f.update({k: v for k, v in fields.items() if isinstance(v, str)})
    p = {}
    if f["marital_status"]:
        p["marital_status"] = f["marital_status"]
    if f["marital_status"] in WITH_SPOUSE:
        spouse = {"canadian_citizen_or_pr": _bool(f["spouse-canadian_citizen_or_pr"])}
        if not spouse["canadian_citizen_or_pr"]:
            spouse["accompanying"] = _bool(f["spouse-accompanying"])
            if spouse["accompanying"]:
                spouse["education"] = f["spouse-education"] or None
                years = f["spouse-canadian_work_years"].strip()
                if years:
                    spouse["canadian_work_years"] = number(years)
                spouse["language"] = _language(f, "spouse.language")
        p["spouse"] = spouse
    if f["age_by"] == "date_of_birth":
        if f["date_of_birth"].strip():
            p["date_of_birth"] = f["date_of_birth"].strip()
    elif f["age"].strip():
        p["age"] = number(f["age"])
    if f["education"]:
        p["education"] = f["education"]
    if f["eca_date"].strip():
        p["eca_date"] = f["eca_date"].strip()
    p["canadian_education"] = (f["canadian_education"] if _bool(f["has_canadian_education"])
                               else "none")
    first = _language(f, "first_language")
    if first is not None:
        p["first_language"] = first
    second = _language(f, "second_language")
    if second is not None:
        p["second_language"] = second
    for key in YEARS:
        if f[key].strip():
            p[key] = number(f[key])
    for key in BOOLEANS:
        p[key] = _bool(f[key])
    # Asked but not answered (""): passed on, so the core says which answers exist.
    p["job_offer"] = f["job_offer"] if _bool(f["has_job_offer"]) else None
    for key in OPTIONAL_BOOLEANS:
        if f[key] in ("yes", "no"):
            p[key] = _bool(f[key])
    if f["settlement_funds"].strip():
        p["settlement_funds"] = amount(f["settlement_funds"])
    if f["family_size"].strip():
        p["family_size"] = number(f["family_size"])
    return p


def _put_language(out, path, result):
    base = field_id(path)
    if not isinstance(result, dict):
        return
    out[base + "-test"] = _text(result.get("test"))
    out[base + "-test_date"] = _text(result.get("test_date"))
    for a in ABILITIES:
        out[base + "-" + a] = _text(result.get(a))


def _text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return show_number(value)
    return json.dumps(value, ensure_ascii=False)


def _radio(value):
    if value is True:
        return "yes"
    if value is False or value is None:
        return "no"
    return _text(value)


def fields_from_profile(profile):
    """The field values that show `profile`, as {field id: string}; the inverse of
    `profile_from_fields` for everything the form can show."""
    f = dict(DEFAULTS)
    if not isinstance(profile, dict):
        return f
    f["marital_status"] = _text(profile.get("marital_status"))
    spouse = profile.get("spouse")
    if isinstance(spouse, dict):
        f["spouse-canadian_citizen_or_pr"] = _radio(spouse.get("canadian_citizen_or_pr"))
        f["spouse-accompanying"] = _radio(spouse.get("accompanying"))
        f["spouse-education"] = _text(spouse.get("education"))
        f["spouse-canadian_work_years"] = _text(spouse.get("canadian_work_years"))
        _put_language(f, "spouse.language", spouse.get("language"))
    if profile.get("date_of_birth") is not None and profile.get("age") is None:
        f["age_by"] = "date_of_birth"
    f["age"] = _text(profile.get("age"))
    f["date_of_birth"] = _text(profile.get("date_of_birth"))
    f["education"] = _text(profile.get("education"))
    f["eca_date"] = _text(profile.get("eca_date"))
    cedu = profile.get("canadian_education")
    if cedu not in (None, "none"):
        f["has_canadian_education"] = "yes"
        f["canadian_education"] = _text(cedu)
    _put_language(f, "first_language", profile.get("first_language"))
    _put_language(f, "second_language", profile.get("second_language"))
    for key in YEARS:
        f[key] = _text(profile.get(key))
    for key in BOOLEANS:
        f[key] = _radio(profile.get(key))
    job = profile.get("job_offer")
    if job is not None:
        f["has_job_offer"] = "yes"
        f["job_offer"] = _text(job)
    for key in OPTIONAL_BOOLEANS:
        value = profile.get(key)
        f[key] = "" if value is None else _radio(value)
    for key in OPTIONAL_NUMBERS:
        f[key] = _text(profile.get(key))
    return f


def extras_of(profile):
    """The parts of an imported profile the form does not show (the project's optional fields,
    docs/profile-format-extensions.md, or unknown ones the core will name): kept as they are."""
    out = {k: v for k, v in profile.items() if k not in PROFILE_KEYS}
    spouse = profile.get("spouse")
    if isinstance(spouse, dict):
        more = {k: v for k, v in spouse.items() if k not in SPOUSE_KEYS}
        if more:
            out["spouse"] = more
    return out


def with_extras(profile, extras):
    """`profile` (from the form) with the kept parts of an imported one added back."""
    for key, value in extras.items():
        if key == "spouse":
            if isinstance(profile.get("spouse"), dict):
                for k, v in value.items():
                    profile["spouse"].setdefault(k, v)
        else:
            profile.setdefault(key, value)
    return profile


# ---------------------------------------------------------------------------------------------
# Untrusted documents: share links and imported files.

MAX_TEXT = 16 * 1024          # a full profile is about 700 bytes of JSON
MAX_DEPTH = 4                 # profile > spouse > language > score
MAX_STRING = 200
MAX_KEYS = 60
MAX_NUMBER = 10 ** 9
FORBIDDEN_CHARS = set("<>`") | {chr(c) for c in range(32)} | {"\x7f"}


class Refused(Exception):
    """An untrusted document that is not loaded; `.why` is a strings.py key, `.path` the profile
    path of the value refused ("" for the document as a whole, or when not known)."""

    def __init__(self, why, path=""):
        Exception.__init__(self, why)
        self.why = why
        self.path = path


def _reject_constant(name):
    raise Refused("why_number")


def _check(value, depth, path=""):
    if depth > MAX_DEPTH:
        raise Refused("why_nesting", path)
    if isinstance(value, dict):
        if len(value) > MAX_KEYS:
            raise Refused("why_too_large", path)
        for key, item in value.items():
            inner = (path + "." if path else "") + str(key)
            _check(key, depth + 1, inner)
            _check(item, depth + 1, inner)
    elif isinstance(value, list):
        if len(value) > MAX_KEYS:
            raise Refused("why_too_large", path)
        for n, item in enumerate(value):
            _check(item, depth + 1, "%s.%d" % (path, n))
    elif isinstance(value, str):
        if len(value) > MAX_STRING:
            raise Refused("why_long_text", path)
        if any(c in FORBIDDEN_CHARS for c in value):
            raise Refused("why_markup", path)
    elif isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise Refused("why_number", path)
    elif isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > MAX_NUMBER:
            raise Refused("why_number", path)


def check_outgoing(doc):
    """Raise Refused (with the path of the first value at fault) for a document that
    `read_untrusted` would refuse when it comes back: a saved, shared or exported profile must
    load again, so what cannot is refused when it is made, naming the answer, not lost later."""
    _check(doc, 0)
    if len(json.dumps(doc, ensure_ascii=False)) > MAX_TEXT:
        raise Refused("why_too_large")


def read_untrusted(text):
    """Parse a profile's JSON text from outside. Returns the dict, or raises Refused."""
    if not isinstance(text, str):
        raise Refused("why_json")
    if len(text) > MAX_TEXT:
        raise Refused("why_too_large")
    # Deep nesting is refused before parsing, so the parser never recurses far.
    depth = 0
    in_string = escaped = False
    for c in text:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise Refused("why_nesting")
        elif c in "]}":
            depth -= 1
    try:
        doc = json.loads(text, parse_constant=_reject_constant,
                         parse_int=_parse_int)
    except Refused:
        raise
    except ValueError:
        raise Refused("why_json")
    if not isinstance(doc, dict):
        raise Refused("why_not_object")
    _check(doc, 0)
    return doc


def _parse_int(s):
    if len(s.lstrip("-")) > 12:
        raise Refused("why_number")
    return int(s)


def encode_share(profile):
    """base64url without padding of the UTF-8 JSON (profile-format.md, `#p=`)."""
    data = json.dumps(profile, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


B64URL = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def decode_share(fragment):
    """The profile carried by a `#p=...` fragment (with or without the leading `#p=`).

    Raises Refused for anything that is not a sound profile.
    """
    s = fragment
    if s.startswith("#"):
        s = s[1:]
    if s.startswith("p="):
        s = s[2:]
    s = s.strip().rstrip("=")
    if len(s) > MAX_TEXT * 4 // 3 + 4:
        raise Refused("why_too_large")
    if not s or any(c not in B64URL for c in s) or len(s) % 4 == 1:
        raise Refused("why_encoding")
    try:
        raw = base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
        text = raw.decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise Refused("why_encoding")
    return read_untrusted(text)


def split_document(doc):
    """(profile, as_of) from an imported document: a top-level `as_of` is the evaluation date."""
    profile = dict(doc)
    as_of = profile.pop("as_of", None)
    return profile, as_of


def error_target(field, present):
    """The id of the element an error about profile path `field` should point to.

    `present` is a set (or predicate) of the ids of visible elements. Falls back to the nearest
    enclosing path that has an element, then to None.
    """
    has = present if callable(present) else present.__contains__
    path = field
    aliases = {"age": ("age", "date_of_birth"), "date_of_birth": ("date_of_birth", "age"),
               "canadian_education": ("canadian_education", "has_canadian_education"),
               "job_offer": ("job_offer", "has_job_offer"), "profile": ("marital_status",)}
    while path:
        for candidate in aliases.get(path, (path,)):
            fid = field_id(candidate)
            if has(fid):
                return fid
        if "." not in path:
            break
        path = path.rsplit(".", 1)[0]
    return None


# ---------------------------------------------------------------------------------------------
# The language switch. The answers go to the other page in this tab's sessionStorage, never in
# a URL: a URL the page navigates to lands in the browser's history database, which history
# sync sends off the device. They are carried as the fields hold them (what was typed stays,
# even what no saved profile may hold), with the date, an imported document's kept parts and
# which answers were touched; the other page reads them once, only if meant for it and fresh.

SWITCH_VERSION = 1
SWITCH_MAX_AGE_MS = 10 * 60 * 1000
MAX_FIELD_TEXT = 1000


def encode_switch(fields, as_of, extras, touched, to_lang, now_ms):
    """The text the page stores before going to the `to_lang` page."""
    return json.dumps({
        "v": SWITCH_VERSION, "to": to_lang, "at": now_ms,
        "fields": {k: v for k, v in fields.items()
                   if k in FIELD_IDS and isinstance(v, str) and len(v) <= MAX_FIELD_TEXT},
        "as_of": as_of, "extras": extras,
        "touched": sorted(t for t in touched if t in FIELD_IDS)}, ensure_ascii=False)


def decode_switch(text, lang, now_ms):
    """(fields, as_of, extras, touched) stored by `encode_switch` for the `lang` page at most
    SWITCH_MAX_AGE_MS ago, or None. Anything else in it is dropped, never loaded."""
    if not isinstance(text, str) or len(text) > MAX_TEXT + len(FIELD_IDS) * (MAX_FIELD_TEXT + 80):
        return None
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except (ValueError, Refused):
        return None
    if (not isinstance(data, dict) or data.get("v") != SWITCH_VERSION or data.get("to") != lang
            or not isinstance(data.get("fields"), dict)):
        return None
    at = data.get("at")
    if isinstance(at, bool) or not isinstance(at, (int, float)) or not 0 <= now_ms - at <= SWITCH_MAX_AGE_MS:
        return None
    fields = {k: v for k, v in data["fields"].items()
              if k in FIELD_IDS and isinstance(v, str) and len(v) <= MAX_FIELD_TEXT}
    as_of = data.get("as_of")
    if not (isinstance(as_of, str) and len(as_of) <= MAX_STRING):
        as_of = None
    extras = data.get("extras")
    try:
        extras = read_untrusted(json.dumps(extras)) if isinstance(extras, dict) and extras else {}
    except Refused:
        extras = {}
    touched = data.get("touched")
    touched = [t for t in touched if isinstance(t, str) and t in FIELD_IDS] if isinstance(
        touched, list) else []
    return fields, as_of, extras, touched


# Where the tab's sessionStorage is denied (a third-party frame under the browser's default
# third-party storage blocking, or "block all cookies"), the switch text goes in two halves that
# each say nothing: a one-time pad (random bytes as long as the text) in the link's fragment,
# `#k=` (the History database sees only random bytes), and the text XOR the pad in window.name
# (which a partner could read only by navigating its frame away, and then without the pad).

def seal_switch(text, pad):
    """(window.name value, fragment value) for `text`, with `pad` random bytes as long as it."""
    data = text.encode("utf-8")
    if len(pad) != len(data):
        raise ValueError("the pad must be as long as the text")
    sealed = bytes(a ^ b for a, b in zip(data, pad))
    return _b64(sealed), _b64(pad)


def open_switch(sealed, pad):
    """The text `seal_switch` sealed, or None when the halves do not belong together."""
    try:
        a, b = base64.urlsafe_b64decode(_unpad(sealed)), base64.urlsafe_b64decode(_unpad(pad))
        if len(a) != len(b) or len(a) > MAX_TEXT * 8:
            return None
        return bytes(x ^ y for x, y in zip(a, b)).decode("utf-8")
    except (ValueError, TypeError, UnicodeDecodeError):
        return None


def _b64(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unpad(text):
    if not isinstance(text, str) or any(c not in B64URL for c in text):
        raise ValueError("not base64url")
    return text + "=" * (-len(text) % 4)
