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
    """The contract's v2 case schema (copied here while main's rules/schemas is still v1)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads((HERE / "case.schema.v2.json").read_text()))


def as_case(result: dict, as_of: str = AS_OF) -> dict:
    convictions = [row["conviction"] for row in result["rows"] + result["other_convictions"]]
    return {"as_of": as_of, "convictions": convictions}
