"""Worker mode never answers a form with a page Back would send again (issue 15): every button
of the record table and the follow-up page ends in a 303, the page after it is shown once from
the form kept for that GET, and a reload shows the page as the answers stand. A POST from htmx
gets that page itself, in one round trip."""

from test_worker import POSSESSION, save, stored
from webwalk import text_of
from workerwalk import table_form, table_page


def test_a_paste_is_shown_once_after_its_303_and_a_reload_sends_nothing_again(client):
    filled = table_page(client, table_form([{}], action="paste", paste="HS 11359 F 05/02/2014"))
    assert 'value="HS 11359"' in filled.get_data(as_text=True)
    assert "1 row filled from the pasted lines" in text_of(filled)
    assert "t" not in stored(client) and "c" not in stored(client)  # kept for one GET, unsaved
    reloaded = client.get("/worker/").get_data(as_text=True)
    assert 'value="HS 11359"' not in reloaded and "rows filled" not in reloaded


def test_rows_that_cannot_be_read_are_named_after_the_303_and_not_saved(client):
    page = table_page(client, table_form([{**POSSESSION, "conviction_date": "02/31/2014"}]))
    assert "Row 1: Conviction date – 02/31/2014 is not a real date" in text_of(page)
    assert page.get_data(as_text=True).count('value="02/31/2014"') == 1
    assert "c" not in stored(client)
    assert "is not a real date" not in text_of(client.get("/worker/"))


def test_a_row_added_or_removed_comes_back_with_what_was_typed(client):
    typed = [{"code": "HS 11357"}, {"code": "HS 11358"}]
    html = table_page(client, table_form(typed, action="remove-1")).get_data(as_text=True)
    assert 'value="HS 11358"' in html and 'value="HS 11357"' not in html


def test_a_rap_sheet_never_enters_the_cookie_its_page_is_answered_directly(client):
    form = {**table_form([{}]), "action": "rap", "rap": "not a sheet at all"}
    response = client.post("/worker/", data=form)
    assert response.status_code == 200 and "t" not in stored(client)


def test_follow_up_problems_are_shown_once_after_a_303(client):
    save(client, [POSSESSION])
    sent = client.post("/worker/questions", data={})
    assert sent.status_code == 303
    shown = text_of(client.get("/worker/questions"))
    assert "choose yes, no or I'm not sure" in shown
    assert "choose yes, no or I'm not sure" not in text_of(client.get("/worker/questions"))


def test_htmx_gets_the_next_page_in_one_round_trip(client):
    save(client, [POSSESSION])
    sent = client.post("/worker/questions", data={}, headers={"HX-Request": "true"})
    assert sent.status_code == 200
    assert "choose yes, no or I'm not sure" in text_of(sent)
    assert sent.headers["HX-Push-Url"] == "/worker/questions"
    assert "t" not in stored(client)
