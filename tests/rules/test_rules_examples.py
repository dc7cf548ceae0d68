"""The nine contract examples (copied from ../shared/contract/examples) give what they expect.

Only the fields an expected file names are compared. Lists of scalars are compared whole and in
order. Lists of objects that carry a key (`id`, `code`, `path`) are compared item by item: each
expected item must be present, in the expected order, with the fields it names (the engine may
add items the example does not mention, e.g. `get_legal_help`, which is offered everywhere).
"""

import json
from pathlib import Path

import pytest

import rules

EXAMPLES = Path(__file__).parent / "examples"
CASES = sorted(EXAMPLES.glob("*.case.json"))
KEYS = ("id", "code", "path")


def _key(item):
    return next((item[k] for k in KEYS if isinstance(item, dict) and k in item), None)


def assert_matches(expected, actual, where="determination"):
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for name, value in expected.items():
            assert name in actual, f"{where}.{name} is missing"
            assert_matches(value, actual[name], f"{where}.{name}")
    elif isinstance(expected, list) and expected and _key(expected[0]) is not None:
        keys = [_key(item) for item in actual]
        position = 0
        for item in expected:
            assert _key(item) in keys[position:], (
                f"{where}: no {_key(item)!r} after item {position}"
            )
            position = keys.index(_key(item), position)
            assert_matches(item, actual[position], f"{where}[{_key(item)}]")
            position += 1
    else:
        assert actual == expected, where


@pytest.mark.parametrize("case_path", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_contract_example(case_path, determination_validator):
    case = json.loads(case_path.read_text())
    expected = json.loads(
        case_path.with_name(case_path.name.replace(".case.", ".expected.")).read_text()
    )
    determination = rules.evaluate(case)
    determination_validator.validate(determination)
    assert_matches(expected, determination)


def test_the_comparison_can_fail():
    expected = {"convictions": [{"id": "a", "prop64": {"possible_outcomes": ["dismiss"]}}]}
    actual = {
        "convictions": [
            {"id": "a", "prop64": {"possible_outcomes": ["dismiss", "reduce_to_misdemeanor"]}}
        ]
    }
    with pytest.raises(AssertionError):
        assert_matches(expected, actual)
    with pytest.raises(AssertionError):
        assert_matches(
            {"actions": [{"code": "file_cr400"}]}, {"actions": [{"code": "check_record"}]}
        )
