"""Languages: the person's choice (kept in the state cookie), else their browser's."""
from flask import request, session
from flask_babel import Babel

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
# map them explicitly (stack notes).
BROWSER_TAGS = {
    "zh-tw": "zh_Hant", "zh-hk": "zh_Hant", "zh-mo": "zh_Hant", "zh-hant": "zh_Hant",
    "zh-cn": "zh_Hans", "zh-sg": "zh_Hans", "zh-hans": "zh_Hans", "zh": "zh_Hans",
    "tl": "fil", "fil-ph": "fil", "tl-ph": "fil",
}


def from_browser(accept_language):
    """The best of our languages for an Accept-Language header, or None."""
    for tag, _quality in accept_language:
        tag = tag.lower().replace("_", "-")
        if tag in BROWSER_TAGS:
            return BROWSER_TAGS[tag]
        for candidate in (tag, tag.split("-")[0]):
            match = next((code for code in LANGUAGES if code.lower() == candidate), None)
            if match:
                return match
            if candidate in BROWSER_TAGS:
                return BROWSER_TAGS[candidate]
    return None


def select_locale():
    chosen = session.get("l")
    if chosen in LANGUAGES:
        return chosen
    return from_browser(request.accept_languages) or "en"


def text_direction(code):
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"


def html_lang(code):
    return code.replace("_", "-")


def init(app):
    Babel(app, locale_selector=select_locale)
