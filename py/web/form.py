"""The form <-> profile mapping, in plain Python (no `js`, no `pyscript`: tested under CPython).

The page reads its fields into a dict of strings, {field id: value}, and this module turns
that into a profile (shared/profile-format.md) and back. A field's id is its profile path with
"." written as "-" (`first_language.listening` <-> `first_language-listening`), so an error's
`field` leads straight to its input. Three ids are the form's own and are not in the profile:
`age_by` (age or date of birth), `has_canadian_education` and `has_job_offer` (the official
tool's yes/no questions before 4c and 8a). The questions are declared in web/questions.py; the
ids, defaults, the mapping both ways and the error targets here are all read from it.

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

from web import questions as Q
from web.questions import ABILITIES, TESTS_EN, TESTS_FR, WITH_SPOUSE  # noqa: F401  (the page's)

TESTS = TESTS_EN + TESTS_FR
LANGUAGE_PATHS = tuple(q.path for q in Q.QUESTIONS if q.kind == "language")
# The profile's keys the form shows (others found in an imported document are kept as they are
# and passed on to the core, which names any it does not know).
PROFILE_KEYS = frozenset([q.path.split(".")[0] for q in Q.QUESTIONS if q.path]
                         + [r.path.split(".")[0] for r in Q.REPEATED])
SPOUSE_KEYS = frozenset([q.path.split(".")[1] for q in Q.QUESTIONS
                         if q.path and q.path.startswith("spouse.")]
                        + [r.path.split(".")[1] for r in Q.REPEATED
                           if r.path.startswith("spouse.")])
# The optional eligibility questions ("Check program eligibility (optional)").
OPTIONAL_IDS = tuple(q.id for s in Q.FORM if s.kind == "details" for q, _ in Q.walk(s.items))
# The repeated groups in a collapsed section (web/work.py opens it when they have entries).
OPTIONAL_GROUPS = tuple(r.id for r, section in Q.repeated()
                        if section is not None and section.kind == "details")


def _collapsed(items=Q.FORM):
    """Every Section of kind "details" (collapsed until opened), at any depth."""
    for item in items:
        if isinstance(item, Q.Section):
            if item.kind == "details":
                yield item
            yield from _collapsed(item.items)


# {collapsed section id: the profile paths of its questions and groups}: the page opens a
# section when an error or a loaded answer is inside it (the optional eligibility questions,
# the spouse's principal-applicant facts).
COLLAPSED = {s.id: tuple(q.path for q, _ in Q.walk(s.items) if q.path)
             + tuple(r.path for r, _ in Q.repeated(s.items)) for s in _collapsed()}
# {collapsed section id: its field ids (the questions' and its groups' prefixes)}
COLLAPSED_IDS = {s.id: tuple(fid for q, _ in Q.walk(s.items) for fid in q.field_ids())
                 + tuple(r.id + "-" for r, _ in Q.repeated(s.items)) for s in _collapsed()}


def collapsed_holding(paths):
    """The collapsed sections holding any of these profile paths."""
    return [sid for sid, held in COLLAPSED.items()
            if any(p == h or p.startswith(h + ".") for p in paths for h in held)]


def collapsed_answered(profile):
    """The collapsed sections with an answer in `profile` (a loaded document)."""
    return [sid for sid, held in COLLAPSED.items() if any(_get(profile, h) is not None
                                                          for h in held)]


def collapsed_filled(fields):
    """The collapsed sections with a field that differs from an empty form's (carried
    answers)."""
    return [sid for sid, ids in COLLAPSED_IDS.items()
            if any(value and value != DEFAULTS.get(fid) for fid, value in fields.items()
                   if fid.startswith(ids))]


# When each repeated group is shown (the spouse's jobs: with an accompanying spouse only).
REPEATED_WHEN = Q.repeated_when()


def field_id(path):
    """`first_language.listening` -> `first_language-listening`."""
    return path.replace(".", "-")


def field_path(fid):
    return fid.replace("-", ".")


# Every field of the form, by id, in page order; the page reads exactly these.
FIELD_IDS = [fid for q in Q.QUESTIONS for fid in q.field_ids()]
RADIO_IDS = tuple(q.id for q in Q.QUESTIONS if q.kind == "radios")
# Defaults of an empty form (radios have one answer checked, except the optional ones).
DEFAULTS = {fid: "" for fid in FIELD_IDS}
DEFAULTS.update({q.id: q.checked or "" for q in Q.QUESTIONS if q.kind == "radios"})
_CHOICES = {q.id: [value for value, _key in q.choices] for q in Q.QUESTIONS if q.kind == "radios"}

# Repeated groups (questions.Repeated: work_history): entry n's field ids are
# "<group id>-<n>-<question id>"; the form has as many entries as the fields name.
_ENTRY_ID = re.compile(r"([a-z_]+(?:-[a-z_]+)?)-(0|[1-9][0-9]?)-([a-z_]+)\Z")
_REPEATED = {r.id: r for r in Q.REPEATED}
_ITEM_IDS = {r.id: frozenset(q.id for q in r.items) for r in Q.REPEATED}


def _default(q):
    return (q.checked or "") if q.kind == "radios" else q.default


def entry_defaults(group, n):
    """{field id: value} of an empty entry `n` of `group` (a questions.Repeated)."""
    return {q.id: _default(q) for q in group.entry(n)}


def entry_field_ids(group, count):
    return [q.id for n in range(count) for q in group.entry(n)]


def _entry_parts(fid):
    """(group, n, item id) of a repeated entry's field id, or None."""
    m = _ENTRY_ID.match(fid)
    if m is None or m.group(1) not in _REPEATED or m.group(3) not in _ITEM_IDS[m.group(1)]:
        return None
    group, n = _REPEATED[m.group(1)], int(m.group(2))
    return (group, n, m.group(3)) if n < group.max else None


def is_radio(fid):
    """Whether `fid` names a radio group (a question's, or one of an entry's)."""
    if fid in DEFAULTS:
        return fid in RADIO_IDS
    parts = _entry_parts(fid)
    return parts is not None and any(q.id == parts[2] and q.kind == "radios"
                                     for q in parts[0].items)


def is_field(fid):
    """Whether `fid` names a field of the form (a question, or one of an entry's)."""
    return fid in DEFAULTS or _entry_parts(fid) is not None


def entry_count(fields, group):
    """How many entries of `group` the fields describe (one more than the highest named)."""
    count = 0
    for fid in fields:
        parts = _entry_parts(fid) if fid.startswith(group.id + "-") else None
        if parts is not None and parts[0] is group:
            count = max(count, parts[1] + 1)
    return count


def without_entry(fields, group, k):
    """The fields with entry `k` of `group` removed and the later ones moved up."""
    out = {}
    for fid, value in fields.items():
        parts = _entry_parts(fid)
        if parts is None or parts[0] is not group:
            out[fid] = value
        elif parts[1] != k:
            n = parts[1] - 1 if parts[1] > k else parts[1]
            out[group.prefix(n) + parts[2]] = value
    return out


def moved_ids(ids, group, k):
    """Field ids (touched, typed) after entry `k` of `group` was removed."""
    out = set()
    for fid in ids:
        parts = _entry_parts(fid)
        if parts is None or parts[0] is not group:
            out.add(fid)
        elif parts[1] != k:
            out.add(group.prefix(parts[1] - 1 if parts[1] > k else parts[1]) + parts[2])
    return out


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


def _language(fields, base):
    test = fields.get(base + "-test", "")
    if not test:
        return None
    out = {"test": test}
    for a in ABILITIES:
        raw = fields.get(base + "-" + a, "").strip()
        if raw:
            out[a] = number(raw)
    date = fields.get(base + "-test_date", "").strip()
    if date and test not in Q.LEVEL_TESTS:
        out["test_date"] = date
    return out


def _bool(value):
    return value == "yes"


def _holds(when, f):
    return all(f[fid] in answers for fid, answers in when)


def _answer(q, f):
    """What shown question `q` puts in the profile (or Q.LEFT_OUT)."""
    if q.kind == "language":
        value = _language(f, q.id)
        return Q.LEFT_OUT if value is None and q.if_empty == Q.OMIT else value
    raw = f[q.id]
    if q.kind == "radios":
        if q.read == "value":             # the answer itself (work_history's "where")
            return raw if raw else Q.LEFT_OUT
        if q.checked is None:             # optional: left out until answered
            return _bool(raw) if raw in ("yes", "no") else Q.LEFT_OUT
        return _bool(raw)
    text = raw if q.kind == "select" else raw.strip()   # an imported option is kept as it is
    if not text:
        return {Q.OMIT: Q.LEFT_OUT, Q.NULL: None, Q.KEEP: raw}[q.if_empty]
    if q.read == "number":
        return number(text)
    if q.read == "amount":
        return amount(raw)
    return text


def _put(p, path, value):
    *parents, key = path.split(".")
    for name in parents:
        p = p.setdefault(name, {})
    p[key] = value


def profile_from_fields(fields):
    """The profile the form describes. Hidden questions (by the answers above them) are left out,
    or hold their `hidden` value.

    `fields` maps field ids to strings; missing ids count as their default.
    """
    f = dict(DEFAULTS)
    f.update({k: v for k, v in fields.items() if isinstance(v, str)})
    for fid in RADIO_IDS:             # no other answer can be checked: read as the default
        if f[fid] not in _CHOICES[fid]:
            f[fid] = DEFAULTS[fid]
    p = {}
    for q, when in Q.walk():
        if q.path is not None:
            value = _answer(q, f) if _holds(when, f) else q.hidden
            if value is not Q.LEFT_OUT:
                _put(p, q.path, value)
    for group in Q.REPEATED:
        if not _holds(REPEATED_WHEN[group.id], f):
            continue
        entries = []
        for n in range(entry_count(fields, group)):
            e = entry_defaults(group, n)
            e.update({k: fields[k] for k in e if isinstance(fields.get(k), str)})
            entry = {}
            for q in group.entry(n):
                if q.kind == "radios" and q.read != "value" and e[q.id] not in ("yes", "no"):
                    e[q.id] = _default(q)
                value = _answer(q, e)
                if value is not Q.LEFT_OUT:
                    entry[q.path.rsplit(".", 1)[1]] = value
            entries.append(entry)
        if entries:
            _put(p, group.path, entries)
    return p


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


def _get(profile, path):
    value = profile
    for name in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(name)
    return value


def _given(q, profile):
    """An answer of `q` in the profile, other than the one meaning "not asked"."""
    value = _get(profile, q.path)
    return value is not None and value != q.hidden


def _fields_of(q, value):
    if q.kind == "language":
        if not isinstance(value, dict):
            return {}
        return {q.id + "-test": _text(value.get("test")),
                q.id + "-test_date": _text(value.get("test_date")),
                **{q.id + "-" + a: _text(value.get(a)) for a in ABILITIES}}
    if q.kind == "radios":
        return {q.id: "" if q.checked is None and value is None else _radio(value)}
    return {q.id: "" if value == q.hidden else _text(value)}


def _opened(gate):
    """{answer: the questions it opens} for a question of the form's own (no path)."""
    out = {value: [] for value, _key in gate.choices}
    for group in gate.body:
        for fid, answers in group.when:
            if fid == gate.id:
                for answer in answers:
                    out[answer].extend(q for q, _ in Q.walk(group.items) if q.path)
    return out


def _gate_answer(gate, profile):
    """The form's own question answered as the profile needs: its default, unless only the
    questions another answer opens are answered in the profile."""
    opened = _opened(gate)
    for value in [gate.checked] + [v for v in opened if v != gate.checked]:
        if any(_given(q, profile) for q in opened[value]):
            return value
    return gate.checked


def fields_from_profile(profile):
    """The field values that show `profile`, as {field id: string}; the inverse of
    `profile_from_fields` for everything the form can show."""
    f = dict(DEFAULTS)
    if not isinstance(profile, dict):
        return f
    for q in Q.QUESTIONS:
        if q.path is None:
            f[q.id] = _gate_answer(q, profile)
        else:
            f.update(_fields_of(q, _get(profile, q.path)))
    for group in Q.REPEATED:
        entries = _entries_of(profile, group)
        for n, entry in enumerate(entries or ()):
            for q, item in zip(group.entry(n), group.items):
                value = entry.get(item.path)
                if value is None and item.path not in entry:
                    f[q.id] = _default(q)
                elif q.kind == "radios" and q.read == "value":
                    f[q.id] = _text(value)
                else:
                    f.update(_fields_of(q, value))
    return f


def _entries_of(profile, group):
    """The entries of `group` in the profile when the form can show them (a list of at most
    `max` objects), else None (kept as it is: extras_of)."""
    value = _get(profile, group.path)
    if (isinstance(value, list) and len(value) <= group.max
            and all(isinstance(e, dict) for e in value)):
        return value
    return None


def extras_of(profile):
    """The parts of an imported profile the form does not show (the project's optional fields,
    docs/profile-format-extensions.md, or unknown ones the core will name): kept as they are."""
    out = {k: v for k, v in profile.items() if k not in PROFILE_KEYS}
    spouse = profile.get("spouse")
    if isinstance(spouse, dict):
        more = {k: v for k, v in spouse.items() if k not in SPOUSE_KEYS}
        if more:
            out["spouse"] = more
    for group in Q.REPEATED:        # not a list of entries: the core will say what is wrong
        value = _get(profile, group.path)
        if value is not None and _entries_of(profile, group) is None:
            _put(out, group.path, value)
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

# A full profile is about 700 bytes of JSON; with its scenarios (four copies of a profile
# with 30 jobs and a spouse's 30 each: ~60 KB) a document is at most the core's own bound on a
# document given as text (crs.MAX_DOCUMENT_BYTES).
MAX_TEXT = 64 * 1024
MAX_DEPTH = 4                 # profile > spouse > language > score
# The scenarios (docs/profile-format-extensions.md): scenarios > scenario > a copy's profile,
# which is checked as a profile of its own (MAX_DEPTH again, from there).
SCENARIOS = "scenarios"
SCENARIO_DEPTH = 3
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
    if depth > MAX_DEPTH or (depth == MAX_DEPTH and isinstance(value, (dict, list))):
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


def _check_document(doc):
    """_check of a whole document: a copy in its scenarios is a profile, checked as one."""
    if not isinstance(doc, dict) or SCENARIOS not in doc:
        _check(doc, 0)
        return
    _check({k: v for k, v in doc.items() if k != SCENARIOS}, 0)
    value = doc[SCENARIOS]
    if not isinstance(value, list) or len(value) > MAX_KEYS:
        _check(value, 1, SCENARIOS)
        return
    for n, entry in enumerate(value):
        path = "%s.%d" % (SCENARIOS, n)
        if not isinstance(entry, dict) or len(entry) > MAX_KEYS:
            _check(entry, 2, path)
            continue
        for key, item in entry.items():
            inner = path + "." + str(key)
            _check(key, 3, inner)
            if key == "profile" and isinstance(item, dict):
                _check(item, 0, inner)       # its own "scenarios" are a plain value there
            else:
                _check(item, 3, inner)


def check_outgoing(doc):
    """Raise Refused (with the path of the first value at fault) for a document that
    `read_untrusted` would refuse when it comes back: a saved, shared or exported profile must
    load again, so what cannot is refused when it is made, naming the answer, not lost later.
    Its size is the exported file's (indented: the largest of the three)."""
    _check_document(doc)
    if len(json.dumps(doc, ensure_ascii=False, indent=2)) > MAX_TEXT:
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
            if depth > MAX_DEPTH + SCENARIO_DEPTH:
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
    _check_document(doc)
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


def split_scenarios(doc):
    """(the document without its scenarios, its scenarios or []): the page keeps them apart
    from the answers (they are not scored with them, and a broken one never blocks the
    score); web/panels/scenarios.py shows them."""
    if not isinstance(doc, dict) or SCENARIOS not in doc:
        return doc, []
    rest = {k: v for k, v in doc.items() if k != SCENARIOS}
    return rest, doc[SCENARIOS] if doc[SCENARIOS] is not None else []


def with_scenarios(doc, scenarios):
    """`doc` with the scenarios added (none: unchanged)."""
    return dict(doc, **{SCENARIOS: scenarios}) if scenarios else doc


def split_document(doc):
    """(profile, as_of) from an imported document: a top-level `as_of` is the evaluation date."""
    profile = dict(doc)
    as_of = profile.pop("as_of", None)
    return profile, as_of


def _error_aliases():
    """{profile path: the ids an error there may point to, in order}. A question behind one of
    the form's own questions falls back to what is shown in its place: the question another
    answer opens (age <-> date of birth), or the form's question itself when an answer opens
    nothing (canadian_education -> has_canadian_education). Errors about the whole document
    ("profile") point to the first question."""
    out = {"profile": (Q.QUESTIONS[0].id,)}
    for gate in Q.QUESTIONS:
        if gate.path is not None or not gate.body:
            continue
        opened = _opened(gate)
        for answer, shown in opened.items():
            for q in shown:
                others = [o.id for a, qs in opened.items() if a != answer for o in qs]
                if any(not qs for qs in opened.values()):
                    others.append(gate.id)
                out[q.path] = (q.id,) + tuple(others)
    return out


ERROR_ALIASES = _error_aliases()


def error_target(field, present):
    """The id of the element an error about profile path `field` should point to.

    `present` is a set (or predicate) of the ids of visible elements. Falls back to the nearest
    enclosing path that has an element, then to None.
    """
    has = present if callable(present) else present.__contains__
    path = field
    while path:
        for fid in ERROR_ALIASES.get(path, (field_id(path),)):
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
MAX_SWITCH_FIELDS = len(FIELD_IDS) + sum(r.max * len(r.items) for r in Q.REPEATED)


def encode_switch(fields, as_of, extras, touched, to_lang, now_ms):
    """The text the page stores before going to the `to_lang` page."""
    return json.dumps({
        "v": SWITCH_VERSION, "to": to_lang, "at": now_ms,
        "fields": {k: v for k, v in fields.items()
                   if is_field(k) and isinstance(v, str) and len(v) <= MAX_FIELD_TEXT},
        "as_of": as_of, "extras": extras,
        "touched": sorted(t for t in touched if is_field(t))}, ensure_ascii=False)


def decode_switch(text, lang, now_ms):
    """(fields, as_of, extras, touched) stored by `encode_switch` for the `lang` page at most
    SWITCH_MAX_AGE_MS ago, or None. Anything else in it is dropped, never loaded."""
    if not isinstance(text, str) or len(text) > MAX_TEXT + MAX_SWITCH_FIELDS * (MAX_FIELD_TEXT + 80):
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
              if is_field(k) and isinstance(v, str) and len(v) <= MAX_FIELD_TEXT}
    as_of = data.get("as_of")
    if not (isinstance(as_of, str) and len(as_of) <= MAX_STRING):
        as_of = None
    extras = data.get("extras")
    try:
        extras = read_untrusted(json.dumps(extras)) if isinstance(extras, dict) and extras else {}
    except Refused:
        extras = {}
    touched = data.get("touched")
    touched = [t for t in touched if isinstance(t, str) and is_field(t)] if isinstance(
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
