#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what it needs, checks lint, format and
# types (ruff, mypy; configured in pyproject.toml), then runs every test, the browser tests
# included. Extra arguments go to pytest (e.g. -m "not slow").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh" --test --browser
cd "$ROOT"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
