"""The Dask runner (optional extra) gives the plain runner's output byte for byte.

Small blocks force several partitions, so the shuffle by person_id really regroups persons.
"""

import io

import pytest

from benchmarks.gen_records import generate
from rules.batch.runner import run

pytest.importorskip(
    "dask.dataframe", reason="the dask extra is not installed (pip install -e '.[dask]')"
)

from rules.batch.dask_runner import run_dask  # noqa: E402

AS_OF = "2026-11-24"


def test_a_small_dask_run_equals_the_plain_run(tmp_path):
    source = tmp_path / "records.csv"
    text = io.StringIO()
    generate(600, text, seed=11, malformed_rate=0)
    # A few rows that break a cell (not the line): Dask must report them the same way.
    lines = text.getvalue().splitlines(keepends=True)
    lines[5] = lines[5].replace(",felony,", ",felon,", 1)
    source.write_text("".join(lines), encoding="utf-8")

    plain = run(str(source), str(tmp_path / "plain.csv"), AS_OF, workers=1)
    errors = run_dask(
        str(source), str(tmp_path / "dask.csv"), AS_OF, blocksize=16_000, scheduler="threads"
    )

    assert (tmp_path / "dask.csv").read_bytes() == (tmp_path / "plain.csv").read_bytes()
    assert errors == plain.errors
    assert plain.rows == 600


def test_partitions_never_split_a_person(tmp_path):
    from rules.batch.dask_runner import person_ranges

    source = tmp_path / "records.csv"
    with open(source, "w", newline="", encoding="utf-8") as out:
        generate(2000, out, seed=12, malformed_rate=0)
    data = source.read_bytes()
    ranges = person_ranges(str(source), 0, blocksize=10_000)
    assert len(ranges) > 10
    assert ranges[0][0] == data.index(b"\n") + 1 and ranges[-1][1] == len(data)
    assert all(end == next_start for (_, end), (next_start, _) in zip(ranges, ranges[1:]))
    persons = [
        {line.split(b",")[0] for line in data[start:end].splitlines()} for start, end in ranges
    ]
    assert all(not (a & b) for a, b in zip(persons, persons[1:]))
