"""The words of a problem: a (field, code, values) found while reading becomes an error
{"field", "code", "message"} in the caller's language (messages.py holds the words).

Every error of the core is made here, by `errors`; a module that finds a problem reports it as a
(field path, code, values) tuple and never writes its own message.
"""

from . import clb as _clb
from . import dates as _dates
from . import formats as _formats
from . import messages as _m

MAX_ERRORS = 50                  # errors listed for one profile (the last says how many more)


def words(code, values, lang):
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
                kind=_m.KINDS[rng[1]][i], low=_formats.decimal(rng[2], lang),
                high=_formats.decimal(rng[3], lang))
        elif rng[0] == "step":
            w["allowed"] = _m.RANGES["step"][i].format(
                low=_formats.decimal(rng[1], lang), high=_formats.decimal(rng[2], lang),
                step=_formats.decimal(rng[3], lang))
        elif rng[0] == "noc":
            w["allowed"] = _m.RANGES["noc"][i]
        elif rng[0] == "date_between":
            w["allowed"] = _m.RANGES["date_between"][i].format(low=rng[1].isoformat(),
                                                                high=rng[2].isoformat())
        elif rng[0] == "length":
            w["allowed"] = _m.RANGES["length"][i].format(high=_formats.integer(rng[1], lang))
        elif rng[0] == "date_after":
            w["allowed"] = _m.RANGES["date_after"][i].format(low=rng[1].isoformat())
        else:
            w["allowed"] = _m.RANGES["date_before"][i].format(high=rng[1].isoformat())
    elif code == "unknown_what_if":
        w["allowed"] = ", ".join(values["allowed"])
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
    elif code in ("invalid_json", "invalid_csv", "too_large", "too_many", "unreadable"):
        w["detail"] = values["detail"][i]           # (en, fr), from messages.detail
    return w


def errors(problems, lang):
    """Problems -> errors, at most MAX_ERRORS (the last one says how many more)."""
    if len(problems) > MAX_ERRORS:
        # An object may have any number of unknown fields: the list stays bounded.
        listed = MAX_ERRORS - 1
        problems = problems[:listed] + [("profile", "too_many", {"detail": _m.detail(
            "problems", size=len(problems), limit=listed)})]
    out = []
    for field, code, values in problems:
        if code == "not_allowed_rules":
            from .rules import BY_ID
            allowed = ", ".join(BY_ID)
            i = 1 if lang == "fr" else 0
            text = _m.ERRORS["not_allowed"][i].format(allowed=allowed,
                                                      got=_m.shown(values["got"]))
            label = _m.field_label(field, lang)
            out.append({"field": field, "code": "not_allowed", "label": label, "text": text,
                        "message": _formats.labelled(label, text, lang)})
        else:
            label = None
            if "test" in values:
                test = _m.CHOICES["test"][values["test"]][1 if lang == "fr" else 0]
                label = _m.field_label(field, lang, test)
            out.append(_m.error(field, code, lang, label=label, **words(code, values, lang)))
    return out
