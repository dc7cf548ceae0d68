"""The bulk CSV's columns: one row per conviction, the case fields flattened (docs/bulk.md).

An empty cell is an omitted field, which the contract reads as unknown. Every cell is read
normalised (rules.text, in partition._cell); enumerated cells are then matched without regard
to case, and everything else is passed to the engine as read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import ImpossibleDate, parse
from ..validate import CONDUCT_FACTS, CONVICTION_ENUMS, SENTENCE_FACTS, TRI

# column -> allowed values, for the conviction's own fields: the engine's (rules/validate.py).
CONVICTION_CHOICES: dict[str, tuple[str, ...]] = CONVICTION_ENUMS
SENTENCE_CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {
    # column -> (key in conviction.sentence, allowed values)
    "sentence_status": ("status", SENTENCE_FACTS["status"]),
    "sentence_kind": ("kind", SENTENCE_FACTS["kind"]),
    "probation_revoked": ("probation_revoked", SENTENCE_FACTS["probation_revoked"]),
}
# one column per conduct fact, named and ordered as the engine's (rules/validate.py)
CONDUCT_COLUMNS = tuple(CONDUCT_FACTS)
# column -> key in conviction.priors
PRIOR_COLUMNS = {
    "prior_super_strike": "super_strike",
    "prior_registrable_sex_offense": "registrable_sex_offense",
    "prior_two_same_section": "two_same_section",
}
PERSON_COLUMNS = ("must_register_290", "under_supervision", "pending_charges")
DATE_COLUMNS = ("offense_date", "conviction_date")
# column -> key in conviction.sentence: when the whole sentence ended (PC 1203.425 felony branch).
SENTENCE_DATE_COLUMNS = {"sentence_completed_on": "completed_on"}

INPUT_COLUMNS = (
    "person_id",
    "conviction_id",
    "court",
    "offense",
    "level",
    *DATE_COLUMNS,
    "age_at_offense",
    *SENTENCE_CHOICES,
    *SENTENCE_DATE_COLUMNS,
    *CONDUCT_COLUMNS,
    *PRIOR_COLUMNS,
    "relief_on_record",
    "new_felony_since",
    *PERSON_COLUMNS,
)
REQUIRED_COLUMNS = ("person_id", "offense")

# Each path of `other_paths` after PC 1203.425 (decision-rules G, H) -> its columns' prefix:
# `<prefix>_outcome` and `<prefix>_procedure`, empty when the path is not listed for the row.
PATH_COLUMNS = {
    "PC 1203.4": "pc1203_4",
    "PC 1203.4a": "pc1203_4a",
    "PC 1203.41": "pc1203_41",
    "PC 1203.42": "pc1203_42",
    "HS 11361.5": "hs11361_5",
}

OUTPUT_COLUMNS = (
    "prop64_outcome",
    "prop64_possible_outcomes",
    "prop64_procedure",
    "prop64_automatic",
    "prop64_citations",
    "prop64_reason_codes",
    "prop64_assumptions",
    "pc1203_425_outcome",
    "pc1203_425_automatic",
    *(
        f"{prefix}_{field}"
        for prefix in PATH_COLUMNS.values()
        for field in ("outcome", "procedure")
    ),
    "actions",
    "priors_derived",
    "error",
)

# Every choice column, for validation: column -> allowed values.
CHOICES: dict[str, tuple[str, ...]] = {
    **CONVICTION_CHOICES,
    **{column: allowed for column, (_, allowed) in SENTENCE_CHOICES.items()},
    **{column: TRI for column in (*CONDUCT_COLUMNS, *PRIOR_COLUMNS, *PERSON_COLUMNS)},
}

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
Interval = tuple[int | None, int | None]


class CellError(ValueError):
    """A cell that breaks the contract; the message starts with the column's name."""


def choice(column: str, cell: str) -> str:
    value = cell.strip().lower()
    if value not in CHOICES[column]:
        raise CellError(f"{column}: {cell!r} is not one of {', '.join(CHOICES[column])}")
    return value


@lru_cache(maxsize=65536)
def date_interval(cell: str) -> Interval:
    """A day, month or year as (first day, last day) ordinals; raises CellError if impossible."""
    if _DATE.match(cell) is None:
        raise CellError(f"{cell!r} is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        days = parse(cell)  # the engine's own date reader (9999-12 is a date there too)
    except ImpossibleDate:
        raise CellError(f"{cell!r} is not a real date") from None
    return days.first.toordinal(), days.last.toordinal()


def date_cell(column: str, cell: str) -> Interval:
    try:
        return date_interval(cell.strip())
    except CellError as error:
        raise CellError(f"{column}: {error}") from None
