"""Reading the offense as records and people write it (decision-rules A.3, A.4).

`HS 11359`, `H&S 11357(b)`, `11360(a)`, `hs11359`, `11359 HS`, attempts `PC 664/11359`,
conspiracies `PC 182(a)(1)/HS 11360`, other codes (`PC 211`, `21 USC 841`), the web app's
`unknown` (the person does not know) and `other`. Trailing words after the section (a rap
sheet's `HS 11359 F 05/02/2014`) are ignored, so the web app can pre-fill from a pasted line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# HS 11361.8(a): relief for a conviction "under Section 11357, 11358, 11359, or 11360".
PROP64_SECTIONS = frozenset({"11357", "11358", "11359", "11360"})
ATTEMPT = "664"     # PC 664: attempt
CONSPIRACY = "182"  # PC 182: conspiracy

KINDS = ("prop64", "attempt", "conspiracy", "other", "unknown")
UNKNOWN_WORDS = frozenset({"UNKNOWN", "NOT SURE", "DONT KNOW", "DON'T KNOW", "?"})

# Names of the Health and Safety Code and the Penal Code as records write them.
_CODE_NAMES = re.compile(
    r"(?<![A-Z])(?:H\s*&\s*S\s*C?|H\s*AND\s*S|H\.\s*S\.|HSC|HS|P\.\s*C\.|PEN|PC)(?![A-Z])")
_FEDERAL = re.compile(r"(?<![A-Z])U\.?\s*S\.?\s*C\.?\s*(?P<number>\d+)?|(?<![A-Z])CFR(?![A-Z])")
_SECTION = re.compile(
    r"^(?P<code>[A-Z]{1,4})?\s*(?P<number>\d{1,6}(?:\.\d+)?)(?P<subs>(?:\s*\(\s*[0-9A-Z]{1,5}\s*\))*)"
    r"\s*(?P<suffix>(?:HS|PC|VC|BP|WI)(?![A-Z]))?")
_SUB = re.compile(r"\(\s*([0-9A-Z]{1,5})\s*\)")


class Offense(NamedTuple):
    """One offense, read. `section` is the number (`11359`); `subdivisions` the letter chain.
    (A NamedTuple rather than a dataclass: importing dataclasses costs the CLI ~20 ms.)"""

    kind: str                  # prop64 | attempt | conspiracy | other | unknown
    section: str | None = None
    subdivisions: tuple[str, ...] = ()
    code: str | None = None    # HS, PC, USC, ... (None when the record wrote a bare number)

    @property
    def subdivision(self) -> str | None:
        """The first subdivision letter (`b` in `11357(b)`), or None."""
        return self.subdivisions[0] if self.subdivisions else None


def _read_section(text: str) -> tuple[str, str, tuple[str, ...], str] | None:
    match = _SECTION.match(text)
    if match is None:
        return None
    code = match["code"] or match["suffix"]
    subs = tuple(s.lower() for s in _SUB.findall(match["subs"]))
    return code, match["number"], subs, text[match.end():]


def _normalise(text: str) -> str:
    upper = " ".join(text.upper().replace("§", " ").replace("SECTION", " ").split())
    return _CODE_NAMES.sub(lambda m: "PC" if m.group(0).startswith("P") else "HS", upper)


@lru_cache(maxsize=8192)
def parse_offense(text: str) -> Offense:
    """Reads one offense string. Never raises: what it cannot read is kind `other`."""
    upper = _normalise(text)
    if upper in UNKNOWN_WORDS:
        return Offense("unknown")
    federal = _FEDERAL.search(upper)
    if federal:
        return Offense("other", federal["number"], (), "USC")
    read = _read_section(upper)
    if read is None:
        return Offense("other")
    code, number, subs, rest = read
    outer_is_penal = code in (None, "PC")
    if rest.lstrip().startswith("/") and outer_is_penal and number in (ATTEMPT, CONSPIRACY):
        # A.4: PC 664/11359 (attempt), PC 182(a)(1)/HS 11360 (conspiracy).
        inner = _read_section(rest.lstrip()[1:].lstrip())
        if inner is None:
            return Offense("other", number, subs, "PC")
        inner_code, inner_number, inner_subs, _ = inner
        if inner_code in (None, "HS") and inner_number in PROP64_SECTIONS:
            kind = "attempt" if number == ATTEMPT else "conspiracy"
            return Offense(kind, inner_number, inner_subs, "HS")
        return Offense("other", inner_number, inner_subs, inner_code or "PC")
    if code in (None, "HS") and number in PROP64_SECTIONS:
        return Offense("prop64", number, subs, "HS")
    return Offense("other", number, subs, code)
