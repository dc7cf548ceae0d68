"""WCAG 2.2.1: answers are wiped after 60 minutes without activity; the page warns first and
lets the person keep them with one button, without losing what they typed."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("phone", [("iPhone SE", True)], indirect=True)
def test_the_page_warns_before_answers_are_wiped_and_keep_renews_them(phone, live_server):
    page = phone
    page.clock.install()
    page.goto(live_server + "/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/c/1/where")
    warning = page.locator("#timeout-warning")
    page.locator("label", has_text="federal").first.click()  # typed but not sent yet
    page.clock.run_for("44:00")
    assert warning.is_hidden()
    page.clock.run_for("02:00")
    assert warning.is_visible()
    assert "wiped" in warning.inner_text()
    with page.expect_response("**/keep") as kept:
        page.get_by_role("button", name="Keep my answers").click()
    assert kept.value.status == 204
    assert any(
        h.startswith("fs=")
        for h in kept.value.headers_array()
        and [x["value"] for x in kept.value.headers_array() if x["name"].lower() == "set-cookie"]
    )
    page.wait_for_function("document.getElementById('timeout-warning').hidden")
    assert page.locator("input[type=radio]:checked").count() == 1  # nothing typed was lost


@pytest.mark.parametrize("phone", [("iPhone SE", True)], indirect=True)
def test_no_warning_on_the_start_page_where_there_is_nothing_to_wipe(phone, live_server):
    page = phone
    page.clock.install()
    page.goto(live_server + "/")
    page.clock.run_for("02:00:00")
    assert page.locator("#timeout-warning").is_hidden()
