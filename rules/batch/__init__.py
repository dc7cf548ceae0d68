"""Bulk mode: a CSV of convictions through the rules engine (docs/bulk.md).

`evaluate_rows` is the pure per-partition function shared by the local runner (all cores,
streaming) and the Dask runner; `run` streams a file.
"""

from rules.batch.columns import INPUT_COLUMNS, OUTPUT_COLUMNS
from rules.batch.partition import evaluate_rows

__all__ = ["INPUT_COLUMNS", "OUTPUT_COLUMNS", "evaluate_rows"]
