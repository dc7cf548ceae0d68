"""Each card says once, first, what the person must still do (issue 15): read from the
engine's actions, never contradicted below, the steps in the order the line names them."""

import re
from html import unescape

from webwalk import case_named, text_of, walk_case


def card_texts(html):
    """[(plain text of each card, its steps' headings in order)]."""
    out = []
    for card in re.findall(r"<article .*?</article>", html, re.S):
        words = " ".join(unescape(re.sub(r"<[^>]+>", " ", card)).split())
        out.append((words, [unescape(h) for h in re.findall(r"<h4>([^<]+)</h4>", card)]))
    return out


def first_paragraph(html):
    card = re.search(r"<article .*?</article>", html, re.S).group(0)
    after_heading = card.split("</h2>", 1)[1]
    first = re.search(r"<p[^>]*>(.*?)</p>", after_heading, re.S).group(1)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", first)).split())


def test_an_automatic_dismissal_says_check_first_then_file_only_if_not_changed(client):
    html = walk_case(client, case_named("01-possession-2011-dismissed-automatically"))
    assert first_paragraph(html) == (
        "What you need to do: Check your record. Only if it was not changed, "
        "file form CR-400 at court."
    )
    (words, steps) = card_texts(html)[0]
    assert "You do not need to do anything" not in words
    assert steps[:2] == [
        "Check your record",
        "Only if your record was not changed: ask the court yourself",
    ]
    # The application's words sit under the court step, not above the record check.
    assert words.index("Only if your record was not changed") < words.index(
        'you file an "application"'
    )


def test_a_card_a_lawyer_must_look_at_sends_to_legal_help_first(client):
    html = walk_case(client, case_named("04-cultivation-plants-unknown"))
    assert first_paragraph(html).startswith("What you need to do: Get free legal help first.")
    (words, steps) = card_texts(html)[0]
    assert "do not need to do anything" not in words
    assert steps[0] == "Get free legal help"


def test_a_conviction_too_late_for_the_automatic_review_says_file_first(client):
    case = case_named("02-sale-felony-2013-reduced")
    case["convictions"][0].update(offense_date="2016-06-01", conviction_date="2020-03-01")
    html = walk_case(client, case)
    assert first_paragraph(html) == "What you need to do: File form CR-400 at court."
    (words, steps) = card_texts(html)[0]
    assert steps[0] == "Ask the court yourself"
    assert "do not need to do anything" not in words


def test_a_federal_conviction_gets_federal_advice_not_the_county_public_defender(client):
    html = walk_case(client, case_named("06-federal"))
    assert first_paragraph(html).startswith(
        "What you need to do: No California court can change a federal conviction."
    )
    (words, _steps) = card_texts(html)[0]
    assert "Federal Public Defender" in words
    assert "public defender's office of the county" not in words


def test_an_other_state_conviction_gets_that_states_help(client):
    case = case_named("06-federal")
    case["convictions"][0]["court"] = "other_state"
    html = walk_case(client, case)
    assert "a conviction from another state" in first_paragraph(html)
    (words, _steps) = card_texts(html)[0]
    assert "LawHelp.org" in words and "public defender's office of the county" not in words


def test_the_list_names_an_answered_federal_conviction_by_its_court(client):
    walk_case(client, case_named("06-federal"))
    listed = text_of(client.get("/convictions"))
    assert "Not answered yet" not in listed and "A federal court" in listed


def test_the_summary_to_copy_starts_each_conviction_with_what_to_do(client):
    walk_case(client, case_named("01-possession-2011-dismissed-automatically"))
    text = client.get("/summary.txt").get_data(as_text=True)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("Conviction 1"))
    assert lines[at + 1].strip().startswith("What you need to do: Check your record.")


def test_steps_shared_by_two_convictions_are_given_once_in_the_summary(client):
    case = case_named("01-possession-2011-dismissed-automatically")
    second = dict(case["convictions"][0], id="again")
    case["convictions"].append(second)
    html = walk_case(client, case)
    text = client.get("/summary.txt").get_data(as_text=True)
    assert text.count("Ask the California Department of Justice for a copy") == 1
    assert "The same steps as for conviction 1, above." in text
    # On screen each card keeps its steps (a card read alone is whole), folded under the note
    # so a long result stays short; print hides the copy.
    assert html.count('class="steps same-steps"') >= 1
    folded = re.search(r'<details class="same">.*?</details>', html, re.S).group(0)
    assert "The same steps as for conviction 1, above." in folded and "same-steps" in folded
