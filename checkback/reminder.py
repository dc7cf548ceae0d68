""" "Remind me to check": a calendar file, a text message and an e-mail, all made from the
interval, the language's fixed neutral text and the /check-back address, never from answers.

Pure: the caller passes today (the web app's clock, a test's date) and the translated texts.
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import quote

import icalendar

INTERVALS = (1, 3, 6)  # months, the choices on the result page
DEFAULT_INTERVAL = 3
PRODID = "-//Fresh Start//Check back//EN"
REMIND_AT = time(10, 0)  # floating local time: 10 in the morning wherever the phone is


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day (31 January + 1 month = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def calendar_file(today: date, months: int, title: str, text: str, address: str) -> bytes:
    """An RFC 5545 VCALENDAR: one 15-minute event `months` after today with a display alarm.

    Every value is a function of the arguments, so the same day, interval and language give
    the same bytes (the UID too: a hash of them, with no person in it)."""
    start = datetime.combine(months_later(today, months), REMIND_AT)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    event = icalendar.Event()
    seed = f"{start.isoformat()}|{title}|{text}|{address}".encode()
    event.add("uid", hashlib.sha256(seed).hexdigest()[:32] + "@fresh-start")
    event.add("dtstamp", datetime.combine(today, time(0, 0)).replace(tzinfo=UTC))
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=15))
    event.add("summary", title)
    event.add("description", text)
    event.add("url", address)
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    cal.add_component(event)
    return cal.to_ical()


def sms_link(text: str) -> str:
    """An sms: link with no number (the person picks one, or themselves): RFC 5724 body."""
    return "sms:?&body=" + quote(text, safe="")


def mailto_link(title: str, text: str) -> str:
    """A mailto: link with no address (RFC 6068): subject and body only."""
    return f"mailto:?subject={quote(title, safe='')}&body={quote(text, safe='')}"
