"""The dates, amounts and waiting periods of the law, as data, each with its citation.

A law change adds a dated entry to a provision (the day it took force and the new value); it
never edits an old one, so a case decided "as of" an earlier day still gets the law of that day.
Markers follow `research.md`: [V] read in the statute, [S] secondary source, [M] from memory,
[U] uncertain.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple


class Entry(NamedTuple):
    in_force_from: date  # the first day this value is the law
    value: Any  # a date, an amount or a number of years
    citation: str
    note: str = ""


class Provision(NamedTuple):
    name: str
    entries: tuple[Entry, ...]  # oldest first

    def on(self, day: date) -> Any:
        """The value in force on `day` (the earliest entry when `day` precedes all of them)."""
        value = self.entries[0].value
        for entry in self.entries:
            if entry.in_force_from <= day:
                value = entry.value
        return value

    @property
    def current(self) -> Any:
        return self.entries[-1].value

    @property
    def citation(self) -> str:
        return self.entries[-1].citation


def _provision(name: str, *entries: Entry) -> Provision:
    return Provision(name, entries)


# --- Prop 64 (Adult Use of Marijuana Act), HS 11361.8 -----------------------------------------

# Prop 64 was approved on 2016-11-08 and took effect the next day; the test is the law "at the
# time of the offense" (HS 11361.8(a)) [S legiplex, labarberalaw].
PROP64_EFFECTIVE = _provision(
    "prop64_effective",
    Entry(date(2016, 11, 9), date(2016, 11, 9), "Prop 64 (2016), HS 11361.8(a)",
          "effective the day after the 2016-11-08 election"),
)

# Old HS 11357(b): 28.5 g or less, not concentrated, was a misdemeanor ($100 fine) until SB 1449
# made it an infraction from 2011-01-01 [M]. Used only to read the grade of an old 11357(b)
# conviction whose level the person does not know (decision-rules B.1, B.5).
OLD_11357B_INFRACTION_FROM = _provision(
    "old_11357b_infraction_from",
    Entry(date(2011, 1, 1), date(2011, 1, 1), "former HS 11357(b), as amended by SB 1449 (2010)"),
)

# HS 11362.1(a)(1)-(2): 21+ may possess "not more than 28.5 grams of cannabis not in the form of
# concentrated cannabis" and "not more than eight grams of cannabis in the form of concentrated
# cannabis" [S]; (a)(3): "not more than six living cannabis plants" [S].
LIMIT_CANNABIS_GRAMS = _provision(
    "limit_cannabis_grams", Entry(date(2016, 11, 9), 28.5, "HS 11362.1(a)(1)"))
LIMIT_CONCENTRATED_GRAMS = _provision(
    "limit_concentrated_grams", Entry(date(2016, 11, 9), 8, "HS 11362.1(a)(2)"))
LIMIT_PLANTS = _provision(
    "limit_plants", Entry(date(2016, 11, 9), 6, "HS 11362.1(a)(3) and HS 11358(c)"))
ADULT_AGE = _provision("adult_age", Entry(date(2016, 11, 9), 18, "HS 11357(a)(1), 11359(a), 11360(a)(1)"))
LEGAL_AGE = _provision("legal_age", Entry(date(2016, 11, 9), 21, "HS 11362.1(a)"))

# --- Automatic review, HS 11361.9 (AB 1793, 2018; deadlines extended by AB 1706, 2022) --------

# "before July 1, 2019" DOJ reviews its records and identifies potentially eligible convictions
# [V, AB 1793 digest]. Only convictions entered before this day were in that review.
AUTOMATIC_REVIEW_BEFORE = _provision(
    "automatic_review_before",
    Entry(date(2019, 1, 1), date(2019, 7, 1), "HS 11361.9(a) (AB 1793)"),
)
# "on or before July 1, 2020" the prosecution decides whether to challenge [V digest].
PROSECUTION_CHALLENGE_BY = _provision(
    "prosecution_challenge_by",
    Entry(date(2019, 1, 1), date(2020, 7, 1), "HS 11361.9(b)-(c) (AB 1793)"),
)
# Courts issue the orders by 2023-03-01; DOJ updates its records by 2023-07-01 [S canorml; V digest].
COURT_ORDERS_BY = _provision(
    "court_orders_by", Entry(date(2023, 1, 1), date(2023, 3, 1), "HS 11361.9(f)-(g) (AB 1706)"))
DOJ_RECORDS_UPDATED_BY = _provision(
    "doj_records_updated_by", Entry(date(2023, 1, 1), date(2023, 7, 1), "HS 11361.9(h) (AB 1706)"))

# --- Automatic conviction relief, PC 1203.425 -------------------------------------------------

# (a)(1)(B)(v): the conviction must be entered on or after this day. AB 1076 said
# "January 1, 2021" [V getpocketlaw]; the current text says "January 1, 1973" [V-ish] (SB 731,
# in force 2023; the exact day is [U], research §5.5).
PC1203_425_CONVICTED_ON_OR_AFTER = _provision(
    "pc1203_425_convicted_on_or_after",
    Entry(date(2020, 1, 1), date(2021, 1, 1), "PC 1203.425(a)(1)(B)(v) (AB 1076, 2019)"),
    Entry(date(2023, 1, 1), date(1973, 1, 1), "PC 1203.425(a)(1)(B)(v) (SB 731, 2022)",
          "[U] the day this entry took force is not verified"),
)
# (a)(1)(B)(v)(II): misdemeanor or infraction without probation, "at least one calendar year"
# since judgment [V].
PC1203_425_WAIT_YEARS_MISDEMEANOR = _provision(
    "pc1203_425_wait_years_misdemeanor",
    Entry(date(2020, 1, 1), 1, "PC 1203.425(a)(1)(B)(v)(II)"),
)
# (a)(1)(B)(v)(III): felony, four years without a new felony [S]; dates of operation [U].
PC1203_425_WAIT_YEARS_FELONY = _provision(
    "pc1203_425_wait_years_felony",
    Entry(date(2023, 7, 1), 4, "PC 1203.425(a)(1)(B)(v)(III) (SB 731)", "[U] operative date"),
)

# --- Checking one's own record, PC 11120-11127 --------------------------------------------------

RECORD_REVIEW_FEE_DOLLARS = _provision(
    "record_review_fee_dollars", Entry(date(1990, 1, 1), 25, "PC 11123", "fee waiver for indigency"))

ALL = (
    PROP64_EFFECTIVE, OLD_11357B_INFRACTION_FROM, LIMIT_CANNABIS_GRAMS, LIMIT_CONCENTRATED_GRAMS,
    LIMIT_PLANTS, ADULT_AGE, LEGAL_AGE, AUTOMATIC_REVIEW_BEFORE, PROSECUTION_CHALLENGE_BY,
    COURT_ORDERS_BY, DOJ_RECORDS_UPDATED_BY, PC1203_425_CONVICTED_ON_OR_AFTER,
    PC1203_425_WAIT_YEARS_MISDEMEANOR, PC1203_425_WAIT_YEARS_FELONY, RECORD_REVIEW_FEE_DOLLARS,
)
