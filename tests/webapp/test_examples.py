"""Every case in the contract's examples, walked through the questionnaire like a person would,
must end on a result page whose cards carry the engine's outcome and automatic flag."""

import json
from pathlib import Path

import pytest
from webwalk import cards, walk_case

EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples"
CASES = sorted(EXAMPLES.glob("*.case.json"))


@pytest.mark.parametrize("case_file", CASES, ids=[p.name.split(".")[0] for p in CASES])
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
            shown_path = f'data-path="{path["path"]}" data-path-outcome="{path["outcome"]}" '
            if "automatic" in path:
                shown_path += f'data-path-automatic="{path["automatic"]}"'
            assert shown_path in html


def test_there_are_examples_to_walk():
    assert len(CASES) >= 6


def test_a_juvenile_case_is_told_to_file_jv744_in_the_juvenile_court_not_cr400(client):
    """decision-rules C (v2): a juvenile adjudication uses JV-744; CR-400 is the adult form."""
    case = json.loads((EXAMPLES / "07-juvenile-sale-jv744.case.json").read_text())
    html = walk_case(client, case)
    assert "Fill in form JV-744" in html
    assert "CR-400" not in html
