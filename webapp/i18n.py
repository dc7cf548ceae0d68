"""Languages: the person's choice (kept in the state cookie), else their browser's."""

import re
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import quote_plus

import flask_babel
from babel import Locale
from babel.dates import format_skeleton
from babel.lists import format_list
from babel.support import Translations
from flask import current_app, g, has_request_context, render_template, request, session
from flask_babel import Babel, get_locale, get_translations
from flask_babel.speaklater import LazyString
from jinja2 import pass_eval_context
from markupsafe import Markup, escape

from checkback.catalogs import RIGHT_TO_LEFT, catalog_for_tag

from . import review_notice

# Each language by its own name (the codes, their direction and the browser tags that reach
# them: checkback/catalogs.py, shared with bulk mode's letters).
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
LOCALES = {code: Locale.parse(code) for code in LANGUAGES}

# Section numbers, form numbers and bill numbers are Latin text with brackets: inside a
# right-to-left sentence the bidi algorithm would move their closing brackets, so they are
# isolated left to right.
CODES = re.compile(
    r"\b(?:(?:HS|PC|VC|WIC|HSC|SB|AB) \d+(?:\.\d+)?(?:\([0-9A-Za-z]+\))*"
    r"(?:(?: ?[–-] ?|, )\([0-9A-Za-z]+\)(?:\([0-9A-Za-z]+\))*)*"
    r"|(?:CR|BCIA)[ -]\d+[A-Z]*|Prop 64|\d+(?:\.\d+)?(?:\([0-9A-Za-z]+\))+)"
)


def from_browser(accept_language):
    """The best of our languages for an Accept-Language header (best quality first), or None."""
    for tag, quality in accept_language:
        if quality <= 0:
            continue
        code = catalog_for_tag(tag)
        if code:
            return code
    return None


def select_locale():
    """Flask-Babel's locale selector. A Locale is made once per language: parsing the code
    again on every request checks the locale data on disk each time."""
    return LOCALES[choose(session.get("language"), request.accept_languages)]


def choose(chosen, accept_language):
    """The language chosen on the site if it is one of ours, else the browser's best, else
    English."""
    if chosen in LANGUAGES:
        return chosen
    return from_browser(accept_language) or "en"


def text_direction(code):
    return "rtl" if code in RIGHT_TO_LEFT else "ltr"


def html_lang(code):
    """BCP 47, as <html lang> wants it: zh_Hant -> zh-Hant."""
    return code.replace("_", "-")


def current_code():
    """This request's language code, worked out once: Flask-Babel walks the context and formats
    the locale's name again on every call, some seventy times a result page (its filters)."""
    if not has_request_context():
        return str(get_locale() or "en")
    found = g.get("_code")
    if found is None:
        found = g._code = str(get_locale() or "en")
    return found


def gettext(string, **variables):
    """flask_babel.gettext, from this request's catalog (looked up once)."""
    translated = catalog().ugettext(string)
    return translated % variables if variables else translated


def month_and_year(year, month):
    """ "November 2013" the reader's way: "2013年11月", "noviembre de 2013" (CLDR, via Babel)."""
    return format_skeleton("yMMMM", date(year, month, 1), locale=get_locale())


def either(items):
    """ "A, B or C" the reader's way ("A، B یا C")."""
    return format_list([str(item) for item in items], style="or", locale=get_locale())


def left_to_right(value):
    """A whole value (a citation, a code section someone typed) kept left to right on rtl pages."""
    if current_code() not in RIGHT_TO_LEFT:
        return value
    return Markup('<bdi dir="ltr">%s</bdi>') % value


def citation(value):
    """One citation, never broken inside ("HS\u00a011361.8(a)"), left to right on rtl pages."""
    return left_to_right(str(value).replace(" ", "\u00a0"))


@cache
def list_comma(code):
    """The comma between the items of a list, the language's own (CLDR): "، " in Farsi, "、" in
    Chinese. Arabic's CLDR pattern joins with "و" (and): a list of citations takes its comma."""
    middle = Locale.parse(code).list_patterns["standard"]["middle"]
    between = middle.removeprefix("{0}").removesuffix("{1}")
    return between if not any(c.isalpha() for c in between) else "، "


def citations(values):
    """Citations as a list, with the language's comma (issue 15: ASCII commas on rtl pages)."""
    return Markup(escape(list_comma(current_code()))).join(citation(v) for v in values)


def isolate_codes(text):
    """Running text with each code or form number in it kept left to right, on rtl pages."""
    if text is None or current_code() not in RIGHT_TO_LEFT:
        return text
    return Markup(
        CODES.sub(lambda found: f'<bdi dir="ltr">{found.group(0)}</bdi>', str(escape(text)))
    )


# --- made once per language ------------------------------------------------------------------
# Everything cached here is the same for everyone reading the site in one language: nothing in
# it comes from a person's answers, cookie or form (tests/webapp/test_perf_pages.py).

# Stands for this page's address while the menu is rendered once; url_for leaves it as it is.
HERE = "/__here__"
# What werkzeug's url_for leaves unescaped in a query value.
QUERY_SAFE = "!$'()*,/:;?@"


def caches():
    """This app's per-language caches (tests make many apps, with different catalogs)."""
    return current_app.extensions.setdefault("i18n", {"menus": {}, "words": {}})


def cacheable():
    """Off while templates reload (the debug server): an edited template shows at once."""
    return not current_app.jinja_env.auto_reload


def language_menu(here):
    """The language menu (and the review notice, if any) with links back to `here`: rendered
    once per language, this page's address put in per request (one quote_plus instead of a
    dozen url_for)."""
    code = current_code()
    key = (code, request.script_root, review_notice.needs_notice(code))
    menu = caches()["menus"].get(key)
    if menu is None:
        menu = str(render_template("language_menu.html", here=HERE))
        if cacheable():
            caches()["menus"][key] = menu
    return Markup(menu.replace(HERE, str(escape(quote_plus(here, safe=QUERY_SAFE)))))


# Hosts are the client's to name (behind no proxy, or PUBLIC_URL unset): past this many kept
# blocks the cache starts again, so no stream of made-up Host headers can grow it.
MOST_BLOCKS = 64


def same_for_everyone(template, *vary):
    """An included block in which nothing comes from a person (the reminder links, the official
    help): rendered once per language and `vary` (what else it shows, e.g. the site's address),
    then kept, like the language menu."""
    key = (current_code(), request.script_root, template, *vary)
    blocks = caches().setdefault("blocks", {})
    block = blocks.get(key)
    if block is None:
        block = Markup(render_template(template))
        if cacheable():
            if len(blocks) >= MOST_BLOCKS:
                blocks.clear()
            blocks[key] = block
    return block


def once_per_language(name, make):
    """`make()`'s lazy words (a dict of them) as plain strings in this request's language,
    made once per language and `name`."""
    key = (current_code(), name)
    found = caches()["words"].get(key)
    if found is None:
        found = translated(make())
        if cacheable():
            caches()["words"][key] = found
    return found


def translated(value):
    """Lazy strings become what they render as: their translation, escaped (a translation is
    text, never markup: issue 14)."""
    if isinstance(value, dict):
        return {name: translated(item) for name, item in value.items()}
    return escape(str(value)) if isinstance(value, LazyString) else value


def catalog():
    """This request's catalog, looked up once (Flask-Babel walks g and the locale each call)."""
    found = g.get("_catalog")
    if found is None:
        found = g._catalog = get_translations()
    return found


def refresh():
    """After the language changes mid-request: Flask-Babel's locale and this request's catalog."""
    flask_babel.refresh()
    g.pop("_catalog", None)
    g.pop("_code", None)


def escaped_lazy_string(self):
    """A lazy message is text, never markup: Jinja escapes it like any other string."""
    return escape(str(self))


def lazy_string_text(self):
    """What Flask-Babel's lazy_gettext renders as, from this request's catalog (looked up once):
    Flask-Babel's gettext walks the context and formats the locale's name again for every
    message, some forty times a result page. Same text: `ugettext`, then `% variables`."""
    if self._func is flask_babel.gettext and has_request_context():
        return gettext(*self._args, **self._kwargs)
    return str(self._func(*self._args, **self._kwargs))


@pass_eval_context
def template_gettext(eval_context, string, **variables):
    """`_("...", name=value)` in a template: what Jinja's newstyle gettext gives, in one call."""
    translated = catalog().ugettext(string)
    if eval_context.autoescape:
        translated = Markup(translated)
    return translated % variables


def init(app):
    # Flask-Babel's LazyString says it is markup (`__html__` returns the text as it is), so Jinja
    # printed a lazy message quoting what someone typed ("<b hx-post=...> is not a date") as live
    # HTML, and any translation the same way (issue 14). Escaped, it renders the same for text.
    LazyString.__html__ = escaped_lazy_string
    LazyString.__str__ = lazy_string_text
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals["language_menu"] = language_menu
    app.jinja_env.globals["same_for_everyone"] = same_for_everyone
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalog().ugettext(s),
        ngettext=lambda s, p, n: catalog().ungettext(s, p, n),
        pgettext=lambda c, s: catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalog().unpgettext(c, s, p, n),
        newstyle=True,
    )
    # Jinja's newstyle `_()` goes through three context calls (the alias, the wrapper, the
    # function), some forty times a result page; this is the same in one: the translation from
    # this request's catalog, markup when autoescaping (so the variables are escaped), and always
    # `%`-formatted, as newstyle gettext does.
    app.jinja_env.globals["_"] = template_gettext
    app.add_template_filter(left_to_right, "ltr")
    app.add_template_filter(isolate_codes, "ltr_codes")
    app.add_template_filter(citation, "citation")
    app.add_template_filter(citations, "citations")
    app.add_template_filter(either, "either")

    @app.context_processor
    def review():
        """The notice's words for an unreviewed catalog, else None (English, reviewed ones)."""
        shown = review_notice.needs_notice(current_code())
        return {
            "review_notice": review_notice.NOTICE if shown else None,
            "read_in_english": review_notice.READ_IN_ENGLISH,
        }


TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"


@cache
def language_words():
    """{code: the word "Language" in that language}, from each catalog: shown beside the
    switcher so a person who cannot read the page's language still finds it."""
    return {
        code: Translations.load(str(TRANSLATIONS), [code]).gettext("Language") for code in LANGUAGES
    }
