"""HS 11359: possession for sale (decision-rules B.3; research §1.3).

Old 11359 was a straight felony (1170(h), 16 months / 2 / 3 years), so an unknown level is
read as felony (B.5).
"""

from __future__ import annotations

from . import priors
from .facts import Facts
from .grades import FELONY, INFRACTION, MISDEMEANOR, WOBBLER, age, compare

SECTION = "11359"
OLD_GRADES = (FELONY,)


def today(f: Facts) -> str:
    """What the same possession for sale is under today's HS 11359."""
    # HS 11359(a) [V-ish, statutes.md]: "Every person under the age of 18 who possesses cannabis
    # for sale shall be punished in the same manner provided in paragraph (1) of subdivision (b)
    # of Section 11357" -> infraction.
    age_at_offense = age(f)
    if age_at_offense == "under_18":
        f.because("under_18_infraction_today", "HS 11359(a)", "B.3")
        return INFRACTION

    # HS 11359(c) [V-ish, statutes.md]: "may be punished by imprisonment pursuant to subdivision
    # (h) of Section 1170" (a wobbler, grades.WOBBLER) if "(1) ... one or more prior convictions
    # for an offense specified in clause (iv) ... of Section 667 ... or for an offense requiring
    # registration pursuant to subdivision (c) of Section 290", "(2) ... two or more prior
    # convictions under subdivision (b)", or "(3) ... the knowing sale or attempted sale of
    # cannabis to a person under the age of 18 years" (`minor_involved`).
    if (
        priors.super_strike_or_290(f, "HS 11359(c)(1)")
        or priors.two_same_section(f, "HS 11359(c)(2)")
        or priors.conduct_disqualifier(
            f, "conduct.minor_involved", "minor_involved", "HS 11359(c)(3)", "B.3"
        )
    ):
        return WOBBLER
    # HS 11359(d) [V-ish, cut off, statutes.md]: "a person 21 years of age or over who possesses
    # cannabis for sale may be punish[ed]" when the person hired, employed or used a person
    # "20 years of age or younger" (law.HIRED_PERSON_AGE_AT_MOST) [M for the rest of the text].
    # Only a person 21 or older: for 18 to 20 the fact is not read (decision-rules B.3).
    if age_at_offense == "21_or_older" and priors.conduct_disqualifier(
        f, "conduct.employed_minor", "employed_minor", "HS 11359(d)", "B.3"
    ):
        return WOBBLER

    # HS 11359(b): "Every person 18 years of age or over who possesses cannabis for sale shall
    # be punished by imprisonment in a county jail for a period of not more than six months"
    # -> misdemeanor [V-ish].
    f.because("possession_for_sale_misdemeanor_today", "HS 11359(b)", "B.3")
    return MISDEMEANOR


def decide(f: Facts, letter: str | None) -> str:
    return compare(f, today(f), OLD_GRADES, "former HS 11359")
