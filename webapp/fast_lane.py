"""Question pages served outside Flask's request cycle, when everything they need is warm (issue 7).

Most requests are a GET of the next question. Its page is a skeleton cached once per language
(speed.py) with a few values filled in; Flask's request cycle (a request context, proxies,
Headers objects, hooks) cost more than the page itself. This WSGI middleware, in front of the
Flask app, makes that one response directly, from the same pieces the view uses:

  the answers cookie, read and checked by state.py's session interface;
  the walk to the question (state.conviction_walk / state.person_walk, views.way_back);
  the skeleton, the catalog and the form-token serializer from speed.py's caches;
  the headers security.py, assets.py and views.respond would add.

It declines (returns None, and Flask serves the request as before) whenever the answer could be
anything but a plain 200 page: another method or address, a query string, a body, a cookie that
is missing, unreadable, expired or due to be re-signed, a question that does not apply or does
not exist, a language whose skeleton or catalog is not cached yet (Flask fills the caches), or a
value the skeleton cannot take. tests/webapp/test_fast_lane.py checks that every page it makes
is the one Flask makes, byte for byte and header for header.

Like speed.py it keeps nothing: every value read from the request is gone with the response.
"""
import logging
import re

from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header, parse_cookie

import rules

from . import assets, conditions, forms, i18n, security, speed, state, views
from .flow import BY_ID

log = logging.getLogger(__name__)

CONVICTION_QUESTION = re.compile(r"/c/([1-9][0-9]{0,8})/([a-z][a-z-]*)\Z")
PERSON_QUESTION = re.compile(r"/about-you/([a-z][a-z-]*)\Z")
CONTENT_TYPE = "text/html; charset=utf-8"
VARY = "HX-Request, Accept-Encoding, Cookie"  # as views.respond, assets.lighten, state add it


class Declined(Exception):
    """Flask serves this request."""


class FastLane:
    def __init__(self, app, flask_wsgi_app):
        self.app = app
        self.flask_wsgi_app = flask_wsgi_app
        self.addresses = app.url_map.bind("localhost")  # url_for's rules, without a request
        document = list(security.HEADERS.items())
        self.headers = document + [("Cache-Control", "no-store")]
        self.secure_headers = document + [("Strict-Transport-Security", security.HSTS),
                                          ("Cache-Control", "no-store")]

    def __call__(self, environ, start_response):
        if self.candidate(environ):
            try:
                status, headers, body = self.page(environ)
            except Declined:
                pass
            except Exception as error:  # never a 500 from here: Flask serves it instead
                if self.app.testing:
                    raise
                log.error("fast lane: %s; Flask served the page", type(error).__name__)
            else:
                # As Flask's teardown does (it runs when Flask serves instead): typed text is
                # not kept in the engine's parse caches.
                rules.forget_inputs()
                start_response(status, headers)
                return [body]
        return self.flask_wsgi_app(environ, start_response)

    def candidate(self, environ):
        """A plain GET of a question's address, with nothing Flask must look at."""
        return (environ.get("REQUEST_METHOD") == "GET" and not environ.get("QUERY_STRING")
                and not environ.get("SCRIPT_NAME") and not environ.get("CONTENT_TYPE")
                and environ.get("CONTENT_LENGTH") in (None, "", "0")
                and "HTTP_TRANSFER_ENCODING" not in environ
                and environ.get("PATH_INFO", "")[:3] in ("/c/", "/ab")
                and speed.fast_pages(self.app))

    def page(self, environ):
        path = environ["PATH_INFO"]
        app = self.app
        interface = app.session_interface
        value = parse_cookie(environ.get("HTTP_COOKIE")).get(interface.get_cookie_name(app))
        if not value:
            raise Declined
        try:
            answers, signed_at = interface.read(app, value)
        except Exception:
            raise Declined from None  # Flask shows the unreadable or expired page
        if not interface.fresh_since(app, signed_at):
            raise Declined  # Flask re-signs it
        code = self.language(answers, environ)
        caches = speed.caches(app)
        catalog = caches["catalogs"].get(code)
        if catalog is None:
            raise Declined
        convictions = answers.get("c", [])
        as_of = views.today()
        with conditions.one_page():
            screen, kept, back, caption = self.question(path, answers, convictions, as_of,
                                                        catalog)
        htmx = environ.get("HTTP_HX_REQUEST")
        fragment = htmx == "true" and environ.get("HTTP_HX_HISTORY_RESTORE_REQUEST") != "true"
        skeleton = caches["skeletons"].get(speed.skeleton_key(
            code, "", views.template_for(screen), screen.id, fragment))
        if skeleton is None:
            raise Declined
        html = speed.fill(skeleton, screen, forms.stored(screen, kept), back, caption, path,
                          lambda: self.form_token(answers))
        if html is None:
            raise Declined
        return "200 OK", *self.response(environ, html.encode(), path, fragment,
                                        bool(htmx and convictions))

    def question(self, path, answers, convictions, as_of, catalog):
        """(screen, kept answers, the way back, the caption) as views.question and
        views.person_question find them."""
        found = CONVICTION_QUESTION.match(path)
        if found:
            number = int(found.group(1))
            screen = BY_ID["conviction"].get(found.group(2))
            place = views.position(number, convictions)
            if screen is None or place is None:
                raise Declined  # 404
            screens, kept = state.conviction_walk(convictions[place - 1], as_of, until=screen)
        else:
            found = PERSON_QUESTION.match(path)
            screen = found and BY_ID["person"].get(found.group(1))
            if not screen or not convictions:
                raise Declined  # 404, or back to the start
            number = place = None
            screens, kept = state.person_walk(state.kept_cases(convictions, as_of),
                                              answers.get("p", {}), as_of)
        if screen not in screens:
            raise Declined  # an earlier answer means it does not apply: Flask redirects
        back = views.way_back(number, screens, screen, False, len(convictions), self.address)

        def gettext(string, **variables):  # Flask-Babel's, from the cached catalog
            translated = catalog.ugettext(string)
            return translated % variables if variables else translated

        return screen, kept, back, views.caption_for(place, gettext)

    def address(self, endpoint, **values):
        return self.addresses.build(endpoint, values)

    def language(self, answers, environ):
        """i18n.select_locale, from the cookie's answers and the request's header."""
        return i18n.choose(answers.get("l"), parse_accept_header(
            environ.get("HTTP_ACCEPT_LANGUAGE"), LanguageAccept))

    def form_token(self, answers):
        """speed.csrf_token: this visit's form token, signed now."""
        token = speed.signed_token(self.app, answers)
        if token is None:
            raise Declined  # Flask-WTF makes the visit's first token
        return token

    def response(self, environ, body, path, fragment, answers_kept):
        """(headers, body) as views.respond and the after_request hooks make them."""
        headers = [("Content-Type", CONTENT_TYPE), None, ("Vary", VARY)]
        if fragment:
            headers.append(("HX-Push-Url", path))
        if answers_kept:
            headers.append(("X-Answers-Kept", "1"))
        encoding = assets.chosen_encoding(parse_accept_header(environ.get("HTTP_ACCEPT_ENCODING")))
        if encoding and len(body) >= assets.SMALLEST:
            body = assets.compress(body, encoding, assets.PAGE_LEVEL[encoding])
            headers.append(("Content-Encoding", encoding))
        headers[1] = ("Content-Length", str(len(body)))
        secure = environ.get("wsgi.url_scheme") == "https"
        headers += self.secure_headers if secure else self.headers
        return headers, body


def init(app):
    """Put the fast lane in front of the Flask app (after any other middleware is set)."""
    app.wsgi_app = FastLane(app, app.wsgi_app)
