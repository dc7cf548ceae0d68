"""Page weights: walk the questionnaire like a phone would and count the bytes on the wire.

One walk = the first load (the start page's HTML and every file it links to), then one step
per answer (the POST, its 303 and the GET of the next page), ending on the result page. With
htmx each step is a fragment; without, a full page (the fingerprinted CSS and scripts are
cached for a year, so a full page is its HTML alone). Bytes received = status line + headers +
the body as sent (compressed); bytes sent are counted too, since the answers cookie grows.

The same walk runs against the live server (benchmarks, over a socket) and against Flask's test
client (tests/webapp/test_page_budget.py), through a `Transport`.
"""

from __future__ import annotations

import gzip
import http.client
import json
import re
import sys
from dataclasses import dataclass, field
from email.utils import formatdate
from html import unescape
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode as encode_form

try:
    import brotli
except ImportError:
    brotli = None

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "webapp"))
from webwalk import answers_for_case, person_answers  # noqa: E402

EXAMPLES = ROOT / "tests" / "rules" / "examples"
KB = 1024
# Budgets from issue 7, in bytes received (compressed body + headers).
BUDGETS = {
    "first page HTML + CSS": 14 * KB,
    "first page total": 35 * KB,
    "step with htmx": 6 * KB,
    "step without htmx": 10 * KB,
    "whole walk with htmx": 80 * KB,
}
# What a browser asks for. gzip alone is the budget's case: every browser has it.
ENCODINGS = {"gzip": "gzip", "br": "gzip, deflate, br"}
HTMX_HEADERS = {"HX-Request": "true", "HX-Boosted": "true", "HX-Target": "main"}
ASSET = re.compile(r'<(?:link|script)\b[^>]*?\b(?:href|src)="(/static/[^"]+)"')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    sent: int

    @property
    def received(self):
        head = f"HTTP/1.1 {self.status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in self.headers)
        return len(head) + 2 + len(self.body)

    def header(self, name):
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


def request_size(method, path, headers, body):
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return len(head) + 2 + len(body)


class LiveTransport:
    """A keep-alive HTTP/1.1 connection to a running server, with a cookie jar."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.connection = http.client.HTTPConnection(host, port, timeout=30)
        self.cookies = SimpleCookie()

    def request(self, method, path, headers, form=None):
        body = urlencode(form)
        headers = {"Host": f"{self.host}:{self.port}", **headers}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Content-Length"] = str(len(body))
        self.connection.request(method, path, body=body or None, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for value in response.msg.get_all("Set-Cookie") or []:
            self.cookies.load(value)
            for name, morsel in list(self.cookies.items()):
                if morsel["max-age"] == "0" or not morsel.value:
                    del self.cookies[name]
        return Reply(
            response.status,
            list(response.msg.items()),
            data,
            request_size(method, path, headers, body),
        )

    def close(self):
        self.connection.close()


class TestClientTransport:
    """Flask's test client, plus the headers gunicorn adds, so the counts match the live ones."""

    SERVER_HEADERS = [
        ("Server", "gunicorn"),
        ("Date", formatdate(0, usegmt=True)),
        ("Connection", "keep-alive"),
    ]

    def __init__(self, client):
        self.client = client

    def request(self, method, path, headers, form=None):
        cookie = self.client.get_cookie("fs")
        sent_headers = {**headers, **({"Cookie": f"fs={cookie.value}"} if cookie else {})}
        response = self.client.open(path, method=method, headers=headers, data=form)
        return Reply(
            response.status_code,
            response.headers.to_wsgi_list() + self.SERVER_HEADERS,
            response.get_data(),
            request_size(method, path, sent_headers, urlencode(form)),
        )

    def close(self):
        pass


def urlencode(form):
    return encode_form(form or {})


@dataclass
class Step:
    name: str
    received: int = 0
    sent: int = 0
    requests: int = 0

    def add(self, reply):
        self.received += reply.received
        self.sent += reply.sent
        self.requests += 1


@dataclass
class Walk:
    case: str
    htmx: bool
    encoding: str
    first_html_css: int = 0
    first_total: int = 0
    steps: list[Step] = field(default_factory=list)

    @property
    def total(self):
        return self.first_total + sum(s.received for s in self.steps)

    @property
    def sent(self):
        return sum(s.sent for s in self.steps)

    @property
    def heaviest_step(self):
        return max(self.steps, key=lambda s: s.received)


def one_conviction_cases():
    """{name: case} for every contract example with a single conviction."""
    cases = {}
    for path in sorted(EXAMPLES.glob("*.case.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        if len(case["convictions"]) == 1:
            cases[path.name.split(".")[0]] = case
    return cases


def screen_answers(case):
    return {**answers_for_case(case["convictions"][0]), **person_answers(case.get("person", {}))}


def walk(transport, case_name, case, htmx=True, encoding="gzip"):
    """Walk one case from the start page to the result page; returns the bytes counted."""
    accept = {"Accept-Encoding": ENCODINGS[encoding]}
    result = Walk(case_name, htmx, encoding)
    page = transport.request("GET", "/", accept)
    expect(page, 200, "/")
    html = decoded(page)
    result.first_html_css = result.first_total = page.received
    for asset in dict.fromkeys(ASSET.findall(html)):
        reply = transport.request("GET", unescape(asset), accept)
        expect(reply, 200, asset)
        result.first_total += reply.received
        if asset.endswith(".css"):
            result.first_html_css += reply.received
    answers = screen_answers(case)
    headers = {**accept, **(HTMX_HEADERS if htmx else {})}
    location, method, form = "/begin", "POST", {}
    for _ in range(60):
        step = Step(step_name(location))
        if method == "POST":
            token = CSRF.search(html)
            form = {**form, **({"csrf_token": token.group(1)} if token else {})}
            reply = transport.request("POST", location, headers, form)
            step.add(reply)
            if htmx:  # one round trip: the next page comes back with the POST (issue 15)
                expect(reply, 200, location)
                location = reply.header("HX-Push-Url")
            else:
                expect(reply, 303, location)
                location = reply.header("Location")
        if method != "POST" or not htmx:
            reply = transport.request("GET", location, headers)
            expect(reply, 200, location)
            step.add(reply)
        result.steps.append(step)
        html = decoded(reply)
        path = location.split("?")[0]
        if path == "/result":
            return result
        if path == "/check":
            location, method, form = "/result", "GET", {}
        elif path == "/convictions":
            method, form = "POST", {"answer": "n"}
        else:
            method, form = "POST", answers[path.rstrip("/").rsplit("/", 1)[-1]]
    raise AssertionError("the walk never reached the result page")


def step_name(location):
    return location.split("?")[0]


def decoded(reply):
    encoding = reply.header("Content-Encoding")
    body = reply.body
    if encoding == "gzip":
        body = gzip.decompress(body)
    elif encoding == "br":
        body = brotli.decompress(body)
    return body.decode("utf-8")


def expect(reply, status, where):
    if reply.status != status:
        raise AssertionError(f"{where}: expected {status}, got {reply.status}")


def budget_rows(walks):
    """[(what, measured bytes, budget bytes)] for the walks with and without htmx (gzip)."""
    with_htmx = [w for w in walks if w.htmx and w.encoding == "gzip"]
    without = [w for w in walks if not w.htmx and w.encoding == "gzip"]
    rows = [
        ("first page HTML + CSS", max(w.first_html_css for w in with_htmx)),
        ("first page total", max(w.first_total for w in with_htmx)),
        ("step with htmx", max(w.heaviest_step.received for w in with_htmx)),
        ("step without htmx", max(w.heaviest_step.received for w in without)),
        ("whole walk with htmx", max(w.total for w in with_htmx)),
    ]
    return [(what, measured, BUDGETS[what]) for what, measured in rows]


def walk_all(make_transport, encodings=("gzip",)):
    """Every one-conviction example, with and without htmx, in each encoding."""
    walks = []
    for name, case in one_conviction_cases().items():
        for encoding in encodings:
            for htmx in (True, False):
                transport = make_transport()
                try:
                    walks.append(walk(transport, name, case, htmx, encoding))
                finally:
                    transport.close()
    return walks
