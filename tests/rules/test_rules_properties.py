"""Properties that hold for every case (hypothesis).

- every schema-valid case gives a schema-valid determination and raises nothing;
- every broken case raises InvalidCase naming the offending field;
- the hand-written validation accepts exactly what case.schema.json accepts (plus: dates exist);
- evaluate is deterministic and the package reads no clock;
- decisive_facts names only facts whose answer really changes the result.
"""

from __future__ import annotations

import ast
import copy
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_strategies import broken_cases, cases, wide_cases

import rules
from rules.validate import FACT_VALUES

RULES_DIR = Path(rules.__file__).parent
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(case=cases)
def test_every_valid_case_gives_a_valid_determination(
    case, determination_validator, case_validator
):
    assert case_validator.is_valid(case)
    determination = rules.evaluate(case)
    determination_validator.validate(determination)
    assert [c["id"] for c in determination["convictions"]] == [c["id"] for c in case["convictions"]]
    for conviction in determination["convictions"]:
        prop64 = conviction["prop64"]
        if prop64["outcome"] == "needs_review":
            assert len(prop64["possible_outcomes"]) >= 2
        else:
            assert prop64["possible_outcomes"] == [prop64["outcome"]]
        for reason in prop64["reasons"] + prop64["assumptions"]:
            assert reason["text"] == rules.REASON_CODES[reason["code"]]
            assert reason["citation"]


@SETTINGS
@given(case=wide_cases)
def test_any_schema_valid_case_gives_a_valid_determination_or_invalid_case(
    case, determination_validator, case_validator
):
    """Dates from 0001 to 9999 and any Unicode in `offense`: never another exception."""
    if not case_validator.is_valid(case):
        return  # `any_unicode` can draw an offense the schema's length counts differently
    try:
        determination = rules.evaluate(case)
    except rules.InvalidCase as invalid:
        assert invalid.field.startswith(("convictions", "as_of", "person")), str(invalid)
        return
    determination_validator.validate(determination)
    for conviction in case["convictions"]:
        rules.decisive_facts({**case, "convictions": [conviction]})


@SETTINGS
@given(case=cases)
def test_evaluate_is_deterministic_and_does_not_change_its_input(case):
    before = copy.deepcopy(case)
    first = json.dumps(rules.evaluate(case), sort_keys=True)
    assert case == before
    assert json.dumps(rules.evaluate(copy.deepcopy(case)), sort_keys=True) == first


@SETTINGS
@given(broken=broken_cases())
def test_every_broken_case_raises_invalid_case_naming_the_field(broken):
    case, field = broken
    with pytest.raises(rules.InvalidCase) as raised:
        rules.evaluate(case)
    assert raised.value.field == field, str(raised.value)


@SETTINGS
@given(case=st.one_of(cases, broken_cases().map(lambda pair: pair[0])))
def test_validation_matches_the_json_schema(case, case_validator):
    try:
        rules.evaluate(case)
        accepted, error = True, None
    except rules.InvalidCase as invalid:
        accepted, error = False, invalid
    if case_validator.is_valid(case):
        # The stricter rules: a date must exist (the schema checks only its shape); contract
        # v2's unique ids and a conviction date neither before its offense nor after as_of.
        assert accepted or any(
            words in str(error)
            for words in (
                "is not a real date",
                "earlier conviction",
                "before the offense date",
                "after as_of",
            )
        ), str(error)
    else:
        assert not accepted


CLOCK_CALLS = {"today", "now", "utcnow", "time", "monotonic", "perf_counter", "localtime", "gmtime"}


def test_the_rules_package_reads_no_clock():
    for source in RULES_DIR.rglob("*.py"):
        if "batch" in source.parts:
            continue  # bulk mode is another package's job and may time itself
        tree = ast.parse(source.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in CLOCK_CALLS:
                raise AssertionError(f"{source.name}:{node.lineno} reads the clock ({node.attr})")
            if isinstance(node, ast.ImportFrom) and node.module in ("time",):
                raise AssertionError(f"{source.name}:{node.lineno} imports time")


def test_the_rules_package_imports_nothing_from_the_web_stack():
    import subprocess
    import sys

    code = (
        "import sys, rules; bad = [m for m in sys.modules if m.split('.')[0] in "
        "('flask', 'wtforms', 'flask_babel', 'babel', 'jinja2', 'jsonschema', 'yaml')]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _set(case: dict, conviction: int, path: str, value) -> dict:
    changed = copy.deepcopy(case)
    if path.startswith("person."):
        changed.setdefault("person", {})[path.split(".", 1)[1]] = value
        return changed
    target = changed["convictions"][conviction]
    if "." in path:
        group, name = path.split(".")
        target = target.setdefault(group, {})
        path = name
    target[path] = value
    return changed


def _signature(determination: dict, index: int) -> tuple:
    result = determination["convictions"][index]
    prop64 = result["prop64"]
    return (
        prop64["outcome"],
        prop64["possible_outcomes"],
        prop64["procedure"],
        prop64["automatic"],
        [(p["path"], p["outcome"], p["automatic"], p["procedure"]) for p in result["other_paths"]],
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases.filter(lambda case: len(case["convictions"]) <= 2))
def test_decisive_facts_change_the_result_and_the_others_do_not(case):
    ids = [c["id"] for c in case["convictions"]]
    if len(set(ids)) != len(ids):
        return
    decisive = rules.decisive_facts(case)
    base = rules.evaluate(case)
    for index, conviction_id in enumerate(ids):
        for path in FACT_VALUES:
            raw = case["convictions"][index]
            group, _, name = path.rpartition(".")
            holder = (
                case.get("person", {})
                if group == "person"
                else (raw.get(group, {}) if group else raw)
            )
            if holder.get(name or path, "unknown") != "unknown" or path == "court":
                continue
            changes = any(
                _signature(rules.evaluate(_set(case, index, path, value)), index)
                != _signature(base, index)
                for value in FACT_VALUES[path]
                if value != "unknown"
            )
            assert changes == (path in decisive[conviction_id]), (conviction_id, path)


@SETTINGS
@given(case=cases, data=st.data())
def test_decisive_facts_for_one_fact_say_what_the_whole_answer_says_about_it(case, data):
    """The web asks about one fact a screen (`only`): the answer must be the full one's."""
    ids = [c["id"] for c in case["convictions"]]
    if len(set(ids)) != len(ids):
        return
    whole = rules.decisive_facts(case)
    path = data.draw(
        st.sampled_from(sorted({*FACT_VALUES, "offense_date", "sentence.completed_on"}))
    )
    assert rules.decisive_facts(case, only=(path,)) == {
        cid: [p for p in paths if p == path] for cid, paths in whole.items()
    }


@SETTINGS
@given(case=cases, data=st.data())
def test_a_decisive_sharing_earlier_trials_answers_as_a_fresh_one(case, data):
    """The web keeps one Decisive per case a walk asks about and lets them share their trials
    (`seen`): the next screen's case is this one with one more fact answered (one of this case's
    trials), and a later day's walk may ask the same answers again. Each, asked one fact at a
    time after the others, gets what a fresh whole answer says."""
    ids = [c["id"] for c in case["convictions"]]
    if len(set(ids)) != len(ids):
        return
    index = data.draw(st.integers(0, len(ids) - 1))
    fact = data.draw(st.sampled_from(sorted(p for p in FACT_VALUES if p != "court")))
    answer = data.draw(st.sampled_from([v for v in FACT_VALUES[fact] if v != "unknown"]))
    answered = _set(case, index, fact, answer)
    later = {**case, "as_of": str(date.fromisoformat(case["as_of"]) + timedelta(days=3 * 365))}
    seen: dict = {}
    paths = sorted({*FACT_VALUES, "offense_date", "conviction_date", "sentence.completed_on"})
    for asked_case in (case, answered, later):
        asked = rules.Decisive(asked_case, seen)
        whole = rules.decisive_facts(asked_case)
        for path in data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=5)):
            assert asked.facts(only=(path,)) == {
                cid: [p for p in found if p == path] for cid, found in whole.items()
            }, (asked_case is answered, asked_case is later, path)


def test_trials_shared_across_days_are_the_days_own():
    """A theft misdemeanor from 2025-06-01: in January 2026 whether probation was revoked still
    decides PC 1203.4 (1203.4a's year has not passed); in November it no longer does. A walk
    that shares its trials (`seen`) must not carry January's answer into November."""

    def theft(as_of):
        conviction = {
            "id": "a",
            "offense": "PC 484(a)",
            "level": "misdemeanor",
            "conviction_date": "2025-06-01",
            "court": "california_adult",
        }
        return {"as_of": as_of, "convictions": [conviction]}

    seen: dict = {}
    january = rules.Decisive(theft("2026-01-02"), seen).facts(only=("sentence.probation_revoked",))
    november = rules.Decisive(theft("2026-11-24"), seen).facts(only=("sentence.probation_revoked",))
    assert january == {"a": ["sentence.probation_revoked"]} and november == {"a": []}
