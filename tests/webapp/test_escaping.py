"""No typed text ever reaches a page as markup (issue 14, point 4).

Worker mode's cell errors quote the typed value through Flask-Babel lazy strings, which Jinja
took for safe markup: `<b hx-post=/start-over hx-trigger=load>` typed in a code cell made htmx
wipe the answers with the form's own token. Every payload below goes into every field of every
worker and public form (and worker mode's paste box), and every response, including the pages
after it, must show it only as text.
"""

import re

import pytest
from test_questions import POSSESSION_2011
from webwalk import answer_until
from workerwalk import COLUMNS, table_form

from webapp import create_app
from webapp.flow import CONVICTION_SCREENS, PERSON_SCREENS

PAYLOADS = [
    "<b hx-post=/start-over hx-trigger=load>x</b>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<a href="https://evil.example/">read this</a>',
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
]
LIVE = re.compile(r"<(b hx-|meta http-equiv|a href=\"https://evil|script>alert|img src=x)", re.I)
PUBLIC_FIELDS = ("answer", "detail", "year", "month", "unsure")


def client():
    return create_app(
        {"TESTING": True, "SECRET_KEY": "escaping-key", "WTF_CSRF_ENABLED": False}
    ).test_client()


def assert_escaped(response, payload):
    body = response.get_data(as_text=True)
    assert response.status_code < 500, response.status_code
    assert payload not in body
    assert not LIVE.search(body), LIVE.search(body).group(0)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_worker_cell_and_the_paste_box_show_typed_markup_as_text(payload):
    browser = client()
    for column in COLUMNS:
        cells = {
            "code": "HS 11359",
            "level": "fel",
            "conviction_date": "05/02/2014",
            "county": "Los Angeles",
            column: payload,
        }
        for action in ("save", "add", "remove-2", "paste"):
            response = browser.post(
                "/worker/",
                data=table_form(
                    [cells, {}], action=action, paste=f"{payload}\nHS 11359 F {payload}"
                ),
            )
            assert_escaped(response, payload)
    for page in ("/worker/", "/worker/questions", "/worker/result"):
        assert_escaped(browser.get(page), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_worker_follow_up_answers_show_typed_markup_as_text(payload):
    browser = client()
    cells = {
        "code": "HS 11359",
        "level": "fel",
        "conviction_date": "05/02/2014",
        "county": "Los Angeles",
    }
    assert browser.post("/worker/", data=table_form([cells])).status_code == 303
    html = browser.get("/worker/questions").get_data(as_text=True)
    names = set(re.findall(r'name="((?:f\d+|p)-[a-z0-9]+)"', html))
    assert names
    response = browser.post("/worker/questions", data={name: payload for name in names})
    assert_escaped(response, payload)
    assert_escaped(browser.get("/worker/questions"), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_public_field_shows_typed_markup_as_text(payload):
    browser = client()
    browser.post("/begin")
    for screen in CONVICTION_SCREENS:
        for field in PUBLIC_FIELDS:
            response = browser.post(
                f"/c/1/{screen.id}", data={field: payload, "switch_to": payload}
            )
            assert_escaped(response, payload)
        # Then answer it properly, so the next screens are reachable.
        if screen.id in POSSESSION_2011:
            browser.post(f"/c/1/{screen.id}", data=POSSESSION_2011[screen.id])
    answer_until(browser, "/c/1/where", POSSESSION_2011)
    browser.post("/convictions", data={"answer": payload})
    browser.post("/convictions", data={"answer": "n"})
    for screen in PERSON_SCREENS:
        for field in PUBLIC_FIELDS:
            assert_escaped(browser.post(f"/about-you/{screen.id}", data={field: payload}), payload)
        browser.post(f"/about-you/{screen.id}", data={"answer": "n"})
    for page in (
        "/convictions",
        "/check",
        "/result",
        "/summary.txt",
        "/c/1/offense",
        f"/lang/fa?next={payload}",
    ):
        assert_escaped(browser.get(page), payload)
