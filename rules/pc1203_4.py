"""Part G: dismissal by petition, PC 1203.4, 1203.4a, 1203.41 and 1203.42 (forms CR-180, CR-181).

Four rules, one per section, each run by `facts.explore` like PC 1203.425's and reading facts
only as `f.values[path]` (its date questions too, from `DERIVED`), so `evaluate.py` memoises
each (`facts.Memo`). They are listed for every conviction of the case except after a Prop 64
dismissal, which already dismisses and seals (decision-rules G). The person petitions the
superior court of the county of conviction on CR-180; the court's order is CR-181 [V per
research.md]. Effects (as in E): the conviction must still be disclosed for public office,
licensing and lottery contracts, firearm rights are not restored, and it counts as a prior in
a later case (PC 1203.4(a)(1) [V-ish legalfix 2019]).

Texts are [V-ish]/[S] (statutes.md 5.1-5.3): PC 1203.4 and 1203.41 as first enacted, the
SB 731 changes from secondary sources only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from . import dates, law
from .facts import Facts, Reason, Values
from .offense_lists import NO, YES, pc1170h_offense, pc1203_4_exclusion
from .pc1203_425 import completed_years_passed

PATHS = ("PC 1203.4", "PC 1203.4a", "PC 1203.41", "PC 1203.42")
FORMS = ("CR-180", "CR-181")
# Said on every path that is or may be open: what the dismissal does not do, and where to file.
EFFECTS = Reason("dismissal_effects", "PC 1203.4(a)(1)", "G")
PETITION = Reason("dismissal_petition_cr180", "PC 1203.4(a)(1), Judicial Council form CR-180", "G")

# The date questions, answered True, False or None (unknown).
COMPLETED_1Y = "sentence.completed_on+1y"
COMPLETED_2Y = "sentence.completed_on+2y"
JUDGMENT_1Y = "conviction_date+1y"
OFFENSE_AFTER_REALIGNMENT = "offense_date>=realignment"
SENTENCED_BEFORE_REALIGNMENT = "conviction_date<realignment"
EXCLUDED = "offense:pc1203_4_excluded"
OFFENSE_1170H = "offense:pc1170h"


def _completed(years: int) -> Callable[[Values, date], bool | None]:
    """Have `years` passed since the whole sentence ended? (as PC 1203.425 counts it)"""
    return lambda values, as_of: completed_years_passed(values, years, as_of)


def _offense_after_realignment(values: Values, as_of: date) -> bool | None:
    boundary = law.REALIGNMENT.current
    before = dates.before(values["offense_date"], boundary)
    if before is None and dates.before(values["conviction_date"], boundary) is True:
        before = True  # an offense comes before its conviction
    return None if before is None else not before


DERIVED = {
    COMPLETED_1Y: _completed(law.PC1203_41_WAIT_YEARS_SPLIT.current),
    COMPLETED_2Y: _completed(law.PC1203_41_WAIT_YEARS_STRAIGHT.current),
    JUDGMENT_1Y: lambda values, as_of: dates.years_passed(
        values["conviction_date"], law.PC1203_4A_WAIT_YEARS.on(as_of), as_of
    ),
    OFFENSE_AFTER_REALIGNMENT: _offense_after_realignment,
    SENTENCED_BEFORE_REALIGNMENT: lambda values, as_of: dates.before(
        values["conviction_date"], law.REALIGNMENT.current
    ),
    EXCLUDED: lambda values, as_of: pc1203_4_exclusion(values["offense"], values["level"]),
    OFFENSE_1170H: lambda values, as_of: pc1170h_offense(values["offense"]),
}
# 1203.42's two years are the same question as 1203.41's straight-jail two years.
assert law.PC1203_42_WAIT_YEARS.current == law.PC1203_41_WAIT_YEARS_STRAIGHT.current


def unknown_keys(citation: str) -> dict[str, tuple[str, str, str]]:
    """An explored question that splits the outcomes -> the reason said for it, cited to the
    section whose path it is (the table `evaluate.settle` reads)."""
    return {
        "court": ("dismissal_court_unknown", citation, "G"),
        "sentence.status": ("sentence_status_unknown", citation, "G"),
        "person.under_supervision": ("dismissal_under_supervision_unknown", citation, "G"),
        "person.pending_charges": ("dismissal_pending_charges_unknown", citation, "G"),
        "sentence.kind": ("sentence_kind_unknown", citation, "G"),
        "sentence.probation_revoked": ("sentence_probation_revoked_unknown", citation, "G"),
        "level": ("level_unknown", citation, "G"),
        JUDGMENT_1Y: ("conviction_date_unknown", citation, "G.2"),
        COMPLETED_1Y: ("sentence_completed_on_unknown", citation, "G"),
        COMPLETED_2Y: ("sentence_completed_on_unknown", citation, "G"),
        OFFENSE_AFTER_REALIGNMENT: ("realignment_date_unknown", citation, "G.3"),
        SENTENCED_BEFORE_REALIGNMENT: ("realignment_date_unknown", citation, "G.4"),
        EXCLUDED: ("pc1203_4_offense_may_be_excluded", "PC 1203.4(b)", "G.1"),
        OFFENSE_1170H: ("pc1203_42_offense_may_not_be_1170h", "PC 1203.42(a)", "G.4"),
    }


# (path, the value that bars, the values it can take, reason code). PC 1203.4(a)(1) [V-ish]:
# relief is for a defendant not "serving a sentence for any offense, on probation for any
# offense, or charged with the commission of any offense"; 1203.41(a) and 1203.42(a) [V, AB 651,
# AB 1115]: not "under supervision", serving, on probation for, or charged with any offense.
BARS = (
    ("sentence.status", "serving", ("completed", "serving"), "dismissal_serving_sentence"),
    # "for any offense": another conviction of the case still being served bars this one too.
    ("case.serving_another", "yes", ("no", "yes"), "dismissal_serving_another_sentence"),
    ("person.under_supervision", "yes", ("no", "yes"), "dismissal_under_supervision"),
    ("person.pending_charges", "yes", ("no", "yes"), "dismissal_pending_charges"),
)


def _barred(f: Facts, citation: str) -> bool:
    """The common bar of every G path (and a court outside these sections): True if barred."""
    court = f.get("court", ("california_adult", "california_juvenile", "federal"))
    if court in ("other_state", "federal"):
        f.because("dismissal_california_convictions_only", citation, "G")
        return True
    if court == "california_juvenile":
        # Juvenile records are sealed under WIC 781 and 786 instead [S, statutes.md].
        f.because("dismissal_not_for_juvenile_adjudications", citation, "G")
        return True
    if f.values["relief_on_record"] == "dismissed":
        f.because("already_dismissed_on_record", citation, "G")
        return True
    # A bar known to be there decides at once; only then are unknown ones explored.
    for path, bars, _, code in BARS:
        if f.values[path] == bars:
            f.because(code, citation, "G")
            return True
    for path, bars, options, code in BARS:
        if f.get(path, options) == bars:
            f.because(code, citation, "G")
            return True
    return False


def _kinds(f: Facts) -> tuple[str, ...]:
    """The sentences the conviction could have had: only a felony brings state prison."""
    level = f.values["level"]
    if level in ("felony", "unknown"):
        return ("probation", "county_jail", "state_prison", "fine_only")
    return ("probation", "county_jail", "fine_only")


# --- G.1 PC 1203.4: probation was granted -------------------------------------------------------

CITATION_4 = "PC 1203.4(a)(1)"


def pc1203_4(f: Facts) -> str:
    if _barred(f, CITATION_4):
        return "not_eligible"
    # (a)(1) [V-ish]: "In any case in which a defendant has fulfilled the conditions of
    # probation for the entire period of probation, or has been discharged prior to the
    # termination of the period of probation".
    if f.get("sentence.kind", _kinds(f)) != "probation":
        f.because("pc1203_4_probation_not_granted", CITATION_4, "G.1")
        return "not_eligible"
    # (b) [V-ish]: "does not apply to ... [the listed sections] ... or to any infraction".
    excluded = f.values[EXCLUDED]
    if excluded == YES or (excluded != NO and f.choose(EXCLUDED, (True, False))):
        f.because("pc1203_4_excluded_offense", "PC 1203.4(b)", "G.1")
        return "not_eligible"
    if f.get("level", ("felony", "misdemeanor", "infraction")) == "infraction":
        f.because("pc1203_4_not_for_infractions", "PC 1203.4(b)", "G.1")
        return "not_eligible"
    if f.get("sentence.probation_revoked", ("no", "yes")) == "no":
        # "... the defendant shall ... be permitted by the court to withdraw the plea": the
        # court must grant it.
        f.because("pc1203_4_probation_completed", CITATION_4, "G.1")
        return "eligible"
    # "in any other case in which a court, in its discretion and the interests of justice,
    # determines that a defendant should be granted the relief".
    f.because("pc1203_4_probation_revoked", CITATION_4, "G.1")
    return "discretionary"


# --- G.2 PC 1203.4a: misdemeanor or infraction without probation --------------------------------

CITATION_4A = "PC 1203.4a(a)"


def pc1203_4a(f: Facts) -> str:
    if _barred(f, CITATION_4A):
        return "not_eligible"
    # (a) [S, statutes.md 5.2]: "Every defendant convicted of a misdemeanor and not granted
    # probation, and every defendant convicted of an infraction" (decision-rules G.2 reads both
    # as without probation).
    if f.get("level", ("felony", "misdemeanor", "infraction")) == "felony":
        f.because("pc1203_4a_misdemeanors_only", CITATION_4A, "G.2")
        return "not_eligible"
    if f.get("sentence.kind", _kinds(f)) == "probation":
        f.because("pc1203_4a_probation_granted", CITATION_4A, "G.2")
        return "not_eligible"
    # "after the lapse of one year from the date of pronouncement of judgment": the case has the
    # conviction date, which stands for it.
    f.because("pc1203_425_conviction_date_as_judgment", CITATION_4A, "G.2")
    if not f.passed(JUDGMENT_1Y):
        f.because("pc1203_4a_one_year_not_passed", CITATION_4A, "G.2")
        return "not_eligible"
    # "if he or she has fully complied with and performed the sentence of the court, is not
    # then serving a sentence for any offense and is not under charge of commission of any
    # crime, and has, since the pronouncement of judgment, lived an honest and upright life".
    f.because("pc1203_4a_one_year_passed", CITATION_4A, "G.2")
    return "eligible"


# --- G.3 PC 1203.41: felony sentenced to county jail under PC 1170(h) ---------------------------

CITATION_41 = "PC 1203.41(a)"


def pc1203_41(f: Facts) -> str:
    if _barred(f, CITATION_41):
        return "not_eligible"
    kind = f.get("sentence.kind", _kinds(f))
    if kind == "state_prison":
        # SB 731 (2022) opened 1203.41 to state-prison sentences [S, OC Public Defender], text
        # not read: a lawyer must look.
        f.because("pc1203_41_state_prison_unsettled", "PC 1203.41 (SB 731)", "G.3")
        return "needs_review"
    if kind != "county_jail" or f.get("level", ("felony", "misdemeanor", "infraction")) != (
        "felony"
    ):
        f.because("pc1203_41_county_jail_felonies_only", CITATION_41, "G.3")
        return "not_eligible"
    # "If a defendant is sentenced pursuant to paragraph (5) of subdivision (h) of Section
    # 1170": county jail for a felony exists only from realignment, 2011-10-01 (G.3 reads it by
    # the offense date).
    if not f.passed(OFFENSE_AFTER_REALIGNMENT):
        f.because("pc1203_41_before_realignment", "PC 1203.41(a), PC 1170(h)", "G.3")
        return "not_eligible"
    # One year after a split sentence (1170(h)(5)(B)), two after a straight term ((5)(A)); the
    # case cannot say which: two years -> discretionary, under one -> not yet, between -> review.
    if f.passed(COMPLETED_2Y):
        f.because("pc1203_41_two_years_passed", CITATION_41, "G.3")
        return "discretionary"
    if f.passed(COMPLETED_1Y):
        f.because("pc1203_41_split_or_straight_sentence", "PC 1203.41(a)(1)", "G.3")
        return "needs_review"
    f.because("pc1203_41_one_year_not_passed", CITATION_41, "G.3")
    return "not_eligible"


# --- G.4 PC 1203.42: state prison before realignment, for a crime now under 1170(h) -------------

CITATION_42 = "PC 1203.42(a)"


def pc1203_42(f: Facts) -> str:
    if _barred(f, CITATION_42):
        return "not_eligible"
    # (a) [V, instalawyer copy]: "If a defendant was sentenced prior to the implementation of the
    # Criminal Justice Realignment Act of 2011 for a crime for which he or she would otherwise
    # have been eligible for sentencing pursuant to subdivision (h) of Section 1170".
    if f.get("sentence.kind", _kinds(f)) != "state_prison":
        f.because("pc1203_42_state_prison_only", CITATION_42, "G.4")
        return "not_eligible"
    if not f.passed(SENTENCED_BEFORE_REALIGNMENT):
        f.because("pc1203_42_sentenced_after_realignment", CITATION_42, "G.4")
        return "not_eligible"
    # A serious, violent or PC 290 felony goes to state prison under 1170(h)(3) [M] (`no`); an
    # offense the engine cannot place is explored (its reason is then the question's).
    h_offense = f.values[OFFENSE_1170H]
    if h_offense == NO or (h_offense != YES and not f.choose(OFFENSE_1170H, (True, False))):
        if h_offense == NO:
            f.because("pc1203_42_not_1170h_offense", "PC 1203.42(a), PC 1170(h)(3)", "G.4")
        return "not_eligible"
    # "... after the lapse of two years following the defendant's completion of the sentence".
    if f.passed(COMPLETED_2Y):
        f.because("pc1203_42_two_years_passed", CITATION_42, "G.4")
        return "discretionary"
    f.because("pc1203_42_two_years_not_passed", CITATION_42, "G.4")
    return "not_eligible"


RULES: dict[str, tuple[Callable[[Facts], str], str]] = {
    "PC 1203.4": (pc1203_4, CITATION_4),
    "PC 1203.4a": (pc1203_4a, CITATION_4A),
    "PC 1203.41": (pc1203_41, CITATION_41),
    "PC 1203.42": (pc1203_42, CITATION_42),
}


def derive_serving_another(convictions: list[Values]) -> None:
    """G's common bar reads "serving a sentence for any offense": `case.serving_another` is yes
    for each conviction when another conviction of the case is still being served. (Never
    unknown: the case need not list the whole record, and the person's own supervision and
    charges are asked of them.)"""
    serving = sum(values["sentence.status"] == "serving" for values in convictions)
    for values in convictions:
        own = values["sentence.status"] == "serving"
        values["case.serving_another"] = "yes" if serving > own else "no"
