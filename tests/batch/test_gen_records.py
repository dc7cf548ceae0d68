"""The synthetic record generator behind the benchmark: deterministic, exact size, realistic mix."""

import csv
import io

from benchmarks.gen_records import HEADER, generate


def make(rows, seed, rate=0.001):
    out = io.StringIO()
    broken = generate(rows, out, seed, rate)
    return out.getvalue(), broken


def test_same_seed_same_file_and_exactly_the_rows_asked_for():
    first, _ = make(5000, seed=3)
    assert first == make(5000, seed=3)[0]
    assert first != make(5000, seed=4)[0]
    assert len(list(csv.reader(io.StringIO(first)))) == 5001


def test_the_mix_has_persons_with_several_rows_partial_dates_and_malformed_rows():
    text, broken = make(20000, seed=9, rate=0.01)
    rows = list(csv.reader(io.StringIO(text)))[1:]
    whole = [dict(zip(HEADER, row)) for row in rows if len(row) == len(HEADER)]
    persons = {row["person_id"] for row in whole}
    assert 1.5 < len(rows) / len(persons) < 4
    dates = [row["offense_date"] for row in whole]
    assert {len(d) for d in dates} == {0, 4, 7, 10}
    assert any("664/" in row["offense"] for row in whole)
    assert any(row["offense"].startswith("PC 187") for row in whole)
    assert 100 < broken < 300
    assert sum(len(row) != len(HEADER) for row in rows) > 10
