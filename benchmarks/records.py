"""Record readers' speed: `python -m benchmarks.records [--doj-rows 1000000]`.

1. The RAP sheet reader's KB/s on a 90 KB sheet (a 29-page sheet's size, made of the synthetic
   golden sheets' cycles) and on 1 MB of junk (sheet lines cut and shuffled with noise, and
   one megabyte-long line). Budget (issue 17): 1 MB of junk in under 1 s.
2. The DOJ converter's rows/s on a synthetic 95-column file (benchmarks/gen_doj.py): the
   conversion alone, then the whole `python -m rules batch --input-format doj` command.
Exits 1 if the junk budget is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.gen_doj import generate
from rules.records import NotARapSheet, read_rap_sheet
from rules.records.doj import convert

ROOT = Path(__file__).resolve().parent.parent
SHEETS = ROOT / "tests" / "records" / "sheets"
AS_OF = "2026-12-01"
JUNK_BUDGET_S = 1.0


def _best_of(runs: int, text: str) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        with contextlib.suppress(NotARapSheet):
            read_rap_sheet(text, AS_OF)
        best = min(best, time.perf_counter() - started)
    return best


def sheet_of_size(size: int) -> str:
    cycles = []
    for path in sorted(SHEETS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cycles += ["* * * *\n" + part for part in text.split("* * * *\n")[1:]]
    out, length, index = ["CII/A00000001\nDOB/19850220 SEX/M RAC/UNKN\n"], 0, 0
    while length < size:
        piece = cycles[index % len(cycles)].replace("#", f"#{index:04d}")
        out.append(piece if piece.endswith("\n") else piece + "\n")
        length += len(piece)
        index += 1
    return "".join(out)


def junk(size: int) -> str:
    lines = [line for path in sorted(SHEETS.glob("*.txt")) for line in path.read_text().split("\n")]
    pieces, index, length = [], 0, 0
    while length < size:
        piece = lines[(index * 7919) % len(lines)][index % 5 :] + " *-:;#(" * (index % 3)
        pieces.append(piece)
        length += len(piece) + 1
        index += 1
    return "\n".join(pieces)


def reader() -> bool:
    sheet = sheet_of_size(90 * 1024)
    rows = len(read_rap_sheet(sheet, AS_OF)["rows"])
    for name, text in (
        (f"90 KB sheet ({rows} rows kept)", sheet),
        ("1 MB junk", junk(1 << 20)),
        ("1 MB single line", "CII/A1\n* * * *\nCOURT:\nCNT:01 " + "(" * (1 << 20)),
    ):
        seconds = _best_of(3, text)
        print(
            f"reader  {name:<28} {len(text) / 1024:8.0f} KB  {seconds * 1000:7.1f} ms  "
            f"{len(text) / 1024 / seconds:9,.0f} KB/s"
        )
    junk_seconds = _best_of(3, junk(1 << 20))
    ok = junk_seconds < JUNK_BUDGET_S
    print(
        f"budget  1 MB of junk under {JUNK_BUDGET_S:.0f} s: {'met' if ok else 'MISSED'} ({junk_seconds:.2f} s)"
    )
    return ok


def doj(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "doj.csv")
        started = time.perf_counter()
        written = generate(rows, source, seed=1)
        print(
            f"doj     generated {written:,} rows in {time.perf_counter() - started:.1f} s "
            f"({os.path.getsize(source) / 1e6:.0f} MB)"
        )
        started = time.perf_counter()
        with open(source, newline="", encoding="utf-8") as handle:
            converted = sum(1 for _ in convert(handle, datetime.date.fromisoformat(AS_OF)))
        seconds = time.perf_counter() - started
        print(
            f"doj     converter: {written:,} DOJ rows -> {converted:,} conviction rows in "
            f"{seconds:.1f} s = {written / seconds:,.0f} DOJ rows/s (one core)"
        )
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "rules",
                "batch",
                source,
                "--input-format",
                "doj",
                "--output",
                os.path.join(folder, "out.csv"),
                "--as-of",
                AS_OF,
                "--summary",
                os.path.join(folder, "summary.txt"),
            ],
            cwd=ROOT,
            check=False,
        )
        seconds = time.perf_counter() - started
        print(
            f"doj     whole command (convert + evaluate on every core): {seconds:.1f} s = "
            f"{written / seconds:,.0f} DOJ rows/s"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.records", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--doj-rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    ok = reader()
    if args.doj_rows:
        doj(args.doj_rows)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
