"""What a request refused before the app reads it is told: nginx's and gunicorn's fixed pages.

Such a request could not be read, so its language is unknown. The page says the app's own error
sentences (errors.MESSAGES) in every language the app speaks, each in its catalog's words,
English first: a person finds their language without the page echoing anything they sent.
"""

from functools import cache

from babel.support import Translations

from .errors import MESSAGES
from .i18n import LANGUAGES, TRANSLATIONS


@cache
def in_every_language(status: int) -> str:
    """Plain text: for each language, its title line and its advice line, then a blank line."""
    title, advice = MESSAGES[status]
    lines = []
    for code in LANGUAGES:
        catalog = Translations.load(str(TRANSLATIONS), [code])
        block = f"{catalog.gettext(title)}\n{catalog.gettext(advice)}\n"
        if block not in lines:  # a catalog not compiled yet falls back to English: say it once
            lines.append(block)
    return "\n".join(lines)


def for_nginx(status: int) -> str:
    """The same text as an nginx quoted string (its parser reads \\n, \\" and \\\\)."""
    text = in_every_language(status)
    # nginx would read a "$" in a return text as a variable; no catalog sentence has one.
    if "$" in text:
        raise ValueError(f"a refusal sentence holds '$': {text!r}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
