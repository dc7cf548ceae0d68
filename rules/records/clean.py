"""Text as DOJ printed it, from the OCR'd or copy-pasted text a worker has (rap-sheet.md §2).

Each line is cleaned once, on its own: NFKC, upper case, the character fixes real copies
need, and a compact `key` (letters, digits and `&/:#-` only) that keyword tests read, so
`D I S P O;CO NVICTED`, `COURT :` and `CNT:0    1` look like what they mean. Every fix that
changes a line is reported, so the worker can check the paper. Nothing here backtracks:
each step is a replace or a single pass over the line, so the reader stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from rules.text import normalise

# A line longer than this is not a RAP sheet line; only its start is read (keeps every
# step bounded, so 1 MB of junk costs the same as 1 MB of sheet).
MAX_LINE = 300

# Character-level fixes (rap-sheet.md §2, the text cleaner's list), applied in this order.
CHARACTER_FIXES = (
    ("\u2013", "-"),
    ("\u2014", "-"),
    ("\u2212", "-"),
    ("É", "E"),
    ("Ç", "C"),
    ("Ọ", "O"),
    ("Ó", "O"),
    ("Í", "I"),
)
# Word-level fixes; each is reported as an OCR repair.
WORD_FIXES = (
    ("TNFRACTION", "INFRACTION"),
    ("COMVICT", "CONVICT"),
    ("CONV STATIS.", "CONV STATUS:"),
    ("CONV STATIS", "CONV STATUS"),
    ("RESIN", "RESTN"),
    ("FINESS", "FINE SS"),
    ("DISMISSSED", "DISMISSED"),
)
_NOT_KEY = re.compile(r"[^A-Z0-9&/:#\-]+")
# What OCR reads for 0 and 1 inside a number.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "|": "1"})


class Line(NamedTuple):
    number: int  # 1-based, as the worker sees it in the textarea
    text: str  # cleaned, upper case, spaces kept
    key: str  # compact form for keyword tests
    repairs: tuple[str, ...]


def lines_of(text: str) -> Iterator[Line]:
    """The cleaned lines of a pasted text, with their 1-based numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "")
    for number, raw in enumerate(text.split("\n"), start=1):
        yield clean_line(number, raw[:MAX_LINE])


def clean_line(number: int, raw: str) -> Line:
    # The engine's one normaliser (ASCII digits, NFKC, no invisible marks); spaces kept.
    text = normalise(raw, squeeze=False).upper().replace("\u00a0", " ").replace("\t", " ")
    for wrong, right in CHARACTER_FIXES:
        text = text.replace(wrong, right)
    repairs = []
    for wrong, right in WORD_FIXES:
        if wrong in text:
            text = text.replace(wrong, right)
            repairs.append(f"{wrong}→{right}")
    key = _NOT_KEY.sub("", text.replace(";", ":"))
    return Line(number, text, key, tuple(repairs))


def repaired_number(token: str) -> tuple[str, bool] | None:
    """A token that is a number apart from OCR look-alikes (`2009O612`, `1L359`) -> the digits
    and whether a look-alike was replaced; None when it is not a number. At most three
    characters and never more than half may be look-alikes, so a word never becomes a number."""
    if not token:
        return None
    digits = sum(ch.isdigit() for ch in token)
    if digits == len(token):
        return token, False
    if digits < len(token) - 3 or 2 * digits < len(token) or digits < 3:
        return None
    fixed = token.translate(_DIGIT_LOOKALIKES)
    return (fixed, True) if fixed.isdigit() else None
