"""`python -m rules evaluate FILE|-`: one case in, its determination out as JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from .evaluate import evaluate
from .validate import InvalidCase

EXIT_OK, EXIT_ERROR, EXIT_INVALID = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="FILE", help="the case as JSON; - reads standard input")


def fail(message: str, code: int) -> int:
    print(message.replace("\n", " "), file=sys.stderr)
    return code


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as stream:
        return stream.read()


def load(raw: bytes, where: str) -> Any:
    """The JSON value in `raw`; raises InvalidCase naming where it broke."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InvalidCase(where, f"not valid UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise InvalidCase(
            where, f"not valid JSON (line {error.lineno} column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:
        raise InvalidCase(where, "nested too deeply to be a case") from None
    except ValueError:
        # Python refuses to read an integer of more than 4,300 digits (int_max_str_digits).
        raise InvalidCase(where, "a number with too many digits to be a case's value") from None
    try:
        # JSON's \ud800 escapes can spell half a character, which no output can encode.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidCase(
            where, f"text with a lone surrogate ({error.object[error.start]!r}) is not Unicode text"
        ) from None
    return value


def write_out(text: str) -> int:
    """Standard output may be closed, a closed pipe or a full disk: one line, exit 1."""
    try:
        if sys.stdout is None:
            raise OSError("standard output is closed")
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        _discard_stdout()
        return fail(f"error: cannot write the determination: {error.strerror or error}", EXIT_ERROR)
    return EXIT_OK


def _discard_stdout() -> None:
    """What is left in stdout's buffer would fail again when Python exits (a second message)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def run(args: argparse.Namespace) -> int:
    where = "<stdin>" if args.case == "-" else args.case
    try:
        raw = read_input(args.case)
    except OSError as error:
        return fail(f"error: cannot read {where}: {error.strerror or error}", EXIT_ERROR)
    try:
        determination = evaluate(load(raw, where))
    except InvalidCase as error:
        return fail(f"invalid case: {error}", EXIT_INVALID)
    except RecursionError:
        return fail(f"invalid case: {where}: nested too deeply to be a case", EXIT_INVALID)
    return write_out(json.dumps(determination, indent=2, ensure_ascii=False) + "\n")
