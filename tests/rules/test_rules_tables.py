"""Runs every YAML case table in this folder: one file per statute or part of decision-rules.md.

A table has `defaults` (as_of, person, conviction) and `cases`, each named in a sentence. A
case's `conviction` (or `convictions`, a list) is merged into the default conviction; `expect`
names what the determination must say (`paths` maps an other path to its outcome, `absent` when
it is not listed; `listed` is the exact list of other paths, in order). Offense-parsing and date tables have their own shapes.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
import yaml

import rules
from rules import dates

HERE = Path(__file__).parent
TABLES = sorted(HERE.glob("*.yaml"))


def _merge(base: dict, changes: dict) -> dict:
    merged = copy.deepcopy(base)
    for key, value in (changes or {}).items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _rows():
    for table in TABLES:
        data = yaml.safe_load(table.read_text())
        for row in data["cases"]:
            yield pytest.param(
                table.stem, data.get("defaults", {}), row, id=f"{table.stem}: {row['name']}"
            )


def _tri(value):
    """YAML reads bare yes/no as booleans; the contract's tri-state facts are strings."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return {key: _tri(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_tri(item) for item in value]
    return value


def build_case(defaults: dict, row: dict) -> dict:
    conviction = defaults.get("conviction", {})
    if "convictions" in row:
        convictions = [_merge(conviction, one) for one in row["convictions"]]
    else:
        convictions = [_merge(conviction, row.get("conviction", {}))]
    for index, one in enumerate(convictions):
        one.setdefault("id", f"c{index + 1}")
    case = {
        "as_of": row.get("as_of", defaults.get("as_of", "2026-11-24")),
        "person": _merge(defaults.get("person", {}), row.get("person", {})),
        "convictions": convictions,
    }
    return _tri(case)


def check_determination(case: dict, expect: dict) -> None:
    determination = rules.evaluate(case)
    first = determination["convictions"][0]
    prop64 = first["prop64"]
    other = {path["path"]: path for path in first["other_paths"]}
    codes = [reason["code"] for reason in prop64["reasons"]]
    for name, wanted in expect.items():
        if name in ("outcome", "possible_outcomes", "procedure", "automatic", "court"):
            assert prop64[name] == wanted, f"prop64.{name}: {prop64[name]!r} (reasons {codes})"
        elif name == "reasons":
            missing = [code for code in wanted if code not in codes]
            assert not missing, f"reasons {codes} lack {missing}"
        elif name == "assumptions":
            assert [a["code"] for a in prop64["assumptions"]] == wanted
        elif name == "pc1203_425":
            path = other["PC 1203.425"]
            got = [r["code"] for r in path.get("reasons", [])]
            assert path["outcome"] == wanted, f"PC 1203.425 outcome {path['outcome']!r} ({got})"
        elif name == "pc1203_425_automatic":
            assert other["PC 1203.425"]["automatic"] == wanted
        elif name == "pc1203_425_reasons":
            got = [r["code"] for r in other["PC 1203.425"]["reasons"]]
            assert all(code in got for code in wanted), f"PC 1203.425 reasons {got}"
        elif name == "listed":
            assert list(other) == wanted, f"other_paths {list(other)}"
        elif name == "paths":
            for path, outcome in wanted.items():
                got = other.get(path, {"outcome": "absent", "reasons": []})
                codes_there = [r["code"] for r in got["reasons"]]
                assert got["outcome"] == outcome, f"{path}: {got['outcome']!r} ({codes_there})"
        elif name in ("path_procedure", "path_automatic", "path_forms"):
            field = name.removeprefix("path_")
            for path, value in wanted.items():
                assert other[path][field] == value, f"{path}.{field}: {other[path][field]!r}"
        elif name == "path_reasons":
            for path, wanted_codes in wanted.items():
                got = [r["code"] for r in other[path]["reasons"]]
                missing = [code for code in wanted_codes if code not in got]
                assert not missing, f"{path} reasons {got} lack {missing}"
        elif name == "actions":
            got = {a["code"]: a["conviction_ids"] for a in determination["actions"]}
            assert got == wanted, f"actions {got}"
        elif name == "fallback":
            cr400 = [a for a in determination["actions"] if a["code"] == "file_cr400"]
            assert cr400 and cr400[0]["only_if_record_not_updated"] == wanted
        elif name == "decisive":
            assert rules.decisive_facts(case)[case["convictions"][0]["id"]] == wanted
        elif name == "all_outcomes":
            got = [c["prop64"]["outcome"] for c in determination["convictions"]]
            assert got == wanted
        else:
            raise AssertionError(f"unknown expectation {name!r}")


def check_offense(row: dict) -> None:
    offense = rules.parse_offense(row["text"])
    for name, wanted in row["expect"].items():
        got = getattr(offense, name)
        if isinstance(got, tuple):
            got = list(got)
        assert got == wanted, f"{name}: {got!r}"


def _interval(text):
    return None if text is None else dates.parse(str(text))


def check_date(row: dict) -> None:
    expect = row["expect"]
    if "impossible" in expect:
        with pytest.raises(dates.ImpossibleDate):
            dates.parse(str(row["date"]))
        return
    interval = _interval(row["date"])
    if "first" in expect:
        assert interval.first.isoformat() == expect["first"]
        assert interval.last.isoformat() == expect["last"]
    if "before" in expect:
        boundary = date.fromisoformat(str(row["boundary"]))
        assert dates.before(interval, boundary) is expect["before"]
    if "years_passed" in expect:
        as_of = date.fromisoformat(str(row["as_of"]))
        assert dates.years_passed(interval, row["years"], as_of) is expect["years_passed"]


@pytest.mark.parametrize("table, defaults, row", list(_rows()))
def test_table(table, defaults, row):
    if table == "offense_parsing":
        check_offense(row)
    elif table == "dates":
        check_date(row)
    elif "error" in row:
        with pytest.raises(rules.InvalidCase) as raised:
            rules.evaluate(build_case(defaults, row))
        assert raised.value.field == row["error"]
    else:
        check_determination(build_case(defaults, row), _tri(row["expect"]))


def test_every_table_exists():
    names = {table.stem for table in TABLES}
    assert {
        "hs11357",
        "hs11358",
        "hs11359",
        "hs11360",
        "coverage",
        "procedure",
        "automatic",
        "pc1203_425",
        "pc1203_4",
        "hs11361_5",
        "actions",
        "offense_parsing",
        "dates",
    } <= names
