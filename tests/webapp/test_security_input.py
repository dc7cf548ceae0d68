"""Each kind of bad input gets a clear page with the right status, in the person's language, and
never costs an answer that was already saved."""

import re
from pathlib import Path

import itsdangerous
import pytest
from babel.support import Translations
from test_questions import POSSESSION_2011
from test_security import csrf_token, guarded  # noqa: F401 (a fixture)
from webwalk import TODAY, add_conviction, session_cookie, text_of

from webapp import forms, security

ROOT = Path(__file__).resolve().parents[2]
SPANISH = Translations.load(str(ROOT / "translations"), ["es"])


def spanish(english):
    words = SPANISH.gettext(english)
    assert words != english, f"no Spanish yet for {english!r}"
    return words


@pytest.fixture
def answered(client):
    assert add_conviction(client, POSSESSION_2011, first=True) == "/convictions"
    return client


def saved_page(client):
    """The answers as saved in the cookie (not the page: its CSRF token is re-signed each time)."""
    app = client.application
    data = app.session_interface.get_signing_serializer(app).loads(session_cookie(client))
    return data.get("convictions"), data.get("person")


@pytest.mark.parametrize(
    "body, content_type",
    [
        ("answer=" + "x" * 70_000, "application/x-www-form-urlencoded"),
        (
            "&".join(f"f{i}=1" for i in range(security.MAX_FIELDS + 1)),
            "application/x-www-form-urlencoded",
        ),
        (
            "".join(
                f'--zz\r\nContent-Disposition: form-data; name="f{i}"\r\n\r\n1\r\n'
                for i in range(security.MAX_FIELDS + 1)
            )
            + "--zz--\r\n",
            "multipart/form-data; boundary=zz",
        ),
    ],
    ids=["oversized body", "too many fields", "too many multipart parts"],
)
def test_too_much_is_a_translated_413_and_keeps_the_answers(answered, body, content_type):
    before = saved_page(answered)
    answered.get("/lang/es")
    response = answered.post("/c/1/where", data=body, content_type=content_type)
    assert response.status_code == 413
    assert spanish("That was too much to send") in text_of(response)
    answered.get("/lang/en")
    assert saved_page(answered) == before


def test_the_largest_honest_worker_form_fits_under_the_field_limit():
    from webapp.flow import CONVICTION_SCREENS, PERSON_SCREENS
    from webapp.worker import rows

    table = rows.MAX_ROWS * (len(rows.COLUMNS) + 1) + 4
    # The table fills its own questions: a row's follow-ups are only the others.
    asked_after = [s for s in CONVICTION_SCREENS if s.id not in rows.TABLE_NAMES]
    follow_ups = rows.MAX_ROWS * len(asked_after) + len(PERSON_SCREENS) + 2
    assert max(table, follow_ups) <= security.MAX_FIELDS


def test_invalid_utf8_in_a_body_is_read_as_no_answer(answered):
    before = saved_page(answered)
    response = answered.post(
        "/c/1/where",
        data=b"answer=%FF%FE&answer=\xff\x00",
        content_type="application/x-www-form-urlencoded",
        follow_redirects=True,
    )
    assert response.status_code == 200 and str(forms.CHOOSE_ONE) in text_of(response)
    assert saved_page(answered) == before


@pytest.mark.parametrize("path", ["/c/1/%FF%FE", "/about-you/%C3%28", "/lang/%FF"])
def test_invalid_utf8_in_a_path_is_a_404(answered, path):
    response = answered.get(path)
    assert response.status_code == 404 and "Page not found" in text_of(response)


@pytest.mark.parametrize(
    "year, month, message",
    [
        ("99999", "01", forms.YEAR_FORMAT),
        ("0", "01", forms.YEAR_FORMAT),
        ("-5", "01", forms.YEAR_FORMAT),
        ("1e9", "", forms.YEAR_FORMAT),
        ("1850", "", forms.YEAR_TOO_EARLY),
        ("2011", "13", forms.MONTH_UNKNOWN),
        # Control characters are dropped at the edge (webapp/edge.py): this is month "13".
        ("2011", "\x001\x003", forms.MONTH_UNKNOWN),
        (str(TODAY.year + 1), "", forms.YEAR_IN_FUTURE),
    ],
)
def test_impossible_dates_are_explained_and_not_saved(answered, year, month, message):
    before = saved_page(answered)
    response = answered.post(
        "/c/1/convicted", data={"year": year, "month": month}, follow_redirects=True
    )
    assert response.status_code == 200 and str(message) in text_of(response)
    assert saved_page(answered) == before


def test_a_month_that_is_only_a_control_character_is_no_month(answered):
    """The edge drops control characters from every field (webapp/edge.py), as the text boxes
    always did: a month sent as NUL is a month left empty, so the year alone is kept."""
    response = answered.post(
        "/c/1/convicted", data={"year": "2011", "month": "\x00"}, follow_redirects=True
    )
    assert response.status_code == 200
    conviction = saved_page(answered)[0][0]
    assert conviction["convicted"] == "2011"


@pytest.mark.parametrize(
    "url, data",
    [
        ("/c/1/where", {"answer": "moon"}),
        ("/c/1/county", {"answer": "59"}),
        ("/c/1/county", {"answer": "-1"}),
        ("/c/1/level", {"answer": ""}),
        ("/c/1/offense", {"answer": "have", "detail": "<script>x</script>"}),
        ("/convictions", {"answer": "maybe"}),
    ],
)
def test_values_outside_the_choices_are_refused_and_the_old_answer_kept(answered, url, data):
    before = saved_page(answered)
    response = answered.post(url, data=data, follow_redirects=True)
    assert response.status_code == 200 and "There is a problem" in text_of(response)
    assert "<script>x</script>" not in response.get_data(as_text=True)
    assert saved_page(answered) == before


def test_unknown_language_route_and_method_are_translated(answered):
    answered.get("/lang/es")
    for path, status, english in [
        ("/lang/xx", 404, "Page not found"),
        ("/no/such/page", 404, "Page not found"),
        ("/check?x=1", 405, "That did not work"),
    ]:
        response = answered.open(path, method="DELETE" if status == 405 else "GET")
        assert response.status_code == status and spanish(english) in text_of(response)


def test_a_strange_accept_language_falls_back_to_english(client):
    response = client.get("/", headers={"Accept-Language": "xx-YY;q=2, *;q=abc, ;;;"})
    assert response.status_code == 200 and 'lang="en"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "target",
    ["/%0d%0aSet-Cookie:%20x=1", "//evil.example/", "https://evil.example/", "/\\evil.example"],
)
def test_language_switch_never_redirects_off_site_or_splits_headers(client, target):
    response = client.get(f"/lang/es?next={target}")
    assert response.status_code == 303 and response.headers["Location"] == "/"


def test_a_replayed_cookie_older_than_the_inactivity_limit_is_refused(answered, monkeypatch):
    """Nothing on the server can remember a wipe, so a copied cookie is honoured only until it
    expires: 60 minutes after it was last refreshed (docs/security.md)."""
    real = itsdangerous.timed.TimestampSigner.get_timestamp
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: real(self) - 3601
    )
    answered.get("/convictions")  # re-signed an hour and a second ago
    old = session_cookie(answered)
    monkeypatch.undo()
    answered.post("/start-over")
    answered.set_cookie("fs", old)
    response = answered.get("/check")
    assert "have expired" in text_of(response)
    assert answered.get("/check").headers["Location"] == "/"  # and it was replaced


# --- a stale or missing CSRF token --------------------------------------------------------------


def test_a_stale_token_on_the_worker_table_shows_the_typed_rows_again(guarded):
    response = guarded.post(
        "/worker/",
        data={
            "rows": "1",
            "code-1": "HS 11359 ZZQX",
            "conviction_date-1": "03/2011",
            "action": "save",
        },
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "open for too long" in text_of(response)
    assert 'value="HS 11359 ZZQX"' in html and 'value="03/2011"' in html


def test_a_stale_token_after_the_cookie_is_gone_says_so_and_offers_a_fresh_start(guarded):
    response = guarded.post("/c/1/where", data={"answer": "ca", "csrf_token": "stale"})
    assert response.status_code == 400
    page = text_of(response)
    assert "wiped after 60 minutes" in page and "Start again" in page
    assert "still here" not in page


def test_an_expired_cookie_with_a_post_gets_the_expired_page(guarded, monkeypatch):
    guarded.post("/begin", data={"csrf_token": csrf_token(guarded)})
    real = itsdangerous.timed.TimestampSigner.get_timestamp
    monkeypatch.setattr(
        itsdangerous.timed.TimestampSigner, "get_timestamp", lambda self: real(self) + 3601
    )  # the server's clock, an hour on
    response = guarded.post("/c/1/where", data={"answer": "ca", "csrf_token": "old"})
    assert "have expired" in text_of(response) and "still here" not in text_of(response)


def test_start_over_with_a_stale_token_offers_a_working_button(guarded):
    guarded.post("/begin", data={"csrf_token": csrf_token(guarded)})
    response = guarded.post("/start-over", data={"csrf_token": "stale"})
    assert response.status_code == 400
    fresh = re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True)).group(
        1
    )
    assert guarded.post("/start-over", data={"csrf_token": fresh}).status_code == 303
    assert guarded.get("/check").headers["Location"] == "/"
