"""HS 11358: cultivation (decision-rules B.2; research §1.2).

Old 11358 was a straight felony: "shall be punished by imprisonment pursuant to subdivision (h)
of Section 1170" [V-ish, research §1.2], so an unknown level is read as felony (B.5).
"""

from __future__ import annotations

from . import priors
from .facts import Facts
from .grades import FELONY, INFRACTION, LEGAL, MISDEMEANOR, WOBBLER, age, compare, tri

SECTION = "11358"
OLD_GRADES = (FELONY,)


def today(f: Facts) -> str:
    """What the same cultivation is under today's HS 11358 and 11362.1."""
    age_at_offense = age(f)

    # HS 11358(a): under 18 -> infraction [S].
    if age_at_offense == "under_18":
        f.because("under_18_infraction_today", "HS 11358(a)", "B.2")
        return INFRACTION

    plants_over_six = tri(f, "conduct.plants_over_six")
    if not plants_over_six:
        # HS 11362.1(a)(3): 21 or older may "possess, plant, cultivate, harvest, dry, or process
        # not more than six living cannabis plants" [S].
        if age_at_offense == "21_or_older":
            f.because("six_plants_or_fewer_21_or_older_legal_today", "HS 11362.1(a)(3)", "B.2")
            return LEGAL
        # HS 11358(b) [V-ish, theweedinitiate.com in statutes.md]: 18 to 20, six plants or
        # fewer -> infraction, $100.
        f.because("six_plants_or_fewer_18_to_20_infraction_today", "HS 11358(b)", "B.2")
        return INFRACTION

    # HS 11358(d) [S, statutes.md: not read verbatim]: more than six plants "may be punished by
    # imprisonment pursuant to subdivision (h) of Section 1170" (a wobbler, grades.WOBBLER) with
    # (1) a prior super strike (PC 667(e)(2)(C)(iv)) or PC 290(c) offense, (2) "two or more
    # prior convictions under subdivision (c)", or (3) the environmental violations as Prop 64
    # wrote them (SB 753 of 2023 added groundwater, pesticide and water-theft conditions [V
    # digest]; the old conduct is compared with the factors as they stood, decision-rules B.2).
    if (
        priors.super_strike_or_290(f, "HS 11358(d)(1)")
        or priors.two_same_section(f, "HS 11358(d)(2)")
        or priors.conduct_disqualifier(
            f, "conduct.environmental_harm", "environmental_harm", "HS 11358(d)(3)", "B.2"
        )
    ):
        return WOBBLER

    # HS 11358(c) [S, shouselaw/420laws in statutes.md]: 18 or older, more than six living
    # plants -> misdemeanor "(H&S 11358 (c))".
    f.because("over_six_plants_misdemeanor_today", "HS 11358(c)", "B.2")
    return MISDEMEANOR


def decide(f: Facts, letter: str | None) -> str:
    return compare(f, today(f), OLD_GRADES, "former HS 11358")
