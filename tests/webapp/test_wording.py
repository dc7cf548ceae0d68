"""Words that say what they take and never contradict the person (issue 15): the offense page's
hints, the sale question after "Selling, giving away or transporting", a section guessed from
words, a question's address after the answers were wiped, citations kept whole with the
language's comma, and a year typed with "I'm not sure"."""

import re

from webwalk import (
    add_conviction,
    answers_for_case,
    case_named,
    finish,
    first_question,
    text_of,
    walk_case,
)

SALE = case_named("02-sale-felony-2013-reduced")


def test_the_offense_page_hints_at_a_code_section_in_its_box_and_no_own_words(client):
    first_question(client)
    answers = answers_for_case(SALE["convictions"][0])
    client.post("/c/1/where", data=answers["where"])
    client.post("/c/1/court", data=answers["court"])
    client.post("/c/1/county", data=answers["county"])
    page = text_of(client.get("/c/1/offense"))
    assert "own words" not in page  # the box refuses words: no hint may invite them
    assert "The code and number as on your record, for example HS 11359" in page
    refused = client.post("/c/1/offense", data={"answer": "sell", "detail": "selling weed"})
    shown = text_of(client.get(refused.headers["Location"]))
    assert "Enter the code section as it is written on your record" in shown


def test_after_selling_giving_or_transporting_the_question_asks_which_it_was(client):
    answers = answers_for_case(SALE["convictions"][0])
    asked = []
    add_conviction(client, answers, first=True, asked=asked)
    assert "for-sale" in asked
    page = text_of(client.get("/c/1/for-sale"))
    heading = re.search(r"Was it [^?]*\?", page).group(0)
    assert heading != "Was it for selling?"  # the option said selling already
    assert "gave it away for free" in page


def walk_sale(client, typed_code):
    case = {**SALE, "convictions": [dict(SALE["convictions"][0])]}
    answers = answers_for_case(case["convictions"][0])
    answers["offense"] = {"answer": "sell", "detail": typed_code}
    assert add_conviction(client, answers, first=True) == "/convictions"
    assert finish(client, case["person"]) == "/check"
    return text_of(client.get("/result"))


def test_a_section_chosen_in_words_is_shown_as_a_guess_to_check(client):
    assert "Conviction 1 (probably HS 11360, check your record)" in walk_sale(client, "")


def test_a_section_typed_is_shown_as_typed(client):
    page = walk_sale(client, "HS 11359")
    assert "Conviction 1 (HS 11359)" in page and "probably" not in page


def test_a_question_address_after_the_answers_were_wiped_says_so_and_offers_a_new_start(client):
    for address in ("/c/1/offense", "/about-you/registration"):
        response = client.get(address)  # no cookie: the browser dropped it after 60 minutes
        page = text_of(response)
        assert "Page not found" not in page
        assert "Your answers have expired" in page and "wiped after 60 minutes" in page
        assert "Start again" in page


def test_citations_stay_whole_and_take_the_languages_comma(client):
    html = walk_case(client, SALE)
    law = re.search(r"<p>Law: (.*?)</p>", html).group(1)
    assert ", " in law and "HS\u00a011361.8" in law and "HS 11361" not in law
    cites = re.findall(r"<cite[^>]*>(.*?)</cite>", html)
    assert cites and not [c for c in cites if " " in c]
    client.get("/lang/fa?next=/result")
    farsi = client.get("/result").get_data(as_text=True)
    lines = re.findall(r"<p>([^<]*<bdi dir=\"ltr\">.*?)</p>", farsi)
    joined = [line for line in lines if line.count("<bdi") > 1]
    assert joined, "no list of citations on the Farsi page"
    for line in joined:
        assert "</bdi>، " in line.replace("\u200f", "") and "</bdi>, " not in line


def test_a_year_typed_with_im_not_sure_asks_which_is_meant(client):
    first_question(client)
    answers = answers_for_case(SALE["convictions"][0])
    for screen in ("where", "court", "county", "offense", "level"):
        client.post(f"/c/1/{screen}", data=answers[screen])
    sent = client.post("/c/1/convicted", data={"year": "2013", "unsure": "y"})
    assert sent.headers["Location"] == "/c/1/convicted"  # not saved: shown again
    page = text_of(client.get("/c/1/convicted"))
    assert 'You entered a year and also ticked "I\'m not sure"' in page
    both = client.post("/c/1/convicted", data={"year": "2013"})
    assert both.headers["Location"] != "/c/1/convicted"
