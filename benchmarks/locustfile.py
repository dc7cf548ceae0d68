"""Load test: simulated people walk the whole questionnaire against gunicorn, as the Procfile
starts it, on loopback. Each person: start page, one conviction answered screen by screen (GET
the step, POST the answer with its CSRF token and the cookie, follow the 303), no more
convictions, the questions about them, check answers, result, Start over; then again.

Not part of CI (a minute long). Locust lives in its own virtualenv (its pytest plugin and gevent
stay out of the test run):

    python3 -m venv .venv-load && .venv-load/bin/pip install "locust==2.47.0"
    .venv/bin/python -m benchmarks.locustfile                  # 200 people, 60 s
    .venv/bin/python -m benchmarks.locustfile --users 50 --seconds 20

It prints requests/s, p50/p95/p99 and errors, then checks gunicorn's own output: no 5xx, no
traceback, no answer. Exit status 1 on any error.
"""

import os
import re

try:
    from locust import FastHttpUser, between, task
except ImportError:  # the runner below runs under the project's venv, without locust
    FastHttpUser = None

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
# Distinctive answers, looked for in gunicorn's output afterwards.
TYPED = "HS 11357 LOADZZ"
NO = {"answer": "n"}
ANSWERS = {
    "where": {"answer": "ca"},
    "court": {"answer": "adult"},
    "county": {"answer": "47"},
    "offense": {"answer": "have", "detail": TYPED},
    "level": {"answer": "mis"},
    "convicted": {"year": "2011", "month": "03"},
    "happened": {"year": "2011", "month": ""},
    "age": {"answer": "21up"},
    "sentence": {"answer": "done"},
    "sentence-kind": {"answer": "prob"},
    **{
        screen: NO
        for screen in (
            "probation-revoked",
            "concentrated",
            "amount",
            "plants",
            "for-sale",
            "across-border",
            "minors",
            "school",
            "environment",
            "prior-serious",
            "prior-registrable",
            "prior-same",
            "registration",
            "supervision",
            "pending",
        )
    },
}
STOPS = ("/convictions", "/check")
# Seconds a person spends on each page (on average) before answering; 0 presses the server as
# hard as 200 clients can (every person's next request leaves as soon as the last answer came).
THINK = float(os.environ.get("LOAD_THINK_SECONDS", "0"))


def name_of(path):
    return re.sub(r"/c/\d+/", "/c/[n]/", path)


if FastHttpUser is not None:

    class Person(FastHttpUser):
        wait_time = between(THINK * 0.5, THINK * 1.5)

        def page(self, path):
            """GET a page (after reading the last one); returns its CSRF token."""
            if THINK:
                self.wait()
            with self.client.get(path, name=name_of(path), catch_response=True) as response:
                found = TOKEN.search(response.text or "")
                if response.status_code != 200 or not found:
                    response.failure(f"GET {path}: {response.status_code}")
                    raise StopWalk
                return found.group(1)

        def send(self, path, token, answers):
            """POST a form; returns where the 303 points."""
            with self.client.post(
                path,
                data={**answers, "csrf_token": token},
                name=name_of(path),
                allow_redirects=False,
                catch_response=True,
            ) as response:
                if response.status_code != 303:
                    response.failure(f"POST {path}: {response.status_code}")
                    raise StopWalk
                return response.headers["Location"]

        def answer_until_stop(self, location):
            for _ in range(40):
                path = location.split("?")[0]
                if path in STOPS:
                    return path
                token = self.page(location)
                location = self.send(location, token, ANSWERS[path.rsplit("/", 1)[-1]])
            raise StopWalk

        @task
        def walk(self):
            try:
                token = self.page("/")
                assert self.answer_until_stop(self.send("/begin", token, {})) == "/convictions"
                token = self.page("/convictions")
                assert self.answer_until_stop(self.send("/convictions", token, NO)) == "/check"
                token = self.page("/check")
                self.page("/result")
                self.send("/start-over", token, {})
            except StopWalk:
                self.client.cookiejar.clear()  # start afresh next time


class StopWalk(Exception):
    """A step failed (already counted as a failure): abandon this walk."""


# --- the runner: gunicorn as the Procfile starts it, locust headless, a summary -------------------


def main():
    import argparse
    import csv
    import secrets
    import signal
    import subprocess
    import tempfile
    import threading
    from pathlib import Path

    from benchmarks.server import HOST, command, free_port, wait_until_up
    from webapp.serve import ROOT

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="average seconds a person reads each page (default 0: flat out)",
    )
    parser.add_argument("--locust", default=str(ROOT / ".venv-load/bin/locust"))
    options = parser.parse_args()
    if not Path(options.locust).exists():
        raise SystemExit(f"no locust at {options.locust}: see the top of benchmarks/locustfile.py")

    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": HOST,
        "SECRET_KEY": secrets.token_hex(32),
        "LOAD_THINK_SECONDS": str(options.think),
    }
    server = subprocess.Popen(
        command(), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    log = []
    reader = threading.Thread(target=lambda: log.extend(server.stdout), daemon=True)
    reader.start()
    url = f"http://{HOST}:{port}"
    try:
        wait_until_up(url + "/", server)
        with tempfile.TemporaryDirectory() as scratch:
            prefix = os.path.join(scratch, "load")
            subprocess.run(
                [
                    options.locust,
                    "-f",
                    __file__,
                    "--headless",
                    "--host",
                    url,
                    "-u",
                    str(options.users),
                    "-r",
                    str(options.spawn_rate),
                    "-t",
                    f"{options.seconds}s",
                    "--csv",
                    prefix,
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=ROOT,
                check=False,
                env=env,
                timeout=options.seconds + 120,
            )
            with open(prefix + "_stats.csv", newline="") as handle:
                rows = {row["Name"]: row for row in csv.DictReader(handle)}
            with open(prefix + "_failures.csv", newline="") as handle:
                failures = list(csv.DictReader(handle))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        reader.join(timeout=5)

    total = rows["Aggregated"]
    requests, failed = int(total["Request Count"]), int(total["Failure Count"])
    server_errors = [line for line in log if re.search(r'" 5\d\d ', line)]
    tracebacks = [line for line in log if "Traceback" in line]
    leaks = [line for line in log if "LOADZZ" in line or "11357" in line]
    print(
        f"\n{options.users} people, {options.seconds} s, {options.think} s reading each page, "
        f"gunicorn as in the Procfile on {url}"
    )
    print("| requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | failures |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {requests} | {float(total['Requests/s']):.0f} | {total['50%']} | {total['95%']} "
        f"| {total['99%']} | {float(total['Max Response Time']):.0f} | {failed} |"
    )
    print(f"completed walks (Start over): {rows.get('/start-over', {}).get('Request Count', 0)}")
    access_lines = sum(1 for line in log if '"' in line)
    print(
        f"gunicorn access-log lines: {access_lines}, 5xx: "
        f"{len(server_errors)}, tracebacks: {len(tracebacks)}, lines with an answer: {len(leaks)}"
    )
    for failure in failures[:10]:
        print(
            "failure:", failure["Method"], failure["Name"], failure["Error"], failure["Occurrences"]
        )
    if failed or server_errors or tracebacks or leaks or requests == 0:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
