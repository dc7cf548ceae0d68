"""The language links on every page come back to a page, never to an address that only takes
POST (where switching would end on a 405)."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from webapp import create_app


def language_link_targets(html):
    hrefs = re.findall(r'href="(/lang/[^"]+)"', html)
    return {parse_qs(urlsplit(unescape(href)).query)["next"][0] for href in hrefs}


def test_an_error_page_after_a_post_only_address_links_languages_to_where_the_walk_carries_on():
    app = create_app({"TESTING": True, "SECRET_KEY": "test-key"})  # CSRF on
    client = app.test_client()
    client.get("/")
    start = client.get("/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', start).group(1)
    client.post("/begin", data={"csrf_token": token})
    # A "Remove" sent without its token (a tab left open too long) answers with a page.
    response = client.post("/c/1/remove", data={})
    assert response.status_code == 400
    targets = language_link_targets(response.get_data(as_text=True))
    assert targets == {"/c/1/where"}
    switched = client.get(f"/lang/es?next={targets.pop()}")
    assert client.get(switched.headers["Location"]).status_code == 200


def test_a_question_page_links_languages_back_to_itself(client):
    client.post("/begin")
    html = client.get("/c/1/where").get_data(as_text=True)
    assert language_link_targets(html) == {"/c/1/where"}


def test_the_switcher_names_itself_in_every_language_so_anyone_can_find_it(client):
    for code, word in {"es": "Idioma", "zh_Hant": "語言", "vi": "Ngôn ngữ", "fa": "زبان"}.items():
        client.get(f"/lang/{code}?next=/")
        html = client.get("/").get_data(as_text=True)
        summary = re.search(r"<summary>(.*?)</summary>", html, re.S).group(1)
        assert '<span lang="en">Language</span>' in summary
        assert '<span lang="ar">اللغة</span>' in summary
        assert f'<span lang="{code.replace("_", "-")}">' not in summary  # its own word leads
        assert summary.startswith(word)
