"""The visit's form token (Flask-WTF's CSRF token), made once per page.

CSRFProtect(app) checks the token of every POST before any view runs. Flask-WTF's own
generate_csrf builds its serializer (and the HMAC behind it) anew on every call; this gives the
same token from a serializer made once per key. The first page of a visit, which has to make the
secret kept in the session, and any configuration out of the ordinary go to Flask-WTF itself.
"""

from flask import current_app, g, session
from flask_wtf.csrf import generate_csrf
from itsdangerous import URLSafeTimedSerializer

SALT = "wtf-csrf-token"  # Flask-WTF's


def csrf_token():
    """flask_wtf.csrf.generate_csrf's token for this request."""
    app = current_app
    field = app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    if field in g:
        return g.get(field)
    secret = app.config.get("WTF_CSRF_SECRET_KEY", app.secret_key)
    if field not in session or not isinstance(secret, (str, bytes)):
        return generate_csrf()
    token = serializer(app, secret).dumps(session[field])
    setattr(g, field, token)
    return token


def serializer(app, secret):
    """Flask-WTF's form-token serializer for `secret`, made once."""
    made = app.extensions.setdefault("form_token", {})
    if secret not in made:
        made[secret] = URLSafeTimedSerializer(secret, salt=SALT)
    return made[secret]


def init(app):
    """After CSRFProtect(app), which installs its own csrf_token() as a global and through a
    context processor: both are replaced (a later context processor wins)."""
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.context_processor(lambda: {"csrf_token": csrf_token})
