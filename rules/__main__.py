"""`python -m rules`: the engine on the command line.

    python -m rules evaluate CASE.json   # or - for standard input
    python -m rules --version

Exit codes: 0 done; 2 invalid case (one line on standard error naming the field, nothing on
standard output); 1 anything else that stopped it (e.g. a missing file), also one line.
A subcommand is a module with `add_arguments(parser)` and `run(args) -> int`: adding one is
one line in SUBCOMMANDS.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys

from .version import RULES_VERSION

SUBCOMMANDS = {
    "evaluate": ("rules.evaluate_command", "evaluate one case (a JSON file, or - for stdin)"),
    "batch": ("rules.batch.cli", "evaluate a CSV of convictions in bulk (docs/bulk.md)"),
    "notices": (
        "checkback.cli",
        "neutral letters and outreach counts from bulk results (docs/bulk.md)",
    ),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rules", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"rules {RULES_VERSION}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        module = importlib.import_module(module_name)
        module.add_arguments(commands.add_parser(name, help=help_text, description=help_text))
    args = parser.parse_args(argv)
    try:
        code: int = importlib.import_module(SUBCOMMANDS[args.command][0]).run(args)
        return code
    except KeyboardInterrupt:
        return _one_line("interrupted", 1)
    except Exception as error:  # a bug or an odd system state: still one line, never a traceback
        return _one_line(f"error: {type(error).__name__}: {error}", 1)


def _one_line(message: str, code: int) -> int:
    if sys.stderr is not None:
        with contextlib.suppress(OSError):  # standard error closed too: the exit code says it
            print(message.replace("\n", " ")[:500], file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
