"""Mutation test (rap-sheet.md §4 Tests): every OCR corruption of §2 applied to each golden
sheet, one at a time and all together, gives the same rows, or else a row that is flagged
(a warning naming its lines) for the worker to check."""

import re

import pytest
from rapsheets import AS_OF, GOLDEN, sheet

from rules.records import read_rap_sheet

_DATE_HEAD = re.compile(r"^(\s*)(\d{5})(\d{3})(\s)", re.M)


def _page_break_mid_count(text):
    lines = text.split("\n")
    out = []
    for line in lines:
        out.append(line)
        if re.search(r"\b(HS|PC|US)-", line) or "SEE COMMENT" in line:
            out.append("                    Page 3 of 7")
    return "\n".join(out)


CORRUPTIONS = {
    "CNT read as CHT": lambda t: t.replace("CNT:", "CHT:"),
    "CNT read as CNI with an accent": lambda t: t.replace("CNT:", "CNÍ:"),
    "COURT read as COURI with a space before the colon": lambda t: t.replace("COURT:", "COURI :"),
    "ARR/DET/CITE read with a box and P": lambda t: t.replace("ARR/DET/CITE:", "▯RR/PET/CITE"),
    "dash lines as en dashes": lambda t: t.replace("- - - -", "– – – –"),
    "dash lines with quotes and extra dashes": lambda t: t.replace("- - - -", "- - -'- - -"),
    "missing dash lines": lambda t: t.replace("- - - -\n", ""),
    "stray period in event dates": lambda t: _DATE_HEAD.sub(r"\1\2.\3\4", t),
    "letter O for zero in event dates": lambda t: _DATE_HEAD.sub(
        lambda m: m.group(1) + m.group(2).replace("0", "O", 1) + m.group(3) + m.group(4), t
    ),
    "a page line mid-count": _page_break_mid_count,
    "doubled spaces": lambda t: t.replace(" ", "  "),
    "spaced DISPO with a semicolon": lambda t: t.replace("DISPO:CONVICTED", "D I S P O;CO NVICTED"),
    "spaced CONVICTED": lambda t: t.replace("DISPO:CONVICTED", "DISPO:C O N V I C T E D"),
    "CONVICT read as COMVICT": lambda t: t.replace("CONVICTED", "COMVICTED"),
    "CONV STATUS read as CONV STATIS.": lambda t: t.replace("CONV STATUS:", "CONV STATIS. "),
    "INFRACTION read as TNFRACTION": lambda t: t.replace("INFRACTION", "TNFRACTION"),
    "RESTN read as RESIN": lambda t: t.replace("RESTN", "RESIN"),
    "lower case": str.lower,
    "non-breaking spaces": lambda t: t.replace(" ", "\u00a0"),
    "form feeds and CR LF": lambda t: t.replace("\n* * * *", "\f\n* * * *").replace("\n", "\r\n"),
    "space before colons": lambda t: t.replace("CNT:", "CNT : ").replace("COURT:", "COURT :"),
    "no END OF MESSAGE": lambda t: re.sub(r".*END OF MESSAGE.*\n?", "", t),
    "NAME for NAM": lambda t: t.replace("NAM:", "NAME:"),
    "cycle marks with dots": lambda t: t.replace("\n* * * *\n", "\n* . * * *\n"),
    "cycle marks split over two lines": lambda t: t.replace("\n* * * *\n", "\n* *\n* *\n"),
    "count number split": lambda t: t.replace("CNT:01 ", "CNT:0    1 "),
}
CORRUPTIONS["all of them at once"] = lambda t: _all(t)


def _all(text):
    for name, corrupt in CORRUPTIONS.items():
        if name not in (
            "all of them at once",
            "missing dash lines",
            "lower case",
            "CNT read as CNI with an accent",
            "spaced CONVICTED",
        ):
            text = corrupt(text)
    return text


def _facts(person):
    """The person's facts without line numbers (an added page line moves them)."""
    return {
        **person,
        "proposed": {
            name: {k: v for k, v in fact.items() if k != "source_lines"}
            for name, fact in person["proposed"].items()
        },
    }


def _shape(result):
    return [
        (row["conviction"], row["county"], row["count"])
        for row in result["rows"] + result["other_convictions"]
    ]


# Only the pairs where the corruption changes the sheet (snippet B has no clean DISPO line).
PAIRS = [
    (name, corruption)
    for name in GOLDEN
    for corruption in sorted(CORRUPTIONS)
    if CORRUPTIONS[corruption](sheet(name)) != sheet(name)
]


def test_every_corruption_changes_some_sheet():
    assert {corruption for _, corruption in PAIRS} == set(CORRUPTIONS)


@pytest.mark.parametrize(("name", "corruption"), PAIRS)
def test_a_corrupted_sheet_gives_the_same_rows_or_flags_them(name, corruption):
    clean = read_rap_sheet(sheet(name), AS_OF)
    corrupted_text = CORRUPTIONS[corruption](sheet(name))
    corrupted = read_rap_sheet(corrupted_text, AS_OF)
    if _shape(corrupted) == _shape(clean):
        assert _facts(corrupted["person"]) == _facts(clean["person"])
        assert corrupted["not_convictions"] == clean["not_convictions"]
        return
    flagged = {line for warning in corrupted["warnings"] for line in warning["lines"]}
    for row in corrupted["rows"] + corrupted["other_convictions"]:
        if (row["conviction"], row["county"], row["count"]) not in _shape(clean):
            assert flagged & set(row["source_lines"]), (corruption, row)
    assert len(corrupted["rows"]) == len(clean["rows"])
