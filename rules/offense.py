"""The one offense reader (decision-rules A.3, A.4): every door calls `parse_offense`.

The engine, the question pages, worker table and paste, bulk mode (its summary and its derived
priors) and the command line read a code section only through this module, so a spelling is
read the same way wherever it is typed.

What it reads (decision-rules A.3): the offense is HS 11357, 11358, 11359 or 11360 "when the
text names that section with an HS code or none. Case, spaces, dots and hyphens between the
parts are ignored; the code may come first or last": `HS 11359`, `H&S 11359`, `H & S 11359`,
`HSC 11359`, `Health and Safety Code 11359`, `Health & Safety 11359`, `hs11359`, `HS-11359`,
`11359 HS`, `11359HS`, `11359`; subdivisions `11357(B)`, `11357 (b)`, `11357b`. Attempts
`PC 664/11359`, `664 PC/11359 HS`, `11359/664`, `11359 HS/664 PC`, `11359-664`; conspiracy
`PC 182`, `182(a)(1) PC` before or after the HS section (A.4). Another code with one of these
numbers (`PC 11359`, `VC 11357`) is kind `mismatch`. Other offenses (`PC 211`, `21 USC 841`)
are kind `other`; the web app's `unknown` (the person does not know) is kind `unknown`.

Before reading, the text is NFKC-normalised, invisible and bidirectional control characters
(Unicode category Cf, e.g. U+200E) are removed, and every Unicode decimal digit becomes its
ASCII digit, so `HS 11359` pasted with a left-to-right mark, or in full-width or Arabic-Indic
digits, is still HS 11359. Trailing words after the section (a rap sheet's
`HS 11359 F 05/02/2014`) are ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .text import normalise

# HS 11361.8(a) [V]: relief for a conviction "under Section 11357, 11358, 11359, or 11360".
PROP64_SECTIONS = frozenset({"11357", "11358", "11359", "11360"})
ATTEMPT = "664"  # PC 664: attempt
CONSPIRACY = "182"  # PC 182: conspiracy

KINDS = ("prop64", "attempt", "conspiracy", "mismatch", "other", "unknown")
UNKNOWN_WORDS = frozenset({"UNKNOWN", "NOT SURE", "DONT KNOW", "DON'T KNOW", "?"})

# Names of codes as records and people write them, longest first, after upper-casing and with
# dots removed. Each becomes a short token the section pattern reads.
_CODE_WORDS = (
    (r"HEALTH\s*(?:AND|&)\s*SAFETY(?:\s*CODE)?", "HS"),
    (r"H\s*(?:AND|&)\s*S\s*C?", "HS"),
    (r"HSC", "HS"),
    (r"H\s?S", "HS"),
    (r"PENAL(?:\s*CODE)?", "PC"),
    (r"PEN", "PC"),
    (r"P\s?C", "PC"),
    (r"VEHICLE(?:\s*CODE)?", "VC"),
    (r"VEH", "VC"),
    (r"VC", "VC"),
    (r"BUSINESS\s*(?:AND|&)\s*PROFESSIONS(?:\s*CODE)?", "BP"),
    (r"B\s*(?:AND|&)\s*P\s*C?", "BP"),
    (r"BPC", "BP"),
    (r"BP", "BP"),
    (r"WELFARE\s*(?:AND|&)\s*INSTITUTIONS(?:\s*CODE)?", "WI"),
    (r"W\s*(?:AND|&)\s*I\s*C?", "WI"),
    (r"WIC", "WI"),
    (r"WI", "WI"),
)
CODES = frozenset(token for _, token in _CODE_WORDS)
_CODE_NAMES = re.compile(
    "|".join(f"(?:(?<![A-Z]){pattern}(?=[^A-Z]|$))" for pattern, _ in _CODE_WORDS)
)
_CODE_TOKEN = {re.compile(pattern): token for pattern, token in _CODE_WORDS}
_FEDERAL = re.compile(r"(?<![A-Z])U\s*S\s*C\s*(?:§\s*)?(?P<number>\d+)?|(?<![A-Z])CFR(?![A-Z])")
_DOT = re.compile(r"(?<![0-9])\.|\.(?![0-9])")
_NOISE = re.compile(r"§|\bSECTIONS?\b|\bSEC\b")
# One part: a code, a number, its subdivisions, a code after it. `11357b`: a letter right
# after a Prop 64 section number is its subdivision (a letter after another number is part of
# the section number itself: PC 288a, PC 1203.4a).
_PART = re.compile(
    r"\s*(?P<code>HS|PC|VC|BP|WI)?[\s-]*(?P<number>\d{1,6}(?:\.\d+)?)(?P<letter>[A-Z](?![A-Z]))?"
    r"(?P<subs>(?:\s*\(\s*[0-9A-Z]{1,5}\s*\))*)(?:\s*(?P<suffix>HS|PC|VC|BP|WI)(?![A-Z]))?"
)
_SUB = re.compile(r"\(\s*([0-9A-Z]{1,5})\s*\)")
_JOIN = re.compile(r"\s*[/-]\s*|\s+")


class Offense(NamedTuple):
    """One offense, read. `section` is the number (`11359`); `subdivisions` the letter chain.
    `form` says how it was charged: `completed`, `attempt` (PC 664) or `conspiracy` (PC 182).
    (A NamedTuple rather than a dataclass: importing dataclasses costs the CLI ~20 ms.)"""

    kind: str  # prop64 | attempt | conspiracy | mismatch | other | unknown
    section: str | None = None
    subdivisions: tuple[str, ...] = ()
    code: str | None = None  # HS, PC, USC, ... (None when the record wrote a bare number)
    form: str = "completed"

    @property
    def subdivision(self) -> str | None:
        """The first subdivision letter (`b` in `11357(b)`), or None."""
        return self.subdivisions[0] if self.subdivisions else None

    @property
    def is_cannabis_section(self) -> bool:
        return self.kind in ("prop64", "attempt", "conspiracy")

    @property
    def reading(self) -> str:
        """The reading in one line, the same for every spelling: `prop64 HS 11357(b)`."""
        subs = "".join(f"({sub})" for sub in self.subdivisions)
        return " ".join(
            part
            for part in (
                self.kind,
                self.form if self.form != "completed" else "",
                self.code or "",
                (self.section or "") + subs,
            )
            if part
        )


class _Part(NamedTuple):
    code: str | None
    number: str
    subs: tuple[str, ...]
    end: int


def clean(text: str) -> str:
    """NFKC, invisible and bidirectional controls removed, every decimal digit in ASCII: the
    engine's one text normaliser, rules/text.py (spacing kept; the reader squeezes it)."""
    return normalise(text, squeeze=False)


def _code_token(match: re.Match[str]) -> str:
    word = match.group(0)
    for pattern, token in _CODE_TOKEN.items():
        if pattern.fullmatch(word):
            return f" {token} "
    return word  # pragma: no cover - every alternative of _CODE_NAMES is in _CODE_TOKEN


def _normalise(text: str) -> str:
    upper = _DOT.sub(" ", clean(text).upper())  # dots go, except inside 1203.4 or 11357.5
    upper = _NOISE.sub(" ", upper)
    upper = " ".join(upper.split())
    return " ".join(_CODE_NAMES.sub(_code_token, upper).split())


def _part(text: str, start: int) -> _Part | None:
    match = _PART.match(text, start)
    if match is None:
        return None
    number = match["number"]
    subs = tuple(sub.lower() for sub in _SUB.findall(match["subs"] or ""))
    letter = match["letter"]
    if letter:
        if number in PROP64_SECTIONS:
            subs = (letter.lower(), *subs)
        else:
            number += letter.lower()
    code, end = match["code"], match.end()
    if match["suffix"]:
        if code is None:
            code = match["suffix"]
        else:
            end = match.start("suffix")  # `HS 11359 PC 664`: the PC belongs to the next part
    return _Part(code, number, subs, end)


def _is_wrapper(part: _Part) -> bool:
    return part.code in (None, "PC") and part.number in (ATTEMPT, CONSPIRACY)


def _single(part: _Part, form: str = "completed") -> Offense:
    if part.number in PROP64_SECTIONS:
        if part.code in (None, "HS"):
            kind = {"completed": "prop64", "attempt": "attempt", "conspiracy": "conspiracy"}[form]
            return Offense(kind, part.number, part.subs, "HS", form)
        # A.3: "Another code named with one of these numbers (PC 11359, VC 11357)".
        return Offense("mismatch", part.number, part.subs, part.code, form)
    # PC 664/187: the attempted offense is a Penal Code section unless another code is named.
    code = part.code or ("PC" if form != "completed" else None)
    return Offense("other", part.number, part.subs, code, form)


@lru_cache(maxsize=8192)
def parse_offense(text: str) -> Offense:
    """Reads one offense string. Never raises: what it cannot read is kind `other`."""
    upper = _normalise(text)
    if upper in UNKNOWN_WORDS:
        return Offense("unknown")
    federal = _FEDERAL.search(upper)
    if federal:
        return Offense("other", federal["number"], (), "USC")
    first = _part(upper, 0)
    if first is None:
        return Offense("other")
    joint = _JOIN.match(upper, first.end)
    second = _part(upper, joint.end()) if joint else None
    if (
        second is not None
        and (_is_wrapper(first) or _is_wrapper(second))
        and not (_is_wrapper(first) and _is_wrapper(second))
    ):
        # A.4: PC 664/11359, 11359/664, 11359-664 (attempt); PC 182(a)(1)/HS 11360 (conspiracy).
        wrapper, inner = (first, second) if _is_wrapper(first) else (second, first)
        form = "attempt" if wrapper.number == ATTEMPT else "conspiracy"
        return _single(inner, form)
    return _single(first)
