"""Worker mode with JavaScript off: the record table (paste, add, remove, row errors, 50 rows),
follow-up questions only where the engine needs them, and the public walk's result page."""

import json
import random
import re
from pathlib import Path

import pytest
from webwalk import cards, session_cookie, text_of
from workerwalk import FIELD, answer_questions, cells_for, fact_answers, table_form, table_page

import rules
from webapp import state, walks
from webapp.flow import CONVICTION_SCREENS
from webapp.pages import today

# The follow-up questions' fields (named by the cookie's keys): conduct, priors, probation.
FOLLOW_UP_KEYS = [s.key for s in CONVICTION_SCREENS if s.type == "yes_no_unsure"]
# The one date asked after the table, typed as on the record ("?": the record does not say).
ENDED = next(s.key for s in CONVICTION_SCREENS if s.id == "sentence-ended")

EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples"
POSSESSION = {
    "code": "HS 11357",
    "level": "mis",
    "conviction_date": "03/15/2011",
    "age": "34",
    "sentence": "done",
    "sentence_kind": "fine",
    "county": "Alameda",
}
GROWING = {
    "code": "HS 11358",
    "level": "fel",
    "offense_date": "04/01/2012",
    "conviction_date": "10/01/2012",
    "age": "1980",
    "sentence": "done",
    "sentence_kind": "jail",
    "county": "Fresno",
}
ROBBERY = {
    "code": "PC 211",
    "level": "fel",
    "conviction_date": "2009",
    "sentence": "done",
    "sentence_kind": "prison",
}


def cell_values(html):
    """{field name: value shown} for every text cell of the table."""
    return dict(re.findall(r'<input type="text" id="([a-z_]+-\d+)"[^>]*value="([^"]*)"', html))


def chosen(html, name):
    """The option selected in the select named `name`."""
    options = re.search(rf'<select id="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(r'<option value="([^"]*)" selected>', options).group(1)


def rows_shown(html):
    return len(re.findall(r'<th scope="row"', html))


def stored(client):
    """The state the browser holds (the signed cookie, read back)."""
    app, value = client.application, session_cookie(client)
    return app.session_interface.get_signing_serializer(app).loads(value) if value else {}


def stored_case(client):
    """The engine's case built from the browser's state, as the app builds it."""
    with client.application.test_request_context():
        from flask import session

        session.update(stored(client))
        return walks.build_case(today())


def save(client, rows):
    response = client.post("/worker/", data=table_form(rows))
    assert response.status_code == 303, text_of(response)[:3000]
    assert response.headers["Location"] == "/worker/questions"
    return response


def test_the_start_page_offers_worker_mode(client):
    page = client.get("/").get_data(as_text=True)
    assert 'href="/worker/"' in page
    table = client.get("/worker/")
    assert table.status_code == 200
    assert "Paste lines from the record" in text_of(table)
    assert rows_shown(table.get_data(as_text=True)) == 3


def test_every_cell_is_labelled_by_its_row_and_column(client):
    html = client.get("/worker/").get_data(as_text=True)
    assert (
        'id="conviction_date-2" name="conviction_date-2" aria-labelledby="row-2 col-conviction_date"'
        in html
    )
    assert '<th scope="col" id="col-conviction_date">Conviction date</th>' in html
    assert 'id="row-2"><span class="visually-hidden">Row </span>2' in html


def test_pasted_lines_fill_rows_and_unreadable_lines_come_back_verbatim(client):
    pasted = (
        "HS 11359 F 05/02/2014\n"
        "COUNT  DATE  CHARGE\n"
        "05/02/2010 H&S 11357(b) M 06/01/2010 LOS ANGELES\n"
        "\n"
        "HS 11357 M 1/2/2003 1/3/2003 1/4/2003\n"
        "11360 HS FEL 2012"
    )
    response = table_page(client, table_form([{}, {}], action="paste", paste=pasted))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    cells = cell_values(html)
    assert (cells["code-1"], cells["conviction_date-1"], cells["offense_date-1"]) == (
        "HS 11359",
        "05/02/2014",
        "",
    )
    assert (chosen(html, "level-1"), chosen(html, "level-2"), chosen(html, "level-3")) == (
        "fel",
        "mis",
        "fel",
    )
    assert (
        cells["code-2"],
        cells["offense_date-2"],
        cells["conviction_date-2"],
        cells["county-2"],
    ) == ("H&amp;S 11357(b)", "05/02/2010", "06/01/2010", "Los Angeles")
    assert (cells["code-3"], cells["conviction_date-3"]) == ("11360 HS", "2012")
    assert rows_shown(html) == 3  # two blank rows were filled, one added
    report = text_of(html.split('id="paste-report"')[1].split("</div>")[0])
    assert "3 rows filled" in report and "2 lines were not read" in report
    assert "COUNT DATE CHARGE – no code section found in this line" in report
    assert "<code>COUNT  DATE  CHARGE</code>" in html  # verbatim, spaces and all
    assert "HS 11357 M 1/2/2003 1/3/2003 1/4/2003 – more than two dates" in report
    # The unread lines are back in the box, exactly as pasted.
    box = html.split('name="paste"')[1].split(">", 1)[1].split("</textarea>")[0]
    assert box == "COUNT  DATE  CHARGE\nHS 11357 M 1/2/2003 1/3/2003 1/4/2003"
    assert "c" not in stored(client)  # nothing is kept until the worker saves


def test_pasted_rows_are_saved_only_when_the_worker_confirms(client):
    pasted = table_page(client, table_form([], action="paste", paste="HS 11359 F 05/02/2014"))
    html = pasted.get_data(as_text=True)
    assert "c" not in stored(client)
    cells = cell_values(html)
    cells.update({"level-1": "fel", "court-1": "ca"})
    form = {key: value for key, value in cells.items()}
    form.update(
        {"rows": "1", "action": "save", "number-1": "", "sentence-1": "", "sentence_kind-1": ""}
    )
    response = client.post("/worker/", data=form)
    assert response.status_code == 303
    assert [c["s"] for c in stored(client)["c"]] == ["HS 11359"]
    back = cell_values(client.get("/worker/").get_data(as_text=True))
    assert back["code-1"] == "HS 11359" and back["conviction_date-1"] == "05/02/2014"


def test_row_errors_name_the_row_and_the_field_and_keep_what_was_typed(client):
    rows = [
        POSSESSION,
        {**POSSESSION, "code": ""},
        {**POSSESSION, "conviction_date": "05/02/14"},
        {**POSSESSION, "offense_date": "02/31/2014"},
        {**POSSESSION, "county": "Los Angles", "age": "old"},
        {**POSSESSION, "offense_date": "2012", "conviction_date": "2011"},
        {},
    ]  # an empty row is left out, not an error
    response = table_page(client, table_form(rows))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert [anchor for anchor, _ in links] == [
        "code-2",
        "conviction_date-3",
        "offense_date-4",
        "age-5",
        "county-5",
        "offense_date-6",
    ]
    words = [re.sub(r"\s+", " ", message.replace("&#39;", "'")) for _, message in links]
    assert words[0].startswith("Row 2: Code section – enter the code section")
    assert words[1].startswith("Row 3: Conviction date – 05/02/14 has a two-digit year")
    assert words[2] == "Row 4: Offense date – 02/31/2014 is not a real date (month/day/year)"
    assert words[3].startswith("Row 5: Age then or birth year – old is not an age")
    assert (
        words[4]
        == "Row 5: County – Los Angles is not a California county (did you mean Los Angeles?)"
    )
    assert words[5].startswith("Row 6: Offense date – the offense date must be on or before")
    cells = cell_values(html)
    assert cells["offense_date-4"] == "02/31/2014" and cells["county-5"] == "Los Angles"
    assert 'aria-describedby="offense_date-4-error" aria-invalid="true"' in html
    assert (
        'id="code-2" name="code-2" aria-labelledby="row-2 col-code" aria-describedby="code-2-error" aria-invalid="true" autofocus'
        in html
    )
    assert "<title>Error: " in html
    assert "c" not in stored(client)  # nothing saved while a row is wrong


def test_add_and_remove_rows_without_javascript_keep_what_was_typed(client):
    rows = [POSSESSION, GROWING, ROBBERY]
    added = table_page(client, table_form(rows, action="add")).get_data(as_text=True)
    assert rows_shown(added) == 4
    assert cell_values(added)["code-2"] == "HS 11358" and cell_values(added)["code-4"] == ""
    assert 'id="code-4" name="code-4" aria-labelledby="row-4 col-code" autofocus' in added
    removed = table_page(client, table_form(rows, action="remove-2")).get_data(as_text=True)
    assert rows_shown(removed) == 2
    cells = cell_values(removed)
    assert (cells["code-1"], cells["code-2"]) == ("HS 11357", "PC 211")
    assert cells["conviction_date-2"] == "2009" and cells["county-1"] == "Alameda"
    ten = table_page(client, table_form(rows, action="add10")).get_data(as_text=True)
    assert rows_shown(ten) == 13


def test_the_table_stops_at_fifty_rows_and_says_so(client):
    response = table_page(client, table_form([{}] * 45, action="add10"))
    assert rows_shown(response.get_data(as_text=True)) == 50
    full = table_page(client, table_form([{}] * 50, action="add"))
    assert rows_shown(full.get_data(as_text=True)) == 50
    assert "The table holds at most 50 rows." in text_of(full)


def varied_row(rng):
    year = rng.randint(1985, 2020)
    return {
        "code": rng.choice(
            [
                "HS 11357",
                "HS 11358",
                "H&S 11359",
                "11360(a)",
                "PC 211",
                "HS 11357(b)",
                "PC 664/11359",
            ]
        ),
        "level": rng.choice(["fel", "mis", "inf", "u"]),
        "offense_date": rng.choice(
            ["", f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{year}"]
        ),
        "conviction_date": f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{year + 1}",
        "age": rng.choice(["", "19", "45", str(year - rng.randint(16, 50))]),
        "sentence": rng.choice(["", "done", "serving"]),
        "sentence_kind": rng.choice(["", "prob", "jail", "prison", "fine"]),
        "court": rng.choice(["ca", "ca", "ca", "juv", "fed", "u"]),
        "county": rng.choice(["", "Los Angeles", "san diego", "Humboldt County"]),
    }


def test_fifty_rows_are_saved_evaluated_and_fit_the_cookie(client):
    rng = random.Random(50)
    rows = [varied_row(rng) for _ in range(50)]
    save(client, rows)
    assert len(session_cookie(client)) <= state.COOKIE_BUDGET
    answers = {}

    class Anything(dict):
        def __missing__(self, name):
            if name.endswith(f"-{ENDED}"):
                return rng.choice(["?", "06/2019", "2024"])
            if name.endswith(("-od", "-cd")):  # a record date the table left unknown
                return "?"
            if name.endswith("-a"):  # the age, when the record left it unknown
                return rng.choice(["lt18", "21up", "u"])
            if name.endswith(("-l", "-ss", "-sk")):
                return "u"
            return rng.choice("ynu")

    result = answer_questions(client, Anything(answers))
    assert result.status_code == 200
    shown = cards(result.get_data(as_text=True))
    assert [cid for cid, _, _ in shown] == [f"c{n}" for n in range(1, 51)]
    assert len(session_cookie(client)) <= state.COOKIE_BUDGET
    # The cards are the engine's own answers for the case kept in the cookie.
    determination = rules.evaluate(stored_case(client))
    assert [(c["id"], c["prop64"]["outcome"]) for c in determination["convictions"]] == [
        (cid, outcome) for cid, outcome, _ in shown
    ]


def follow_up_names(client):
    return list(
        dict.fromkeys(FIELD.findall(client.get("/worker/questions").get_data(as_text=True)))
    )


def test_follow_ups_are_asked_only_where_the_engine_says_they_decide(client):
    save(client, [POSSESSION, GROWING, ROBBERY])
    names = follow_up_names(client)
    asked = {}
    for name in names:
        number, key = name.split("-")
        asked.setdefault(number, set()).add(key)
    assert "f3" not in asked  # robbery: no Prop 64 fact can change its result
    assert "pl" in asked["f2"]  # growing: the number of plants decides it
    assert not {"pl", "fs"} & asked.get("f1", set())  # plants and sale do not matter for possession
    decisive = rules.decisive_facts(stored_case(client))
    paths = {
        s.key: s.fact
        for s in CONVICTION_SCREENS
        if s.fact and s.fact.startswith(("conduct", "priors"))
    }
    for number, keys in asked.items():
        for key in keys & set(paths):
            assert paths[key] in decisive[f"c{number[1:]}"], (number, key)


def test_follow_up_questions_speak_of_the_person_and_name_the_row_when_unanswered(client):
    save(client, [GROWING])
    page = client.get("/worker/questions")
    text = text_of(page)
    assert "Row 1: HS 11358, Felony, 10/01/2012" in text
    legends = re.findall(r"<legend>([^<]+)</legend>", page.get_data(as_text=True))
    assert legends and not any(re.search(r"\byou(r)?\b", legend, re.I) for legend in legends)
    assert any("the person" in legend for legend in legends)
    # Problems too are a 303 to a GET (post/redirect/get): Back never sends the answers again.
    sent = client.post("/worker/questions", data={})
    assert sent.status_code == 303 and sent.headers["Location"] == "/worker/questions"
    unanswered = client.get("/worker/questions")
    summary = text_of(
        unanswered.get_data(as_text=True).split('class="error-summary"')[1].split("</div>")[0]
    )
    assert "Row 1: More than six plants – choose yes, no or I'm not sure" in summary


@pytest.mark.parametrize(
    "case_file", sorted(EXAMPLES.glob("*.case.json")), ids=lambda p: p.name.split(".")[0]
)
def test_a_known_record_gets_the_engines_result_cards(client, case_file):
    case = json.loads(case_file.read_text())
    expected = json.loads(
        case_file.with_name(case_file.name.replace(".case.", ".expected.")).read_text()
    )
    save(client, [cells_for(c) for c in case["convictions"]])
    numbers = {c["id"]: n for n, c in enumerate(case["convictions"], start=1)}
    result = answer_questions(client, fact_answers(case, numbers))
    html = result.get_data(as_text=True)
    shown = [(outcome, automatic) for _cid, outcome, automatic in cards(html)]
    assert shown == [
        (want["prop64"]["outcome"], want["prop64"].get("automatic", automatic))
        for want, (_o, automatic) in zip(expected["convictions"], shown)
    ]
    assert len(shown) == len(expected["convictions"])
    assert 'href="/worker/"' in html and "Change the record" in html
    assert "Prepared with a legal aid worker" in text_of(html)


def test_the_summary_follows_the_language_and_the_table_comes_back_saved(client):
    save(client, [POSSESSION])
    result = answer_questions(
        client,
        {name: "n" for name in ("p-r", "p-v", "p-pc")}
        | {f"f1-{key}": "n" for key in FOLLOW_UP_KEYS},
    )
    english = text_of(result)
    assert "Summary to copy" in english
    client.get("/lang/es?next=/worker/result")
    spanish = client.get("/worker/result").get_data(as_text=True)
    assert '<html lang="es"' in spanish and "Summary to copy" not in text_of(spanish)
    table = cell_values(client.get("/worker/").get_data(as_text=True))
    assert (table["code-1"], table["conviction_date-1"], table["age-1"], table["county-1"]) == (
        "HS 11357",
        "03/15/2011",
        "21+",
        "Alameda",
    )


def test_saving_again_keeps_each_rows_follow_up_answers(client):
    save(client, [POSSESSION, GROWING])
    answer_questions(
        client,
        {name: "n" for name in ("p-r", "p-v", "p-pc")}
        | {f"f{n}-{key}": "n" for n in (1, 2) for key in FOLLOW_UP_KEYS}
        | {f"f{n}-{ENDED}": "?" for n in (1, 2)},
    )
    form = table_form([GROWING, {**POSSESSION, "county": "Marin"}], numbers={1: "2", 2: "1"})
    assert client.post("/worker/", data=form).status_code == 303
    # Same rows, swapped and one county changed: nothing left to ask, straight to the result.
    response = client.get("/worker/questions")
    assert response.headers["Location"] == "/worker/result"
    html = client.get("/worker/result").get_data(as_text=True)
    assert [cid for cid, _, _ in cards(html)] == ["c2", "c1"]
    assert "Marin" in html


def test_the_public_pages_read_a_saved_record_with_full_dates(client):
    save(client, [{**GROWING, "conviction_date": "05/02/2014"}])
    check = client.get("/check")
    assert check.status_code == 200
    assert "May 2, 2014" in text_of(check) and "April 1, 2012" in text_of(check)
    assert client.get("/convictions").status_code == 200
    convicted = client.get("/c/1/convicted").get_data(as_text=True)
    assert '<option value="05" selected>' in convicted


def test_every_yes_no_or_date_follow_up_has_words_in_the_third_person(app):
    from webapp.flow import CONVICTION_SCREENS, PERSON_SCREENS
    from webapp.worker import rows, voice

    follow_ups = [
        s
        for s in CONVICTION_SCREENS + PERSON_SCREENS
        if s.type == "yes_no_unsure" or (s.type == "date" and s.key not in rows.TABLE_KEYS)
    ]
    assert len(follow_ups) >= 15
    with app.test_request_context():
        for screen in follow_ups:
            words = voice.words(screen.id, voice.CLIENT)
            said = f"{words['title']} {words.get('hint', '')}"
            assert not re.search(r"\byou(r)?\b", said, re.I), (screen.id, said)


def test_with_errors_the_tab_title_says_so_and_the_heading_stays_plain(client):
    html = table_page(client, table_form([{**POSSESSION, "level": ""}])).get_data(as_text=True)
    assert "<title>Error: Enter the person&#39;s record" in html
    assert re.search(
        r'<h1 id="main-heading" tabindex="-1">Enter the person&#39;s record</h1>', html
    )
