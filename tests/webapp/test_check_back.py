""" "Remind me to check" and /check-back: a reminder that says nothing about the person.

The calendar file, the text message and the e-mail are made from the interval, the language
and the /check-back address only: two people with different answers get the same bytes.
"""

import logging
import re
import tempfile
from datetime import date
from html import unescape
from urllib.parse import parse_qs, unquote, urlsplit

import icalendar
import pytest
import test_privacy as audit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_privacy import served  # noqa: F401 (the app behind a real HTTP server)
from webwalk import case_named, text_of, walk_case

from checkback import reminder
from webapp import create_app

TODAY = date(2026, 1, 31)
EXAMPLES = (
    "01-possession-2011-dismissed-automatically",
    "02-sale-felony-2013-reduced",
    "03-possession-for-sale-serving-super-strike-needs-review",
    "06-federal",
)
LANGUAGES = ("en", "es", "zh_Hant", "fa")


@pytest.fixture
def app():
    """The app as of TODAY (app.config["TODAY"], the app's own clock): a 31st, so that month
    ends are tested."""
    return create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test-key",
            "TODAY": lambda: TODAY,
        }
    )


def remind_block(html):
    match = re.search(r'<section class="remind.*?</section>', html, re.S)
    assert match, "the result page has no reminder block"
    return match.group(0)


def links(block):
    return {
        unescape(text): unescape(href)
        for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', block)
    }


def test_the_result_page_offers_a_reminder_after_the_steps_that_works_without_javascript(client):
    html = walk_case(client, case_named("02-sale-felony-2013-reduced"))
    block = remind_block(html)
    assert html.index("Check your record") < html.index('class="remind')
    # A plain GET form (no script, no htmx swap of a file into the page), one radio a choice.
    form = re.search(r'<form method="get" action="([^"]+)"', block)
    assert form and 'hx-boost="false"' in block
    assert re.findall(r'name="months" value="(\d+)"', block) == ["1", "3", "6"]
    assert re.search(r'value="3" checked', block)
    # What the browser sends when the button is pressed with "6 months" chosen.
    response = client.get(form.group(1) + "?months=6")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"] == 'attachment; filename="reminder.ics"'
    event = icalendar.Calendar.from_ical(response.data).walk("VEVENT")[0]
    assert event["DTSTART"].dt.date() == date(2026, 7, 31)
    found = links(block)
    assert found["Send the reminder to yourself by text message"].startswith("sms:?&body=")
    assert found["Send the reminder to yourself by e-mail"].startswith("mailto:?subject=")
    assert client.get(found["How to see whether your record changed"]).status_code == 200


def test_the_text_message_and_e_mail_carry_the_neutral_text_and_the_check_back_address(client):
    walk_case(client, case_named("01-possession-2011-dismissed-automatically"))
    found = links(remind_block(client.get("/result").get_data(as_text=True)))
    sms = found["Send the reminder to yourself by text message"]
    body = unquote(sms.split("body=", 1)[1])
    assert body == (
        "A reminder you set for yourself: time to check your papers. "
        "How to do it: http://localhost/check-back"
    )
    mail = parse_qs(urlsplit(found["Send the reminder to yourself by e-mail"]).query)
    assert mail == {"subject": ["Check your papers"], "body": [body]}


@pytest.mark.parametrize(
    "months, day", [(1, date(2026, 2, 28)), (3, date(2026, 4, 30)), (6, date(2026, 7, 31))]
)
def test_the_calendar_file_is_rfc_5545_with_an_alarm_on_the_chosen_day(client, months, day):
    response = client.get(f"/remind.ics?months={months}")
    raw = response.data
    # RFC 5545 3.1: CRLF line ends, lines at most 75 octets.
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(raw)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    (event,) = cal.walk("VEVENT")
    for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION"):
        assert required in event, required
    assert event["DTSTART"].dt.date() == day
    assert event["DTSTAMP"].dt.date() == TODAY
    assert str(event["SUMMARY"]) == "Check your papers"
    assert str(event["URL"]) == "http://localhost/check-back"
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY" and alarm["DESCRIPTION"] and "TRIGGER" in alarm


@pytest.mark.parametrize("months", ["2", "12", "abc", "-1", "3; DROP"])
def test_an_interval_that_is_not_offered_is_a_plain_not_found_page(client, months):
    response = client.get("/remind.ics", query_string={"months": months})
    assert response.status_code == 404 and "Page not found" in text_of(response)


def test_months_later_keeps_the_day_or_takes_the_months_last_day():
    assert reminder.months_later(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert reminder.months_later(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert reminder.months_later(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert reminder.months_later(date(2026, 12, 31), 6) == date(2027, 6, 30)


# --- the property: the reminder never depends on the answers --------------------------------

STATES = {}


def state(name):
    """A client holding one example's answers (or none), walked once per test run."""
    if name not in STATES:
        app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "test-key"})
        client = app.test_client()
        if name != "no answers":
            walk_case(client, case_named(name))
        STATES[name] = client
    return STATES[name]


def reminder_outputs(client, months, language):
    client.get(f"/language/{language}")
    calendar_file = client.get(f"/remind.ics?months={months}").data
    html = client.get("/result").get_data(as_text=True)
    block = remind_block(html) if 'class="remind' in html else None
    return calendar_file, (None if block is None else sorted(links(block).values()))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    first=st.sampled_from(("no answers", *EXAMPLES)),
    second=st.sampled_from(EXAMPLES),
    months=st.sampled_from(reminder.INTERVALS),
    language=st.sampled_from(LANGUAGES),
)
def test_any_two_answer_states_give_byte_identical_reminders(first, second, months, language):
    one, other = (
        reminder_outputs(state(first), months, language),
        reminder_outputs(state(second), months, language),
    )
    assert one[0] == other[0]  # the .ics, byte for byte
    if one[1] is not None:  # a person with no answers has no result page
        assert one[1] == other[1]  # the sms: and mailto: links, character for character


# --- /check-back ------------------------------------------------------------------------------


def test_check_back_says_how_to_see_whether_the_record_changed(client):
    response = client.get("/check-back")
    assert response.status_code == 200
    text = text_of(response)
    for words in (
        "BCIA 8016RR",
        "Live Scan",
        "$25.00",
        "fee waiver",
        "RELIEF GRANTED",
        "DISMISSED",
        "county sheriff",
        "superior court",
        "Answer the questions again",
    ):
        assert words in text, words


def test_check_back_opens_whatever_the_cookie_holds(client):
    client.set_cookie("fs", "not-a-signed-cookie")
    response = client.get("/check-back")
    assert response.status_code == 200
    assert "How to see whether your record changed" in text_of(response)


def test_check_back_is_the_same_page_for_everyone(client):
    before = client.get("/check-back").get_data(as_text=True)
    walk_case(client, case_named("03-possession-for-sale-serving-super-strike-needs-review"))
    assert client.get("/check-back").get_data(as_text=True).replace(" data-armed", "") == before


# --- privacy: the reminder pages, served for real, log no answer and write nothing ------------


def test_the_reminder_pages_log_no_answer_and_write_nothing(served, monkeypatch, caplog, tmp_path):
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    caplog.set_level(logging.DEBUG)
    for name in ("webapp", "werkzeug", "flask", "babel"):
        caplog.set_level(logging.DEBUG, logger=name)
    audit.walk(served, [])
    before = audit.tree([*audit.APP_DIRS, audit.ROOT / "checkback"])
    audit.ATTEMPTS[:] = []
    audit.RECORDING.set()
    try:
        pages = [
            served.get(path)
            for path in ("/result", "/remind.ics?months=1", "/remind.ics?months=6", "/check-back")
        ]
    finally:
        audit.RECORDING.clear()
    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    assert b"BEGIN:VCALENDAR" in pages[1].get_data()
    records = [
        r
        for r in caplog.records
        if "/remind.ics" in r.getMessage() or "/check-back" in r.getMessage()
    ]
    assert records, "the server logged no request line: the check would be empty"
    for record in caplog.records:
        for secret in audit.SECRETS:
            assert secret not in record.getMessage(), record.getMessage()
    for page in pages[1:]:
        for secret in audit.SECRETS:
            assert secret not in page.get_data(as_text=True)
    assert audit.ATTEMPTS == []
    assert audit.tree([*audit.APP_DIRS, audit.ROOT / "checkback"]) == before
    assert list(private_tmp.iterdir()) == []


def test_behind_a_proxy_the_reminder_carries_the_public_address():
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "test-key", "PUBLIC_URL": "https://freshstart.example.org/"}
    )
    calendar_file = app.test_client().get("/remind.ics?months=1").data
    event = icalendar.Calendar.from_ical(calendar_file).walk("VEVENT")[0]
    assert str(event["URL"]) == "https://freshstart.example.org/check-back"
    assert str(event["DESCRIPTION"]).endswith(
        "How to do it: https://freshstart.example.org/check-back"
    )
