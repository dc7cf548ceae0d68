#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what it needs, then runs every test,
# the browser tests included. Extra arguments go to pytest (e.g. -m "not slow").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh" --test --browser
cd "$ROOT"
exec .venv/bin/python -m pytest "$@"
