"""`python -m benchmarks.profile`: where a question page's time goes, in process (issue 7).

Times GETs of one question page through Flask's test client (full page and htmx fragment,
gzip), with the cookie a person would have mid-walk, against the trivial baseline page, and
with --profile prints the top of a cProfile. No server and no network: quick enough to run
after each change. The ratio here ignores gunicorn's own share, so it is kinder than wrk's.
"""

import argparse
import cProfile
import pstats
import time

from benchmarks import baseline, pages
from webapp import create_app

FULL = {"Accept-Encoding": "gzip"}
FRAGMENT = {**FULL, **pages.HTMX_HEADERS}


def mid_walk_client(app, stop_at):
    """A test client whose cookie holds the answers of the longest example up to `stop_at`."""
    client = app.test_client()
    transport = pages.TestClientTransport(client)
    cases = pages.one_conviction_cases()
    name = max(cases, key=lambda n: len(pages.screen_answers(cases[n])))
    answers = pages.screen_answers(cases[name])
    html = pages.decoded(transport.request("GET", "/", FULL))
    location, form = "/begin", {}
    while True:
        token = pages.CSRF.search(html).group(1)
        reply = transport.request("POST", location, {}, {**form, "csrf_token": token})
        location = reply.header("Location")
        screen = location.split("?")[0].rsplit("/", 1)[-1]
        html = pages.decoded(transport.request("GET", location, FULL))
        if screen == stop_at or screen not in answers:
            return client, location
        form = answers[screen]


def finished_client(app):
    """A test client whose cookie holds the example with the longest walk, answered to the end:
    the page the benchmark's result-page run asks for (benchmarks.__main__.longest_walk)."""
    cases = pages.one_conviction_cases()
    walks = {
        name: pages.walk(pages.TestClientTransport(app.test_client()), name, case)
        for name, case in cases.items()
    }
    name = max(walks, key=lambda n: len(walks[n].steps))
    client = app.test_client()
    pages.walk(pages.TestClientTransport(client), name, cases[name], htmx=False)
    return client, "/result"


def per_request_ms(client, path, headers, count):
    client.get(path, headers=headers)  # warm: templates compiled, catalogs loaded
    start = time.process_time()  # CPU time: the shared machine's other work counts less
    for _ in range(count):
        response = client.get(path, headers=headers)
    elapsed = time.process_time() - start
    assert response.status_code == 200, (path, response.status_code)
    return elapsed / count * 1000


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.profile", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--at", default="level", help="question id to stop at (default level)")
    parser.add_argument("--profile", choices=("full", "fragment"), help="cProfile one of them")
    parser.add_argument(
        "--result", action="store_true", help="the result page of the longest example instead"
    )
    parser.add_argument("--top", type=int, default=35)
    args = parser.parse_args(argv)

    app = create_app({"SECRET_KEY": "profile-key"})
    client, path = finished_client(app) if args.result else mid_walk_client(app, args.at)
    trivial = baseline.create_app().test_client()
    base = per_request_ms(trivial, "/", FULL, args.count)
    print(f"page {path}, cookie {len(client.get_cookie('fs').value)} bytes")
    print(f"trivial page:       {base:.3f} ms")
    for name, headers in (("full", FULL), ("fragment", FRAGMENT)):
        took = per_request_ms(client, path, headers, args.count)
        print(f"page {name + ':':9s} {took:.3f} ms  ({base / took:.0%} of the trivial page's rate)")
    if args.profile:
        headers = FULL if args.profile == "full" else FRAGMENT
        profiler = cProfile.Profile()
        profiler.enable()
        per_request_ms(client, path, headers, args.count)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
