"""Worker mode asks the person what the record left out when it decides a row (issue 15): four
pasted lines give no age and, for two of them, no offense date; the follow-up page asks those
facts of the person across the desk, and the walk ends with no row left for a lawyer to
review."""

import html as entities
import re

from test_worker import stored
from webwalk import cards, text_of
from workerwalk import FIELD, table_form

# Four lines as printed on a record: one date is the conviction date, two are offense and
# conviction. None gives the age; the sentence is not on them either.
FOUR_LINES = (
    "HS 11359 F 05/02/2014 LOS ANGELES\n"
    "H&S 11357(b) M 06/01/2010 ALAMEDA\n"
    "11360 HS FEL 12/01/2016 FRESNO\n"
    "HS 11358 F 10/15/2016 03/01/2017 SAN DIEGO"
)
TEXT_CELL = re.compile(r'<input type="text" id="([a-z_]+-\d+)"[^>]*value="([^"]*)"')
CHOSEN = re.compile(r'<select id="([a-z_]+-\d+)"[^>]*>.*?<option value="([^"]*)" selected', re.S)


def paste_and_save(client, lines=FOUR_LINES):
    """Paste the lines into a blank table, then save the rows they filled, unchanged."""
    filled = client.post(
        "/worker/",
        data=table_form([{}, {}, {}], action="paste", paste=lines),
        follow_redirects=True,
    ).get_data(as_text=True)
    form = {name: entities.unescape(value) for name, value in TEXT_CELL.findall(filled)}
    form.update(CHOSEN.findall(filled))
    form.update(rows=str(len(lines.splitlines())), action="save")
    saved = client.post("/worker/", data=form)
    assert saved.status_code == 303, text_of(saved)[:2000]


def follow_up_page(client):
    response = client.get("/worker/questions")
    return response.get_data(as_text=True) if response.status_code == 200 else None


# What the person says across the desk: 34 then, sentences finished on probation, nothing that
# blocks; when each case began, two months before its conviction.
ACROSS_THE_DESK = {"a": "21up", "ss": "done", "sk": "prob", "pr": "n", "se": "?"}
BEGAN = {"f1-od": "03/2014", "f2-od": "04/2010", "f3-od": "10/03/2016"}


def answer(name, _html=None):
    return BEGAN.get(name) or ACROSS_THE_DESK.get(name.split("-")[1], "n")


def test_the_follow_ups_ask_the_age_and_the_dates_the_pasted_lines_leave_out(client):
    paste_and_save(client)
    asked = FIELD.findall(follow_up_page(client))
    # The age decides every row; the offense date the two rows whose line had one date only
    # around Prop 64's day (11/09/2016): 12/01/2016 could be a case from before or after it.
    assert {f"f{row}-a" for row in (1, 2, 3, 4)} <= set(asked)
    assert "f3-od" in asked
    assert "f4-od" not in asked  # its line gave the offense date
    page = text_of(client.get("/worker/questions"))
    assert "How old was the person when it happened?" in page
    assert "When did the person's case happen?" in page
    assert "or ? if the person does not know" in page


def test_the_four_line_walk_ends_with_no_row_for_review_when_the_person_answers(client):
    paste_and_save(client)
    for _ in range(10):
        html = follow_up_page(client)
        if html is None:
            break
        names = list(dict.fromkeys(FIELD.findall(html)))
        posted = client.post("/worker/questions", data={n: answer(n, html) for n in names})
        assert posted.status_code == 303, text_of(posted)[:2000]
    result = client.get("/worker/result")
    assert result.status_code == 200
    shown = cards(result.get_data(as_text=True))
    assert len(shown) == 4
    assert not [card for card in shown if card[1] == "needs_review"], shown


def test_not_sure_is_asked_once_and_kept_as_the_tables_not_sure(client):
    paste_and_save(client, "HS 11359 F 05/02/2014 LOS ANGELES")
    first = follow_up_page(client)
    assert "f1-a" in FIELD.findall(first)
    posted = client.post(
        "/worker/questions",
        data={n: "u" if n.endswith("-a") else answer(n, first) for n in FIELD.findall(first)},
    )
    assert posted.status_code == 303
    again = follow_up_page(client) or ""
    assert "f1-a" not in FIELD.findall(again)
    assert stored(client)["c"][0]["a"] == "u"


def test_an_offense_date_after_the_conviction_is_refused_on_the_follow_up_page(client):
    paste_and_save(client, "11360 HS FEL 12/01/2016 FRESNO")
    html = follow_up_page(client)
    form = {n: answer(n, html) for n in FIELD.findall(html)}
    form["f1-od"] = "01/2017"
    refused = client.post("/worker/questions", data=form, follow_redirects=True)
    assert (
        "Row 1: When it happened – the offense date must be on or before the conviction date"
        in text_of(refused)
    )
    assert stored(client)["c"][0]["od"] == "u"
