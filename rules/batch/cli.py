"""`python -m rules batch INPUT.csv --output OUTPUT.csv [--as-of DATE]` (docs/bulk.md).

Exit codes: 0 every row evaluated; 1 the output is complete but some rows carry an `error`;
2 the command or the input file as a whole is unusable (nothing useful was written).
"""

from __future__ import annotations

import argparse
import datetime
import sys

EXIT_OK, EXIT_ROW_ERRORS, EXIT_USAGE = 0, 1, 2


def _as_of(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


HELP = "evaluate a CSV of convictions (one row each, person_id groups a case) in bulk; see docs/bulk.md"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The `batch` subcommand's arguments (`python -m rules` calls this)."""
    parser.add_argument("input", metavar="INPUT.csv")
    parser.add_argument("--output", "-o", required=True, metavar="OUTPUT.csv")
    parser.add_argument(
        "--as-of",
        type=_as_of,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day the law is applied (default: today)",
    )
    parser.add_argument(
        "--summary",
        metavar="FILE",
        default=None,
        help="write the summary table here instead of standard error",
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per core)"
    )
    parser.add_argument("--chunk-rows", type=int, default=2000, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from rules.batch.runner import InputFileError, summary_table
    from rules.batch.runner import run as run_file

    # The clock is read here, at the edge, never in the engine.
    as_of = args.as_of or datetime.date.today().isoformat()
    if args.workers is not None and args.workers < 1:
        print("batch: --workers must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    try:
        totals = run_file(
            args.input, args.output, as_of, workers=args.workers, chunk_rows=max(args.chunk_rows, 1)
        )
    except (InputFileError, OSError) as error:
        print(f"batch: {args.input}: {error}", file=sys.stderr)
        return EXIT_USAGE
    table = summary_table(totals)
    heading = f"{totals.rows:,} rows in, {totals.rows:,} rows out, {totals.errors:,} with an error (as of {as_of})\n"
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as handle:
            handle.write(heading + table)
    else:
        sys.stderr.write(heading + table)
    return EXIT_ROW_ERRORS if totals.errors else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """`python -m rules.batch ...`, the same as `python -m rules batch ...`."""
    parser = argparse.ArgumentParser(prog="python -m rules.batch", description=HELP)
    add_arguments(parser)
    return run(parser.parse_args(argv))
