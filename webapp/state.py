"""The person's answers: kept only in one signed, compressed cookie on their own device.

Two jobs: the cookie (StateSessionInterface: read, check, re-sign) and the answers in it
(convictions, person answers, language). Which answers count, and the engine's case made of
them, are walks.py's.

Nothing is written on the server. The cookie is signed (tamper-proof, not secret) with a
timestamp checked against the inactivity timeout, and its Max-Age is that same timeout, so the
browser itself drops it after a period of inactivity. Every change re-signs and re-sends it; a
request that changes nothing re-sends it only once its signature is REFRESH old (issue 7:
signing and sending it on every page cost time and bytes). Both clocks run from the last
signing, so answers are wiped between INACTIVITY - REFRESH and INACTIVITY after the last
request: never later than the 60 minutes the pages promise.

The state, by name (cookie_codec.py writes it with short keys, to fit one cookie, and
cookie_schema.py checks it whole before any of it is used):
    convictions  [{"number": 3, "where": "ca", "offense": "have", ...}, ...]: the number is
                 stable, each answer is named by its question's id in flow.yaml; "asked": the
                 record's answers a worker's follow-up asked and got "not sure" for
    person       {"registration": "n", ...}: the person-level answers
    next_number  the next conviction's number
    language     the chosen language
    typed        ["/c/1/year", [["year", "20x1"], ...], 1]: a form sent with errors, shown
                 once by the GET its 303 goes to (issue 15)
"""

from datetime import timedelta
from typing import cast

from flask import has_request_context, request, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import BadData, SignatureExpired, TimestampSigner
from werkzeug.http import dump_cookie

from rules.text import normalise

from . import cookie_codec, cookie_schema
from .i18n import LANGUAGES

INACTIVITY = timedelta(minutes=60)
REFRESH = timedelta(minutes=5)
# Chromium silently drops a cookie past about 4 KB (name, value and attributes): keep the
# value well under that, and refuse a change that would not fit rather than lose it.
COOKIE_BUDGET = 3800
MAX_CONVICTIONS = 50


class StateSession(SecureCookieSession):
    problem: str | None = None  # "tampered" or "expired": a cookie came but could not be read
    signed_at: int | None = None  # the signature's timestamp (seconds) of the cookie that came


class StateSessionInterface(SecureCookieSessionInterface):
    session_class = StateSession
    serializer = cookie_codec.SERIALIZER  # the state by name, the cookie by short key

    def get_cookie_secure(self, app):
        # Secure whenever the page came over HTTPS (directly, or via a proxy gunicorn trusts),
        # even if SESSION_COOKIE_SECURE was not set; plain http on a laptop still works.
        return super().get_cookie_secure(app) or (has_request_context() and request.is_secure)

    def get_signing_serializer(self, app):
        """Flask builds a new serializer on every call; one per key is enough."""
        key = (
            app.secret_key,
            tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()),
            app.config.get("SESSION_COOKIE_NAME"),
        )
        cached = getattr(self, "_serializer", None)
        if cached is None or cached[0] != key:
            serializer = super().get_signing_serializer(app)
            if serializer is not None:  # the cookie is inflated only up to a bound (issue 14)
                serializer = cookie_schema.bounded(serializer)
            cached = self._serializer = (key, serializer, serializer and serializer.make_signer())
        return cached[1]

    def open_session(self, app, request):
        if self.get_signing_serializer(app) is None:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        try:
            data, signed = self.get_signing_serializer(app).loads(
                value, max_age=int(INACTIVITY.total_seconds()), return_timestamp=True
            )
            if not well_formed(data):
                raise BadData("unexpected shape")
            opened = self.session_class(data)
            opened.signed_at = int(signed.timestamp())
            return opened
        except SignatureExpired:
            problem = "expired"
        except Exception:  # bad signature, base64/zlib/JSON, unknown key, shape: all unreadable
            problem = "tampered"
        fresh = self.session_class()
        fresh.problem = problem
        fresh.modified = True  # replaces the unreadable cookie
        return fresh

    def save_session(self, app, session, response):
        name = self.get_cookie_name(app)
        domain, path = self.get_cookie_domain(app), self.get_cookie_path(app)
        if request.endpoint != "static":
            # A static file is the same for everyone: varying on the cookie, which changes at
            # every step, had the browser fetch the favicon again each step (issue 15).
            response.vary.add("Cookie")
        if not session:
            if session.modified:
                response.delete_cookie(
                    name,
                    domain=domain,
                    path=path,
                    secure=self.get_cookie_secure(app),
                    httponly=True,
                    samesite=self.get_cookie_samesite(app),
                )
            return
        if not session.modified and self.fresh(app, session):
            return  # the browser's copy is the same answers, signed less than REFRESH ago
        # Max-Age alone (every browser in use honours it): no Expires date to format and send.
        response.headers.add(
            "Set-Cookie",
            dump_cookie(
                name,
                self.get_signing_serializer(app).dumps(dict(session)),
                max_age=int(INACTIVITY.total_seconds()),
                httponly=True,
                domain=domain,
                path=path,
                secure=self.get_cookie_secure(app),
                samesite=self.get_cookie_samesite(app),
                sync_expires=False,
                max_size=response.max_cookie_size,
            ),
        )

    def fresh(self, app, session):
        """True if the cookie that came need not be re-sent yet (signed less than REFRESH ago)."""
        signed_at = session.signed_at
        if signed_at is None:
            return False
        # The signer's clock, as the expiry check uses it; a signature from the future is stale.
        self.get_signing_serializer(app)
        now = cast(TimestampSigner, self._serializer[2]).get_timestamp()
        return 0 <= now - signed_at < REFRESH.total_seconds()


def well_formed(data):
    """Only a state this app could have written is used: one schema for the whole cookie
    (cookie_schema.py). A signed cookie from an older version, or with odd contents, is
    treated like an unreadable one."""
    return cookie_schema.valid(data, LANGUAGES, MAX_CONVICTIONS)


def cookie_size(app):
    """Bytes the state cookie's value would take now."""
    serializer = app.session_interface.get_signing_serializer(app)
    return len(serializer.dumps(dict(session)))


def fits(app):
    return cookie_size(app) <= COOKIE_BUDGET


# --- convictions -------------------------------------------------------------------------


def convictions():
    return session.get("convictions", [])


def find(number):
    return next((c for c in convictions() if c["number"] == number), None)


def can_add():
    return len(convictions()) < MAX_CONVICTIONS


def add_conviction(answers=None):
    """A new conviction, with `answers` already given (flow.NOT_CANNABIS), numbered next."""
    number = session.get("next_number", 1)
    session["convictions"] = [*convictions(), {**(answers or {}), "number": number}]
    session["next_number"] = number + 1
    return number


def remove_conviction(number):
    session["convictions"] = [c for c in convictions() if c["number"] != number]


def person_answers():
    return session.get("person", {})


def save_answers(number, values):
    """Store a screen's answers (None removes one) for conviction `number`, or the person."""
    if number is None:
        target = dict(person_answers())
    else:
        target = {k: v for k, v in find(number).items()}
    for key, value in values.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    if number is None:
        session["person"] = target
    else:
        session["convictions"] = [target if c["number"] == number else c for c in convictions()]


def restore_answers(number, before):
    """Put back what save_answers changed (`before`: find(number), or person_answers())."""
    if number is None:
        session["person"] = before
    else:
        session["convictions"] = [before if c["number"] == number else c for c in convictions()]


# Worker mode asks the person, on the follow-up page, a fact the record left unknown when it
# decides the row (the age, a date). "Not sure" there is kept as the same "u" the table stores,
# so which of them were already asked is noted beside the answers: asked once, never again.
ASKED = "asked"


def asked_already(conviction):
    """The answers (by name) of this conviction's record facts the follow-up page asked."""
    return conviction.get(ASKED, "").split()


def note_asked(number, name):
    asked = asked_already(find(number))
    if name not in asked:  # one string, "age happened": answers stay flat (walks.py hashes them)
        save_answers(number, {ASKED: " ".join([*asked, name])})


def wipe():
    language = session.get("language")
    session.clear()
    if language:
        session["language"] = language


# --- a form sent with errors, kept for the one GET after its 303 ------------------------------

# What the form carried that is not the person's: never kept.
NOT_TYPED = ("csrf_token", "switch_to")


def keep_typed(path, form, check=True):
    """Keep what was just sent to `path` (with errors: `check`), for the page its 303 shows:
    post/redirect/get even after an error, so Back never offers to send the form again."""
    # Within what the cookie's schema accepts (cookie_schema._typed): a question's few fields.
    pairs = [
        [typed_text(k), typed_text(v)] for k, v in form.items(multi=True) if k not in NOT_TYPED
    ][:8]
    keep_form(path, pairs, check)


def keep_form(path, pairs, check=True):
    """Keep [[field, text], ...], already canonical, for the one GET of `path` after a 303."""
    session["typed"] = [path, pairs, int(check)]


def typed_text(value):
    """Canonical, as every string the cookie holds (rules.text.normalise, the one reader's).
    The form's values were normalised at the edge (edge.py), so what is shown again is what was
    read, not something else in its place."""
    return normalise(value)[:100]


def take_typed(path):
    """(form pairs, check) kept for `path`, once; None when nothing was kept for it."""
    kept = session.get("typed")
    if not kept:
        return None
    session.pop("typed")
    if not (isinstance(kept, list) and len(kept) == 3 and kept[0] == path):
        return None
    return [tuple(pair) for pair in kept[1] if isinstance(pair, list) and len(pair) == 2], bool(
        kept[2]
    )
