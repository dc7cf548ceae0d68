"""Part A: is the conviction covered by Prop 64 at all, and under which law? Then part B.

`prop64(f)` is the whole Prop 64 rule for one conviction, run by `facts.explore` once per way
the unknown facts it reads could be. It reads facts only as `f.values[path]` (its two date
questions too, from `DERIVED`), so `evaluate.py` can reuse its result for every conviction
whose facts answer the same questions the same way (`facts.Memo`).
"""

from __future__ import annotations

from . import dates, hs11357, hs11358, hs11359, hs11360, law
from .facts import Facts, Reason, Values

STATUTES = {module.SECTION: module for module in (hs11357, hs11358, hs11359, hs11360)}
OUTSIDE_CALIFORNIA = ("other_state", "federal")

# The rule's questions about dates, answered from the facts (see facts.Memo): A.5's old law,
# and for old 11357(b) whether the offense was before 2011.
OLD_LAW = "old_law"
BEFORE_2011 = "offense_before_2011"
CURRENT_LAW = "current_law_subdivision"
DERIVED = {
    OLD_LAW: lambda values, as_of: old_law_known(values),
    CURRENT_LAW: lambda values, as_of: current_law_dates(values),
    BEFORE_2011: lambda values, as_of: hs11357.before_2011(values["offense_date"]),
}


def old_law_known(values: Values) -> tuple[bool | None, str]:
    """A.5: was the offense under the old law? (answer or None, the reason code that says why)."""
    # Prop 64 applies "had that act been in effect at the time of the offense" (HS 11361.8(a)
    # [V]); it took effect on 2016-11-09.
    boundary = law.PROP64_EFFECTIVE.current
    offense_before = dates.before(values["offense_date"], boundary)
    if offense_before is True:
        return True, "offense_before_prop64"
    if offense_before is False:
        return False, "offense_on_or_after_prop64"
    # Offense date unknown (or straddling): a conviction before 2016-11-09 was for an offense
    # before it too.
    if dates.before(values["conviction_date"], boundary) is True:
        return True, "offense_date_unknown_convicted_before_prop64"
    return None, "offense_date_unknown"


# A.6: "Old 11358 and 11359 had no subdivisions; old 11360 had only (a) and (b). A record
# showing 11358(a)-(d), 11359(a)-(d), 11360(a)(1)-(3) or 11360(c)/(d) names today's statute."
CURRENT_LAW_ONLY: dict[str, tuple[tuple[str, ...], ...]] = {
    "11358": (("a",), ("b",), ("c",), ("d",)),
    "11359": (("a",), ("b",), ("c",), ("d",)),
    "11360": (("a", "1"), ("a", "2"), ("a", "3"), ("c",), ("d",)),
}


def current_law_subdivision(section: str | None, subdivisions: tuple[str, ...]) -> bool:
    return any(
        subdivisions[: len(prefix)] == prefix for prefix in CURRENT_LAW_ONLY.get(section or "", ())
    )


def current_law_dates(values: Values) -> bool | None:
    """A.6: True when the dates agree with a current-law subdivision ("offense date unknown
    and conviction date unknown or on/after 2016-11-09"); None when a date is before it."""
    boundary = law.PROP64_EFFECTIVE.current
    if (
        dates.before(values["offense_date"], boundary) is True
        or dates.before(values["conviction_date"], boundary) is True
    ):
        return None
    return True


def _old_law(f: Facts) -> bool:
    old: bool | None
    old, code = f.values[OLD_LAW]
    if old is None:
        old = f.choose("offense_date", (True, False))
        code = "offense_before_prop64" if old else "offense_on_or_after_prop64"
    f.because(code, "HS 11361.8(a)", "A.5")
    return bool(old)


def prop64(f: Facts) -> str:
    # A.1: "the trial court that entered the judgment of conviction" (HS 11361.8(a)) must be a
    # California court: other states' and federal convictions are outside the section.
    court = f.get("court", ("california_adult", "federal"))
    if court in OUTSIDE_CALIFORNIA:
        f.because("not_a_california_court", "HS 11361.8(a)", "A.1")
        return "not_covered"

    # A.2: relief already granted under Prop 64.
    relief = f.values["relief_on_record"]
    if relief == "prop64":
        f.because("prop64_relief_already_on_record", "HS 11361.8", "A.2")
        return "already_granted"
    if relief == "unknown":
        f.read.add("relief_on_record")
        f.assumptions.append(Reason("assumed_no_prop64_relief_yet", "HS 11361.8", "A.2"))

    # A.3: HS 11361.8(a) [V] reaches a conviction "under Section 11357, 11358, 11359, or
    # 11360" (of the Health and Safety Code; rules/offense.py reads every spelling).
    offense = f.values["offense"]
    section, letter = offense.section, offense.subdivision
    if offense.kind == "unknown":
        section = f.choose("offense", ("11357", "11358", "11359", "11360", "other"))
        letter = None
    if offense.kind == "mismatch":
        # "Another code named with one of these numbers (PC 11359, VC 11357) -> needs_review
        # (the code and number disagree)": explored as either reading.
        f.because("offense_code_and_number_disagree", "HS 11361.8(a)", "A.3")
        if not f.choose("offense.code", (True, False)):
            return "not_eligible"
    if offense.kind == "other" or section == "other":
        f.because("offense_not_prop64_section", "HS 11361.8(a)", "A.3")
        return "not_eligible"

    # A.6: a subdivision that exists only in today's statute names a current-law conviction.
    if offense.kind != "unknown" and current_law_subdivision(offense.section, offense.subdivisions):
        written = f"HS {section}" + "".join(f"({sub})" for sub in offense.subdivisions)
        current = f.values[CURRENT_LAW]
        if current is True:
            f.because("current_law_subdivision", written, "A.6")
            return "not_eligible"
        # A date before 2016-11-09 with a subdivision of today's law: the record is
        # inconsistent. Explored: the subdivision is right (current law) or the date is.
        f.because("current_law_subdivision_inconsistent", written, "A.6")
        if f.choose("law.record_inconsistent", (True, False)):
            return "not_eligible"
        letter = None

    # A.5 (checked before A.4: a new-law attempt has nothing to reduce either way).
    if not _old_law(f):
        return "not_eligible"

    # A.4: an attempt (PC 664) or conspiracy (PC 182) is not named in HS 11361.8; courts differ.
    # Both readings are explored: not covered, or covered as the completed offense.
    if offense.kind in ("attempt", "conspiracy"):
        f.because(f"{offense.kind}_not_named_in_prop64", "HS 11361.8(a), PC 664, PC 182", "A.4")
        if not f.choose("law.attempt_covered", (True, False)):
            return "not_eligible"

    # Part B: what would the same conduct be today?
    outcome: str = STATUTES[section].decide(f, letter)
    return outcome
