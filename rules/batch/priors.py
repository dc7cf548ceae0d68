"""Priors derived from the record: the person's other rows, counted before this row's offense.

HS 11358(d)(1)-(2), 11359(c)(1)-(2) and 11360(a)(3)(A)-(B) keep the felony (so Prop 64 gives
nothing) for "one or more prior convictions" for a PC 667(e)(2)(C)(iv) offense or a PC 290(c)
offense, or "two or more prior convictions" under the section's misdemeanor subdivision.
decision-rules.md B.6: "prior" means a conviction before this offense.

A row's stated prior wins; otherwise it is derived from the same person's other rows:
- `yes` when enough of them are certainly listed offenses certainly convicted before this
  row's offense date;
- `unknown` when some might be (partial or missing dates, a section the lists mark `maybe`,
  an unreadable section);
- `no` when none can be. The file is taken as the person's whole record (docs/bulk.md).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rules.batch.sections import Section, parse_section

DATA = Path(__file__).resolve().parent.parent / "data"

YES, MAYBE, NO = "yes", "maybe", "no"
PRIOR_FIELDS = ("super_strike", "registrable_sex_offense", "two_same_section")
# Only these sections have the prior-record disqualifiers (decision-rules.md B.6).
SECTIONS_WITH_PRIORS = frozenset({"11358", "11359", "11360"})


def _read_list(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@dataclass(frozen=True)
class ListedOffense:
    section: Section
    match: str
    attempt: bool


def _listed(name: str) -> tuple[ListedOffense, ...]:
    listed = []
    for row in _read_list(name):
        section = parse_section(row["section"])
        if section is None or row["match"] not in (YES, MAYBE) or row["attempt"] not in ("yes", "no"):
            raise ValueError(f"rules/data/{name}: unreadable row {row}")
        listed.append(ListedOffense(section, row["match"], row["attempt"] == "yes"))
    return tuple(listed)


SUPER_STRIKES = _listed("super_strikes.csv")
REGISTRABLE_290C = _listed("registrable_290c.csv")
MISDEMEANOR_SUBDIVISION = {
    parse_section(row["section"]).number: parse_section(row["section"] + row["misdemeanor_subdivision"]).subdivisions  # type: ignore[union-attr]  # the list holds sections only
    for row in _read_list("same_section_misdemeanors.csv")
}


def _against(section: Section | None, listed: tuple[ListedOffense, ...]) -> str:
    """Is a conviction under `section` one of the listed offenses? yes / maybe / no."""
    if section is None:
        return MAYBE  # unreadable: it could be anything
    best = NO
    for entry in listed:
        wanted = entry.section
        if (wanted.code, wanted.number) != (section.code, section.number):
            continue
        if section.form == "attempt" and not entry.attempt:
            continue
        have, need = section.subdivisions, wanted.subdivisions
        if have[: len(need)] == need:
            found = entry.match
        elif need[: len(have)] == have:
            found = MAYBE  # written less precisely than the list: cannot tell
        else:
            continue
        if section.form == "conspiracy":
            found = MAYBE
        if found == YES:
            return YES
        best = MAYBE
    return best


def _same_section(section: Section | None, number: str) -> str:
    """Does a conviction under `section` count toward two same-section misdemeanor priors?"""
    if section is None:
        return MAYBE
    if section.code != "HS" or section.number != number or section.form != "completed":
        return NO
    need = MISDEMEANOR_SUBDIVISION[number]
    if section.subdivisions[: len(need)] == need:
        return YES
    if not section.subdivisions or (number == "11360" and section.subdivisions == ("a",)):
        return MAYBE  # old-law or unlettered: research.md 1.6 [U]
    return NO


@dataclass(frozen=True)
class Classified:
    """What one offense cell can be as a prior, computed once per distinct cell."""

    super_strike: str
    registrable_sex_offense: str
    same_section: dict[str, str]


@lru_cache(maxsize=65536)
def classify(offense: str) -> Classified:
    section = parse_section(offense)
    return Classified(
        _against(section, SUPER_STRIKES),
        _against(section, REGISTRABLE_290C),
        {number: _same_section(section, number) for number in SECTIONS_WITH_PRIORS},
    )


class RecordEntry(NamedTuple):  # a NamedTuple: one is made per row, a dataclass is slower
    """One row as a possible prior: its offense and when it could have been convicted.

    `convicted` is (earliest, latest) as date ordinals; `target` is this row's own
    (earliest, latest) offense date. None bounds are open.
    """

    offense: str
    convicted: tuple[int | None, int | None]
    target: tuple[int | None, int | None]


def _before(convicted: tuple[int | None, int | None], offense: tuple[int | None, int | None]) -> str:
    """Was the conviction strictly before the offense? yes / maybe / no, on date intervals."""
    c_lo, c_hi = convicted
    o_lo, o_hi = offense
    if c_hi is not None and o_lo is not None and c_hi < o_lo:
        return YES
    if c_lo is not None and o_hi is not None and c_lo >= o_hi:
        return NO
    return MAYBE


def _tally(grades: list[str], needed: int) -> str:
    certain = grades.count(YES)
    if certain >= needed:
        return "yes"
    if certain + grades.count(MAYBE) >= needed:
        return "unknown"
    return "no"


def derive(entries: list[RecordEntry], index: int, number: str) -> dict[str, str]:
    """The three priors of row `index` (an HS `number` offense) from the person's other rows."""
    target = entries[index].target
    strikes: list[str] = []
    registrable: list[str] = []
    same: list[str] = []
    for other_index, other in enumerate(entries):
        if other_index == index:
            continue
        when = _before(other.convicted, target)
        if when == NO:
            continue
        kinds = classify(other.offense)
        for grades, kind in ((strikes, kinds.super_strike), (registrable, kinds.registrable_sex_offense),
                             (same, kinds.same_section[number])):
            if kind != NO:
                grades.append(YES if kind == YES and when == YES else MAYBE)
    return {
        "super_strike": _tally(strikes, 1),
        "registrable_sex_offense": _tally(registrable, 1),
        "two_same_section": _tally(same, 2),
    }
