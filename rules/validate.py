"""Checks a case against `schemas/case.schema.json` by hand (fast), and reads it into flat facts.

Equivalent to the schema (tests/rules/test_rules_properties.py checks that with hypothesis against
`jsonschema`), plus one thing the schema cannot say: a date must exist (`2015-02-30` does not).
Every error names the field by its path, e.g. `convictions[0].level`. Schema defaults are
applied: court `california_adult`, level `unknown`, every omitted fact `unknown`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from .dates import ImpossibleDate, Interval, parse
from .offense import parse_offense


class InvalidCase(ValueError):
    """The case breaks the contract. `field` is the path (`convictions[0].level`)."""

    def __init__(self, field: str, expected: str):
        super().__init__(f"{field}: {expected}")
        self.field = field
        self.expected = expected


TRI: tuple[str, ...] = ("yes", "no", "unknown")
COURTS = ("california_adult", "california_juvenile", "other_state", "federal", "unknown")
LEVELS = ("felony", "misdemeanor", "infraction", "unknown")
AGES = ("under_18", "18_to_20", "21_or_older", "unknown")
STATUSES = ("completed", "serving", "unknown")
KINDS = ("probation", "county_jail", "state_prison", "fine_only", "unknown")
RELIEFS = ("none", "prop64", "dismissed", "unknown")

PERSON_FACTS: dict[str, tuple[str, ...]] = {
    "must_register_290": TRI,
    "under_supervision": TRI,
    "pending_charges": TRI,
}
SENTENCE_FACTS: dict[str, tuple[str, ...]] = {
    "status": STATUSES,
    "kind": KINDS,
    "probation_revoked": TRI,
}
CONDUCT_FACTS: dict[str, tuple[str, ...]] = {
    name: TRI
    for name in (
        "concentrated",
        "over_limit",
        "plants_over_six",
        "for_sale",
        "import_export",
        "minor_involved",
        "school_grounds",
        "environmental_harm",
        "employed_minor",
        "gift_to_under_21",
    )
}
PRIOR_FACTS: dict[str, tuple[str, ...]] = {
    "super_strike": TRI,
    "registrable_sex_offense": TRI,
    "two_same_section": TRI,
}
CONVICTION_ENUMS: dict[str, tuple[str, ...]] = {
    "court": COURTS,
    "level": LEVELS,
    "age_at_offense": AGES,
    "relief_on_record": RELIEFS,
    "new_felony_since": TRI,
}
# Date fields of a conviction (flat path -> where it is written in the case).
SENTENCE_DATES = ("completed_on",)
CONVICTION_DEFAULTS = {"court": "california_adult"}
NESTED: dict[str, dict[str, tuple[str, ...]]] = {
    "sentence": SENTENCE_FACTS,
    "conduct": CONDUCT_FACTS,
    "priors": PRIOR_FACTS,
}
CONVICTION_FIELDS = frozenset(
    ("id", "offense", "offense_date", "conviction_date", *CONVICTION_ENUMS, *NESTED)
)
CASE_FIELDS = frozenset(("as_of", "person", "convictions"))
MAX_CONVICTIONS = 200
MAX_TEXT = 64

# Every answerable fact of a conviction, as a path, with the values it can take (flat facts).
FACT_VALUES: dict[str, tuple[str, ...]] = {
    **{f"person.{k}": v for k, v in PERSON_FACTS.items()},
    **CONVICTION_ENUMS,
    **{f"{group}.{k}": v for group, facts in NESTED.items() for k, v in facts.items()},
}

_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def _one_of(value: object, allowed: Iterable[str]) -> str:
    return f"{value!r} is not one of {', '.join(allowed)}"


def _unknown_field(path: str, name: object, allowed: Iterable[str]) -> InvalidCase:
    where = f"{path}.{name}" if path else str(name)
    return InvalidCase(where, f"unknown field (expected one of {', '.join(sorted(allowed))})")


def _object(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidCase(path, f"expected an object, got {type(value).__name__}")
    return value


def _enums(
    raw: dict[str, Any], allowed: dict[str, Any], path: str, flat: dict[str, Any], prefix: str
) -> None:
    for name, value in raw.items():
        values = allowed.get(name)
        if values is None:
            raise _unknown_field(path, name, allowed)
        if value not in values or not isinstance(value, str):
            raise InvalidCase(f"{path}.{name}", _one_of(value, values))
        flat[prefix + name] = value


@lru_cache(maxsize=32768)  # every day of 50 years and then some
def _date_text(value: str) -> Interval | str:
    """The interval of a date string, or the reason it is not one (a str: cached either way)."""
    if _PARTIAL_DATE.fullmatch(value) is None:
        return f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    try:
        return parse(value)
    except ImpossibleDate:
        return f"{value!r} is not a real date"


def _date(value: object, path: str) -> Interval | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidCase(path, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    interval = _date_text(value)
    if isinstance(interval, str):
        raise InvalidCase(path, interval)
    return interval


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidCase(path, f"expected a string, got {type(value).__name__}")
    if not 1 <= len(value) <= MAX_TEXT:
        raise InvalidCase(path, f"expected 1 to {MAX_TEXT} characters, got {len(value)}")
    return value


def _blank_facts() -> dict[str, Any]:
    return {path: "unknown" for path in FACT_VALUES}


_BLANK = _blank_facts()
_BLANK.update(CONVICTION_DEFAULTS)
# For the checks below: name -> (flat path, allowed values as a set); NESTED by group.
_CONVICTION_SETS = {name: (name, frozenset(values)) for name, values in CONVICTION_ENUMS.items()}
_NESTED_SETS = {
    group: {name: (f"{group}.{name}", frozenset(values)) for name, values in facts.items()}
    for group, facts in NESTED.items()
}


def _group(raw: object, group: str, path: str, flat: dict[str, Any]) -> None:
    """A nested object (sentence, conduct, priors): each value checked, then flattened."""
    where = f"{path}.{group}"
    allowed = _NESTED_SETS[group]
    for name, value in _object(raw, where).items():
        known = allowed.get(name)
        if group == "sentence" and name in SENTENCE_DATES:
            flat[f"sentence.{name}"] = _date(value, f"{where}.{name}")
            continue
        if known is None:
            raise _unknown_field(
                where, name, (*NESTED[group], *(SENTENCE_DATES if group == "sentence" else ()))
            )
        if not (isinstance(value, str) and value in known[1]):
            raise InvalidCase(f"{where}.{name}", _one_of(value, NESTED[group][name]))
        flat[known[0]] = value


def _conviction(raw: object, path: str, person: dict[str, Any]) -> dict[str, Any]:
    raw = _object(raw, path)
    for required in ("id", "offense"):
        if required not in raw:
            raise InvalidCase(f"{path}.{required}", "required field is missing")
    flat = _BLANK.copy()
    flat["sentence.completed_on"] = None
    flat["case.serving_another"] = "no"  # derived from the case (pc1203_4.derive_serving_another)
    flat.update(person)
    for name, value in raw.items():
        known = _CONVICTION_SETS.get(name)
        if known is not None:
            if not (isinstance(value, str) and value in known[1]):
                raise InvalidCase(f"{path}.{name}", _one_of(value, CONVICTION_ENUMS[name]))
            flat[name] = value
        elif name in NESTED:
            _group(value, name, path, flat)
        elif name not in CONVICTION_FIELDS:
            raise _unknown_field(path, name, CONVICTION_FIELDS)
    flat["id"] = _text(raw["id"], f"{path}.id")
    flat["offense_text"] = _text(raw["offense"], f"{path}.offense")
    flat["offense"] = parse_offense(flat["offense_text"])
    flat["offense_date"] = _date(raw.get("offense_date"), f"{path}.offense_date")
    flat["conviction_date"] = _date(raw.get("conviction_date"), f"{path}.conviction_date")
    return flat


def _check_dates(flat: dict[str, Any], path: str, as_of: date) -> None:
    """Contract v2: a conviction date certainly before its offense date, or certainly after
    the day the law is applied, is impossible."""
    offense, convicted = flat["offense_date"], flat["conviction_date"]
    if convicted is None:
        return
    if offense is not None and convicted.last < offense.first:
        raise InvalidCase(
            f"{path}.conviction_date", "the conviction date is before the offense date"
        )
    if convicted.first > as_of:
        raise InvalidCase(f"{path}.conviction_date", "the conviction date is after as_of")


def read_case(case: object) -> tuple[date, str, list[dict[str, Any]]]:
    """Validates `case`; returns (as_of, as_of text, one flat fact dict per conviction)."""
    case = _object(case, "case")
    for name in case:
        if name not in CASE_FIELDS:
            raise _unknown_field("", name, CASE_FIELDS)
    for required in ("as_of", "convictions"):
        if required not in case:
            raise InvalidCase(required, "required field is missing")
    as_of_text = case["as_of"]
    if not isinstance(as_of_text, str) or _FULL_DATE.fullmatch(as_of_text) is None:
        raise InvalidCase("as_of", f"{as_of_text!r} is not a full date (YYYY-MM-DD)")
    try:
        as_of = parse(as_of_text).first
    except ImpossibleDate:
        raise InvalidCase("as_of", f"{as_of_text!r} is not a real date") from None
    person: dict[str, Any] = {}
    if "person" in case:
        _enums(_object(case["person"], "person"), PERSON_FACTS, "person", person, "person.")
    convictions = case["convictions"]
    if not isinstance(convictions, list):
        raise InvalidCase("convictions", f"expected a list, got {type(convictions).__name__}")
    if not convictions:
        raise InvalidCase("convictions", "expected at least one conviction, got an empty list")
    if len(convictions) > MAX_CONVICTIONS:
        raise InvalidCase("convictions", f"expected at most {MAX_CONVICTIONS} convictions")
    read = []
    seen: set[str] = set()
    for index, raw in enumerate(convictions):
        where = f"convictions[{index}]"
        flat = _conviction(raw, where, person)
        if flat["id"] in seen:
            raise InvalidCase(f"{where}.id", f"{flat['id']!r} is the id of an earlier conviction")
        seen.add(flat["id"])
        _check_dates(flat, where, as_of)
        read.append(flat)
    return as_of, as_of_text, read
