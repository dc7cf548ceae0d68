"""A year typed on a Farsi phone keyboard (۲۰۱۳) on the Farsi pages reaches the result (issue 14):
before, the answer was saved raw and every page after it was a 500."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_rtl import answer, path_of
from webwalk import answers_for_case, person_answers

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples"
CASE = json.loads((EXAMPLES / "02-sale-felony-2013-reduced.case.json").read_text())
FARSI_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def type_answer(page, data):
    answer(page, data, key_by_key=True)


@pytest.mark.parametrize(
    "phone", [("Pixel 7", True), ("Pixel 7", False)], indirect=True, ids=["js", "nojs"]
)
def test_a_farsi_keyboard_year_on_the_farsi_pages_reaches_the_result(phone, live_server):
    page = phone
    conviction = CASE["convictions"][0]
    answers = answers_for_case(conviction)
    for screen in ("convicted", "happened"):
        if "year" in answers[screen]:
            answers[screen] = {
                **answers[screen],
                "year": answers[screen]["year"].translate(FARSI_DIGITS),
            }
    assert "۲۰۱۳" in answers["convicted"]["year"]
    page.goto(f"{live_server}/lang/fa?next=/")
    page.locator("main form[action='/begin'] button").click()
    page.wait_for_url("**/c/1/where")
    for _ in range(40):
        path = path_of(page, live_server)
        if path == "/convictions":
            break
        expect(page.locator("#main-heading")).to_be_visible()
        type_answer(page, answers[path.rsplit("/", 1)[-1]])
    assert path_of(page, live_server) == "/convictions"
    type_answer(page, {"answer": "n"})
    person = person_answers(CASE["person"])
    while path_of(page, live_server) != "/check":
        type_answer(page, person[path_of(page, live_server).rsplit("/", 1)[-1]])
    page.locator("main a.button.start").click()
    page.wait_for_url("**/result")
    cards = page.locator("article[data-conviction-id]")
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_attribute("data-outcome", "reduce_to_misdemeanor")
