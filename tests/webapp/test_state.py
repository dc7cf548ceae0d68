"""Answers live only in one signed cookie: its attributes, expiry, tampering, wiping."""

import re
from datetime import timedelta

import pytest
from test_questions import POSSESSION_2011
from webwalk import add_conviction, session_cookie, text_of

from webapp import state


@pytest.fixture
def answered(client):
    assert add_conviction(client, POSSESSION_2011, first=True) == "/convictions"
    return client


def set_cookie_header(response):
    return next(v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("fs="))


def test_cookie_is_httponly_samesite_and_expires_after_inactivity(client):
    header = set_cookie_header(client.post("/begin"))
    assert "HttpOnly" in header and "SameSite=Lax" in header
    assert "Max-Age=3600" in header
    assert "Secure" not in header  # local http; production sets COOKIE_SECURE=1


def test_cookie_is_secure_in_production(monkeypatch):
    from webapp import create_app

    monkeypatch.setenv("COOKIE_SECURE", "1")
    app = create_app({"SECRET_KEY": "production-key"})
    page = app.test_client().get("/")
    assert "Secure" in set_cookie_header(page)


def test_the_answers_cookie_carries_the_60_minute_inactivity_max_age(answered):
    # When it is re-sent is tested in test_perf_cookie.py (on change, or once 5 minutes old).
    assert "Max-Age=3600" in set_cookie_header(answered.get("/convictions"))


def test_a_tampered_cookie_gets_a_friendly_page_not_a_500(answered):
    value = session_cookie(answered)
    answered.set_cookie("fs", value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
    response = answered.get("/check")
    assert response.status_code == 400
    page = text_of(response)
    assert "could not be read" in page and "Start again" in page
    # The unreadable cookie is replaced: the next page starts clean.
    assert answered.get("/check").status_code == 303


@pytest.mark.parametrize(
    "value", ["", "garbage", ".eJw.", "eJyrVkrOz0vOTy9WslJQKkktLlGqBQA5-Qa7.Z.bad", "x" * 3000]
)
def test_truncated_or_garbage_cookie_is_friendly(client, value):
    client.set_cookie("fs", value)
    response = client.get("/convictions")
    assert response.status_code in (200, 400)
    if value:
        assert response.status_code == 400 and "could not be read" in text_of(response)


def test_a_cookie_signed_with_another_key_is_refused(answered):
    from webapp import create_app

    other = create_app({"TESTING": True, "SECRET_KEY": "another-key"}).test_client()
    other.set_cookie("fs", session_cookie(answered))
    assert other.get("/check").status_code == 400


def test_an_expired_cookie_says_so_and_offers_to_start_again(answered, monkeypatch):
    monkeypatch.setattr(state, "INACTIVITY", timedelta(seconds=-1))
    response = answered.get("/check")
    assert "have expired" in text_of(response)
    assert "Start again" in text_of(response)


def test_start_over_asks_first_and_the_question_keeps_the_answers(answered):
    header = answered.get("/c/1/level").get_data(as_text=True)
    link = re.search(r'<a class="start-over" id="start-over" href="([^"]+)"', header).group(1)
    asked = answered.get(link.replace("&amp;", "&"))
    assert asked.status_code == 200
    page = asked.get_data(as_text=True)
    assert "Delete your answers and start over?" in text_of(page)
    assert re.search(r'<form method="post" action="/start-over">', page)
    no = re.search(r'<a href="([^"]+)">No, keep my answers</a>', page).group(1)
    assert no == "/c/1/level"  # back where the person was
    assert answered.get("/check").status_code == 200  # asking deleted nothing


def test_start_over_wipes_everything_and_says_so_once(answered):
    response = answered.post("/start-over")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    start = text_of(answered.get("/"))
    assert "Your answers were deleted." in start and "Start now" in start
    assert "Your answers were deleted." not in text_of(answered.get("/"))
    assert answered.get("/check").headers["Location"] == "/"


@pytest.mark.parametrize("method", ["get", "post"])
def test_quick_exit_leaves_at_once_and_wipes(answered, method):
    response = getattr(answered, method)("/exit")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://www.google.com/"
    assert session_cookie(answered) is None


def test_nothing_is_written_to_disk(answered, tmp_path, monkeypatch):
    """Walking and showing a result opens no file for writing."""
    import builtins

    real_open = builtins.open

    def guarded_open(file, mode="r", *args, **kwargs):
        assert not any(flag in mode for flag in "wax+"), f"wrote {file}"
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    answered.post("/convictions", data={"answer": "n"})
    for screen in ("registration", "supervision", "pending"):
        answered.post(f"/about-you/{screen}", data={"answer": "n"})
    assert answered.get("/result").status_code == 200


def test_no_answer_appears_in_logs(answered, caplog):
    caplog.set_level("DEBUG")
    answered.post("/c/1/offense", data={"answer": "have", "detail": "HS 11357(c)"})
    answered.get("/check")
    assert "11357(c)" not in caplog.text


def test_a_cookie_written_before_answers_had_names_still_reads(client):
    """The app names every answer (`where`, `code_section`); the cookie keeps the short keys it
    always had (cookie_codec.py). A person mid-walk when the app is updated keeps their answers."""
    from flask.sessions import SecureCookieSessionInterface

    app = client.application
    plain = SecureCookieSessionInterface().get_signing_serializer(app)  # no names: the keys
    earlier = {
        "c": [{"i": 4, "w": "ca", "j": "adult", "k": "47", "o": "pfs", "s": "HS 11359(b)"}],
        "n": 5,
        "l": "es",
    }
    client.set_cookie("fs", plain.dumps(earlier))
    page = client.get("/convictions")
    assert page.status_code == 200 and '<html lang="es"' in page.get_data(as_text=True)
    assert "HS 11359(b)" in text_of(page)
    assert client.get("/c/4/county").get_data(as_text=True).count('value="47" selected') == 1
    # What the app writes back is the same keys, none longer.
    client.post("/c/4/level", data={"answer": "fel"})
    written = plain.loads(session_cookie(client))
    assert written["c"] == [{**earlier["c"][0], "l": "fel"}] and written["n"] == 5


def test_a_cookie_with_a_key_this_app_never_writes_is_unreadable(client):
    from flask.sessions import SecureCookieSessionInterface

    plain = SecureCookieSessionInterface().get_signing_serializer(client.application)
    client.set_cookie("fs", plain.dumps({"c": [{"i": 1, "w": "ca", "zz": "1"}], "n": 2}))
    response = client.get("/convictions")
    assert response.status_code == 400 and "could not be read" in text_of(response)
