"""Farsi and Arabic on a 320 px phone: every page right to left, nothing wider than the screen,
the result cards there; and switching language in the middle of an htmx walk lands on the same
step, in the new language, with the answers kept."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from webwalk import answers_for_case, person_answers

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples"
CASE = json.loads((EXAMPLES / "02-sale-felony-2013-reduced.case.json").read_text())


def fits_the_screen(page, code):
    assert page.evaluate("document.documentElement.dir") == "rtl", page.url
    assert page.evaluate("document.documentElement.lang") == code, page.url
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth"), f"{page.url} is {width}px wide"


def answer(page, data, key_by_key=False):
    """Fill the question on screen from form data, whatever each field's kind, then press the
    form's submit button (the one in <main>: the header's Start over is a button too).
    key_by_key: text is typed one key at a time, as a phone keyboard sends it."""
    form = page.locator("main form[method=post]").last
    for name, value in data.items():
        field = form.locator(f"[name={name}]")
        kind = field.first.evaluate("f => f.type") if value and field.count() else None
        if kind == "radio":
            form.locator(f"[name={name}][value='{value}']").check()
        elif kind == "checkbox":
            field.check()
        elif kind == "select-one":
            field.select_option(value)
        elif kind and key_by_key:
            field.fill("")
            field.press_sequentially(value)
        elif kind:
            field.fill(value)
    before = page.url
    form.locator("button[type=submit]").last.click()
    page.wait_for_url(lambda url: url != before)


def path_of(page, base):
    return page.url.removeprefix(base).split("?")[0]


def walk(page, base, answers, code):
    for _ in range(40):
        path = path_of(page, base)
        if path in ("/convictions", "/check"):
            return path
        expect(page.locator("#main-heading")).to_be_visible()
        fits_the_screen(page, code)
        answer(page, answers[path.rsplit("/", 1)[-1]])
    raise AssertionError("the walk never ended")


@pytest.mark.parametrize(
    "phone, code",
    [(("iPhone SE", True), "fa"), (("iPhone SE", False), "ar"), (("iPhone SE", True), "ar")],
    indirect=["phone"],
    ids=["fa-js", "ar-nojs", "ar-js"],
)
def test_a_walk_right_to_left_on_a_320px_phone(phone, live_server, code):
    page = phone
    page.goto(f"{live_server}/lang/{code}?next=/")
    fits_the_screen(page, code)
    expect(page.locator("#review-notice")).to_be_visible()
    page.locator("main form[action='/begin'] button").click()
    page.wait_for_url("**/c/1/where")
    assert walk(page, live_server, answers_for_case(CASE["convictions"][0]), code) == "/convictions"
    fits_the_screen(page, code)
    answer(page, {"answer": "n"})
    assert walk(page, live_server, person_answers(CASE["person"]), code) == "/check"
    fits_the_screen(page, code)
    page.locator("main a.button.start").click()
    page.wait_for_url("**/result")
    fits_the_screen(page, code)
    cards = page.locator("article[data-conviction-id]")
    expect(cards).to_have_count(1)
    expect(cards.first.locator(".outcome")).not_to_be_empty()
    # The "why" list opened: still no sideways scroll with every citation showing.
    cards.first.locator("details.why summary").click()
    fits_the_screen(page, code)


@pytest.mark.parametrize("phone", [("iPhone SE", True)], indirect=True, ids=["js"])
def test_switching_language_mid_walk_with_htmx_keeps_the_step_and_answers(phone, live_server):
    page = phone
    page.goto(live_server + "/lang/en?next=/")
    page.locator("main form[action='/begin'] button").click()
    page.wait_for_url("**/c/1/where")
    answer(page, {"answer": "ca"})  # by htmx: the header was not reloaded
    page.wait_for_url("**/c/1/court")
    answer(page, {"answer": "adult"})
    page.wait_for_url("**/c/1/county")
    page.locator("#languages summary").click()
    page.locator("#languages a[lang=fa]").click()
    page.wait_for_url("**/c/1/county")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "fa"
    # Back to English with the notice's link: the same step again, answers kept.
    page.locator("#review-notice a").click()
    page.wait_for_url("**/c/1/county")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.goto(live_server + "/c/1/court")
    expect(page.locator("#answer-adult")).to_be_checked()
