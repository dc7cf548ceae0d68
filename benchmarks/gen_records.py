"""Synthetic conviction records for bulk mode: `python -m benchmarks.gen_records N OUT.csv --seed S`.

The mix is meant to look like a county extract, not like the law's happy paths: the four
Prop 64 sections written many ways (with and without subdivision letters, `H&S`, bare numbers),
attempts and conspiracies, other codes (including super-strike and PC 290 offenses, so derived
priors fire), full, month-only, year-only and missing dates, mostly unknown case facts,
several convictions per person, and about one malformed row in a thousand (impossible date,
misspelled level, empty offense, ragged line). Same seed, same file. Nothing here is real data.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import random
import sys

from rules.batch.columns import INPUT_COLUMNS

# (offense cell, weight, usual levels). Weights roughly: cannabis 70 %, everything else 30 %.
OFFENSES = [
    ("HS 11357(b)", 14, ("infraction", "misdemeanor")),
    ("HS 11357(a)", 4, ("felony", "misdemeanor")),
    ("H&S 11357(c)", 4, ("misdemeanor",)),
    ("HS 11357(d)", 1, ("misdemeanor",)),
    ("HS 11357", 4, ("misdemeanor", "infraction", "unknown")),
    ("11357", 2, ("misdemeanor", "infraction")),
    ("HS 11358", 6, ("felony",)),
    ("HS 11358(c)", 1, ("misdemeanor",)),
    ("HS 11359", 11, ("felony",)),
    ("H&S 11359", 3, ("felony",)),
    ("HS 11359(b)", 2, ("misdemeanor",)),
    ("HS 11360(a)", 8, ("felony",)),
    ("HS 11360", 3, ("felony", "unknown")),
    ("HS 11360(b)", 3, ("misdemeanor",)),
    ("HSC 11360(a)(2)", 1, ("misdemeanor",)),
    ("PC 664/11359", 1, ("felony",)),
    ("PC 182(a)(1)/HS 11360", 1, ("felony",)),
    ("PC 211", 4, ("felony",)),
    ("PC 459", 4, ("felony", "misdemeanor")),
    ("VC 23152(a)", 5, ("misdemeanor",)),
    ("HS 11350(a)", 4, ("felony", "misdemeanor")),
    ("HS 11377(a)", 3, ("felony", "misdemeanor")),
    ("PC 245(a)(1)", 2, ("felony",)),
    ("PC 187", 1, ("felony",)),
    ("PC 664/187", 1, ("felony",)),
    ("PC 288(a)", 1, ("felony",)),
    ("PC 261(a)(2)", 1, ("felony",)),
    ("PC 243.4", 1, ("misdemeanor", "felony")),
    ("PC 653f", 1, ("felony",)),
    ("21 USC 841", 1, ("felony",)),
]
COURTS = (
    ["california_adult"] * 80
    + ["california_juvenile"] * 4
    + ["other_state"] * 2
    + ["federal"] * 1
    + ["unknown"] * 3
    + [""] * 10
)
AGES = ["21_or_older"] * 50 + ["18_to_20"] * 15 + ["under_18"] * 5 + ["unknown"] * 5 + [""] * 25
STATUS = ["completed"] * 60 + ["serving"] * 8 + ["unknown"] * 7 + [""] * 25
KIND = (
    ["probation"] * 35
    + ["county_jail"] * 15
    + ["state_prison"] * 8
    + ["fine_only"] * 12
    + [""] * 30
)
TRI_MOSTLY_EMPTY = [""] * 80 + ["no"] * 12 + ["yes"] * 4 + ["unknown"] * 4
RELIEF = [""] * 55 + ["none"] * 35 + ["prop64"] * 5 + ["dismissed"] * 2 + ["unknown"] * 3
PERSON = [""] * 50 + ["no"] * 45 + ["yes"] * 3 + ["unknown"] * 2
FIRST, LAST = datetime.date(1975, 1, 1).toordinal(), datetime.date(2025, 6, 30).toordinal()
MALFORMED = ("bad_date", "bad_level", "no_offense", "ragged")


def _date(rng: random.Random, ordinal: int) -> str:
    """A date written the way records have it: mostly a day, sometimes a month, a year or nothing."""
    day = datetime.date.fromordinal(ordinal)
    kind = rng.random()
    if kind < 0.72:
        return day.isoformat()
    if kind < 0.82:
        return day.isoformat()[:7]
    if kind < 0.90:
        return str(day.year)
    return ""


def _conviction(rng: random.Random, person: str, number: int, weights: list[int]) -> list[str]:
    offense, _, levels = rng.choices(OFFENSES, weights)[0]
    committed = rng.randint(FIRST, LAST)
    convicted = min(committed + int(rng.expovariate(1 / 150)), LAST + 200)
    row = {
        "person_id": person,
        "conviction_id": f"{person}-{number}",
        "court": rng.choice(COURTS),
        "offense": offense,
        "level": rng.choice(levels) if rng.random() < 0.85 else rng.choice(("", "unknown")),
        "offense_date": _date(rng, committed),
        "conviction_date": _date(rng, convicted),
        "age_at_offense": rng.choice(AGES),
        "sentence_status": rng.choice(STATUS),
        "sentence_kind": rng.choice(KIND),
        "probation_revoked": rng.choice(TRI_MOSTLY_EMPTY),
        "relief_on_record": rng.choice(RELIEF),
        "county_case_number": f"{rng.choice('ABCDEFGH')}{rng.randint(100000, 999999)}",
    }
    for column in (
        "concentrated",
        "over_limit",
        "plants_over_six",
        "for_sale",
        "import_export",
        "minor_involved",
        "school_grounds",
        "environmental_harm",
        "prior_super_strike",
        "prior_registrable_sex_offense",
        "prior_two_same_section",
    ):
        row[column] = rng.choice(TRI_MOSTLY_EMPTY)
    return row


def _break(rng: random.Random, cells: list[str]) -> list[str]:
    kind = rng.choice(MALFORMED)
    if kind == "bad_date":
        cells[HEADER.index("offense_date")] = "2015-02-30"
    elif kind == "bad_level":
        cells[HEADER.index("level")] = "felon"
    elif kind == "no_offense":
        cells[HEADER.index("offense")] = ""
    else:
        cells = cells[:-3]
    return cells


HEADER = [*INPUT_COLUMNS, "county_case_number"]


def generate(rows: int, out, seed: int, malformed_rate: float = 0.001) -> int:
    """Writes exactly `rows` data rows; returns how many were made malformed on purpose."""
    rng = random.Random(seed)
    weights = [weight for _, weight, _ in OFFENSES]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    written = broken = person_number = 0
    while written < rows:
        person_number += 1
        person = f"P{person_number:08d}"
        person_facts = {
            column: rng.choice(PERSON)
            for column in ("must_register_290", "under_supervision", "pending_charges")
        }
        count = min(1 + int(rng.expovariate(1 / 1.6)), rows - written)
        for number in range(1, count + 1):
            row = _conviction(rng, person, number, weights) | person_facts
            cells = [row.get(column, "") for column in HEADER]
            if rng.random() < malformed_rate:
                cells = _break(rng, cells)
                broken += 1
            writer.writerow(cells)
        written += count
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.gen_records", description=__doc__.split("\n")[0]
    )
    parser.add_argument("rows", type=int)
    parser.add_argument("output", help="file to write, or - for standard output")
    parser.add_argument("--seed", type=int, default=64)
    parser.add_argument("--malformed-rate", type=float, default=0.001)
    args = parser.parse_args(argv)
    if args.output == "-":
        broken = generate(args.rows, sys.stdout, args.seed, args.malformed_rate)
    else:
        with open(args.output, "w", newline="", encoding="utf-8") as out:
            broken = generate(args.rows, out, args.seed, args.malformed_rate)
    print(f"{args.rows:,} rows ({broken:,} malformed on purpose) -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
