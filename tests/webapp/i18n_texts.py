"""What the language tests read: the catalogs, the strings the code shows, a page's visible text.

"English left on a page" means: a string the app shows (freshly extracted from the code, so a
string added since the last .pot counts too) whose translation in that language differs from
the English, found word for word in the page's visible text. Words a translator kept in English
somewhere in the catalog (names such as Live Scan, CalFresh, CR-400) are not counted.
"""

import re
import subprocess
import sys
import tempfile
from functools import cache
from html import unescape
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
# %(name)s, %s, {name}: the placeholders a translation must keep exactly.
PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdrf]|%[sdrf]|\{[A-Za-z_][A-Za-z0-9_]*\}")
TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
LETTERS = re.compile(r"[A-Za-z]{2,}")


def po_path(code):
    return TRANSLATIONS / code / "LC_MESSAGES" / "messages.po"


@cache
def catalog(code):
    with po_path(code).open("rb") as handle:
        return read_po(handle)


@cache
def shown_strings():
    """Every msgid in the code now (singular and plural), extracted as scripts/i18n.sh does."""
    out = Path(tempfile.mkdtemp()) / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from babel.messages.frontend import main; main()",
            "-q",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "lazy_gettext",
            "-k",
            "_l",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "-o",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
    )
    with out.open("rb") as handle:
        template = read_po(handle)
    return {message.id for message in template if message.id}


def forms_of(value):
    return [value] if isinstance(value, str) else list(value)


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


def bounded(chunk):
    """A regex for `chunk` as whole words."""
    return re.compile(r"(?<![A-Za-z])" + re.escape(chunk) + r"(?![A-Za-z])")


@cache
def english_to_find(code):
    """[(msgid, regex of an English run of it)] that must not show on a page in `code`."""
    translated = {}
    for message in catalog(code):
        if message.id and not message.fuzzy:
            for english, local in zip(forms_of(message.id), forms_of(message.string)):
                translated[english] = local
    kept_in_english = " ".join(squeeze(s) for s in translated.values() if s)
    found = []
    for msgid in shown_strings():
        for english in forms_of(msgid):
            local = translated.get(english) or ""
            if squeeze(local) == squeeze(english):
                continue  # the same in both languages: "CR-400", a name
            for chunk in PLACEHOLDER.split(squeeze(english)):
                chunk = chunk.strip(" .,:;!?()\"'–-")
                if not LETTERS.search(chunk) or bounded(chunk).search(kept_in_english):
                    continue
                found.append((english, bounded(chunk)))
    return found


def visible_text(html):
    """What a person reads: text, the tab title, and the words in alt/aria-label/placeholder.
    The language switcher's names are each language's own and are left out."""
    html = re.sub(r'<details class="languages".*?</details>', " ", html, flags=re.S)
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    attributes = re.findall(r'\b(?:alt|aria-label|placeholder|title)="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    return squeeze(unescape(" ".join([text, *attributes])))


def english_on(html, code):
    """The English strings of the app found on a page meant to be in `code`."""
    text = visible_text(html)
    return sorted({english for english, pattern in english_to_find(code) if pattern.search(text)})
