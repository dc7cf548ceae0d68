"""The summary table's row for an offense cell, read by the one offense reader (rules/offense.py)."""

from __future__ import annotations

from functools import lru_cache

from rules.offense import parse_offense


@lru_cache(maxsize=65536)
def summary_key(cell: str) -> str:
    """`HS 11359`, `HS 11359 (attempt or conspiracy)`, `other sections`, or `unreadable section`."""
    offense = parse_offense(cell)
    if offense.kind == "prop64":
        return f"HS {offense.section}"
    if offense.kind in ("attempt", "conspiracy"):
        return f"HS {offense.section} (attempt or conspiracy)"
    if offense.kind == "mismatch":
        return f"{offense.code} {offense.section} (code and number disagree)"
    if offense.section is None:
        return "unreadable section"
    return "other sections"
