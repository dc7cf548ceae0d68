"""The dates, amounts and waiting periods of the law, as data, each with its citation.

A law change adds a dated entry to a provision (the day it took force and the new value); it
never edits an old one, so a case decided "as of" an earlier day still gets the law of that day.
Markers follow `research.md`: [V] read in the statute, [S] secondary source, [M] from memory,
[U] uncertain.
"""

from __future__ import annotations

from datetime import date
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T", date, int, float, bool)


class Entry(NamedTuple, Generic[T]):
    in_force_from: date  # the first day this value is the law
    value: T
    citation: str
    note: str = ""


class Provision(NamedTuple, Generic[T]):
    name: str
    entries: tuple[Entry[T], ...]  # oldest first

    def on(self, day: date) -> T:
        """The value in force on `day` (the earliest entry when `day` precedes all of them)."""
        value = self.entries[0].value
        for entry in self.entries:
            if entry.in_force_from <= day:
                value = entry.value
        return value

    @property
    def current(self) -> T:
        return self.entries[-1].value

    @property
    def citation(self) -> str:
        return self.entries[-1].citation


def _provision(name: str, *entries: Entry[T]) -> Provision[T]:
    return Provision(name, entries)


# --- Prop 64 (Adult Use of Marijuana Act), HS 11361.8 -----------------------------------------

# Prop 64 was approved on 2016-11-08 and took effect the next day; the test is the law "at the
# time of the offense" (HS 11361.8(a)) [S legiplex, labarberalaw].
PROP64_EFFECTIVE = _provision(
    "prop64_effective",
    Entry(
        date(2016, 11, 9),
        date(2016, 11, 9),
        "Prop 64 (2016), HS 11361.8(a)",
        "effective the day after the 2016-11-08 election",
    ),
)

# Old HS 11357(b): 28.5 g or less, not concentrated, was a misdemeanor ($100 fine) until SB 1449
# made it an infraction from 2011-01-01 [V: SB 1449 enrolled text, statutes.md]. Used only to read the grade of an old 11357(b)
# conviction whose level the person does not know (decision-rules B.1, B.5).
OLD_11357B_INFRACTION_FROM = _provision(
    "old_11357b_infraction_from",
    Entry(date(2011, 1, 1), date(2011, 1, 1), "former HS 11357(b), as amended by SB 1449 (2010)"),
)

# HS 11362.1(a)(1)-(2): 21+ may possess "not more than 28.5 grams of cannabis not in the form of
# concentrated cannabis" and "not more than eight grams of cannabis in the form of concentrated
# cannabis" [S]; (a)(3): "not more than six living cannabis plants" [S].
LIMIT_CANNABIS_GRAMS = _provision(
    "limit_cannabis_grams", Entry(date(2016, 11, 9), 28.5, "HS 11362.1(a)(1)")
)
LIMIT_CONCENTRATED_GRAMS = _provision(
    "limit_concentrated_grams", Entry(date(2016, 11, 9), 8, "HS 11362.1(a)(2)")
)
LIMIT_PLANTS = _provision(
    "limit_plants", Entry(date(2016, 11, 9), 6, "HS 11362.1(a)(3) and HS 11358(c)")
)
# HS 11360(a)(3)(D): import or export "of more than 28.5 grams of cannabis or more than four
# grams of concentrated cannabis" [M/S, statutes.md: not read verbatim].
IMPORT_EXPORT_CONCENTRATED_GRAMS = _provision(
    "import_export_concentrated_grams", Entry(date(2016, 11, 9), 4, "HS 11360(a)(3)(D)")
)
# The ages 18 and 21 (HS 11357(a), 11359(a), 11360(a)(1); HS 11362.1(a)) are the contract's
# `age_at_offense` bands (under_18, 18_to_20, 21_or_older), not numbers a rule compares.
# HS 11359(d): a person 21 or older who hires, employs or uses "a person 20 years of age or
# younger" [M: statutes.md, the text was cut off after "may be punish"].
HIRED_PERSON_AGE_AT_MOST = _provision(
    "hired_person_age_at_most", Entry(date(2016, 11, 9), 20, "HS 11359(d)")
)

# --- Automatic review, HS 11361.9 (AB 1793, 2018; deadlines extended by AB 1706, 2022) --------

# "before July 1, 2019" DOJ reviews its records and identifies potentially eligible convictions
# [V, AB 1793 digest]. Only convictions entered before this day were in that review.
AUTOMATIC_REVIEW_BEFORE = _provision(
    "automatic_review_before",
    Entry(date(2019, 1, 1), date(2019, 7, 1), "HS 11361.9(a) (AB 1793)"),
)
# The later dates of the review (prosecution challenges "on or before July 1, 2020"; court
# orders "no later than March 1, 2023"; DOJ records by July 1, 2023 [V digests, statutes.md])
# decide nothing for a person today: a missed or challenged case is filed by the person, with
# no deadline (decision-rules D). They are told in docs/rules.md, not kept here unread.

# --- Automatic conviction relief, PC 1203.425 -------------------------------------------------

# (a)(1)(B)(v): the conviction must be entered on or after this day. AB 1076 said
# "January 1, 2021" [V getpocketlaw]; the current text says "January 1, 1973" [V-ish] (SB 731,
# in force 2023; the exact day is [U], research §5.5).
PC1203_425_CONVICTED_ON_OR_AFTER = _provision(
    "pc1203_425_convicted_on_or_after",
    Entry(date(2020, 1, 1), date(2021, 1, 1), "PC 1203.425(a)(1)(B)(v) (AB 1076, 2019)"),
    Entry(
        date(2023, 1, 1),
        date(1973, 1, 1),
        "PC 1203.425(a)(1)(B)(v) (SB 731, 2022)",
        "[U] the day this entry took force is not verified",
    ),
)
# (a)(1)(B)(v)(II): misdemeanor or infraction without probation, "at least one calendar year"
# since judgment [V].
PC1203_425_WAIT_YEARS_MISDEMEANOR = _provision(
    "pc1203_425_wait_years_misdemeanor",
    Entry(date(2020, 1, 1), 1, "PC 1203.425(a)(1)(B)(v)(II)"),
)
# The felony branch (SB 731 of 2022): a felony "for which the defendant was not granted
# probation", every part of the sentence completed, "four years have elapsed" with no new
# felony, and not "a serious felony, as defined in subdivision (c) of Section 1192.7, a violent
# felony, as defined in subdivision (c) of Section 667.5, or a felony offense requiring
# registration pursuant to Chapter 5.5 (commencing with Section 290)" [S: SB 731 digest;
# statutes.md]. AB/SB 168 (2024) "would instead delay implementation of these provision until
# October 1, 2024 ... and would extend automatic conviction relief to individuals with the
# above-described convictions on or after January 1, 1973" [V digest, fastdemocracy
# CAB00027972]. Not in force before 2024-10-01: a case decided as of an earlier day gets no
# felony branch.
PC1203_425_FELONY_BRANCH = _provision(
    "pc1203_425_felony_branch",
    Entry(date(2020, 1, 1), False, "PC 1203.425(a)(1)(B) (AB 1076, 2019)", "no felony branch"),
    Entry(
        date(2024, 10, 1),
        True,
        "PC 1203.425 (SB 731 of 2022 and AB/SB 168 of 2024)",
        "felony branch in force from 2024-10-01 [S]",
    ),
)
PC1203_425_WAIT_YEARS_FELONY = _provision(
    "pc1203_425_wait_years_felony",
    Entry(date(2024, 10, 1), 4, "PC 1203.425 (SB 731)", "four years after the sentence ended [S]"),
)

# --- Dismissal by petition, PC 1203.4, 1203.4a, 1203.41, 1203.42 (decision-rules G) ----------

# PC 1203.4a(a): a misdemeanor or infraction without probation, "after the lapse of one year
# from the date of pronouncement of judgment" [S: OC Public Defender summary, statutes.md 5.2].
PC1203_4A_WAIT_YEARS = _provision(
    "pc1203_4a_wait_years", Entry(date(1990, 1, 1), 1, "PC 1203.4a(a)")
)
# The Criminal Justice Realignment Act of 2011: PC 1170(h) county-jail felony sentences
# "shall be applied prospectively to any person sentenced on or after October 1, 2011"
# (PC 1170(h)(6)) [M]. Decision-rules G.3 reads it by the offense date (1203.41) and G.4 by the
# sentence, taken as the conviction date (1203.42: "sentenced prior to the implementation").
REALIGNMENT = _provision(
    "realignment", Entry(date(2011, 10, 1), date(2011, 10, 1), "PC 1170(h) (AB 109, 2011)")
)
# PC 1203.41(a) [V, AB 651 text, statutes.md 5.3]: "after the lapse of one year following the
# defendant's completion of the sentence, if the sentence was imposed pursuant to subparagraph
# (B) of paragraph (5) of subdivision (h) of Section 1170" (a split sentence), "or after the
# lapse of two years following the defendant's completion of the sentence, if the sentence was
# imposed pursuant to subparagraph (A) of paragraph (5)" (a straight jail term).
PC1203_41_WAIT_YEARS_SPLIT = _provision(
    "pc1203_41_wait_years_split", Entry(date(2014, 1, 1), 1, "PC 1203.41(a)(1) (AB 651, 2013)")
)
PC1203_41_WAIT_YEARS_STRAIGHT = _provision(
    "pc1203_41_wait_years_straight",
    Entry(date(2014, 1, 1), 2, "PC 1203.41(a)(1) (AB 651, 2013)"),
)
# PC 1203.42(a) [V, instalawyer copy and AB 1115, statutes.md 5.3]: "after the lapse of two
# years following the defendant's completion of the sentence".
PC1203_42_WAIT_YEARS = _provision(
    "pc1203_42_wait_years", Entry(date(2018, 1, 1), 2, "PC 1203.42(a) (AB 1115, 2017)")
)

# --- Record destruction, HS 11361.5 (decision-rules H) -----------------------------------------

# HS 11361.5(a) [V, 2013 text, statutes.md 5.4]: records of 11357(b)-(e) and 11360(b) "shall
# not be kept beyond two years from the date of the conviction"; old (e) (minors at school)
# "until the offender attains the age of 18 years" [V-ish]. (b): convictions before
# 1976-01-01 are destroyed only on application to DOJ [V-ish].
HS11361_5_KEEP_YEARS = _provision(
    "hs11361_5_keep_years", Entry(date(1976, 1, 1), 2, "HS 11361.5(a)")
)
HS11361_5_KEEP_UNTIL_AGE = _provision(
    "hs11361_5_keep_until_age", Entry(date(1976, 1, 1), 18, "HS 11361.5(a)")
)
HS11361_5_AUTOMATIC_FROM = _provision(
    "hs11361_5_automatic_from",
    Entry(date(1976, 1, 1), date(1976, 1, 1), "HS 11361.5(a)-(b)"),
)

# --- Checking one's own record, PC 11120-11127 --------------------------------------------------

RECORD_REVIEW_FEE_DOLLARS = _provision(
    "record_review_fee_dollars", Entry(date(1990, 1, 1), 25, "PC 11123", "fee waiver for indigency")
)

ALL = (
    PROP64_EFFECTIVE,
    OLD_11357B_INFRACTION_FROM,
    LIMIT_CANNABIS_GRAMS,
    LIMIT_CONCENTRATED_GRAMS,
    LIMIT_PLANTS,
    AUTOMATIC_REVIEW_BEFORE,
    PC1203_425_CONVICTED_ON_OR_AFTER,
    PC1203_425_WAIT_YEARS_MISDEMEANOR,
    PC1203_425_FELONY_BRANCH,
    PC1203_425_WAIT_YEARS_FELONY,
    IMPORT_EXPORT_CONCENTRATED_GRAMS,
    HIRED_PERSON_AGE_AT_MOST,
    PC1203_4A_WAIT_YEARS,
    REALIGNMENT,
    PC1203_41_WAIT_YEARS_SPLIT,
    PC1203_41_WAIT_YEARS_STRAIGHT,
    PC1203_42_WAIT_YEARS,
    HS11361_5_KEEP_YEARS,
    HS11361_5_KEEP_UNTIL_AGE,
    HS11361_5_AUTOMATIC_FROM,
    RECORD_REVIEW_FEE_DOLLARS,
)
