"""Per-language caches that make a question page cheaper (issue 7, webapp/i18n.py): the page
reads exactly as it did when every link was built per request, and nothing a person typed or
chose is kept in a cache."""

import re
from html import unescape

import pytest
from flask import render_template, url_for
from markupsafe import escape
from webwalk import (
    TYPED,
    case_named,
    change_links_of_longest_example,
    session_cookie,
    text_of,
    values_for,
    walk_case,
)

from webapp import i18n
from webapp.flow import BY_ID
from webapp.i18n import LANGUAGES

TRICKY = [
    "/c/1/where",
    "/c/1/where?return=check",
    "/check?a=b&c=d",
    "/c/1/x?q=it's a test",
    "/about-you/pending?x=%C3%A9t%C3%A9&y=1+2",
    "/c/1/where?next=/lang/es?next=/",
]


def menu_links(html):
    return [unescape(href) for href in re.findall(r'<a href="(/lang/[^"]+)"', html)]


@pytest.mark.parametrize("code", list(LANGUAGES))
def test_language_links_match_url_for_for_any_address(app, code):
    for here in TRICKY:
        with app.test_request_context(here, headers={"Accept-Language": code.replace("_", "-")}):
            app.preprocess_request()
            expected = [url_for("flow.language", code=c, next=here) for c in LANGUAGES]
            html = str(i18n.language_menu(here))
            links = menu_links(html)
            assert links[: len(LANGUAGES)] == expected, (code, here)
            if code != "en":  # the review notice's link reads this page in English
                assert links[len(LANGUAGES) :] == [
                    url_for("flow.language", code="en", next=here, back=code)
                ]
            current = re.search(r'<a [^>]*aria-current="true"[^>]*>([^<]+)</a>', html).group(1)
            assert current == LANGUAGES[code]


def test_a_page_links_every_language_back_to_itself(client):
    client.post("/begin")
    html = client.get("/c/1/where?return=check").get_data(as_text=True)
    links = menu_links(html)
    assert links[0] == "/lang/en?next=/c/1/where?return%3Dcheck"
    assert len(links) == len(LANGUAGES)
    assert client.get(links[2]).headers["Location"] == "/c/1/where?return=check"


def test_after_switching_the_page_and_its_menu_are_in_the_new_language(client):
    client.post("/begin")
    client.get("/c/1/where")  # fills the English caches
    client.get("/lang/es?next=/c/1/where")
    html = client.get("/c/1/where").get_data(as_text=True)
    assert 'lang="es"' in html and "Idioma: Español" in text_of(client.get("/c/1/where"))
    assert "Which court" not in html


def test_caches_hold_nothing_a_person_typed_or_chose(app, client):
    typed = "HS 11357 QZXV"
    client.post("/begin")
    client.post("/c/1/where", data={"answer": "ca"})
    client.post("/c/1/court", data={"answer": "adult"})
    client.post("/c/1/county", data={"answer": "19"})
    client.post("/c/1/offense", data={"answer": "have", "detail": typed})
    page = client.get("/c/1/offense").get_data(as_text=True)
    assert typed in page and 'value="have" checked' in page
    cached = repr(app.extensions["i18n"])
    assert app.extensions["i18n"]["words"] and app.extensions["i18n"]["menus"]
    assert typed not in cached and "checked" not in cached and "selected" not in cached
    assert "/c/1/offense" not in cached  # this page's address is filled in per request
    assert session_cookie(client) not in cached
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert token not in cached


def test_a_question_walks_only_as_far_as_itself_and_agrees_with_the_whole_walk(app):
    """views.question walks a conviction only up to the question shown (issue 7): the screens
    before it and the answers kept for them are the whole walk's, for every example."""
    from datetime import date

    from benchmarks import pages
    from webapp import walks
    from webapp.flow import CONVICTION_SCREENS, answer_names

    longest = 0
    for name, case in pages.one_conviction_cases().items():
        with app.test_request_context("/"):
            conviction = {"number": 1}
            for screen in CONVICTION_SCREENS:  # every answer the example gives, as stored
                form = pages.screen_answers(case).get(screen.id, {})
                value = form.get("answer") or form.get("year")
                if value:
                    conviction[screen.id] = value
            as_of = date(2026, 1, 1)
            screens, kept = walks.walk_conviction(conviction, as_of)
            longest = max(longest, len(screens))
            for index, screen in enumerate(screens):
                before, partly = walks.walk_conviction(conviction, as_of, until=screen)
                assert before == screens[: index + 1], (name, screen.id)
                keys = {k for s in before for k in answer_names(s)}
                assert partly == {k: v for k, v in kept.items() if k in keys}, (name, screen.id)
    assert longest > 15  # the engine's conditions were asked on the way


def test_the_quicker_form_token_is_flask_wtfs_token_and_works():
    from flask import session
    from flask_wtf.csrf import validate_csrf
    from itsdangerous import URLSafeTimedSerializer

    from webapp import create_app

    served = create_app({"TESTING": True, "SECRET_KEY": "token-key"})
    client = served.test_client()
    token = re.compile(r'name="csrf_token" value="([^"]+)"')
    first = token.search(client.get("/").get_data(as_text=True)).group(1)  # Flask-WTF's own
    assert client.post("/begin", data={"csrf_token": first}).status_code == 303
    html = client.get("/c/1/where").get_data(as_text=True)
    tokens = set(token.findall(html))  # the header's Start over and the question's form
    assert len(tokens) == 1
    later = tokens.pop()
    reader = URLSafeTimedSerializer("token-key", salt="wtf-csrf-token")
    assert reader.loads(later) == reader.loads(first)
    with served.test_request_context("/"):
        session["csrf_token"] = reader.loads(first)
        validate_csrf(later)  # raises if Flask-WTF would refuse it
    assert client.post("/c/1/where", data={"answer": "ca", "csrf_token": later}).status_code == 303
    refused = client.post("/c/1/court", data={"answer": "adult", "csrf_token": later[:-2] + "xx"})
    assert refused.status_code == 400


def shown_again(html, screen, value):
    """True if the question's page shows `value` (a form as posted) as the answer given."""
    if screen.type == "date":
        if value.get("unsure"):
            return 'name="unsure" value="y" checked' in html
        month = value["month"]
        return f'name="year" value="{value["year"]}"' in html and (
            not month or f'<option value="{month}" selected' in html
        )
    if screen.type == "select":
        return f'<option value="{value["answer"]}" selected' in html
    typed = value.get("detail")
    return f'value="{value["answer"]}" checked' in html and (
        typed is None or str(escape(typed)) in html or typed != TYPED
    )


@pytest.mark.parametrize("code", ["en", "fa"])
def test_every_answer_is_shown_again_on_its_question(client, code):
    """Every question, every answer it can hold (typed text with markup characters too), full
    page and htmx fragment: the question shows the answer given, typed text escaped."""
    links = change_links_of_longest_example(client, code)
    assert len(links) > 12
    compared = 0
    for link in links:
        path = link.split("?")[0]
        scope = "person" if path.startswith("/about-you/") else "conviction"
        screen = BY_ID[scope][path.rsplit("/", 1)[-1]]
        for value in values_for(screen):
            sent = client.post(link, data=value)
            if sent.headers.get("Location") == link:
                client.get(link)  # refused (a date after the conviction's): shown once, with
                continue  # its error
            for headers in ({}, {"HX-Request": "true"}):
                response = client.get(link, headers=headers)
                if response.status_code != 200:  # the answer made this question not apply
                    continue
                html = response.get_data(as_text=True)
                assert shown_again(html, screen, value), (code, link, value, headers)
                assert TYPED not in html  # never unescaped
                compared += 1
    assert compared > 80


def test_a_head_request_for_a_question_answers_like_its_get(client):
    client.post("/begin")
    head = client.head("/c/1/where")
    get = client.get("/c/1/where")
    assert head.status_code == get.status_code == 200
    assert head.headers["Content-Type"] == get.headers["Content-Type"]


def result_on(client, host):
    """The result page asked for under another site name (the cookie jar sends the answers only
    to the test client's own host: they go by hand)."""
    cookie = client.get_cookie("fs").value
    by_hand = client.application.test_client(use_cookies=False)
    return by_hand.get("/result", headers={"Host": host, "Cookie": f"fs={cookie}"})


def reminder_block(html):
    return re.search(r'<section class="remind.*?</section>', html, re.S).group(0)


def test_the_kept_reminder_block_reads_as_made_for_this_request(app, client):
    """The result page's reminder and help blocks are made once per language and site address
    (i18n.same_for_everyone): each page still shows its own site's address and language, and
    what the person answered is in neither block nor the cache."""
    walk_case(client, case_named("02-sale-felony-2013-reduced"))
    first = result_on(client, "one.example").get_data(as_text=True)
    other = result_on(client, "two.example").get_data(as_text=True)
    assert "one.example" in reminder_block(first) and "two.example" not in reminder_block(first)
    assert "two.example" in reminder_block(other) and "one.example" not in reminder_block(other)
    with app.test_request_context("/result", base_url="http://two.example"):
        app.preprocess_request()
        made_now = render_template("remind.html")
    assert reminder_block(made_now) == reminder_block(other)
    client.get("/lang/es?next=/result")
    spanish = result_on(client, "two.example").get_data(as_text=True)
    assert 'id="remind-heading">Avísem' in reminder_block(spanish)
    cached = repr(app.extensions["i18n"]["blocks"])
    assert "HS 11359" not in cached and session_cookie(client) not in cached


def test_made_up_hosts_cannot_grow_the_kept_blocks(app, client):
    walk_case(client, case_named("02-sale-felony-2013-reduced"))
    for number in range(3 * i18n.MOST_BLOCKS):
        assert result_on(client, f"h{number}.example").status_code == 200
    assert len(app.extensions["i18n"]["blocks"]) <= i18n.MOST_BLOCKS
