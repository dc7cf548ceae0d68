"""Each step's time on a slow phone (issue 15): Chromium's own network emulation (400 kbit/s
both ways, 400 ms round trip) and 4x CPU slowdown, against gunicorn on loopback, JavaScript on.

A step is one press of Continue until the next question's heading has the focus. Prints one
line per step and the requests each step made. Run: .venv/bin/python -m benchmarks.slow_phone
"""

import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "webapp"))

from tour import example_conviction, fill  # noqa: E402
from webwalk import answers_for_case  # noqa: E402

from .server import gunicorn  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
KBIT = 1000 / 8  # bytes per second in one kbit/s
NETWORK = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * KBIT,
    "uploadThroughput": 400 * KBIT,
}

FOCUSED = (
    "!!document.activeElement && ['main-heading', 'error-summary']"
    ".includes(document.activeElement.id) && !document.querySelector('.htmx-request')"
)


def steps(base, example="01-possession-2011-dismissed-automatically"):
    """[(screen, seconds, requests)] for one conviction's questions."""
    answers = answers_for_case(example_conviction(example))
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 320, "height": 568})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        requests = []
        # What went over the network: a file the browser took from its cache is not a request.
        sent = {}
        cdp.on(
            "Network.requestWillBeSent",
            lambda e: sent.__setitem__(
                e["requestId"], e["request"]["method"] + " " + e["request"]["url"]
            ),
        )
        cdp.on("Network.requestServedFromCache", lambda e: sent.pop(e["requestId"], None))
        # The favicon, asked for again after each history push, comes from the disk cache
        # (the server sees it once: it is immutable); only a response from the server counts.
        cdp.on(
            "Network.responseReceived",
            lambda e: e["response"].get("fromDiskCache") and sent.pop(e["requestId"], None),
        )
        cdp.on(
            "Network.loadingFinished",
            lambda e: (
                e["requestId"] in sent
                and requests.append(sent.pop(e["requestId"]).replace(base, ""))
            ),
        )
        page.goto(base + "/")
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda url: "/c/1/" in url)
        page.locator("#main-heading").wait_for()
        for _ in range(30):
            path = page.url.removeprefix(base).split("?")[0]
            if not path.startswith("/c/"):
                break
            screen = path.rsplit("/", 1)[-1]
            fill(page, answers[screen])
            requests.clear()
            before = page.url
            started = time.perf_counter()
            page.locator("main form[novalidate] button[type=submit]").click()
            page.wait_for_url(lambda url, before=before: url != before, wait_until="commit")
            # The step is done when the next heading (or the loop page's) has the focus.
            # (Polled from here: wait_for_function needs 'unsafe-eval', which the CSP refuses.)
            while not page.evaluate(FOCUSED):
                page.wait_for_timeout(20)
            out.append((screen, time.perf_counter() - started, list(requests)))
        browser.close()
    return out


def main():
    with gunicorn() as base:
        results = steps(base)
    for screen, seconds, requests in results:
        print(f"{screen:20} {seconds:5.2f} s  {len(requests)} request(s): {', '.join(requests)}")
    times = [seconds for _s, seconds, _r in results]
    print(
        f"{len(times)} steps: {min(times):.2f}–{max(times):.2f} s, mean {sum(times) / len(times):.2f} s"
    )


if __name__ == "__main__":
    main()
