"""Languages: the person's choice (kept in the state cookie), else their browser's."""
import re
from datetime import date

from babel.dates import format_skeleton
from babel.lists import format_list
from functools import cache
from pathlib import Path

from babel.support import Translations
from flask import request, session
from flask_babel import Babel, get_locale
from flask_babel.speaklater import LazyString
from markupsafe import Markup, escape

from . import review_notice

# Each language by its own name. fa and ar are written right to left.
LANGUAGES = {
    "en": "English",
    "es": "Español",
    "zh_Hant": "繁體中文",
    "zh_Hans": "简体中文",
    "vi": "Tiếng Việt",
    "ko": "한국어",
    "fil": "Filipino",
    "hy": "Հայերեն",
    "ru": "Русский",
    "fa": "فارسی",
    "ar": "العربية",
}
RIGHT_TO_LEFT = {"fa", "ar"}
# What browsers send -> our catalog. Babel maps "tl" to fil_PH, and a bare "zh" is ambiguous:
# map them explicitly (stack notes). Longer tags are cut back one subtag at a time, so
# "zh-Hant-TW" meets "zh-hant" before "zh".
BROWSER_TAGS = {
    "zh-tw": "zh_Hant", "zh-hk": "zh_Hant", "zh-mo": "zh_Hant", "zh-hant": "zh_Hant",
    "zh-cn": "zh_Hans", "zh-sg": "zh_Hans", "zh-hans": "zh_Hans", "zh": "zh_Hans",
    "tl": "fil", "fil-ph": "fil", "tl-ph": "fil",
}
BY_LOWER_CODE = {code.lower(): code for code in LANGUAGES}

# Section numbers, form numbers and bill numbers are Latin text with brackets: inside a
# right-to-left sentence the bidi algorithm would move their closing brackets, so they are
# isolated left to right.
CODES = re.compile(
    r"\b(?:(?:HS|PC|VC|WIC|HSC|SB|AB) \d+(?:\.\d+)?(?:\([0-9A-Za-z]+\))*"
    r"(?:(?: ?[–-] ?|, )\([0-9A-Za-z]+\)(?:\([0-9A-Za-z]+\))*)*"
    r"|(?:CR|BCIA)[ -]\d+[A-Z]*|Prop 64|\d+(?:\.\d+)?(?:\([0-9A-Za-z]+\))+)")


def from_browser(accept_language):
    """The best of our languages for an Accept-Language header (best quality first), or None."""
    for tag, quality in accept_language:
        if quality <= 0:
            continue
        subtags = tag.lower().replace("_", "-").split("-")
        while subtags:
            candidate = "-".join(subtags)
            if candidate in BROWSER_TAGS:
                return BROWSER_TAGS[candidate]
            if candidate in BY_LOWER_CODE:
                return BY_LOWER_CODE[candidate]
            subtags.pop()
    return None


def select_locale():
    return choose(session.get("l"), request.accept_languages)


def choose(chosen, accept_language):
    """The language chosen on the site if it is one of ours, else the browser's best, else
    English (Flask-Babel's selector; the fast lane calls it with what it read)."""
    if chosen in LANGUAGES:
        return chosen
    return from_browser(accept_language) or "en"


def text_direction(code):
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"


def html_lang(code):
    """BCP 47, as <html lang> wants it: zh_Hant -> zh-Hant."""
    return code.replace("_", "-")


def current_code():
    return str(get_locale() or "en")


def month_and_year(year, month):
    """"November 2013" the reader's way: "2013年11月", "noviembre de 2013" (CLDR, via Babel)."""
    return format_skeleton("yMMMM", date(year, month, 1), locale=get_locale())


def either(items):
    """"A, B or C" the reader's way ("A، B یا C")."""
    return format_list([str(item) for item in items], style="or", locale=get_locale())


def left_to_right(value):
    """A whole value (a citation, a code section someone typed) kept left to right on rtl pages."""
    if current_code() not in RIGHT_TO_LEFT:
        return value
    return Markup('<bdi dir="ltr">%s</bdi>') % value


def isolate_codes(text):
    """Running text with each code or form number in it kept left to right, on rtl pages."""
    if text is None or current_code() not in RIGHT_TO_LEFT:
        return text
    return Markup(CODES.sub(lambda found: f'<bdi dir="ltr">{found.group(0)}</bdi>',
                            str(escape(text))))


def escaped_lazy_string(self):
    """A lazy message is text, never markup: Jinja escapes it like any other string."""
    return escape(str(self))


def init(app):
    # Flask-Babel's LazyString says it is markup (`__html__` returns the text as it is), so Jinja
    # printed a lazy message quoting what someone typed ("<b hx-post=...> is not a date") as live
    # HTML, and any translation the same way (issue 14). Escaped, it renders the same for text.
    LazyString.__html__ = escaped_lazy_string
    Babel(app, locale_selector=select_locale)
    app.add_template_filter(left_to_right, "ltr")
    app.add_template_filter(isolate_codes, "ltr_codes")
    app.add_template_filter(either, "either")

    @app.context_processor
    def review():
        """The notice's words for an unreviewed catalog, else None (English, reviewed ones)."""
        shown = review_notice.needs_notice(current_code())
        return {"review_notice": review_notice.NOTICE if shown else None,
                "read_in_english": review_notice.READ_IN_ENGLISH}


TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


@cache
def language_words():
    """{code: the word "Language" in that language}, from each catalog: shown beside the
    switcher so a person who cannot read the page's language still finds it."""
    return {code: Translations.load(str(TRANSLATIONS), [code]).gettext("Language")
            for code in LANGUAGES}
