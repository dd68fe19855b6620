"""The timeline's dates as an iCalendar file (crs.calendar, RFC 5545), in CPython: read back
with a small unfolding parser written here, not with the module's own helpers."""

import datetime
import re
import socket

import pytest

from crs import calendar
from crs.timeline import timeline

UTC = datetime.timezone.utc
NOW = datetime.datetime(2026, 11, 23, 15, 4, 5, tzinfo=UTC)
# Born 1996-02-29 (the birthday of a common year on 1 March), a test and an ECA with dates,
# submitted: every kind the calendar holds, and one of each it leaves out.
DOC = {"marital_status": "married", "date_of_birth": "1996-02-29", "education": "bachelors",
       "eca_date": "2023-06-15",
       "first_language": {"test": "tef_canada", "speaking": 400, "listening": 400,
                          "reading": 400, "writing": 400, "test_date": "2025-04-02"},
       "second_language": {"test": "ielts_gt", "speaking": 6, "listening": 6, "reading": 6,
                           "writing": 6, "test_date": "2024-01-10"},
       "spouse": {"canadian_citizen_or_pr": False, "accompanying": True,
                  "education": "masters", "eca_date": "2022-09-01"},
       "foreign_work_years": 3, "submitted_at": "2026-03-10T09:30:00-04:00"}
AS_OF = "2026-11-23"


def events(lang="en"):
    tl = timeline(DOC, as_of=AS_OF, lang=lang)
    assert "errors" not in tl, tl
    return tl["events"]


# --- a reader of our own (RFC 5545 §3.1: unfold, then split name;params:value) -------------

def unfold(text):
    assert "\n" not in text.replace("\r\n", ""), "a bare LF"
    assert "\r" not in text.replace("\r\n", ""), "a bare CR"
    return re.sub(r"\r\n[ \t]", "", text)


def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse(text):
    """[(name, {param: value}, value)] of every content line."""
    out = []
    for line in unfold(text).split("\r\n"):
        if not line:
            continue
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        out.append((name, dict(p.split("=", 1) for p in params), value))
    return out


def vevents(text):
    """Each VEVENT as {name: (params, value)}."""
    found, current = [], None
    for name, params, value in parse(text):
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            found.append(current)
            current = None
        elif current is not None:
            assert name not in current, "%s twice in one event" % name
            current[name] = (params, value)
    return found


# --- the file -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_one_vevent_per_coming_date(lang):
    ev = events(lang)
    text = calendar.ics(ev, lang, now=NOW)
    lines = parse(text)
    assert lines[0][0::2] == ("BEGIN", "VCALENDAR") and lines[-1][0::2] == ("END", "VCALENDAR")
    head = {name: value for name, _, value in lines[:6]}
    assert head["VERSION"] == "2.0" and head["CALSCALE"] == "GREGORIAN"
    assert head["PRODID"].startswith("-//") and head["PRODID"].endswith("//" + lang.upper())
    expected = [e for e in ev if e["kind"] in ("language_stale", "eca_stale",
                                               "spouse_eca_stale", "expiry", "birthday")
                and e["date"] > AS_OF]
    found = vevents(text)
    assert len(found) == len(expected) == text.count("BEGIN:VEVENT") == text.count("END:VEVENT")
    assert [f["DTSTART"] for f in found] == [({"VALUE": "DATE"}, e["date"].replace("-", ""))
                                             for e in expected]
    kinds = {e["kind"] for e in expected}
    assert kinds == {"language_stale", "eca_stale", "spouse_eca_stale", "expiry", "birthday"}
    # Left out: the evaluation date, the submission (in the past), the second language's
    # staleness (2026-01-10, before the evaluation date).
    left = [e for e in ev if e not in expected]
    assert {e["kind"] for e in left} == {"as_of", "submitted", "language_stale"}
    for f in found:
        day = datetime.date.fromisoformat(
            re.sub(r"(\d{4})(\d\d)(\d\d)", r"\1-\2-\3", f["DTSTART"][1]))
        assert f["DTEND"] == ({"VALUE": "DATE"},
                              (day + datetime.timedelta(days=1)).strftime("%Y%m%d"))
        assert f["DTSTAMP"] == ({}, "20261123T150405Z")
        assert f["SUMMARY"][0] == {"LANGUAGE": lang + "-CA"}


def test_a_birthday_on_29_february_is_on_1_march_in_a_common_year():
    found = vevents(calendar.ics(events(), "en", now=NOW))
    birthdays = [f for f in found if "you turn" in unescape(f["SUMMARY"][1])]
    assert birthdays and birthdays[0]["DTSTART"][1] == "20270301"      # 31 in 2027


def test_summaries_and_descriptions_in_the_language_with_the_points_change():
    base = next(e for e in events() if e["kind"] == "as_of")["total"]
    by_lang = {}
    for lang in ("en", "fr"):
        ev = events(lang)
        by_lang[lang] = found = vevents(calendar.ics(ev, lang, now=NOW))
        birthday = next(e for e in ev if e["kind"] == "birthday")
        b = next(f for f in found if f["DTSTART"][1] == birthday["date"].replace("-", ""))
        summary, description = unescape(b["SUMMARY"][1]), unescape(b["DESCRIPTION"][1])
        change = birthday["total"] - base
        if lang == "en":
            assert summary == "Express Entry – you turn 31: \u2212%d age points" % -birthday["points"]
            assert ("CRS score from that day: %d (\u2212%d from %d on November 23, 2026"
                    % (birthday["total"], -change, base)) in description
        else:
            assert summary == ("Entrée express – vous avez 31 ans : \u2212%d points pour l'âge"
                               % -birthday["points"])
            assert ("Note SCG à partir de ce jour : %d (\u2212%d par rapport à %d le 23 novembre "
                    "2026" % (birthday["total"], -change, base)) in description
        assert description.startswith(birthday["label"])
        expiry = next(e for e in ev if e["kind"] == "expiry")
        x = next(f for f in found if f["DTSTART"][1] == expiry["date"].replace("-", ""))
        assert unescape(x["DESCRIPTION"][1]).startswith(expiry["label"])
    # Two languages, the same events: the same UIDs (a newer file updates, never doubles).
    assert [f["UID"] for f in by_lang["en"]] == [f["UID"] for f in by_lang["fr"]]
    fr = " ".join(unescape(f["SUMMARY"][1]) for f in by_lang["fr"])
    assert "Entrée express" in fr and "Express Entry" not in fr


def test_uids_are_stable_unique_and_say_nothing_about_the_person():
    ev = events()
    first = vevents(calendar.ics(ev, "en", now=NOW))
    later = vevents(calendar.ics(ev, "en", now=NOW + datetime.timedelta(days=40)))
    uids = [f["UID"][1] for f in first]
    assert uids == [f["UID"][1] for f in later] and len(set(uids)) == len(uids)
    host = socket.gethostname()
    for uid in uids:
        assert re.fullmatch(r"crs-calculator-[0-9a-f]{16}", uid), uid
        assert host not in uid and "1996" not in uid and "@" not in uid


def test_dtstamp_is_utc_and_now_must_be_aware():
    montreal = datetime.timezone(datetime.timedelta(hours=-5))
    text = calendar.ics(events(), "en", now=datetime.datetime(2026, 11, 23, 22, 0, tzinfo=montreal))
    assert {f["DTSTAMP"][1] for f in vevents(text)} == {"20261124T030000Z"}
    with pytest.raises(ValueError):
        calendar.ics(events(), "en", now=datetime.datetime(2026, 11, 23, 22, 0))


def test_crlf_and_75_octets_and_no_character_split():
    text = calendar.ics(events("fr"), "fr", now=NOW)
    raw = text.encode("utf-8")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    physical = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical)       # something was folded
    for line in physical:
        line.decode("utf-8")                                      # no character cut in two
    # Folding happened next to accents (a count in characters instead of octets would give
    # lines over 75 octets here).
    assert any(len(line) == 75 or len(line.decode("utf-8")) < len(line) for line in physical)


def test_a_long_french_line_with_accents_folds_and_unfolds():
    value = ("Évaluation de l'équivalence : années d'études élevées, à vérifier; "
             "résultat « très » précis — ") * 3
    line = "DESCRIPTION;LANGUAGE=fr-CA:" + calendar.escape(value)
    folded = calendar.fold(line)
    assert len(folded) > 3
    for n, part in enumerate(folded):
        size = len(part.encode("utf-8"))
        assert size <= 75
        assert part.startswith(" ") == (n > 0)
        # Each line but the last is full: the next unit would not have fitted.
        if n < len(folded) - 1:
            nxt = folded[n + 1][1:2]
            assert size + len(nxt.encode("utf-8")) > 75 or nxt == "\\"
    assert unfold("\r\n".join(folded)) == line
    assert unescape(unfold("\r\n".join(folded)).split(":", 1)[1]) == value


def test_folding_counts_octets_exactly():
    assert calendar.fold("a" * 75) == ["a" * 75]
    assert calendar.fold("a" * 76) == ["a" * 75, " a"]
    # é is two octets: 37 of them (74 octets) fit the first line, 38 would be 76.
    parts = calendar.fold("é" * 100)
    assert parts[0] == "é" * 37 and parts[1] == " " + "é" * 37 and parts[2] == " " + "é" * 26
    # A three-octet character at the edge moves to the next line whole.
    parts = calendar.fold("a" * 73 + "\u202f" + "b")
    assert parts == ["a" * 73, " \u202fb"]
    # An escape is never cut from its backslash.
    parts = calendar.fold("a" * 74 + "\\,b")
    assert parts == ["a" * 74, " \\,b"]


def test_escaping_of_text_values():
    assert calendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    assert calendar.escape("x\r\ny\rz") == "x\\ny\\nz"
    tricky = "Comma, semicolon; backslash \\ and\nnewline"
    assert unescape(calendar.escape(tricky)) == tricky
    # In the file: the French labels hold commas and semicolons, read back intact.
    found = vevents(calendar.ics(events("fr"), "fr", now=NOW))
    stale = next(f for f in found if unescape(f["SUMMARY"][1]).startswith(
        "Entrée express – Première langue officielle"))
    description = unescape(stale["DESCRIPTION"][1])
    assert "a deux ans; le profil ne peut plus demeurer" in description
    assert "\n" in description and ", non affilié à IRCC;" in description
    for f in found:
        assert not re.search(r"(?<!\\)[,;]", f["SUMMARY"][1] + f["DESCRIPTION"][1])


def test_nothing_dated_is_an_empty_calendar():
    ev = timeline({"marital_status": "never_married", "age": 30, "education": "bachelors",
                   "first_language": {"test": "clb", "speaking": 9, "listening": 9,
                                      "reading": 9, "writing": 9}},
                  as_of=AS_OF)["events"]
    assert calendar.dated(ev) == []
    text = calendar.ics(ev, "en", now=NOW)
    assert "BEGIN:VEVENT" not in text and text.endswith("END:VCALENDAR\r\n")
    assert calendar.dated({"events": ev}) == []
