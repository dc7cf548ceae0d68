"""A person on a phone walks from the start page to the result, once with JavaScript (htmx
swaps the main region) and once without (plain forms), at 320 px and at 412 px."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from tour import begin
from tour import fill as fill_fields
from webwalk import answers_for_case, person_answers

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples"
PHONES = [("iPhone SE", True), ("iPhone SE", False), ("Pixel 7", True), ("Pixel 7", False)]


def example(name):
    case = json.loads((EXAMPLES / f"{name}.case.json").read_text())
    expected = json.loads((EXAMPLES / f"{name}.expected.json").read_text())
    return case, expected


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


def eventually(page, expression, want="main-heading", seconds=3):
    """Poll an expression (wait_for_function would need 'unsafe-eval', which our CSP refuses)."""
    value = None
    for _ in range(int(seconds / 0.05)):
        value = page.evaluate(expression)
        if value == want:
            break
        page.wait_for_timeout(50)
    return value


def fill(page, data):
    """Fill whatever question is on screen from a form-data dict, then press Continue."""
    fill_fields(page, data)
    before = page.url
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: url != before)


def walk(page, base, answers, javascript):
    """Answer screens until the path is one of the loop or check pages."""
    for _ in range(40):
        path = page.url.removeprefix(base).split("?")[0]
        if path in ("/convictions", "/check"):
            return path
        screen = path.rsplit("/", 1)[-1]
        no_sideways_scroll(page)
        heading = page.locator("#main-heading")
        expect(heading).to_be_visible()
        if javascript:
            # htmx swapped only <main>: focus went to the new heading, the title followed.
            assert (
                eventually(page, "document.activeElement && document.activeElement.id")
                == "main-heading"
            )
            assert page.title().startswith(heading.inner_text().strip())
        fill(page, answers[screen])
    raise AssertionError("the walk never ended")


@pytest.mark.parametrize(
    "phone", PHONES, indirect=True, ids=lambda p: f"{p[0]}-{'js' if p[1] else 'nojs'}"
)
@pytest.mark.parametrize("name", ["02-sale-felony-2013-reduced", "04-cultivation-plants-unknown"])
def test_start_to_result_on_a_phone(phone, live_server, name, request):
    page = phone
    javascript = request.node.callspec.params["phone"][1]
    case, expected = example(name)
    page.goto(live_server + "/")
    no_sideways_scroll(page)
    expect(page.get_by_text("We don't keep your answers. They stay only")).to_be_visible()
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/c/1/where")
    if javascript:
        # The first step came by htmx: still one document, no full reload.
        assert page.evaluate("document.querySelectorAll('header.top').length") == 1
    assert (
        walk(page, live_server, answers_for_case(case["convictions"][0]), javascript)
        == "/convictions"
    )
    fill(page, {"answer": "n"})
    assert walk(page, live_server, person_answers(case["person"]), javascript) == "/check"
    no_sideways_scroll(page)
    page.get_by_role("link", name="See my result").click()
    page.wait_for_url("**/result")
    no_sideways_scroll(page)
    cards = page.locator("article[data-conviction-id]")
    expect(cards).to_have_count(1)
    want = expected["convictions"][0]["prop64"]
    assert cards.first.get_attribute("data-outcome") == want["outcome"]
    if "automatic" in want:
        assert cards.first.get_attribute("data-automatic") == want["automatic"]
    # The outcome is there in words, not only as an attribute or a colour.
    expect(cards.first.locator(".outcome")).not_to_be_empty()


@pytest.mark.parametrize("phone", [("iPhone SE", True)], indirect=True, ids=["iPhone SE-js"])
def test_back_and_refresh_keep_answers(phone, live_server):
    page = phone
    page.goto(live_server + "/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/c/1/where")
    fill(page, {"answer": "ca"})
    page.go_back()
    page.wait_for_url("**/c/1/where")
    expect(page.locator("#answer-ca")).to_be_checked()
    page.reload()
    expect(page.locator("#answer-ca")).to_be_checked()


@pytest.mark.parametrize(
    "phone", [("Pixel 7", False), ("Pixel 7", True)], indirect=True, ids=["nojs", "js"]
)
def test_quick_exit_leaves_and_wipes(phone, live_server):
    page = phone
    page.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(body="neutral", content_type="text/plain"),
    )
    page.goto(live_server + "/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/c/1/where")
    fill(page, {"answer": "ca"})
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://www.google.com/**")
    assert not [c for c in page.context.cookies() if c["name"] == "fs"]


@pytest.mark.parametrize("phone", [("Pixel 7", True)], indirect=True, ids=["Pixel 7-js"])
def test_switching_language_keeps_a_choice_not_yet_sent(phone, live_server):
    """app.js posts a question's form when its language link is clicked with a choice made but
    not sent: the question comes back in that language still chosen, and nothing is saved.
    Unchanged, the link is an ordinary link."""
    page = phone
    page.goto(live_server + "/")
    begin(page)
    page.check("#answer-ca")
    page.locator("#languages summary").click()
    page.locator("#languages a[lang=es]").click()
    page.wait_for_function("document.documentElement.lang === 'es'")
    expect(page.locator("#answer-ca")).to_be_checked()
    page.goto(live_server + "/c/1/where")  # a fresh look: nothing was saved
    expect(page.locator("#answer-ca")).not_to_be_checked()
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator("#languages summary").click()
    with page.expect_request(lambda r: "/lang/vi" in r.url and r.method == "GET"):
        page.locator("#languages a[lang=vi]").click()
    page.wait_for_function("document.documentElement.lang === 'vi'")
    assert page.url == live_server + "/c/1/where"
