"""In a real browser, JavaScript on and off: "Remind me to check" downloads the calendar file for
the chosen interval, and the check-back link opens the page, without htmx swapping either."""

from datetime import date

import icalendar
import pytest
from test_walk import example, fill, walk
from webwalk import answers_for_case, person_answers

pytestmark = pytest.mark.slow
TODAY = date(2026, 3, 31)


@pytest.fixture(autouse=True)
def fixed_today(live_app, monkeypatch):
    # The live server's app: its own clock says TODAY for this test.
    monkeypatch.setitem(live_app.config, "TODAY", lambda: TODAY)


@pytest.mark.parametrize(
    "phone",
    [("Pixel 7", True), ("iPhone SE", False)],
    indirect=True,
    ids=["Pixel 7-js", "iPhone SE-nojs"],
)
def test_the_reminder_downloads_for_the_chosen_interval(phone, live_server, request):
    page = phone
    javascript = request.node.callspec.params["phone"][1]
    case, _expected = example("02-sale-felony-2013-reduced")
    page.goto(live_server + "/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/c/1/where")
    assert (
        walk(page, live_server, answers_for_case(case["convictions"][0]), javascript)
        == "/convictions"
    )
    fill(page, {"answer": "n"})
    assert walk(page, live_server, person_answers(case["person"]), javascript) == "/check"
    page.get_by_role("link", name="See my result").click()
    page.wait_for_url("**/result")
    page.get_by_label("6 months").check()
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download a calendar reminder").click()
    download = waiting.value
    assert download.suggested_filename == "reminder.ics"
    with open(download.path(), "rb") as handle:
        event = icalendar.Calendar.from_ical(handle.read()).walk("VEVENT")[0]
    assert event["DTSTART"].dt.date() == date(2026, 9, 30)
    assert str(event["SUMMARY"]) == "Check your papers"
    assert page.url.endswith("/result")  # the page stayed; nothing was swapped into it
    page.get_by_role("link", name="How to see whether your record changed").click()
    page.wait_for_url("**/check-back")
    assert page.locator("h1").inner_text() == "How to see whether your record changed"
