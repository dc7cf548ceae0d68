"""Error pages, in the page's language and never with a traceback: HTTP errors, a form sent
after too long (CSRF), an answers cookie that cannot be read or has expired, and any fault.

Nothing about a person is logged: a fault's log line names the code, never an answer.
"""

import logging

from flask import Blueprint, current_app, g, request, session
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from rules.reasons import N_  # the catalogs' marker: translated where shown

from . import state, worker
from .check_back import ENDPOINTS as CHECK_BACK_PAGES
from .pages import render

bp = Blueprint("errors", __name__)
log = logging.getLogger(__name__)

# Marked N_ (extracted by scripts/i18n.sh) and translated where shown: the app pages below, and
# the fixed pages nginx and gunicorn answer with before the app reads a request (refusals.py).
MESSAGES = {
    400: (
        N_("Something was wrong with that request"),
        N_("Please go back and try again. Your answers are still here."),
    ),
    404: (
        N_("Page not found"),
        N_("This page does not exist. Check the address, or go back to your questions."),
    ),
    405: (
        N_("That did not work"),
        N_("This page cannot be used that way. Please go back and try again."),
    ),
    413: (
        N_("That was too much to send"),
        N_("The form you sent was too large. Please go back and try again with a shorter answer."),
    ),
    500: (
        N_("Sorry, something went wrong on our side"),
        N_("It is not your fault. Please try again in a few minutes."),
    ),
}
ERRORS = {status: (_l(title), _l(advice)) for status, (title, advice) in MESSAGES.items()}
UNREADABLE = {
    "tampered": (
        _l("Your answers could not be read"),
        _l("Your answers could not be read, so they were wiped. Please start again."),
    ),
    "expired": (
        _l("Your answers have expired"),
        _l(
            "To protect your privacy, answers are wiped after 60 minutes without activity. Please start again."
        ),
    ),
}
CSRF = (
    _l("This page was open for too long"),
    _l(
        "For your safety, please go back to the page and send it again. Your answers are still here. This tool needs cookies to be allowed for this site."
    ),
)
# The browser dropped the cookie (60 minutes without activity) or never kept it: nothing to keep.
CSRF_NO_ANSWERS = _l(
    "Your answers were wiped after 60 minutes without activity, to protect your privacy, or this browser does not keep cookies for this site. Please start again."
)
# Questions shown again, filled in with what was just sent (unsaved; the token is renewed).
RESEND = {"flow.question", "flow.person_question"}
RESEND_MESSAGE = _l(
    "This page was open for too long, so your answer was not saved yet. For your safety, please check it and send it again. Your other answers are still here."
)
# The check-back page is opened months later from a reminder: an old cookie must not stop it.
PASS_THROUGH = {"static", "flow.quick_exit", "flow.favicon", "flow.language", *CHECK_BACK_PAGES}


def unreadable_page(problem):
    title, message = UNREADABLE[problem]
    return render(
        "error.html",
        str(title),
        status=400 if problem == "tampered" else 200,
        message=message,
        offer_start=True,
    )


@bp.before_app_request
def unreadable_state():
    problem = getattr(session, "problem", None)
    if problem and request.endpoint not in PASS_THROUGH:
        return unreadable_page(problem)


@bp.app_errorhandler(CSRFError)
def stale_form(error):
    # CSRF is checked before unreadable_state runs: an expired cookie lands here first.
    problem = getattr(session, "problem", None)
    if problem:
        return unreadable_page(problem)
    title, message = CSRF
    if request.endpoint == "worker.record":
        # The table being typed is in the POST body: show it again rather than lose it.
        response = worker.views.show_record(
            worker.views.posted_rows(request.form), errors=[("code-1", RESEND_MESSAGE)]
        )
        response.status_code = 400
        return response
    if not state.convictions() and request.endpoint != "flow.start_over":
        return render(
            "error.html", str(title), status=400, message=CSRF_NO_ANSWERS, offer_start=True
        )
    if request.endpoint in RESEND:
        # The answers are in the cookie; what was just sent comes back filled in, unsaved.
        g.stale_form = RESEND_MESSAGE
        try:
            return current_app.view_functions[request.endpoint](**(request.view_args or {}))
        except HTTPException as problem:  # e.g. a conviction number that does not exist
            return http_error(problem)
    return render(
        "error.html",
        str(title),
        status=400,
        message=message,
        back=request.path,
        offer_start=request.endpoint == "flow.start_over",
    )


@bp.app_errorhandler(HTTPException)
def http_error(error):
    code = error.code if error.code in ERRORS else 400
    title, message = ERRORS[code]
    return render("error.html", str(title), status=error.code or 400, message=message)


@bp.app_errorhandler(Exception)
def server_error(error):
    # The traceback names code, never answers; the request body and cookie are not logged.
    log.error("unhandled error on %s %s", request.method, request.path, exc_info=error)
    title, message = ERRORS[500]
    return render("error.html", str(title), status=500, message=message)
