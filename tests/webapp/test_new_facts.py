"""Law v2's new facts in the questionnaire (issue 12 item 3): each is asked only when its answer
can change the result, always with "I'm not sure", and the answer reaches the engine.

- given to someone aged 18-20 (conduct.gift_to_under_21, HS 11360 / HS 11362.1);
- hired or used someone 20 or younger (conduct.employed_minor, HS 11359(d)), only of a person
  who was 21 or older;
- a new felony since the sentence ended (new_felony_since) and when the whole sentence ended
  (sentence.completed_on), for PC 1203.425's felony branch.
"""

import re

import pytest
from webwalk import add_conviction, answer_until, person_answers, text_of
from workerwalk import FIELD, table_form

from webapp.flow import CONVICTION_SCREENS

NO = {"answer": "n"}
NOTHING_BLOCKS = person_answers(
    {"must_register_290": "no", "under_supervision": "no", "pending_charges": "no"}
)


def conviction(offense, level="fel", age="21up", kind="prison", **more):
    """A California conviction of 2013 with every conduct and prior question answered no."""
    answers = {
        "where": {"answer": "ca"},
        "court": {"answer": "adult"},
        "county": {"answer": "19"},
        "offense": {"answer": offense, "detail": ""},
        "level": {"answer": level},
        "convicted": {"year": "2013", "month": "03"},
        "happened": {"year": "2012", "month": ""},
        "age": {"answer": age},
        "sentence": {"answer": "done"},
        "sentence-kind": {"answer": kind},
        "sentence-ended": {"unsure": "y"},
        # Every yes/no question about the conviction: conduct, priors, probation, a new felony.
        **{s.id: NO for s in CONVICTION_SCREENS if s.type == "yes_no_unsure"},
    }
    for screen, answer in more.items():
        answers[screen.replace("_", "-")] = answer
    return answers


def asked_for(client, answers):
    asked = []
    assert add_conviction(client, answers, first=True, asked=asked) == "/convictions"
    return asked


def result_of(client):
    response = client.post("/convictions", data={"answer": "n"})
    assert answer_until(client, response.headers["Location"], NOTHING_BLOCKS) == "/check"
    return client.get("/result").get_data(as_text=True)


def test_a_gift_by_a_person_21_or_older_asks_whether_it_went_to_someone_18_to_20(client):
    asked = asked_for(client, conviction("sell"))
    assert "gift-young-adult" in asked
    page = text_of(client.get("/c/1/gift-young-adult"))
    assert "Was the cannabis given to someone aged 18, 19 or 20?" in page
    assert "I'm not sure" in page


@pytest.mark.parametrize(
    ("offense", "age"), [("have", "21up"), ("sell", "18to20"), ("grow", "21up")]
)
def test_no_gift_question_where_it_cannot_change_the_answer(client, offense, age):
    assert "gift-young-adult" not in asked_for(client, conviction(offense, age=age))


@pytest.mark.parametrize(("gift", "outcome"), [("n", "dismiss"), ("y", "reduce_to_infraction")])
def test_the_gift_answer_reaches_the_engine(client, gift, outcome):
    """HS 11362.1 allows a gift only to a person 21 or older: a gift to someone 18-20 is an
    infraction today (decision-rules B.4), not legal."""
    asked_for(client, conviction("sell", level="mis", gift_young_adult={"answer": gift}))
    assert f'data-outcome="{outcome}"' in result_of(client)


def test_hiring_someone_20_or_younger_is_asked_of_a_person_21_or_older(client):
    asked = asked_for(client, conviction("pfs"))
    assert "hired-minor" in asked
    page = text_of(client.get("/c/1/hired-minor"))
    assert "Did you hire or use someone aged 20 or younger to help?" in page
    assert "I'm not sure" in page


@pytest.mark.parametrize("age", ["18to20", "lt18", "u"])
def test_hiring_is_not_asked_of_a_person_who_was_younger_than_21(client, age):
    assert "hired-minor" not in asked_for(client, conviction("pfs", age=age))


@pytest.mark.parametrize(
    ("hired", "outcome"), [("n", "reduce_to_misdemeanor"), ("y", "needs_review")]
)
def test_the_hiring_answer_reaches_the_engine(client, hired, outcome):
    asked_for(client, conviction("pfs", hired_minor={"answer": hired}))
    assert f'data-outcome="{outcome}"' in result_of(client)


def test_a_finished_prison_sentence_asks_about_a_new_felony_then_when_it_ended(client):
    asked = asked_for(client, conviction("pfs", sentence_ended={"year": "2015", "month": "06"}))
    assert asked.index("new-felony") < asked.index("sentence-ended")
    page = text_of(client.get("/c/1/sentence-ended"))
    assert "When did the whole sentence end?" in page and "I'm not sure" in page
    assert "Month" in page  # the month and year


def test_a_sentence_cannot_end_before_the_conviction(client):
    """Convicted March 2013: a sentence ending in 2012, or February 2013, is a typing slip the
    waiting periods would count from; it is refused, March 2013 is taken."""
    asked_for(client, conviction("pfs", sentence_ended={"year": "2015", "month": "06"}))
    for typed in ({"year": "2012", "month": ""}, {"year": "2013", "month": "02"}):
        refused = client.post("/c/1/sentence-ended", data=typed, follow_redirects=True)
        assert refused.request.path == "/c/1/sentence-ended"  # shown again, not taken
        assert "The sentence must end on or after the date you were convicted" in text_of(refused)
    taken = client.post("/c/1/sentence-ended", data={"year": "2013", "month": "03"})
    assert taken.headers["Location"] != "/c/1/sentence-ended"


def test_a_new_felony_since_means_the_end_of_the_sentence_is_not_asked(client):
    asked = asked_for(client, conviction("pfs", new_felony={"answer": "y"}))
    assert "new-felony" in asked and "sentence-ended" not in asked


def test_completed_probation_asks_neither(client):
    """Probation completed without revocation clears it automatically (PC 1203.425(a)(1)(B)):
    neither the new-felony nor the end-of-sentence answer can change that."""
    asked = asked_for(client, conviction("pfs", kind="prob"))
    assert "new-felony" not in asked and "sentence-ended" not in asked


def test_a_sentence_still_being_served_asks_neither(client):
    answers = conviction("pfs", sentence={"answer": "serving"})
    asked = asked_for(client, answers)
    assert "new-felony" not in asked and "sentence-ended" not in asked


def automatic(html):
    """The PC 1203.425 path's outcome on the result page."""
    found = re.search(r'data-path="PC 1203.425" data-path-outcome="([a-z_]+)"', html)
    assert found, "no PC 1203.425 path on the result page"
    return found.group(1)


@pytest.mark.parametrize(
    ("ended", "outcome"),
    [
        ({"year": "2015", "month": "06"}, "eligible"),  # more than four years ago
        ({"year": "2024", "month": "06"}, "not_eligible"),  # less than four years ago
        ({"unsure": "y"}, "needs_review"),
    ],
)
def test_when_the_sentence_ended_reaches_the_engine(client, ended, outcome):
    asked_for(client, conviction("pfs", sentence_ended=ended))
    assert automatic(result_of(client)) == outcome


def test_worker_mode_asks_the_new_facts_as_follow_ups(client):
    """Worker mode: the table's row, then the same questions in the third person; the end of
    the sentence is typed as on the record."""
    row = {
        "code": "HS 11359",
        "level": "fel",
        "offense_date": "2012",
        "conviction_date": "03/2013",
        "age": "34",
        "sentence": "done",
        "sentence_kind": "prison",
        "county": "Los Angeles",
    }
    assert client.post("/worker/", data=table_form([row])).status_code == 303
    page = client.get("/worker/questions").get_data(as_text=True)
    assert "Did the person hire or use someone aged 20 or younger to help?" in text_of(page)
    # The end of the sentence is asked with them, not after: it decides PC 1203.42 (two years
    # after a prison term) whatever the blocking facts turn out to be (decision-rules G.4).
    assert "When did the person's whole sentence end?" in text_of(page)
    date_field = next(name for name in FIELD.findall(page) if name.endswith("-sentence-ended"))
    no_blocks = {name: "n" for name in FIELD.findall(page) if name != date_field}
    # A date the tool cannot read is refused with the table's words, and shown again.
    # Problems too are a 303 to a GET (post/redirect/get): Back never sends the answers again.
    sent = client.post("/worker/questions", data={**no_blocks, date_field: "13/2015"})
    assert sent.status_code == 303 and sent.headers["Location"] == "/worker/questions"
    refused = client.get("/worker/questions")
    assert "Sentence ended – 13/2015 is not a real date" in text_of(refused)
    assert 'value="13/2015"' in refused.get_data(as_text=True)
    answered = {**no_blocks, date_field: "06/2015"}
    assert client.post("/worker/questions", data=answered).status_code == 303
    while (response := client.get("/worker/questions")).status_code == 200:
        names = FIELD.findall(response.get_data(as_text=True))
        client.post("/worker/questions", data={name: "n" for name in names})
    assert automatic(client.get("/worker/result").get_data(as_text=True)) == "eligible"
