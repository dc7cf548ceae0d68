"""What every page of the site is made with: the day the law is applied as of, rendering a
page (a full page, or for htmx only what goes inside <main>), and the answer to a POST.

Every HTML page goes through `render` and `respond`: a header or a value every page needs is
added here (or, for every response, in an after_request hook of security.py / assets.py).
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app, make_response, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_htmx import HTMX

htmx = HTMX()
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
    """The answer to a POST (post/redirect/get): back and refresh never send a form again."""
    return redirect(location, code=303)
