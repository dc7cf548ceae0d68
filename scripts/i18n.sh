#!/usr/bin/env bash
# Translation workflow with standard gettext/.po tools (see docs/translating.md).
#   bash scripts/i18n.sh extract        # webapp sources -> translations/messages.pot
#   bash scripts/i18n.sh update         # extract, then merge the .pot into every language's .po
#   bash scripts/i18n.sh init LANG      # start a new language from the .pot
#   bash scripts/i18n.sh compile        # .po -> .mo (scripts/setup.sh does this on every install)
#   bash scripts/i18n.sh stats          # translated / untranslated / fuzzy counts per language
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYBABEL=".venv/bin/pybabel"
POT="translations/messages.pot"

extract() {
  "$PYBABEL" -q extract -F babel.cfg -k lazy_gettext -k _l -k N_ -k ngettext:1,2 \
    --project="Fresh Start" --copyright-holder="Fresh Start contributors" \
    --sort-by-file -w 100 -o "$POT" .
}

case "${1:-}" in
  extract) extract ;;
  update)
    extract
    "$PYBABEL" -q update -i "$POT" -d translations -w 100 --no-fuzzy-matching --ignore-obsolete
    ;;
  init) "$PYBABEL" init -i "$POT" -d translations -l "${2:?language code}" -w 100 ;;
  compile) "$PYBABEL" -q compile -d translations ;;
  stats) .venv/bin/python -m webapp.i18n_stats ;;
  *) sed -n '2,8p' "$0"; exit 2 ;;
esac
