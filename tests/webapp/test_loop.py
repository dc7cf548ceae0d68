"""The "another conviction?" loop: 30 and more convictions, each changed or removed, and the
whole state inside one cookie within the size budget."""

import random
import re

from test_questions import CONDUCT_AND_PRIORS, NO_TO_ALL, POSSESSION_2011
from webwalk import add_conviction, answer_until, session_cookie, text_of

from webapp import state
from webapp.flow import CONVICTION_SCREENS


def varied(number):
    """A different, fully answered conviction for each number (worst case for compression)."""
    rng = random.Random(number)
    answers = dict(POSSESSION_2011)
    answers["county"] = {"answer": str(rng.randint(1, 58))}
    answers["offense"] = {
        "answer": rng.choice(["have", "grow", "pfs", "sell"]),
        "detail": f"HS {rng.choice(['11357', '11358', '11359', '11360'])}({rng.choice('abcd')})",
    }
    answers["level"] = {"answer": rng.choice(["fel", "mis", "inf", "u"])}
    year = rng.randint(1975, 2016)
    answers["convicted"] = {"year": str(year), "month": f"{rng.randint(1, 12):02d}"}
    answers["happened"] = {"year": str(year - rng.randint(0, 1)), "month": ""}
    answers["age"] = {"answer": "born", "detail": str(rng.randint(1940, 1990))}
    for screen in (*CONDUCT_AND_PRIORS, "gift-young-adult", "hired-minor", "new-felony"):
        answers[screen] = {"answer": rng.choice("ynu")}
    answers["sentence-ended"] = {
        "year": str(year + rng.randint(0, 8)),
        "month": f"{rng.randint(1, 12):02d}",
    }
    return answers


def add_many(client, count):
    for number in range(count):
        assert add_conviction(client, varied(number), first=number == 0) == "/convictions"


def test_thirty_convictions_added_changed_and_removed(client):
    add_many(client, 30)
    page = text_of(client.get("/convictions"))
    assert "Conviction 30" in page and "Do you have another conviction?" in page
    # Change the 12th conviction's county from the check page, and come back to it.
    change = client.get("/c/12/county?return=check")
    assert change.status_code == 200
    back = client.post("/c/12/county?return=check", data={"answer": "1"})
    assert back.headers["Location"] == "/check"
    check = client.get("/check").get_data(as_text=True)
    section = check.split('id="conviction-12"')[1].split("</section>")[0]
    assert "Alameda" in section
    # Remove the 5th: 29 are left and the others keep their answers.
    assert client.post("/c/5/remove").status_code == 303
    rows = client.get("/convictions").get_data(as_text=True)
    assert rows.count('class="row"') == 29 and 'data-conviction-number="5"' not in rows
    response = client.post("/convictions", data={"answer": "n"})
    assert answer_until(client, response.headers["Location"], NO_TO_ALL) == "/check"
    result = client.get("/result").get_data(as_text=True)
    assert result.count("data-conviction-id=") == 29
    assert 'data-conviction-id="c5"' not in result and 'data-conviction-id="c30"' in result


def stored(number):
    """What the cookie holds for a fully answered, varied conviction (as the walk stores it)."""
    answers = varied(number)
    row = {"number": number + 1}
    for screen in CONVICTION_SCREENS:
        data = answers[screen.id]
        if screen.type == "date":
            row[screen.id] = data["year"] + (f"-{data['month']}" if data["month"] else "")
        else:
            row[screen.id] = data["answer"]
            if screen.detail and data.get("detail"):
                row[screen.detail_name] = data["detail"]
    return row


def test_fifty_varied_convictions_fit_the_cookie_budget(client):
    """Worker mode needs 50 rows; walking 50 through HTTP is slow, so the rows are put in the
    cookie directly (the 30-conviction test above walks them for real)."""
    client.get("/")
    with client.session_transaction() as session:
        session["convictions"] = [stored(number) for number in range(50)]
        session["next_number"] = 51
        session["person"] = {"registration": "n", "supervision": "n", "pending": "u"}
        session["language"] = "zh_Hant"
    response = client.get("/convictions")
    assert response.get_data(as_text=True).count('class="row"') == 50
    assert len(session_cookie(client)) <= state.COOKIE_BUDGET


def test_past_the_limit_the_person_is_told_and_nothing_is_lost(client, monkeypatch):
    monkeypatch.setattr(state, "MAX_CONVICTIONS", 3)
    add_many(client, 3)
    before = session_cookie(client)
    response = client.post("/convictions", data={"answer": "y"})
    assert response.status_code == 200
    assert "at the most this tool can keep" in text_of(response)
    assert client.get("/convictions").get_data(as_text=True).count('class="row"') == 3
    assert session_cookie(client) is not None and before


def test_an_answer_that_would_overflow_the_cookie_is_refused_with_a_message(client, monkeypatch):
    add_many(client, 1)
    monkeypatch.setattr(state, "COOKIE_BUDGET", 10)
    response = client.post(
        "/c/1/offense?return=check", data={"answer": "grow", "detail": "HS 11358(c)"}
    )
    assert response.status_code == 200
    assert "at the most this tool can keep" in text_of(response)
    monkeypatch.undo()
    assert "HS 11358(c)" not in text_of(client.get("/check"))


def test_removing_every_conviction_asks_to_add_one(client):
    add_many(client, 1)
    client.post("/c/1/remove")
    assert "You have not added a conviction yet" in text_of(client.get("/convictions"))
    response = client.post("/convictions", data={"answer": "n"})
    assert "Add at least one conviction" in text_of(response)
    assert client.get("/result").status_code == 303


def test_list_needs_an_answer(client):
    add_many(client, 1)
    response = client.post("/convictions", data={})
    assert response.status_code == 200 and 'href="#answer-y"' in response.get_data(as_text=True)


def test_an_unfinished_conviction_is_resumed_not_skipped(client):
    client.post("/begin")
    client.post("/c/1/where", data={"answer": "ca"})
    page = client.get("/convictions").get_data(as_text=True)
    assert "Finish the questions" in page and 'href="/c/1/court"' in page
    response = client.post("/convictions", data={"answer": "n"})
    assert response.headers["Location"] == "/c/1/court"
    assert client.get("/result").headers["Location"] == "/c/1/court"


def test_change_that_opens_a_new_question_asks_it_then_returns_to_check(client):
    answers = dict(POSSESSION_2011)
    assert add_conviction(client, answers, first=True) == "/convictions"
    # Now it was growing: the plant question matters and has not been answered yet.
    response = client.post("/c/1/offense?return=check", data={"answer": "grow", "detail": ""})
    location = response.headers["Location"]
    assert location.startswith("/c/1/") and location.endswith("?return=check")
    assert re.search(r"/c/1/(plants|environment|prior-)", location)
    end = answer_until(
        client,
        location,
        {
            **answers,
            **{s.id: {"answer": "n"} for s in CONVICTION_SCREENS if s.type == "yes_no_unsure"},
        },
    )
    assert end == "/check"
