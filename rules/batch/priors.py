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

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rules.offense import parse_offense
from rules.offense_lists import (
    MAYBE,
    NO,
    REGISTRABLE_290C,
    SECTIONS_WITH_PRIORS,
    SUPER_STRIKES,
    YES,
    against,
    same_section_prior,
)

PRIOR_FIELDS = ("super_strike", "registrable_sex_offense", "two_same_section")


@dataclass(frozen=True)
class Classified:
    """What one offense cell can be as a prior, computed once per distinct cell."""

    super_strike: str
    registrable_sex_offense: str
    same_section: dict[str, str]


@lru_cache(maxsize=65536)
def classify(cell: str) -> Classified:
    offense = parse_offense(cell)
    return Classified(
        against(offense, SUPER_STRIKES),
        against(offense, REGISTRABLE_290C),
        {number: same_section_prior(offense, number) for number in SECTIONS_WITH_PRIORS},
    )


class RecordEntry(NamedTuple):  # a NamedTuple: one is made per row, a dataclass is slower
    """One row as a possible prior: its offense and when it could have been convicted.

    `convicted` is (earliest, latest) as date ordinals; `target` is this row's own
    (earliest, latest) offense date. None bounds are open.
    """

    offense: str
    convicted: tuple[int | None, int | None]
    target: tuple[int | None, int | None]


def _before(
    convicted: tuple[int | None, int | None], offense: tuple[int | None, int | None]
) -> str:
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
        for grades, kind in (
            (strikes, kinds.super_strike),
            (registrable, kinds.registrable_sex_offense),
            (same, kinds.same_section[number]),
        ):
            if kind != NO:
                grades.append(YES if kind == YES and when == YES else MAYBE)
    return {
        "super_strike": _tally(strikes, 1),
        "registrable_sex_offense": _tally(registrable, 1),
        "two_same_section": _tally(same, 2),
    }
