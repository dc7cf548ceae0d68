"""Driving worker mode like a legal aid worker would, with JavaScript off: fill the table's
cells, press a button (every button submits the one form), answer the follow-up questions."""

import re

from webapp.flow import CONVICTION_SCREENS, PERSON_SCREENS

COLUMNS = (
    "code",
    "level",
    "offense_date",
    "conviction_date",
    "age",
    "sentence",
    "sentence_kind",
    "court",
    "county",
)
LEVEL = {"felony": "fel", "misdemeanor": "mis", "infraction": "inf", "unknown": "u"}
AGE = {"under_18": "<18", "18_to_20": "18-20", "21_or_older": "21+", "unknown": "?"}
STATUS = {"completed": "done", "serving": "serving", "unknown": ""}
KIND = {
    "probation": "prob",
    "county_jail": "jail",
    "state_prison": "prison",
    "fine_only": "fine",
    "unknown": "",
}
COURT = {
    "california_adult": "ca",
    "california_juvenile": "juv",
    "federal": "fed",
    "other_state": "oth",
    "unknown": "u",
}
TRI = {"yes": "y", "no": "n", "unknown": "u"}
FIELD = re.compile(r'name="((?:f\d+|p)-[a-z0-9]+)"')


def table_form(rows, action="save", paste="", numbers=None):
    """The POST body of the table page: rows are {cell: text} in order."""
    form = {"rows": str(len(rows)), "action": action, "paste": paste}
    for position, cells in enumerate(rows, start=1):
        form[f"number-{position}"] = (numbers or {}).get(position, "")
        for name in COLUMNS:
            form[f"{name}-{position}"] = cells.get(name, "ca" if name == "court" else "")
    return form


def table_page(client, data):
    """POST the table's form (a button other than a Save that goes through) and follow its 303
    back to the table: post/redirect/get, so Back never offers to send the form again."""
    response = client.post("/worker/", data=data)
    assert response.status_code == 303, response.status_code
    assert response.headers["Location"] == "/worker/"
    return client.get("/worker/")


def us_date(value, missing):
    if not value:
        return missing
    parts = value.split("-")
    return "/".join(parts[1:] + parts[:1])


def cells_for(conviction, county="Los Angeles"):
    """A contract conviction as a worker types it from the record."""
    sentence = conviction.get("sentence", {})
    return {
        "code": conviction["offense"],
        "level": LEVEL[conviction.get("level", "unknown")],
        "offense_date": us_date(conviction.get("offense_date"), ""),
        "conviction_date": us_date(conviction.get("conviction_date"), "?"),
        "age": AGE[conviction.get("age_at_offense", "unknown")],
        "sentence": STATUS[sentence.get("status", "unknown")],
        "sentence_kind": KIND[sentence.get("kind", "unknown")],
        "court": COURT[conviction.get("court", "california_adult")],
        "county": county,
    }


def fact_answers(case, numbers):
    """{follow-up field name: answer} from a contract case; numbers: conviction id -> row number."""
    answers = {
        f"p-{s.key}": TRI[case.get("person", {}).get(s.fact.split(".")[1], "unknown")]
        for s in PERSON_SCREENS
    }
    # The record's facts the table left unknown are asked too, with the walk's own answers.
    follow_ups = [
        s for s in CONVICTION_SCREENS if s.fact and s.id not in ("where", "court", "offense")
    ]
    for conviction in case["convictions"]:
        number = numbers[conviction["id"]]
        for screen in follow_ups:  # the form's fields are named by the cookie's keys
            *group, fact = screen.fact.split(".")
            value = conviction.get(group[0], {}).get(fact) if group else conviction.get(fact)
            if screen.type == "date":  # typed as on the record; "?" when it does not say
                answers[f"f{number}-{screen.key}"] = us_date(value, "?")
            elif screen.type == "yes_no_unsure":
                answers[f"f{number}-{screen.key}"] = TRI[value or "unknown"]
            else:
                code = {v: k for k, v in screen.values.items() if v}
                answers[f"f{number}-{screen.key}"] = code.get(value or "unknown", "u")
    return answers


# The record's facts a follow-up may ask when the table left them unknown: "not sure" in each.
RECORD_NOT_SURE = {"a": "u", "l": "u", "ss": "u", "sk": "u", "od": "?", "cd": "?"}


def yes_no_or_not_sure(name, answer):
    """`answer` for a yes/no follow-up; "not sure" for a record fact asked again."""
    return RECORD_NOT_SURE.get(name.split("-")[1], answer)


def answer_questions(client, answers, asked=None):
    """Answer every follow-up page until the result; returns the result page's response."""
    location = "/worker/questions"
    for _ in range(20):
        response = client.get(location)
        if response.status_code != 200:
            assert response.status_code == 303, response.status_code
            location = response.headers["Location"]
            if location == "/worker/result":
                return client.get(location)
            continue
        names = FIELD.findall(response.get_data(as_text=True))
        if asked is not None:
            asked.extend(dict.fromkeys(names))
        posted = client.post("/worker/questions", data={name: answers[name] for name in names})
        assert posted.status_code == 303, posted.get_data(as_text=True).split("<main")[-1][:3000]
        location = posted.headers["Location"]
    raise AssertionError("the follow-up questions never ended")
