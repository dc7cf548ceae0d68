"""Bulk mode benchmark: `python -m benchmarks.batch --rows 1000000`.

Generates a synthetic record set (or reuses one made with the same rows and seed), runs the
real command line (`python -m rules batch`) on it as a subprocess, and reports wall time,
rows per second and peak memory of the whole process tree. Memory is sampled from /proc every
50 ms: the sum of PSS (proportional set size: pages shared after fork counted once) over the
command and its workers, the sum of RSS (shared pages counted in each process: an upper bound),
and the largest single process. Target (issue 8): 1,000,000 rows in under 60 s, under 300 MB.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.gen_records import generate

ROOT = Path(__file__).resolve().parent.parent


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            kids = [int(k) for k in handle.read().split()]
    except OSError:
        return []
    return kids + [g for kid in kids for g in _children(kid)]


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; zeros if it has gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


class TreeSampler(threading.Thread):
    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_pss = self.peak_rss = self.peak_single = self.peak_processes = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            pids = [self.pid, *_children(self.pid)]
            sizes = [_memory_kb(pid) for pid in pids]
            self.peak_pss = max(self.peak_pss, sum(p for p, _ in sizes))
            self.peak_rss = max(self.peak_rss, sum(r for _, r in sizes))
            self.peak_single = max([self.peak_single, *(r for _, r in sizes)])
            self.peak_processes = max(self.peak_processes, len(pids))
            self.stop.wait(self.every)


def command() -> list[str]:
    if (ROOT / "rules" / "__main__.py").exists():
        return [sys.executable, "-m", "rules", "batch"]
    return [sys.executable, "-m", "rules.batch"]


def measure(input_path: Path, output_path: Path, as_of: str, workers: int | None) -> dict:
    argv = [
        *command(),
        str(input_path),
        "--output",
        str(output_path),
        "--as-of",
        as_of,
        "--summary",
        str(output_path) + ".summary.txt",
    ]
    if workers:
        argv += ["--workers", str(workers)]
    load_before = os.getloadavg()[0]
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    sampler.stop.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"the command failed ({process.returncode}): {stderr}")
    with open(output_path, newline="", encoding="utf-8") as handle:
        rows_out = sum(1 for _ in csv.reader(handle)) - 1
    return {
        "wall": wall,
        "cpu": cpu,
        "load": load_before,
        "exit": process.returncode,
        "rows_out": rows_out,
        "pss": sampler.peak_pss,
        "rss": sampler.peak_rss,
        "single": sampler.peak_single,
        "processes": sampler.peak_processes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.batch", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=64)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--as-of", default="2026-11-24")
    parser.add_argument("--dir", default=tempfile.gettempdir(), help="where the generated files go")
    args = parser.parse_args(argv)
    folder = Path(args.dir)
    records = folder / f"fresh-start-records-{args.rows}-{args.seed}.csv"
    if not records.exists():
        started = time.perf_counter()
        with open(records.with_suffix(".part"), "w", newline="", encoding="utf-8") as out:
            generate(args.rows, out, args.seed)
        os.replace(records.with_suffix(".part"), records)
        print(f"generated {records} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    result = measure(
        records,
        folder / f"fresh-start-results-{args.rows}-{args.seed}.csv",
        args.as_of,
        args.workers,
    )
    rows_per_s = args.rows / result["wall"]
    table = [
        ("rows in / rows out", f"{args.rows:,} / {result['rows_out']:,}"),
        ("exit code", str(result["exit"])),
        ("cores", str(os.cpu_count())),
        ("processes (peak)", str(result["processes"])),
        ("wall time", f"{result['wall']:.1f} s (target < 60 s)"),
        ("rows per second", f"{rows_per_s:,.0f}"),
        (
            "CPU time, whole tree",
            f"{result['cpu']:.1f} s ({args.rows / result['cpu']:,.0f} rows per CPU-second)",
        ),
        ("load average before the run", f"{result['load']:.2f} (other work on the machine)"),
        ("peak memory, tree PSS", f"{result['pss'] / 1024:.0f} MB (target < 300 MB)"),
        (
            "peak memory, tree RSS",
            f"{result['rss'] / 1024:.0f} MB (shared pages counted per process)",
        ),
        ("largest process RSS", f"{result['single'] / 1024:.0f} MB"),
    ]
    print("| measure | value |\n|---|---|")
    for name, value in table:
        print(f"| {name} | {value} |")
    ok = result["rows_out"] == args.rows and result["wall"] < 60 and result["pss"] / 1024 < 300
    return 0 if ok or args.rows != 1_000_000 else 1


if __name__ == "__main__":
    sys.exit(main())
