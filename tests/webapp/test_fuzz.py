"""Hostile bodies against every form endpoint, with and without a CSRF token and a state cookie.

Whatever comes in, the app answers with a page a person can read (200, 303, 400, 404, 405,
413), never a 500, never echoes markup unescaped, and a request it refuses never changes the
answers already saved.
"""

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_questions import POSSESSION_2011
from webwalk import add_conviction
from werkzeug.datastructures import MultiDict

from webapp import create_app
from webapp.flow import CONVICTION_SCREENS, PERSON_SCREENS

KEY = "fuzz-key"
# As served: CSRF on, errors handled as in production (not TESTING).
APP = create_app({"SECRET_KEY": KEY})
SERIALIZER = APP.session_interface.get_signing_serializer(APP)
CLEAN = {200, 303, 400, 404, 405, 413}
MARKUP = "<script>alert(1)</script>"
HOSTILE = [
    "",
    " ",
    "\x00",
    "\x00\x01\x02",
    "\r\nSet-Cookie: fs=stolen",
    "a\r\n\r\n<html>",
    MARKUP,
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "1; DROP TABLE answers",
    "{{7*7}}",
    "${jndi:ldap://x/a}",
    "../../../../etc/passwd",
    "%00",
    "%FF%FE",
    "-1",
    "0",
    "1e308",
    "NaN",
    "99999999999999999999999",
    "2011",
    "13",
    "02",
    "ca",
    "have",
    "y",
    "n",
    "u",
    "19",
    "\u202eevil",
    "𝕳𝖊𝖑𝖑𝖔" * 20,
    "ﷺ" * 100,
    "\ufeff",
    "HS 11359 ZZQX",
]
FIELDS = [
    "answer",
    "detail",
    "year",
    "month",
    "unsure",
    "csrf_token",
    "rows",
    "action",
    "paste",
    "number-1",
    "code-1",
    "level-1",
    "conviction_date-1",
    "county-1",
    "f1-where",
    "p-registration",
    "answer[]",
    "answer[0][x]",
    "__proto__",
    "remove-1",
    "add10",
]
text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=120),
    st.integers(min_value=500, max_value=20_000).map(lambda n: "x" * n),
)
key = st.one_of(st.sampled_from(FIELDS), st.text(max_size=40))
fields = st.lists(st.tuples(key, text), max_size=25)  # repeated keys allowed
RAW_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=zz",
    "multipart/form-data",
    "application/json",
    "text/plain",
    "application/octet-stream",
    "application/x-www-form-urlencoded; charset=utf-16",
    "",
]
raw = st.tuples(st.binary(max_size=3000), st.sampled_from(RAW_TYPES))


def token_and_cookie(client, url):
    html = client.get(url).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return token, client.get_cookie("fs").value


def setup_states():
    """(token, cookie) for a first visit and for a person with one whole conviction."""
    fresh = token_and_cookie(APP.test_client(), "/")
    walker = create_app(
        {"TESTING": True, "SECRET_KEY": KEY, "WTF_CSRF_ENABLED": False}
    ).test_client()
    assert add_conviction(walker, POSSESSION_2011, first=True) == "/convictions"
    guarded = APP.test_client()
    guarded.set_cookie("fs", walker.get_cookie("fs").value)
    return {
        "none": (None, None),
        "fresh": fresh,
        "answered": token_and_cookie(guarded, "/convictions"),
    }


STATES = setup_states()


def answers(cookie_value):
    data = SERIALIZER.loads(cookie_value) if cookie_value else {}
    return data.get("convictions"), data.get("person")


def tampered(value):
    return value[:-4] + ("AAAA" if not value.endswith("AAAA") else "BBBB")


POSTS = {
    "flow.begin": st.just("/begin"),
    "flow.start_over": st.just("/start-over"),
    "flow.quick_exit": st.just("/exit"),
    "flow.convictions": st.just("/convictions"),
    "flow.remove": st.sampled_from(["/c/1/remove", "/c/2/remove"]),
    "flow.question": st.sampled_from(
        [f"/c/{n}/{s.id}" for s in CONVICTION_SCREENS for n in (1, 9)]
    ),
    "flow.person_question": st.sampled_from([f"/about-you/{s.id}" for s in PERSON_SCREENS]),
    "worker.record": st.just("/worker/"),
    "worker.questions": st.just("/worker/questions"),
}
# A refused request must leave saved answers as they were (worker mode's follow-up page saves
# each valid answer it gets, by design, so it is left out of this check).
KEEPS_ANSWERS_UNLESS_303 = {
    "flow.begin",
    "flow.convictions",
    "flow.question",
    "flow.person_question",
    "worker.record",
}


def check_clean(response):
    event(f"status {response.status_code}")  # --hypothesis-show-statistics shows the mix
    assert response.status_code in CLEAN, response.status_code
    body = response.get_data(as_text=True)
    assert MARKUP not in body and "Traceback" not in body
    if response.status_code != 303:
        assert response.mimetype == "text/html" and "Fresh Start</title>" in body
        assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("endpoint", sorted(POSTS))
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_hostile_posts_get_a_clean_answer_and_keep_answers(endpoint, data):
    url = data.draw(POSTS[endpoint], label="url")
    # Most examples get past CSRF (a person's own valid token and cookie, hostile fields) so
    # they reach the views; the rest vary the cookie, the token and the kind of body too.
    past_csrf = data.draw(st.sampled_from([True, True, True, False, False]), label="past CSRF")
    if past_csrf:
        state_name, cookie_kind, send_token = "answered", "as is", "valid"
        body = data.draw(fields, label="fields")
    else:
        state_name = data.draw(st.sampled_from(sorted(STATES)), label="state")
        cookie_kind = data.draw(st.sampled_from(["as is", "tampered", "truncated"]), label="cookie")
        send_token = data.draw(st.sampled_from(["valid", "none", "garbage"]), label="token")
        body = data.draw(st.one_of(fields, raw), label="body")
    token, cookie = STATES[state_name]
    client = APP.test_client()
    if cookie:
        client.set_cookie(
            "fs",
            {
                "as is": cookie,
                "tampered": tampered(cookie),
                "truncated": cookie[: len(cookie) // 2],
            }[cookie_kind],
        )
    before = answers(cookie) if cookie_kind == "as is" else (None, None)
    if isinstance(body, list):
        if token and send_token == "valid":
            body = [("csrf_token", token), *body]
        elif send_token == "garbage":
            body = [("csrf_token", "IjAxMjM0NTY3ODki.abc.def"), *body]
        response = client.post(url, data=MultiDict(body))
    else:
        payload, content_type = body
        response = client.post(url, data=payload, content_type=content_type)
    check_clean(response)
    if endpoint in KEEPS_ANSWERS_UNLESS_303 and response.status_code != 303:
        after = client.get_cookie("fs")
        assert answers(after.value if after else None) == before or before == (None, None)


GET_PAGES = [
    "/",
    "/convictions",
    "/check",
    "/result",
    "/summary.txt",
    "/c/1/where",
    "/c/1/convicted",
    "/about-you/pending",
    "/worker/",
    "/worker/questions",
    "/worker/result",
    "/lang/es",
    "/favicon.ico",
]
segment = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=60))
header_text = st.text(st.characters(blacklist_characters="\r\n", max_codepoint=255), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    page=st.sampled_from(GET_PAGES),
    query=st.lists(st.tuples(key, segment), max_size=6),
    tail=st.one_of(st.none(), segment, st.binary(min_size=1, max_size=40)),
    state_name=st.sampled_from(sorted(STATES)),
    method=st.sampled_from(["GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]),
    language=st.one_of(st.none(), header_text, st.sampled_from(["zz-ZZ", "*", "es;q=x"])),
)
def test_hostile_paths_queries_and_methods_get_a_clean_answer(
    page, query, tail, state_name, method, language
):
    client = APP.test_client()
    _token, cookie = STATES[state_name]
    if cookie:
        client.set_cookie("fs", cookie)
    headers = {"Accept-Language": language} if language is not None else {}
    overrides = {}
    if isinstance(tail, bytes):  # raw bytes in the path, invalid UTF-8 included (WSGI: latin-1)
        overrides["PATH_INFO"] = page.rstrip("/") + "/" + tail.decode("latin-1")
    elif tail is not None:
        page = page.rstrip("/") + "/" + quote(tail, safe="")
    with client.open(
        page, method=method, query_string=query, headers=headers, environ_overrides=overrides
    ) as response:  # closes a static file's handle
        if method == "OPTIONS":
            assert response.status_code in {200, 404}
        elif method in ("GET", "HEAD"):
            assert response.status_code in CLEAN
        else:
            assert response.status_code in {404, 405}
        if method == "GET" and response.mimetype == "text/html":
            check_clean(response)
