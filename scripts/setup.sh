#!/usr/bin/env bash
# Installs everything Fresh Start needs, idempotently: a virtualenv with the pinned
# packages, compiled translations, and (with --browser) Debian's Chromium for the browser tests.
# Sourced by scripts/run.sh and scripts/test.sh, so a fresh machine needs nothing else.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

want_browser=0
extras=""
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    --test) extras="[test]" ;;
  esac
done

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# Skip pip when nothing changed since the last install (pyproject is the only input).
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)${extras:+-test}"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".${extras}"
  touch "$stamp"
fi

# Compiled catalogs (.mo) are build output: always compile from the .po sources.
if compgen -G "translations/*/LC_MESSAGES/messages.po" >/dev/null; then
  .venv/bin/pybabel -q compile -d translations
fi

if [ "$want_browser" = 1 ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
