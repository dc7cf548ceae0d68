"""Bulk never loses a row or a file (issue 14, point 3): the command line on hostile files."""

import csv

import pytest

from rules.batch.cli import main
from rules.batch.runner import MAX_RECORD_LINES

AS_OF = "2026-11-24"
HEADER = "person_id,conviction_id,offense,level,offense_date,conviction_date,note\n"


def batch(source, out, *extra):
    return main(
        [
            str(source),
            "--output",
            str(out),
            "--as-of",
            AS_OF,
            "--workers",
            "1",
            "--summary",
            str(out.parent / "summary.txt"),
            *extra,
        ]
    )


def rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_a_placeholder_date_is_that_rows_error_and_every_row_comes_out(tmp_path):
    dates = {"offense_date": "2013-05-01", "conviction_date": "9999-12-31"}
    source = tmp_path / "in.csv"
    header = HEADER.replace(",note", ",sentence_status,sentence_kind")
    source.write_text(
        header
        + "A,A-1,HS 11359,felony,2011-07-04,2011-08-15,completed,probation\n"
        + f"A,A-2,HS 11357(b),infraction,{dates['offense_date']},{dates['conviction_date']},"
        "completed,fine_only\n" + "B,B-1,HS 11359,felony,2012-01-01,2012-03-01,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert batch(source, out) == 1
    got = rows(out)
    assert [row["conviction_id"] for row in got] == ["A-1", "A-2", "B-1"]
    # Engine v2 refuses a conviction after as_of (InvalidCase); before, adding PC 1203.425's
    # waiting years passed year 9999 (ValueError). Either way: that row's error, nothing lost.
    assert got[1]["error"].startswith(("conviction_date:", "the engine cannot evaluate this row"))
    assert got[0]["error"] == "" and got[0]["prop64_outcome"]
    assert got[2]["error"] == "" and got[2]["prop64_outcome"]
    assert (
        (tmp_path / "summary.txt").read_text().startswith("3 rows in, 3 rows out, 1 with an error")
    )


def test_the_output_may_not_be_the_input(tmp_path, capsys, monkeypatch):
    source = tmp_path / "in.csv"
    text = HEADER + "A,A-1,HS 11359,felony,2012-01-01,2012-03-01,\n"
    source.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.csv").symlink_to(source)
    for spelling in (source, tmp_path / "." / "in.csv", "in.csv", tmp_path / "link.csv"):
        assert (
            main([str(source), "--output", str(spelling), "--as-of", AS_OF, "--workers", "1"]) == 2
        )
        assert "--output is the input file" in capsys.readouterr().err
        assert source.read_text(encoding="utf-8") == text


def failed_run(tmp_path, bad_text):
    """A run on a file refused part-way: the previous output must still be there, whole."""
    source = tmp_path / "in.csv"
    source.write_text(bad_text, encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("the previous run's output\n", encoding="utf-8")
    code = batch(source, out)
    assert out.read_text(encoding="utf-8") == "the previous run's output\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.csv", "out.csv"]  # no temp left
    return code


def test_an_unclosed_quote_running_past_the_limit_is_refused_naming_its_line(tmp_path, capsys):
    good = "".join(f"P{i},P{i}-1,HS 11359,felony,2012-01-01,2012-03-01,\n" for i in range(3))
    # The quote opened on line 5 is closed only by a stray quote far below: one giant "note".
    rest = "".join(
        f"Q{i},Q{i}-1,HS 11359,felony,2012-01-01,2012-03-01,ok\n"
        for i in range(MAX_RECORD_LINES + 5)
    )
    code = failed_run(
        tmp_path,
        HEADER
        + good
        + 'X,X-1,HS 11359,felony,2012-01-01,2012-03-01,"typo\n'
        + rest
        + 'R,R-1,HS 11359,felony,2012-01-01,2012-03-01,"quoted"\n',
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"line 5: a quoted field starts here and runs past {MAX_RECORD_LINES} lines" in err


def test_an_unclosed_quote_running_to_the_end_of_the_file_is_refused_naming_its_line(
    tmp_path, capsys
):
    code = failed_run(
        tmp_path,
        HEADER
        + "A,A-1,HS 11359,felony,2012-01-01,2012-03-01,\n"
        + 'B,B-1,HS 11359,felony,2012-01-01,2012-03-01,"open\nC,C-1,HS 11357,,,,\n',
    )
    assert code == 2
    assert (
        "line 3: a quoted field starts on or after this line and is never closed"
        in capsys.readouterr().err
    )


def test_a_note_over_a_few_lines_is_still_one_row(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        HEADER
        + 'A,A-1,HS 11359,felony,2012-01-01,2012-03-01,"line one\nline two\nthree"\n'
        + "B,B-1,HS 11359,felony,2012-01-01,2012-03-01,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert batch(source, out) == 0
    assert [row["note"] for row in rows(out)] == ["line one\nline two\nthree", ""]


@pytest.mark.parametrize(
    "formula", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"]
)
def test_a_formula_cell_comes_out_as_text_for_spreadsheets(tmp_path, formula):
    source = tmp_path / "in.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(HEADER.strip().split(","))
        writer.writerow(["A", formula, "HS 11359", "felony", "2012-01-01", "2012-03-01", formula])
    out = tmp_path / "out.csv"
    batch(source, out)
    (row,) = rows(out)  # one row in, one row out (a carriage return is written as a line feed)
    assert row["note"] == "'" + formula.replace("\r", "\n")
    assert row["conviction_id"] == "'" + formula.replace("\r", "\n")
    for name, value in row.items():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), name
