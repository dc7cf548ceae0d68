"""Every way to clear each conviction (issue 16): a person adds a conviction that is not for
cannabis, is asked only what decides its paths, and the result shows, per conviction, one line
per path and one ordered list of next steps. Plain POST and 303, as with JavaScript off."""

import re
from html import unescape

from webwalk import (
    OLD_POSSESSION,
    PROP64_QUESTIONS,
    THEFT,
    add_conviction,
    answer_until,
    answers_for_case,
    case_named,
    finish,
    text_of,
)

PERSON = {"must_register_290": "no", "under_supervision": "no", "pending_charges": "no"}
# Old-law sale, felony, 2013, probation completed: Prop 64 reduces it (the contract's 02).
SALE = case_named("02-sale-felony-2013-reduced")["convictions"][0]


def add_other_conviction(client, answers, asked=None):
    """ "Yes, another conviction, not for cannabis" on the list page, then its questions."""
    response = client.post("/convictions", data={"answer": "o"})
    assert response.status_code == 303
    return answer_until(client, response.headers["Location"], answers, asked=asked)


def walk_sale_and_theft(client, asked=None):
    assert add_conviction(client, answers_for_case(SALE), first=True) == "/convictions"
    assert add_other_conviction(client, answers_for_case(THEFT), asked) == "/convictions"
    assert finish(client, PERSON) == "/check"
    response = client.get("/result")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def card(html, number):
    return re.findall(r"<article .*?</article>", html, re.S)[number - 1]


def path_outcomes(card_html):
    """{path: outcome} as the card shows them (folded ones too)."""
    return dict(re.findall(r'data-path="([^"]+)" data-path-outcome="([a-z_]+)"', card_html))


def next_steps(card_html):
    """The headings of the card's one ordered list of next steps, in order."""
    steps = re.search(
        r'<ol class="next-steps steps">(.*?)</ol>\s*<details class="why"', card_html, re.S
    )
    return [unescape(h) for h in re.findall(r"<h4>([^<]+)</h4>", steps.group(1))]


def test_the_list_page_offers_a_conviction_that_is_not_for_cannabis(client):
    add_conviction(client, answers_for_case(SALE), first=True)
    page = text_of(client.get("/convictions"))
    assert "Do you have another conviction?" in page
    assert "Yes, another conviction, not for cannabis" in page
    response = client.post("/convictions", data={"answer": "o"})
    assert response.headers["Location"] == "/c/2/where"
    for screen, data in (("where", "ca"), ("court", "adult"), ("county", "19")):
        client.post(f"/c/2/{screen}", data={"answer": data})
    # The offense question comes with "something else" chosen: only the code section is left.
    offense = client.get("/c/2/offense").get_data(as_text=True)
    assert re.search(r'value="other" checked', offense)


def test_a_theft_is_asked_only_what_decides_its_paths(client):
    asked = []
    walk_sale_and_theft(client, asked)
    assert not PROP64_QUESTIONS & set(asked), asked
    # Probation revoked decides PC 1203.4: the court must, or the court may.
    assert {"sentence-kind", "probation-revoked", "level", "convicted"} <= set(asked)


def test_a_sentence_still_being_served_asks_nothing_about_the_kind_of_sentence(client):
    add_conviction(client, answers_for_case(SALE), first=True)
    serving = {**THEFT, "sentence": {"status": "serving"}}
    asked = []
    add_other_conviction(client, answers_for_case(serving), asked)
    # Serving a sentence blocks every path (decision-rules E, G): its kind cannot matter.
    assert "sentence-kind" not in asked and "probation-revoked" not in asked


def test_each_conviction_shows_its_paths_and_one_ordered_list_of_steps(client):
    html = walk_sale_and_theft(client)
    sale, theft = card(html, 1), card(html, 2)
    assert path_outcomes(theft)["PC 1203.4"] == "discretionary"
    assert path_outcomes(theft)["PC 1203.425"] == "not_eligible"
    assert path_outcomes(sale)["PC 1203.425"] == "eligible"
    theft_text = text_of(theft)
    assert "Conviction 2 (PC 484(a)) The court may dismiss it if you ask" in theft_text
    assert "What you need to do: Ask the court to dismiss it: file forms CR-180 and CR-181." in (
        theft_text
    )
    assert "Your probation was revoked, so the court decides" in theft_text
    # What a dismissal does not do, on its line.
    assert "does not give back the right to own a gun" in theft_text
    assert "count as a prior conviction" in theft_text
    # One ordered list per card, the form first for the theft, free legal help last.
    assert next_steps(theft) == ["Ask the court to dismiss it", "Get free legal help"]
    assert "Superior Court of California, County of Los Angeles" in text_of(
        re.search(r'data-action="file_cr180".*?</li>\s*</ol>', theft, re.S).group(0)
    )
    assert "CR-180" in theft_text and "CR-181" in theft_text
    # The cannabis sale: the automatic relief is checked first, then the forms.
    sale_steps = next_steps(sale)
    assert sale_steps[0] == "Check your record" and sale_steps[-1] == "Get free legal help"
    assert "Only if your record was not changed: ask the court yourself" in sale_steps
    assert "Automatic clean slate (PC 1203.425)" in text_of(
        re.search(r'data-action="check_record".*?</li>', sale, re.S).group(0)
    )
    # Prop 64 does not apply to a theft: folded away with the other paths that do not apply.
    folded = re.search(r'<details class="not-applying">.*?</details>', theft, re.S).group(0)
    assert 'data-path="HS 11361.8"' in folded and 'data-path="PC 1203.4"' not in folded


def test_the_reasons_and_the_law_are_collapsed_and_the_glance_list_comes_first(client):
    html = walk_sale_and_theft(client)
    glance = html.index('class="glance"')
    assert glance < html.index("<article")
    assert "Conviction 2 (PC 484(a)) The court may dismiss it if you ask" in text_of(
        re.search(r'<nav class="glance".*?</nav>', html, re.S).group(0)
    )
    theft = card(html, 2)
    # Citations are kept whole with no-break spaces (issue 15): read them as spaces here.
    theft = theft.replace("\xa0", " ")
    why = re.search(r'<details class="why">(.*?)</details>', theft, re.S).group(1)
    assert '<details class="why" open' not in theft
    assert "PC 1203.4(a)(1)" in why  # the law behind the path, inside the collapsed part
    assert "PC 1203.4(a)(1)" not in theft.replace(why, "")


def test_the_summary_carries_the_same_paths_and_steps(client):
    walk_sale_and_theft(client)
    text = client.get("/summary.txt").get_data(as_text=True)
    theft = text[text.index("Conviction 2 (PC 484(a))") :]
    assert theft.startswith("Conviction 2 (PC 484(a)): The court may dismiss it if you ask")
    assert "- Dismissal after probation (PC 1203.4): Your probation was revoked" in theft
    assert "What to do, in order:" in theft
    assert "1. Ask the court to dismiss it:" in theft
    assert "2. Get free legal help:" in theft
    assert "Checked, does not apply: Prop 64 (HS 11361.8)" in theft


def test_not_sure_whether_probation_was_revoked_sends_to_a_lawyer(client):
    add_conviction(client, answers_for_case(SALE), first=True)
    unsure = {**THEFT, "sentence": {**THEFT["sentence"], "probation_revoked": "unknown"}}
    add_other_conviction(client, answers_for_case(unsure))
    finish(client, PERSON)
    theft = card(client.get("/result").get_data(as_text=True), 2)
    assert path_outcomes(theft)["PC 1203.4"] == "needs_review"
    assert next_steps(theft)[0] == "Get free legal help"


def test_an_old_small_possession_record_asks_for_destruction(client):
    add_conviction(client, answers_for_case(OLD_POSSESSION), first=True)
    finish(client, PERSON)
    html = card(client.get("/result").get_data(as_text=True), 1)
    assert path_outcomes(html)["HS 11361.5"] == "eligible"
    steps = next_steps(html)
    assert steps[0] == "Check your record"
    assert steps.index("Ask for the old record to be destroyed") == len(steps) - 2
    # Prop 64 dismissed it: no dismissal by petition is listed (decision-rules G).
    assert "PC 1203.4" not in path_outcomes(html)


def test_worker_mode_asks_a_theft_row_only_whether_probation_was_revoked(client):
    """The same facts in worker mode: the table's sentence columns, then a follow-up only where
    it decides a path (here PC 1203.4: the court must, or the court may)."""
    from workerwalk import FIELD, answer_questions, cells_for, table_form

    response = client.post("/worker/", data=table_form([cells_for(THEFT)]))
    assert response.headers["Location"] == "/worker/questions"
    page = client.get("/worker/questions").get_data(as_text=True)
    row_fields = {name.split("-", 1)[1] for name in FIELD.findall(page) if name.startswith("f1-")}
    assert row_fields == {"probation-revoked"}  # nothing about cannabis, nor the age
    answers = {
        "f1-probation-revoked": "y",
        "p-registration": "n",
        "p-supervision": "n",
        "p-pending": "n",
    }
    theft = card(answer_questions(client, answers).get_data(as_text=True), 1)
    assert path_outcomes(theft)["PC 1203.4"] == "discretionary"
    assert next_steps(theft) == ["Ask the court to dismiss it", "Get free legal help"]


DISMISSAL_SAYS = "A dismissal does not erase the conviction"


def test_what_a_dismissal_does_not_do_is_said_once_and_folded_after(client):
    """Several dismissal paths on one page: the paragraph on disclosure, guns and priors is
    read whole the first time; each later path says "the same as above", the words one tap
    away, and the summary gives them once."""
    page = walk_sale_and_theft(client)
    html = re.sub(r"<textarea.*?</textarea>", "", page, flags=re.S)  # the summary, below
    folded = re.findall(
        r'<details class="same-limits"><summary class="same-note">[^<]*</summary>'
        r'<span class="effects same-steps">(.*?)</span></details>',
        html,
        re.S,
    )
    whole = html.count(DISMISSAL_SAYS) - sum(DISMISSAL_SAYS in text for text in folded)
    assert whole == 1 and any(DISMISSAL_SAYS in text for text in folded)
    first = html.index(DISMISSAL_SAYS)
    assert html.index('<details class="same-limits">') > first
    assert "What it does not do: the same as above." in html
    summary = client.get("/summary.txt").get_data(as_text=True)
    assert summary.count(DISMISSAL_SAYS) == 1
    assert summary.count("What it does not do: the same as above.") == len(folded)
