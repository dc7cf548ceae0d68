#!/usr/bin/env bash
# Runs Fresh Start on http://127.0.0.1:8000 from a fresh machine: installs what it needs,
# then starts gunicorn exactly as the Procfile does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
# Local use only: a fresh random signing key each start (production must set SECRET_KEY).
export SECRET_KEY="${SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(32))')}"
export PORT="${PORT:-8000}"
export BIND_HOST="${BIND_HOST:-127.0.0.1}"
echo "Fresh Start: http://${BIND_HOST}:${PORT}/"
exec .venv/bin/python -m webapp.serve
