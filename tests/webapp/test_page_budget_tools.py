"""The benchmark's own parts: it must start the app as the Procfile does, read wrk's numbers
right, and count the same bytes over a socket as the size-budget test counts in process."""

import pytest

from benchmarks import baseline, load, pages, server
from benchmarks.__main__ import transport_for
from webapp import create_app
from webapp.serve import procfile_command

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:41000/c/1/where
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    31.20ms   12.01ms 120.55ms   70.00%
    Req/Sec     1.02k   120.00     1.30k    68.00%
  Latency Distribution
     50%   29.87ms
     75%   38.00ms
     90%   46.10ms
     99%    1.02s
  20345 requests in 10.01s, 80.12MB read
  Socket errors: connect 0, read 3, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:   2032.57
Transfer/sec:      8.00MB
"""


def test_wrk_numbers_are_read_with_their_units():
    found = load.parse("question", WRK_OUTPUT)
    assert found.requests_per_s == 2032.57
    assert found.p50_ms == pytest.approx(29.87)
    assert found.p99_ms == pytest.approx(1020.0)
    assert found.errors == 3 + 2 + 4
    assert found.requests == 20345
    assert found.with_cpu(40.69).cpu_ms == pytest.approx(2.0)


def test_the_benchmark_starts_what_the_procfile_says_and_swaps_only_the_app():
    app_command, baseline_command = (
        server.command(),
        server.command("benchmarks.baseline:create_app()"),
    )
    assert app_command[1:] == procfile_command()[1:]
    assert app_command[0].endswith("/gunicorn")
    assert baseline_command[:-1] == app_command[:-1]
    assert baseline_command[-1] != app_command[-1]


def test_the_baseline_is_a_trivial_template_page():
    response = baseline.create_app().test_client().get("/")
    assert response.status_code == 200 and b"<h1>Baseline</h1>" in response.data


def test_a_walk_over_a_real_gunicorn_counts_what_the_test_client_counts():
    name, case = next(iter(pages.one_conviction_cases().items()))
    with server.gunicorn() as url:
        transport = transport_for(url)
        try:
            live = pages.walk(transport, name, case)
        finally:
            transport.close()
    local = pages.walk(
        pages.TestClientTransport(
            create_app({"TESTING": True, "SECRET_KEY": "budget-key"}).test_client()
        ),
        name,
        case,
    )
    assert [s.name for s in live.steps] == [s.name for s in local.steps]
    assert live.steps[-1].name == "/result"
    # Same pages, same compression: only header values (dates, cookie signatures) may differ.
    assert live.first_total == pytest.approx(local.first_total, abs=300)
    assert live.total == pytest.approx(local.total, rel=0.03)
    assert live.total <= pages.BUDGETS["whole walk with htmx"]


def test_server_cpu_counts_the_workers_that_served_the_requests():
    import urllib.request

    with server.gunicorn("benchmarks.baseline:create_app()") as url:
        before = server.cpu_seconds(url.pid)
        for _ in range(300):
            with urllib.request.urlopen(url + "/") as response:
                assert response.status == 200
        used = server.cpu_seconds(url.pid) - before
    assert used > 0  # the workers (the master's children) were counted
