"""The reader on synthetic RAP sheets: the three of rap-sheet.md §5, then sheets of our own
that cover every point of §4. Each row is what a worker would see proposed."""

import pytest
from rapsheets import AS_OF, as_case, sheet

from rules import evaluate
from rules.records import MAX_ROWS, NotARapSheet, read_rap_sheet


def read(name, as_of=AS_OF):
    return read_rap_sheet(sheet(name), as_of)


def test_snippet_a_a_clean_copy_gives_one_felony_hs_11359_row():
    result = read("snippet_a.txt")
    [row] = result["rows"]
    assert row["conviction"] == {
        "id": "rap-1",
        "offense": "HS 11359",
        "court": "california_adult",
        "level": "felony",
        "offense_date": "2014-01-15",
        "conviction_date": "2014-05-02",
        "age_at_offense": "21_or_older",
        "sentence": {"kind": "probation", "status": "completed"},
    }
    assert row["county"] == "Los Angeles"
    assert row["case"] == "••••0001"
    assert (min(row["source_lines"]), max(row["source_lines"])) == (19, 27)
    assert row["confidence"]["sentence.ends_about"] == "2017-07"
    assert row["confidence"]["sentence.status"] == "derived_from_length_confirm"
    assert row["confidence"]["sentence.parts"] == ["fine", "jail", "probation", "restitution"]
    assert result["not_convictions"] == 1  # count 2 was dismissed
    assert result["person"]["birth_year"] == 1985
    assert result["other_convictions"] == []


def test_snippet_b_phone_ocr_with_a_comment_charge_and_a_later_1203_4():
    result = read("snippet_b.txt")
    [row] = result["rows"]
    conviction = row["conviction"]
    assert conviction["offense"] == "HS 11357(c)"
    assert conviction["level"] == "misdemeanor"
    assert (conviction["offense_date"], conviction["conviction_date"]) == (
        "2009-06-12",
        "2009-07-15",
    )
    assert conviction["age_at_offense"] == "18_to_20"
    assert conviction["sentence"] == {"kind": "probation", "status": "completed"}
    assert conviction["relief_on_record"] == "dismissed"
    assert row["county"] == "San Diego"
    assert row["confidence"]["offense"] == "from_record_comment"
    assert row["confidence"]["sentence.ends_about"] == "2012-07"
    assert {"code": "dismissed_1203_4", "date": "2013-03-01"} in row["notes"]
    assert {"code": "arrest_charge_differs", "arrest": "HS 11357(b)"} in row["notes"]
    repairs = " ".join(w.get("repair", "") for w in result["warnings"] if w["code"] == "ocr_repair")
    for repair in ("CHT→CNT", "CNI→CNT", "COURT", "CONV STATIS", "period removed from a date"):
        assert repair in repairs
    assert result["person"]["birth_year"] == 1990  # from the event's DOB: no header pasted


def test_snippet_c_several_cycles_a_range_an_attempt_juvenile_court_and_a_registration():
    result = read("snippet_c.txt")
    first, second, juvenile = result["rows"]
    for number, row in ((1, first), (2, second)):
        assert row["conviction"]["offense"] == "PC 664/11358"
        assert row["conviction"]["level"] == "felony"
        assert row["conviction"]["conviction_date"] == "2015-05-05"
        assert "offense_date" not in row["conviction"]  # no arrest event: unknown
        assert row["conviction"]["sentence"] == {"kind": "state_prison", "status": "completed"}
        assert row["county"] == "San Francisco"
        assert row["count"] == number
        assert row["confidence"]["sentence.ends_about"] == "2016-09"
        assert {"code": "attempt"} in row["notes"]
    assert juvenile["conviction"]["offense"] == "HS 11360"
    assert juvenile["conviction"]["court"] == "california_juvenile"
    assert juvenile["conviction"]["age_at_offense"] == "under_18"
    assert "sentence" not in juvenile["conviction"]
    assert juvenile["county"] == "Alameda"
    [other] = result["other_convictions"]
    assert (other["conviction"]["offense"], other["conviction"]["level"]) == (
        "PC 496",
        "misdemeanor",
    )
    assert result["person"]["proposed"]["must_register_290"]["value"] == "yes"
    assert result["person"]["proposed"]["must_register_290"]["date"] == "2016-01-01"
    assert "priors" not in first["conviction"]  # the felony-strike box is no evidence


def test_sheet_d_covers_a_missing_dash_line_flags_a_case_on_the_next_line_toc_and_updates():
    result = read("sheet_d.txt")
    revoked, modified, fine = result["rows"]
    conviction = revoked["conviction"]
    assert conviction["offense"] == "HS 11359(b)"  # flag and 1170(h) lines skipped
    assert conviction["offense_date"] == "2023-03-04"  # arrest with no dash line before COURT
    assert conviction["age_at_offense"] == "18_to_20"
    assert conviction["level"] == "unknown"  # no CONV STATUS: TOC is a hint only
    assert revoked["confidence"]["level"] == "no_conv_status_toc_F"
    assert conviction["sentence"]["probation_revoked"] == "yes"
    assert "status" not in conviction["sentence"]  # revoked: the record cannot tell
    assert revoked["case"] == "••••0044"
    assert revoked["county"] == "Alameda"  # `CAMC OAKLAN D`
    assert revoked["proposed"]["relief_on_record"]["value"] == "prop64"
    # SENTENCE MODIFIED replaces the sentence; a missing revocation stays unknown.
    assert modified["conviction"]["sentence"] == {"kind": "county_jail", "status": "completed"}
    assert modified["confidence"]["sentence.kind"] == "from_record_modified"
    assert modified["county"] is None  # unknown courthouse: the worker chooses
    assert modified["case"] == fine["case"] == "••••0045"  # carried to the later count
    assert fine["conviction"]["sentence"] == {"kind": "fine_only"}
    assert fine["conviction"]["level"] == "infraction"
    codes = [w["code"] for w in result["warnings"]]
    assert "unknown_event" in codes and "unknown_courthouse" in codes
    assert "prop64_relief_may_be_on_record" in codes


def test_sheet_e_covers_super_strikes_conspiracy_federal_duplicates_and_a_deceased_subject():
    result = read("sheet_e.txt")
    conspiracy, possession, cultivation = result["rows"]
    assert conspiracy["conviction"]["offense"] == "PC 182(a)(1)/HS 11360"
    assert possession["conviction"]["offense"] == "HS 11359"  # `1l359` repaired
    for row in (conspiracy, possession):
        assert row["conviction"]["priors"] == {"super_strike": "yes"}  # PC 187 in 1990
        assert row["conviction"]["age_at_offense"] == "21_or_older"  # both birth dates agree
    assert cultivation["conviction"]["conviction_date"] == "2012-02-02"  # `2O12O2O2`
    assert "priors" not in cultivation["conviction"]  # no offense date: cannot say "before"
    others = {
        row["conviction"]["offense"]: row["conviction"]["court"]
        for row in result["other_convictions"]
    }
    assert others == {"PC 187": "california_adult", "21 USC 841": "federal"}
    assert result["person"]["birth_year"] is None
    assert result["person"]["birth_years"] == [1970, 1971]
    assert result["person"]["proposed"]["deceased"] == {"value": "yes"}
    codes = [w["code"] for w in result["warnings"]]
    for code in ("duplicate_dropped", "deceased", "impossible_date", "ocr_repair"):
        assert code in codes


def test_birth_dates_that_give_different_bands_leave_the_age_unknown():
    text = sheet("snippet_a.txt").replace("DOB/19850220", "DOB/19850220 19960101")
    [row] = read_rap_sheet(text, AS_OF)["rows"]
    assert "age_at_offense" not in row["conviction"]
    assert row["confidence"]["age_at_offense"] == "birth_dates_disagree"


def test_a_sentence_ending_well_after_as_of_is_serving_and_near_it_cannot_tell():
    serving = read("snippet_a.txt", as_of="2015-01-01")["rows"][0]["conviction"]["sentence"]
    assert serving["status"] == "serving"
    close = read("snippet_a.txt", as_of="2017-07-31")["rows"][0]
    assert "status" not in close["conviction"]["sentence"]


def test_more_than_the_table_holds_is_cut_with_a_note():
    court = (
        "* * * *\nCOURT: NAM:01\n2015{:04d}  CASC FRESNO\nCNT:01 #F{:07d}\n"
        "  11357 HS-POSSESS\n*DISPO:CONVICTED\n  CONV STATUS:MISDEMEANOR\n"
    )
    text = "CII/A00000009\n" + "".join(court.format(101 + i % 28, i) for i in range(MAX_ROWS + 7))
    result = read_rap_sheet(text, AS_OF)
    assert len(result["rows"]) == MAX_ROWS
    assert {"code": "more_rows_not_added", "lines": [], "more": 7} in result["warnings"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "SAN MATEO COUNTY SHERIFF\nBOOKING HISTORY\n2014-05-02 HS 11359 CONVICTED",
        "FBI IDENTITY HISTORY SUMMARY\nARRESTED OR RECEIVED 2014/01/15\nCHARGE 1 POSSESS MARIJUANA",
        "HS 11359 F 01/15/2014 05/02/2014 LOS ANGELES",
    ],
)
def test_text_that_is_not_a_doj_record_is_refused(text):
    with pytest.raises(NotARapSheet):
        read_rap_sheet(text, AS_OF)


@pytest.mark.parametrize(
    "name", ["snippet_a.txt", "snippet_b.txt", "snippet_c.txt", "sheet_d.txt", "sheet_e.txt"]
)
def test_every_row_is_a_valid_v2_conviction_that_the_engine_evaluates(name, case_v2_validator):
    case = as_case(read(name))
    assert not list(case_v2_validator.iter_errors(case))
    evaluate(case)  # raises InvalidCase if the engine would refuse the rows
