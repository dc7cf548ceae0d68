"""Tables for worker mode's pure parts: lines pasted from a record, dates as typed, one row's
cells -> the walk's answers. Each case is named in a sentence."""

from datetime import date

import pytest

from webapp.labels import COUNTIES
from webapp.worker import dates, paste, rows

TODAY = date(2026, 11, 24)


def row(code, level="", offense="", conviction="", county=""):
    return {
        "code": code,
        "level": level,
        "offense_date": offense,
        "conviction_date": conviction,
        "county": county,
    }


LINES = [
    (
        "a rap sheet line: section, level letter, one date (the conviction)",
        "HS 11359 F 05/02/2014",
        row("HS 11359", "fel", "", "05/02/2014"),
    ),
    (
        "two dates: the earlier is the offense, whatever their order on the line",
        "HS 11357 M 06/01/2010 05/02/2010",
        row("HS 11357", "mis", "05/02/2010", "06/01/2010"),
    ),
    (
        "dates before the section, H&S with a subdivision, a county in capitals",
        "05/02/2010 H&S 11357(b) M 06/01/2010 LOS ANGELES",
        row("H&S 11357(b)", "mis", "05/02/2010", "06/01/2010", "Los Angeles"),
    ),
    (
        "the code after the number, a spelled-out level, a year alone",
        "11360 HS FELONY 2012",
        row("11360 HS", "fel", "", "2012"),
    ),
    (
        "an attempt keeps its Penal Code section",
        "PC 664/11359 F 03/03/2010",
        row("PC 664/11359", "fel", "", "03/03/2010"),
    ),
    (
        "a conspiracy with ISO dates",
        "PC 182(a)(1)/HS 11360 F 2010-01-02 2010-05-05",
        row("PC 182(a)(1)/HS 11360", "fel", "2010-01-02", "2010-05-05"),
    ),
    (
        "a bare Prop 64 section with a count number and a two-word county",
        "CNT 01 11358 felony 01/01/2015 SAN DIEGO",
        row("11358", "fel", "", "01/01/2015", "San Diego"),
    ),
    (
        "a section of another code is still a row (the engine says it is not Prop 64)",
        "PC 211 F 01/01/2000",
        row("PC 211", "fel", "", "01/01/2000"),
    ),
    (
        "no level on the line leaves the level for the worker to choose",
        "ARREST 05/02/2013 DISPO 06/01/2014 11359 HS",
        row("11359 HS", "", "05/02/2013", "06/01/2014"),
    ),
    (
        "lower case as a worker might type it",
        "hs 11357 m 1/2/2003",
        row("hs 11357", "mis", "", "1/2/2003"),
    ),
    (
        "an impossible date is copied as written, for the row's check to name it",
        "11359 02/31/2014 F",
        row("11359", "fel", "", "02/31/2014"),
    ),
    (
        "a two-digit year is copied as written, never guessed",
        "HS 11359 F 05/02/14",
        row("HS 11359", "fel", "", "05/02/14"),
    ),
    ("an infraction", "HS 11357(b) I 2019", row("HS 11357(b)", "inf", "", "2019")),
]

UNREADABLE = [
    ("a header line has no code section", "COUNT DATE CHARGE", paste.NO_SECTION),
    (
        "a bare number that is not a Prop 64 section is not trusted as one",
        "12345 F 01/01/2001",
        paste.NO_SECTION,
    ),
    ("only dates", "05/02/2014 06/01/2014", paste.NO_SECTION),
    ("three dates cannot be placed", "HS 11357 M 1/2/2003 1/3/2003 1/4/2003", paste.TOO_MANY_DATES),
]


@pytest.mark.parametrize(
    "line, expected", [(line, want) for _, line, want in LINES], ids=[name for name, _, _ in LINES]
)
def test_a_line_read_from_a_record(line, expected):
    assert paste.read_line(line, COUNTIES, TODAY) == (expected, None)


@pytest.mark.parametrize(
    "line, reason",
    [(line, reason) for _, line, reason in UNREADABLE],
    ids=[name for name, _, _ in UNREADABLE],
)
def test_a_line_that_cannot_be_read_says_why(line, reason):
    assert paste.read_line(line, COUNTIES, TODAY) == (None, reason)


def test_every_line_becomes_a_row_or_comes_back_verbatim_in_order():
    text = "HS 11359 F 05/02/2014\r\n\n   \nCOUNT  DATE\nHS 11358 F 2012\n" + "x" * 400
    read = paste.read_lines(text, COUNTIES, room=50, today=TODAY)
    assert [r["code"] for r in read.rows] == ["HS 11359", "HS 11358"]
    assert read.unreadable == [("COUNT  DATE", paste.NO_SECTION), ("x" * 400, paste.TOO_LONG)]


def test_lines_past_the_room_left_come_back_instead_of_being_dropped():
    text = "\n".join(f"HS 11357 M 01/0{n}/2010" for n in range(1, 6))
    read = paste.read_lines(text, COUNTIES, room=3, today=TODAY)
    assert len(read.rows) == 3
    assert read.unreadable == [
        ("HS 11357 M 01/04/2010", paste.NO_ROOM),
        ("HS 11357 M 01/05/2010", paste.NO_ROOM),
    ]


DATES = [
    ("month/day/year", "05/02/2014", ("2014-05-02", None)),
    ("one-digit month and day", "5/2/2014", ("2014-05-02", None)),
    ("dashes in US order", "05-02-2014", ("2014-05-02", None)),
    ("ISO day", "2014-05-02", ("2014-05-02", None)),
    ("month and year", "05/2014", ("2014-05", None)),
    ("ISO month", "2014-5", ("2014-05", None)),
    ("a year", "2014", ("2014", None)),
    ("the last day of February in a leap year", "02/29/2016", ("2016-02-29", None)),
    ("today itself", "11/24/2026", ("2026-11-24", None)),
    ("day-first 31/02 is not a real date", "31/02/2014", (None, dates.NOT_REAL)),
    ("February 30", "02/30/2014", (None, dates.NOT_REAL)),
    ("February 29 outside a leap year", "02/29/2015", (None, dates.NOT_REAL)),
    ("month 13", "13/2014", (None, dates.NOT_REAL)),
    ("a two-digit year is refused", "05/02/14", (None, dates.TWO_DIGITS)),
    ("a two-digit year with a month only", "5/14", (None, dates.TWO_DIGITS)),
    ("tomorrow is in the future", "11/25/2026", (None, dates.FUTURE)),
    ("a later month of this year", "12/2026", (None, dates.FUTURE)),
    ("before 1900", "1899", (None, dates.TOO_EARLY)),
    ("words", "last spring", (None, dates.UNREADABLE)),
]


@pytest.mark.parametrize(
    "typed, expected", [(t, e) for _, t, e in DATES], ids=[name for name, _, _ in DATES]
)
def test_a_date_as_typed(typed, expected):
    assert dates.read(typed, TODAY) == expected


@pytest.mark.parametrize(
    "stored, shown", [("2014-05-02", "05/02/2014"), ("2014-05", "05/2014"), ("2014", "2014")]
)
def test_a_stored_date_is_shown_as_it_is_typed_and_reads_back_the_same(stored, shown):
    assert dates.shown(stored) == shown
    assert dates.read(shown, TODAY) == (stored, None)


FULL_ROW = {
    "code": "HS 11359",
    "level": "fel",
    "offense_date": "04/01/2013",
    "conviction_date": "05/02/2014",
    "age": "34",
    "sentence": "done",
    "sentence_kind": "prob",
    "court": "ca",
    "county": "los angeles county",
}

ROWS = [
    (
        "a whole row fills every key of the walk's table screens",
        {},
        {
            "offense": "pfs",
            "code_section": "HS 11359",
            "level": "fel",
            "happened": "2013-04-01",
            "convicted": "2014-05-02",
            "age": "21up",
            "sentence": "done",
            "sentence-kind": "prob",
            "where": "ca",
            "court": "adult",
            "county": "19",
        },
    ),
    ("an age of 17 is under 18", {"age": "17"}, {"age": "lt18"}),
    ("an age of 18 is 18 to 20", {"age": "18"}, {"age": "18to20"}),
    ("an age of 21 is 21 or older", {"age": "21"}, {"age": "21up"}),
    ("a four-digit number is a birth year", {"age": "1988"}, {"age": "born", "birth_year": "1988"}),
    ("an age band as typed", {"age": "18-20"}, {"age": "18to20"}),
    (
        "empty cells mean not known",
        {"offense_date": "", "age": "", "sentence": "", "sentence_kind": "", "county": ""},
        {"happened": "u", "age": "u", "sentence": "u", "sentence-kind": "u", "county": "u"},
    ),
    (
        "? means not known, even for the code section",
        {"code": "?", "conviction_date": "?"},
        {"offense": "u", "convicted": "u"},
    ),
    (
        "another code is kept as typed, as 'other'",
        {"code": "PC 211"},
        {"offense": "other", "code_section": "PC 211"},
    ),
    ("a juvenile court", {"court": "juv"}, {"where": "ca", "court": "juv"}),
]


@pytest.mark.parametrize(
    "change, expected", [(c, e) for _, c, e in ROWS], ids=[name for name, _, _ in ROWS]
)
def test_a_row_read_into_the_walks_answers(change, expected):
    answers, problems = rows.read({**FULL_ROW, **change}, TODAY)
    assert problems == []
    assert {key: answers.get(key) for key in expected} == expected


def test_a_federal_row_keeps_no_county_and_no_adult_or_juvenile_answer():
    answers, problems = rows.read({**FULL_ROW, "court": "fed"}, TODAY)
    assert (
        problems == []
        and answers["where"] == "fed"
        and "county" not in answers
        and "court" not in answers
    )


BAD_ROWS = [
    ("no code section", {"code": ""}, ["code"]),
    ("words that are not a code section", {"code": "possession"}, ["code"]),
    ("no level chosen", {"level": ""}, ["level"]),
    ("no conviction date", {"conviction_date": ""}, ["conviction_date"]),
    ("an offense after the conviction", {"offense_date": "2015"}, ["offense_date"]),
    ("an age that is neither an age nor a year", {"age": "old"}, ["age"]),
    ("a county misspelled", {"county": "Los Angles"}, ["county"]),
    ("a choice that is not on the list", {"court": "mars"}, ["court"]),
    (
        "several problems, in column order",
        {"code": "", "conviction_date": "05/02/14", "county": "Nowhere"},
        ["code", "conviction_date", "county"],
    ),
]


@pytest.mark.parametrize(
    "change, cells", [(c, e) for _, c, e in BAD_ROWS], ids=[name for name, _, _ in BAD_ROWS]
)
def test_a_row_with_problems_names_each_cell(change, cells):
    _answers, problems = rows.read({**FULL_ROW, **change}, TODAY)
    assert [name for name, _problem in problems] == cells


@pytest.mark.parametrize(
    "answers",
    [
        {
            "code_section": "HS 11359",
            "offense": "pfs",
            "level": "fel",
            "happened": "2013-04-01",
            "convicted": "2014-05-02",
            "age": "born",
            "birth_year": "1980",
            "sentence": "serving",
            "sentence-kind": "jail",
            "where": "ca",
            "court": "juv",
            "county": "58",
        },
        {
            "offense": "u",
            "level": "u",
            "happened": "u",
            "convicted": "2014",
            "age": "u",
            "sentence": "u",
            "sentence-kind": "u",
            "where": "fed",
        },
    ],
)
def test_stored_answers_shown_in_the_table_read_back_the_same(answers):
    again, problems = rows.read(rows.cells_of(answers), TODAY)
    assert problems == []
    assert again == answers


def test_a_blank_row_is_one_with_nothing_but_the_default_court():
    assert rows.blank({"court": "ca", "code": " "})
    assert not rows.blank({"court": "ca", "county": "Marin"})
