"""The timeline's dates as a calendar file (iCalendar, RFC 5545), written on the device.

`ics(events, lang)` takes the events of `crs.timeline.timeline` (or its whole answer) and
returns the text of a `.ics` file: one VCALENDAR (VERSION 2.0, PRODID, CALSCALE GREGORIAN,
METHOD PUBLISH), one all-day VEVENT per dated event that matters ahead of the evaluation date:

* a language result going stale (two years, MI s.3(4)), the ECA going stale (five years,
  s.11(5)) and the spouse's (s.17(4));
* the profile's expiry (one year after submission, s.4(1)(b));
* each coming birthday that costs age points (s.10(1)).

Events dated before the evaluation date, the evaluation date itself and the submission are
left out (a calendar holds what is coming). Each event's SUMMARY and DESCRIPTION are in `lang`
(words: `calendar` in words/*.json), the description with the timeline's own sentence and the
score from that day, and how it differs from the score on the evaluation date.

The text follows RFC 5545: CRLF line endings (§3.1), content lines folded at 75 octets of
UTF-8 without splitting a character (§3.1), TEXT values escaped (backslash, semicolon, comma,
newline: §3.3.11), all-day events as DTSTART;VALUE=DATE with the next day as DTEND (§3.6.1),
DTSTAMP in UTC (§3.8.7.2). A UID is the same for the same event in every file made (kind, what
it is about and its date, hashed), so importing a newer file updates the events instead of
doubling them; it names no person, device or host.
"""

import datetime as _dt

from . import catalogue as _catalogue
from . import formats as _formats

WORDS = _catalogue.pairs("calendar")
RESULT_LABEL = _catalogue.pairs("timeline.results")

# The kinds of crs.timeline events that go into the calendar, in the timeline's words.
KINDS = ("language_stale", "eca_stale", "spouse_eca_stale", "expiry", "birthday")
MINUS = "\u2212"
LINE_OCTETS = 75          # RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets
CRLF = "\r\n"


def dated(events):
    """The events of a timeline (its list or its whole answer) that go into the calendar: the
    kinds above, dated after the evaluation date, in date order."""
    events = events.get("events", []) if isinstance(events, dict) else list(events)
    as_of = next((e["date"] for e in events if e.get("kind") == "as_of"), None)
    return [e for e in events if e.get("kind") in KINDS
            and (as_of is None or str(e["date"]) > as_of)]


def escape(text):
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped."""
    return (str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n"))


def _units(line):
    """The line's characters, an escape (backslash and the character after it) as one."""
    chars = iter(line)
    for char in chars:
        yield char + next(chars, "") if char == "\\" else char


def fold(line):
    """One content line as physical lines of at most 75 octets of UTF-8 (RFC 5545 §3.1): each
    continuation starts with one space, which counts; a character is never split, nor an
    escape (unfolding would join it again, but a reader that splits first would not)."""
    out, current, size = [], [], 0
    for char in _units(line):
        width = len(char.encode("utf-8"))
        if size + width > LINE_OCTETS:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    out.append("".join(current))
    return out


def uid(event):
    """A stable UID for an event: a hash of its kind, what it is about and its date (64-bit
    FNV-1a; a name, not a secret: the file holds the event anyway)."""
    key = "|".join(str(event.get(k) or "") for k in ("kind", "field", "age", "date"))
    h = 0xcbf29ce484222325
    for byte in key.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "crs-calculator-%016x" % h


def _signed(n, lang):
    n = int(n)
    return (MINUS + _formats.integer(-n, lang)) if n < 0 else ("+" + _formats.integer(n, lang))


def _summary(event, lang, i):
    kind = event["kind"]
    if kind == "language_stale":
        label = RESULT_LABEL.get(event.get("field"), RESULT_LABEL["first_language"])[i]
        return WORDS["language_stale"][i].format(label=label)
    if kind == "birthday":
        return WORDS["birthday"][i].format(age=event["age"],
                                           points=_signed(event["points"], lang))
    return WORDS[kind][i]


def _description(event, base, lang, i):
    parts = [event.get("label") or _summary(event, lang, i)]
    total = event.get("total")
    if total is not None and base is not None:
        change = int(total) - int(base["total"])
        values = dict(total=_formats.integer(total, lang),
                      before=_formats.integer(base["total"], lang),
                      as_of=_formats.date(base["date"], lang), change=_signed(change, lang))
        parts.append(WORDS["score_same" if change == 0 else "score_change"][i].format(**values))
    elif total is not None:
        parts.append(WORDS["score"][i].format(total=_formats.integer(total, lang)))
    parts.append(WORDS["estimate"][i])
    return "\n".join(parts)


def _day(iso):
    return _dt.date.fromisoformat(str(iso)[:10])


def ics(events, lang="en", now=None):
    """The text of a .ics file (RFC 5545) holding the timeline's coming dates in `lang`
    ("en" or "fr"); `now` (an aware datetime, default the current time) is the DTSTAMP."""
    i = 1 if lang == "fr" else 0
    tag = "fr-CA" if lang == "fr" else "en-CA"
    all_events = events.get("events", []) if isinstance(events, dict) else list(events)
    base = next((e for e in all_events if e.get("kind") == "as_of"
                 and e.get("total") is not None), None)
    now = now or _dt.datetime.now(_dt.timezone.utc)
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    stamp = now.astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0",
             "PRODID:-//CRS calculator//Express Entry dates//" + ("FR" if i else "EN"),
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "X-WR-CALNAME:" + escape(WORDS["calendar_name"][i])]
    for event in dated(all_events):
        day = _day(event["date"])
        lines += ["BEGIN:VEVENT",
                  "UID:" + uid(event),
                  "DTSTAMP:" + stamp,
                  "DTSTART;VALUE=DATE:" + day.strftime("%Y%m%d"),
                  "DTEND;VALUE=DATE:" + (day + _dt.timedelta(days=1)).strftime("%Y%m%d"),
                  "SUMMARY;LANGUAGE=%s:%s" % (tag, escape(_summary(event, lang, i))),
                  "DESCRIPTION;LANGUAGE=%s:%s" % (tag, escape(_description(event, base,
                                                                             lang, i))),
                  "TRANSP:TRANSPARENT",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(physical + CRLF for line in lines for physical in fold(line))
