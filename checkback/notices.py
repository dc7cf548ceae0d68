"""Bulk mode's neutral notices: one printable letter a person whose record something cleared.

Reads bulk mode's output (docs/bulk.md): a person's rows are together, `person_id` groups them.
A person gets a letter when one of their rows has a Prop 64 outcome that clears or reduces it,
or relief already on the record, or PC 1203.425 relief (CLEARING below). Name and address
cells are copied into the address block only; nothing else of the row reaches the page.

The page, US Letter, folds in three for a #10 window envelope: its first third (the envelope
window and what shows through or around it) holds only the address and a neutral heading.
Inside: that a court record may have been changed, how to confirm it (the check-back steps),
where to get free help. No offense, section of an offense, county or date of a case.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rules import law

from . import catalogs, texts

# bulk output columns -> the outcomes that mean "something was cleared or reduced"
CLEARING = {
    "prop64_outcome": {
        "dismiss",
        "reduce_to_misdemeanor",
        "reduce_to_infraction",
        "already_granted",
    },
    "pc1203_425_outcome": {"eligible"},
}
REQUIRED = ("person_id", *CLEARING)
NAME_COLUMN = "name"
ADDRESS_COLUMNS = ("address_line_1", "address_line_2", "address_line_3")
LANGUAGE_COLUMN = "language"


class ResultsFileError(ValueError):
    """The file is not bulk mode's output (a column missing, no header)."""


@dataclass
class Person:
    person_id: str
    rows: list[dict[str, str]] = field(default_factory=list)

    def cleared_rows(self) -> list[dict[str, str]]:
        return [
            row
            for row in self.rows
            if not row.get("error")
            and any(row.get(column, "") in outcomes for column, outcomes in CLEARING.items())
        ]

    def first(self, column: str, rows: Iterable[dict[str, str]] | None = None) -> str:
        """The first non-empty cell of `column` (person-level columns may be filled once)."""
        for row in rows if rows is not None else self.rows:
            if (row.get(column) or "").strip():
                return row[column].strip()
        return ""


def persons(lines: Iterable[str]) -> Iterator[Person]:
    """The people of a results file, in order: consecutive rows with one `person_id`."""
    reader = csv.DictReader(lines)
    missing = [column for column in REQUIRED if column not in (reader.fieldnames or ())]
    if missing:
        raise ResultsFileError(f"not bulk mode's output: no {', '.join(missing)} column")
    person: Person | None = None
    for row in reader:
        if person is None or row["person_id"] != person.person_id:
            if person is not None:
                yield person
            person = Person(row["person_id"])
        person.rows.append(row)
    if person is not None:
        yield person


@dataclass
class Letter:
    language: str
    address: list[str]  # name first, then the address lines as written


def letter_for(
    person: Person,
    name_column: str = NAME_COLUMN,
    address_columns: tuple[str, ...] = ADDRESS_COLUMNS,
) -> Letter | None:
    """The letter for someone with something cleared and an address, else None."""
    if not person.cleared_rows():
        return None
    lines = [person.first(column) for column in (name_column, *address_columns)]
    address = [line for line in lines if line]
    if len(address) < 2:  # a name alone (or a street alone) cannot be mailed
        return None
    return Letter(catalogs.language_of(person.first(LANGUAGE_COLUMN)), address)


# --- the page ---------------------------------------------------------------------------------

# Positions for a #10 window envelope (window about 7/8 in from the left, 4.5 x 1.125 in) and a
# letter folded in three: the first fold is at 11/3 in.
STYLE = """
@page { size: letter; margin: 0 0 0.4in 0 }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK TC",
       "Noto Sans CJK KR", "Noto Sans Armenian", "Noto Sans Arabic", sans-serif; }
.page { page-break-after: always }
.page:last-child { page-break-after: auto }
/* The first third: nothing but the heading and the address. */
.top { position: relative; height: 3.85in }
.heading { position: absolute; top: 0.6in; left: 0.875in; right: 0.875in; font-size: 14pt;
           font-weight: bold; margin: 0 }
.address { position: absolute; top: 1.95in; left: 0.875in; width: 4.25in; height: 1.1in;
           font-size: 11pt; line-height: 1.25; margin: 0; text-align: left }
/* Inside, in the normal flow: a letter too long for its page takes a second one (the command
   says so) rather than losing a line. */
.inside { margin: 0 0.75in; font-size: 8.5pt; line-height: 1.25 }
.inside h2 { font-size: 11pt; margin: 0 0 0.06in }
.inside h3 { font-size: 9pt; margin: 0.08in 0 0.02in }
.inside p { margin: 0 0 0.05in }
.inside ol { margin: 0; padding-inline-start: 0.22in }
.inside li { margin: 0 0 0.02in }
"""


def page_html(letter: Letter, site: str | None = None) -> str:
    translate = catalogs.translator(letter.language).gettext
    direction = "rtl" if letter.language in catalogs.RIGHT_TO_LEFT else "ltr"
    fee = f"${law.RECORD_REVIEW_FEE_DOLLARS.current}"
    parts = [
        f'<section class="page" lang="{letter.language.replace("_", "-")}" dir="{direction}">',
        '<div class="top">',
        f'<p class="heading">{html.escape(translate(texts.LETTER_HEADING))}</p>',
        # US postal addresses read left to right in every language.
        '<p class="address" dir="ltr">'
        + "<br>".join(html.escape(line) for line in letter.address)
        + "</p></div>",
        '<div class="inside">',
        f"<h2>{html.escape(translate(texts.LETTER_OPENING))}</h2>",
        f"<p>{html.escape(translate(texts.LETTER_WHY))}</p>",
        f"<h2>{html.escape(translate(texts.LETTER_HOW))}</h2>",
    ]
    for heading, steps in texts.check_back_sections(translate, fee, again_address=site):
        parts.append(f"<h3>{html.escape(heading)}</h3>")
        if len(steps) > 1:
            parts.append(
                "<ol>" + "".join(f"<li>{html.escape(step)}</li>" for step in steps) + "</ol>"
            )
        else:
            parts.append(f"<p>{html.escape(steps[0])}</p>")
    parts.append(
        f"<p><em>{html.escape(translate(texts.LETTER_NOT_ADVICE))}</em></p></div></section>"
    )
    return "".join(parts)


def document_html(letters: Iterable[Letter], site: str | None = None) -> str:
    pages = "".join(page_html(letter, site) for letter in letters)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><style>{STYLE}</style>'
        f"</head><body>{pages}</body></html>"
    )


def write_pdf(letters: list[Letter], output: str, site: str | None = None) -> int:
    """Render the letters to `output`; returns the number of pages written."""
    from weasyprint import HTML  # optional extra: `pip install -e ".[notices]"`

    document = HTML(string=document_html(letters, site)).render()
    document.write_pdf(output)
    return len(document.pages)
