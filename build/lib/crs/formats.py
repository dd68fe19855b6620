"""Numbers, dates and the colon, written per language: the one place for each.

English follows Canada.ca (1,200; August 7, 2026; "Label: text"); French follows the federal
style guide and IRCC (1 200 with a narrow no-break space; 7 août 2026, « 1er » for the first;
a space before the colon: « Libellé : texte »; a decimal comma).
"""

import datetime as _dt
import re as _re

MONTHS = (
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"),
    ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"),
)


def integer(n, lang):
    """A whole number with its thousands grouped: 1,200 / 1 200."""
    text = format(int(n), ",")
    return text.replace(",", "\u202f") if lang == "fr" else text


def decimal(value, lang):
    """A score as a test reports it (6.5 / 6,5): no grouping, the shortest form."""
    text = ("%g" % value) if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "fr" else text


def colon(lang):
    return " : " if lang == "fr" else ": "


def labelled(label, text, lang):
    """"Label: text" with the colon of the language."""
    return label + colon(lang) + text


def _as_date(value):
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(value)


def date(day, lang):
    """"August 7, 2026" (Canada.ca style) or "7 août 2026" ("1er" for the first)."""
    day = _as_date(day)
    if lang == "fr":
        return "%s %s %d" % ("1er" if day.day == 1 else day.day, MONTHS[1][day.month - 1],
                             day.year)
    return "%s %d, %d" % (MONTHS[0][day.month - 1], day.day, day.year)


def timestamp(when, lang):
    """As IRCC publishes the tie-breaking rule: "October 11, 2025 at 14:55:49 UTC" /
    "11 octobre 2025 à 14:55:49 UTC" (the French feed's wording)."""
    if isinstance(when, str):
        when = _dt.datetime.fromisoformat(when)
    when = when.astimezone(_dt.timezone.utc)
    return "%s %s %s UTC" % (date(when.date(), lang), "à" if lang == "fr" else "at",
                             when.strftime("%H:%M:%S"))


def _french_provision(number, parts, upto):
    """"s.27(a)" -> "al. 27a)", "s.10(1)" -> "par. 10(1)", "s.23" -> "art. 23",
    "s.8(2)(d)(iii)" -> "sous-al. 8(2)d)(iii)" (the federal style: a subsection in parentheses,
    a paragraph's letter with one closing parenthesis, a subparagraph's numeral in them)."""
    written, kind = number, "art."
    for part in parts:
        if part.isdigit():
            written, kind = written + "(%s)" % part, "par."
        elif kind == "al." and set(part) <= set("ivxl"):
            written, kind = written + "(%s)" % part, "sous-al."
        else:
            written, kind = written + part + ")", "al."
    if upto:
        written += " à " + ("(%s)" % upto if upto.isdigit() else upto + ")")
    return kind + " " + written


def article(ref, lang):
    """A score line's article as the core gives it ("MI s.10(1)", "MI s.14(1)-(3)",
    "MI s.27(a)", "MI s.23"), in the language: unchanged in English, "IM, par. 10(1)",
    "IM, par. 14(1) à (3)", "IM, al. 27a)", "IM, art. 23" in French. A reference of another
    form is given as it is."""
    if lang != "fr":
        return ref
    m = _re.fullmatch(r"MI ss?\.(\d+)((?:\([0-9a-z]+\))*)(?:-\(([0-9a-z]+)\))?", ref)
    if not m:
        return ref
    parts = _re.findall(r"\(([0-9a-z]+)\)", m.group(2))
    return "IM, " + _french_provision(m.group(1), parts, m.group(3))
