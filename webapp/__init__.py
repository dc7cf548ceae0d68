"""Fresh Start's questionnaire: create_app() builds the Flask app.

Nothing about a person is stored on the server: answers live in one signed cookie
(state.py), and no handler writes a file, a database row or a log line with an answer.
"""

import os

from flask import Flask, request, session
from flask_babel import get_locale
from flask_wtf.csrf import CSRFProtect

import rules

from . import (
    assets,
    check_back,
    edge,
    errors,
    form_token,
    i18n,
    logging_conf,
    refused_answers,
    security,
    state,
    worker,
)
from .navigation import resume_url
from .pages import htmx
from .views import bp


def create_app(test_config=None):
    app = Flask(__name__, static_folder="../static", static_url_path="/static")
    app.request_class = edge.TypedRequest  # every form value normalised once, before any view
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
        # The day the law is applied as of: a callable giving a date (pages.today); unset, the
        # day in California.
        TODAY=None,
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
    form_token.init(app)
    htmx.init_app(app)
    app.register_blueprint(bp)
    app.register_blueprint(worker.bp)
    # A stored answer the engine refuses: that question again, every other answer kept.
    refused_answers.init(app)
    app.register_blueprint(check_back.bp)

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
            **back_to_language(locale),
        }

    def back_to_language(locale):
        """On an English page reached by "Read this page in English": the way back, named in
        that language ("Idioma: Español")."""
        back = session.get("english_from") if locale == "en" else None
        if back not in i18n.LANGUAGES:
            return {"back_language": None}
        word = i18n.language_words().get(back, "Language")
        return {"back_language": back, "back_words": f"{word}: {i18n.LANGUAGES[back]}"}

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
        """ "Keep my answers": the answers cookie, re-signed on the way out, starts its
        60 minutes again (webapp/state.py). Nothing else changes."""
        if state.convictions():
            session.modified = True  # re-sign now, however recently it was signed
        return "", 204

    def this_page():
        """This page's own address, for the language links. A page that answers a POST-only
        address (an error after "Remove") has none: the links go where the answers carry on."""
        if request.method == "GET":
            return request.full_path.rstrip("?")
        if request.url_rule is not None and "GET" in (request.url_rule.methods or ()):
            return request.path
        return resume_url()

    app.register_blueprint(errors.bp)  # after CSRFProtect: its check runs first
    return app
