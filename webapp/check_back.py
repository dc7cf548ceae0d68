""" "Remind me to check" (the result page's block) and the static /check-back page.

What leaves here never depends on the answers: the reminder is the interval, the language's
fixed neutral text (checkback/texts.py) and the /check-back address. The interval travels in a
GET query (it says nothing about the person); nothing is stored or logged.
"""

import os

from flask import Blueprint, abort, current_app, make_response, request, url_for
from flask_babel import format_currency
from flask_babel import gettext as _

from checkback import reminder, texts
from rules import law

from . import pages, summary

bp = Blueprint("check_back", __name__)
ENDPOINTS = {"check_back.page", "check_back.calendar"}
# The result page's "To pick up later" block words (shared with the plain-text summary).
bp.record_once(lambda setup: setup.app.jinja_env.globals.update(pick_up=summary.PICK_UP))


def public_address(endpoint):
    """The page's full address for a reminder read elsewhere, months later. Behind a proxy the
    request's own host and scheme may be internal ones: PUBLIC_URL (config or environment,
    e.g. https://freshstart.example.org) says what the public one is."""
    public = current_app.config.get("PUBLIC_URL") or os.environ.get("PUBLIC_URL")
    if public:
        return public.rstrip("/") + url_for(endpoint)
    return url_for(endpoint, _external=True)


def reminder_text():
    return _(texts.REMINDER_TEXT, address=public_address("check_back.page"))


@bp.app_template_global()
def check_back_address():
    """What the reminder block shows besides its words: the result page keeps the block
    rendered once per language and this address (i18n.same_for_everyone)."""
    return public_address("check_back.page")


@bp.app_template_global()
def reminder_links():
    """What the result page's block shows: the same for every person in one language."""
    title, text = _(texts.REMINDER_TITLE), reminder_text()
    return {
        "title": title,
        "intervals": reminder.INTERVALS,
        "default": reminder.DEFAULT_INTERVAL,
        "sms": reminder.sms_link(text),
        "mailto": reminder.mailto_link(title, text),
    }


@bp.get("/remind.ics")
def calendar():
    written = request.args.get("months", str(reminder.DEFAULT_INTERVAL))
    if written not in {str(months) for months in reminder.INTERVALS}:
        abort(404)
    months = int(written)
    body = reminder.calendar_file(
        pages.today(),
        months,
        _(texts.REMINDER_TITLE),
        reminder_text(),
        public_address("check_back.page"),
    )
    response = make_response(body)
    response.mimetype = "text/calendar"
    # A neutral file name too: it shows in the phone's downloads.
    response.headers["Content-Disposition"] = 'attachment; filename="reminder.ics"'
    return response


@bp.get("/check-back")
def page():
    return pages.render(
        "check_back.html",
        _(texts.CHECK_BACK_TITLE),
        intro=_(texts.CHECK_BACK_INTRO),
        sections=texts.check_back_sections(
            _,
            format_currency(law.RECORD_REVIEW_FEE_DOLLARS.current, "USD"),
            again_address=public_address("flow.start"),
        ),
    )
