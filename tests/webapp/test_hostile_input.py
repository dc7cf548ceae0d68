"""Issue 14: never a 500, never a lost answer, never a stray byte.

A Farsi, Arabic or fullwidth keyboard's digits are read as the year they spell and stored in
ASCII; superscripts are refused with the field's own message; invisible and bidi characters never
reach the cookie; a validly signed cookie with odd contents is an unreadable cookie, never a
500; a stored answer the engine refuses is an unanswered question.
"""

import json
import re
import unicodedata
import warnings
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from itsdangerous.encoding import base64_encode
from test_fuzz import GET_PAGES
from test_questions import POSSESSION_2011
from webwalk import add_conviction, answer_until, person_answers, text_of
from workerwalk import COLUMNS

from rules.text import normalise
from webapp import create_app

KEY = "hostile-input-key"
RTL_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
FARSI_2013, ARABIC_2013, FULLWIDTH_2013 = "۲۰۱۳", "٢٠١٣", "２０１３"


def make_client():
    app = create_app({"TESTING": True, "SECRET_KEY": KEY, "WTF_CSRF_ENABLED": False})
    return app, app.test_client()


def stored(app, client):
    cookie = client.get_cookie("fs")
    if cookie is None:
        return {}
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)


def string_values(data):
    """Every string stored anywhere in the state (keys and values)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from string_values(value)
    elif isinstance(data, list):
        for value in data:
            yield from string_values(value)
    elif isinstance(data, str):
        yield data


def assert_canonical(data):
    for value in string_values(data):
        assert value == normalise(value), repr(value)
        assert not any(unicodedata.category(c) == "Nd" and not c.isascii() for c in value), repr(
            value
        )


def one_conviction(client, **changes):
    answers = {**POSSESSION_2011, **changes}
    assert add_conviction(client, answers, first=True) == "/convictions"
    response = client.post("/convictions", data={"answer": "n"})
    assert answer_until(client, response.headers["Location"], person_answers({})) == "/check"


# --- 1. digits of every script --------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        FARSI_2013,
        ARABIC_2013,
        FULLWIDTH_2013,
        f"\u200f{FARSI_2013}\u200f",
        f" {FULLWIDTH_2013}\u00a0",
    ],
)
def test_a_year_typed_on_a_farsi_arabic_or_fullwidth_keyboard_is_read_and_kept_in_ascii(typed):
    app, client = make_client()
    one_conviction(
        client, convicted={"year": typed, "month": "03"}, happened={"year": typed, "month": ""}
    )
    conviction = stored(app, client)["convictions"][0]
    assert conviction["convicted"] == "2013-03" and conviction["happened"] == "2013"
    for page in ("/convictions", "/check", "/result", "/summary.txt"):
        assert client.get(page).status_code == 200, page


@pytest.mark.parametrize("typed", [FARSI_2013, ARABIC_2013, FULLWIDTH_2013])
def test_a_birth_year_in_another_script_is_kept_in_ascii(typed):
    app, client = make_client()
    born = {FARSI_2013: "۱۹۸۸", ARABIC_2013: "١٩٨٨", FULLWIDTH_2013: "１９８８"}[typed]
    one_conviction(client, age={"answer": "born", "detail": born})
    assert stored(app, client)["convictions"][0]["birth_year"] == "1988"
    assert client.get("/result").status_code == 200


@pytest.mark.parametrize(
    "screen, data, message",
    [
        ("convicted", {"year": "201²", "month": ""}, "Enter the year as 4 numbers"),
        ("convicted", {"year": "²⁰¹³", "month": ""}, "Enter the year as 4 numbers"),
        ("happened", {"year": "2011½", "month": ""}, "Enter the year as 4 numbers"),
        ("age", {"answer": "born", "detail": "198⁸"}, "Enter the year you were born as 4 numbers"),
    ],
)
def test_superscripts_and_fractions_get_the_fields_usual_message_and_nothing_is_saved(
    screen, data, message
):
    app, client = make_client()
    client.post("/begin")
    answer_until(client, "/c/1/where", POSSESSION_2011, stop=(f"/c/1/{screen}",))
    before = stored(app, client)["convictions"]
    response = client.post(f"/c/1/{screen}", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert message in text_of(response)
    assert stored(app, client)["convictions"] == before


def test_invisible_and_bidi_characters_never_reach_a_stored_code_section():
    app, client = make_client()
    one_conviction(
        client, offense={"answer": "have", "detail": "\u202bHS\u200b 11357(b)\u202c\ufeff"}
    )
    assert stored(app, client)["convictions"][0]["code_section"] == "HS 11357(b)"


# --- hypothesis: every form field, hostile Unicode -------------------------------------------

HOSTILE_TEXT = st.text(
    st.characters(categories=("Nd", "No", "Cf", "Zs"), include_characters=RTL_MARKS), max_size=12
)
MIXED = st.one_of(
    HOSTILE_TEXT,
    st.tuples(HOSTILE_TEXT, st.sampled_from(["2013", "1988", "HS 11359", "19"]), HOSTILE_TEXT).map(
        "".join
    ),
)
FIELDS_BY_SCREEN = {
    "county": ["answer"],
    "offense": ["answer", "detail"],
    "convicted": ["year", "month"],
    "happened": ["year", "month"],
    "age": ["detail"],
    "level": ["answer"],
}


def answered_until(screen):
    app, client = make_client()
    client.post("/begin")
    answer_until(client, "/c/1/where", POSSESSION_2011, stop=(f"/c/1/{screen}",))
    return app, client


@pytest.mark.parametrize("screen", sorted(FIELDS_BY_SCREEN))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_unicode_in_any_public_field_is_never_a_500_nor_stored_raw(screen, data):
    app, client = answered_until(screen)
    form = {
        "answer": "born" if screen == "age" else POSSESSION_2011[screen].get("answer", ""),
        **{name: data.draw(MIXED, label=name) for name in FIELDS_BY_SCREEN[screen]},
    }
    response = client.post(f"/c/1/{screen}", data=form)
    assert response.status_code in (200, 303)
    assert_canonical(stored(app, client))
    for page in ("/convictions", "/check"):
        assert client.get(page).status_code in (200, 303)


WORKER_CELLS = COLUMNS


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_unicode_in_any_worker_cell_is_never_a_500_nor_stored_raw(data):
    app, client = make_client()
    form = {
        "rows": "1",
        "number-1": "",
        "action": "save",
        "code-1": "HS 11359",
        "level-1": "fel",
        "conviction_date-1": "05/02/2014",
        "court-1": "ca",
        "county-1": "Los Angeles",
    }
    cell = data.draw(st.sampled_from(WORKER_CELLS), label="cell")
    form[f"{cell}-1"] = data.draw(MIXED, label="typed")
    response = client.post("/worker/", data=form)
    assert response.status_code in (200, 303)
    assert_canonical(stored(app, client))
    for page in ("/worker/questions", "/result"):
        assert client.get(page).status_code in (200, 303)


# --- 6. a validly signed cookie with odd contents ---------------------------------------------


def signed(app, data):
    return app.session_interface.get_signing_serializer(app).dumps(data)


def california(**answers):
    """A state of one California adult conviction with these answers (by name)."""
    return {
        "convictions": [{"number": 1, "where": "ca", "court": "adult", **answers}],
        "next_number": 2,
    }


# By name: the codec writes the names it knows as the cookie's keys, any other as it is.
ODD_STATES = {
    "a list where a string belongs": {"convictions": [{"number": 1, "where": ["ca"]}]},
    "an unknown county": california(county="99"),
    "nested values": california(offense={"x": {"y": [1, 2, {"z": None}]}}),
    "a year in Farsi digits": california(convicted=FARSI_2013),
    "a superscript year": california(convicted="201²"),
    "a conviction number that is text": {"convictions": [{"number": "1"}], "next_number": 2},
    "two convictions with one number": {"convictions": [{"number": 1}, {"number": 1}]},
    "too many convictions": {"convictions": [{"number": n} for n in range(1, 300)]},
    "an unknown key": {"convictions": [], "zz": 1},
    "an unknown answer": california(moon="full"),
    "a person answer outside its options": {
        "convictions": [{"number": 1}],
        "person": {"registration": "maybe"},
    },
    "an unknown language": {"language": "xx"},
    "not an object": ["convictions"],
}


@pytest.mark.parametrize("name", sorted(ODD_STATES))
def test_a_signed_cookie_with_odd_contents_is_unreadable_never_a_500(name):
    app, client = make_client()
    client.set_cookie("fs", signed(app, ODD_STATES[name]))
    for page in GET_PAGES:
        response = client.get(page)
        response.close()  # the favicon is a file stream
        assert response.status_code in (200, 303, 400, 404), (page, response.status_code)
    client.set_cookie("fs", signed(app, ODD_STATES[name]))
    response = client.get("/convictions")
    assert response.status_code == 400
    assert "Your answers could not be read" in text_of(response)


def test_a_cookie_that_would_inflate_to_megabytes_is_refused_before_inflating(monkeypatch):
    app, client = make_client()
    payload = json.dumps({"c": [], "x": "a" * 4_000_000}, separators=(",", ":")).encode()
    compressed = b"." + base64_encode(zlib.compress(payload, 9))
    serializer = app.session_interface.get_signing_serializer(app)
    cookie = serializer.make_signer().sign(compressed).decode()
    assert len(cookie) < 6000
    inflated = []
    real_loads = json.loads
    monkeypatch.setattr(
        json, "loads", lambda text, *a, **k: inflated.append(len(text)) or real_loads(text, *a, **k)
    )
    with warnings.catch_warnings():  # Werkzeug warns that browsers may drop a cookie this big
        warnings.simplefilter("ignore", UserWarning)
        client.set_cookie("fs", cookie)
    response = client.get("/convictions")
    assert response.status_code == 400 and "could not be read" in text_of(response)
    assert all(size < 100_000 for size in inflated)


# --- a stored answer the engine refuses ---------------------------------------------------------


def test_a_stored_answer_the_engine_refuses_is_asked_again_and_every_other_answer_kept():
    app, client = make_client()
    one_conviction(client)
    state = stored(app, client)
    state["convictions"][0]["convicted"] = "0000"  # four ASCII digits, but no year 0
    client.set_cookie("fs", signed(app, state))
    response = client.get("/result")
    assert response.status_code in (200, 303)
    if response.status_code == 303:
        assert response.headers["Location"] == "/c/1/convicted"
        response = client.get(response.headers["Location"])
    assert response.status_code == 200
    assert "could not be used" in text_of(response)
    kept = stored(app, client)["convictions"][0]
    assert "convicted" not in kept
    assert {k: v for k, v in kept.items() if k != "convicted"} == {
        k: v for k, v in state["convictions"][0].items() if k != "convicted"
    }


@pytest.mark.parametrize("typed", ["201²", FARSI_2013, "\u202e2013"])
def test_the_stale_form_path_with_odd_digits_shows_the_form_again_never_a_500(typed):
    """A form sent without its token (open too long) is shown again unsaved: with these too."""
    app, client = answered_until("convicted")
    guarded = create_app({"SECRET_KEY": KEY}).test_client()  # CSRF on, as in production
    guarded.set_cookie("fs", client.get_cookie("fs").value)
    response = guarded.post("/c/1/convicted", data={"year": typed, "month": "03"})
    assert response.status_code == 400
    assert "open for too long" in text_of(response)
    for cell in ("age", "conviction_date", "offense_date", "code"):
        response = guarded.post(
            "/worker/", data={"rows": "1", f"{cell}-1": typed, "action": "save"}
        )
        assert response.status_code == 400


# --- 3. the edge: every field read once (webapp/edge.py) --------------------------------------


def test_a_choice_sent_with_a_bidi_mark_is_the_choice():
    """An RTL editor or keyboard adds marks to whatever is sent: a choice is read as a text box
    is, not refused as an answer that does not exist."""
    app, client = make_client()
    client.post("/begin")
    response = client.post("/c/1/where", data={"answer": "\u200fca\u200e"})
    assert response.status_code == 303 and response.headers["Location"].startswith("/c/1/court")
    assert stored(app, client)["convictions"][0]["where"] == "ca"


def test_a_code_typed_with_a_mark_comes_back_as_read_when_another_field_is_refused():
    """Without JavaScript, a form with an error is shown again after a redirect: the code section
    typed with an invisible mark comes back as it was read, with only the real problem named."""
    app, client = make_client()
    client.post("/begin")
    for screen, answer in (("where", "ca"), ("court", "adult"), ("county", "19")):
        assert client.post(f"/c/1/{screen}", data={"answer": answer}).status_code == 303
    sent = client.post("/c/1/offense", data={"detail": "\u200eHS 11357(b)"})
    assert sent.status_code == 303
    page = client.get(sent.headers["Location"])
    html = page.get_data(as_text=True)
    assert 'value="HS 11357(b)"' in html and 'value="?"' not in html
    errors = re.findall(r'<p class="error-message"[^>]*>(.*?)</p>', html, re.S)
    assert len(errors) == 1 and "Choose one of the answers" in errors[0]
