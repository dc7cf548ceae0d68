"""The flow is data: flow.yaml is checked when the app loads, and bad flows are refused."""

from datetime import date

import pytest

import rules
from webapp import case_builder, flow
from webapp.labels import QUESTIONS


def write(tmp_path, text):
    path = tmp_path / "flow.yaml"
    path.write_text(text)
    return path


GOOD_PERSON = "person:\n  - {id: pending, type: yes_no_unsure, key: pc}\n"


def test_the_shipped_flow_meets_its_schema():
    import json

    import jsonschema
    import yaml

    schema = json.loads(flow.SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    shipped = yaml.safe_load(flow.SCHEMA.with_name("flow.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(shipped, schema)
    broken = {**shipped, "person": [{**shipped["person"][0], "when": [{"moon": "full"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_every_question_names_the_engine_fact_it_fills():
    filled = {s.fact for s in flow.CONVICTION_SCREENS + flow.PERSON_SCREENS if s.fact}
    assert {
        "court",
        "offense",
        "level",
        "conduct.plants_over_six",
        "person.pending_charges",
    } <= filled
    assert flow.BY_ID["conviction"]["plants"].value("y") == "yes"
    assert flow.BY_ID["conviction"]["where"].value("ca") is None  # the court question says


def test_the_shipped_flow_loads_and_every_screen_has_words():
    screens = flow.CONVICTION_SCREENS + flow.PERSON_SCREENS
    assert {s.id for s in screens} <= set(QUESTIONS)
    assert {s.type for s in screens} <= flow.QUESTION_TYPES


@pytest.mark.parametrize(
    "bad, complaint",
    [
        ("conviction:\n  - {id: where, type: slider, key: w}\n", "unknown question type"),
        (
            "conviction:\n  - {id: where, type: choice, key: w, options: [ca], when: [is_full_moon]}\n",
            "unknown condition",
        ),
        (
            "conviction:\n  - {id: where, type: choice, key: w, options: [ca], when: [{decisive: person.pending_charges}]}\n",
            "not a conviction fact path",
        ),
        (
            "conviction:\n  - {id: where, type: choice, key: w, options: [ca], when: [{decisive:"
            " new_felony_since, assuming: {person.pending_charges: maybe}}]}\n",
            "not a person fact's value",
        ),
        (
            "conviction:\n  - {id: where, type: choice, key: w, options: [ca], when: [{decisive:"
            " new_felony_since, assuming: {conduct.for_sale: 'no'}}]}\n",
            "not a person fact's value",
        ),
        ("conviction:\n  - {id: nowhere, type: choice, key: w, options: [ca]}\n", "no words"),
        (
            "conviction:\n  - {id: where, type: choice, key: w, options: [ca], fact: conduct.moon}\n",
            "not a conviction fact",
        ),
        (
            "conviction:\n  - {id: level, type: choice, key: l, options: [fel], fact: level,"
            " values: {fel: felon}}\n",
            "not values of level",
        ),
        (
            "conviction:\n  - {id: court, type: choice, key: j, options: [adult],"
            " when: [{answer: {where: [ca]}}]}\n",
            "earlier questions",
        ),
        ("conviction:\n  - {id: where, type: choice, key: w, options: [mars]}\n", "need words"),
        (
            "conviction:\n  - {id: where, type: choice, key: w, options: [ca]}\n"
            "  - {id: court, type: choice, key: w, options: [adult]}\n",
            "repeated answer key",
        ),
    ],
)
def test_a_broken_flow_is_refused_at_load(tmp_path, bad, complaint):
    with pytest.raises(flow.FlowError, match=complaint):
        flow.load(write(tmp_path, bad + GOOD_PERSON))


def test_conduct_questions_are_asked_only_when_decisive():
    conduct = [
        s for s in flow.CONVICTION_SCREENS if s.fact and s.fact.startswith(("conduct.", "priors."))
    ]
    assert conduct and all("decisive" in " ".join(s.when_names) for s in conduct)
    assert all("decisive" in " ".join(s.when_names) for s in flow.PERSON_SCREENS)


# --- from answers to the engine's case ------------------------------------------------------


def test_a_typed_code_section_wins_over_the_words():
    case = case_builder.conviction(
        "c1", {"where": "ca", "court": "adult", "offense": "have", "code_section": "HS 11359(b)"}
    )
    assert case["offense"] == "HS 11359(b)"
    assert case_builder.conviction("c1", {"offense": "grow"})["offense"] == "HS 11358"
    assert case_builder.conviction("c1", {"offense": "u"})["offense"] == "unknown"


def test_courts_map_to_the_contract():
    assert (
        case_builder.conviction("c", {"where": "ca", "court": "juv"})["court"]
        == "california_juvenile"
    )
    assert (
        case_builder.conviction("c", {"where": "ca", "court": "adult"})["court"]
        == "california_adult"
    )
    assert case_builder.conviction("c", {"where": "fed"})["court"] == "federal"
    assert case_builder.conviction("c", {"where": "u"})["court"] == "unknown"


@pytest.mark.parametrize(
    "born, when, band",
    [
        ("1990", "2012", "21_or_older"),  # 21 or 22
        ("1990", "2011", "unknown"),  # 20 or 21: straddles
        ("1990", "2010", "18_to_20"),  # 19 or 20
        ("1995", "2012", "under_18"),  # 16 or 17
        ("1994", "2012", "unknown"),  # 17 or 18
    ],
)
def test_age_band_from_birth_year(born, when, band):
    assert case_builder.age_band(born, when) == band


def test_not_sure_when_it_happened_falls_back_to_the_conviction_year_for_the_age():
    case = case_builder.conviction(
        "c", {"age": "born", "birth_year": "1980", "convicted": "2010-05", "happened": "u"}
    )
    assert case["offense_date"] is None and case["conviction_date"] == "2010-05"
    assert case["age_at_offense"] == "21_or_older"


def test_the_case_carries_today_as_given():
    case = case_builder.build(
        date(2026, 1, 2), [("c1", {"offense": "have"})], {"registration": "n"}
    )
    assert case["as_of"] == "2026-01-02"
    assert case["person"] == {"must_register_290": "no"}


@pytest.mark.parametrize(
    ("convicted", "happened", "kept"),
    [("2010-05", "2012-03", None), ("2010", "2010-07", "2010-07"), ("2012-03", "2010", "2010")],
)
def test_an_offense_date_left_after_an_earlier_conviction_date_counts_as_not_known(
    convicted, happened, kept
):
    """The engine refuses a conviction certainly before its offense (contract v2); a conviction
    date changed to an earlier year leaves such an offense date behind, and the page must not fail."""
    case = case_builder.build(
        date(2026, 11, 24), [("c1", {"convicted": convicted, "happened": happened})], {}
    )
    assert case["convictions"][0]["offense_date"] == kept
    rules.evaluate(case)  # accepted, not InvalidCase
