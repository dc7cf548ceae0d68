"""The same bulk run on Dask: `python -m rules.batch.dask_runner INPUT.csv --output OUTPUT.csv`.

Optional (`pip install -e ".[dask]"`). It exists to show that `evaluate_rows` runs unchanged on a
distributed engine. The file is cut into byte ranges of about `blocksize` whose borders fall
where one person ends and the next begins (the input contract already keeps a person's rows
together), each range is a `dask.dataframe` partition, `evaluate_rows` is mapped over the
partitions, and the partitions are written back in order: one pass, no shuffle, constant
memory per worker. Pointed at a `distributed` cluster (`dask.config.set(scheduler=client)`)
nothing else changes. For data whose persons are scattered, group first (Spark:
`groupBy("person_id").applyInPandas(...)`; Dask: `shuffle(on="person_id")`): see docs/bulk.md.

Differences from the plain runner, by design of the tools: pandas reads a short ragged line by
padding it with empty cells (the plain runner flags it) and stops on a long one, and a person
whose rows are not together is not flagged; run the plain CLI first on files of unknown quality.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import os
import sys

import dask
import dask.dataframe as dd
import pandas as pd

from rules.batch.columns import OUTPUT_COLUMNS
from rules.batch.partition import evaluate_rows
from rules.batch.runner import (
    InputFileError,
    read_header,
    refuse_output_over_input,
    spreadsheet_safe,
)


def _person(line: bytes, column: int) -> str:
    cells = next(csv.reader([line.decode("utf-8")]), [])
    return cells[column].strip() if len(cells) > column else ""


def person_ranges(path: str, person_column: int, blocksize: int) -> list[tuple[int, int]]:
    """Byte ranges of the data lines, about `blocksize` each, never splitting a person."""
    size = os.path.getsize(path)
    with open(path, "rb") as handle:
        handle.readline()  # the header
        cuts = [handle.tell()]
        while cuts[-1] + blocksize < size:
            handle.seek(cuts[-1] + blocksize)
            handle.readline()  # to the start of the next whole line
            first = handle.readline()
            if not first:
                break
            person = _person(first, person_column)
            while True:
                here = handle.tell()
                line = handle.readline()
                if not line or _person(line, person_column) != person:
                    break
            if here >= size:
                break
            cuts.append(here)
    return list(zip(cuts, [*cuts[1:], size]))


def _read_range(byte_range: tuple[int, int], path: str, header: list[str]) -> pd.DataFrame:
    start, end = byte_range
    with open(path, "rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    frame = pd.read_csv(
        io.BytesIO(data),
        header=None,
        names=header,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        encoding="utf-8",
        skip_blank_lines=True,
    )
    return frame.fillna("")


def _evaluate(frame: pd.DataFrame, header: list[str], as_of: str) -> pd.DataFrame:
    rows = frame[header].to_dict("records")
    out = pd.DataFrame(evaluate_rows(rows, as_of), columns=[*header, *OUTPUT_COLUMNS], dtype=object)
    return out.map(spreadsheet_safe)


def evaluate_file(path: str, header: list[str], as_of: str, blocksize: int) -> dd.DataFrame:
    """The evaluated rows of a CSV file, in input order, as a Dask frame of whole-person partitions."""
    ranges = person_ranges(path, header.index("person_id"), blocksize)
    empty = pd.DataFrame({name: pd.Series(dtype=object) for name in header})
    frame = dd.from_map(
        _read_range,
        ranges,
        path=path,
        header=header,
        meta=empty,
        divisions=[None] * (len(ranges) + 1),
    )
    meta = pd.DataFrame({name: pd.Series(dtype=object) for name in [*header, *OUTPUT_COLUMNS]})
    result: dd.DataFrame = frame.map_partitions(_evaluate, header, as_of, meta=meta)
    return result


def run_dask(
    input_path: str,
    output_path: str,
    as_of: str,
    *,
    blocksize: int = 32_000_000,
    scheduler: str = "processes",
) -> int:
    """Writes the evaluated CSV (to a temporary name, renamed when complete); returns how many
    rows carry an error."""
    refuse_output_over_input(input_path, output_path)
    with open(input_path, newline="", encoding="utf-8-sig") as handle:
        header = read_header(csv.reader(handle))
    partial = f"{output_path}.partial"
    with dask.config.set({"dataframe.convert-string": False, "scheduler": scheduler}):
        result = evaluate_file(input_path, header, as_of, blocksize)
        try:
            result.to_csv(partial, single_file=True, index=False, lineterminator="\n")
            os.replace(partial, output_path)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
    # Counted from the file written rather than by a second pass of the graph, which would
    # evaluate every row again.
    with open(output_path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        error_column = next(reader).index("error")
        return sum(1 for row in reader if row[error_column])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rules.batch.dask_runner", description=__doc__.split("\n")[0]
    )
    parser.add_argument("input")
    parser.add_argument("--output", "-o", required=True)
    parser.add_argument("--as-of", default=None)
    parser.add_argument("--blocksize", type=int, default=32_000_000, help="bytes a partition")
    args = parser.parse_args(argv)
    as_of = args.as_of or datetime.date.today().isoformat()
    try:
        errors = run_dask(args.input, args.output, as_of, blocksize=args.blocksize)
    except InputFileError as error:
        print(f"dask batch: {args.input}: {error}", file=sys.stderr)
        return 2
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
