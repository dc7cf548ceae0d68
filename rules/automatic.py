"""Part D: automatic review under HS 11361.9 (AB 1793; deadlines extended by AB 1706).

HS 11361.9(a) [V, digest]: "before July 1, 2019" the Department of Justice reviews its records
and identifies past convictions "potentially eligible for recall or dismissal of sentence,
dismissal and sealing, or redesignation", and tells the prosecution, which had until
2020-07-01 to challenge; unchallenged cases were to be reduced or dismissed by the court.
"""

from __future__ import annotations

from . import dates, law
from .coverage import current_law_dates, current_law_subdivision, old_law_known
from .facts import Reason, Values

AUTOMATIC_OUTCOMES = ("dismiss", "reduce_to_misdemeanor", "reduce_to_infraction", "needs_review")


def inconsistent_record(values: Values) -> bool:
    """A.6: a subdivision of today's law with a date before 2016-11-09."""
    offense = values["offense"]
    return (
        current_law_subdivision(offense.section, offense.subdivisions)
        and current_law_dates(values) is None
    )


def _all(conditions: list[bool | None]) -> str:
    """Three-valued AND: any no -> no; else any unknown -> unknown; else yes."""
    if False in conditions:
        return "no"
    if None in conditions:
        return "unknown"
    return "yes"


def automatic(values: Values, outcome: str) -> tuple[str, list[Reason]]:
    """(yes | no | unknown, reasons) for one conviction's Prop 64 outcome."""
    if outcome not in AUTOMATIC_OUTCOMES:
        return "no", [Reason("no_relief_so_no_automatic_review", "HS 11361.9(a)", "D")]
    court = values["court"]
    offense = values["offense"].kind
    conditions = [
        # A California adult conviction (DOJ's review; juvenile adjudications are not in it).
        {"california_adult": True, "unknown": None}.get(court, False),
        # HS 11357-11360 itself; whether an attempt, a conspiracy, a code/number mismatch (A.3)
        # or an inconsistent A.6 record was in the review is not known.
        None if inconsistent_record(values) else {"prop64": True, "other": False}.get(offense),
        # Under the old law (decision-rules A.5).
        old_law_known(values)[0],
        # Entered before 2019-07-01.
        dates.before(values["conviction_date"], law.AUTOMATIC_REVIEW_BEFORE.current),
    ]
    answer = _all(conditions)
    if answer == "yes":
        code = "automatic_review_check_record"
    elif conditions[0] is False:
        code = (
            "juvenile_not_in_automatic_review"
            if court == "california_juvenile"
            else "not_in_automatic_review"
        )
    elif conditions[3] is False:
        code = "convicted_after_automatic_review"
    elif answer == "unknown":
        code = "automatic_review_unknown"
    else:
        code = "not_in_automatic_review"
    return answer, [Reason(code, "HS 11361.9", "D")]
