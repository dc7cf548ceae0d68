"""The engine reuses a rule's result for convictions that answer the same questions the same way
(rules/facts.py: Memo). Reuse must never change a determination."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import rules
from rules.facts import Memo, Recorder

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from rules_strategies import cases  # noqa: E402

from benchmarks.engine import case as random_case  # noqa: E402

ENGINE = sys.modules["rules.evaluate"]
MEMOS = (ENGINE.PROP64, ENGINE.PC1203_425)


def _fresh(case: dict) -> str:
    """The determination computed from scratch: every memo emptied first."""
    for memo in MEMOS:
        memo.clear()
    return json.dumps(rules.evaluate(case), sort_keys=True)


def test_a_reused_result_is_the_result_computed_afresh():
    rng = random.Random(11)
    warm = [random_case(rng, rng.choice([1, 2, 5])) for _ in range(1500)]
    reused = [json.dumps(rules.evaluate(case), sort_keys=True) for case in warm]
    assert sum(memo.nodes for memo in MEMOS) > 0
    for case, answer in zip(warm[::7], reused[::7]):
        assert _fresh(case) == answer


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases)
def test_schema_valid_cases_give_the_same_determination_warm_and_fresh(case):
    warm = json.dumps(rules.evaluate(case), sort_keys=True)
    assert _fresh(case) == warm


def test_changing_one_determination_does_not_change_the_next():
    case = {
        "as_of": "2026-11-24",
        "convictions": [{"id": "a", "offense": "HS 11360", "offense_date": "2015"}],
    }
    first = rules.evaluate(case)
    expected = json.dumps(first, sort_keys=True)
    conviction = first["convictions"][0]
    conviction["prop64"]["reasons"][0]["code"] = "changed"
    conviction["prop64"]["possible_outcomes"].append("changed")
    conviction["other_paths"][0]["reasons"][0]["text"] = "changed"
    conviction["other_paths"][0]["citations"].append("changed")
    assert json.dumps(rules.evaluate(case), sort_keys=True) == expected


def test_a_rule_can_read_facts_only_through_the_log():
    recorder = Recorder({"court": "federal"}, None, {})
    assert recorder["court"] == "federal"
    with pytest.raises(TypeError):
        "court" in recorder  # noqa: B015
    with pytest.raises(TypeError):
        list(recorder)
    with pytest.raises(TypeError):
        recorder.get("court")
    with pytest.raises(TypeError):
        recorder.items()


def test_the_memo_runs_the_rule_once_per_branch_and_stays_bounded():
    runs = []

    def rule(facts):
        runs.append(1)
        if facts["a"] == "stop":
            return "stopped"
        return facts["a"] + facts["b"] + facts["derived"]

    memo = Memo(rule, {"derived": lambda values, as_of: as_of}, limit=10)
    assert memo({"a": "x", "b": "y"}, "!") == "xy!"
    assert memo({"a": "x", "b": "y", "c": "ignored"}, "!") == "xy!"
    assert memo({"a": "stop", "b": "anything"}, "!") == "stopped"
    assert memo({"a": "stop", "b": "else"}, "?") == "stopped"  # b and the date never read
    assert len(runs) == 2
    assert memo({"a": "x", "b": "y"}, "?") == "xy?"  # a different derived answer
    assert len(runs) == 3
    for n in range(50):
        assert memo({"a": str(n), "b": "y"}, "!") == f"{n}y!"
        assert memo.nodes <= 10
