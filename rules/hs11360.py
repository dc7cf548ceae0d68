"""HS 11360: sale, transport, giving away (decision-rules B.4; research §1.4).

Old letters: (a) transport, sale, gift of any amount: felony, 2/3/4 years; (b) giving away or
transporting 28.5 g or less: "misdemeanor ... fine of not more than one hundred dollars"
[V-ish]. Today "transport" means transport for sale (11360(c)) [M].
"""

from __future__ import annotations

from . import priors
from .facts import Facts, Reason
from .grades import FELONY, INFRACTION, LEGAL, MISDEMEANOR, age, compare, tri

SECTION = "11360"
# B.5: old (a) is a straight felony; for old (b) an unknown level that decides -> needs review.
OLD_GRADES = {"a": (FELONY,), "b": (MISDEMEANOR, INFRACTION),
              None: (FELONY, MISDEMEANOR, INFRACTION)}  # no letter: old (a) or old (b)


def _import_export_over_limit(f: Facts) -> bool:
    """(a)(3)(D): import into California, or transport for sale out of it, over the limit."""
    import_export = f.values["conduct.import_export"]
    over_limit = f.values["conduct.over_limit"]
    if import_export == "no" or over_limit == "no":
        return False
    if import_export == "yes" and over_limit == "yes":
        f.because("import_export_over_limit", "HS 11360(a)(3)(D)", "B.4")
        return True
    # One of the two is unknown and neither is "no": presumed absent (HS 11361.8(b)).
    f.read.update(("conduct.import_export", "conduct.over_limit"))
    f.assumptions.append(Reason("assumed_no_import_export_over_limit", "HS 11360(a)(3)(D)", "B.4"))
    return False


def today(f: Facts, letter: str | None) -> str:
    """What the same conduct is under today's HS 11360 and 11362.1."""
    # HS 11360(a)(1): a person under 18 "shall be punished in the same manner provided in
    # paragraph (1) of subdivision (b) of Section 11357" -> infraction [V].
    age_at_offense = age(f)
    if age_at_offense == "under_18":
        f.because("under_18_infraction_today", "HS 11360(a)(1)", "B.4")
        return INFRACTION

    if letter == "b":
        # Old 11360(b) was giving away or transporting 28.5 g or less: not for sale (B.4).
        f.because("old_11360b_implies_facts", "former HS 11360(b)", "B.4")
        for_sale = over_limit = False
    else:
        for_sale = tri(f, "conduct.for_sale")
        over_limit = None

    if not for_sale:
        if over_limit is None:
            over_limit = tri(f, "conduct.over_limit")
        if over_limit:
            # HS 11360(a)(2): 18 or older, more than the limit, not for sale -> misdemeanor [V].
            f.because("give_away_over_limit_misdemeanor_today", "HS 11360(a)(2)", "B.4")
            return MISDEMEANOR
        if age_at_offense == "21_or_older":
            # HS 11362.1(a)(1), (4): 21 or older may "possess, process, transport, purchase,
            # obtain, or give away to persons 21 years of age or older without any compensation
            # whatsoever" up to 28.5 g / 8 g [S]; 11360(c): transport means for sale [M].
            f.because("give_away_within_limit_21_or_older_legal_today", "HS 11362.1(a)(1), (4)",
                      "B.4")
            return LEGAL
        # HS 11360(b): giving away or transporting 28.5 g or less by a person under 21 ->
        # infraction, fine up to $100 [M].
        f.because("give_away_within_limit_under_21_infraction_today", "HS 11360(b)", "B.4")
        return INFRACTION

    # HS 11360(a)(3): 18 or older "may be punished by imprisonment pursuant to subdivision (h)
    # of Section 1170 ... for a period of two, three, or four years if: (A) The person has one or
    # more prior convictions for an offense specified in clause (iv) ... of Section 667 ... or
    # for an offense requiring registration pursuant to subdivision (c) of Section 290. (B) The
    # person has two or more prior convictions under paragraph (2). (C) The offense involved the
    # knowing sale, attempted sale, or the knowing offer to sell, furnish, administer, or give
    # away cannabis to a person under the age of 18 years" [V]; "(D)" import into this state or
    # transport for sale out of it of more than 28.5 g [M].
    if (priors.super_strike_or_290(f, "HS 11360(a)(3)(A)")
            or priors.two_same_section(f, "HS 11360(a)(3)(B)")
            or priors.conduct_disqualifier(f, "conduct.minor_involved", "minor_involved",
                                           "HS 11360(a)(3)(C)", "B.4")
            or _import_export_over_limit(f)):
        return FELONY

    # HS 11360(a)(2): "Persons 18 years of age or over shall be punished by imprisonment in a
    # county jail for a period of not more than six months" for sale or transport for sale [V].
    f.because("sale_misdemeanor_today", "HS 11360(a)(2)", "B.4")
    return MISDEMEANOR


def decide(f: Facts, letter: str | None) -> str:
    if letter not in OLD_GRADES:
        f.because("subdivision_not_recognised", f"HS 11360({letter})", "B.4")
        letter = None
    grade = today(f, letter)
    possible = OLD_GRADES[letter]
    if letter is None and grade in (MISDEMEANOR, FELONY):
        # Sale, or more than 28.5 g, was never old (b): it was old (a), a straight felony.
        possible = (FELONY,)
    return compare(f, grade, possible,
                   f"former HS 11360({letter})" if letter else "former HS 11360(a)")
