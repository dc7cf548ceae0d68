#!/usr/bin/env bash
# Installs everything Fresh Start needs, idempotently: a virtualenv with the pinned
# packages and build tools, compiled translations, Debian's nginx (production runs behind it,
# deploy/nginx.conf), and (with --browser) Debian's Chromium for the browser tests.
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
# The venv's own build tools, pinned: python3 -m venv brings Debian's setuptools 65, which has
# known advisories (issue 14). Raise these pins deliberately, after an audit (docs/security.md).
BUILD_TOOLS="pip==26.3 setuptools==84.2.1 wheel==0.48.0"
# Skip pip when nothing changed since the last install (pyproject and the pins are the inputs).
stamp=".venv/.installed-$( (cat pyproject.toml; echo "$BUILD_TOOLS") | sha256sum | cut -c1-16)${extras:+-test}"
if [ ! -f "$stamp" ]; then
  # shellcheck disable=SC2086
  .venv/bin/python -m pip install --quiet --upgrade $BUILD_TOOLS
  .venv/bin/python -m pip install --quiet -e ".${extras}"
  touch "$stamp"
fi

# Compiled catalogs (.mo) are build output: always compile from the .po sources.
if compgen -G "translations/*/LC_MESSAGES/messages.po" >/dev/null; then
  .venv/bin/pybabel -q compile -d translations
fi

apt_packages=""
# Production serves through nginx (webapp/serve.py); the slow-client test starts it too.
[ -x /usr/sbin/nginx ] || apt_packages="nginx"
if [ "$want_browser" = 1 ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  apt_packages="$apt_packages chromium"
fi
if [ -n "$apt_packages" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq $apt_packages >/dev/null
fi
