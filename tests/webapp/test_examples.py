"""Every case in the contract's examples, walked through the questionnaire like a person would,
must end on a result page whose cards carry the engine's outcome and automatic flag."""

import json
from pathlib import Path

import pytest
from webwalk import cards, walk_case

EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples"
CASES = sorted(EXAMPLES.glob("*.case.json"))


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.name.split(".")[0])
def test_contract_example_through_the_web_flow(client, case_file):
    case = json.loads(case_file.read_text())
    expected = json.loads(
        case_file.with_name(case_file.name.replace(".case.", ".expected.")).read_text()
    )
    html = walk_case(client, case)
    shown = cards(html)
    assert len(shown) == len(expected["convictions"])
    for (_cid, outcome, automatic), want in zip(shown, expected["convictions"]):
        assert outcome == want["prop64"]["outcome"]
        if "automatic" in want["prop64"]:
            assert automatic == want["prop64"]["automatic"]
        for path in want.get("other_paths", []):
            assert (
                f'data-path="{path["path"]}" data-path-outcome="{path["outcome"]}" '
                f'data-path-automatic="{path["automatic"]}"'
            ) in html


def test_there_are_examples_to_walk():
    assert len(CASES) >= 6
