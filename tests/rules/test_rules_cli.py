"""`python -m rules`: exit codes, output and the one error line, through a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import rules

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = Path(__file__).parent / "examples" / "02-sale-felony-2013-reduced.case.json"


def run(*args, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "rules", *args],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def valid_case() -> dict:
    return json.loads(EXAMPLE.read_text())


def test_a_valid_file_prints_the_determination_and_exits_0(determination_validator):
    result = run("evaluate", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    determination = json.loads(result.stdout)
    determination_validator.validate(determination)
    assert determination == rules.evaluate(valid_case())


EXAMPLES = sorted((Path(__file__).parent / "examples").glob("*.case.json"))


@pytest.mark.parametrize("case_path", EXAMPLES, ids=[p.name.split(".")[0] for p in EXAMPLES])
def test_every_contract_example_through_the_cli(case_path):
    """The CLI answers each example as the Python API does (so, right where that test says)."""
    from test_rules_examples import assert_matches

    result = run("evaluate", str(case_path))
    assert result.returncode == 0, result.stderr
    determination = json.loads(result.stdout)
    assert determination == rules.evaluate(json.loads(case_path.read_text()))
    assert determination["rules_version"].startswith("2.")
    expected = json.loads(
        case_path.with_name(case_path.name.replace(".case.", ".expected.")).read_text()
    )
    assert_matches(expected, determination)


def test_a_far_date_never_gives_a_traceback():
    """Dates up to 9999-12-31: an answer or one line, never another exception (add_years)."""
    case = valid_case()
    case["as_of"] = "9999-12-31"
    case["convictions"][0].update(
        offense_date="9999-01-01",
        conviction_date="9999-06-01",
        level="felony",
        sentence={"status": "completed", "kind": "state_prison", "completed_on": "9999-12-31"},
    )
    result = run("evaluate", "-", stdin=json.dumps(case))
    assert result.returncode == 0, result.stderr
    assert (
        json.loads(result.stdout)["convictions"][0]["other_paths"][0]["outcome"] == "not_eligible"
    )


def test_standard_input_is_read_with_a_dash():
    result = run("evaluate", "-", stdin=EXAMPLE.read_text())
    assert result.returncode == 0
    assert (
        json.loads(result.stdout)["convictions"][0]["prop64"]["outcome"] == "reduce_to_misdemeanor"
    )


def _break(change):
    case = valid_case()
    change(case)
    return json.dumps(case)


BAD_INPUTS = {
    "bad JSON": (
        '{"as_of": "2026-11-24", "convictions": [',
        "<stdin>: not valid JSON (line 1 column 41",
    ),
    "unknown field": (
        _break(lambda c: c["convictions"][0].update(plea="guilty")),
        "convictions[0].plea: unknown field",
    ),
    "wrong enum": (
        _break(lambda c: c["convictions"][0].update(level="felon")),
        "convictions[0].level: 'felon' is not one of felony, misdemeanor, infraction, unknown",
    ),
    "impossible date": (
        _break(lambda c: c["convictions"][0].update(offense_date="2015-02-30")),
        "convictions[0].offense_date: '2015-02-30' is not a real date",
    ),
    "impossible month": (
        _break(lambda c: c["convictions"][0].update(conviction_date="2026-13-01")),
        "convictions[0].conviction_date: '2026-13-01' is not a real date",
    ),
    "empty list": (
        _break(lambda c: c.update(convictions=[])),
        "convictions: expected at least one",
    ),
    "nested wrong enum": (
        _break(lambda c: c["convictions"][0]["conduct"].update(for_sale="maybe")),
        "convictions[0].conduct.for_sale: 'maybe' is not one of yes, no, unknown",
    ),
    "not an object": ("[1, 2]", "case: expected an object"),
    "duplicate id": (
        _break(lambda c: c["convictions"].append(dict(c["convictions"][0]))),
        "convictions[1].id: 'sale' is the id of an earlier conviction",
    ),
    "convicted before the offense": (
        _break(lambda c: c["convictions"][0].update(offense_date="2013-12-01")),
        "convictions[0].conviction_date: the conviction date is before the offense date",
    ),
    "convicted after as_of": (
        _break(
            lambda c: c["convictions"][0].update(offense_date=None, conviction_date="9999-12-31")
        ),
        "convictions[0].conviction_date: the conviction date is after as_of",
    ),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_exits_2_with_one_line_naming_the_field(kind):
    text, expected = BAD_INPUTS[kind]
    result = run("evaluate", "-", stdin=text)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("invalid case: " + expected), lines[0]


def test_a_bad_file_names_the_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text("{oops")
    result = run("evaluate", str(path))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"invalid case: {path}: not valid JSON (line 1 column 2")


def test_a_missing_file_exits_1_with_one_line(tmp_path):
    result = run("evaluate", str(tmp_path / "nope.json"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: cannot read {tmp_path / 'nope.json'}: No such file or directory"
    ]


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"rules {rules.__version__}"


def test_subcommands_are_a_table():
    from rules.__main__ import SUBCOMMANDS

    assert "evaluate" in SUBCOMMANDS
