"""HS 11360: sale, transport, giving away (decision-rules B.4; research §1.4).

Old letters: (a) transport, sale, gift of any amount: felony, 2/3/4 years; (b) giving away or
transporting 28.5 g or less: "misdemeanor ... fine of not more than one hundred dollars"
[V-ish]. Today "transport" means transport for sale (11360(c)) [M].
"""

from __future__ import annotations

from . import priors
from .facts import Facts, Reason
from .grades import FELONY, INFRACTION, LEGAL, MISDEMEANOR, WOBBLER, age, compare, tri

SECTION = "11360"
# B.5: old (a) is a straight felony; for old (b) an unknown level that decides -> needs review.
OLD_GRADES = {
    "a": (FELONY,),
    "b": (MISDEMEANOR, INFRACTION),
    None: (FELONY, MISDEMEANOR, INFRACTION),
}  # no letter: old (a) or old (b)


def _import_export_over_limit(f: Facts) -> bool:
    """(a)(3)(D): import into California, or transport for sale out of it, of "more than 28.5
    grams of cannabis or more than four grams of concentrated cannabis" [M/S, statutes.md]."""
    import_export = f.values["conduct.import_export"]
    over_limit = f.values["conduct.over_limit"]
    if import_export == "no":
        return False
    if import_export == "yes" and over_limit == "yes":
        # Over the possession limit is more than 28.5 g, or more than 8 g concentrated: over
        # either import line (law.IMPORT_EXPORT_CONCENTRATED_GRAMS is 4 g).
        f.because("import_export_over_limit", "HS 11360(a)(3)(D)", "B.4")
        return True
    concentrated = f.values["conduct.concentrated"]
    if import_export == "yes" and over_limit == "no" and concentrated == "yes":
        # At most 8 g of concentrated cannabis: the 4 g line cannot be read from the facts
        # (decision-rules B.4) -> both sides explored.
        f.because("import_export_concentrated_4g_line", "HS 11360(a)(3)(D)", "B.4")
        return bool(f.choose("amount.concentrated_over_4g", (True, False)))
    if over_limit == "no" and concentrated == "no":
        return False  # at most 28.5 g, not concentrated: under both lines
    # Something that would disqualify is unknown: presumed absent (HS 11361.8(b)).
    f.read.update(("conduct.import_export", "conduct.over_limit", "conduct.concentrated"))
    f.assumptions.append(Reason("assumed_no_import_export_over_limit", "HS 11360(a)(3)(D)", "B.4"))
    return False


def _implied_or_asked(f: Facts, implied: bool | None, path: str) -> bool:
    """A fact the old letter implies (old (b): at most 28.5 g, not concentrated), else the case's."""
    return tri(f, path) if implied is None else implied


def _gift_to_minor(f: Facts) -> bool:
    """HS 11360(a)(3)(C) [V, statutes.md]: "the knowing sale, attempted sale, or the knowing
    offer to sell, furnish, administer, or give away cannabis to a person under the age of 18
    years" -- for sale or not (decision-rules B.4)."""
    return priors.conduct_disqualifier(
        f, "conduct.minor_involved", "minor_involved", "HS 11360(a)(3)(C)", "B.4"
    )


def today(f: Facts, letter: str | None) -> str:
    """What the same conduct is under today's HS 11360 and 11362.1."""
    # HS 11360(a)(1) [V]: a person under 18 "shall be punished in the same manner provided in
    # paragraph (1) of subdivision (b) of Section 11357" -> infraction.
    age_at_offense = age(f)
    if age_at_offense == "under_18":
        f.because("under_18_infraction_today", "HS 11360(a)(1)", "B.4")
        return INFRACTION

    concentrated: bool | None = None
    if letter == "b":
        # Old 11360(b) was giving away or transporting 28.5 g or less, other than concentrated
        # cannabis, not for sale [V-ish, statutes.md].
        f.because("old_11360b_implies_facts", "former HS 11360(b)", "B.4")
        for_sale, over_limit, concentrated = False, False, False
    else:
        for_sale = tri(f, "conduct.for_sale")
        over_limit = None

    if not for_sale:
        # A gift to a person under 18 keeps the felony factor, for sale or not.
        if _gift_to_minor(f):
            return WOBBLER
        if _implied_or_asked(f, over_limit, "conduct.over_limit"):
            # HS 11360(a)(2) [V]: 18 or older, more than the limit, not for sale -> misdemeanor.
            f.because("give_away_over_limit_misdemeanor_today", "HS 11360(a)(2)", "B.4")
            return MISDEMEANOR
        if age_at_offense == "21_or_older":
            # HS 11362.1(a)(1) [V-ish, statutes.md]: "give away to persons 21 years of age or
            # older without any compensation whatsoever, not more than 28.5 grams".
            if not tri(f, "conduct.gift_to_under_21"):
                f.because(
                    "give_away_within_limit_21_or_older_legal_today", "HS 11362.1(a)(1), (4)", "B.4"
                )
                return LEGAL
            # A gift to a person aged 18 to 20 is an infraction today (11360(b); decision-rules
            # B.4 applies 11360(b)'s "other than concentrated cannabis" only to a giver under 21).
            f.because("gift_to_18_to_20", "HS 11362.1(a)(1), HS 11360(b)", "B.4")
            return INFRACTION
        # HS 11360(b) [V-ish, statutes.md]: "gives away ... transports ... not more than 28.5
        # grams of cannabis, other than concentrated cannabis, is guilty of an infraction".
        if _implied_or_asked(f, concentrated, "conduct.concentrated"):
            # "other than concentrated cannabis": a gift of concentrated cannabis by a person
            # aged 18 to 20 falls back on 11360(a)(2), a misdemeanor (decision-rules B.4).
            f.because("give_away_concentrated_misdemeanor_today", "HS 11360(a)(2), (b)", "B.4")
            return MISDEMEANOR
        f.because("give_away_within_limit_under_21_infraction_today", "HS 11360(b)", "B.4")
        return INFRACTION

    # HS 11360(a)(3) [V, statutes.md (3)(C); (A), (B) as in 11359(c), (D) M/S]: 18 or older
    # "may be punished by imprisonment pursuant to subdivision (h) of Section 1170" (a wobbler)
    # if (A) a prior super strike or PC 290(c) offense, (B) "two or more prior convictions under
    # paragraph (2)", (C) to a person under 18, (D) import or export over 28.5 g / 4 g
    # concentrated. 11360 has no hiring factor (decision-rules B.4).
    if (
        priors.super_strike_or_290(f, "HS 11360(a)(3)(A)")
        or priors.two_same_section(f, "HS 11360(a)(3)(B)")
        or _gift_to_minor(f)
        or _import_export_over_limit(f)
    ):
        return WOBBLER

    # HS 11360(a)(2) [V]: "Persons 18 years of age or over shall be punished by imprisonment in
    # a county jail for a period of not more than six months" for sale or transport for sale.
    f.because("sale_misdemeanor_today", "HS 11360(a)(2)", "B.4")
    return MISDEMEANOR


def decide(f: Facts, letter: str | None) -> str:
    if letter not in OLD_GRADES:
        f.because("subdivision_not_recognised", f"HS 11360({letter})", "B.4")
        letter = None
    grade = today(f, letter)
    possible = OLD_GRADES[letter]
    if letter is None and grade == MISDEMEANOR:
        # Sale, or more than 28.5 g, was never old (b): it was old (a), a straight felony.
        possible = (FELONY,)
    return compare(
        f, grade, possible, f"former HS 11360({letter})" if letter else "former HS 11360(a)"
    )
