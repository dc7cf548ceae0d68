"""Code sections as records write them, reduced to a comparable key.

A rap sheet or a county extract writes the same section many ways: `HS 11359`, `H&S 11359`,
`HSC11359(b)`, `11359`, `PC 664/187` (attempt), `PC 182(a)(1)/HS 11360` (conspiracy). Bulk mode
needs a stable key for two jobs the engine does not do: matching earlier rows against the
code-section lists in `rules/data/` (derived priors) and grouping the summary table by section.
The engine reads the offense itself, from the original cell, for the Prop 64 decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Prefixes that name the same code. Keys are upper-case with dots, spaces and '&' removed.
_CODE_ALIASES = {
    "HS": "HS", "HSC": "HS", "HANDS": "HS", "HANDSC": "HS",
    "PC": "PC", "PEN": "PC",
    "VC": "VC", "VEH": "VC",
    "BP": "BP", "BPC": "BP",
    "WI": "WI", "WIC": "WI",
}
# The four sections Prop 64 names (HS 11361.8(a)); a bare number among them is Health and Safety.
PROP64_SECTIONS = frozenset({"11357", "11358", "11359", "11360"})

_PART = re.compile(r"^((?:\d+(?=[A-Z]))?[A-Z&.]*?)\.?(\d+(?:\.\d+)?[A-Z]?)((?:\([0-9A-Z]+\))*)$")
_SUB = re.compile(r"\(([0-9A-Z]+)\)")


@dataclass(frozen=True)
class Section:
    """One offense cell, read: `code` + `number` + subdivision chain, and how it was charged."""

    code: str
    number: str
    subdivisions: tuple[str, ...] = ()
    form: str = "completed"  # "completed", "attempt" (PC 664) or "conspiracy" (PC 182)

    @property
    def base(self) -> str:
        """`HS 11359`: the key the summary table groups by."""
        return f"{self.code} {self.number}"

    def __str__(self) -> str:
        subs = "".join(f"({s})" for s in self.subdivisions)
        return f"{self.code} {self.number}{subs}"


def _code(prefix: str, number: str, default: str) -> str:
    key = prefix.replace("&", "AND").replace(".", "")
    if not key:
        return "HS" if number in PROP64_SECTIONS else default
    return _CODE_ALIASES.get(key, key)


def _one(text: str, default_code: str) -> Section | None:
    match = _PART.match(text)
    if match is None:
        return None
    prefix, number, subs = match.groups()
    return Section(_code(prefix, number, default_code), number.lower(),
                   tuple(s.lower() for s in _SUB.findall(subs)))


@lru_cache(maxsize=65536)
def parse_section(cell: str) -> Section | None:
    """Reads an offense cell; None when it is not a code section at all (e.g. 'ROBBERY')."""
    text = re.sub(r"[\s-]+", "", cell.upper())
    if not text:
        return None
    if "/" in text:
        outer_text, _, inner_text = text.partition("/")
        outer = _one(outer_text, "PC")
        if outer is None or outer.code != "PC" or outer.number not in ("664", "182"):
            return None
        inner = _one(inner_text, "PC")
        if inner is None:
            return None
        form = "attempt" if outer.number == "664" else "conspiracy"
        return Section(inner.code, inner.number, inner.subdivisions, form)
    return _one(text, "PC")


@lru_cache(maxsize=65536)
def summary_key(cell: str) -> str:
    """The summary table's row: `HS 11359`, `attempt or conspiracy`, or `other`."""
    section = parse_section(cell)
    if section is None:
        return "unreadable section"
    if section.code == "HS" and section.number in PROP64_SECTIONS:
        return section.base if section.form == "completed" else f"{section.base} (attempt or conspiracy)"
    return "other sections"
