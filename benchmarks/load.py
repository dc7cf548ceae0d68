"""Throughput and latency with wrk: same settings for every page in one run."""
import re
import shutil
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass
class Load:
    page: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors and non-2xx/3xx answers


def wrk_available():
    return shutil.which("wrk") is not None


def run_wrk(url, headers=(), connections=64, seconds=10, threads=2):
    words = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        words += ["-H", header]
    return subprocess.run(words + [url], capture_output=True, text=True, check=True,
                          timeout=seconds + 30).stdout


def parse(page, output):
    def latency(percent):
        found = re.search(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(found.group(1)) * UNITS[found.group(2)]

    errors = sum(int(n) for n in re.findall(
        r"(?:connect|read|write|timeout) (\d+)", output))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Load(page, float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
                latency(50), latency(99), errors + (int(bad.group(1)) if bad else 0))


def measure(page, url, headers=(), connections=64, seconds=10, warmup=2):
    """A short warm-up (imports, first compressions), then the measured run."""
    if warmup:
        run_wrk(url, headers, connections, warmup)
    return parse(page, run_wrk(url, headers, connections, seconds))
