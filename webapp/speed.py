"""A question page's fixed costs, paid once per language instead of once per request (issue 7).

Everything cached here is the same for everyone who reads the site in one language: the
language menu's markup, addresses without arguments, translated question words. Nothing in
these caches comes from a person's answers, cookie or form; what does (the page's own address
in the menu's links, the chosen option) is filled in per request and never kept.
"""
from urllib.parse import quote_plus

from flask import current_app, g, render_template, request, session, url_for
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString
from flask_wtf.csrf import generate_csrf
from itsdangerous import URLSafeTimedSerializer
from markupsafe import Markup, escape

from . import review_notice
from .forms import county_choices, county_codes
from .labels import option_labels

# Stands for this page's address while the menu is rendered once; url_for leaves it as it is.
HERE = "/__here__"
MONTH_CODES = {f"{number:02d}" for number in range(1, 13)}  # as forms.DateForm.months()
COUNTY_CODES = county_codes()  # the same in every language
# What werkzeug's url_for leaves unescaped in a query value.
QUERY_SAFE = "!$'()*,/:;?@"


def caches(app=None):
    """This app's caches (one app per process when served; tests make many, with different
    catalogs): {"menus", "paths", "words", "skeletons", "csrf"}: {key: value}."""
    app = app or current_app
    return app.extensions.setdefault("speed", {name: {} for name in (
        "menus", "paths", "words", "skeletons", "csrf", "catalogs")})


def locale_code():
    return str(get_locale() or "en")


def cacheable(app=None):
    """Off while templates reload (the debug server): an edited template shows at once."""
    return not (app or current_app).jinja_env.auto_reload


def fast_pages(app=None):
    """Question pages from skeletons (and so the fast lane): on unless switched off in the
    configuration (tests compare with full rendering) or while templates reload."""
    app = app or current_app
    return app.config.get("FAST_PAGES", True) and cacheable(app)


def language_menu(here):
    """The language menu (and the review notice, if any) with links back to `here`."""
    code = locale_code()
    key = (code, request.script_root, review_notice.needs_notice(code))
    menu = caches()["menus"].get(key)
    if menu is None:
        menu = str(render_template("language_menu.html", here=HERE))
        if cacheable():
            caches()["menus"][key] = menu
    return Markup(menu.replace(HERE, str(escape(quote_plus(here, safe=QUERY_SAFE)))))


def path(endpoint):
    """url_for(endpoint) for an address without arguments, built once per mount point."""
    key = (endpoint, request.script_root)
    found = caches()["paths"].get(key)
    if found is None:
        found = caches()["paths"][key] = url_for(endpoint)
    return found


def words(screen_id, labels):
    """A question's lazy words (a dict, or a function giving one) as plain strings in this
    request's language, made once."""
    key = (locale_code(), screen_id)
    found = caches()["words"].get(key)
    if found is None:
        found = translated(labels() if callable(labels) else labels)
        if cacheable():
            caches()["words"][key] = found
    return found


def choices(screen):
    """{code: label} for a choice screen's options, in this request's language."""
    if screen.type not in ("choice", "yes_no_unsure"):
        return None
    return words(f"{screen.id} options",
                 lambda: option_labels(screen.id, screen.type, screen.options))


def counties():
    """[(code, name)] for the county list, "I'm not sure" last, in this request's language."""
    return words("counties", lambda: dict(county_choices())).items()


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
        if cacheable():  # for the fast lane (fast_lane.py), which runs outside Flask-Babel
            caches()["catalogs"].setdefault(locale_code(), found)
    return found


def csrf_token():
    """flask_wtf.csrf.generate_csrf, the same token, without building its serializer (and the
    HMAC behind it) anew on every request. The first page of a visit, which has to make the
    session's secret, and any configuration out of the ordinary go to Flask-WTF itself."""
    if g.get("_skeleton"):
        return TOKEN
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    token = None if field in g else signed_token(current_app, session)
    if token is None:
        return generate_csrf()
    setattr(g, field, token)
    return token


def signed_token(app, answers):
    """The visit's form token, signed now from the secret kept in `answers` (the session, or the
    fast lane's cookie read); None when Flask-WTF must make it: the visit's first page, which
    has to make the secret, or a configuration out of the ordinary."""
    config = app.config
    field = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    secret = config.get("WTF_CSRF_SECRET_KEY", app.secret_key)
    if field not in answers or not isinstance(secret, (str, bytes)):
        return None
    return token_serializer(app, secret).dumps(answers[field])


def token_serializer(app, secret):
    """Flask-WTF's form-token serializer for `secret`, made once."""
    serializer = caches(app)["csrf"].get(secret)
    if serializer is None:
        serializer = caches(app)["csrf"][secret] = URLSafeTimedSerializer(secret,
                                                                           salt="wtf-csrf-token")
    return serializer


def init(app):
    """After CSRFProtect(app), which installs its own csrf_token() as a global and through a
    context processor: both are replaced (a later context processor wins)."""
    app.jinja_env.globals.update(language_menu=language_menu, path=path, csrf_token=csrf_token)
    app.context_processor(lambda: {"csrf_token": csrf_token})
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: catalog().ugettext(s),
        ngettext=lambda s, p, n: catalog().ungettext(s, p, n),
        pgettext=lambda c, s: catalog().upgettext(c, s),
        npgettext=lambda c, s, p, n: catalog().unpgettext(c, s, p, n),
        newstyle=True,
    )


# --- question pages from a skeleton -----------------------------------------------------------
# A question page without errors is the same for everyone reading one question in one language
# but for a few values: rendered once with stand-ins for them, it is filled in per request.
BACK, CAPTION, ACTION, TOKEN = "zqBACKzq", "zqCAPTIONzq", "/zqACTIONzq", "zqTOKENzq"


def skeleton_key(code, script_root, template, screen_id, fragment):
    return (code, script_root, review_notice.needs_notice(code), template, screen_id, fragment)


def question_page(template, screen, values, empty_form, back, caption, action, fragment,
                  **context):
    """The page's HTML, or None when it must be rendered in full (debug, values the skeleton
    cannot take exactly, a template changed so that a stand-in no longer fits). `values`: what
    the form would show (forms.stored); `empty_form()`: the form with nothing in it."""
    if not (back and caption and fast_pages()):
        return None
    key = skeleton_key(locale_code(), request.script_root, template, screen.id, fragment)
    skeleton = caches()["skeletons"].get(key)
    if skeleton is None:
        g._skeleton = True
        try:
            skeleton = str(render_template(template, fragment=fragment, errors=(),
                                           form=empty_form(),
                                           screen=screen, back=BACK, caption=CAPTION,
                                           action=ACTION, here=HERE, **context))
        finally:
            g._skeleton = False
        if skeleton.count('name="csrf_token" value="') != skeleton.count(TOKEN):
            return None  # a token not made by csrf_token() above: never keep one
        caches()["skeletons"][key] = skeleton
    return fill(skeleton, screen, values, back, caption, action, csrf_token)


def fill(skeleton, screen, values, back, caption, action, token):
    """A skeleton with this request's values in it, or None if one does not fit exactly.
    `token()` gives the form token, asked only once the page is sure to be made."""
    html = skeleton
    for old, new in value_patches(screen, values):
        if html.count(old) != 1:
            return None
        html = html.replace(old, new)
    return (html.replace(BACK, str(escape(back))).replace(CAPTION, str(escape(caption)))
            .replace(ACTION, str(escape(action))).replace(TOKEN, token())
            .replace(HERE, str(escape(quote_plus(action, safe=QUERY_SAFE)))))


def value_patches(screen, values):
    """[(markup in the skeleton, the same with this person's value)]: what the macros' `checked`,
    `selected` and `value` would have written for the form's `values`."""
    patches = []

    def chosen(name, value, codes, attribute):
        if value in codes:
            patches.append((f'name="{name}" value="{value}">',
                            f'name="{name}" value="{value}" {attribute}>'))

    def typed(name, value):
        if value:
            patches.append((f'name="{name}" value=""', f'name="{name}" value="{escape(value)}"'))

    def selected(value, codes):
        if value in codes:
            patches.append((f'<option value="{value}">', f'<option value="{value}" selected>'))

    if screen.type in ("choice", "yes_no_unsure"):
        chosen("answer", values.get("answer"), screen.options, "checked")
        if screen.detail:
            typed("detail", values.get("detail"))
    elif screen.type == "select":
        selected(values.get("answer"), COUNTY_CODES)
    else:
        typed("year", values.get("year"))
        selected(values.get("month"), MONTH_CODES)
        if values.get("unsure"):
            patches.append(('name="unsure" value="y">', 'name="unsure" value="y" checked>'))
    return patches
