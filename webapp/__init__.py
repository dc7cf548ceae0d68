"""Fresh Start's questionnaire: create_app() builds the Flask app.

Nothing about a person is stored on the server: answers live in one signed cookie
(state.py), and no handler writes a file, a database row or a log line with an answer.
"""
import logging
import os

from flask import Flask, current_app, g, request, session
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException

import rules

from . import assets, fast_lane, i18n, logging_conf, refused_answers, security, speed, state
from . import worker
from .views import bp, htmx, question_url, render, resume_url, see_other, today

log = logging.getLogger(__name__)

ERRORS = {
    400: (_l("Something was wrong with that request"),
          _l("Please go back and try again. Your answers are still here.")),
    404: (_l("Page not found"),
          _l("This page does not exist. Check the address, or go back to your questions.")),
    405: (_l("That did not work"),
          _l("This page cannot be used that way. Please go back and try again.")),
    413: (_l("That was too much to send"),
          _l("The form you sent was too large. Please go back and try again with a shorter answer.")),
    500: (_l("Sorry, something went wrong on our side"),
          _l("It is not your fault. Please try again in a few minutes.")),
}
UNREADABLE = {
    "tampered": (_l("Your answers could not be read"),
                 _l("Your answers could not be read, so they were wiped. Please start again.")),
    "expired": (_l("Your answers have expired"),
                _l("To protect your privacy, answers are wiped after 60 minutes without activity. Please start again.")),
}
CSRF = (_l("This page was open for too long"),
        _l("For your safety, please go back to the page and send it again. Your answers are still here. This tool needs cookies to be allowed for this site."))
# The browser dropped the cookie (60 minutes without activity) or never kept it: nothing to keep.
CSRF_NO_ANSWERS = _l("Your answers were wiped after 60 minutes without activity, to protect your privacy, or this browser does not keep cookies for this site. Please start again.")
# Questions shown again, filled in with what was just sent (unsaved; the token is renewed).
RESEND = {"flow.question", "flow.person_question"}
RESEND_MESSAGE = _l("This page was open for too long, so your answer was not saved yet. For your safety, please check it and send it again. Your other answers are still here.")
PASS_THROUGH = {"static", "flow.quick_exit", "flow.favicon", "flow.language"}


def create_app(test_config=None):
    app = Flask(__name__, static_folder="../static", static_url_path="/static")
    testing = bool(test_config and test_config.get("TESTING"))
    debug = os.environ.get("FLASK_DEBUG") == "1"
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY"),
        SESSION_COOKIE_NAME="fs",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=os.environ.get("COOKIE_SECURE") == "1"
        or os.environ.get("PREFERRED_URL_SCHEME") == "https",
        PERMANENT_SESSION_LIFETIME=state.INACTIVITY,
        MAX_CONTENT_LENGTH=64 * 1024,
        # The session itself expires after inactivity; a token inside it needs no other clock.
        WTF_CSRF_TIME_LIMIT=None,
        # We send Referrer-Policy: no-referrer, so the HTTPS Referer check would always fail;
        # the signed token and SameSite=Lax protect the forms.
        WTF_CSRF_SSL_STRICT=False,
        # Every message a person can see is our own (forms.py); Flask-WTF's own catalog would
        # be read from disk on every request, about 15 % of a question page's time (issue 7).
        WTF_I18N_ENABLED=False,
        BABEL_TRANSLATION_DIRECTORIES=os.path.join(os.path.dirname(__file__), "..", "translations"),
    )
    if test_config:
        app.config.update(test_config)
    security.require_secret_key(app, testing, debug)
    logging_conf.configure()
    app.session_interface = state.StateSessionInterface()

    i18n.init(app)
    security.init(app)
    assets.init(app)
    CSRFProtect(app)
    speed.init(app)
    htmx.init_app(app)
    app.register_blueprint(bp)
    app.register_blueprint(worker.bp)
    # A stored answer the engine refuses: that question again, every other answer kept.
    refused_answers.init(app, today, question_url, see_other, render)

    @app.context_processor
    def page_globals():
        locale = str(get_locale() or "en")
        return {
            "languages": i18n.LANGUAGES,
            "language_words": i18n.language_words(),
            "keeps_answers": bool(state.convictions()),
            "locale": locale,
            "html_lang": i18n.html_lang(locale),
            "text_direction": i18n.text_direction(locale),
            "here": this_page(),
        }

    @app.teardown_request
    def forget_typed_text(_error):
        # Store nothing: the engine's parse caches would otherwise keep typed sections and dates.
        rules.forget_inputs()

    @app.after_request
    def say_answers_are_kept(response):
        # For app.js's inactivity warning after an htmx step (the header is outside <main>).
        if request.headers.get("HX-Request") and state.convictions():
            response.headers["X-Answers-Kept"] = "1"
        return response

    @app.post("/keep")
    def keep():
        """"Keep my answers": the answers cookie, re-signed on the way out, starts its
        60 minutes again (webapp/state.py). Nothing else changes."""
        if state.convictions():
            session.modified = True  # re-sign now, however recently it was signed
        return "", 204

    def this_page():
        """This page's own address, for the language links. A page that answers a POST-only
        address (an error after "Remove") has none: the links go where the answers carry on."""
        if request.method == "GET":
            return request.full_path.rstrip("?")
        if request.url_rule is not None and "GET" in request.url_rule.methods:
            return request.path
        return resume_url()

    def unreadable_page(problem):
        title, message = UNREADABLE[problem]
        return render("error.html", str(title), status=400 if problem == "tampered" else 200,
                      message=message, offer_start=True)

    @app.before_request
    def unreadable_state():
        problem = getattr(session, "problem", None)
        if problem and request.endpoint not in PASS_THROUGH:
            return unreadable_page(problem)

    @app.errorhandler(CSRFError)
    def stale_form(error):
        # CSRF is checked before unreadable_state runs: an expired cookie lands here first.
        problem = getattr(session, "problem", None)
        if problem:
            return unreadable_page(problem)
        title, message = CSRF
        if request.endpoint == "worker.record":
            # The table being typed is in the POST body: show it again rather than lose it.
            response = worker.views.show_record(worker.views.posted_rows(request.form),
                                                errors=[("code-1", RESEND_MESSAGE)])
            response.status_code = 400
            return response
        if not state.convictions() and request.endpoint != "flow.start_over":
            return render("error.html", str(title), status=400, message=CSRF_NO_ANSWERS,
                          offer_start=True)
        if request.endpoint in RESEND:
            # The answers are in the cookie; what was just sent comes back filled in, unsaved.
            g.stale_form = RESEND_MESSAGE
            try:
                return current_app.view_functions[request.endpoint](**request.view_args)
            except HTTPException as problem:  # e.g. a conviction number that does not exist
                return http_error(problem)
        return render("error.html", str(title), status=400, message=message,
                      back=request.path, offer_start=request.endpoint == "flow.start_over")

    @app.errorhandler(HTTPException)
    def http_error(error):
        code = error.code if error.code in ERRORS else 400
        title, message = ERRORS[code]
        return render("error.html", str(title), status=error.code or 400, message=message)

    @app.errorhandler(Exception)
    def server_error(error):
        # The traceback names code, never answers; the request body and cookie are not logged.
        log.error("unhandled error on %s %s", request.method, request.path, exc_info=error)
        title, message = ERRORS[500]
        return render("error.html", str(title), status=500, message=message)

    fast_lane.init(app)
    return app
