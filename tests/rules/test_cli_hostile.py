"""`python -m rules evaluate` on hostile input and a broken standard output (issue 14, point 5):
exit 1 or 2 with one line on standard error, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = Path(__file__).parent / "examples" / "02-sale-felony-2013-reduced.case.json"
CASE = '{"as_of":"2026-11-24","convictions":[{"id":"%s","offense":"HS 11359"%s}]}'


def evaluate(stdin: bytes, **popen):
    return subprocess.run(
        [sys.executable, "-m", "rules", "evaluate", "-"],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        **popen,
    )


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert text.count("\n") == 1 and text.endswith("\n"), text
    return text


@pytest.mark.parametrize(
    "raw, says",
    [
        ("[" * 10_000 + "]" * 10_000, "nested too deeply"),
        (CASE % ("a", ',"level":' + "9" * 5_000), "too many digits"),
        (CASE % ("\\ud800", ""), "lone surrogate"),
        (CASE % ("a", ',"court":"x\\udfff"'), "lone surrogate"),
    ],
    ids=["nested-10000", "5000-digits", "surrogate-in-id", "surrogate-elsewhere"],
)
def test_hostile_json_is_an_invalid_case(raw, says):
    result = evaluate(raw.encode())
    assert result.returncode == 2
    assert result.stdout == b""
    line = one_line(result.stderr)
    assert line.startswith("invalid case: <stdin>: ") and says in line


def test_a_full_standard_output_is_one_line_and_exit_1():
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "rules", "evaluate", str(EXAMPLE)],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert result.returncode == 1
    assert "cannot write the determination: No space left on device" in one_line(result.stderr)


def test_a_closed_standard_output_is_one_line_and_exit_1():
    def close_stdout():
        os.close(1)

    result = subprocess.run(
        [sys.executable, "-m", "rules", "evaluate", str(EXAMPLE)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        preexec_fn=close_stdout,
        timeout=60,
    )
    assert result.returncode == 1
    assert "cannot write the determination" in one_line(result.stderr)


def test_a_pipe_closed_by_the_reader_is_one_line_and_exit_1():
    process = subprocess.Popen(
        [sys.executable, "-m", "rules", "evaluate", str(EXAMPLE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # like `| head -c 0`
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert "cannot write the determination: Broken pipe" in one_line(stderr)
    process.stderr.close()
