"""Reading the bulk CSV: what breaks a row (and names its column), what breaks the whole file."""

import csv
import io

import pytest

from rules.batch.partition import read_person
from rules.batch.runner import InputFileError, chunks, read_header

HEADER = ["person_id", "offense", "level", "offense_date", "county_case_number"]


def errors_of(**cells):
    return read_person([{"person_id": "P1", "offense": "HS 11359", **cells}])[0].errors


@pytest.mark.parametrize(
    "cells, message",
    [
        ({"offense_date": "2015-02-30"}, "offense_date: '2015-02-30' is not a real date"),
        ({"conviction_date": "2026-13"}, "conviction_date: '2026-13' is not a real date"),
        (
            {"offense_date": "03/04/2015"},
            "offense_date: '03/04/2015' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            {"level": "felon"},
            "level: 'felon' is not one of felony, misdemeanor, infraction, unknown",
        ),
        (
            {"sentence_kind": "jail"},
            "sentence_kind: 'jail' is not one of probation, county_jail, state_prison, fine_only, unknown",
        ),
        ({"for_sale": "y"}, "for_sale: 'y' is not one of yes, no, unknown"),
        ({"pending_charges": "maybe"}, "pending_charges: 'maybe' is not one of yes, no, unknown"),
        ({"offense": "  "}, "offense: empty; the code section is required"),
    ],
    ids=[
        "impossible day",
        "impossible month",
        "US date order",
        "misspelled level",
        "unknown sentence kind",
        "abbreviated yes",
        "person-level fact",
        "blank offense",
    ],
)
def test_a_cell_that_breaks_the_contract_names_its_column(cells, message):
    assert errors_of(**cells) == [message]


def test_every_broken_cell_of_a_row_is_named():
    assert [
        e.split(":")[0] for e in errors_of(level="x", offense_date="2015-02-30", court="mars")
    ] == ["court", "level", "offense_date"]


def test_choices_ignore_case_and_spaces_and_empty_means_unknown():
    read = read_person(
        [
            {
                "person_id": "P1",
                "offense": "HS 11357",
                "level": " Felony ",
                "for_sale": "",
                "offense_date": "2014",
            }
        ]
    )[0]
    assert read.errors == []
    assert read.conviction["level"] == "felony"
    assert "for_sale" not in read.conviction["conduct"]


def lines(text):
    return csv.reader(io.StringIO(text))


def cut(text, chunk_rows=2):
    reader = lines(text)
    header = read_header(reader)
    return list(chunks(reader, header, chunk_rows))


def test_chunks_hold_whole_persons_and_every_row():
    text = "person_id,offense\nA,HS 11359\nA,PC 211\nA,HS 11360\nB,HS 11357\nC,PC 187\nC,HS 11358\n"
    got = cut(text, chunk_rows=2)
    assert [[row[0] for row in chunk.cells] for chunk in got] == [["A", "A", "A"], ["B", "C", "C"]]
    assert all(not chunk.errors for chunk in got)


def test_a_person_whose_rows_are_not_together_gets_the_later_rows_in_error():
    text = "person_id,offense\nA,HS 11359\nB,HS 11357\nA,PC 187\nA,PC 211\n"
    got = cut(text, chunk_rows=100)
    assert [row[0] for row in got[0].cells] == ["A", "B", "A", "A"]
    assert sorted(got[0].errors) == [2, 3]
    assert got[0].errors[2].startswith("person_id: the rows of 'A' are not together")


def test_a_ragged_row_is_kept_padded_and_flagged_without_breaking_its_person():
    text = (
        "person_id,offense,level\nA,HS 11359,felony\nA,PC 211\nA,PC 187,felony,extra\nA,HS 11360,\n"
    )
    got = cut(text, chunk_rows=100)
    assert len(got[0].cells) == 4 and all(len(row) == 3 for row in got[0].cells)
    assert got[0].errors == {
        1: "row has 2 cells but the header has 3 columns (a missing or extra comma, or an unclosed quote?)",
        2: "row has 4 cells but the header has 3 columns (a missing or extra comma, or an unclosed quote?)",
    }


def test_blank_lines_are_not_rows():
    assert [len(chunk.cells) for chunk in cut("person_id,offense\n\nA,HS 11359\n\n", 100)] == [1]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "the file is empty"),
        ("person,offense\n", "missing column(s): person_id"),
        ("person_id,offense,offense\n", "column(s) named twice: offense"),
        (
            "person_id,offense,prop64_outcome\n",
            "the input already has output column(s) prop64_outcome",
        ),
    ],
)
def test_a_file_that_cannot_be_processed_is_refused(text, message):
    with pytest.raises(InputFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_header(lines(text))


def test_cells_typed_on_any_keyboard_read_as_the_web_reads_them():
    """A spreadsheet exported from a Farsi or Chinese office, or pasted from an RTL editor:
    digits of any script and invisible marks are read once, as the web reads a form."""
    read = read_person(
        [
            {
                "person_id": "P1",
                "offense": "\u200fHS\u00a011359",
                "level": "\u200efelony\u200e",
                "for_sale": "ｙｅｓ",  # fullwidth
                "offense_date": "۲۰۱۳-۰۴",  # Farsi digits
                "conviction_date": "２０１３-１０-０２",  # fullwidth digits
            }
        ]
    )[0]
    assert read.errors == []
    assert read.conviction["offense"] == "HS 11359"
    assert read.conviction["level"] == "felony"
    assert read.conviction["conduct"]["for_sale"] == "yes"
    assert read.conviction["offense_date"] == "2013-04"
    assert read.conviction["conviction_date"] == "2013-10-02"
