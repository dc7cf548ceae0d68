"""What every page of the site is made with: the day the law is applied as of, rendering a
page (a full page, or for htmx only what goes inside <main>), and the answer to a POST.

Every HTML page goes through `render` and `respond`: a header or a value every page needs is
added here (or, for every response, in an after_request hook of security.py / assets.py).
"""

from datetime import datetime
from io import BytesIO
from typing import Any, cast
from zoneinfo import ZoneInfo

from flask import current_app, make_response, redirect, render_template, request, session
from flask.ctx import RequestContext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_htmx import HTMX

htmx = HTMX()
# What a POST's environ holds that the GET made from it must not (werkzeug.request: the parsed
# request, cached in the environ).
FORM_ONLY = ("CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_CONTENT_TYPE", "werkzeug.request")
CALIFORNIA = ZoneInfo("America/Los_Angeles")
FULL = _l(
    "Your answers are at the most this tool can keep at one time. Remove a conviction you do not need, or ask a legal aid worker for help with many convictions."
)


def california_today():
    """The day in California: the law is applied as of this date (the engine never reads it)."""
    return datetime.now(CALIFORNIA).date()


def today():
    """This request's day: app.config["TODAY"]() if it is set (a test's day), else California's."""
    chosen = current_app.config.get("TODAY")
    return chosen() if chosen else california_today()


def is_fragment():
    return bool(htmx) and not htmx.history_restore_request


def render(template, title, status=200, errors=(), **context):
    """A full page, or for htmx only the content of <main> (same template)."""
    fragment = is_fragment()
    context.setdefault("heading", title)  # the page's h1 stays plain when the title says Error
    if errors:
        title = _("Error: %(title)s", title=title)
    html = render_template(template, title=title, fragment=fragment, errors=errors, **context)
    return respond(html, status, fragment)


def respond(html, status, fragment):
    response = make_response(html, status)
    response.vary.add("HX-Request")
    if fragment:
        where = request.full_path.rstrip("?")
        response.headers["HX-Replace-Url" if request.method == "POST" else "HX-Push-Url"] = where
    return response


def see_other(location):
    """The answer to a POST (post/redirect/get): back and refresh never send a form again.

    A POST from htmx gets the next page itself (its fragment, with HX-Push-Url) instead: on a
    slow phone the 303 and the GET that follows it were a second round trip every step
    (issue 15). htmx keeps history by the pushed URL, so Back never re-sends the form."""
    if request.method == "POST" and is_fragment():
        return the_page_at(location)
    return redirect(location, code=303)


def the_page_at(location, hops=5):
    """What a GET of `location` (on this site) answers, made here, with the answers this POST
    just saved: the same view, in a fresh request context that shares only this session."""
    app = cast(Any, current_app)._get_current_object()  # the app itself, not the proxy
    path, _sep, query = location.partition("?")
    if not path.startswith("/") or path.startswith("//"):
        return redirect(location, code=303)
    # This request's environ (its host, scheme, headers: HX-Request too) as a GET of `path`.
    environ = {k: v for k, v in request.environ.items() if k not in FORM_ONLY}
    environ.update(
        REQUEST_METHOD="GET",
        PATH_INFO=path.removeprefix(request.script_root),
        QUERY_STRING=query,
        CONTENT_LENGTH="0",
    )
    environ["wsgi.input"] = BytesIO()
    # The answers (and the language) as this POST left them: the one session object.
    with (
        app.app_context(),
        RequestContext(app, environ, session=cast(Any, session)._get_current_object()),
    ):
        answer = app.make_response(app.preprocess_request() or app.dispatch_request())
    onward = answer.headers.get("Location") if answer.status_code in (302, 303) else None
    if onward and hops:
        return the_page_at(onward, hops - 1)
    return answer
