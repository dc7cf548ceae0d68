"""Text as people type it, read once at the edge (issue 14): one normaliser for every reader.

A Farsi or Arabic phone keyboard types a year as `۲۰۱۳` or `٢٠١٣`, a Chinese or Japanese one
as fullwidth `２０１３`; a pasted record brings invisible marks (zero-width spaces, the bidi
controls an RTL editor adds, a byte-order mark). Python's `str.isdigit()` and `int()` accept
some of these and refuse others (`"²".isdigit()` is true, `int("²")` fails), so a reader that
trusts them breaks on real input. Every reader of typed text (the web forms, worker mode's
cells, bulk cells) calls `normalise` first and then checks ASCII only.

- Every Unicode decimal digit (category Nd, any script) becomes the ASCII digit 0-9.
- Other number characters (category No: superscripts `²`, fractions `½`, circled `①`) are kept
  as they are, so that an ASCII check refuses them. NFKC would turn `²` into `2`, and a person
  who typed 201² did not mean 2012.
- Everything else is NFKC-normalised (fullwidth letters, ligatures, the no-break space).
- Format characters (category Cf: zero-width spaces and joiners, bidi controls, the BOM, the
  soft hyphen) and control characters are removed; runs of white space become one space, and
  the ends are trimmed.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_ASCII_NUMBER = re.compile(r"[0-9]+")


def _dropped(char: str) -> bool:
    category = unicodedata.category(char)
    return category == "Cf" or (category == "Cc" and not char.isspace())


def normalise(text: str, squeeze: bool = True) -> str:
    """`text` in canonical form: ASCII digits, NFKC, no invisible or control characters; with
    `squeeze`, white space runs become one space and the ends are trimmed."""
    if (
        text.isascii()
        and text.isprintable()
        and (not squeeze or ("  " not in text and text == text.strip()))
    ):
        return text  # the common case, as typed on an English keyboard
    kept: list[str] = []
    run: list[str] = []  # characters waiting for NFKC
    for char in text:
        if _dropped(char):
            continue
        category = unicodedata.category(char)
        if category == "Nd":
            run.append(str(unicodedata.decimal(char)))
        elif category == "No":
            kept.append(unicodedata.normalize("NFKC", "".join(run)))
            run = []
            kept.append(char)
        else:
            run.append(char)
    kept.append(unicodedata.normalize("NFKC", "".join(run)))
    # NFKC turns the no-break and ideographic spaces into spaces: collapsed here with the rest.
    joined = "".join(kept)
    return _SPACE.sub(" ", joined).strip() if squeeze else joined


def ascii_number(text: str) -> str | None:
    """The whole number typed, as ASCII digits (`۲۰۱۳` -> `2013`), or None if `text` is
    anything but decimal digits (after `normalise`): `2013²`, `2O13`, `12.5`, ``."""
    cleaned = normalise(text)
    return cleaned if _ASCII_NUMBER.fullmatch(cleaned) else None


# Where a line ends: what a browser or a spreadsheet writes. Not str.splitlines, which also
# breaks at a form feed, a vertical tab or U+2028: a RAP sheet's page breaks (form feeds) are
# its reader's to remove (rules/records/clean.py), not new blank lines.
_LINE_END = re.compile(r"\r\n|\r|\n")


def normalise_lines(text: str) -> str:
    """Pasted lines, each normalised but with its spacing as pasted, still one a line (line
    ends as "\n")."""
    return "\n".join(normalise(line, squeeze=False) for line in _LINE_END.split(text))
