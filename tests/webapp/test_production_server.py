"""Slow clients cannot starve the server (issue 14): production as scripts/run.sh starts it.

`python -m webapp.serve` starts nginx (deploy/nginx.conf) in front of gunicorn. 200 clients
that send a request line and then one header line every 2 s must not delay anybody else:
ordinary requests are answered within 1 s all the while. On gunicorn alone, twelve such
clients left every request unanswered for 45 s.
"""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.server import stop, wait_until_up
from webapp.serve import free_port

ROOT = Path(__file__).resolve().parents[2]
SLOW_CLIENTS = 200
WATCH_SECONDS = 8


def get(port, path="/"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.fixture
def production_server():
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "SECRET_KEY": secrets.token_hex(32),
        "WEB_CONCURRENCY": "2",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "webapp.serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        try:
            wait_until_up(f"http://127.0.0.1:{port}/", server)
        except RuntimeError:
            pytest.fail(
                "the production server did not start: "
                + server.stderr.read().decode(errors="replace")[-2000:]
            )
        yield port
    finally:
        stop(server)  # webapp.serve stops nginx and gunicorn with it
        server.stderr.close()


@pytest.mark.slow
def test_200_slow_header_clients_do_not_delay_an_ordinary_request(production_server):
    port = production_server
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            client = socket.create_connection(("127.0.0.1", port), timeout=5)
            client.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
            slow.append(client)
        waits = []
        started = time.monotonic()
        trickled = 0
        while time.monotonic() - started < WATCH_SECONDS:
            began = time.monotonic()
            assert get(port) == 200
            waits.append(time.monotonic() - began)
            if time.monotonic() - started > 2 * (trickled + 1):
                trickled += 1
                for client in slow:
                    client.sendall(b"X-Slow: %d\r\n" % trickled)
            time.sleep(0.2)
        # The slow clients were still connected (not refused at once): nginx held them all.
        assert trickled >= 3
        assert len(waits) >= 10
        assert max(waits) < 1.0, f"slowest ordinary request took {max(waits):.2f} s"
    finally:
        for client in slow:
            client.close()


# --- gunicorn alone (the Procfile): its own refusals, and 413 -----------------------------------


class GunicornAlone:
    def __init__(self):
        self.port = free_port()
        env = {**os.environ, "PORT": str(self.port), "SECRET_KEY": secrets.token_hex(32)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "webapp.serve", "--direct"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        self.output = None

    def stop(self):
        """Stops gunicorn and returns everything it wrote (access and error logs)."""
        if self.output is None:
            self.process.send_signal(signal.SIGTERM)
            out, err = self.process.communicate(timeout=15)
            self.output = (out + err).decode(errors="replace")
        return self.output


@pytest.fixture
def gunicorn_alone():
    server = GunicornAlone()
    try:
        wait_until_up(f"http://127.0.0.1:{server.port}/", server.process)
        yield server
    finally:
        server.stop()


def raw_exchange(port, data):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
        client.sendall(data)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = client.recv(65536)
            if not chunk:
                break
            received += chunk
        head, _, body = received.partition(b"\r\n\r\n")
        return head.decode("latin-1"), body


REFUSED = {
    "414": b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    "400": b"G<script>T /<b>hi</b> HTTP/1.1\r\nHost: x\r\n\r\n",
    "431": b"GET / HTTP/1.1\r\nHost: x\r\n"
    + b"".join(b"X-%d: a\r\n" % i for i in range(120))
    + b"\r\n",
}


@pytest.mark.slow
def test_gunicorns_own_refusals_carry_the_headers_echo_nothing_and_log_no_address(gunicorn_alone):
    for status, request in REFUSED.items():
        head, body = raw_exchange(gunicorn_alone.port, request)
        assert head.startswith(f"HTTP/1.1 {status} ")
        for header in (
            "Content-Security-Policy: ",
            "X-Content-Type-Options: nosniff",
            "Referrer-Policy: no-referrer",
            "Cache-Control: no-store",
        ):
            assert header in head
        assert b"<" not in body and b"aaaa" not in body and b"script" not in body
    text = gunicorn_alone.stop()
    assert text.count("Invalid request refused") == len(REFUSED)
    assert "127.0.0.1" not in text and "aaaa" not in text and "<script>" not in text


@pytest.mark.slow
def test_a_413_with_its_body_unread_says_connection_close(gunicorn_alone):
    head, _body = raw_exchange(
        gunicorn_alone.port,
        b"POST /start-over HTTP/1.1\r\nHost: x\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 100000\r\n\r\na=" + b"b" * 1000,
    )
    assert head.startswith("HTTP/1.1 413 ")
    assert "Connection: close" in head and "keep-alive" not in head


# --- what scripts/setup.sh and the rendered config promise ------------------------------------


def test_the_venvs_build_tools_are_the_versions_setup_pins():
    import re
    from importlib.metadata import version

    pins = re.search(
        r'^BUILD_TOOLS="([^"]+)"', (ROOT / "scripts/setup.sh").read_text(), re.M
    ).group(1)
    for pin in pins.split():
        name, wanted = pin.split("==")
        assert version(name) == wanted, (
            f"{name} {version(name)} in the venv, setup.sh pins {wanted}"
        )


def test_production_listens_on_loopback_by_default_and_nginx_keeps_no_access_log(
    tmp_path, monkeypatch
):
    import re

    from webapp.serve import render_nginx_conf

    monkeypatch.delenv("BIND_HOST", raising=False)
    import importlib

    import webapp.gunicorn_conf as conf

    assert importlib.reload(conf).bind.startswith("127.0.0.1:")
    text = render_nginx_conf(tmp_path, "127.0.0.1", 8000, 8001)
    assert not re.search(r"@[A-Z_]+@", text)
    assert "access_log off;" in text and "listen 127.0.0.1:8000" in text
    assert "proxy_max_temp_file_size 0;" in text  # nothing a person sends or gets hits the disk


@pytest.mark.slow
def test_refusals_behind_nginx_carry_the_headers_echo_nothing_and_speak_every_language(
    production_server,
):
    """Whichever refuses (nginx for a request line over 8 KB or a body over 64 KB, gunicorn
    behind it for a line over 4 KB or too many headers), the page is the same fixed text."""
    from webapp.refusals import in_every_language

    requests = {
        **REFUSED,
        "nginx 414": b"GET /" + b"a" * 10000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        "413": b"POST /start-over HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n",
    }
    for name, request in requests.items():
        head, body = raw_exchange(production_server, request)
        status = int(head.split()[1])
        assert status in (400, 413, 414, 431), (name, head)
        for header in (
            "Content-Security-Policy: ",
            "X-Content-Type-Options: nosniff",
            "Referrer-Policy: no-referrer",
            "Cache-Control: no-store",
        ):
            assert header in head, (name, head)
        assert b"<" not in body and b"aaaa" not in body and b"script" not in body
        text = body.decode("utf-8")
        assert text == in_every_language(413 if status == 413 else 400), (name, text[:200])
        if status != 413:
            assert "Hubo un problema con lo que se envió" in text  # Spanish, from its catalog
