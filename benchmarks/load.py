"""Throughput and latency with wrk: same settings for every page in one run."""

import re
import shutil
import subprocess
from dataclasses import dataclass

from benchmarks import server

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    page: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors and non-2xx/3xx answers
    requests: int = 0
    cpu_ms: float | None = None  # server CPU (all gunicorn processes) per request

    def with_cpu(self, seconds):
        self.cpu_ms = seconds * 1000 / self.requests if self.requests else None
        return self


def wrk_available():
    return shutil.which("wrk") is not None


def run_wrk(url, headers=(), connections=64, seconds=10, threads=2):
    words = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        words += ["-H", header]
    return subprocess.run(
        words + [url], capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout


def parse(page, output):
    def latency(percent):
        found = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(found.group(1)) * UNITS[found.group(2)]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    count = re.search(r"(\d+) requests in", output)
    return Load(
        page,
        float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        latency(50),
        latency(99),
        errors + (int(bad.group(1)) if bad else 0),
        int(count.group(1)) if count else 0,
    )


def measure(page, url, headers=(), connections=64, seconds=10, warmup=2, pid=None):
    """A short warm-up (imports, first compressions), then the measured run; with the server's
    `pid`, also its CPU time per request."""
    if warmup:
        run_wrk(url, headers, connections, warmup)
    before = server.cpu_seconds(pid) if pid else None
    found = parse(page, run_wrk(url, headers, connections, seconds))
    return found.with_cpu(server.cpu_seconds(pid) - before) if pid else found
