"""Helpers for the record-reader tests: the synthetic sheets and the v2 case they make."""

import json
from pathlib import Path

HERE = Path(__file__).parent
SHEETS = HERE / "sheets"
AS_OF = "2026-12-01"
GOLDEN = ("snippet_a.txt", "snippet_b.txt", "snippet_c.txt", "sheet_d.txt", "sheet_e.txt")


def sheet(name: str) -> str:
    return (SHEETS / name).read_text(encoding="utf-8")


def v2_validator():
    """The engine's case schema (v2, the contract's)."""
    from jsonschema import Draft202012Validator

    schema = HERE.parents[1] / "rules" / "schemas" / "case.schema.json"
    return Draft202012Validator(json.loads(schema.read_text()))


def as_case(result: dict, as_of: str = AS_OF) -> dict:
    convictions = [row["conviction"] for row in result["rows"] + result["other_convictions"]]
    return {"as_of": as_of, "convictions": convictions}
