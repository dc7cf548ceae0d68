"""'Keep my answers' (the inactivity warning's button) renews the answers cookie, changes
nothing else, and is a CSRF-checked POST like every other."""

import re

from webapp import create_app


def walking_client():
    client = create_app({"TESTING": True, "SECRET_KEY": "test-key"}).test_client()
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', client.get("/").get_data(as_text=True)
    ).group(1)
    client.post("/begin", data={"csrf_token": token})
    return client, token


def test_keep_re_signs_the_answers_cookie_and_answers_nothing_else():
    client, token = walking_client()
    before = client.get_cookie("fs").value
    response = client.post("/keep", headers={"X-CSRFToken": token})
    assert response.status_code == 204 and response.get_data() == b""
    cookie = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("fs=")]
    assert cookie and "Max-Age=3600" in cookie[0]
    assert client.get("/c/1/where").status_code == 200  # the same answers, still readable
    assert client.get_cookie("fs").value.split(".")[0] == before.split(".")[0]


def test_keep_without_its_token_is_refused():
    client, _token = walking_client()
    assert client.post("/keep").status_code == 400


def test_htmx_steps_say_whether_answers_are_kept_so_the_warning_is_armed_only_then():
    client, _token = walking_client()
    assert client.get("/c/1/where", headers={"HX-Request": "true"}).headers["X-Answers-Kept"] == "1"
    fresh = create_app({"TESTING": True, "SECRET_KEY": "test-key"}).test_client()
    assert "X-Answers-Kept" not in fresh.get("/", headers={"HX-Request": "true"}).headers


def test_nothing_typed_stays_in_the_engines_caches_after_a_request():
    from rules import dates, parse_offense, validate

    client, token = walking_client()
    client.post("/c/1/what", data={"csrf_token": token, "answer": "sale", "code": "HS 11359 ZZQX"})
    client.get("/check")
    for cache in (parse_offense, dates.parse, validate._date_text):
        assert cache.cache_info().currsize == 0
