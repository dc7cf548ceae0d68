"""On a 320 x 568 phone the page is under the thumb (issue 15): in every language the first
answer of every question and the first result are on the first screen, with no scrolling past
the header; without JavaScript (the slowest path), and the result with it too."""

import pytest
from tour import PERSON, convictions_for_the_tour, fill
from webwalk import answers_for_case, person_answers

from webapp.i18n import LANGUAGES

pytestmark = pytest.mark.slow
SCREEN = {"width": 320, "height": 568}
FIRST_CONTROL = "main .radio, main input[type=text], main select"


def bottom(page, selector):
    box = page.locator(selector).first.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_first_option_and_first_outcome_are_on_the_first_screen(browser, live_server, code):
    context = browser.new_context(viewport=SCREEN, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/lang/{code}?next=/")
    page.locator("main form button[type=submit]").click()
    answers = {**answers_for_case(convictions_for_the_tour()[0]), **person_answers(PERSON)}
    too_low = {}
    for _ in range(40):
        path = page.url.removeprefix(live_server).split("?")[0]
        if path == "/convictions":
            page.check("#answer-n")
        elif path == "/check":
            break
        else:
            low = bottom(page, FIRST_CONTROL)
            if low > SCREEN["height"]:
                too_low[path] = low
            fill(page, answers[path.rsplit("/", 1)[-1]])
        page.locator("main form[novalidate] button[type=submit]").click()
    assert page.url.endswith("/check")
    assert not too_low, too_low
    page.goto(f"{live_server}/result")
    assert bottom(page, "article.card .outcome") <= SCREEN["height"]
    # ... and "What you need to do" starts there too (its words run on below in some languages).
    first_line = page.locator("article.card .to-do strong").first.bounding_box()
    assert first_line["y"] + first_line["height"] <= SCREEN["height"]
    context.close()
