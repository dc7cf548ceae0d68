"""Privacy and security for every request (issue 6): headers, input limits, the signing key.

Headers are one small after_request rather than flask-talisman: the policy is static, has no
nonces, and needs one twist talisman does not offer (document-only headers are left off
redirects to keep each answer's round trip small, issue 7). docs/security.md explains.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from flask import abort, request

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
        "magnetometer=(), microphone=(), payment=(), usb=()"
    ),
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# Two years, the preload list's minimum; sent only over HTTPS, where browsers honour it.
HSTS = "max-age=63072000; includeSubDomains"
# These apply to a document. A redirect is never rendered, and one follows every answer: on a
# phone their 350 bytes each add up (issue 7). Referrer-Policy stays: it governs the redirect.
DOCUMENT_ONLY = {
    "Content-Security-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
}

# The largest honest form is worker mode's follow-up page: 50 convictions x 22 questions.
MAX_FIELDS = 1200
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"
MIN_SECRET_KEY_BYTES = 32


def same_site_location(response):
    """A redirect the app built from the request's Host header becomes a relative one.

    Werkzeug's slash redirect (`/worker` -> `/worker/`) is absolute, made from the Host header,
    so a forged Host sent it off-site (issue 14). Every redirect of ours goes to this site: the
    browser resolves a path against the address it asked for, whatever Host said. Quick exit's
    neutral site is another host and stays absolute.
    """
    location = urlsplit(response.headers["Location"])
    if location.netloc and location.netloc.lower() == request.host.lower():
        response.headers["Location"] = urlunsplit(
            ("", "", location.path or "/", location.query, "")
        )


def add_headers(response):
    redirect = 300 <= response.status_code < 400 and "Location" in response.headers
    if redirect:
        same_site_location(response)
    for name, value in HEADERS.items():
        if not (redirect and name in DOCUMENT_ONLY):
            response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
    # Pages hold the person's answers: never cache them. Static files may be cached.
    if response.mimetype in ("text/html", "text/plain"):
        response.headers["Cache-Control"] = "no-store"
    return response


def refuse_too_many_fields():
    """Werkzeug counts multipart parts (MAX_FORM_PARTS) but not url-encoded fields: count both."""
    if (
        request.mimetype in FORM_TYPES
        and sum(len(v) for _k, v in request.form.lists()) > MAX_FIELDS
    ):
        abort(413)


def production(app):
    """FLASK_ENV=production (or the app's ENV config) forbids every development shortcut."""
    return "production" in (os.environ.get("FLASK_ENV"), app.config.get("ENV"))


def require_secret_key(app, testing, debug):
    """The answers cookie is signed with SECRET_KEY: production must bring its own.

    Without one, only tests and the debug server (FLASK_DEBUG=1) fall back to the clearly
    named development key, and never when FLASK_ENV says production.
    """
    key = app.config.get("SECRET_KEY")
    if production(app) and (not key or key == DEV_SECRET_KEY):
        raise RuntimeError(
            "SECRET_KEY must be set in production (the answers cookie is signed with it)"
        )
    # A short key can be guessed offline from one signed cookie; 32 bytes is a SHA-256 block's
    # worth of secret (`secrets.token_hex(32)` gives 64).
    if production(app) and len(key.encode("utf-8")) < MIN_SECRET_KEY_BYTES:
        raise RuntimeError(
            f"SECRET_KEY must be at least {MIN_SECRET_KEY_BYTES} bytes in production "
            "(python3 -c 'import secrets; print(secrets.token_hex(32))')"
        )
    if not key:
        if not (testing or debug):
            raise RuntimeError("SECRET_KEY must be set (the answers cookie is signed with it)")
        app.config["SECRET_KEY"] = DEV_SECRET_KEY
    if production(app):
        app.config["SESSION_COOKIE_SECURE"] = True


class CloseAfterRefusedBody:
    """A 413 leaves the body unread in the socket: say `Connection: close`, then close.

    gunicorn drops a `Connection` header set by the app and decides itself; its response object
    is the `start_response` it hands us, and `force_close()` makes it send `close` (issue 14:
    it said keep-alive, then dropped the connection when the unread body came in as garbage).
    Other servers (Werkzeug's, nginx in front) are left to their own handling.
    """

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            if status.startswith("413"):
                force_close = getattr(
                    getattr(start_response, "__self__", None), "force_close", None
                )
                if callable(force_close):
                    force_close()
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)


def init(app):
    app.wsgi_app = CloseAfterRefusedBody(app.wsgi_app)
    app.config["MAX_FORM_PARTS"] = MAX_FIELDS
    app.config["MAX_FORM_MEMORY_SIZE"] = app.config["MAX_CONTENT_LENGTH"]
    app.before_request(refuse_too_many_fields)
    app.after_request(add_headers)
