"""Part E: automatic conviction relief under PC 1203.425 (DOJ, monthly; nothing to file).

Run by `facts.explore` like the Prop 64 rule: a blocking fact that is unknown is explored both
ways, so it yields "needs review" rather than a guess (decision-rules E). Like it, the rule
reads facts only as `f.values[path]`, its two date questions too (`DERIVED`), so that
`evaluate.py` can reuse its result (`facts.Memo`). Effects: the
conviction is treated as dismissed under PC 1203.4; it must still be disclosed for public
office, licensing, peace-officer jobs and lottery contracts; firearm rights are not restored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from . import dates, law
from .facts import Facts, Reason, Values
from .offense_lists import NO, YES, felony_exclusion

PATH = "PC 1203.425"
CITATION = "PC 1203.425(a)(1)(B)"
# What the relief does and does not do [S; M], said whenever it is or may be granted; and that
# "the prosecuting attorney or probation department may ... file a petition to prohibit" it
# (1203.425(e)) [S].
EFFECTS = Reason("pc1203_425_effects", "PC 1203.425, PC 1203.4(a)", "E")
MAY_BE_BLOCKED = Reason("pc1203_425_prosecutor_may_object", "PC 1203.425(e)", "E")


# (path, the value that blocks, the values it can take, reason code, citation)
# The blocking facts of every branch, PC 1203.425(a)(1)(B)(i)-(iv) as AB 1076 wrote them [V,
# getpocketlaw in statutes.md; SB 731's renumbering not read verbatim, so the citations keep
# the AB 1076 letters].
BLOCKERS = (
    # (a)(1)(B)(i) "is not required to register pursuant to the Sex Offender Registration Act".
    (
        "person.must_register_290",
        "yes",
        ("no", "yes"),
        "pc1203_425_must_register_290",
        "PC 1203.425(a)(1)(B)(i)",
    ),
    # (ii) no active local, state or federal supervision.
    (
        "person.under_supervision",
        "yes",
        ("no", "yes"),
        "pc1203_425_under_supervision",
        "PC 1203.425(a)(1)(B)(ii)",
    ),
    # (iii) "no indication of pending criminal charges" and not "currently serving a sentence
    # for an offense" [V].
    (
        "person.pending_charges",
        "yes",
        ("no", "yes"),
        "pc1203_425_pending_charges",
        "PC 1203.425(a)(1)(B)(iii)",
    ),
    (
        "sentence.status",
        "serving",
        ("completed", "serving"),
        "pc1203_425_serving_sentence",
        "PC 1203.425(a)(1)(B)(iii)",
    ),
)
TOO_EARLY = (
    "conviction_date",
    True,
    (),
    "pc1203_425_convicted_too_early",
    "PC 1203.425(a)(1)(B)(v)",
)

# The two questions about the conviction date, answered True, False or None (unknown).
TOO_EARLY_KEY = "conviction_date<pc1203_425_earliest"  # (v): convicted before the first day?
WAITED_KEY = "conviction_date+1y"  # (v)(II): a calendar year since?
FELONY_BRANCH_KEY = "as_of>=pc1203_425_felony_branch"  # E.3: is the felony branch in force?
FELONY_WAITED_KEY = "sentence.completed_on+4y"  # E.3: four years since completion?
EXCLUDED_KEY = "offense:serious_violent_or_290"  # E.3: an excluded felony?


def completed_years_passed(values: Values, years: int, as_of: date) -> bool | None:
    """`years` since the whole sentence ended (also PC 1203.41, 1203.42). Unknown end: it was
    no earlier than the conviction, so a conviction less than `years` ago still answers no."""
    completed = values["sentence.completed_on"]
    if completed is None:
        convicted = values["conviction_date"]
        if convicted is None or convicted.first > as_of:
            return None
        completed = dates.Interval(convicted.first, as_of)
    return dates.years_passed(completed, years, as_of)


DERIVED = {
    FELONY_BRANCH_KEY: lambda values, as_of: law.PC1203_425_FELONY_BRANCH.on(as_of),
    FELONY_WAITED_KEY: lambda values, as_of: completed_years_passed(
        values, law.PC1203_425_WAIT_YEARS_FELONY.current, as_of
    ),
    EXCLUDED_KEY: lambda values, as_of: felony_exclusion(values["offense"]),
    TOO_EARLY_KEY: lambda values, as_of: dates.before(
        values["conviction_date"], law.PC1203_425_CONVICTED_ON_OR_AFTER.on(as_of)
    ),
    WAITED_KEY: lambda values, as_of: dates.years_passed(
        values["conviction_date"], law.PC1203_425_WAIT_YEARS_MISDEMEANOR.on(as_of), as_of
    ),
}


def _blocked(f: Facts, blocker: tuple[str, Any, tuple[Any, ...], str, str]) -> str:
    f.because(blocker[3], blocker[4], "E")
    return "not_eligible"


def rule(f: Facts) -> str:
    court = f.get("court", ("california_adult", "california_juvenile", "federal"))
    if court in ("other_state", "federal"):
        f.because("pc1203_425_california_convictions_only", "PC 1203.425(a)(1)", "E")
        return "not_eligible"
    if court == "california_juvenile":
        f.because("pc1203_425_not_for_juvenile_adjudications", "PC 1203.425(a)(1)", "E")
        return "not_eligible"
    relief = f.values["relief_on_record"]
    if relief == "unknown":
        f.read.add("relief_on_record")  # a dismissal already on record would end this path
    if relief == "dismissed":
        f.because("already_dismissed_on_record", "PC 1203.425(a)(1)", "E")
        return "not_eligible"

    # (v) "The conviction occurred on or after January 1, 1973" [V-ish, attorneydavidreagan.com
    # in statutes.md] (dated data in law.PC1203_425_CONVICTED_ON_OR_AFTER; the answer, True,
    # False or None for unknown, comes from `DERIVED`).
    too_early = f.values[TOO_EARLY_KEY]
    # A blocking fact known to be there decides at once; only then are unknown ones explored.
    if too_early is True:
        return _blocked(f, TOO_EARLY)
    for blocker in BLOCKERS:
        if f.values[blocker[0]] == blocker[1]:
            return _blocked(f, blocker)
    for blocker in BLOCKERS:
        if f.get(blocker[0], blocker[2]) == blocker[1]:
            return _blocked(f, blocker)
    if too_early is None and f.choose(TOO_EARLY_KEY, (False, True)):
        return _blocked(f, TOO_EARLY)

    level = f.values["level"]
    if level == "unknown":
        f.read.add("level")
    # Only a felony can bring a state-prison sentence.
    kinds = (
        ("probation", "county_jail", "state_prison", "fine_only")
        if level in ("felony", "unknown")
        else ("probation", "county_jail", "fine_only")
    )
    kind = f.get("sentence.kind", kinds)
    if kind == "probation":
        # (v)(I) [V, AB 1076 text in statutes.md]: probation granted and completed "without
        # revocation".
        if f.get("sentence.probation_revoked", ("no", "yes")) == "no":
            f.because("pc1203_425_probation_completed", "PC 1203.425(a)(1)(B)(v)(I)", "E")
            return "eligible"
        f.because("pc1203_425_probation_revoked", "PC 1203.425(a)(1)(B)(v)(I)", "E")
        level = f.get("level", ("felony", "misdemeanor", "infraction"))
        if level != "felony":  # (II) needs "no probation": a revoked misdemeanor probation fails
            return "not_eligible"
    else:
        level = f.get("level", ("felony", "misdemeanor", "infraction"))
    if level == "felony" or kind == "state_prison":
        return _felony(f)

    # (v)(II): a misdemeanor or infraction without probation, sentence completed, and "at least
    # one calendar year" since judgment [V] (law.PC1203_425_WAIT_YEARS_MISDEMEANOR; the answer
    # is asked through `DERIVED`).
    # "since the date of judgment": the case has the conviction date, which stands for it (E.2).
    f.because("pc1203_425_conviction_date_as_judgment", "PC 1203.425(a)(1)(B)(v)(II)", "E")
    if not f.passed(WAITED_KEY):
        f.because("pc1203_425_one_year_not_passed", "PC 1203.425(a)(1)(B)(v)(II)", "E")
        return "not_eligible"
    f.because("pc1203_425_misdemeanor_one_year_passed", "PC 1203.425(a)(1)(B)(v)(II)", "E")
    return "eligible"


def _felony(f: Facts) -> str:
    """E.3, the felony branch (SB 731, in force from 2024-10-01 by AB/SB 168 [S, statutes.md]):
    a felony "for which the defendant was not granted probation" (or probation revoked), "the
    defendant has completed their sentence" and "four years have elapsed" without "a new felony
    offense"; not a serious (PC 1192.7(c)), violent (PC 667.5(c)) or PC 290 felony."""
    if not f.values[FELONY_BRANCH_KEY]:
        f.because("pc1203_425_felony_branch_not_in_force", "PC 1203.425 (AB/SB 168)", "E")
        return "not_eligible"
    excluded = f.values[EXCLUDED_KEY]
    if excluded == YES:
        f.because(
            "pc1203_425_serious_violent_or_290", "PC 1203.425, PC 1192.7(c), 667.5(c), 290", "E"
        )
        return "not_eligible"
    if excluded != NO:
        # PC 1192.7(c) also counts conduct (great bodily injury, a firearm, first-degree
        # burglary) a code section alone does not show.
        f.because("pc1203_425_felony_may_be_serious", "PC 1203.425, PC 1192.7(c), 667.5(c)", "E")
        return "needs_review"
    if not f.passed(FELONY_WAITED_KEY):
        f.because("pc1203_425_four_years_not_passed", "PC 1203.425 (SB 731)", "E")
        return "not_eligible"
    if f.get("new_felony_since", ("no", "yes")) == "yes":
        f.because("pc1203_425_new_felony_since", "PC 1203.425 (SB 731)", "E")
        return "not_eligible"
    f.because("pc1203_425_felony_four_years_passed", "PC 1203.425 (SB 731)", "E")
    return "eligible"


def derive_new_felony(convictions: list[Values]) -> None:
    """E.3: `new_felony_since` "derived from the case's other convictions with dates": an
    unknown answer becomes yes when another conviction of the case is a felony entered certainly
    after this sentence ended. (Never no: the case need not list the whole record.)"""
    for values in convictions:
        completed = values["sentence.completed_on"]
        if values["new_felony_since"] != "unknown" or completed is None:
            continue
        for other in convictions:
            convicted = other["conviction_date"]
            if (
                other is not values
                and other["level"] == "felony"
                and convicted is not None
                and convicted.first > completed.last
            ):
                values["new_felony_since"] = "yes"
                break
