"""The per-partition function: rows of whole persons in, the same rows with the outcome out.

`evaluate_rows` is pure (no clock, no files, no globals that change), so the same function runs
under `multiprocessing` on one machine and under Dask or Spark on many: the only promise a
partition must keep is that it holds every row of each person in it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import rules
from rules.batch.columns import (
    CHOICES,
    CONDUCT_COLUMNS,
    CONVICTION_CHOICES,
    DATE_COLUMNS,
    OUTPUT_COLUMNS,
    PATH_COLUMNS,
    PERSON_COLUMNS,
    PRIOR_COLUMNS,
    SENTENCE_CHOICES,
    SENTENCE_DATE_COLUMNS,
    CellError,
    date_cell,
)
from rules.batch.priors import PRIOR_FIELDS, RecordEntry, derive
from rules.offense import parse_offense
from rules.offense_lists import SECTIONS_WITH_PRIORS
from rules.text import normalise

# The contract's limit on convictions in one case (case.schema.json, maxItems).
CASE_LIMIT = rules.validate.MAX_CONVICTIONS
_FIELD = re.compile(r"^convictions\[(\d+)\]\.(\S+?):")
# engine field path -> bulk column
_PATH_COLUMN = {
    "id": "conviction_id",
    **{f"sentence.{key}": column for column, (key, _) in SENTENCE_CHOICES.items()},
    **{f"conduct.{column}": column for column in CONDUCT_COLUMNS},
    **{f"priors.{key}": column for column, key in PRIOR_COLUMNS.items()},
}


def _cell(row: dict[str, Any], column: str) -> str:
    """A cell the engine reads, as every reader after this sees it: normalised once, here
    (rules.text: any script's digits in ASCII, NFKC, no invisible characters, spaces squeezed
    and trimmed), as the web's forms and worker cells are. The output still echoes the cell as
    written."""
    value = row.get(column)
    return "" if value is None else normalise(str(value))


def _name(row: dict[str, Any], column: str) -> str:
    """A cell that names something (the person, the reader's error), only trimmed: it is
    compared, not read, and the reader (runner.chunks) and Spark or Dask group on it as
    written. Normalised, "P1" and a fullwidth "Ｐ1" would become one person, one's
    convictions the other's priors."""
    value = row.get(column)
    return "" if value is None else str(value).strip()


# (column, where it goes in the conviction: "" itself, a nested group, or None for person-level
# facts that are only checked here, key, allowed values)
_CHOICE_CELLS = (
    *((column, "", column, frozenset(allowed)) for column, allowed in CONVICTION_CHOICES.items()),
    *(
        (column, "sentence", key, frozenset(allowed))
        for column, (key, allowed) in SENTENCE_CHOICES.items()
    ),
    *((column, "conduct", column, frozenset(CHOICES[column])) for column in CONDUCT_COLUMNS),
    *((column, "priors", key, frozenset(CHOICES[column])) for column, key in PRIOR_COLUMNS.items()),
    *((column, None, column, frozenset(CHOICES[column])) for column in PERSON_COLUMNS),
)


class ReadRow:
    """One row read into the contract's conviction shape, or the reasons it cannot be."""

    __slots__ = ("conviction", "entry", "errors", "number", "priors_derived", "stated_priors")

    def __init__(self, row: dict[str, Any], engine_id: str) -> None:
        errors: list[str] = []
        self.priors_derived = ""
        offense = _cell(row, "offense")
        conviction: dict[str, Any] = {"id": engine_id, "offense": offense}
        if not offense:
            errors.append("offense: empty; the code section is required")
        groups = {"": conviction, "sentence": {}, "conduct": {}, "priors": {}, None: {}}
        get = row.get
        for column, group, key, allowed in _CHOICE_CELLS:
            cell = get(column)
            if not cell:
                continue
            if cell not in allowed:  # the common case is already exact: check that first
                value = normalise(str(cell)).lower()  # read as _cell reads, then any case
                if not value:
                    continue
                if value not in allowed:
                    errors.append(f"{column}: {cell!r} is not one of {', '.join(CHOICES[column])}")
                    continue
                cell = value
            groups[group][key] = cell
        intervals = []
        for column in DATE_COLUMNS:
            cell = _cell(row, column)
            interval: tuple[int | None, int | None] = (None, None)
            if cell:
                try:
                    interval = date_cell(column, cell)
                    conviction[column] = cell
                except CellError as error:
                    errors.append(str(error))
            intervals.append(interval)
        for column, key in SENTENCE_DATE_COLUMNS.items():
            cell = _cell(row, column)
            if cell:
                try:
                    date_cell(column, cell)
                    groups["sentence"][key] = cell
                except CellError as error:
                    errors.append(str(error))
        conviction["sentence"], conviction["conduct"] = groups["sentence"], groups["conduct"]
        conviction["priors"] = self.stated_priors = groups["priors"]
        self.conviction, self.errors = conviction, errors
        # When the offense can have been: on or before the conviction date; the conviction on
        # or after the offense.
        (offense_lo, offense_hi), (conviction_lo, conviction_hi) = intervals
        target = (offense_lo, offense_hi if offense_hi is not None else conviction_hi)
        convicted = (
            (conviction_lo, conviction_hi) if conviction_lo is not None else (offense_lo, None)
        )
        self.entry = RecordEntry(offense, convicted, target)
        self.number = _number_with_priors(offense) if offense else None


@lru_cache(maxsize=65536)
def _number_with_priors(offense: str) -> str | None:
    """`11359` for an HS 11358-11360 offense (the sections with prior-record disqualifiers),
    attempts and conspiracies included: the engine weighs their priors among the possible outcomes."""
    read = parse_offense(offense)
    if not read.is_cannabis_section and read.kind != "mismatch":
        return None
    return read.section if read.section in SECTIONS_WITH_PRIORS else None


def _person_facts(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Person-level columns repeat on each row: any `yes` wins, then any `no`, else unknown."""
    person = {}
    for column in PERSON_COLUMNS:
        values = {_cell(row, column).lower() for row in rows}
        if "yes" in values:
            person[column] = "yes"
        elif "no" in values:
            person[column] = "no"
    return person


def _outcome_columns(determination: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The output columns of every conviction in a determination, by engine id."""
    actions: dict[str, list[str]] = {}
    for action in determination["actions"]:
        for engine_id in action["conviction_ids"]:
            actions.setdefault(engine_id, []).append(action["code"])
    columns = {}
    for conviction in determination["convictions"]:
        prop64 = conviction["prop64"]
        paths = {path["path"]: path for path in conviction.get("other_paths", ())}
        clean_slate: dict[str, Any] = paths.get("PC 1203.425", {})
        row = columns[conviction["id"]] = {
            "prop64_outcome": prop64["outcome"],
            "prop64_possible_outcomes": ";".join(prop64["possible_outcomes"]),
            "prop64_procedure": prop64["procedure"],
            "prop64_automatic": prop64["automatic"],
            "prop64_citations": ";".join(prop64["citations"]),
            "prop64_reason_codes": ";".join([reason["code"] for reason in prop64["reasons"]]),
            "prop64_assumptions": ";".join(
                [reason["code"] for reason in prop64.get("assumptions", ())]
            ),
            "pc1203_425_outcome": clean_slate.get("outcome", ""),
            "pc1203_425_automatic": clean_slate.get("automatic", ""),
            "actions": ";".join(actions.get(conviction["id"], ())),
        }
        for path, prefix in PATH_COLUMNS.items():
            listed = paths.get(path, {})
            row[f"{prefix}_outcome"] = listed.get("outcome", "")
            row[f"{prefix}_procedure"] = listed.get("procedure", "")
    return columns


def read_person(rows: list[dict[str, Any]]) -> list[ReadRow]:
    """One person's rows read into convictions, with the priors the rows do not state derived."""
    read = [ReadRow(row, str(index)) for index, row in enumerate(rows)]
    entries = [row.entry for row in read]
    for index, row in enumerate(read):
        if row.errors or row.number is None:
            continue
        derived = derive(entries, index, row.number)
        notes = []
        for field in PRIOR_FIELDS:
            if field not in row.stated_priors:
                row.stated_priors[field] = derived[field]
                notes.append(f"{field}={derived[field]}")
        row.priors_derived = ";".join(notes)
    return read


def _evaluate_person(rows: list[dict[str, Any]], as_of: str) -> list[dict[str, str]]:
    read = read_person(rows)
    results = [
        {"error": " | ".join(row.errors)} if row.errors else {"priors_derived": row.priors_derived}
        for row in read
    ]
    pending = [index for index, row in enumerate(read) if not row.errors]
    person = _person_facts([rows[index] for index in pending])
    while pending:
        batch, pending = pending[:CASE_LIMIT], pending[CASE_LIMIT:]
        case = {
            "as_of": as_of,
            "person": person,
            "convictions": [read[i].conviction for i in batch],
        }
        try:
            determination = rules.evaluate(case)
        except rules.InvalidCase as error:
            message = _message(error)
            blamed = _blame(message, batch)
            for index in blamed:
                results[index]["error"] = _column_message(message)
            pending = [index for index in batch if index not in blamed] + pending
            continue
        except ENGINE_REFUSALS as error:
            # A date the engine cannot compute with (9999-12-31, a common "unknown"): that row
            # gets the error, the person's other rows are evaluated without it (rows in = rows out).
            refused = _refused_alone(batch, read, person, as_of) or {i: error for i in batch}
            for index, own_error in refused.items():
                results[index]["error"] = _refusal_message(own_error)
            pending = [index for index in batch if index not in refused] + pending
            continue
        columns = _outcome_columns(determination)
        for index in batch:
            results[index].update(columns[str(index)])
    return results


# What the engine raises, beyond InvalidCase, for a date it cannot compute with (a year past
# 9999 after adding a period to 9999-12-31).
ENGINE_REFUSALS = (ValueError, OverflowError)


def _refused_alone(
    batch: list[int], read: list[ReadRow], person: dict[str, str], as_of: str
) -> dict[int, Exception]:
    """The rows of `batch` the engine refuses even in a case of their own, with the reason."""
    refused: dict[int, Exception] = {}
    for index in batch:
        try:
            rules.evaluate(
                {"as_of": as_of, "person": person, "convictions": [read[index].conviction]}
            )
        except rules.InvalidCase:
            pass  # reported with the right column when the rest is evaluated again
        except ENGINE_REFUSALS as error:
            refused[index] = error
    return refused


def _refusal_message(error: Exception) -> str:
    return (
        f"the engine cannot evaluate this row ({error}): is a date a placeholder such as "
        "9999-12-31? Leave an unknown date empty"
    )


def _message(error: Exception) -> str:
    """`field: expected` whether or not the engine's exception carries `field` separately."""
    field, expected = getattr(error, "field", None), getattr(error, "expected", None)
    return f"{field}: {expected}" if field and expected else str(error)


def _blame(message: str, batch: list[int]) -> list[int]:
    """Which rows an InvalidCase message names; all of them if it names none."""
    match = _FIELD.match(message)
    if match and int(match.group(1)) < len(batch):
        return [batch[int(match.group(1))]]
    return list(batch)


def _column_message(message: str) -> str:
    """`convictions[2].sentence.kind: ...` -> `sentence_kind: ...` (the CSV's own words)."""
    match = _FIELD.match(message)
    if match is None:
        return message
    path = match.group(2)
    column = _PATH_COLUMN.get(path, path.rsplit(".", 1)[-1])
    return f"{column}:{message[match.end() :]}"


def evaluate_outputs(rows: list[dict[str, Any]], as_of: str) -> list[dict[str, str]]:
    """The OUTPUT_COLUMNS of each row, in order (empty when not applicable): see evaluate_rows."""
    people: dict[str, list[int]] = {}
    out: list[dict[str, str]] = []
    for position, row in enumerate(rows):
        out.append(dict.fromkeys(OUTPUT_COLUMNS, ""))
        if row.get("error"):
            out[position]["error"] = _name(row, "error")
            continue
        person_id = _name(row, "person_id")
        if not person_id:
            out[position]["error"] = "person_id: empty; every row needs the person it belongs to"
            continue
        people.setdefault(person_id, []).append(position)
    for positions in people.values():
        for position, result in zip(
            positions, _evaluate_person([rows[p] for p in positions], as_of)
        ):
            out[position].update(result)
    return out


def evaluate_rows(rows: list[dict[str, Any]], as_of: str) -> list[dict[str, str]]:
    """Each input row, in order, with the OUTPUT_COLUMNS added (empty when not applicable).

    Rows are grouped into cases by `person_id` (a partition must hold all of a person's rows).
    A row that already carries an `error` (e.g. a ragged line found by the reader) is passed
    through untouched and not evaluated.
    """
    return [{**row, **outputs} for row, outputs in zip(rows, evaluate_outputs(rows, as_of))]
