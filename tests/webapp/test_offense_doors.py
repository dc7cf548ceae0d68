"""Every spelling of decision-rules A.3 is read the same way through every door: the engine
(`rules.evaluate`), bulk mode (a CSV row, its summary line and its prior derivation), the worker
table's code cell and paste, and the public walk's case builder. One reader decides
(rules/offense.py); these tests fail if a door reads a spelling differently."""

from __future__ import annotations

from datetime import date

import pytest

import rules
from rules.batch.partition import ReadRow
from rules.batch.priors import classify
from rules.batch.summary import summary_key
from webapp import case_builder
from webapp.worker import paste
from webapp.worker.rows import read_code

AS_OF = date(2026, 11, 24)
LRM, RLO = "\u200e", "\u202e"

# (spelling, the one reading every door must give) -- decision-rules A.3's own list, then the
# v2 normalisation: invisible and bidirectional controls, full-width and Arabic-Indic digits.
SPELLINGS = [
    *(
        (text, "prop64 HS 11359")
        for text in (
            "HS 11359",
            "H&S 11359",
            "H & S 11359",
            "HSC 11359",
            "Health and Safety Code 11359",
            "Health & Safety 11359",
            "hs11359",
            "HS-11359",
            "11359 HS",
            "11359HS",
            "11359",
            LRM + "HS 11359",
            "HS" + RLO + " 11359",
            "HS \uff11\uff11\uff13\uff15\uff19",
            "HS \u0661\u0661\u0663\u0665\u0669",
        )
    ),
    ("11357(B)", "prop64 HS 11357(b)"),
    ("11357 (b)", "prop64 HS 11357(b)"),
    ("11357b", "prop64 HS 11357(b)"),
    *(
        (text, "attempt attempt HS 11359")
        for text in ("PC 664/11359", "664 PC/11359 HS", "11359/664", "11359 HS/664 PC", "11359-664")
    ),
    ("PC 182/HS 11360", "conspiracy conspiracy HS 11360"),
    ("182(a)(1) PC/11360", "conspiracy conspiracy HS 11360"),
    ("HS 11360/PC 182", "conspiracy conspiracy HS 11360"),
    ("PC 11359", "mismatch PC 11359"),
    ("VC 11357", "mismatch VC 11357"),
    ("PC 211", "other PC 211"),
    ("VC 23152", "other VC 23152"),
]
IDS = [repr(text) for text, _ in SPELLINGS]


def _case(offense: str) -> dict:
    return {
        "as_of": AS_OF.isoformat(),
        "convictions": [
            {
                "id": "c",
                "offense": offense,
                "level": "felony",
                "offense_date": "2014-01-01",
                "conviction_date": "2014-06-01",
                "age_at_offense": "21_or_older",
                "sentence": {"status": "completed", "kind": "probation", "probation_revoked": "no"},
            }
        ],
    }


def _outcome(offense: str) -> str:
    return rules.evaluate(_case(offense))["convictions"][0]["prop64"]["outcome"]


def _reference(reading: str) -> str:
    """A plain spelling of the same reading, to compare outcomes with."""
    kind, rest = reading.split(" ", 1)
    if kind in ("attempt", "conspiracy"):
        section = rest.rsplit(" ", 1)[1]
        return f"PC {'664' if kind == 'attempt' else '182'}/HS {section}"
    return rest


@pytest.mark.parametrize("text, reading", SPELLINGS, ids=IDS)
def test_the_engine_reads_the_spelling(text, reading):
    assert rules.parse_offense(text).reading == reading
    assert _outcome(text) == _outcome(_reference(reading))


@pytest.mark.parametrize("text, reading", SPELLINGS, ids=IDS)
def test_a_bulk_row_reads_the_spelling(text, reading):
    row = ReadRow({"person_id": "P", "offense": text, "level": "felony"}, "P:1")
    assert rules.parse_offense(row.conviction["offense"]).reading == reading
    assert summary_key(text) == summary_key(_reference(reading))
    assert row.number == ReadRow({"person_id": "P", "offense": _reference(reading)}, "P:2").number


@pytest.mark.parametrize("text, reading", SPELLINGS, ids=IDS)
def test_the_worker_code_cell_and_the_web_case_builder_read_the_spelling(text, reading):
    answers, problem = read_code(text)
    assert problem is None
    built = case_builder.conviction("c", answers)
    assert rules.parse_offense(built["offense"]).reading == reading


@pytest.mark.parametrize("text, reading", SPELLINGS, ids=IDS)
def test_a_pasted_line_reads_the_spelling(text, reading):
    row, problem = paste.read_line(f"{text} F 05/02/2014", [], AS_OF)
    assert problem is None, problem
    assert rules.parse_offense(row["code"]).reading == reading


def test_a_typed_section_wins_over_the_chosen_words_in_the_public_walk():
    """Choosing 'Having cannabis to sell' and typing HS-11359 must not be 'Prop 64 does not
    apply' (issue 12)."""
    built = case_builder.conviction("c", {"offense": "pfs", "code_section": "HS-11359"})
    assert rules.parse_offense(built["offense"]).reading == "prop64 HS 11359"


@pytest.mark.parametrize("prior", ["187 PC", "PC 187", "664/187 PC", "PC 664/187"])
def test_bulk_priors_read_number_first_spellings(prior):
    """DOJ files write the number first: `187 PC` is still a super-strike prior (v1 read none)."""
    assert classify(prior).super_strike == "yes"


def test_bulk_same_section_priors_read_number_first_spellings():
    assert classify("11359(b) HS").same_section["11359"] == "yes"
    assert classify("11359 HS").same_section["11359"] == "maybe"
