"""Dates: the one grammar, the one range, and the two 29 February rules, each written once.

Every tool (score, eligibility, timeline, what-ifs, rank, the rounds queries, the page) counts
days through these functions and nowhere else.

The two rules differ because the law asks two different questions of a 29 February:

* **Becoming N years old** (an age, a language result going stale at "two years or more", an
  ECA at "five years or more", MI s.3(4), s.11(5), s.17(4)): a person born on 29 February is not
  a year older on 28 February of a common year; the day that makes the count reach N is
  1 March. `completed_years` and `anniversary` implement it.
* **A period of N years ending** (the pool's twelve months from the submission, MI s.4(1)(b);
  the look-back windows of eligibility, IRPR 75(2)(a), 87.1(2)(a), 87.2(3)(a); the rounds of the
  last 12 months): Interpretation Act (R.S.C. 1985, c. I-21) s.28: a period "ending on a
  specified day" of a month with no such day ends on the last day of that month, so
  28 February. `period_end` and `period_start` implement it.
"""

import datetime as _dt
import re as _re

# The profile format's range for every date (shared/profile-format.md): out of it an age or an
# anniversary can leave what a date can hold (year 1 and 9999 are datetime's limits).
EARLIEST = _dt.date(1900, 1, 1)
LATEST = _dt.date(2100, 12, 31)


def parse(value):
    """A strict YYYY-MM-DD date, or None: the one date grammar of every document, argument and
    command (date.fromisoformat alone also takes 20260601 and week dates like 2026-W23-1).
    A datetime.date is taken as it is."""
    if type(value) is _dt.date:
        return value
    if type(value) is not str or len(value) != 10 or value[4] != "-" or value[7] != "-" \
            or not value.isascii():
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def in_range(day):
    return EARLIEST <= day <= LATEST


# The one timestamp grammar (submitted_at, in a profile and in a pool): an ISO 8601 date and
# time to the second (a fraction of up to six digits allowed) with Z or a +HH:MM / -HH:MM
# offset. datetime.fromisoformat alone also takes week dates, a space for "T", offsets with
# seconds and no zone at all.
_TIMESTAMP = _re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
                         r"(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})")


def timestamp(value):
    """(aware datetime, None) or (None, problem code): "invalid_date" for another grammar or
    an impossible time, "out_of_range" for a date outside EARLIEST..LATEST (a year 0001 or 9999
    leaves what a datetime can hold once converted or a year is added)."""
    if type(value) is not str or not _TIMESTAMP.fullmatch(value):
        return None, "invalid_date"
    try:
        moment = _dt.datetime.fromisoformat(value[:-1] + "+00:00" if value[-1] == "Z" else value)
    except ValueError:
        return None, "invalid_date"
    if not in_range(moment.date()):
        return None, "out_of_range"
    return moment, None


# --- Becoming N years old: 29 February counts from 1 March ---------------------------------

def completed_years(since, on):
    """Whole years from `since` to `on` (an age; how old a result is)."""
    return on.year - since.year - ((on.month, on.day) < (since.month, since.day))


def anniversary(day, years):
    """The first day on which something dated `day` is `years` old (completed_years reaches
    `years`): a 29 February is a year older on 1 March of a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return _dt.date(day.year + years, 3, 1)


# --- A period of N years: ends on 28 February (Interpretation Act s.28) --------------------

def period_end(moment, years):
    """The day (or the moment: a datetime keeps its time of day) a period of `years` years
    that began at `moment` ends."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def period_start(day, years):
    """The first day of the `years` years that end on `day` (a look-back window)."""
    return period_end(day, -years)


def months_before(day, months):
    """The same day `months` months before `day` (a look-back window); where that month is
    shorter, its last day (31 August minus six months: 28 or 29 February)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    last = (_dt.date(year + (month == 12), month % 12 + 1, 1) - _dt.timedelta(days=1)).day
    return _dt.date(year, month, min(day.day, last))
