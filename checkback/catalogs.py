"""The web app's compiled catalogs (translations/<lang>/LC_MESSAGES/messages.mo), read with
stdlib gettext, so that bulk mode's letters speak the same words without Flask or Babel.

The .mo files are build output (scripts/setup.sh compiles them); a language whose catalog is
missing falls back to English, the source text.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parents[1] / "translations"
ENGLISH = "en"
# The eleven languages of the questionnaire (webapp/i18n.py LANGUAGES), by catalog code.
LANGUAGES = ("en", "es", "zh_Hant", "zh_Hans", "vi", "ko", "fil", "hy", "ru", "fa", "ar")
RIGHT_TO_LEFT = {"fa", "ar"}
# What an office's `language` column may say instead of our code (lower case, "-" as "_").
ALIASES = {
    "tl": "fil",
    "zh_tw": "zh_Hant",
    "zh_hk": "zh_Hant",
    "zh_mo": "zh_Hant",
    "zh_cn": "zh_Hans",
    "zh_sg": "zh_Hans",
    "zh": "zh_Hans",
}
BY_LOWER = {code.lower(): code for code in LANGUAGES}


def language_of(cell: str) -> str:
    """A `language` cell -> one of LANGUAGES: the code itself in any case, a browser-style tag
    (es-MX, zh-TW, tl), else English."""
    tag = cell.strip().lower().replace("-", "_")
    while tag:
        if tag in BY_LOWER:
            return BY_LOWER[tag]
        if tag in ALIASES:
            return ALIASES[tag]
        tag = tag.rpartition("_")[0]
    return ENGLISH


def translator(language: str) -> gettext.NullTranslations:
    """The gettext catalog of `language` (NullTranslations, i.e. English, if there is none)."""
    return _read(language, TRANSLATIONS)


@cache
def _read(language: str, directory: Path) -> gettext.NullTranslations:
    path = directory / language / "LC_MESSAGES" / "messages.mo"
    if language == ENGLISH or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)
