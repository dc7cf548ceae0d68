"""Switching language on a question keeps a choice made but not sent yet (app.js posts the form
with `switch_to`; the question comes back in the new language, filled in, nothing saved)."""

import re


def started(client):
    client.post("/begin")
    for path, answer in (("where", "ca"), ("court", "adult"), ("county", "19")):
        client.post(f"/c/1/{path}", data={"answer": answer})
    return client


def test_an_unsent_choice_and_typed_section_survive_the_switch_and_nothing_is_saved(client):
    started(client)
    form = {"answer": "have", "detail": "HS 11357(b)", "switch_to": "es"}
    response = client.post("/c/1/offense", data=form, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'lang="es"' in page and "Condena 1" in page
    assert 'value="have" checked' in page and 'value="HS 11357(b)"' in page
    assert "error-summary" not in page  # not checked: nothing was sent as an answer
    again = client.get("/c/1/offense").get_data(as_text=True)
    assert 'lang="es"' in again  # the language is kept ...
    assert '" checked' not in again and "HS 11357(b)" not in again  # ... the answer is not
    assert client.get("/c/1/level").status_code == 200  # and the walk did not move on


def test_an_unsent_date_survives_and_a_person_question_too(client):
    started(client)
    page = client.post(
        "/c/1/convicted",
        data={"year": "2012", "month": "05", "switch_to": "vi"},
        follow_redirects=True,
    )
    html = page.get_data(as_text=True)
    assert 'lang="vi"' in html and 'value="2012"' in html and '<option value="05" selected>' in html
    person = client.post(
        "/about-you/registration", data={"answer": "n", "switch_to": "fa"}, follow_redirects=True
    )
    html = person.get_data(as_text=True)
    assert person.status_code == 200 and 'dir="rtl"' in html and 'value="n" checked' in html
    assert '" checked' not in client.get("/about-you/registration").get_data(as_text=True)


def test_an_unknown_language_is_ignored_and_the_answer_is_saved_as_usual(client):
    started(client)
    response = client.post("/c/1/offense", data={"answer": "have", "switch_to": "xx"})
    assert response.status_code == 303
    assert 'value="have" checked' in client.get("/c/1/offense").get_data(as_text=True)


def test_question_forms_are_marked_for_app_js_and_the_link_still_works_without_it(client):
    started(client)
    page = client.get("/c/1/offense").get_data(as_text=True)
    assert re.search(r'<form method="post" action="/c/1/offense" data-keep-on-switch', page)
    switched = client.get("/lang/ko?next=/c/1/offense")
    assert switched.headers["Location"] == "/c/1/offense"
    assert 'lang="ko"' in client.get("/c/1/offense").get_data(as_text=True)
