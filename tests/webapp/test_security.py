"""Security basics: headers, CSRF, size limits, friendly error pages that leak nothing."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from webwalk import text_of

from webapp import create_app

ROOT = Path(__file__).resolve().parents[2]
HTMX_SHA384 = "2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"


@pytest.fixture
def guarded():
    """The app as served: CSRF on."""
    return create_app({"TESTING": True, "SECRET_KEY": "test-key"}).test_client()


def csrf_token(client, url="/"):
    return re.search(
        r'name="csrf_token" value="([^"]+)"', client.get(url).get_data(as_text=True)
    ).group(1)


def test_every_page_sends_the_security_headers(client):
    for url in ("/", "/nowhere", "/static/css/app.css"):
        with client.get(url) as response:
            headers = response.headers
        csp = headers["Content-Security-Policy"]
        for part in (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
            "form-action 'self'",
        ):
            assert part in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in headers["Permissions-Policy"]
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_no_inline_script_or_style_anywhere(client):
    client.post("/begin")
    for url in ("/", "/c/1/where", "/convictions", "/nowhere"):
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html)
        assert "<style" not in html and " style=" not in html and " on" + "click=" not in html


def test_a_post_without_the_csrf_token_shows_the_question_again_filled_in(guarded):
    token = csrf_token(guarded)
    assert guarded.post("/begin", data={"csrf_token": token}).status_code == 303
    guarded.post("/c/1/where", data={"csrf_token": token, "answer": "ca"})
    response = guarded.post("/c/1/court", data={"answer": "adult"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "open for too long" in text_of(response)
    # The same question, with what was sent ticked but not saved, and a fresh token.
    assert 'value="adult" checked' in html and 'name="csrf_token"' in html
    assert 'value="adult" checked' not in guarded.get("/c/1/court").get_data(as_text=True)
    assert 'value="ca" checked' in guarded.get("/c/1/where").get_data(as_text=True)
    fresh = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    assert (
        guarded.post("/c/1/court", data={"csrf_token": fresh, "answer": "adult"}).status_code == 303
    )


def test_with_the_token_the_walk_works(guarded):
    token = csrf_token(guarded)
    response = guarded.post("/begin", data={"csrf_token": token})
    assert response.status_code == 303
    token = csrf_token(guarded, "/c/1/where")
    assert guarded.post("/c/1/where", data={"csrf_token": token, "answer": "ca"}).status_code == 303


def test_a_huge_body_is_refused_with_a_translated_413(client):
    client.post("/begin")
    response = client.post("/c/1/where", data={"answer": "x" * 100_000})
    assert response.status_code == 413 and "too large" in text_of(response)


def test_wrong_method_is_a_friendly_405(client):
    response = client.get("/begin")
    assert response.status_code == 405 and "That did not work" in text_of(response)


def test_a_crash_shows_a_page_that_leaks_nothing(app):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail HS 11359")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    page = text_of(response)
    assert (
        "something went wrong" in page and "secret detail" not in page and "Traceback" not in page
    )


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


def test_vendored_htmx_is_the_pinned_file():
    data = (ROOT / "static/vendor/htmx-2.0.11.min.js").read_bytes()
    assert base64.b64encode(hashlib.sha384(data).digest()).decode() == HTMX_SHA384
    assert (ROOT / "static/vendor/htmx-LICENSE").exists()


def test_pages_load_htmx_with_its_integrity_hash(client):
    html = client.get("/").get_data(as_text=True)
    assert f'integrity="sha384-{HTMX_SHA384}"' in html
    assert '"includeIndicatorStyles":false' in html
    assert '"historyCacheSize":0' in html  # no page snapshot (with answers) in localStorage


def test_pages_stay_small(client):
    assert len((ROOT / "static/css/app.css").read_bytes()) < 6 * 1024
    client.post("/begin")
    assert len(client.get("/c/1/where").data) < 8 * 1024


def test_favicon_is_served(client):
    with client.get("/favicon.ico") as response:
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
