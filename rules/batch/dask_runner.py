"""The same bulk run on Dask: `python -m rules.batch.dask_runner INPUT.csv --output OUTPUT.csv`.

Optional (`pip install -e ".[dask]"`). It exists to show that `evaluate_rows` runs unchanged on a
distributed engine: Dask reads the CSV in byte blocks, shuffles rows so that each partition
holds whole persons, applies `evaluate_rows` to every partition, and puts the rows back in
input order. Pointed at a `distributed` cluster (`dask.config.set(scheduler=client)`), or
translated line for line to Spark's `groupBy(person_id).applyInPandas`, nothing else changes.

Differences from the plain runner, by design of the tools: pandas reads a short ragged line by
padding it with empty cells (the plain runner flags it) and stops on a long one; run the plain
CLI first on files of unknown quality.
"""

from __future__ import annotations

import argparse
import datetime
import sys

import dask
import dask.dataframe as dd
import pandas as pd

from rules.batch.columns import OUTPUT_COLUMNS
from rules.batch.partition import evaluate_rows
from rules.batch.runner import InputFileError, read_header

_ROW = "_row_number"


def _number(frame: pd.DataFrame, offsets: list[int], partition_info: dict | None = None) -> pd.DataFrame:
    start = offsets[partition_info["number"]] if partition_info else 0
    return frame.assign(**{_ROW: range(start, start + len(frame))})


def _evaluate(frame: pd.DataFrame, header: list[str], as_of: str) -> pd.DataFrame:
    rows = frame[header].to_dict("records")
    out = pd.DataFrame(evaluate_rows(rows, as_of), columns=[*header, *OUTPUT_COLUMNS], dtype=object)
    out[_ROW] = frame[_ROW].to_numpy()
    return out


def evaluate_frame(frame: dd.DataFrame, header: list[str], as_of: str) -> dd.DataFrame:
    """Input rows (all str) -> the same rows, evaluated, in input order, as a Dask frame."""
    lengths = frame.map_partitions(len).compute().tolist()
    offsets = [sum(lengths[:index]) for index in range(len(lengths))]
    numbered = frame.map_partitions(_number, offsets)
    by_person = numbered.shuffle(on="person_id")
    meta = pd.DataFrame({name: pd.Series(dtype=object) for name in [*header, *OUTPUT_COLUMNS]})
    meta[_ROW] = pd.Series(dtype="int64")
    evaluated = by_person.map_partitions(_evaluate, header, as_of, meta=meta)
    return evaluated.sort_values(_ROW)


def run_dask(input_path: str, output_path: str, as_of: str, *, blocksize: str | int = "64MB",
             scheduler: str = "processes") -> int:
    """Writes the evaluated CSV; returns how many rows carry an error."""
    import csv

    with open(input_path, newline="", encoding="utf-8-sig") as handle:
        header = read_header(csv.reader(handle))
    with dask.config.set({"dataframe.convert-string": False, "scheduler": scheduler}):
        frame = dd.read_csv(input_path, dtype=str, keep_default_na=False, na_filter=False,
                            blocksize=blocksize, encoding="utf-8-sig", skip_blank_lines=True)
        frame.columns = header
        result = evaluate_frame(frame, header, as_of).drop(columns=[_ROW])
        result.to_csv(output_path, single_file=True, index=False, lineterminator="\n")
        return int((result["error"] != "").sum().compute())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rules.batch.dask_runner", description=__doc__.split("\n")[0])
    parser.add_argument("input")
    parser.add_argument("--output", "-o", required=True)
    parser.add_argument("--as-of", default=None)
    parser.add_argument("--blocksize", default="64MB")
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
