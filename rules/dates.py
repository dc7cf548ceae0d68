"""Dates people remember: a day, a month or a year, each read as the interval of days it covers.

Comparing an interval with a legal boundary gives True, False or None (unknown): "2016" is
neither wholly before nor wholly on/after 2016-11-09, so that comparison is unknown and the
rules fall back on other facts or answer "needs review". Nothing here reads the clock.
"""

from __future__ import annotations

import calendar
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache
from typing import NamedTuple


class Interval(NamedTuple):
    first: date
    last: date


class ImpossibleDate(ValueError):
    pass


@lru_cache(maxsize=4096)
def parse(text: str) -> Interval:
    """`2014-05-02`, `2014-05` or `2014` -> the days it covers. Raises ImpossibleDate."""
    try:
        year = int(text[0:4])
        if len(text) == 4:
            return Interval(date(year, 1, 1), date(year, 12, 31))
        month = int(text[5:7])
        if len(text) == 7:
            return Interval(
                date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            )
        day = date(year, month, int(text[8:10]))
        return Interval(day, day)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise ImpossibleDate(text) from error


def before(interval: Interval | None, boundary: date) -> bool | None:
    """Is every day of `interval` before `boundary`? None when unknown or straddling."""
    if interval is None:
        return None
    if interval.last < boundary:
        return True
    if interval.first >= boundary:
        return False
    return None


def add_years(day: date, years: int) -> date | None:
    """The same calendar day `years` later; 29 February becomes 1 March in a common year.
    None when that year is outside 1-9999 (a date the calendar cannot hold)."""
    year = day.year + years
    if not MINYEAR <= year <= MAXYEAR:
        return None
    try:
        return day.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def _reached(day: date, years: int, as_of: date) -> bool:
    """Is `as_of` at least `years` calendar years after `day`?"""
    later = add_years(day, years)
    if later is None:  # beyond 9999 (years > 0) can never be reached; before year 1 always is
        return years <= 0
    return later <= as_of


def years_passed(interval: Interval | None, years: int, as_of: date) -> bool | None:
    """Have at least `years` calendar years passed since the date by `as_of`? None if unknown."""
    if interval is None:
        return None
    if _reached(interval.last, years, as_of):
        return True
    if not _reached(interval.first, years, as_of):
        return False
    return None


def day_before(day: date) -> date | None:
    return None if day == date.min else day - timedelta(days=1)
