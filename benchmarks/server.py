"""Start gunicorn exactly as the Procfile's `web:` line does, on a free loopback port."""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from webapp import gunicorn_conf
from webapp.serve import ROOT, free_port, procfile_command

HOST = "127.0.0.1"


def command(app_spec=None):
    """The Procfile's command; `app_spec` swaps only the app (for the baseline page)."""
    words = procfile_command()
    words[0] = str(Path(sys.executable).with_name(words[0]))
    if app_spec:
        words[-1] = app_spec
    return words


class Url(str):
    """The base URL, and the gunicorn master's pid (for `cpu_seconds`)."""

    pid = None


def workers(pid):
    """The pids of a gunicorn master's workers (its children), from /proc."""
    return [
        int(child)
        for task in Path(f"/proc/{pid}/task").iterdir()
        for child in (task / "children").read_text().split()
    ]


def cpu_seconds(pid):
    """CPU time (user + system) used so far by a gunicorn master and its workers.

    Unlike requests/s, this barely moves with the other work on a shared machine.
    """
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for each in [pid, *workers(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # a worker that just exited
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


@contextmanager
def gunicorn(app_spec=None, ready_path="/"):
    """Yields the base URL of a gunicorn serving the app; stops it afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": HOST,
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_hex(32),
    }
    # The access log stays on (as in production) but is thrown away.
    process = subprocess.Popen(
        command(app_spec), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = Url(f"http://{HOST}:{port}")
    url.pid = process.pid
    try:
        wait_until_up(url + ready_path, process)
        wait_for_workers(process.pid, port)
        yield url
    finally:
        stop(process)


def stop(process):
    """SIGTERM (gunicorn's graceful stop), then SIGKILL after 15 s."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_up(url, process, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout} s")


def listening_inodes(port):
    """Socket inodes listening on `port` (TCP state 0A), from /proc/net/tcp."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
            inodes.add(fields[9])
    return inodes


def wait_for_workers(pid, port, timeout=30):
    """Every worker listens on its own socket (reuse_port): a load test that starts before
    the last one is listening would send every connection to the others."""
    expected = gunicorn_conf.workers
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        inodes = listening_inodes(port)
        listening = 0
        for worker in workers(pid):
            try:
                links = [os.readlink(fd) for fd in Path(f"/proc/{worker}/fd").iterdir()]
            except (FileNotFoundError, PermissionError):
                continue
            listening += any(link[8:-1] in inodes for link in links if link.startswith("socket:["))
        if listening >= expected:
            time.sleep(0.5)  # the last one may still be loading the app: a moment more
            return
        time.sleep(0.1)
    raise RuntimeError(f"{expected} gunicorn workers were not all listening within {timeout} s")
