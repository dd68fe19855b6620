"""The one reading of a document: bounded, parsed and validated once, with its evaluation
day and its rule set. Score, eligibility, what-ifs, timeline and ranking all take a Reading
(crs.read), so a page that shows them all reads the profile once.
"""

import datetime as _dt
import json as _json

from . import messages as _m
from . import rules as _rules
from .problems import errors as _errors
from .profile import evaluation_date as _evaluation_date
from .profile import parse as _parse

# Hostile or broken input is refused before it is read (the page and the CLI share these;
# docs/api.md and every command's --help state them).
MAX_DOCUMENT_BYTES = 64 * 1024   # one document given as text (a share link, a pasted profile)
MAX_DEPTH = 8                    # nesting of such a document
# Command-line files (crs.cli.read_input, for score, eligibility and rank alike):
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_BATCH = 100_000              # profiles in one file for score and eligibility
MAX_POOL = 300_000               # profiles in one pool for rank: IRCC's held 229,100 (2026)
# A file's JSON objects and arrays are counted (in C, before parsing) against its profiles:
# a profile, its spouse, three language results, a job offer's details and a work history of
# at most 30 periods make 37. Parsing then costs memory in proportion to the profiles allowed,
# not to the bytes: 3 MB of "{}," alone would otherwise be a million dicts. The bound is the
# file's, not each profile's: one profile with four scenarios that copy it (~300 objects at
# most) passes; a whole batch of those does not, and is not what a batch is for.
MAX_NODES_PER_PROFILE = 40


def _depth_ok(value, depth=0):
    if depth > MAX_DEPTH:
        return False
    if type(value) is dict:
        return all(_depth_ok(v, depth + 1) for v in value.values())
    if type(value) is list:
        return all(_depth_ok(v, depth + 1) for v in value)
    return True


def load_json(text, lang="en", field="profile", limit=MAX_DOCUMENT_BYTES * 16, line=1):
    """Parse JSON text (str, or bytes in UTF-8) with the document limits. Returns (value,
    errors). The one JSON reader: documents (crs.score, read), command-line files
    (crs.cli.read_input, with field "file" and its own limits) and the lines of an NDJSON
    stream (crs.batch, `line` = the text's line in the file, for the error's position) alike.

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
                               {"detail": _m.detail("position", line=exc.lineno + line - 1,
                                                    column=exc.colno)})], lang)
    except ValueError:         # an integer beyond Python's digit limit (sys.int_info)
        return None, _errors([(field, "invalid_json", {"detail": _m.detail("digits")})], lang)
    return value, []


def document(doc, lang):
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




class Reading:
    """A valid document read for one day: `doc` (its own `as_of` taken out), `profile`
    (profile.Profile), `day` (the evaluation date), `rule_set` (None when none is in force that
    day: then `score()` is the error saying so), `lang`."""

    __slots__ = ("doc", "profile", "day", "rule_set", "rules", "lang", "_problem", "_score",
                 "_parts")

    def __init__(self, doc, profile, day, rule_set, rules, lang, problem=None):
        self.doc, self.profile, self.day = doc, profile, day
        self.rule_set, self.rules, self.lang = rule_set, rules, lang
        self._problem = problem
        self._score = None
        self._parts = {}

    def part(self, name, compute):
        """What `compute(self)` gives, computed once for this reading (the eligibility check
        and the round types, which several panels and the round types themselves ask for)."""
        if name not in self._parts:
            self._parts[name] = compute(self)
        return self._parts[name]

    def score(self):
        """The score result (crs.score's), computed once."""
        if self._score is None:
            if self._problem is not None:
                self._score = {"errors": _errors([self._problem], self.lang)}
            else:
                from .result import result
                self._score = result(self)
        return self._score

    def on(self, day):
        """The same document read on another day, under the rule set asked for or the one in
        force then (an age from a date of birth, a result's staleness follow the day)."""
        if day == self.day:
            return self
        reading, errors = read(self.doc, day, self.rules, self.lang)
        return reading if reading is not None else _Failed(errors)

    def changed(self, doc, day=None):
        """Another document (a what-if's change of this one) read on the same day, or on
        `day`, under the same rules."""
        reading, errors = read(doc, self.day if day is None else day, self.rules, self.lang)
        return reading if reading is not None else _Failed(errors)


class _Failed:
    """What `on` and `changed` give for a document that does not read: its score is the errors."""

    __slots__ = ("errors",)

    def __init__(self, errors):
        self.errors = errors

    def score(self):
        return {"errors": self.errors}


def _rule_set(rules, day):
    """(rule set, problem): the one asked for (an id or a RuleSet), else the one in force."""
    if rules is not None:
        # A rule set's id, or a RuleSet itself (one made from other amendments: rules.RuleSets)
        if type(rules) is _rules.RuleSet:
            return rules, None
        found = _rules.BY_ID.get(rules) if type(rules) is str else None
        if found is None:
            return None, ("rules", "not_allowed_rules", {"got": rules})
        return found, None
    found = _rules.in_force_on(day)
    if found is None:
        return None, ("as_of", "out_of_range", {"range": ("date_after", _rules.FIRST_DAY),
                                                "got": day.isoformat()})
    return found, None


def read(doc, as_of=None, rules=None, lang="en"):
    """Read a document (a dict, or JSON text from outside) for a day. Returns (Reading, None)
    or (None, errors): every problem of the document at once, with those of `as_of` and
    `rules`. A day with no rule set in force (before 2015-01-01) reads: tools that need no
    points (eligibility) work; the score says there is none."""
    if lang not in _m.LANGS:
        lang = "en"
    if type(doc) is Reading:
        return doc, None
    doc, errors = document(doc, lang)
    if errors:
        return None, errors
    day, problem = _evaluation_date(as_of)
    problems = []
    if problem:
        problems.append(problem)
        day = _dt.date.today()   # to report the document's own problems too
    p, day, more = _parse(doc, day)
    problems.extend(more)
    rule_set, rules_problem = _rule_set(rules, day)
    if rules_problem is not None and rules_problem[0] == "rules":
        problems.append(rules_problem)
        rules_problem = None
    if problems:
        return None, _errors(problems, lang)
    if type(doc) is dict and "as_of" in doc:
        doc = {k: v for k, v in doc.items() if k != "as_of"}
    return Reading(doc, p, day, rule_set, rules, lang, rules_problem), None
