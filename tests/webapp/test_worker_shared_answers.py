"""Worker mode: prior convictions asked for several rows can be answered once for all of them
(a row's own answer counts first); nothing else changes."""

import re

from test_worker import save, stored
from workerwalk import FIELD, yes_no_or_not_sure

FELONIES = [
    {"code": "HS 11359", "level": "fel", "conviction_date": "05/02/2014"},
    {"code": "HS 11358", "level": "fel", "conviction_date": "01/01/2012"},
    {"code": "HS 11360", "level": "fel", "conviction_date": "01/01/2013"},
]
PRIOR_KEYS = ("p1", "p2", "p3")  # prior-serious, prior-registrable, prior-same (flow.yaml)


def page(client):
    return client.get("/worker/questions").get_data(as_text=True)


def shared_names(html):
    return list(dict.fromkeys(re.findall(r'name="(all-[a-z0-9]+)"', html)))


def priors_by_row(client):
    return {c["i"]: {k: c.get(k) for k in PRIOR_KEYS} for c in stored(client)["c"]}


def test_priors_asked_in_several_rows_are_offered_once_for_all_first(client):
    save(client, FELONIES)
    html = page(client)
    assert shared_names(html) == [f"all-{key}" for key in PRIOR_KEYS]
    assert html.index('id="same-for-every-row"') < html.index('id="row-1-questions"')
    section = html.split('id="same-for-every-row"')[1].split("</section>")[0]
    assert "Same answer for every row" in section and "counts first" in section
    legends = re.findall(r"<legend>([^<]+)</legend>", section)
    assert len(legends) == 3 and all("the person" in legend for legend in legends)


def test_an_answer_for_all_fills_every_row_left_blank_and_a_rows_own_answer_wins(client):
    save(client, FELONIES)
    rows = sorted({name.split("-")[0] for name in FIELD.findall(page(client))} - {"p"})
    form = {"all-p1": "n", "all-p2": "n", "all-p3": "u", f"{rows[0]}-p3": "y"}
    form.update(
        {
            name: yes_no_or_not_sure(name, "n")
            for name in FIELD.findall(page(client))
            if name.split("-")[1] not in PRIOR_KEYS
        }
    )
    response = client.post("/worker/questions", data=form)
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    saved = priors_by_row(client)
    first = int(rows[0][1:])
    assert saved[first] == {"p1": "n", "p2": "n", "p3": "y"}
    for number in (int(row[1:]) for row in rows[1:]):
        assert saved[number] == {"p1": "n", "p2": "n", "p3": "u"}


def test_with_neither_answer_each_row_is_still_named_in_the_errors(client):
    save(client, FELONIES)
    # Problems too are a 303 to a GET (post/redirect/get): Back never sends the answers again.
    sent = client.post("/worker/questions", data={"all-p1": "n"})
    assert sent.status_code == 303 and sent.headers["Location"] == "/worker/questions"
    response = client.get("/worker/questions")
    html = response.get_data(as_text=True)
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert "Row 1:" in summary and "Row 2:" in summary
    assert all(value["p1"] == "n" for value in priors_by_row(client).values())


def test_a_single_row_has_no_shared_section(client):
    save(client, FELONIES[:1])
    html = page(client)
    assert shared_names(html) == [] and 'id="same-for-every-row"' not in html


def test_the_shared_section_is_translated(client):
    client.get("/lang/es?next=/worker/")
    save(client, FELONIES)
    assert "La misma respuesta para todas las filas" in page(client)
