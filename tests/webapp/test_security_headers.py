"""Security headers on every route (pages, fragments, redirects, errors, static files), the
cookie's attributes, and the signing key's rules."""

import re

import pytest
from test_questions import POSSESSION_2011
from webwalk import add_conviction, finish

from webapp import create_app, security

KEY = "headers-key"
ORIGIN = re.compile(r"https?:|\*|data:|blob:|'unsafe-|'strict-dynamic'")


def over_https(app):
    """As gunicorn presents a request that came through a trusted HTTPS proxy."""
    inner = app.wsgi_app

    def wsgi_app(environ, start_response):
        environ["wsgi.url_scheme"] = "https"
        return inner(environ, start_response)

    app.wsgi_app = wsgi_app
    return app


def answered_client(scheme="http"):
    app = create_app({"TESTING": True, "SECRET_KEY": KEY, "WTF_CSRF_ENABLED": False})
    if scheme == "https":
        over_https(app)
    client = app.test_client()
    assert add_conviction(client, POSSESSION_2011, first=True) == "/convictions"
    assert finish(client, {}) == "/check"
    return app, client


def every_request(app):
    """(method, url) for every rule in the app, with sample arguments, and some that fail."""
    samples = {"code": "es", "number": 1, "question_id": "where", "filename": "css/app.css"}
    found = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            url = app.url_for(rule.endpoint, **{a: samples[a] for a in rule.arguments})
            found += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    found += [
        ("GET", "/about-you/registration"),
        ("GET", "/nowhere"),
        ("PUT", "/check"),
        ("GET", "/c/99/where"),
        ("POST", "/c/1/where"),
    ]
    return found


def check_headers(response, secure):
    headers = response.headers
    redirect = 300 <= response.status_code < 400
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    if not redirect:
        csp = headers["Content-Security-Policy"]
        assert csp == security.CONTENT_SECURITY_POLICY
        assert not ORIGIN.search(csp), csp  # no third-party origin, no unsafe-inline/eval
        assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
        assert "camera=()" in headers["Permissions-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
    if response.mimetype in ("text/html", "text/plain"):
        assert headers["Cache-Control"] == "no-store"
    if secure:
        assert headers["Strict-Transport-Security"].startswith("max-age=63072000")
    else:
        assert "Strict-Transport-Security" not in headers
    for cookie in headers.getlist("Set-Cookie"):
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert ("Secure" in cookie) == secure


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_every_route_sends_the_headers(scheme):
    app, client = answered_client(scheme)
    checked = 0
    for method, url in every_request(app):
        data = {"answer": "y"} if method == "POST" else None
        if url in ("/start-over", "/exit"):
            continue  # they wipe the answers: checked last
        with client.open(url, method=method, data=data) as response:
            check_headers(response, secure=scheme == "https")
            checked += 1
    for url in ("/start-over", "/exit"):
        check_headers(client.post(url), secure=scheme == "https")
    assert checked >= 25


def test_htmx_fragments_get_the_headers_too():
    _app, client = answered_client()
    response = client.get("/check", headers={"HX-Request": "true"})
    assert "<!doctype" not in response.get_data(as_text=True)
    check_headers(response, secure=False)


def test_pages_that_show_answers_are_never_cached():
    _app, client = answered_client()
    for url in ("/check", "/result", "/summary.txt", "/c/1/where", "/convictions"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
        assert "Cookie" in response.headers["Vary"]


def test_behind_a_trusted_https_proxy_the_cookie_is_secure_and_hsts_sent():
    app = over_https(create_app({"SECRET_KEY": KEY}))
    response = app.test_client().get("/")
    assert "Secure" in response.headers["Set-Cookie"]
    assert "Strict-Transport-Security" in response.headers


# --- the signing key --------------------------------------------------------------------------


@pytest.fixture
def no_env(monkeypatch):
    for name in ("SECRET_KEY", "FLASK_DEBUG", "FLASK_ENV", "COOKIE_SECURE"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_without_a_key_only_debug_and_tests_use_the_marked_development_key(no_env):
    with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
        create_app()
    assert create_app({"TESTING": True}).secret_key == security.DEV_SECRET_KEY
    no_env.setenv("FLASK_DEBUG", "1")
    assert create_app().secret_key == security.DEV_SECRET_KEY
    assert "never-use-in-production" in security.DEV_SECRET_KEY


@pytest.mark.parametrize("config", [{}, {"TESTING": True}, {"SECRET_KEY": security.DEV_SECRET_KEY}])
def test_production_refuses_a_missing_or_development_key(no_env, config):
    no_env.setenv("FLASK_ENV", "production")
    no_env.setenv("FLASK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="production"):
        create_app(config)


def test_production_with_a_key_starts_and_marks_the_cookie_secure(no_env):
    no_env.setenv("FLASK_ENV", "production")
    no_env.setenv("SECRET_KEY", "a-real-32-byte-key-from-the-environment")
    app = create_app()
    assert app.secret_key == "a-real-32-byte-key-from-the-environment"
    assert "Secure" in app.test_client().get("/").headers["Set-Cookie"]


@pytest.mark.parametrize("key", ["a", "x" * 31, "é" * 15])
def test_production_refuses_a_key_under_32_bytes(no_env, key):
    no_env.setenv("FLASK_ENV", "production")
    no_env.setenv("SECRET_KEY", key)
    with pytest.raises(RuntimeError, match="at least 32 bytes"):
        create_app()
    no_env.setenv("SECRET_KEY", "x" * 32)
    assert create_app().secret_key == "x" * 32


# --- redirects never follow a forged Host header ------------------------------------------------


def test_a_slash_redirect_stays_on_this_site_whatever_the_host_header():
    client = create_app({"TESTING": True, "SECRET_KEY": KEY}).test_client()
    response = client.get("/worker", headers={"Host": "evil.example"})
    assert response.status_code == 308
    assert response.headers["Location"] == "/worker/"
    # Quick exit's neutral site is another host on purpose and stays absolute.
    assert client.get("/exit").headers["Location"].startswith("https://")
