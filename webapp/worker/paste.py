"""Lines pasted from a printed record -> rows for the worker to confirm. Pure: no Flask.

One line is one entry. From each line it reads:
  - the code section (HS 11359, H&S 11357(b), 11360 HS, PC 664/11359, PC 182(a)(1)/HS 11360),
    confirmed by `rules.parse_offense`, the engine's own reader;
  - the level, a word of its own: F / FEL / FELONY, M / MISD / MISDEMEANOR, I / INF / INFRACTION;
  - one or two dates (formats in dates.py). One date is taken as the conviction date (the date a
    record prints for a conviction); two are the offense date and the conviction date, the
    earlier one being the offense;
  - a California county named in the line (LOS ANGELES).
A line it cannot read is returned verbatim with the reason, never dropped. Dates are copied as
written, so a wrong one (02/31/2014) reaches the row and the row's check names it.

`write_line` is the inverse, for the summaries' "pick up later" lines (webapp/summary.py).
"""

import re
from dataclasses import dataclass, field
from datetime import date

import rules

from . import dates

MAX_LINE = 300

# Where a section is in the line; what it is, is read by rules.parse_offense (decision-rules A.3).
_CODE = (
    r"(?:HEALTH\s*(?:AND|&)\s*SAFETY(?:\s*CODE)?|PENAL(?:\s*CODE)?|H\s*(?:AND|&)\s*S\s*C?"
    r"|H\.\s*S\.|HSC|HS|P\.\s*C\.|PEN|PC|VC|BP|WI)"
)
_NUMBER = r"\d{2,6}(?:\.\d+)?(?:[A-Z](?![A-Z]))?(?:\s*\(\s*[0-9A-Z]{1,5}\s*\))*"
_JOINED = rf"(?:\s*[/-]\s*(?:{_CODE}[\s-]*)?{_NUMBER}(?:\s*{_CODE}(?![A-Z]))?)?"
CODE_FIRST = re.compile(rf"(?<![A-Z0-9]){_CODE}[\s-]*{_NUMBER}{_JOINED}", re.I)
# 664 PC/11359 HS, 11359 HS/664 PC, 182(a)(1) PC/11360: the code after each number.
JOINED_AFTER = re.compile(
    rf"(?<![0-9/.\-]){_NUMBER}\s*{_CODE}\s*[/-]\s*{_NUMBER}(?:\s*{_CODE}(?![A-Z]))?", re.I
)
CODE_AFTER = re.compile(rf"(?<![0-9/.\-]){_NUMBER}{_JOINED}\s*{_CODE}(?![A-Z])", re.I)
# Without a code's name, only the four Prop 64 sections (and attempts at them) are trusted.
BARE = re.compile(
    r"(?<![0-9/.\-])(?:664\s*/\s*)?(?:1135[789]|11360)(?:[A-Z](?![A-Z]))?"
    r"(?:\s*\(\s*[0-9A-Z]{1,5}\s*\))*(?:\s*[/-]\s*664)?(?![0-9/.\-])",
    re.I,
)
DATE = re.compile(r"(?<![0-9/.\-])\d{1,4}(?:[/.\-]\d{1,4}){1,2}(?![0-9/.\-])")
YEAR_ALONE = re.compile(r"(?<![0-9/.\-()])(?:19|20)\d\d(?![0-9/.\-()])")
LEVEL_WORDS = {
    "F": "fel",
    "FEL": "fel",
    "FELONY": "fel",
    "M": "mis",
    "MISD": "mis",
    "MISDEMEANOR": "mis",
    "I": "inf",
    "INF": "inf",
    "INFRACTION": "inf",
}
LEVEL = re.compile(
    r"(?<![A-Z0-9&])(" + "|".join(sorted(LEVEL_WORDS, key=len, reverse=True)) + r")(?![A-Z0-9&])",
    re.I,
)

# Why a line was not read: stable codes (the web layer words them).
NO_SECTION = "no_section"
TOO_MANY_DATES = "too_many_dates"
NO_ROOM = "no_room"
TOO_LONG = "too_long"


@dataclass
class Read:
    rows: list = field(default_factory=list)  # dicts of cell text, ready for the table
    unreadable: list = field(default_factory=list)  # (line as pasted, reason code)


def read_lines(text, counties, room, today):
    """Every non-blank line becomes a row or an unreadable line; `room` rows at the most."""
    out = Read()
    for line in text.splitlines():
        if not line.strip():
            continue
        if len(line) > MAX_LINE:
            out.unreadable.append((line, TOO_LONG))
            continue
        row, problem = read_line(line, counties, today)
        if problem is None and len(out.rows) >= room:
            problem = NO_ROOM
        if problem:
            out.unreadable.append((line, problem))
        else:
            out.rows.append(row)
    return out


def read_line(line, counties, today):
    """One line -> ({cell: text}, None) or (None, reason code)."""
    rest = " " + rules.offense.clean(line) + " "  # the engine reader's normalisation
    written_dates = []
    for match in DATE.finditer(rest):
        written_dates.append((match.start(), match.group(0)))
    rest = DATE.sub(lambda m: " " * len(m.group(0)), rest)
    section = _section(rest)
    if section is None:
        return None, NO_SECTION
    start, end, code = section
    rest = rest[:start] + " " * (end - start) + rest[end:]
    written_dates += [(m.start(), m.group(0)) for m in YEAR_ALONE.finditer(rest)]
    rest = YEAR_ALONE.sub(lambda m: " " * len(m.group(0)), rest)
    if len(written_dates) > 2:
        return None, TOO_MANY_DATES
    offense_date, conviction_date = _offense_and_conviction(
        [text for _, text in sorted(written_dates)], today
    )
    level = LEVEL.search(rest)
    return {
        "code": code,
        "level": LEVEL_WORDS[level.group(1).upper()] if level else "",
        "offense_date": offense_date,
        "conviction_date": conviction_date,
        "county": _county(rest, counties),
    }, None


# A record's own letters: the same in every language, so a printed line needs no translation.
LEVEL_WRITTEN = {"felony": "F", "misdemeanor": "M", "infraction": "I"}


def write_line(offense, level, offense_date, conviction_date, county):
    """A line `read_line` reads back to the same cells, or None if it would not (a typed
    section holding a date or a level word of its own). The contract's values in, "" or None
    for what is not known; a lone offense date is left out (one date reads as the conviction's)."""
    written_dates = (
        [offense_date, conviction_date]
        if offense_date and conviction_date
        else [conviction_date]
        if conviction_date
        else []
    )
    parts = [offense, LEVEL_WRITTEN.get(level or ""), *written_dates, county]
    line = " ".join(part for part in parts if part)
    return line if _reads_back(line, level, written_dates, county) else None


def _reads_back(line, level, written_dates, county):
    counties = [county] if county else []
    cells, problem = read_line(line, counties, date.max)  # no date is "in the future" here
    if problem:
        return False
    want = {
        "level": LEVEL_WORDS.get(LEVEL_WRITTEN.get(level or "", ""), ""),
        "offense_date": written_dates[0] if len(written_dates) == 2 else "",
        "conviction_date": written_dates[-1] if written_dates else "",
        "county": county or "",
    }
    return all(cells[key] == value for key, value in want.items())


def _section(text):
    for pattern in (CODE_FIRST, JOINED_AFTER, CODE_AFTER, BARE):
        for match in pattern.finditer(text):
            written = " ".join(match.group(0).split())
            if rules.parse_offense(written).section is not None:
                return match.start(), match.end(), written
    return None


def _offense_and_conviction(written, today):
    if not written:
        return "", ""
    if len(written) == 1:
        return "", written[0]
    first, second = written
    read_first, read_second = dates.read(first, today)[0], dates.read(second, today)[0]
    if read_first and read_second and _later(read_first, read_second):
        first, second = second, first
    return first, second


def _later(one, other):
    """True if date `one` is surely after `other` (both as stored: YYYY[-MM[-DD]])."""
    shared = min(len(one), len(other))
    return one[:shared] > other[:shared]


def _county(text, counties):
    upper = " ".join(text.upper().split())
    for name in sorted(counties, key=len, reverse=True):
        if re.search(rf"(?<![A-Z]){re.escape(name.upper())}(?![A-Z])", upper):
            return name
    return ""
