"""Walking the questionnaire with JavaScript off: real forms, POST then 303 then GET."""

import re
from datetime import date

import pytest
from webwalk import FACT_SCREENS, add_conviction, answer_until, person_answers, text_of

# Every question about what happened and earlier convictions (flow.yaml's conduct and priors
# facts) but law v2's two new ones, which are asked only where they decide (test_new_facts.py):
# a walk that meets one without an answer fails.
CONDUCT_AND_PRIORS = tuple(s for s in FACT_SCREENS if s not in ("gift-young-adult", "hired-minor"))
POSSESSION_2011 = {
    "where": {"answer": "ca"},
    "court": {"answer": "adult"},
    "county": {"answer": "19"},
    "offense": {"answer": "have", "detail": ""},
    "level": {"answer": "mis"},
    "convicted": {"year": "2011", "month": "03"},
    "happened": {"year": "2011", "month": ""},
    "age": {"answer": "21up"},
    "sentence": {"answer": "done"},
    "sentence-kind": {"answer": "prob"},
    "probation-revoked": {"answer": "n"},
    **{screen: {"answer": "n"} for screen in CONDUCT_AND_PRIORS},
}
NO_TO_ALL = person_answers({})


def start(client):
    response = client.post("/begin")
    assert response.status_code == 303
    return response.headers["Location"]


def test_start_page_says_what_it_does_and_keeps_nothing(client):
    page = text_of(client.get("/"))
    assert "We don't keep your answers" in page
    assert "after 60 minutes without activity" in page
    assert "not legal advice" in page
    assert "Start now" in page and "Quick exit" in page and "Start over" in page
    assert "Español" in page and "繁體中文" in page


def test_the_start_button_opens_the_first_question(client):
    assert start(client) == "/c/1/where"
    page = client.get("/c/1/where")
    assert page.status_code == 200
    assert "Which court convicted you?" in text_of(page)
    assert "I'm not sure" in text_of(page)


def test_one_conviction_from_start_to_check_to_result(client):
    asked = []
    end = add_conviction(client, POSSESSION_2011, first=True, asked=asked)
    assert end == "/convictions"
    assert asked[:10] == [
        "where",
        "court",
        "county",
        "offense",
        "level",
        "convicted",
        "happened",
        "age",
        "sentence",
        "sentence-kind",
    ]
    # Cultivation-only and sale-only questions do not matter for possession.
    assert "plants" not in asked and "for-sale" not in asked
    response = client.post("/convictions", data={"answer": "n"})
    assert answer_until(client, response.headers["Location"], NO_TO_ALL) == "/check"
    check = text_of(client.get("/check"))
    assert "Having or possessing cannabis" in check and "Los Angeles" in check
    assert "March 2011" in check and "See my result" in check
    result = client.get("/result")
    assert result.status_code == 200
    assert 'data-conviction-id="c1"' in result.get_data(as_text=True)


def test_a_federal_conviction_skips_the_questions_that_cannot_change_it(client):
    asked = []
    answers = {"where": {"answer": "fed"}}
    assert add_conviction(client, answers, first=True, asked=asked) == "/convictions"
    assert asked == ["where"]


def test_going_back_shows_the_answer_given_and_keeps_it(client):
    location = start(client)
    client.post(location, data={"answer": "ca"})
    page = client.get("/c/1/where").get_data(as_text=True)
    assert re.search(r'value="ca" checked', page)
    # The second page links back to the first with a real link.
    assert 'href="/c/1/where"' in client.get("/c/1/court").get_data(as_text=True)


def test_every_answer_is_posted_never_put_in_a_url(client):
    asked = []
    add_conviction(client, POSSESSION_2011, first=True, asked=asked)
    for screen in asked:
        page = client.get(f"/c/1/{screen}").get_data(as_text=True)
        for form in re.findall(r"<form[^>]*>", page):
            assert 'method="post"' in form
    assert "2011" not in "".join(asked)


# --- validation, one test per question type -----------------------------------------------


def error_page(client, url, data):
    """Post/redirect/get even after an error (issue 15): the 303 comes back to the question,
    which shows what was sent, with its errors, once."""
    response = client.post(url, data=data)
    assert response.status_code == 303 and response.headers["Location"] == url
    shown = client.get(url)
    assert shown.status_code == 200
    html = shown.get_data(as_text=True)
    assert 'id="error-summary"' not in client.get(url).get_data(as_text=True)  # once only
    assert 'role="alert"' in html
    assert re.search(r"<title>Error: ", html)
    return html


def test_choice_with_nothing_chosen(client):
    start(client)
    html = error_page(client, "/c/1/where", {})
    assert 'href="#answer-ca"' in html and 'id="answer-ca"' in html
    assert "Choose one of the answers" in text_of(html)
    assert 'aria-describedby="answer-hint answer-error"' in html


def test_choice_with_a_made_up_option(client):
    start(client)
    error_page(client, "/c/1/where", {"answer": "mars"})


def reach(client, screen):
    """Answer the first conviction's questions up to `screen`."""
    location = start(client)
    while not location.endswith("/" + screen):
        location = client.post(location, data=POSSESSION_2011[location.rsplit("/", 1)[-1]]).headers[
            "Location"
        ]
    return location


def test_select_needs_a_county_from_the_list(client):
    url = reach(client, "county")
    html = error_page(client, url, {"answer": "99"})
    assert 'href="#answer"' in html and "Choose the county" in text_of(html)
    assert client.post(url, data={"answer": "u"}).status_code == 303


@pytest.mark.parametrize(
    "data, message",
    [
        ({"year": "", "month": ""}, "Enter the year, or tick"),
        ({"year": "20l1"}, "Enter the year as 4 numbers"),
        ({"year": "1899"}, "must be 1900 or later"),
        ({"year": "2999"}, "must be in the past"),
        ({"year": "2011", "month": "13"}, "Choose a month from the list"),
    ],
)
def test_date_mistakes_get_clear_messages(client, data, message):
    url = reach(client, "convicted")
    html = error_page(client, url, data)
    assert message in text_of(html)
    assert 'href="#year"' in html or 'href="#month"' in html


@pytest.mark.parametrize("day", [date(2026, 3, 10), date(2026, 11, 30)])
def test_a_month_later_this_year_is_in_the_future(app, client, day):
    app.config["TODAY"] = lambda: day
    url = reach(client, "convicted")
    html = error_page(client, url, {"year": str(day.year), "month": f"{day.month + 1:02d}"})
    assert "must be in the past" in text_of(html)
    assert (
        client.post(url, data={"year": str(day.year), "month": f"{day.month:02d}"}).status_code
        == 303
    )


def test_not_sure_is_a_valid_date_answer(client):
    url = reach(client, "convicted")
    assert client.post(url, data={"unsure": "y"}).status_code == 303
    assert 'name="unsure" value="y" checked' in client.get(url).get_data(as_text=True)


def test_it_cannot_have_happened_after_the_conviction(client):
    url = reach(client, "happened")
    html = error_page(client, url, {"year": "2012"})
    assert "on or before the date you were convicted" in text_of(html)


def test_code_section_with_odd_characters_is_refused_and_the_choice_is_kept(client):
    url = reach(client, "offense")
    html = error_page(client, url, {"answer": "grow", "detail": "<script>"})
    assert "Enter the code section as it is written" in text_of(html)
    assert 'value="grow" checked' in html


def test_birth_year_is_needed_only_when_chosen(client):
    url = reach(client, "age")
    assert "Enter the year you were born" in text_of(error_page(client, url, {"answer": "born"}))
    assert "as 4 numbers" in text_of(error_page(client, url, {"answer": "born", "detail": "88"}))
    assert client.post(url, data={"answer": "born", "detail": "1980"}).status_code == 303


def test_errors_keep_the_other_answers(client):
    url = reach(client, "level")
    error_page(client, url, {})
    check_court = client.get("/c/1/where").get_data(as_text=True)
    assert 'value="ca" checked' in check_court


def test_a_question_that_does_not_apply_redirects_on(client):
    start(client)
    client.post("/c/1/where", data={"answer": "fed"})
    response = client.get("/c/1/county")
    assert response.status_code == 303


def test_unknown_conviction_or_question_is_a_friendly_404(client):
    start(client)
    for url in ("/c/9/where", "/c/1/favourite-colour", "/about-you/shoe-size"):
        response = client.get(url)
        assert response.status_code == 404
        assert "Page not found" in text_of(response)
