"""Switching language on the worker's record table keeps rows typed but not yet saved
(app.js posts the table with `switch_to`; the server shows it again in the new language)."""

from workerwalk import table_form, table_page


def test_switching_language_keeps_unsaved_rows_and_saves_nothing(client):
    typed = [
        {"code": "HS 11359", "level": "fel", "offense_date": "05/02/2014"},
        {"code": "H&S 11357(b)", "offense_date": "2011"},
    ]
    form = {**table_form(typed, paste="HS 11360 F 2013"), "switch_to": "es"}
    response = table_page(client, form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'lang="es"' in page
    assert 'value="HS 11359"' in page and 'value="05/02/2014"' in page
    assert 'value="H&amp;S 11357(b)"' in page
    assert "HS 11360 F 2013" in page  # the paste box too
    # Nothing was saved: the table shown again on a fresh visit is blank.
    again = client.get("/worker/").get_data(as_text=True)
    assert 'value="HS 11359"' not in again and 'lang="es"' in again


def test_an_unknown_language_in_switch_to_is_ignored_and_the_button_still_works(client):
    form = {**table_form([{"code": "HS 11359"}], action="add"), "switch_to": "xx"}
    page = table_page(client, form).get_data(as_text=True)
    assert 'lang="en"' in page and 'name="code-2"' in page
