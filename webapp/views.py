"""The questionnaire's pages. Every answer arrives by POST and is answered with 303 to a GET
(post/redirect/get), so back and refresh never resubmit a form.
"""
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import (Blueprint, abort, current_app, g, make_response, redirect, render_template,
                   request, session, url_for)
from flask_babel import format_date
from flask_babel import refresh as refresh_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_htmx import HTMX

import rules

from . import forms, i18n, refused_answers, speed, state, summary
from .flow import BY_ID
from .i18n import LANGUAGES
from .labels import COUNTIES, QUESTIONS, UNSURE, option_labels

bp = Blueprint("flow", __name__)
htmx = HTMX()
CALIFORNIA = ZoneInfo("America/Los_Angeles")
NEUTRAL_SITE = "https://www.google.com/"
RETURN_TO_CHECK = "check"
FULL = _l("Your answers are at the most this tool can keep at one time. Remove a conviction you do not need, or ask a legal aid worker for help with many convictions.")


def today():
    """The day in California: the law is applied as of this date (the engine never reads it)."""
    return datetime.now(CALIFORNIA).date()


# --- rendering -----------------------------------------------------------------------------

def is_fragment():
    return bool(htmx) and not htmx.history_restore_request


def render(template, title, status=200, errors=(), **context):
    """A full page, or for htmx only the content of <main> (same template)."""
    fragment = is_fragment()
    context.setdefault("heading", title)  # the page's h1 stays plain when the title says Error
    if errors:
        title = _("Error: %(title)s", title=title)
    html = render_template(template, title=title, fragment=fragment, errors=errors, **context)
    return respond(html, status, fragment)


def respond(html, status, fragment):
    response = make_response(html, status)
    response.vary.add("HX-Request")
    if fragment:
        where = request.full_path.rstrip("?")
        response.headers["HX-Replace-Url" if request.method == "POST" else "HX-Push-Url"] = where
    return response


def see_other(location):
    return redirect(location, code=303)


def returning():
    return request.args.get("return") == RETURN_TO_CHECK


def question_url(number, screen, back_to_check=False, address=url_for):
    """`address(endpoint, **values)`: url_for, or the fast lane's own builder (fast_lane.py)."""
    extra = {"return": RETURN_TO_CHECK} if back_to_check else {}
    if number is None:
        return address("flow.person_question", question_id=screen.id, **extra)
    return address("flow.question", number=number, question_id=screen.id, **extra)


def first_gap(screens, answers):
    return next((s for s in screens if s.key not in answers), None)


def resume_url():
    """Where someone with these answers should carry on."""
    as_of = today()
    for conviction in state.convictions():
        screens, kept = state.walk_conviction(conviction, as_of)
        gap = first_gap(screens, kept)
        if gap:
            return question_url(conviction["i"], gap)
    return url_for("flow.convictions")


def position(number, convictions=None):
    """Where conviction `number` is in the list (1, 2, ...), or None if it is not there."""
    listed = state.convictions() if convictions is None else convictions
    return next((i for i, c in enumerate(listed, start=1) if c["i"] == number), None)


def caption_for(place, gettext=_):
    """The line above a question's heading: "Conviction 2", or "About you" (`place` None).
    `gettext`: Flask-Babel's, or the fast lane's from a cached catalog."""
    if place is None:
        return gettext("About you")
    return gettext("Conviction %(number)s", number=place)


# --- start, language, start over, quick exit -----------------------------------------------

@bp.get("/")
def start():
    return render("start.html", _("Check if Prop 64 clears your cannabis conviction"),
                  has_answers=bool(state.convictions()))


@bp.post("/begin")
def begin():
    if not state.convictions():
        state.add_conviction()
    return see_other(resume_url())


def switching_language():
    """A language link clicked on a question whose choice was not sent yet: app.js posts the
    form with `switch_to` instead, and the same question comes back in that language, filled
    in as it was, with nothing saved (the worker's table does the same)."""
    return request.method == "POST" and request.form.get("switch_to") in LANGUAGES


@bp.before_request
def switch_language_first():
    # Before the view: its caption and words are then in the new language.
    if switching_language():
        session["l"] = request.form["switch_to"]
        refresh_locale()


@bp.get("/lang/<code>")
def language(code):
    if code not in LANGUAGES:
        abort(404)
    session["l"] = code
    return see_other(safe_next(request.args.get("next")))


def safe_next(target):
    """Only a path on this site: never an open redirect."""
    if (not target or not target.startswith("/") or target.startswith("//") or "\\" in target
            or not target.isprintable()):
        return url_for("flow.start")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return url_for("flow.start")
    return target


@bp.post("/start-over")
def start_over():
    state.wipe()
    return see_other(url_for("flow.start"))


@bp.route("/exit", methods=["GET", "POST"])
def quick_exit():
    session.clear()
    response = redirect(NEUTRAL_SITE, code=303)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.get("/favicon.ico")
def favicon():
    return current_app.send_static_file("favicon.svg")


# --- one question per page -----------------------------------------------------------------

@bp.route("/c/<int:number>/<question_id>", methods=["GET", "POST"])
def question(number, question_id):
    conviction = state.find(number)
    screen = BY_ID["conviction"].get(question_id)
    if conviction is None or screen is None:
        abort(404)
    as_of = today()
    # Only as far as this question: its page and the way back need no more (issue 7).
    screens, kept = state.walk_conviction(conviction, as_of, until=screen)
    if screen not in screens:
        # An earlier answer means this question does not matter: go on from where it would be.
        return see_other(next_after_conviction(number, None))
    back = previous_url(number, screens, screen)
    return ask(screen, number, kept, back, caption_for(position(number)))


@bp.route("/about-you/<question_id>", methods=["GET", "POST"])
def person_question(question_id):
    screen = BY_ID["person"].get(question_id)
    if screen is None:
        abort(404)
    if not state.convictions():
        return see_other(url_for("flow.start"))
    screens, kept = state.walk_person(today())
    if screen not in screens:
        return see_other(next_after_person(None))
    back = previous_url(None, screens, screen)
    return ask(screen, None, kept, back, caption_for(None))


def ask(screen, number, kept, back, caption):
    words = speed.words(screen.id, QUESTIONS[screen.id])
    stale = g.get("stale_form")  # set by the CSRF error handler: show, never save
    if request.method == "POST":
        form = forms.make(screen, today(), kept, formdata=request.form)
        if stale:
            form.form_errors.append(stale)
        elif switching_language():
            pass  # shown again as sent, unsaved and unchecked
        elif form.validate():
            before = state.find(number) if number is not None else state.person_answers()
            state.save_answers(number, form.answers_given())
            if state.fits(current_app):
                if number is None:
                    return see_other(next_after_person(screen))
                return see_other(next_after_conviction(number, screen))
            restore(number, before)
            form.form_errors.append(FULL)
    template = template_for(screen)
    title = str(words["title"])
    context = {"words": words, "choices": speed.choices(screen),
               "counties": speed.counties() if screen.type == "select" else None}
    action = request.full_path.rstrip("?")
    if request.method != "POST":  # GET (or HEAD)
        # Asked again because the engine refused the stored answer (refused_answers.py)?
        notice = refused_answers.notice_for(number, screen)
        # The common case, from a per-language skeleton, with no form made (issue 7).
        html = None if notice else speed.question_page(
            template, screen, forms.stored(screen, kept), lambda: forms.make(screen, today(), {}),
            back, caption, action, is_fragment(), title=title, heading=title, **context)
        if html is not None:
            return respond(html, 200, is_fragment())
        form = forms.make(screen, today(), kept)
        if notice:
            form.form_errors.append(notice)
    errors = ([("main-heading", message) for message in form.form_errors]
              + form.problems())
    return render(template, title, status=400 if stale else 200, errors=errors, form=form,
                  screen=screen, back=back, caption=caption, action=action, **context)


def template_for(screen):
    """One template per question type."""
    return f"question_{'choice' if screen.type == 'yes_no_unsure' else screen.type}.html"


def restore(number, before):
    if number is None:
        session["p"] = before
    else:
        session["c"] = [before if c["i"] == number else c for c in state.convictions()]


def next_after_conviction(number, screen):
    conviction = state.find(number)
    screens, kept = state.walk_conviction(conviction, today())
    if returning():
        gap = first_gap(screens, kept)
        return question_url(number, gap, True) if gap else url_for("flow.check")
    later = screens[screens.index(screen) + 1:] if screen in screens else [first_gap(screens, kept)]
    later = [s for s in later if s is not None]
    return question_url(number, later[0]) if later else url_for("flow.convictions")


def next_after_person(screen):
    screens, kept = state.walk_person(today())
    if returning() or screen is None:
        gap = first_gap(screens, kept)
        if gap:
            return question_url(None, gap, returning())
        return url_for("flow.check")
    later = screens[screens.index(screen) + 1:] if screen in screens else []
    return question_url(None, later[0]) if later else url_for("flow.check")


def previous_url(number, screens, screen):
    return way_back(number, screens, screen, returning(), len(state.convictions()), url_for)


def way_back(number, screens, screen, back_to_check, count, address):
    """The address of the page before `screen`; `count`: how many convictions there are,
    `address`: as question_url's."""
    if back_to_check:
        return address("flow.check")
    earlier = screens[:screens.index(screen)]
    if earlier:
        return question_url(number, earlier[-1], address=address)
    if number is None or count > 1:
        return address("flow.convictions")
    return address("flow.start")


# --- the list of convictions (the loop) ------------------------------------------------------

@bp.route("/convictions", methods=["GET", "POST"])
def convictions():
    if not state.convictions() and request.method == "GET":
        return render("convictions.html", _("Your convictions"), rows=[], form=forms.AnotherForm())
    form = forms.AnotherForm()
    if request.method == "POST":
        if form.validate():
            if form.answer.data == "y":
                if not state.can_add():
                    form.answer.errors.append(FULL)
                else:
                    number = state.add_conviction()
                    if state.fits(current_app):
                        return see_other(question_url(number, BY_ID["conviction"]["where"]))
                    state.remove_conviction(number)
                    form.answer.errors.append(FULL)
            elif not state.convictions():
                form.answer.errors.append(forms.ADD_ONE)
            else:
                return see_other(next_after_person(None) if complete_convictions()
                                 else resume_url())
    as_of = today()
    rows = [describe(c, i, as_of) for i, c in enumerate(state.convictions(), start=1)]
    return render("convictions.html", _("Your convictions"), errors=form.problems(), rows=rows,
                  form=form)


def complete_convictions():
    as_of = today()
    return all(first_gap(*state.walk_conviction(c, as_of)) is None for c in state.convictions())


@bp.post("/c/<int:number>/remove")
def remove(number):
    if state.find(number) is None:
        abort(404)
    state.remove_conviction(number)
    return see_other(url_for("flow.convictions"))


def describe(conviction, place, as_of):
    """A row for the list and the check page: what the person said, in their words."""
    screens, kept = state.walk_conviction(conviction, as_of)
    answers = []
    for screen in screens:
        answers.append({
            "question": QUESTIONS[screen.id]["short"],
            "answer": answer_words(screen, kept),
            "change": question_url(conviction["i"], screen, True),
            "missing": screen.key not in kept,
        })
    gap = first_gap(screens, kept)
    offense = kept.get("s") or (
        option_labels("offense", "choice", BY_ID["conviction"]["offense"].options).get(kept.get("o")))
    return {
        "number": conviction["i"],
        "place": place,
        "heading": caption_for(place),
        "offense": offense,
        "year": (kept.get("cd") or "")[:4] if kept.get("cd") not in (None, "u") else None,
        "answers": answers,
        "resume": question_url(conviction["i"], gap) if gap else None,
    }


def answer_words(screen, kept):
    value = kept.get(screen.key)
    if value is None:
        return None
    if screen.type == "select":
        return COUNTIES[int(value) - 1] if value != "u" else str(UNSURE)
    if screen.type == "date":
        if value == "u":
            return str(UNSURE)
        if len(value) == 10:  # a day, as worker mode keeps dates copied from a record
            return format_date(date.fromisoformat(value), "long")
        year, _sep, month = value.partition("-")
        return i18n.month_and_year(int(year), int(month)) if month else year
    words = str(option_labels(screen.id, screen.type, screen.options)[value])
    if screen.detail and kept.get(screen.detail["key"]):
        words = f"{words}: {kept[screen.detail['key']]}"
    return words


# --- check answers, result, summary -----------------------------------------------------------

@bp.get("/check")
def check():
    if not state.convictions():
        return see_other(url_for("flow.start"))
    as_of = today()
    rows = [describe(c, i, as_of) for i, c in enumerate(state.convictions(), start=1)]
    screens, kept = state.walk_person(as_of)
    person = [{
        "question": QUESTIONS[s.id]["short"],
        "answer": answer_words(s, kept),
        "change": question_url(None, s, True),
        "missing": s.key not in kept,
    } for s in screens]
    complete = all(r["resume"] is None for r in rows) and first_gap(screens, kept) is None
    return render("check.html", _("Check your answers"), rows=rows, person=person,
                  complete=complete)


def determination_or_redirect():
    if not state.convictions():
        return None, see_other(url_for("flow.start"))
    as_of = today()
    if not complete_convictions():
        return None, see_other(resume_url())
    gap = first_gap(*state.walk_person(as_of))
    if gap:
        return None, see_other(question_url(None, gap))
    case = state.build_case(as_of)
    return (case, rules.evaluate(case)), None


@bp.get("/result")
def result():
    return result_page()


def result_page(**wording):
    """The result page; worker mode passes its own `wording` (change link, a note)."""
    found, elsewhere = determination_or_redirect()
    if elsewhere:
        return elsewhere
    case, determination = found
    cards = summary.cards(case, determination, state.convictions())
    return render("result.html", _("Your result"), cards=cards,
                  checked_on=format_date(today(), "long"),
                  text=summary.plain_text(cards, today()), **wording)


@bp.get("/summary.txt")
def summary_text():
    found, elsewhere = determination_or_redirect()
    if elsewhere:
        return elsewhere
    case, determination = found
    cards = summary.cards(case, determination, state.convictions())
    response = make_response(summary.plain_text(cards, today()))
    response.mimetype = "text/plain"
    response.headers["Content-Disposition"] = 'inline; filename="fresh-start-summary.txt"'
    return response
