"""HS 11357: possession (decision-rules B.1; research §1.1).

The old conviction is read with the OLD subdivision letters (the offense was before Prop 64,
decision-rules A.5), then the same conduct is graded under TODAY's 11357 and 11362.1.
The person-level priors of B.6 never apply to 11357.
"""

from __future__ import annotations

from typing import Any

from . import dates, law
from .facts import Facts
from .grades import FELONY, INFRACTION, LEGAL, MISDEMEANOR, age, compare, tri

SECTION = "11357"

# Old letters (statutes.md: SB 1449 enrolled text and its Assembly analysis [V] for (a) and (b);
# (c)-(e) research.md §1.1 [M]): (a) concentrated cannabis: county jail up to a year "or ...
# state prison" (a wobbler); (b) 28.5 g or less, not concentrated: misdemeanor, an infraction
# from 2011-01-01 (law.OLD_11357B_INFRACTION_FROM);
# (c) more than 28.5 g: misdemeanor; (d) 18 or over, 28.5 g or less on school grounds:
# misdemeanor; (e) under 18 on school grounds: misdemeanor.
# The letter implies facts (B.1): concentrated, over the limit, at school, and for (d)/(e) the age.
IMPLIED: dict[str | None, dict[str, Any]] = {
    "a": {"concentrated": True},
    "b": {"over_limit": False, "school_grounds": False},
    "c": {"over_limit": True, "school_grounds": False},
    "d": {"school_grounds": True, "over_limit": False, "age": ("18_to_20", "21_or_older")},
    "e": {"school_grounds": True, "over_limit": False, "age": ("under_18",)},
}
OLD_GRADES: dict[str | None, tuple[str, ...]] = {
    "a": (FELONY, MISDEMEANOR),
    "c": (MISDEMEANOR,),
    "d": (MISDEMEANOR,),
    "e": (MISDEMEANOR,),
    None: (FELONY, MISDEMEANOR, INFRACTION),
}


def before_2011(offense_date: dates.Interval | None) -> bool | None:
    """Was the offense before old 11357(b) became an infraction? None when unknown."""
    return dates.before(offense_date, law.OLD_11357B_INFRACTION_FROM.current)


def old_grades(letter: str | None, f: Facts) -> tuple[str, ...]:
    """The grades the old statute allowed for this letter (B.1, B.5)."""
    if letter != "b":
        return OLD_GRADES[letter]
    early = f.values["offense_before_2011"]  # before_2011, asked through coverage.DERIVED
    if early is None:
        return (MISDEMEANOR, INFRACTION)
    return (MISDEMEANOR,) if early else (INFRACTION,)


def today(f: Facts, letter: str | None) -> str:
    """What the same conduct is under today's HS 11357 and 11362.1."""
    implied = IMPLIED.get(letter, {})
    if implied:
        f.because(f"old_11357{letter}_implies_facts", f"former HS 11357({letter})", "B.1")
    age_at_offense = age(f, implied.get("age", ("under_18", "18_to_20", "21_or_older")))

    # HS 11357(a), (b)(1) [V, lacourt.org EXGV130 in statutes.md]: 28.5 g / 8 g or less "under
    # 18" -> infraction; (b)(1) more than the limit under 18 -> infraction; HS 11357(d)
    # [V-ish]: the same on school grounds under 18 -> infraction.
    if age_at_offense == "under_18":
        f.because("under_18_infraction_today", "HS 11357(a)(1), (b)(1), (d)", "B.1")
        return INFRACTION

    # HS 11357(b)(2): "more than 28.5 grams of cannabis ... or more than eight grams of
    # concentrated cannabis" by a person 18 or older -> misdemeanor, up to six months [M].
    over_limit = implied.get("over_limit")
    if over_limit is None:
        over_limit = tri(f, "conduct.over_limit")
    if over_limit:
        f.because("over_limit_misdemeanor_today", "HS 11357(b)(2)", "B.1")
        return MISDEMEANOR

    # HS 11357(c) [V-ish, shouselaw in statutes.md]: 18 or older, "not more than 28.5 grams of
    # cannabis, or not more than eight grams of concentrated cannabis, upon the grounds of ...
    # any school ... during hours the school is open" -> misdemeanor.
    school = implied.get("school_grounds")
    if school is None:
        school = tri(f, "conduct.school_grounds")
    if school:
        f.because("school_grounds_misdemeanor_today", "HS 11357(c)", "B.1")
        return MISDEMEANOR

    # HS 11357(a) [V, lacourt.org in statutes.md]: 18 to 20, within the limit -> infraction,
    # fine up to $100.
    if age_at_offense == "18_to_20":
        f.because("within_limit_18_to_20_infraction_today", "HS 11357(a)(2)", "B.1")
        return INFRACTION

    # HS 11362.1(a)(1)-(2): 21 or older may "possess ... not more than 28.5 grams of cannabis
    # not in the form of concentrated cannabis" and "not more than eight grams of cannabis in
    # the form of concentrated cannabis" [S].
    f.because("within_limit_21_or_older_legal_today", "HS 11362.1(a)(1)-(2)", "B.1")
    return LEGAL


def decide(f: Facts, letter: str | None) -> str:
    if letter not in IMPLIED and letter is not None:
        f.because("subdivision_not_recognised", f"HS 11357({letter})", "B.1")
        letter = None
    grade = today(f, letter)
    return compare(
        f,
        grade,
        old_grades(letter, f),
        f"former HS 11357({letter})" if letter else "former HS 11357",
    )
