"""The printout carries everything (issue 15): the reasons open, each link with its address,
and a step list shared by several convictions printed once."""

import pytest
from tour import PERSON, add_conviction_over_http, convictions_for_the_tour
from webwalk import person_answers

pytestmark = pytest.mark.slow


def test_print_shows_the_reasons_the_link_addresses_and_shared_steps_once(browser, live_server):
    context = browser.new_context(
        viewport={"width": 800, "height": 1000}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(f"{live_server}/")
    page.locator("main form button[type=submit]").click()  # one conviction begun: a token
    page.goto(f"{live_server}/convictions")
    for conviction in convictions_for_the_tour()[:2]:
        add_conviction_over_http(page, live_server, conviction)
    # The first conviction (begun by the button, never answered) goes: two complete remain.
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    page.context.request.post(f"{live_server}/c/1/remove", form={"csrf_token": token})
    page.goto(f"{live_server}/convictions")
    page.check("#answer-n")
    page.locator("main form[novalidate] button[type=submit]").click()
    person = person_answers(PERSON)
    while "/about-you/" in page.url:
        page.check(f"#answer-{person[page.url.rsplit('/', 1)[-1]]['answer']}")
        page.locator("main form[novalidate] button[type=submit]").click()
    page.goto(f"{live_server}/result")
    reasons = page.locator("details.why ul").first
    assert not reasons.is_visible()  # closed on screen
    page.emulate_media(media="print")
    assert reasons.is_visible()
    after = page.locator("main a[href^='http']").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert "https://" in after
    shared = page.locator("ol.same-steps")
    assert shared.count() >= 1 and not shared.first.is_visible()
    assert page.locator(".same-note").first.is_visible()
    assert page.locator("header.top").is_hidden()
    context.close()
