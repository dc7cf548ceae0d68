"""Part H: destruction of old small-possession records, HS 11361.5 and 11361.7.

Run by `facts.explore` and memoised like the other paths (it reads facts only as
`f.values[path]`). Listed only for a lettered old-law HS 11357(b)-(e) or 11360(b) conviction,
or an unlettered 11357/11360 one (which needs review: the letter decides); any other
conviction has no such path (`applies`). Texts are the 2013 version [V, statutes.md 5.4]; the
text after Prop 64 was not read [U].
"""

from __future__ import annotations

from . import coverage, dates, law
from .facts import Facts, Reason, Values

PATH = "HS 11361.5"
CITATION = "HS 11361.5(a)"
# HS 11361.7(a) [V onecle]: such a record "shall not be considered to be accurate, relevant,
# timely, or complete for any purposes by any agency or person"; said whenever it applies.
NOT_ACCURATE = Reason("hs11361_5_records_not_accurate", "HS 11361.7(a)", "H")

# HS 11361.5(a) [V, 2013 text]: "Records of any court of this state, any public or private
# agency that provides services upon referral under Section 1000.2 of the Penal Code, or of any
# state agency pertaining to the arrest or conviction of any person for a violation of
# subdivision (b), (c), (d), or (e) of Section 11357 or subdivision (b) of Section 11360".
LETTERS = {"11357": ("b", "c", "d", "e"), "11360": ("b",)}

BEFORE_1976 = "conviction_date<hs11361_5_automatic_from"
KEPT_2Y = "conviction_date+2y"
KEPT_UNTIL_18 = "conviction_date+18y"  # anyone under 18 at the offense is 18 by then

DERIVED = {
    coverage.OLD_LAW: lambda values, as_of: coverage.old_law_known(values),
    BEFORE_1976: lambda values, as_of: dates.before(
        values["conviction_date"], law.HS11361_5_AUTOMATIC_FROM.current
    ),
    KEPT_2Y: lambda values, as_of: dates.years_passed(
        values["conviction_date"], law.HS11361_5_KEEP_YEARS.on(as_of), as_of
    ),
    KEPT_UNTIL_18: lambda values, as_of: dates.years_passed(
        values["conviction_date"], law.HS11361_5_KEEP_UNTIL_AGE.current, as_of
    ),
}

UNKNOWN_KEYS: dict[str, tuple[str, str, str]] = {
    "court": ("dismissal_court_unknown", CITATION, "H"),
    "offense_date": ("offense_date_unknown", "HS 11361.5(a), HS 11361.8(a)", "H"),
    BEFORE_1976: ("conviction_date_unknown", "HS 11361.5(a)-(b)", "H"),
    KEPT_2Y: ("conviction_date_unknown", CITATION, "H"),
    KEPT_UNTIL_18: ("conviction_date_unknown", CITATION, "H"),
}


def applies(values: Values) -> bool:
    """Is HS 11361.5 listed for this conviction? A lettered 11357(b)-(e)/11360(b), or 11357 or
    11360 with no letter, from a California (or unknown) court, not certainly current law."""
    offense = values["offense"]
    if offense.kind != "prop64" or offense.section not in LETTERS:
        return False
    if offense.subdivision is not None and offense.subdivision not in LETTERS[offense.section]:
        return False
    if values["court"] in ("other_state", "federal"):
        return False
    return coverage.old_law_known(values)[0] is not False


def rule(f: Facts) -> str:
    """Outcomes `eligible_automatic` / `eligible_application` carry the procedure (`OUTCOMES`)."""
    # A court outside California, or an offense under today's law, is reached only while an
    # unknown court or offense date is explored (`applies` leaves out the known ones): the
    # reason said is the unknown question's (UNKNOWN_KEYS).
    if f.get("court", ("california_adult", "federal")) == "federal":
        return "not_eligible"
    # The old letters (decision-rules A.5, B.1): only an offense under the old law.
    old, _ = f.values[coverage.OLD_LAW]
    if old is None:
        old = f.choose("offense_date", (True, False))
    if not old:
        return "not_eligible"
    if f.values["offense"].subdivision is None:
        f.because("hs11361_5_subdivision_decides", CITATION, "H")
        return "needs_review"
    # (b) [V-ish]: the automatic rule does not reach convictions before January 1, 1976; those
    # records are destroyed on application to the Department of Justice.
    if f.passed(BEFORE_1976):
        f.because("hs11361_5_before_1976_application", "HS 11361.5(b)", "H")
        return "eligible_application"
    if f.values["offense"].subdivision == "e":
        # Old (e), a minor on school grounds: kept "until the offender attains the age of 18".
        if f.passed(KEPT_UNTIL_18):
            f.because("hs11361_5_age_18_passed", CITATION, "H")
            return "eligible_automatic"
        f.because("hs11361_5_kept_until_age_18", CITATION, "H")
        return "needs_review"
    # (a): "shall not be kept beyond two years from the date of the conviction".
    if f.passed(KEPT_2Y):
        f.because("hs11361_5_two_years_passed", CITATION, "H")
        return "eligible_automatic"
    f.because("hs11361_5_two_years_not_passed", CITATION, "H")
    return "not_eligible"


# outcome of a leaf -> (outcome, procedure, automatic)
OUTCOMES = {
    "eligible_automatic": ("eligible", "automatic", "yes"),
    "eligible_application": ("eligible", "application", "no"),
    "needs_review": ("needs_review", "application", "unknown"),
    "not_eligible": ("not_eligible", "none", "no"),
}
