#!/usr/bin/env bash
# Vendors htmx 2.0.11 from the npm registry into static/vendor/ (no CDN at run time).
# 4.x renames request headers and breaks flask-htmx: keep the pin (see stack notes).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="2.0.11"
EXPECTED_SHA384="2OatzQy1H+Zd/IIrjr1TcuDGqLXeHhbooAyJY1KdQMKnr4LZ22k31GBLdYKHmVjg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "htmx.org@${VERSION}" >/dev/null
tar -xzf "htmx.org-${VERSION}.tgz"
actual="$(openssl dgst -sha384 -binary package/dist/htmx.min.js | openssl base64 -A)"
if [ "$actual" != "$EXPECTED_SHA384" ]; then
  echo "htmx.min.js hash mismatch: $actual" >&2
  exit 1
fi
mkdir -p "$ROOT/static/vendor"
cp package/dist/htmx.min.js "$ROOT/static/vendor/htmx-${VERSION}.min.js"
cp package/LICENSE "$ROOT/static/vendor/htmx-LICENSE"
echo "vendored htmx ${VERSION} (sha384-${actual})"
