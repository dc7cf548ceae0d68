"""Logs that can never carry an answer.

What may reach a log: the method, the path (answers never travel in a URL), the status, the
size, the time, and for a crash the exception's type and the code lines it went through.
What never does: request bodies, cookies, query strings, the Referer, and exception messages
(a ValueError's message can quote the value that failed, e.g. a typed code section).
The gunicorn side (access log format, error log formatter) is set in gunicorn_conf.py.
"""

import logging
import traceback

from flask.logging import default_handler

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
WITHHELD = "(message withheld: it may quote what the person typed)"


class RedactingFormatter(logging.Formatter):
    """A traceback with its frames and exception types, never the exception's message."""

    def format(self, record):
        # Another handler may have cached the full traceback on the record: never reuse it.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, exc_info):
        _type, error, tb = exc_info
        parts = []
        seen = set()
        while error is not None and id(error) not in seen:
            seen.add(id(error))
            frames = "".join(traceback.format_list(traceback.extract_tb(tb)))
            parts.append(
                f"Traceback (most recent call last):\n{frames}"
                f"{type(error).__module__}.{type(error).__qualname__} {WITHHELD}"
            )
            error = error.__cause__ or error.__context__
            tb = error.__traceback__ if error is not None else None
        return "\n\nwhile handling:\n".join(reversed(parts))

    def formatStack(self, stack_info):
        return stack_info  # code lines only


def configure():
    """Flask's own handler (used when no server configures logging) redacts too."""
    default_handler.setFormatter(RedactingFormatter(FORMAT))


# For gunicorn's logconfig_dict: its error log gets the same formatter. The access log keeps
# gunicorn's handler and the access_log_format in gunicorn_conf.py.
GUNICORN_LOGCONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "redacting": {"()": RedactingFormatter, "format": FORMAT},
        "access": {"format": "%(message)s"},
    },
    "filters": {
        "withhold_client": {"()": "webapp.gunicorn_refusals.WithholdClientDetails"},
    },
    "handlers": {
        "error": {
            "class": "logging.StreamHandler",
            "formatter": "redacting",
            "filters": ["withhold_client"],
            "stream": "ext://sys.stderr",
        },
        "access": {
            "class": "logging.StreamHandler",
            "formatter": "access",
            "stream": "ext://sys.stdout",
        },
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
        "webapp": {"level": "INFO", "handlers": ["error"], "propagate": False},
    },
    "root": {"level": "WARNING", "handlers": ["error"]},
}
