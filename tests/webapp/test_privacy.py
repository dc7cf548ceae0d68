""" "Nothing about you is kept": a whole walk leaves no answer in a log, a URL, a file or a socket.

The walk types distinctive answers (a county, a year, a code section no one else would write)
and then looks for them everywhere the server could have put them.
"""

import http.cookiejar
import logging
import os
import re
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask.logging import default_handler
from gunicorn.glogging import Logger, SafeAtoms
from test_questions import POSSESSION_2011
from webwalk import add_conviction, answer_until, person_answers
from werkzeug.serving import make_server

from webapp import create_app, gunicorn_conf, logging_conf

ROOT = Path(__file__).resolve().parents[2]
APP_DIRS = [ROOT / name for name in ("webapp", "rules", "static", "translations")]
CODE_SECTION = "HS 11359 ZZQX"
COUNTY = ("47", "Siskiyou")
SALE_1983 = {
    **POSSESSION_2011,
    "county": {"answer": COUNTY[0]},
    "offense": {"answer": "pfs", "detail": CODE_SECTION},
    "convicted": {"year": "1983", "month": "07"},
    "happened": {"year": "1983", "month": ""},
}
# What must never leave the person's answers: typed text, the county's name, the year.
SECRETS = ["ZZQX", "11359 ZZQX", "11359+ZZQX", "Siskiyou", "1983"]

# --- every write, file or socket the process attempts while a walk is recorded -------------------

RECORDING = threading.Event()
ATTEMPTS = []
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
WRITING_EVENTS = {
    "os.mkdir",
    "os.rename",
    "os.replace",
    "os.remove",
    "os.rmdir",
    "os.symlink",
    "os.link",
    "os.truncate",
    "os.chmod",
    "shutil.copyfile",
    "shutil.move",
    "sqlite3.connect",
    "socket.connect",
    "socket.sendto",
    "tempfile.mkstemp",
    "tempfile.mkdtemp",
    "dbm.open",
    "shelve.open",
}


def audit(event, args):
    if not RECORDING.is_set():
        return
    if event == "open":
        path, mode, flags = args
        if (mode and any(flag in mode for flag in "wax+")) or (not mode and flags & WRITE_FLAGS):
            ATTEMPTS.append((event, path))
    elif event == "socket.connect" and args[1][0] == "127.0.0.1":
        return  # the test's own client reaching the local test server
    elif event in WRITING_EVENTS:
        ATTEMPTS.append((event, args[0] if args else None))


sys.addaudithook(audit)  # cannot be removed; idle unless RECORDING is set


def tree(directories):
    return {
        (str(p), p.stat().st_mtime_ns, p.stat().st_size)
        for d in directories
        for p in d.rglob("*")
        if "__pycache__" not in p.parts
    }


class Http:
    """Just enough of Flask's test client over real HTTP for webwalk's helpers: the werkzeug
    server then logs each request line, so the log check has real records to read."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect
        )

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            reply = self.opener.open(self.base + path, data=body, timeout=10)
        except urllib.error.HTTPError as error:  # 3xx and 4xx arrive here
            reply = error
        with reply:
            content = reply.read()
        return SimpleNamespace(
            status_code=reply.status,
            headers=reply.headers,
            get_data=lambda as_text=False: content.decode() if as_text else content,
        )

    def get(self, path):
        return self.open(path)

    def post(self, path, data):
        return self.open(path, data)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def served():
    """The app as in production (errors handled, not TESTING) behind werkzeug's server; CSRF
    off to keep POSTs short."""
    app = create_app({"SECRET_KEY": "privacy-key", "WTF_CSRF_ENABLED": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Http(f"http://127.0.0.1:{server.server_port}")
    server.shutdown()
    thread.join()
    server.server_close()


def walk(client, visited):
    """A whole walk with the distinctive answers, then every page that shows them."""
    assert add_conviction(client, SALE_1983, first=True, asked=visited) == "/convictions"
    response = client.post("/convictions", data={"answer": "n"})
    assert (
        answer_until(client, response.headers["Location"], person_answers({}), asked=visited)
        == "/check"
    )
    pages = {}
    for url in (
        "/check",
        "/result",
        "/summary.txt",
        "/convictions",
        "/c/1/offense",
        "/worker/",
        "/worker/result",
    ):
        pages[url] = client.get(url).get_data(as_text=True)
        visited.append(url)
    return pages


def test_a_whole_walk_logs_no_answer_and_writes_no_file(served, caplog, tmp_path, monkeypatch):
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    caplog.set_level(logging.DEBUG)  # the root logger: every library's records reach caplog
    for name in ("webapp", "werkzeug", "flask", "flask_wtf", "babel", "gunicorn.error"):
        caplog.set_level(logging.DEBUG, logger=name)
    before = tree(APP_DIRS)
    visited, ATTEMPTS[:] = [], []
    RECORDING.set()
    try:
        pages = walk(served, visited)
    finally:
        RECORDING.clear()
    # The walk really carried the answers: the pages show them back to the person.
    assert CODE_SECTION in pages["/check"] and COUNTY[1] in pages["/check"]
    assert "1983" in pages["/check"] and CODE_SECTION in pages["/c/1/offense"]
    assert caplog.records, "DEBUG logging captured nothing: the check would be empty"
    formatter = logging_conf.RedactingFormatter(logging_conf.FORMAT)
    for record in caplog.records:
        text = formatter.format(record) + repr(record.args) + repr(record.__dict__)
        for secret in SECRETS:
            assert secret not in text, (record.name, record.getMessage())
    # What an access log would record: every path asked for and redirected to.
    for url in visited:
        assert not any(secret in url for secret in SECRETS), url
    assert ATTEMPTS == []
    assert tree(APP_DIRS) == before
    assert list(private_tmp.iterdir()) == []


def test_a_crash_logs_frames_but_never_the_message_that_quotes_an_answer(caplog):
    app = create_app({"SECRET_KEY": "privacy-key", "WTF_CSRF_ENABLED": False})

    @app.post("/crash")
    def crash():
        from flask import request

        # int() fails with a ValueError whose message quotes the typed code section.
        int(request.form["detail"])

    caplog.set_level(logging.DEBUG)
    response = app.test_client().post("/crash", data={"detail": CODE_SECTION})
    assert response.status_code == 500 and "ZZQX" not in response.get_data(as_text=True)
    crashes = [r for r in caplog.records if r.exc_info]
    assert crashes, "the crash was not logged at all"
    for formatter in (
        logging_conf.RedactingFormatter(logging_conf.FORMAT),
        default_handler.formatter,
    ):
        text = formatter.format(crashes[0])
        assert "ValueError" in text and "in crash" in text  # still useful to a maintainer
        assert "ZZQX" not in text and logging_conf.WITHHELD in text


def test_flask_and_gunicorn_logs_both_use_the_redacting_formatter():
    create_app({"SECRET_KEY": "privacy-key"})
    assert isinstance(default_handler.formatter, logging_conf.RedactingFormatter)
    config = gunicorn_conf.logconfig_dict
    assert config["formatters"]["redacting"]["()"] is logging_conf.RedactingFormatter
    for name in ("gunicorn.error", "webapp"):
        handlers = config["loggers"][name]["handlers"]
        assert all(config["handlers"][h]["formatter"] == "redacting" for h in handlers)
    assert config["root"]["handlers"] == ["error"]


def test_the_gunicorn_access_log_line_has_no_query_referer_cookie_or_body():
    """gunicorn's own code renders the line from a request stuffed with answers everywhere."""
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": "/c/1/offense?detail=HS+11359+ZZQX",
        "PATH_INFO": "/c/1/offense",
        "QUERY_STRING": "detail=HS+11359+ZZQX",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_REFERER": "http://x/?county=Siskiyou",
        "HTTP_USER_AGENT": "phone Siskiyou",
        "HTTP_COOKIE": "fs=ZZQX",
        "wsgi.input": "detail=HS+11359+ZZQX&year=1983",
    }
    request = SimpleNamespace(headers=[("COOKIE", "fs=ZZQX"), ("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(status="303 SEE OTHER", sent=0, headers=[("Set-Cookie", "fs=ZZQX")])
    logger = Logger.__new__(Logger)  # only its atoms(): no handlers set up
    logger.cfg = SimpleNamespace(access_log_format=gunicorn_conf.access_log_format)
    atoms = SafeAtoms(logger.atoms(response, request, environ, timedelta(milliseconds=12)))
    line = gunicorn_conf.access_log_format % atoms
    assert '"POST /c/1/offense" 303' in line
    for secret in [*SECRETS, "203.0.113.9", "phone"]:
        assert secret not in line, line


def test_the_access_log_format_names_only_safe_fields():
    """Method, path (no query), status, size, time: never %(r)s, %(q)s, %(f)s, %(a)s, %(h)s,
    or a header, cookie or environ value."""
    safe = {"t", "m", "U", "s", "B", "b", "M", "D", "T", "L", "p"}
    used = set(re.findall(r"%\((.*?)\)s", gunicorn_conf.access_log_format))
    assert used and used <= safe, used - safe
