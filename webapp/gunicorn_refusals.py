"""What gunicorn itself says and logs when it refuses a request before the app sees it.

gunicorn answers a malformed request line, an oversize one (414) or oversize headers (431)
with its own HTML page, which quoted the refused request line and carried none of the app's
headers, and logged `Invalid request from ip=<client address>: <request line>` (issue 14).
gunicorn has no setting for either, so gunicorn_conf.py installs these two replacements:

- the page is the app's 400 sentences in every language (the request could not be read, so
  its Accept-Language is unknown: webapp/refusals.py), plain text, with the app's security
  headers and `Cache-Control: no-store`; it echoes nothing;
- the log line says a request was refused, never the address or the request's text.

Behind nginx (webapp/serve.py) nginx refuses most such requests first, with its own fixed pages.
"""

import logging

from gunicorn import util  # type: ignore[import-untyped]

from webapp.refusals import in_every_language
from webapp.security import HEADERS


def write_refusal(sock, status_int, reason, _mesg):
    body = in_every_language(400).encode("utf-8")
    head = [
        f"HTTP/1.1 {status_int} {reason}",
        "Connection: close",
        "Content-Type: text/plain; charset=utf-8",
        f"Content-Length: {len(body)}",
        "Cache-Control: no-store",
        *(f"{name}: {value}" for name, value in HEADERS.items()),
    ]
    util.write_nonblock(sock, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


class WithholdClientDetails(logging.Filter):
    """gunicorn.error lines about a refused or failed request keep no address, no request text."""

    def filter(self, record):
        message = record.msg if isinstance(record.msg, str) else ""
        if message.startswith("Invalid request from ip="):
            record.msg, record.args = (
                "Invalid request refused; client address and request withheld",
                (),
            )
        elif message.startswith("Error handling request"):
            record.msg, record.args = "Error handling a request (request line withheld)", ()
        return True


def install():
    util.write_error = write_refusal
