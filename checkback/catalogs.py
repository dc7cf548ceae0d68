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
# The eleven languages of the questionnaire by catalog code (webapp/i18n.py names them, each in
# its own words); fa and ar are written right to left. One table for the web app and the letters.
LANGUAGES = ("en", "es", "zh_Hant", "zh_Hans", "vi", "ko", "fil", "hy", "ru", "fa", "ar")
RIGHT_TO_LEFT = {"fa", "ar"}
# What browsers send (and an office's `language` column may say) -> our catalog. Babel maps
# "tl" to fil_PH, and a bare "zh" is ambiguous: map them explicitly (stack notes). Longer tags
# are cut back one subtag at a time, so "zh-Hant-TW" meets "zh-hant" before "zh".
BROWSER_TAGS = {
    "zh-tw": "zh_Hant",
    "zh-hk": "zh_Hant",
    "zh-mo": "zh_Hant",
    "zh-hant": "zh_Hant",
    "zh-cn": "zh_Hans",
    "zh-sg": "zh_Hans",
    "zh-hans": "zh_Hans",
    "zh": "zh_Hans",
    "tl": "fil",
    "fil-ph": "fil",
    "tl-ph": "fil",
}
BY_LOWER_CODE = {code.lower(): code for code in LANGUAGES}


def catalog_for_tag(tag: str) -> str | None:
    """A language tag (es-MX, zh_Hant, ZH-TW, tl) -> one of LANGUAGES, or None."""
    subtags = tag.strip().lower().replace("_", "-").split("-")
    while subtags and subtags[0]:
        candidate = "-".join(subtags)
        if candidate in BROWSER_TAGS:
            return BROWSER_TAGS[candidate]
        if candidate.replace("-", "_") in BY_LOWER_CODE:
            return BY_LOWER_CODE[candidate.replace("-", "_")]
        subtags.pop()
    return None


def language_of(cell: str) -> str:
    """A `language` cell -> one of LANGUAGES, English if it names none of them."""
    return catalog_for_tag(cell) or ENGLISH


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
