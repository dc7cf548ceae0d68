"""`evaluate_rows`, the per-partition function: whole rows in, the same rows with outcomes out."""

from rules.batch import OUTPUT_COLUMNS, evaluate_rows

AS_OF = "2026-11-24"


def test_rows_come_back_in_order_with_every_input_cell_and_every_output_column():
    rows = [
        {"person_id": "B", "offense": "PC 211", "note": "x"},
        {
            "person_id": "A",
            "offense": "HS 11357(b)",
            "offense_date": "2012",
            "level": "infraction",
            "age_at_offense": "21_or_older",
            "note": "y",
        },
        {
            "person_id": "B",
            "offense": "HS 11359",
            "offense_date": "2014-01-01",
            "level": "felony",
            "age_at_offense": "21_or_older",
            "note": "z",
        },
    ]
    out = evaluate_rows(rows, AS_OF)
    assert [row["note"] for row in out] == ["x", "y", "z"]
    assert all(set(OUTPUT_COLUMNS) <= set(row) for row in out)
    assert [row["prop64_outcome"] for row in out] == [
        "not_eligible",
        "dismiss",
        "reduce_to_misdemeanor",
    ]


def test_a_row_without_person_is_an_error_and_the_others_go_on():
    out = evaluate_rows(
        [{"person_id": " ", "offense": "HS 11359"}, {"person_id": "A", "offense": "HS 11359"}],
        AS_OF,
    )
    assert out[0]["error"] == "person_id: empty; every row needs the person it belongs to"
    assert out[1]["error"] == "" and out[1]["prop64_outcome"]


def test_what_only_the_engine_rejects_comes_back_named_by_column_and_spares_the_other_rows():
    too_long = "HS 11359 " + "x" * 80  # the contract caps an offense at 64 characters
    out = evaluate_rows(
        [{"person_id": "A", "offense": too_long}, {"person_id": "A", "offense": "HS 11360"}], AS_OF
    )
    assert out[0]["error"].startswith("offense: ")
    assert out[0]["prop64_outcome"] == ""
    assert out[1]["error"] == "" and out[1]["prop64_outcome"]


def test_the_same_rows_give_the_same_answer_whatever_else_is_in_the_partition():
    alone = evaluate_rows(
        [{"person_id": "A", "offense": "HS 11358", "offense_date": "2012"}], AS_OF
    )
    crowded = evaluate_rows(
        [
            {"person_id": "Z", "offense": "PC 187", "offense_date": "2001"},
            {"person_id": "A", "offense": "HS 11358", "offense_date": "2012"},
        ],
        AS_OF,
    )
    assert alone[0] == crowded[1]


# v2: a column for each new case fact (docs/bulk.md)
BASE = {
    "person_id": "A",
    "offense": "HS 11359",
    "offense_date": "2014-01-01",
    "conviction_date": "2014-06-01",
    "level": "felony",
    "age_at_offense": "21_or_older",
    "sentence_status": "completed",
    "sentence_kind": "county_jail",
    "prior_super_strike": "no",
    "prior_registrable_sex_offense": "no",
    "prior_two_same_section": "no",
    "minor_involved": "no",
    "must_register_290": "no",
    "under_supervision": "no",
    "pending_charges": "no",
}


def _one(**cells):
    return evaluate_rows([{**BASE, **cells}], AS_OF)[0]


def test_employed_minor_column_decides_the_hiring_factor():
    assert _one(employed_minor="no")["prop64_outcome"] == "reduce_to_misdemeanor"
    assert _one(employed_minor="yes")["prop64_outcome"] == "needs_review"


def test_gift_to_under_21_column_decides_a_gift_by_a_person_21_or_older():
    gift = {"offense": "HS 11360", "for_sale": "no", "over_limit": "no"}
    assert _one(**gift, gift_to_under_21="no")["prop64_outcome"] == "dismiss"
    assert _one(**gift, gift_to_under_21="yes")["prop64_outcome"] == "reduce_to_infraction"


def test_sentence_completed_on_and_new_felony_since_columns_decide_the_felony_branch():
    assert (
        _one(sentence_completed_on="2015-01", new_felony_since="no")["pc1203_425_outcome"]
        == "eligible"
    )
    assert (
        _one(sentence_completed_on="2024-01", new_felony_since="no")["pc1203_425_outcome"]
        == "not_eligible"
    )
    assert (
        _one(sentence_completed_on="2015-01", new_felony_since="yes")["pc1203_425_outcome"]
        == "not_eligible"
    )
    assert _one(sentence_completed_on="2015-01")["pc1203_425_outcome"] == "needs_review"


def test_a_bad_completed_on_cell_is_named_by_its_column():
    assert _one(sentence_completed_on="2015-02-30")["error"].startswith("sentence_completed_on: ")


def test_the_last_month_of_the_calendar_is_a_date():
    assert _one(sentence_completed_on="9999-12")["error"] == ""


def test_each_petitioned_dismissal_and_record_destruction_has_its_outcome_and_procedure_columns():
    person = {"must_register_290": "no", "under_supervision": "no", "pending_charges": "no"}
    theft, possession = evaluate_rows(
        [
            {
                "person_id": "T",
                "offense": "PC 484(a)",
                "level": "misdemeanor",
                "offense_date": "2017-02-01",
                "conviction_date": "2017-03-01",
                "sentence_status": "completed",
                "sentence_kind": "probation",
                "probation_revoked": "yes",
                **person,
            },
            {
                "person_id": "T",
                "offense": "HS 11357(b)",
                "level": "misdemeanor",
                "offense_date": "2010-02-01",
                "conviction_date": "2010-03-01",
                "age_at_offense": "21_or_older",
                "sentence_status": "completed",
                "sentence_kind": "fine_only",
                **person,
            },
        ],
        AS_OF,
    )
    # Revoked probation: the court may dismiss (PC 1203.4), no automatic relief, so CR-180.
    assert (theft["pc1203_4_outcome"], theft["pc1203_4_procedure"]) == ("discretionary", "petition")
    assert (theft["pc1203_4a_outcome"], theft["pc1203_4a_procedure"]) == ("not_eligible", "none")
    assert theft["hs11361_5_outcome"] == theft["hs11361_5_procedure"] == ""  # not listed
    assert theft["actions"] == "file_cr180;get_legal_help"
    # A Prop 64 dismissal lists no petition; the old (b) records should have been destroyed.
    assert possession["prop64_outcome"] == "dismiss"
    assert possession["pc1203_4_outcome"] == possession["pc1203_42_procedure"] == ""
    assert (possession["hs11361_5_outcome"], possession["hs11361_5_procedure"]) == (
        "eligible",
        "automatic",
    )
    assert "request_record_destruction" in possession["actions"].split(";")


def test_person_ids_that_only_look_alike_stay_different_people():
    """person_id is compared, not read: a fullwidth or invisible-marked id is another person
    (the reader and Spark or Dask group on the column as written), so one person's sale never
    becomes another's prior."""
    sale = {"offense": "HS 11359", "level": "felony", "conviction_date": "2013-06"}
    rows = [
        {"person_id": "P1", **sale},
        {"person_id": "Ｐ1", **sale},
        {"person_id": "P1\u200b", **sale},
    ]
    alone = evaluate_rows(rows[:1], "2026-11-24")[0]
    results = evaluate_rows(rows, "2026-11-24")
    assert [r["error"] for r in results] == ["", "", ""]
    for result in results:
        assert result["priors_derived"] == alone["priors_derived"]
        assert result["prop64_outcome"] == alone["prop64_outcome"]
