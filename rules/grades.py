"""Comparing the old conviction's grade with what the same conduct is today (decision-rules B).

HS 11361.8(a) [V]: relief for a person "who would not have been guilty of an offense, or who
would have been guilty of a lesser offense" under the Act "had that act been in effect at the
time of the offense". Not guilty today -> dismiss; a lesser offense -> reduce; the same grade
-> nothing to reduce.
"""

from __future__ import annotations

from .facts import Facts

LEGAL, INFRACTION, MISDEMEANOR, FELONY = "legal", "infraction", "misdemeanor", "felony"
# A felony factor of today's 11358(d), 11359(c)-(d) or 11360(a)(3): the person "may be
# punished by imprisonment pursuant to subdivision (h) of Section 1170" [V-ish, statutes.md:
# 11359, 11360(a)(3) quoted], so today's offense is a wobbler: at least a misdemeanor, perhaps
# a felony. Whether that is a "lesser offense" than the old straight felony is [U]
# (decision-rules B, "Felony factors").
WOBBLER = "wobbler"
RANK = {LEGAL: 0, INFRACTION: 1, MISDEMEANOR: 2, WOBBLER: 2, FELONY: 3}
CONVICTION_GRADES = (FELONY, MISDEMEANOR, INFRACTION)
REDUCE_TO = {INFRACTION: "reduce_to_infraction", MISDEMEANOR: "reduce_to_misdemeanor"}


def convicted_grade(f: Facts, possible: tuple[str, ...], citation: str) -> str:
    """The conviction's grade: the record's level, else what the old statute allowed (B.5).

    `possible` holds the grades the old statute allowed for this section and letter; a straight
    felony allows one, so an unknown level is read as felony. Several -> each is explored.
    """
    level: str = f.values["level"]
    if level != "unknown":
        return level
    f.read.add("level")
    if len(possible) == 1:
        f.because(f"level_unknown_read_as_{possible[0]}", citation, "B.5")
        return possible[0]
    chosen: str = f.choose("level", possible)
    return chosen


def compare(f: Facts, today: str, possible: tuple[str, ...], citation: str) -> str:
    """HS 11361.8(a)/(e): legal today -> dismiss; lower grade -> reduce; else not eligible.

    The conviction's grade is read only when it matters (not when the conduct is legal today).
    """
    if today == LEGAL:
        f.because("legal_today", "HS 11361.8(a), (e)", "B")
        return "dismiss"
    convicted = convicted_grade(f, possible, citation)
    if convicted == INFRACTION:
        # An infraction is the lowest grade: there is nothing to reduce it to.
        f.because("infraction_cannot_be_reduced", "HS 11361.8(a), (e)", "B")
        return "not_eligible"
    if today == WOBBLER and convicted == FELONY:
        # B, "Felony factors": a yes -> needs_review [reduce_to_misdemeanor, not_eligible]; the
        # law is unsettled, so both readings are explored ("law." questions are not asked).
        f.because("felony_factor_wobbler_today", "HS 11361.8(a), (e)", "B")
        if f.choose("law.wobbler_is_lesser", (True, False)):
            return REDUCE_TO[MISDEMEANOR]
        return "not_eligible"
    if RANK[today] < RANK[convicted]:
        f.because(f"lesser_offense_today_{today}", "HS 11361.8(a), (e)", "B")
        return REDUCE_TO[today]
    f.because("same_grade_today", "HS 11361.8(a), (e)", "B")
    return "not_eligible"


def age(f: Facts, possible: tuple[str, ...] = ("under_18", "18_to_20", "21_or_older")) -> str:
    """Age at the offense: under 18, 18 to 20, or 21 or older (HS 11357, 11362.1)."""
    return f.get("age_at_offense", possible)


def tri(f: Facts, path: str) -> bool:
    """A yes/no fact that decides the grade: unknown is explored both ways."""
    return f.get(path, ("no", "yes")) == "yes"
