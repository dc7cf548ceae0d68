"""Engine throughput: convictions evaluated per second on one core, validation included.

    .venv/bin/python -m benchmarks.engine [--cases 20000] [--seed 64]

Generates varied cases deterministically (seeded): every offense form, full and partial dates
on both sides of each boundary, every level, age, sentence and court, and facts that are yes,
no, unknown or omitted. Then times `rules.evaluate` on all of them, and `rules.decisive_facts`
on a 30-conviction case (the web app runs it on every page view).

The engine reuses a rule's result for convictions that answer the same questions the same way
(rules/facts.py: Memo), so each round gets NEW cases (seed, seed + 1, ...): the first round
starts with an empty memo (cold: a fresh process), later rounds show a running process (warm).

`--batch-mix RECORDS.csv` (from `python -m benchmarks.gen_records`) times instead the cases bulk
mode builds from that file (one a person, derived priors included), in a fresh process: the
engine's share of a bulk run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import time

import rules
from rules.validate import CONDUCT_FACTS

OFFENSES = [
    "HS 11357",
    "HS 11357(a)",
    "H&S 11357(b)",
    "11357(c)",
    "HS 11357(d)",
    "HS 11357(e)",
    "HS 11358",
    "HS 11360(c)",
    "HS 11359",
    "hs11359",
    "HS 11360",
    "HS 11360(a)",
    "HS 11360(b)",
    "PC 664/11359",
    "PC 182(a)(1)/HS 11360",
    "PC 211",
    "21 USC 841",
    "unknown",
    "other",
]
COURTS = ["california_adult"] * 6 + ["california_juvenile", "other_state", "federal", "unknown"]
LEVELS = ["felony", "misdemeanor", "infraction", "unknown"]
AGES = ["under_18", "18_to_20", "21_or_older", "unknown"]
TRI = ["yes", "no", "no", "unknown", None]  # None: omitted (read as unknown)
CONDUCT = list(CONDUCT_FACTS)  # the engine's conduct facts (rules/validate.py)
RELIEF = ["none"] * 10 + ["unknown"] * 7 + ["dismissed"] * 2 + ["prop64"]
PRIORS = ["super_strike", "registrable_sex_offense", "two_same_section"]


def _date(rng: random.Random, low: int, high: int):
    year = rng.randint(low, high)
    form = rng.random()
    if form < 0.1:
        return None
    if form < 0.2:
        return f"{year}"
    if form < 0.3:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _tri_facts(rng: random.Random, names: list[str]) -> dict:
    facts = {}
    for name in names:
        value = rng.choice(TRI)
        if value is not None:
            facts[name] = value
    return facts


def conviction(rng: random.Random, index: int) -> dict:
    offense_year = rng.randint(1970, 2024)
    return {
        "id": f"c{index}",
        "court": rng.choice(COURTS),
        "offense": rng.choice(OFFENSES),
        "level": rng.choice(LEVELS),
        "offense_date": _date(rng, offense_year, offense_year),
        # A later year than the offense, by 2025: contract v2 refuses a conviction before its
        # offense or after as_of.
        "conviction_date": _date(rng, offense_year + 1, min(offense_year + 2, 2025)),
        "age_at_offense": rng.choice(AGES),
        "sentence": {
            "status": rng.choice(["completed", "serving", "unknown"]),
            "kind": rng.choice(
                ["probation", "county_jail", "state_prison", "fine_only", "unknown"]
            ),
            "probation_revoked": rng.choice(["yes", "no", "unknown"]),
            "completed_on": _date(rng, offense_year + 1, 2026),
        },
        "new_felony_since": rng.choice(["yes", "no", "unknown"]),
        "conduct": _tri_facts(rng, CONDUCT),
        "priors": _tri_facts(rng, PRIORS),
        "relief_on_record": rng.choice(RELIEF),
    }


def case(rng: random.Random, size: int) -> dict:
    return {
        "as_of": "2026-11-24",
        "person": _tri_facts(rng, ["must_register_290", "under_supervision", "pending_charges"]),
        "convictions": [conviction(rng, i) for i in range(size)],
    }


def batch_cases(path: str, as_of: str = "2026-11-24") -> list[dict]:
    """The cases bulk mode hands the engine for the rows of `path` (valid rows only)."""
    import csv
    from itertools import groupby

    from rules.batch.partition import read_person

    with open(path, newline="", encoding="utf-8") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("person_id")]
    cases = []
    for _, group in groupby(rows, key=lambda row: row["person_id"]):
        read = [row for row in read_person(list(group)) if not row.errors]
        if read:
            cases.append({"as_of": as_of, "convictions": [row.conviction for row in read]})
    return cases


def time_batch_mix(path: str, rounds: int) -> None:
    cases = batch_cases(path)
    total = sum(len(c["convictions"]) for c in cases)
    rates = []
    for _ in range(rounds):
        cpu = time.process_time()
        for one in cases:
            with contextlib.suppress(rules.InvalidCase):  # refused rows cost their validation
                rules.evaluate(one)
        rates.append(total / (time.process_time() - cpu))
    print(f"bulk mode's cases from {path}: {len(cases)} cases, {total} convictions")
    print(
        f"evaluate incl. validation, one core, convictions/s of CPU time: first pass (empty "
        f"memo) {rates[0]:,.0f}; later passes {', '.join(f'{r:,.0f}' for r in rates[1:])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-mix", metavar="RECORDS.csv", default=None)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    if args.batch_mix:
        time_batch_mix(args.batch_mix, args.rounds)
        return
    outcomes: dict[str, int] = {}
    # CPU time of this process (the machine's other work does not count against it), and
    # wall-clock time for comparison. One round's cases are in memory at a time.
    cpu_rates, wall_rates, total = [], [], 0
    for number in range(args.rounds):
        rng = random.Random(args.seed + number)
        cases = [case(rng, rng.choice([1, 1, 1, 2, 3, 5])) for _ in range(args.cases)]
        total = sum(len(c["convictions"]) for c in cases)
        cpu, wall = time.process_time(), time.perf_counter()
        for one in cases:
            rules.evaluate(one)
        cpu_rates.append(total / (time.process_time() - cpu))
        wall_rates.append(total / (time.perf_counter() - wall))
        del cases
    rng = random.Random(args.seed)
    for determination in map(
        rules.evaluate, [case(rng, rng.choice([1, 1, 1, 2, 3, 5])) for _ in range(2000)]
    ):
        for result in determination["convictions"]:
            outcome = result["prop64"]["outcome"]
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(
        f"cases: {args.cases} a round, about {total} convictions (seeds {args.seed} to "
        f"{args.seed + args.rounds - 1}, new cases each round)"
    )
    print(f"outcome mix (first 2000 cases): {dict(sorted(outcomes.items()))}")
    warm = cpu_rates[1:] or cpu_rates
    print(
        f"evaluate incl. validation, one core, convictions/s of CPU time: cold (first round, "
        f"empty memo) {cpu_rates[0]:,.0f}; warm (rounds 2-{args.rounds}) median "
        f"{statistics.median(warm):,.0f} (min {min(warm):,.0f}, max {max(warm):,.0f}); "
        f"wall clock median {statistics.median(wall_rates):,.0f}/s"
    )

    big = [case(random.Random(args.seed + n), 30) for n in range(20)]
    timings = []
    for one in big:
        start = time.process_time()
        rules.decisive_facts(one)
        timings.append((time.process_time() - start) * 1000)
    print(
        f"decisive_facts on a 30-conviction case: median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms of CPU time (20 cases)"
    )


if __name__ == "__main__":
    main()
