"""No page is a POST's answer (issue 15), with JavaScript on and off: Back and reload after a
question sent with an error, and after Paste or a row error in worker mode, send no form again
(Chromium would otherwise ask to "Confirm Form Resubmission"). Start over asks first. With
htmx, a step is one request, and the page is busy (aria-busy, the button disabled) until the
next step is in."""

import pytest
from playwright.sync_api import expect
from tour import begin, settled

pytestmark = pytest.mark.slow
BOTH = [("Pixel 7", False), ("Pixel 7", True)]
IDS = ["nojs", "js"]
LAPTOP = {"width": 1280, "height": 800}


def posts_during(page, action):
    """The POST requests the page sent while `action` ran."""
    sent = []

    def note(request):
        if request.method == "POST":
            sent.append(request.url)

    page.on("request", note)
    try:
        action()
        page.locator("#main-heading").wait_for()
    finally:
        page.remove_listener("request", note)
    return sent


def back_and_reload_send_nothing(page):
    here = page.url
    assert posts_during(page, page.reload) == [], "reload sent the form again"
    assert page.url == here
    assert posts_during(page, page.go_back) == [], "Back sent the form again"
    expect(page.locator("#main-heading")).to_be_visible()


@pytest.mark.parametrize("phone", BOTH, indirect=True, ids=IDS)
def test_back_after_a_question_sent_with_an_error_sends_nothing_again(phone, live_server):
    page = phone
    page.goto(live_server + "/")
    begin(page)
    page.get_by_role("button", name="Continue").click()  # nothing chosen
    expect(page.locator("#error-summary")).to_be_visible()
    settled(page)
    back_and_reload_send_nothing(page)


@pytest.fixture(params=[False, True], ids=IDS)
def laptop(browser, request):
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=request.param)
    yield context.new_page()
    context.close()


def test_back_after_paste_and_after_a_row_error_sends_nothing_again(laptop, live_server):
    page = laptop
    page.goto(live_server + "/worker/")
    page.fill("#paste", "HS 11359 F 05/02/2014 LOS ANGELES\nH&S 11357(b) M 06/01/2010")
    page.get_by_role("button", name="Fill rows from these lines").click()
    expect(page.locator("#paste-report")).to_be_visible()
    assert page.locator("#code-2").input_value() == "H&S 11357(b)"
    back_and_reload_send_nothing(page)
    # A row the tool cannot read, sent with Save: named, then Back and reload are quiet too.
    page.goto(live_server + "/worker/")
    page.fill("#code-1", "HS 11359")
    page.fill("#conviction_date-1", "02/31/2014")
    page.locator("#code-1").press("Enter")
    expect(page.locator("#error-summary")).to_contain_text("02/31/2014 is not a real date")
    back_and_reload_send_nothing(page)


@pytest.mark.parametrize("phone", BOTH, indirect=True, ids=IDS)
def test_start_over_asks_first_and_keeps_the_answers_on_no(phone, live_server):
    page = phone
    page.goto(live_server + "/")
    begin(page)
    page.check("#answer-ca")
    before = page.url
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(lambda url: url != before)
    settled(page)
    page.locator("header a.start-over").click()
    expect(page.locator("#main-heading")).to_have_text("Delete your answers and start over?")
    page.get_by_role("link", name="No, keep my answers").click()
    page.goto(live_server + "/c/1/where")
    expect(page.locator("#answer-ca")).to_be_checked()
    page.locator("header a.start-over").click()
    page.get_by_role("button", name="Yes, delete my answers").click()
    page.wait_for_url(live_server + "/")
    expect(page.get_by_role("status")).to_have_text("Your answers were deleted.")
    page.goto(live_server + "/c/1/where")
    expect(page.locator("#answer-ca")).to_have_count(0)


@pytest.mark.parametrize("phone", [("Pixel 7", True)], indirect=True, ids=["js"])
def test_a_step_with_htmx_is_one_request_and_busy_until_the_swap(phone, live_server):
    page = phone
    page.goto(live_server + "/")
    begin(page)
    held = []
    page.route("**/c/1/where", lambda route: held.append(route))
    sent = []
    page.on(
        "request", lambda r: sent.append((r.method, r.url)) if "/static/" not in r.url else None
    )
    page.check("#answer-ca")
    page.get_by_role("button", name="Continue").click()
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(20)
    assert held, "the answer was never sent"
    # While the answer is on its way: busy, and no second tap can send it again.
    assert page.locator("#main").get_attribute("aria-busy") == "true"
    expect(page.get_by_role("button", name="Continue")).to_be_disabled()
    held[0].continue_()
    page.wait_for_url("**/c/1/court")
    settled(page)
    assert page.locator("#main").get_attribute("aria-busy") is None
    assert [method for method, url in sent] == ["POST"], sent  # no 303 and second GET
