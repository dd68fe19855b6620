"""Every message the core gives, in English and French: the words are in the core's
catalogue (words/en.json, words/fr.json, read by catalogue.py); this module puts them together.

Messages name the field in words (not only its path), say what is allowed and echo what was
given (shortened, as plain text: callers must still write it as text, never as HTML). French
follows IRCC's terms (shared/reference/ecosystem.md §4.3): NCLC, conjoint de fait, Système de
classement global, diplôme canadien, certificat de compétence...
"""

import re as _re

from . import catalogue as _catalogue
from . import formats as _formats
from .catalogue import LANGS  # noqa: F401

# Labels of the profile's fields, by path (language results are built from parts below).
FIELDS = _catalogue.pairs("fields")

PERIOD_PARTS = _catalogue.pairs("period_parts")

LANGUAGE_PARTS = _catalogue.pairs("language_parts")

SCENARIO_PARTS = _catalogue.pairs("scenarios.parts")

# Allowed values of enumerations, as words.
CHOICES = _catalogue.pairs("choices")
# JSON keys are text: "no job offer" is the profile's null.
CHOICES["job_offer"][None] = CHOICES["job_offer"].pop("null")

KINDS = _catalogue.pairs("kinds")

OFFICIAL_LANGUAGE = _catalogue.pairs("official_language")

# Error messages: "{label}: {text}". Placeholders are filled by `error`.
    # {allowed} is bounded (see UNKNOWN_FIELD_HINTS): it used to list the 25 top-level fields
    # in every error, repeated for every profile of a batch.
ERRORS = _catalogue.pairs("errors")

# The bounded "what is allowed" of unknown_field: the names when the object has few fields,
# otherwise where they are listed.
UNKNOWN_FIELD_HINTS = _catalogue.pairs("unknown_field_hints")
FEW_FIELDS = 9

# Details of the limit errors (too_large, too_many, invalid_json, unreadable), filled by
# `detail`.
DETAILS = _catalogue.pairs("details")

    # (en, fr) templates of "what is allowed" for out_of_range.
RANGES = _catalogue.pairs("ranges")

WARNINGS = _catalogue.pairs("warnings")

# How a stale ECA's education points were counted (the end of the two warnings above).
ECA_POINTS = _catalogue.pairs("eca_points")

SPOUSE_WHY = _catalogue.pairs("spouse_why")

# Rules the researched specification could not confirm; the choice made is said in words.
UNCONFIRMED = _catalogue.pairs("unconfirmed")


def _i(lang):
    return 1 if lang == "fr" else 0


def field_label(path, lang, test=None):
    """Words for a field path like 'spouse.language.listening' (naming the test if given)."""
    i = _i(lang)
    if path in FIELDS:
        return FIELDS[path][i]
    if path.startswith("scenarios."):
        return _scenario_label(path.split("."), lang)
    if path.startswith(("work_history.", "job_offer_details.", "spouse.work_history.")):
        parts = path.split(".")
        if parts[0] == "spouse":
            parts = ["spouse.work_history"] + parts[2:]
        head = FIELDS[parts[0]][i]
        if parts[0].endswith("work_history") and len(parts) > 1:
            head += (" : période %d" if i else ", period %d") % (int(parts[1]) + 1) \
                if parts[1].isdigit() else ""
            parts = parts[1:]
        tail = PERIOD_PARTS.get(parts[-1], ("", ""))[i] if len(parts) > 1 else ""
        return head + (", " + tail if tail else "")
    for prefix in ("spouse.language", "spouse.second_language", "first_language",
                   "second_language"):
        if path.startswith(prefix + "."):
            part = path[len(prefix) + 1:]
            if part in LANGUAGE_PARTS:
                return "%s, %s%s" % (FIELDS[prefix][i], test + " " if test else "",
                                     LANGUAGE_PARTS[part][i])
    return path


def _scenario_label(parts, lang):
    """"Scenario 2, date"; a copy's own field: "Scenario 2, copied answers (Age)"."""
    i = _i(lang)
    if not parts[1].isdigit():
        return ".".join(parts)
    head = SCENARIO_PARTS["scenario"][i].format(n=int(parts[1]) + 1)
    if len(parts) == 2 or parts[2] not in SCENARIO_PARTS:
        return head
    head += ", " + SCENARIO_PARTS[parts[2]][i]
    if parts[2] == "profile" and len(parts) > 3:
        return "%s (%s)" % (head, field_label(".".join(parts[3:]), lang))
    return head


_SURROGATE = _re.compile("[\ud800-\udfff]")


def has_surrogate(text):
    """True when a str holds a lone surrogate (JSON's "\\ud800" reads into one): it is not
    text, and writing it as UTF-8 fails."""
    return _SURROGATE.search(text) is not None


def text(value):
    """A str safe to write as UTF-8: each lone surrogate becomes the six characters of its
    escape (\\ud800), as JSON itself would write it."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def key_text(key):
    """A field name (maybe unknown, of any length, any text) as it appears in a field path."""
    key = text(str(key))
    return key if len(key) <= 40 else key[:37] + "..."


def shown(value, lang="en"):
    """A given value echoed back in a message: short, and plain text (valid UTF-8)."""
    import json
    try:
        shown_text = text(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError, RecursionError):
        shown_text = "(%s)" % type(value).__name__
    if len(shown_text) > 40:
        shown_text = shown_text[:37] + "..."
    return shown_text


def detail(kind, **values):
    """(en, fr) detail of a limit error; numbers are written per language."""
    out = []
    for lang in LANGS:
        words = {k: _formats.integer(v, lang) if type(v) is int else v for k, v in values.items()}
        out.append(DETAILS[kind][_i(lang)].format(**words))
    return tuple(out)


def choices(kind, lang):
    i = _i(lang)
    return ", ".join("%s (%s)" % ("null" if k is None else k, words[i])
                     for k, words in CHOICES[kind].items())


def error(field, code, lang, label=None, **values):
    """One error: {field, code, label, text, message}: the field's words, what is wrong, and
    both joined as a sentence (a page names the field from `label`, never by splitting)."""
    i = _i(lang)
    text = ERRORS[code][i].format(**values)
    label = label or field_label(field, lang)
    return {"field": field, "code": code, "label": label, "text": text,
            "message": _formats.labelled(label, text, lang)}



def warning(code, lang, field=None, **values):
    out = {"code": code, "message": WARNINGS[code][_i(lang)].format(**values)}
    if field is not None:
        out["field"] = field
    return out


def unconfirmed(code, lang):
    return {"code": code, "message": UNCONFIRMED[code][_i(lang)]}
