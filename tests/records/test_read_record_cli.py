"""`python -m rules read-record`, through a real subprocess: JSON and exit 0; exit 2 with one
line for text that is not a DOJ RAP sheet; exit 1 for a file that cannot be read as text."""

import json
import subprocess
import sys
from pathlib import Path

from rapsheets import SHEETS, sheet

from rules.records import read_rap_sheet

ROOT = Path(__file__).resolve().parents[2]


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "rules", "read-record", *args],
        input=stdin,
        cwd=ROOT,
        capture_output=True,
        timeout=60,
    )


def test_a_sheet_file_prints_its_rows_as_json_and_exits_0():
    result = run(str(SHEETS / "snippet_a.txt"), "--as-of", "2026-12-01")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    printed = json.loads(result.stdout)
    assert printed == read_rap_sheet(sheet("snippet_a.txt"), "2026-12-01")
    assert printed["rows"][0]["conviction"]["offense"] == "HS 11359"


def test_standard_input_is_read_with_a_dash():
    result = run("-", "--as-of", "2026-12-01", stdin=sheet("snippet_b.txt").encode())
    assert result.returncode == 0
    assert json.loads(result.stdout)["rows"][0]["conviction"]["offense"] == "HS 11357(c)"


def test_text_that_is_not_a_doj_record_exits_2_with_one_line_suggesting_the_line_paste():
    result = run("-", stdin=b"SAN MATEO COUNTY SHERIFF\nBOOKING 2014 HS 11359\n")
    assert result.returncode == 2
    assert result.stdout == b""
    [line] = result.stderr.decode().splitlines()
    assert "does not look like a California DOJ record" in line and "line paste" in line


def test_a_missing_file_or_bytes_that_are_not_text_exit_1(tmp_path):
    missing = run(str(tmp_path / "nothing.txt"))
    assert missing.returncode == 1 and len(missing.stderr.decode().splitlines()) == 1
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\n\xff\xfe\x00\x81")
    unreadable = run(str(binary))
    assert unreadable.returncode == 1
    assert "not UTF-8 text" in unreadable.stderr.decode()
    assert unreadable.stdout == b""
