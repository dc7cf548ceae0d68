"""The fast lane (webapp/fast_lane.py) makes a question page outside Flask's request cycle: it
must be the page Flask makes, status, headers and bytes, and leave every other request to Flask."""
import gzip
import logging
import re

import itsdangerous
import pytest
from webwalk import (change_links_of_longest_example, first_question, session_cookie, values_for,
                     walk_case)

import rules
from benchmarks import pages
from webapp import create_app, fast_lane, state
from webapp.flow import BY_ID

NOW = 1_790_000_000  # a fixed signing clock: both ways sign the same form token


@pytest.fixture
def frozen(monkeypatch):
    offset = {"s": 0}
    monkeypatch.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp",
                        lambda self: NOW + offset["s"])
    return offset


class FlaskCalls:
    """Counts the requests the fast lane handed to Flask."""

    def __init__(self, app):
        lane = app.wsgi_app
        self.count, inner = 0, lane.flask_wsgi_app

        def counted(environ, start_response):
            self.count += 1
            return inner(environ, start_response)

        lane.flask_wsgi_app = counted


@pytest.fixture
def flask_calls(app):
    return FlaskCalls(app)


def served(app, client, calls, url, headers, **options):
    """(response, True if the fast lane made it)."""
    before = calls.count
    response = client.get(url, headers=headers, **options)
    return response, calls.count == before


def same_page(app, client, calls, url, headers=None, **options):
    """The fast lane's page and Flask's (rendered in full) are identical; returns whether the
    fast lane made it."""
    headers = headers or {}
    app.config["FAST_PAGES"] = True
    client.get(url, headers=headers, **options)  # the first time, Flask fills the caches
    fast, by_lane = served(app, client, calls, url, headers, **options)
    app.config["FAST_PAGES"] = False
    slow = client.get(url, headers=headers, **options)
    app.config["FAST_PAGES"] = True
    assert fast.status_code == slow.status_code, url
    assert list(fast.headers) == list(slow.headers), (url, headers)
    assert fast.get_data() == slow.get_data(), (url, headers)
    return by_lane


def test_the_first_question_comes_from_the_fast_lane_and_is_flasks_page(app, client,
                                                                        flask_calls, frozen):
    first_question(client)
    for headers in ({}, {"Accept-Encoding": "gzip"}, {"Accept-Encoding": "gzip, br"},
                    {"HX-Request": "true", "Accept-Encoding": "gzip"},
                    {"HX-Request": "true", "HX-History-Restore-Request": "true"},
                    {"HX-Request": "yes"}):  # not htmx's "true": a full page, answers kept
        assert same_page(app, client, flask_calls, "/c/1/where", headers), headers


def test_over_https_the_page_carries_hsts_both_ways(app, client, flask_calls, frozen):
    client.post("/begin", base_url="https://localhost")
    client.get("/c/1/where", base_url="https://localhost")
    assert same_page(app, client, flask_calls, "/c/1/where", base_url="https://localhost")
    response = client.get("/c/1/where", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.parametrize("accept", ["es-MX,es;q=0.9", "zh-TW", "fa", "de, tl;q=0.5", ""])
def test_the_browsers_language_is_chosen_as_flask_babel_would(app, client, flask_calls, frozen,
                                                             accept):
    headers = {"Accept-Language": accept} if accept else {}
    client.post("/begin", headers=headers)
    client.get("/c/1/where", headers=headers)
    assert same_page(app, client, flask_calls, "/c/1/where", headers)


@pytest.mark.parametrize("code", ["en", "es", "fa", "zh_Hant"])
def test_every_question_with_every_answer_is_flasks_page(app, client, flask_calls, frozen, code):
    """Every question of the longest example, conviction and person, each answer it can hold,
    full page and fragment, gzip and none: the fast lane's page is Flask's, byte for byte."""
    links = [link.split("?")[0] for link in change_links_of_longest_example(client, code)]
    assert any(link.startswith("/about-you/") for link in links) and len(links) > 12
    by_lane = compared = 0
    for link in links:
        scope = "person" if link.startswith("/about-you/") else "conviction"
        screen = BY_ID[scope][link.rsplit("/", 1)[-1]]
        for value in [None, *values_for(screen)]:
            if value is not None:  # saved, or refused (a date after the conviction's)
                client.post(link + "?return=check", data=value)
            for headers in ({"Accept-Encoding": "gzip"}, {"HX-Request": "true"}):
                by_lane += same_page(app, client, flask_calls, link, headers)
                compared += 1
    assert compared > 100
    # Nearly all from the fast lane: a question an answer made irrelevant redirects (Flask).
    assert by_lane >= compared * 0.9, (by_lane, compared)


def test_a_second_conviction_says_conviction_2_and_goes_back_to_the_list(app, client,
                                                                         flask_calls, frozen):
    first_question(client)
    client.post("/c/1/where", data={"answer": "out"})  # another state: the walk ends there
    client.post("/convictions", data={"answer": "y"})
    client.get("/c/2/where")
    assert same_page(app, client, flask_calls, "/c/2/where")
    page = client.get("/c/2/where").get_data(as_text=True)
    assert "Conviction 2" in page and 'href="/convictions"' in page


def flask_served(client, calls, url, **options):
    before = calls.count
    response = client.get(url, **options)
    assert calls.count == before + 1, url
    return response


def test_everything_but_a_plain_question_page_is_left_to_flask(app, client, flask_calls, frozen):
    first_question(client)
    assert flask_served(client, flask_calls, "/c/1/where?return=check").status_code == 200
    assert flask_served(client, flask_calls, "/c/9/where").status_code == 404
    assert flask_served(client, flask_calls, "/c/1/nonsense").status_code == 404
    assert flask_served(client, flask_calls, "/c/01/where").status_code == 200
    assert flask_served(client, flask_calls, "/c/1/court").status_code == 303  # not yet asked
    assert flask_served(client, flask_calls, "/about-you/nonsense").status_code == 404
    assert flask_served(client, flask_calls, "/").status_code == 200
    before = flask_calls.count
    assert client.head("/c/1/where").status_code == 200
    assert client.post("/c/1/where", data={"answer": "ca"}).status_code == 303
    response = client.open("/c/1/court", method="GET", data={"answer": "x"},
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert flask_calls.count == before + 3


def test_a_language_not_yet_cached_is_made_by_flask_first(app, client, flask_calls, frozen):
    first_question(client)
    client.get("/lang/ko?next=/")
    flask_served(client, flask_calls, "/c/1/where")
    assert same_page(app, client, flask_calls, "/c/1/where")
    assert 'lang="ko"' in client.get("/c/1/where").get_data(as_text=True)


def test_no_cookie_a_tampered_or_expired_one_gets_flasks_pages(app, client, flask_calls, frozen):
    assert flask_served(client, flask_calls, "/c/1/where").status_code == 404
    first_question(client)
    good = session_cookie(client)
    client.set_cookie("fs", good[:-3] + "abc")
    tampered = flask_served(client, flask_calls, "/c/1/where")
    assert tampered.status_code == 400 and "could not be read" in tampered.get_data(as_text=True)
    client.set_cookie("fs", good)
    frozen["s"] = int(state.INACTIVITY.total_seconds()) + 1
    expired = flask_served(client, flask_calls, "/c/1/where")
    assert "expired" in expired.get_data(as_text=True)


def test_a_cookie_due_to_be_signed_again_is_signed_by_flask(app, client, flask_calls, frozen):
    first_question(client)
    frozen["s"] = int(state.REFRESH.total_seconds()) + 1
    response = flask_served(client, flask_calls, "/c/1/where")
    assert any(v.startswith("fs=") for k, v in response.headers.items() if k == "Set-Cookie")
    _response, by_lane = served(app, client, flask_calls, "/c/1/where", {})
    assert by_lane  # signed again just now: the next page is fast again


def test_while_templates_reload_or_with_fast_pages_off_flask_serves(app, client, flask_calls):
    first_question(client)
    app.config["FAST_PAGES"] = False
    flask_served(client, flask_calls, "/c/1/where")
    app.config["FAST_PAGES"] = True
    app.jinja_env.auto_reload = True
    flask_served(client, flask_calls, "/c/1/where")


def test_a_fault_in_the_fast_lane_is_never_a_500_and_its_message_is_not_logged(monkeypatch,
                                                                               caplog):
    served_app = create_app({"SECRET_KEY": "fault-key", "WTF_CSRF_ENABLED": False})
    calls = FlaskCalls(served_app)
    client = served_app.test_client()
    first_question(client)
    monkeypatch.setattr(fast_lane.FastLane, "question", lambda *a: 1 / 0)
    with caplog.at_level(logging.ERROR, logger="webapp.fast_lane"):
        response = flask_served(client, calls, "/c/1/where")
    assert response.status_code == 200  # Flask made the page instead
    assert "ZeroDivisionError" in caplog.text and "division by zero" not in caplog.text


def test_in_tests_a_fault_in_the_fast_lane_is_raised(app, client, monkeypatch):
    first_question(client)
    monkeypatch.setattr(fast_lane.FastLane, "question", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        client.get("/c/1/where")


def test_typed_text_is_not_kept_after_a_fast_page(app, client, flask_calls):
    """A person question walks every conviction through the engine, which parses the typed
    code sections and dates: those parse caches are emptied, as after a Flask request."""
    cases = pages.one_conviction_cases()
    walk_case(client, cases[max(cases, key=lambda n: len(pages.screen_answers(cases[n])))])
    check = client.get("/check").get_data(as_text=True)
    person = re.search(r'href="(/about-you/[^"?]+)\?return=check"', check).group(1)
    client.get(person)  # Flask fills the skeleton
    rules.forget_inputs()
    _response, by_lane = served(app, client, flask_calls, person, {})
    assert by_lane
    assert rules.parse_offense.cache_info().currsize == 0
    assert rules.dates.parse.cache_info().currsize == 0


def test_the_gzip_body_is_the_page(app, client, flask_calls, frozen):
    first_question(client)
    response, by_lane = served(app, client, flask_calls, "/c/1/where",
                               {"Accept-Encoding": "gzip"})
    assert by_lane and response.headers["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.get_data()).decode()
    assert html.startswith("<!doctype html>") and "Conviction 1" in html
    assert int(response.headers["Content-Length"]) == len(response.get_data())
