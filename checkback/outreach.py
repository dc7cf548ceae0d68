"""Outreach figures that describe no one: people with something cleared, by county and by any
column the office names (a ZIP code), with small cells hidden and totals that give none away.

- A count under 11 is written "fewer than 11" (the threshold California's public agencies
  commonly use for small cells).
- A total is made only from what its table already shows: the exact cells, plus 5 for each
  hidden cell, rounded to the nearest 10. Subtracting the shown cells from it therefore
  recovers nothing that was hidden (a total from the true count, however rounded, can pin a
  lone hidden cell when its rounding interval meets the edge of 1-10). It is approximate:
  it differs from the true total by at most 5 a hidden cell plus 5.
"""

from __future__ import annotations

import csv
from collections import Counter
from typing import IO

THRESHOLD = 11
HIDDEN = f"fewer than {THRESHOLD}"
HIDDEN_AS = 5  # what a hidden cell adds to a total: the middle of 1-10
ROUND_TO = 10
UNKNOWN = "(not given)"
TOTAL = "total (rounded, hidden cells as 5)"


def shown(count: int) -> str:
    return HIDDEN if count < THRESHOLD else str(count)


def total_of(counts: Counter) -> str:
    """The table's total from its shown cells alone (see the module's note)."""
    approximate = sum(count if count >= THRESHOLD else HIDDEN_AS for count in counts.values())
    rounded = int((approximate + ROUND_TO // 2) // ROUND_TO * ROUND_TO)
    return shown(rounded)


class Tally:
    """Counts people (never rows) by each grouping column's value."""

    def __init__(self, columns: tuple[str, ...]) -> None:
        self.columns = columns
        self.counts: dict[str, Counter] = {column: Counter() for column in columns}

    def add(self, person, cleared_rows) -> None:
        for column in self.columns:
            # The county of the first cleared conviction; a person-level column (ZIP) from any row.
            value = person.first(column, cleared_rows) or person.first(column) or UNKNOWN
            self.counts[column][value] += 1

    def rows(self) -> list[tuple[str, str, str]]:
        out = []
        for column in self.columns:
            counts = self.counts[column]
            out += [(column, value, shown(counts[value])) for value in sorted(counts)]
            out.append((column, TOTAL, total_of(counts)))
        return out

    def write(self, handle: IO[str]) -> None:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("grouped_by", "group", "people_with_something_cleared"))
        writer.writerows(self.rows())
