"""The person's prior record at the offense (decision-rules B.6).

These factors apply only to HS 11358, 11359 and 11360, never to 11357. "Prior" means a
conviction before this offense. A "yes" is a felony factor: today's offense "may be punished"
as a felony (a wobbler, decision-rules B "Felony factors"); an unknown is presumed
absent, because "the court shall presume the petitioner satisfies the criteria ... unless the
party opposing the petition proves by clear and convincing evidence that the petitioner does
not" (HS 11361.8(b) [V]).
"""

from __future__ import annotations

from . import offense_lists as lists
from .facts import Facts, Reason, Values


def super_strike_or_290(f: Facts, citation: str) -> bool:
    """'one or more prior convictions for an offense specified in clause (iv) of subparagraph
    (C) of paragraph (2) of subdivision (e) of Section 667 ... or for an offense requiring
    registration pursuant to subdivision (c) of Section 290' [V-ish, 11359(c)(1) as quoted by
    shouselaw in statutes.md]. A `yes` makes today's offense a wobbler (grades.WOBBLER)."""
    super_strike = f.presume_absent(
        "priors.super_strike", Reason("assumed_no_prior_super_strike", citation, "B.6")
    )
    registrable = f.presume_absent(
        "priors.registrable_sex_offense", Reason("assumed_no_prior_290_offense", citation, "B.6")
    )
    if super_strike:
        f.because("prior_super_strike", citation, "B.6")
    if registrable:
        f.because("prior_290_offense", citation, "B.6")
    return super_strike or registrable


def two_same_section(f: Facts, citation: str) -> bool:
    """'two or more prior convictions under' the misdemeanor subdivision of the same section."""
    if f.presume_absent(
        "priors.two_same_section", Reason("assumed_not_two_priors_same_section", citation, "B.6")
    ):
        f.because("two_priors_same_section", citation, "B.6")
        return True
    return False


def conduct_disqualifier(f: Facts, path: str, code: str, citation: str, rule: str) -> bool:
    """A fact of this case that makes it a felony today (sale to a minor, harm, import)."""
    if f.presume_absent(path, Reason(f"assumed_no_{code}", citation, rule)):
        f.because(code, citation, rule)
        return True
    return False


def derive_from_case(convictions: list[Values]) -> None:
    """B.6: "Priors stated on other convictions of the same case, with dates, are used." An
    unknown prior of an HS 11358-11360 conviction becomes `yes` when enough other convictions
    of the case are certainly listed offenses (rules/offense_lists.py) entered certainly before
    this offense. Never `no`: the case need not list the whole record (unknown stays presumed
    absent). Bulk mode, which takes its file as the whole record, derives `no` as well."""
    for values in convictions:
        offense = values["offense"]
        if offense.section not in lists.SECTIONS_WITH_PRIORS or offense.kind == "other":
            continue
        committed = values["offense_date"]  # "prior" = before this offense (B.6)
        if committed is None:
            continue
        earlier = [
            other["offense"]
            for other in convictions
            if other is not values
            and other["conviction_date"] is not None
            and other["conviction_date"].last < committed.first
        ]
        counts = {
            "priors.super_strike": (
                sum(lists.against(o, lists.SUPER_STRIKES) == lists.YES for o in earlier),
                1,
            ),
            "priors.registrable_sex_offense": (
                sum(lists.against(o, lists.REGISTRABLE_290C) == lists.YES for o in earlier),
                1,
            ),
            "priors.two_same_section": (
                sum(lists.same_section_prior(o, offense.section) == lists.YES for o in earlier),
                2,
            ),
        }
        for path, (certain, needed) in counts.items():
            if values[path] == "unknown" and certain >= needed:
                values[path] = "yes"
