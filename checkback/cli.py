"""`python -m rules notices RESULTS.csv --output notices.pdf [--outreach counts.csv] [--dry-run]`

RESULTS.csv is bulk mode's output (`python -m rules batch`, docs/bulk.md). Exit codes: 0 done;
2 the command or the file is unusable (not bulk mode's output, a named column missing, the PDF
library not installed); nothing is written then.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
from collections import Counter

EXIT_OK, EXIT_USAGE = 0, 2
HELP = "printable neutral letters (one a page) and outreach counts from bulk mode's results; see docs/bulk.md"


def _columns(text: str) -> tuple[str, ...]:
    return tuple(column.strip() for column in text.split(",") if column.strip())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from .notices import ADDRESS_COLUMNS, NAME_COLUMN

    parser.add_argument("results", metavar="RESULTS.csv")
    parser.add_argument(
        "--output",
        "-o",
        metavar="NOTICES.pdf",
        help="where the letters go (required unless --dry-run)",
    )
    parser.add_argument(
        "--outreach",
        metavar="COUNTS.csv",
        help="write counts of people with something cleared, small cells hidden",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the counts only; write nothing"
    )
    parser.add_argument("--name-column", default=NAME_COLUMN, metavar="COLUMN")
    parser.add_argument(
        "--address-columns",
        type=_columns,
        default=ADDRESS_COLUMNS,
        metavar="A,B,C",
        help="the address lines, in order (default: %(default)s)",
    )
    parser.add_argument(
        "--county-column",
        default="county",
        metavar="COLUMN",
        help="the outreach counts' county (default: %(default)s)",
    )
    parser.add_argument(
        "--group-by",
        type=_columns,
        default=(),
        metavar="A,B",
        help="more outreach groupings, e.g. zip",
    )
    parser.add_argument(
        "--site",
        metavar="URL",
        help="the questionnaire's address, for the letter's 'answer again' step",
    )


def run(args: argparse.Namespace) -> int:
    from .notices import ResultsFileError, letter_for, persons, write_pdf
    from .outreach import Tally

    if not args.dry_run and not args.output:
        print("notices: --output is required (or --dry-run)", file=sys.stderr)
        return EXIT_USAGE
    grouping = (args.county_column, *args.group_by) if args.outreach else ()
    letters, people, cleared, no_address = [], 0, 0, 0
    tally = Tally(grouping)
    try:
        with open(args.results, encoding="utf-8-sig", newline="") as handle:
            header = handle.readline()
            missing = [c for c in grouping if c not in next(csv.reader([header]), [])]
            if missing:
                raise ResultsFileError(f"no {', '.join(missing)} column for --outreach")
            for person in persons(itertools.chain([header], handle)):
                people += 1
                rows = person.cleared_rows()
                if not rows:
                    continue
                cleared += 1
                tally.add(person, rows)
                letter = letter_for(person, args.name_column, args.address_columns)
                if letter is None:
                    no_address += 1
                else:
                    letters.append(letter)
    except (ResultsFileError, OSError, UnicodeDecodeError) as error:
        print(f"notices: {args.results}: {error}", file=sys.stderr)
        return EXIT_USAGE
    counted = Counter(letter.language for letter in letters)
    by_language = ", ".join(f"{code} {counted[code]}" for code in sorted(counted)) or "none"
    print(
        f"{people:,} people read, {cleared:,} with something cleared: {len(letters):,} letters"
        f" ({by_language}), {no_address:,} without a name and address (no letter)"
    )
    if args.dry_run:
        return EXIT_OK
    try:
        pages = write_pdf(letters, args.output, args.site)
    except ImportError:
        print('notices: WeasyPrint is not installed: pip install -e ".[notices]"', file=sys.stderr)
        return EXIT_USAGE
    print(f"{pages:,} pages written to {args.output}")
    if pages != len(letters):
        print(
            f"notices: {pages - len(letters):,} letters ran over one page (a long translation?)",
            file=sys.stderr,
        )
    if args.outreach:
        with open(args.outreach, "w", encoding="utf-8", newline="") as handle:
            tally.write(handle)
        print(f"outreach counts written to {args.outreach}")
    return EXIT_OK
