"""Kept answers -> the engine's case dict (contract v1), from what flow.yaml declares: each
question's fact and its answer-to-value map.

Pure: today's date comes in as `as_of`; nothing here reads the clock or a request. Only answers
to screens that apply reach this module (flow.walk filters them).
"""

from rules.dates import ImpossibleDate, parse

from .flow import CONVICTION_SCREENS, PERSON_SCREENS


def age_band(birth_year, offense_date):
    """The age band at the offense from a birth year, or 'unknown' if the dates straddle one.

    With only years known, the person was (year - birth_year - 1) or (year - birth_year).
    """
    if not birth_year or not offense_date:
        return "unknown"
    year = int(offense_date[:4])
    youngest, oldest = year - int(birth_year) - 1, year - int(birth_year)

    def band(age):
        return "under_18" if age < 18 else "18_to_20" if age < 21 else "21_or_older"

    return band(youngest) if band(youngest) == band(oldest) else "unknown"


def facts(screens, answers):
    """{fact path: value} for the answered screens; a later screen for the same fact refines an
    earlier one that left it open (the kind of California court after "a California court")."""
    found = {}
    for screen in screens:
        if screen.fact and screen.id in answers:
            value = screen.value(answers[screen.id])
            if value is not None or screen.type == "date":
                found[screen.fact] = value
    return found


def after(offense_date, conviction_date):
    """True when the offense date is certainly after the conviction date, a case the engine
    refuses (contract v2). The form refuses it when typed, but a conviction date changed
    later to an earlier one can leave it behind: the offense date then counts as not known."""
    if not offense_date or not conviction_date:
        return False
    try:
        return parse(conviction_date).last < parse(offense_date).first
    except ImpossibleDate:
        return False


def conviction(conviction_id, answers):
    given = facts(CONVICTION_SCREENS, answers)
    if after(given.get("offense_date"), given.get("conviction_date")):
        given["offense_date"] = None
    typed = (answers.get("code_section") or "").strip()  # the section as written wins
    if answers.get("age") == "born":
        # "Not sure when it happened" falls back to the conviction date for the age.
        when = given.get("offense_date") or given.get("conviction_date")
        given["age_at_offense"] = age_band(answers.get("birth_year"), when)
    case = {
        "id": conviction_id,
        "court": given.get("court", "unknown"),
        "offense": typed or given.get("offense", "unknown"),
        "level": given.get("level", "unknown"),
        "offense_date": given.get("offense_date"),
        "conviction_date": given.get("conviction_date"),
        "age_at_offense": given.get("age_at_offense", "unknown"),
        "sentence": {
            "status": given.get("sentence.status", "unknown"),
            "kind": given.get("sentence.kind", "unknown"),
        },
        "conduct": {},
        "priors": {},
    }
    if "new_felony_since" in given:
        case["new_felony_since"] = given["new_felony_since"]
    for path, value in given.items():
        group, _, name = path.partition(".")
        if group in ("sentence", "conduct", "priors"):
            case[group][name] = value
    return case


def person(answers):
    return {path.split(".", 1)[1]: value for path, value in facts(PERSON_SCREENS, answers).items()}


def build(as_of, convictions, person_answers):
    """convictions: [(conviction id, kept answers)] -> the engine's case dict."""
    return {
        "as_of": as_of.isoformat(),
        "person": person(person_answers),
        "convictions": [conviction(cid, answers) for cid, answers in convictions],
    }
