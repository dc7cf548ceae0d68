"""Dates as a legal aid worker types them from a printed record. Pure: `today` comes in.

Accepted (US order, as California records print them):
    MM/DD/YYYY  M/D/YYYY  MM-DD-YYYY  MM.DD.YYYY   a day
    YYYY-MM-DD                                      a day (ISO)
    MM/YYYY  YYYY-MM                                a month
    YYYY                                            a year
Two-digit years (05/02/14) are refused, never guessed: 14 could be 1914 or 2014, and the
century decides which side of the law's 2016 and 2019 dates a case falls on.
Stored as the engine's contract writes dates: 2014-05-02, 2014-05 or 2014.
"""

import re

from rules.dates import ImpossibleDate, parse

from ..forms import EARLIEST_YEAR

_SEP = r"[/.\-]"
DAY_US = re.compile(rf"^(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}(\d{{4}})$")
DAY_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
MONTH_US = re.compile(r"^(\d{1,2})[/\-](\d{4})$")
MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
YEAR = re.compile(r"^(\d{4})$")
TWO_DIGIT_YEAR = re.compile(rf"^\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}\d{{2}}$|^\d{{1,2}}/\d{{2}}$")

# What went wrong, as stable codes (the web layer words them).
UNREADABLE = "unreadable"
TWO_DIGITS = "two_digit_year"
NOT_REAL = "not_real"
TOO_EARLY = "too_early"
FUTURE = "future"


def read(text, today):
    """'05/02/2014' -> ('2014-05-02', None); a problem -> (None, code). Blank is not read here."""
    text = text.strip()
    if TWO_DIGIT_YEAR.match(text):
        return None, TWO_DIGITS
    for pattern, order in (
        (DAY_US, "mdy"),
        (DAY_ISO, "ymd"),
        (MONTH_US, "my"),
        (MONTH_ISO, "ym"),
        (YEAR, "y"),
    ):
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, map(int, match.groups())))
            return _checked(parts, today)
    return None, UNREADABLE


def _checked(parts, today):
    year, month, day = parts["y"], parts.get("m"), parts.get("d")
    value = f"{year:04d}"
    if month is not None:
        value += f"-{month:02d}"
    if day is not None:
        value += f"-{day:02d}"
    if month is not None and not 1 <= month <= 12:
        return None, NOT_REAL
    try:
        first_day = parse(value).first  # the engine's reader: the date it will be given
    except ImpossibleDate:
        return None, NOT_REAL
    if year < EARLIEST_YEAR:
        return None, TOO_EARLY
    if first_day > today:
        return None, FUTURE
    return value, None


def shown(value):
    """A stored date as a worker would type it: 2014-05-02 -> 05/02/2014, 2014-05 -> 05/2014."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{parts[1]}/{parts[2]}/{parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return value
