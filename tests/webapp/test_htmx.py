"""With JavaScript, htmx asks for pages with HX-Request and gets only <main>'s content."""

from test_questions import POSSESSION_2011
from webwalk import add_conviction

HX = {"HX-Request": "true", "HX-Boosted": "true"}


def test_an_htmx_request_gets_a_fragment_with_its_title(client):
    client.post("/begin")
    response = client.get("/c/1/where", headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in html and "<header" not in html
    assert "<title>Which court convicted you? – Fresh Start</title>" in html
    assert 'id="main-heading"' in html
    assert response.headers["HX-Push-Url"] == "/c/1/where"
    assert "HX-Request" in response.headers["Vary"]


def test_the_same_url_without_htmx_is_a_full_page(client):
    client.post("/begin")
    response = client.get("/c/1/where")
    html = response.get_data(as_text=True)
    assert html.startswith("<!doctype html>") and '<main id="main"' in html
    assert "HX-Request" in response.headers["Vary"]
    assert 'hx-boost="true"' in html and 'hx-target="#main"' in html


def test_an_htmx_post_is_answered_with_the_next_page_in_one_round_trip(client):
    client.post("/begin")
    response = client.post("/c/1/where", data={"answer": "ca"}, headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["HX-Push-Url"] == "/c/1/court"
    assert not html.startswith("<!doctype") and "<title>" in html
    assert 'name="answer" value="adult"' in html  # the court question, with its options
    # The answer was kept: the cookie that came with the page already holds it.
    assert client.get("/c/1/where").get_data(as_text=True).count('value="ca" checked') == 1


def test_an_htmx_post_follows_a_question_that_does_not_apply_to_the_one_that_does(client):
    client.post("/begin")
    response = client.post("/c/1/where", data={"answer": "fed"}, headers=HX)
    assert response.status_code == 200
    assert response.headers["HX-Push-Url"] not in ("/c/1/court", "/c/1/where")


def test_without_htmx_a_post_still_redirects(client):
    client.post("/begin")
    response = client.post("/c/1/where", data={"answer": "ca"})
    assert response.status_code == 303 and response.headers["Location"] == "/c/1/court"


def test_an_htmx_validation_error_replaces_the_url_not_pushes(client):
    client.post("/begin")
    response = client.post("/c/1/where", data={}, headers=HX)
    html = response.get_data(as_text=True)
    assert "<title>Error: " in html and 'role="alert"' in html
    assert response.headers["HX-Replace-Url"] == "/c/1/where"
    assert "HX-Push-Url" not in response.headers


def test_history_restore_gets_the_full_page(client):
    client.post("/begin")
    html = client.get("/c/1/where", headers={**HX, "HX-History-Restore-Request": "true"}).get_data(
        as_text=True
    )
    assert html.startswith("<!doctype html>")


def test_check_and_result_are_fragments_for_htmx(client):
    add_conviction(client, POSSESSION_2011, first=True)
    assert "<html" not in client.get("/check", headers=HX).get_data(as_text=True)
    assert "<html" not in client.get("/convictions", headers=HX).get_data(as_text=True)
