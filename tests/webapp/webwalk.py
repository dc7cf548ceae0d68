"""Walking the questionnaire like a person would: POST an answer, follow the 303.

`answers_for_case` turns a contract case (tests' source of truth) into what a person would
choose on each screen, so the contract examples can be walked through the real flow.
"""

import json
import re
from datetime import date
from html import unescape
from pathlib import Path

from webapp import flow

EXAMPLES = Path(__file__).resolve().parents[1] / "rules" / "examples"
# Every test's day, the contract examples' `as_of` (tests/conftest.py sets it for every app).
TODAY = date(2026, 11, 24)

COURT = {
    "california_adult": ("ca", "adult"),
    "california_juvenile": ("ca", "juv"),
    "federal": ("fed", None),
    "other_state": ("oth", None),
    "unknown": ("u", None),
}
WORDS = {"11357": "have", "11358": "grow", "11359": "pfs", "11360": "sell"}
LEVEL = {"felony": "fel", "misdemeanor": "mis", "infraction": "inf", "unknown": "u"}
AGE = {"under_18": "lt18", "18_to_20": "18to20", "21_or_older": "21up", "unknown": "u"}
STATUS = {"completed": "done", "serving": "serving", "unknown": "u"}
KIND = {
    "probation": "prob",
    "county_jail": "jail",
    "state_prison": "prison",
    "fine_only": "fine",
    "unknown": "u",
}
TRI = {"yes": "y", "no": "n", "unknown": "u"}
# question name -> (group, fact), as flow.yaml declares them.
FACT_SCREENS = {
    s.id: tuple(s.fact.split("."))
    for s in flow.CONVICTION_SCREENS
    if s.fact and s.fact.startswith(("conduct.", "priors."))
}
PERSON_SCREENS = {s.id: s.fact.split(".")[1] for s in flow.PERSON_SCREENS}
# Questions only Prop 64 weighs: the conduct, the priors and the age (decision-rules B).
PROP64_QUESTIONS = frozenset(FACT_SCREENS) | {"age"}

# Convictions of issue 16's walks (client and browser tests): an old small possession whose
# record should have been destroyed (HS 11361.5), and a theft, not for cannabis, whose revoked
# probation leaves its dismissal to the court (PC 1203.4).
OLD_POSSESSION = {
    "court": "california_adult",
    "offense": "HS 11357(b)",
    "level": "infraction",
    "offense_date": "2012-04-01",
    "conviction_date": "2012-05-01",
    "age_at_offense": "21_or_older",
    "sentence": {"status": "completed", "kind": "fine_only"},
}
THEFT = {
    "court": "california_adult",
    "offense": "PC 484(a)",
    "level": "misdemeanor",
    "offense_date": "2017-02-01",
    "conviction_date": "2017-03-01",
    "sentence": {"status": "completed", "kind": "probation", "probation_revoked": "yes"},
}


def date_answer(value):
    if not value:
        return {"unsure": "y"}
    year, _, rest = value.partition("-")
    return {"year": year, "month": rest[:2]}


def answers_for_case(conviction, county="19"):
    """{screen id: form data} for one contract conviction."""
    where, court = COURT[conviction.get("court", "california_adult")]
    section = re.search(r"1135[789]|11360", conviction["offense"])
    sentence = conviction.get("sentence", {})
    answers = {
        "where": {"answer": where},
        "court": {"answer": court},
        "county": {"answer": county},
        "offense": {
            "answer": WORDS[section.group(0)] if section else "other",
            "detail": conviction["offense"],
        },
        "level": {"answer": LEVEL[conviction.get("level", "unknown")]},
        "convicted": date_answer(conviction.get("conviction_date")),
        "happened": date_answer(conviction.get("offense_date")),
        "age": {"answer": AGE[conviction.get("age_at_offense", "unknown")]},
        "sentence": {"answer": STATUS[sentence.get("status", "unknown")]},
        "sentence-kind": {"answer": KIND[sentence.get("kind", "unknown")]},
        "probation-revoked": {"answer": TRI[sentence.get("probation_revoked", "unknown")]},
        "sentence-ended": date_answer(sentence.get("completed_on")),
        "new-felony": {"answer": TRI[conviction.get("new_felony_since", "unknown")]},
    }
    for screen, (group, fact) in FACT_SCREENS.items():
        answers[screen] = {"answer": TRI[conviction.get(group, {}).get(fact, "unknown")]}
    return answers


def person_answers(person):
    return {
        screen: {"answer": TRI[person.get(fact, "unknown")]}
        for screen, fact in PERSON_SCREENS.items()
    }


def screen_of(location):
    return location.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def answer_until(client, location, answers, stop=("/check", "/convictions"), asked=None):
    """POST answers screen by screen from `location`; returns the first `stop` location."""
    for _ in range(60):
        path = location.split("?")[0]
        if path in stop:
            return location
        screen = screen_of(location)
        response = client.post(location, data=answers[screen])
        assert response.status_code == 303, (location, text_of(response))
        if asked is not None:
            asked.append(screen)
        location = response.headers["Location"]
    raise AssertionError("the flow never ended")


def add_conviction(client, answers, first=False, asked=None):
    """From anywhere: add one conviction and answer it; returns the location it ends at."""
    response = client.post("/begin" if first else "/convictions", data={"answer": "y"})
    assert response.status_code == 303
    return answer_until(client, response.headers["Location"], answers, asked=asked)


def finish(client, person):
    """Say "no more convictions", answer the person-level questions, land on /check."""
    response = client.post("/convictions", data={"answer": "n"})
    assert response.status_code == 303
    return answer_until(client, response.headers["Location"], person_answers(person))


def case_named(name):
    """A contract example's case, by its file name without ".case.json"."""
    return json.loads((EXAMPLES / f"{name}.case.json").read_text())


def first_question(client):
    """One conviction begun and its first question seen: that page adds the form token's secret
    to the cookie (signed again) and fills the per-language caches."""
    client.post("/begin")
    client.get("/c/1/where")
    return client


def walk_case(client, case):
    """Walk a whole contract case; returns the /result page's HTML."""
    for number, conviction in enumerate(case["convictions"]):
        end = add_conviction(client, answers_for_case(conviction), first=number == 0)
        assert end == "/convictions"
    assert finish(client, case.get("person", {})) == "/check"
    response = client.get("/result")
    assert response.status_code == 200
    return response.get_data(as_text=True)


CARD = re.compile(
    r'<article class="card[^"]*" id="[^"]*" data-conviction-id="([^"]+)" '
    r'data-outcome="([^"]+)" data-automatic="([^"]+)"'
)


def cards(html):
    """[(conviction id, outcome, automatic)] from the result page."""
    return CARD.findall(html)


def text_of(response):
    """The visible text of a page, squeezed (for asserting what a person reads)."""
    html = response.get_data(as_text=True) if hasattr(response, "get_data") else response
    html = re.sub(r"<(script|style|title)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def session_cookie(client):
    cookie = client.get_cookie("fs")
    return cookie.value if cookie else None


# Every answer a question can hold, typed text with markup characters too (test_perf_pages).
DATES = [
    {"year": "2012", "month": "05"},
    {"year": "2013", "month": ""},
    {"unsure": "y"},
    {"year": "1999", "month": "12"},
]
TYPED = "HS 11357(a) <b>&\"'"


def values_for(screen):
    if screen.type == "date":
        return DATES
    if screen.type == "select":
        return [{"answer": code} for code in ("1", "19", "58", "u")]
    extra = (
        {"detail": TYPED if screen.detail["field"] == "code_section" else "1990"}
        if screen.detail
        else {}
    )
    return [{"answer": option, **extra} for option in screen.options]


def change_links_of_longest_example(client, code):
    """Walks the one-conviction example with the most questions, in language `code`; returns
    the check page's Change links ("...?return=check"), sorted."""
    from benchmarks import pages

    cases = pages.one_conviction_cases()
    name = max(cases, key=lambda n: len(pages.screen_answers(cases[n])))
    client.get(f"/lang/{code}?next=/")
    walk_case(client, cases[name])
    check = client.get("/check").get_data(as_text=True)
    return sorted(set(unescape(u) for u in re.findall(r'href="(/[^"]+\?return=check)"', check)))
