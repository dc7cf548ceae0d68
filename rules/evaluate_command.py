"""`python -m rules evaluate FILE|-`: one case in, its determination out as JSON."""

from __future__ import annotations

import argparse
import json
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
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InvalidCase(where, f"not valid UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise InvalidCase(
            where, f"not valid JSON (line {error.lineno} column {error.colno}: {error.msg})"
        ) from None


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
    sys.stdout.write(json.dumps(determination, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK
