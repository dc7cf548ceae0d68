"""Streams a bulk CSV through the engine on every core, in constant memory, rows in = rows out.

The reader (this process) cuts the file into chunks of whole persons; a pool of workers runs
`evaluate_rows` on each chunk and hands back ready-made CSV text; this process writes the
chunks back in input order. At most `2 x workers + 2` chunks are in flight, so memory does not
grow with the file. The one thing that grows is the set of persons already seen (8 bytes of
hash a person, about 70 bytes with Python's set overhead), kept to catch a person whose rows
are not together.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from rules.batch.columns import OUTPUT_COLUMNS, REQUIRED_COLUMNS
from rules.batch.partition import evaluate_outputs
from rules.batch.summary import summary_key

ERROR = "error"
# A quoted field may hold line breaks (a note), but a record longer than this is an unclosed
# quote swallowing the records after it: the file is refused, naming the line it starts on.
MAX_RECORD_LINES = 20
# A cell starting with one of these is a formula to a spreadsheet (`=cmd|' /C calc'!A0`,
# `@SUM(...)`, `+1+1`): written with a leading apostrophe, which spreadsheets show as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class InputFileError(Exception):
    """The file as a whole cannot be processed (no header, a required column missing...)."""


@dataclass
class Totals:
    rows: int = 0
    errors: int = 0
    table: Counter[tuple[str, str]] = field(
        default_factory=Counter
    )  # (section key, outcome or "error") -> rows

    def add(self, other: Totals) -> None:
        self.rows += other.rows
        self.errors += other.errors
        self.table.update(other.table)


@dataclass(frozen=True)
class Chunk:
    """Whole persons' rows, as cells, with errors the reader already found (by position)."""

    cells: list[list[str]]
    errors: dict[int, str]


def read_header(reader: Iterator[list[str]]) -> list[str]:
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise InputFileError("the file is empty: the first line must name the columns") from None
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise InputFileError(
            f"missing column(s): {', '.join(missing)} (column names are lower case; "
            "see docs/bulk.md)"
        )
    doubled = sorted({name for name in header if header.count(name) > 1})
    if doubled:
        raise InputFileError(f"column(s) named twice: {', '.join(doubled)}")
    clashing = [name for name in header if name in OUTPUT_COLUMNS]
    if clashing:
        raise InputFileError(
            f"the input already has output column(s) {', '.join(clashing)}: is it an output file?"
        )
    return header


def records(reader: Any, limit: int = MAX_RECORD_LINES) -> Iterator[list[str]]:
    """The csv reader's records, refusing a quoted field that runs past `limit` lines or to the
    end of the file (the reader is strict, so an open quote at the end is an error, not a row)."""
    last_line = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            start = last_line + 1
            if reader.line_num - last_line > limit:
                raise InputFileError(_runs_past(start, limit)) from None
            if "unexpected end of data" in str(error):
                raise InputFileError(
                    f"line {start}: a quoted field starts on or after this line "
                    "and is never closed (an unclosed quote?)"
                ) from None
            raise InputFileError(f"line {start}: unreadable CSV ({error})") from None
        if reader.line_num - last_line > limit:
            raise InputFileError(_runs_past(last_line + 1, limit))
        last_line = reader.line_num
        yield row


def _runs_past(start: int, limit: int) -> str:
    return (
        f"line {start}: a quoted field starts here and runs past {limit} lines (an unclosed quote?)"
    )


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula becomes text: `'=...` (docs/bulk.md).

    A carriage return inside a cell is written as a line feed: Python's csv writer quotes a
    cell holding "\n" but not one holding a lone "\r", which every reader takes for the end of
    the row (one row in, two rows out).
    """
    if cell.startswith(FORMULA_START):
        cell = "'" + cell
    if "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    return cell


def chunks(reader: Iterator[list[str]], header: list[str], chunk_rows: int) -> Iterator[Chunk]:
    """Whole persons, about `chunk_rows` rows a chunk. Blank lines are not rows.

    A person whose rows are not together gets its later rows in error: their priors could not
    be counted with the earlier ones, which were already written.
    """
    width = len(header)
    person_column = header.index("person_id")
    seen: set[int] = set()
    current: str | None = None
    cells: list[list[str]] = []
    errors: dict[int, str] = {}
    for row in reader:
        if not row:
            continue
        if len(row) != width:
            errors[len(cells)] = (
                f"row has {len(row)} cells but the header has {width} columns "
                "(a missing or extra comma, or an unclosed quote?)"
            )
            cells.append((row + [""] * width)[:width])
            continue
        person = row[person_column].strip()
        if person != current:
            if len(cells) >= chunk_rows:
                yield Chunk(cells, errors)
                cells, errors = [], {}
            if current is not None:
                seen.add(hash(current))
            current = person
        if person and hash(person) in seen:
            errors[len(cells)] = (
                f"person_id: the rows of {person!r} are not together; earlier rows "
                "were evaluated without this one. Sort the file by person_id"
            )
        cells.append(row)
    if cells:
        yield Chunk(cells, errors)


def process_chunk(header: list[str], as_of: str, chunk: Chunk) -> tuple[str, Totals]:
    """A worker's job: evaluate one chunk, return its output CSV text and its counts."""
    rows = [dict(zip(header, cells)) for cells in chunk.cells]
    for position, message in chunk.errors.items():
        rows[position][ERROR] = message
    totals = Totals()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    offense_column = header.index("offense")
    for cells, result in zip(chunk.cells, evaluate_outputs(rows, as_of)):
        writer.writerow(
            [spreadsheet_safe(cell) for cell in cells]
            + [spreadsheet_safe(result[name]) for name in OUTPUT_COLUMNS]
        )
        outcome = ERROR if result[ERROR] else result["prop64_outcome"]
        totals.table[summary_key(cells[offense_column]), outcome] += 1
        totals.errors += outcome == ERROR
    totals.rows = len(chunk.cells)
    return buffer.getvalue(), totals


class _Progress:
    """A one-line bar on standard error, only when it is a terminal."""

    def __init__(self, stream: IO[str], total_bytes: int) -> None:
        self.stream, self.total = stream, max(total_bytes, 1)
        self.on = stream.isatty()
        self.start = time.monotonic()

    def show(self, done_bytes: int, rows: int) -> None:
        if not self.on:
            return
        share = min(done_bytes / self.total, 1.0)
        bar = "#" * int(share * 30)
        self.stream.write(
            f"\r[{bar:<30}] {share:4.0%} {rows:,} rows {time.monotonic() - self.start:5.1f} s"
        )
        self.stream.flush()

    def end(self) -> None:
        if self.on:
            self.stream.write("\n")


def _init_worker(header: list[str], as_of: str) -> None:
    global _HEADER, _AS_OF
    _HEADER, _AS_OF = header, as_of
    _quiet_gc()


def _quiet_gc() -> None:
    """Fewer cyclic garbage collections in a worker: a chunk's rows, dicts and lists are freed by
    reference counting as soon as the chunk is written (the engine makes no cycles), so the
    collector need not traverse them so often. Everything loaded so far (modules, tables) is
    moved out of its sight for good."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _work(chunk: Chunk) -> tuple[str, Totals]:
    return process_chunk(_HEADER, _AS_OF, chunk)


_HEADER: list[str] = []
_AS_OF = ""


def run(
    input_path: str,
    output_path: str,
    as_of: str,
    *,
    workers: int | None = None,
    chunk_rows: int = 2000,
    progress_stream: IO[str] = sys.stderr,
) -> Totals:
    """Evaluates every row of `input_path` into `output_path`; raises InputFileError.

    The output is written to a temporary file next to it and renamed over `output_path` only
    when the whole input was read: a failed run leaves the previous output as it was.
    """
    refuse_output_over_input(input_path, output_path)
    workers = workers or os.cpu_count() or 1
    totals = Totals()
    with open(input_path, "rb") as raw:
        target = os.path.abspath(output_path)
        handle, temporary = tempfile.mkstemp(
            prefix=".batch-", suffix=".csv.partial", dir=os.path.dirname(target)
        )
        try:
            with open(handle, "w", newline="", encoding="utf-8") as out:
                _evaluate_file(raw, out, as_of, workers, chunk_rows, progress_stream, totals)
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    return totals


def refuse_output_over_input(input_path: str, output_path: str) -> None:
    """Writing the output over the input would destroy it before it was read."""
    same = os.path.abspath(input_path) == os.path.abspath(output_path)
    # The output may not exist yet (or the input not: that is reported when it is opened).
    with contextlib.suppress(OSError):
        same = same or os.path.samefile(input_path, output_path)
    if same:
        raise InputFileError(
            "--output is the input file: choose another name (the input would be lost)"
        )


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _evaluate_file(
    raw: IO[bytes],
    out: IO[str],
    as_of: str,
    workers: int,
    chunk_rows: int,
    progress_stream: IO[str],
    totals: Totals,
) -> None:
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        reader = records(csv.reader(text, strict=True))
        try:
            header = read_header(reader)
        except UnicodeDecodeError as error:
            raise InputFileError(f"the file is not UTF-8 text ({error.reason})") from None
        out.write(_header_line(header))
        progress = _Progress(progress_stream, os.fstat(raw.fileno()).st_size)

        def collect(result: tuple[str, Totals]) -> None:
            out.write(result[0])
            totals.add(result[1])
            progress.show(raw.tell(), totals.rows)

        try:
            if workers == 1:
                for chunk in chunks(reader, header, chunk_rows):
                    collect(process_chunk(header, as_of, chunk))
            else:
                _run_pool(chunks(reader, header, chunk_rows), header, as_of, workers, collect)
        except UnicodeDecodeError as error:
            raise InputFileError(
                f"the file is not UTF-8 text ({error.reason}) after row {totals.rows}"
            ) from None
        progress.end()
    finally:
        text.detach()  # `raw` is closed by its owner


def _header_line(header: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(
        [spreadsheet_safe(name) for name in header] + list(OUTPUT_COLUMNS)
    )
    return buffer.getvalue()


def _run_pool(
    work: Iterator[Chunk],
    header: list[str],
    as_of: str,
    workers: int,
    collect: Callable[[Any], None],
) -> None:
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)  # the reader's rows die young too (see _quiet_gc)
    try:
        with context.Pool(workers, initializer=_init_worker, initargs=(header, as_of)) as pool:
            in_flight: deque[Any] = deque()
            for chunk in work:
                in_flight.append(pool.apply_async(_work, (chunk,)))
                if len(in_flight) >= 2 * workers + 2:
                    collect(in_flight.popleft().get())
            while in_flight:
                collect(in_flight.popleft().get())
    finally:
        gc.set_threshold(*thresholds)


def summary_table(totals: Totals) -> str:
    """Counts by section (rows) and outcome (columns), as aligned text."""
    outcomes = sorted({outcome for _, outcome in totals.table}, key=_outcome_order)
    sections = sorted({section for section, _ in totals.table})
    head = ["section", *outcomes, "total"]
    lines = [head]
    for section in sections:
        counts = [totals.table[section, outcome] for outcome in outcomes]
        lines.append([section, *map(str, counts), str(sum(counts))])
    column_totals = [sum(totals.table[s, o] for s in sections) for o in outcomes]
    lines.append(["all sections", *map(str, column_totals), str(totals.rows)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return (
        "\n".join(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(line, widths))
            )
            for line in lines
        )
        + "\n"
    )


_ORDER = (
    "dismiss",
    "reduce_to_infraction",
    "reduce_to_misdemeanor",
    "needs_review",
    "not_eligible",
    "already_granted",
    "not_covered",
    ERROR,
)


def _outcome_order(outcome: str) -> tuple[int, str]:
    return (_ORDER.index(outcome) if outcome in _ORDER else len(_ORDER), outcome)
