"""The answers cookie is re-signed and re-sent only when it changes, or once it is REFRESH old
(issue 7), and answers are still wiped within the promised 60 minutes of inactivity."""

import itsdangerous
import pytest
from webwalk import first_question, session_cookie, text_of

from webapp import state

REFRESH = int(state.REFRESH.total_seconds())
INACTIVITY = int(state.INACTIVITY.total_seconds())


@pytest.fixture
def clock(monkeypatch):
    """Seconds to add to the server's signing clock (what the expiry check reads too)."""
    offset = {"s": 0}
    real = itsdangerous.timed.TimestampSigner.get_timestamp
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: real(self) + offset["s"]
    )
    return offset


def set_cookies(response):
    return [v for k, v in response.headers.items() if k == "Set-Cookie" and v.startswith("fs=")]


@pytest.fixture
def started(client):
    return first_question(client)  # the first page with a form adds the CSRF secret: signed again


def test_a_page_that_changes_nothing_does_not_resend_the_cookie(started):
    before = session_cookie(started)
    response = started.get("/c/1/where")
    assert response.status_code == 200 and set_cookies(response) == []
    assert "Cookie" in response.headers["Vary"]
    assert session_cookie(started) == before


def test_an_answer_is_signed_and_sent_at_once(started):
    before = session_cookie(started)
    response = started.post("/c/1/where", data={"answer": "ca"})
    assert response.status_code == 303 and len(set_cookies(response)) == 1
    assert session_cookie(started) != before
    assert 'value="ca" checked' in started.get("/c/1/where").get_data(as_text=True)


def test_a_cookie_older_than_refresh_is_resent_with_max_age_and_no_expires_date(started, clock):
    clock["s"] = REFRESH - 2
    assert set_cookies(started.get("/c/1/where")) == []
    clock["s"] = REFRESH + 1
    [header] = set_cookies(started.get("/c/1/where"))
    assert f"Max-Age={INACTIVITY}" in header and "Expires" not in header
    assert "HttpOnly" in header and "SameSite=Lax" in header


def test_answers_are_wiped_within_the_promised_inactivity(started, clock):
    """Requests that change nothing keep the last signature: the answers go between
    INACTIVITY - REFRESH and INACTIVITY after the last request, never later."""
    started.post("/c/1/where", data={"answer": "ca"})  # signed at 0
    clock["s"] = REFRESH - 10
    assert started.get("/c/1/court").status_code == 200  # last request; not re-signed
    clock["s"] = INACTIVITY - 10  # INACTIVITY - REFRESH after the last request: still kept
    # (a browser would send it too: its Max-Age counts from the same signing)
    value = session_cookie(started)
    assert "have expired" not in text_of(started.get("/check"))
    started.set_cookie("fs", value)
    clock["s"] = INACTIVITY + 1  # just past INACTIVITY after the signing: gone
    response = started.get("/check")
    assert "have expired" in text_of(response)


def test_activity_keeps_the_answers_alive_past_the_first_hour(started, clock):
    for minute in range(0, 130, 4):  # a request every 4 minutes for two hours
        clock["s"] = minute * 60
        response = started.get("/c/1/where")
        assert response.status_code == 200 and "have expired" not in text_of(response), minute


def test_a_cookie_from_the_future_is_signed_again(started, clock):
    clock["s"] = -INACTIVITY  # the server's clock went back: re-sign rather than trust it
    assert len(set_cookies(started.get("/c/1/where"))) == 1
