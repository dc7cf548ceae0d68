"""Page weight budgets (issue 7): bytes on the wire, compressed, for a walk from the start page
to the result page. Sizes are deterministic (gzip with a fixed mtime), so these are exact
checks; speed is measured by `python -m benchmarks`, never asserted here.

The walk counts what a phone receives: status line, headers (plus the three gunicorn adds) and
the compressed body, for the first load and for each answer (its POST, the 303 and the next
page), with htmx (fragments) and without (full pages), for every one-conviction example.
"""

import gzip
import re

import pytest

from benchmarks import pages
from webapp import create_app
from webapp.i18n import LANGUAGES

KB = 1024


@pytest.fixture(scope="module")
def served():
    """The app as served: CSRF on, so the token rides in the cookie as it does live."""
    return create_app({"TESTING": True, "SECRET_KEY": "budget-key"})


@pytest.fixture(scope="module")
def walks(served):
    return pages.walk_all(lambda: pages.TestClientTransport(served.test_client()))


def by_mode(walks, htmx):
    return [w for w in walks if w.htmx is htmx]


def test_every_one_conviction_example_was_walked_both_ways(walks):
    assert len(pages.one_conviction_cases()) >= 5
    assert len(walks) == 2 * len(pages.one_conviction_cases())
    for walk in walks:
        assert walk.steps[-1].name == "/result"
        assert len(walk.steps) >= 3


def test_first_page_html_and_css_fit_one_tcp_initial_window(walks):
    for walk in walks:
        assert walk.first_html_css <= pages.BUDGETS["first page HTML + CSS"] == 14 * KB, walk.case


def test_first_page_with_htmx_and_every_file_is_at_most_35_kb(walks):
    for walk in walks:
        assert walk.first_total <= pages.BUDGETS["first page total"] == 35 * KB, walk.case


def test_each_step_with_htmx_is_at_most_6_kb(walks):
    for walk in by_mode(walks, True):
        for step in walk.steps:
            assert step.received <= pages.BUDGETS["step with htmx"] == 6 * KB, (walk.case, step)


def test_each_step_without_htmx_is_at_most_10_kb(walks):
    for walk in by_mode(walks, False):
        for step in walk.steps:
            assert step.received <= pages.BUDGETS["step without htmx"] == 10 * KB, (walk.case, step)


def test_whole_walk_with_htmx_including_the_first_load_is_under_80_kb(walks):
    for walk in by_mode(walks, True):
        assert walk.total <= pages.BUDGETS["whole walk with htmx"] == 80 * KB, walk.case


def test_htmx_steps_are_fragments_lighter_than_full_pages(walks):
    for with_htmx, without in zip(by_mode(walks, True), by_mode(walks, False)):
        assert with_htmx.case == without.case
        assert with_htmx.total < without.total


def test_the_start_page_fits_one_tcp_window_in_every_language(served):
    transport = pages.TestClientTransport(served.test_client())
    accept = {"Accept-Encoding": "gzip"}
    for code in LANGUAGES:
        transport.request("GET", f"/lang/{code}", {})
        page = transport.request("GET", "/", accept)
        assert page.header("Content-Encoding") == "gzip"
        css = re.search(r'<link rel="stylesheet" href="([^"]+)"', pages.decoded(page)).group(1)
        size = page.received + transport.request("GET", css, accept).received
        assert size <= pages.BUDGETS["first page HTML + CSS"], code


def test_static_files_have_fingerprinted_names_and_are_cached_for_a_year(served):
    client = served.test_client()
    html = client.get("/").get_data(as_text=True)
    files = pages.ASSET.findall(html)
    assert len(files) >= 4  # stylesheet, icon, htmx, app.js
    for url in files:
        assert re.search(r"\.[0-9a-f]{10}\.(css|js|svg)$", url), url
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert "Accept-Encoding" in response.headers["Vary"]
        # The same file for everyone: not refetched each step as the cookie changes.
        assert "Cookie" not in response.headers["Vary"]


@pytest.mark.parametrize(
    "accept, encoding", [("gzip", "gzip"), ("gzip, deflate, br", "br"), ("identity", None)]
)
def test_static_files_come_compressed_as_the_browser_accepts(served, accept, encoding):
    client = served.test_client()
    htmx = re.search(r'src="([^"]*htmx[^"]*)"', client.get("/").get_data(as_text=True)).group(1)
    plain = client.get(htmx, headers={"Accept-Encoding": "identity"}).get_data()
    response = client.get(htmx, headers={"Accept-Encoding": accept})
    assert response.headers.get("Content-Encoding") == encoding
    body = response.get_data()
    if encoding == "gzip":
        body = gzip.decompress(body)
    elif encoding == "br":
        body = pages.brotli.decompress(body)
    assert body == plain
    if encoding:
        assert len(response.get_data()) < len(plain) / 2


def test_a_changed_file_gets_a_new_name(tmp_path):
    from webapp.assets import Manifest

    (tmp_path / "app.css").write_text("a{color:red}")
    before = Manifest(tmp_path).fingerprinted["app.css"]
    (tmp_path / "app.css").write_text("a{color:blue}")
    after = Manifest(tmp_path).fingerprinted["app.css"]
    assert before != after and before.startswith("app.") and before.endswith(".css")


def test_pages_are_compressed_and_never_cached(served):
    client = served.test_client()
    response = client.get("/", headers={"Accept-Encoding": "gzip, br"})
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert "Start now" in pages.brotli.decompress(response.get_data()).decode()
    # Without Accept-Encoding, the page comes as it is.
    plain = client.get("/")
    assert "Content-Encoding" not in plain.headers
    assert "Start now" in plain.get_data(as_text=True)


def test_a_redirect_after_an_answer_carries_no_body(served):
    client = served.test_client()
    token = pages.CSRF.search(client.get("/").get_data(as_text=True)).group(1)
    response = client.post("/begin", data={"csrf_token": token})
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/c/1/")
    assert response.get_data() == b""
    # It still tells the browser to send no Referer on to the next page.
    assert response.headers["Referrer-Policy"] == "no-referrer"
