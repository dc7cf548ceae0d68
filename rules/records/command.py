"""`python -m rules read-record FILE|-`: a DOJ RAP sheet's text in, the proposed rows out (JSON).

Exit codes: 0 read; 2 the text is not a California DOJ RAP sheet (one line on standard error,
suggesting the line paste); 1 the file cannot be read as text. The rows are proposals for a
person to confirm against the paper, never a determination.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys

EXIT_OK, EXIT_UNREADABLE, EXIT_NOT_A_RAP_SHEET = 0, 1, 2
HELP = "read a California DOJ RAP sheet's text into proposed conviction rows (JSON)"


def _as_of(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("record", metavar="FILE", help="the sheet's text; - reads standard input")
    parser.add_argument(
        "--as-of",
        type=_as_of,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day a sentence's end is compared with (default: today)",
    )


def run(args: argparse.Namespace) -> int:
    from rules.records import NotARapSheet, read_rap_sheet

    where = "<stdin>" if args.record == "-" else args.record
    try:
        if args.record == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(args.record, "rb") as stream:
                raw = stream.read()
        text = raw.decode("utf-8-sig")
    except OSError as error:
        print(f"read-record: cannot read {where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except UnicodeDecodeError:
        print(
            f"read-record: {where} is not UTF-8 text (for a PDF, copy its text into a file)",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    from rules.batch.cli import today  # the commands' one clock read, at the edge

    as_of = args.as_of or today()
    try:
        result = read_rap_sheet(text, as_of)
    except NotARapSheet:
        print(
            f"read-record: {where} does not look like a California DOJ record (no cycles with "
            "a COURT: or ARR/DET/CITE: event, no CII/ line); type its convictions one a line "
            "instead (worker mode's line paste)",
            file=sys.stderr,
        )
        return EXIT_NOT_A_RAP_SHEET
    sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK
