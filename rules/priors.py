"""The person's prior record at the offense (decision-rules B.6).

These factors apply only to HS 11358, 11359 and 11360, never to 11357. "Prior" means a
conviction before this offense. A "yes" is a felony factor: today's offense "may be punished"
as a felony (a wobbler, decision-rules B "Felony factors"); an unknown is presumed
absent, because "the court shall presume the petitioner satisfies the criteria ... unless the
party opposing the petition proves by clear and convincing evidence that the petitioner does
not" (HS 11361.8(b) [V]).
"""

from __future__ import annotations

from .facts import Facts, Reason


def super_strike_or_290(f: Facts, citation: str) -> bool:
    """'one or more prior convictions for an offense specified in clause (iv) of subparagraph
    (C) of paragraph (2) of subdivision (e) of Section 667 ... or for an offense requiring
    registration pursuant to subdivision (c) of Section 290' [V-ish, 11359(c)(1) as quoted by
    shouselaw in statutes.md]. A `yes` makes today's offense a wobbler (grades.WOBBLER)."""
    super_strike = f.presume_absent(
        "priors.super_strike", Reason("assumed_no_prior_super_strike", citation, "B.6"))
    registrable = f.presume_absent(
        "priors.registrable_sex_offense", Reason("assumed_no_prior_290_offense", citation, "B.6"))
    if super_strike:
        f.because("prior_super_strike", citation, "B.6")
    if registrable:
        f.because("prior_290_offense", citation, "B.6")
    return super_strike or registrable


def two_same_section(f: Facts, citation: str) -> bool:
    """'two or more prior convictions under' the misdemeanor subdivision of the same section."""
    if f.presume_absent("priors.two_same_section",
                        Reason("assumed_not_two_priors_same_section", citation, "B.6")):
        f.because("two_priors_same_section", citation, "B.6")
        return True
    return False


def conduct_disqualifier(f: Facts, path: str, code: str, citation: str, rule: str) -> bool:
    """A fact of this case that makes it a felony today (sale to a minor, harm, import)."""
    if f.presume_absent(path, Reason(f"assumed_no_{code}", citation, rule)):
        f.because(code, citation, rule)
        return True
    return False
