"""`python -m rules batch IN.csv --input-format doj --output OUT.csv`: DOJ's file through bulk mode.

The DOJ file is converted (rules/records/doj.py) into bulk mode's own columns in a temporary
file beside the output, holding only the whitelisted columns; bulk mode's runner evaluates it
as it evaluates any file; the rows of deceased subjects are then appended, marked and not
evaluated. The temporary file is removed whatever happens.
"""

from __future__ import annotations

import csv
import datetime
import os
import tempfile
from typing import Any

from rules.batch.columns import OUTPUT_COLUMNS
from rules.batch.runner import Totals
from rules.batch.runner import run as run_file
from rules.records.doj import WRITTEN_COLUMNS, convert


def run(input_path: str, output_path: str, as_of: str, **options: Any) -> tuple[Totals, int]:
    """Evaluates a DOJ file; returns bulk mode's totals and how many rows were not evaluated
    because the subject is deceased. Raises DojFileError, InputFileError or OSError."""
    day = datetime.date.fromisoformat(as_of)
    folder = os.path.dirname(os.path.abspath(output_path))
    handle, converted = tempfile.mkstemp(prefix=".doj-", suffix=".csv", dir=folder)
    deceased: list[dict[str, str]] = []
    try:
        with (
            open(input_path, newline="", encoding="utf-8-sig", errors="replace") as source,
            os.fdopen(handle, "w", newline="", encoding="utf-8") as target,
        ):
            writer = csv.DictWriter(target, WRITTEN_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for row in convert(source, day):
                if row["deceased"]:
                    deceased.append(row)
                else:
                    writer.writerow(row)
        totals = run_file(converted, output_path, as_of, **options)
        if deceased:
            with open(output_path, "a", newline="", encoding="utf-8") as out:
                plain = csv.writer(out, lineterminator="\n")
                for row in deceased:
                    plain.writerow(
                        [row[name] for name in WRITTEN_COLUMNS] + [""] * len(OUTPUT_COLUMNS)
                    )
    finally:
        os.unlink(converted)
    return totals, len(deceased)
