"""Answers (short codes, as kept in the cookie) -> the engine's case dict (contract v1).

Pure: today's date comes in as `as_of`; nothing here reads the clock or a request. Only answers
to screens that apply reach this module (flow.walk filters them).
"""

OFFENSE_BY_WORDS = {
    "have": "HS 11357",
    "grow": "HS 11358",
    "pfs": "HS 11359",
    "sell": "HS 11360",
    "other": "other",
    "u": "unknown",
}
COURT = {"fed": "federal", "oth": "other_state", "u": "unknown"}
CALIFORNIA_COURT = {"adult": "california_adult", "juv": "california_juvenile", "u": "unknown"}
LEVEL = {"fel": "felony", "mis": "misdemeanor", "inf": "infraction", "u": "unknown"}
AGE = {"lt18": "under_18", "18to20": "18_to_20", "21up": "21_or_older", "u": "unknown"}
STATUS = {"done": "completed", "serving": "serving", "u": "unknown"}
KIND = {
    "prob": "probation",
    "jail": "county_jail",
    "prison": "state_prison",
    "fine": "fine_only",
    "u": "unknown",
}
TRI = {"y": "yes", "n": "no", "u": "unknown"}
CONDUCT = {
    "cc": "concentrated",
    "ol": "over_limit",
    "pl": "plants_over_six",
    "fs": "for_sale",
    "ie": "import_export",
    "mi": "minor_involved",
    "sg": "school_grounds",
    "eh": "environmental_harm",
}
PRIORS = {"p1": "super_strike", "p2": "registrable_sex_offense", "p3": "two_same_section"}
PERSON = {"r": "must_register_290", "v": "under_supervision", "pc": "pending_charges"}


def date_value(answer):
    """'2011-08' / '2011' as typed; 'u' (not sure) or no answer -> None."""
    return None if answer in (None, "u") else answer


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


def court(answers):
    where = answers.get("w", "u")
    if where == "ca":
        return CALIFORNIA_COURT[answers.get("j", "u")]
    return COURT.get(where, "unknown")


def offense(answers):
    typed = (answers.get("s") or "").strip()
    return typed or OFFENSE_BY_WORDS.get(answers.get("o", "u"), "unknown")


def conviction(conviction_id, answers):
    conviction_date = date_value(answers.get("cd"))
    offense_date = date_value(answers.get("od"))
    if answers.get("a") == "born":
        # "Not sure when it happened" falls back to the conviction date for the age.
        age = age_band(answers.get("b"), offense_date or conviction_date)
    else:
        age = AGE.get(answers.get("a"), "unknown")
    case = {
        "id": conviction_id,
        "court": court(answers),
        "offense": offense(answers),
        "level": LEVEL.get(answers.get("l"), "unknown"),
        "offense_date": offense_date,
        "conviction_date": conviction_date,
        "age_at_offense": age,
        "sentence": {
            "status": STATUS.get(answers.get("ss"), "unknown"),
            "kind": KIND.get(answers.get("sk"), "unknown"),
        },
        "conduct": {fact: TRI[answers[key]] for key, fact in CONDUCT.items() if key in answers},
        "priors": {fact: TRI[answers[key]] for key, fact in PRIORS.items() if key in answers},
    }
    if "pr" in answers:
        case["sentence"]["probation_revoked"] = TRI[answers["pr"]]
    return case


def person(answers):
    return {fact: TRI[answers[key]] for key, fact in PERSON.items() if key in answers}


def build(as_of, convictions, person_answers):
    """convictions: [(conviction id, kept answers)] -> the engine's case dict."""
    return {
        "as_of": as_of.isoformat(),
        "person": person(person_answers),
        "convictions": [conviction(cid, answers) for cid, answers in convictions],
    }
