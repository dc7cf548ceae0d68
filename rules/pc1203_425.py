"""Part E: automatic conviction relief under PC 1203.425 (DOJ, monthly; nothing to file).

Run by `facts.explore` like the Prop 64 rule: a blocking fact that is unknown is explored both
ways, so it yields "needs review" rather than a guess (decision-rules E). Like it, the rule
reads facts only as `f.values[path]`, its two date questions too (`DERIVED`), so that
`evaluate.py` can reuse its result (`facts.Memo`). Effects: the
conviction is treated as dismissed under PC 1203.4; it must still be disclosed for public
office, licensing, peace-officer jobs and lottery contracts; firearm rights are not restored.
"""

from __future__ import annotations

from typing import Any

from . import dates, law
from .facts import Facts, Reason

PATH = "PC 1203.425"
CITATION = "PC 1203.425(a)(1)(B)"
# What the relief does and does not do [S; M], said whenever it is or may be granted.
EFFECTS = Reason("pc1203_425_effects", "PC 1203.425, PC 1203.4(a)", "E")


# (path, the value that blocks, the values it can take, reason code, citation)
BLOCKERS = (
    # (a)(1)(B)(i) "is not required to register pursuant to the Sex Offender Registration Act".
    ("person.must_register_290", "yes", ("no", "yes"), "pc1203_425_must_register_290",
     "PC 1203.425(a)(1)(B)(i)"),
    # (ii) no active local, state or federal supervision.
    ("person.under_supervision", "yes", ("no", "yes"), "pc1203_425_under_supervision",
     "PC 1203.425(a)(1)(B)(ii)"),
    # (iii) "no indication of pending criminal charges" and not "currently serving a sentence
    # for an offense" [V].
    ("person.pending_charges", "yes", ("no", "yes"), "pc1203_425_pending_charges",
     "PC 1203.425(a)(1)(B)(iii)"),
    ("sentence.status", "serving", ("completed", "serving"), "pc1203_425_serving_sentence",
     "PC 1203.425(a)(1)(B)(iii)"),
)
TOO_EARLY = ("conviction_date", True, (), "pc1203_425_convicted_too_early",
             "PC 1203.425(a)(1)(B)(v)")

# The two questions about the conviction date, answered True, False or None (unknown).
TOO_EARLY_KEY = "conviction_date<pc1203_425_earliest"   # (v): convicted before the first day?
WAITED_KEY = "conviction_date+1y"                        # (v)(II): a calendar year since?
DERIVED = {
    TOO_EARLY_KEY: lambda values, as_of: dates.before(
        values["conviction_date"], law.PC1203_425_CONVICTED_ON_OR_AFTER.on(as_of)),
    WAITED_KEY: lambda values, as_of: dates.years_passed(
        values["conviction_date"], law.PC1203_425_WAIT_YEARS_MISDEMEANOR.on(as_of), as_of),
}


def _blocked(f: Facts, blocker: tuple[Any, ...]) -> str:
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

    # (v) a conviction "on or after January 1, 1973" (the day is dated data in law.py; the
    # answer, True, False or None for unknown, comes from `projection`).
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
    kinds = ("probation", "county_jail", "state_prison", "fine_only") if level in (
        "felony", "unknown") else ("probation", "county_jail", "fine_only")
    kind = f.get("sentence.kind", kinds)
    if kind == "probation":
        # (v)(I): "probation has been granted and the person has completed probation" without
        # revocation [V].
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
        # (v)(III): a felony, four years without a new felony, not serious, violent or
        # registrable; its dates of operation are uncertain [U] -> needs review.
        f.because("pc1203_425_felony_prong_uncertain", "PC 1203.425(a)(1)(B)(v)(III)", "E")
        return "needs_review"

    # (v)(II): a misdemeanor or infraction without probation, sentence completed, and "at least
    # one calendar year" since judgment [V] (law.PC1203_425_WAIT_YEARS_MISDEMEANOR; the answer
    # is asked through `DERIVED`).
    waited = f.values[WAITED_KEY]
    if waited is None:
        waited = f.choose(WAITED_KEY, (True, False))
    if not waited:
        f.because("pc1203_425_one_year_not_passed", "PC 1203.425(a)(1)(B)(v)(II)", "E")
        return "not_eligible"
    f.because("pc1203_425_misdemeanor_one_year_passed", "PC 1203.425(a)(1)(B)(v)(II)", "E")
    return "eligible"
