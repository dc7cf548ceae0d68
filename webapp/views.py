"""The questionnaire's routes. Every answer arrives by POST. Without JavaScript it is answered
with 303 to a GET (post/redirect/get), so back and refresh never resubmit a form; a POST from
htmx gets the next page's fragment itself, with HX-Push-Url (pages.see_other). The result
page and the summary are made in result.py (worker mode shows the same).
"""

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from . import flow, forms, i18n, refused_answers, state, walks
from . import result as result_pages
from .flow import BY_ID
from .i18n import LANGUAGES
from .labels import QUESTIONS
from .navigation import (
    complete_convictions,
    next_after_conviction,
    next_after_person,
    position,
    previous_url,
    question_url,
    resume_url,
)
from .pages import FULL, is_fragment, render, see_other, today
from .presentation import answer_words, caption_for, choices, counties, describe

bp = Blueprint("flow", __name__)
NEUTRAL_SITE = "https://www.google.com/"


# --- start, language, start over, quick exit -----------------------------------------------


@bp.get("/")
def start():
    return render(
        "start.html",
        _("Check if Prop 64 clears your cannabis conviction"),
        has_answers=bool(state.convictions()),
        deleted=bool(session.pop("deleted", None)),
    )


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
        session["language"] = request.form["switch_to"]
        i18n.refresh()


@bp.get("/lang/<code>")
def language(code):
    if code not in LANGUAGES:
        abort(404)
    session["language"] = code
    # "Read this page in English" from a translation: English pages then offer the way back.
    back = request.args.get("back")
    if code == "en" and back in LANGUAGES and back != "en":
        session["english_from"] = back
    else:
        session.pop("english_from", None)
    return see_other(safe_next(request.args.get("next")))


def safe_next(target):
    """Only a path on this site: never an open redirect."""
    if (
        not target
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or not target.isprintable()
    ):
        return url_for("flow.start")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return url_for("flow.start")
    return target


@bp.route("/start-over", methods=["GET", "POST"])
def start_over():
    """Asks first (a page, so it works without JavaScript): Start over sits next to Quick exit,
    and one tap by mistake wiped about 20 answers (issue 15). Quick exit stays instant."""
    if request.method == "GET":
        return render(
            "start_over.html",
            _("Delete your answers and start over?"),
            back=safe_next(request.args.get("next")),
        )
    state.wipe()
    session["deleted"] = 1  # "your answers were deleted", shown once by the start page
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
    if screen is not None and not state.convictions():
        return answers_gone()
    if conviction is None or screen is None:
        abort(404)
    as_of = today()
    # Only as far as this question: its page and the way back need no more (issue 7).
    screens, kept = walks.walk_conviction(conviction, as_of, until=screen)
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
        return answers_gone()
    screens, kept = walks.walk_person(today())
    if screen not in screens:
        return see_other(next_after_person(None))
    back = previous_url(None, screens, screen)
    return ask(screen, None, kept, back, caption_for(None))


def answers_gone():
    """A question's address with no answers behind it: the browser dropped the cookie after 60
    minutes (or Quick exit, Start over). Said so, with the way to start again, rather than
    "Page not found" (issue 15); the words of an expired cookie, which is the same case."""
    from .errors import unreadable_page  # errors imports worker mode, which imports this module

    return unreadable_page("expired")


def ask(screen, number, kept, back, caption):
    words = i18n.once_per_language(screen.id, lambda: QUESTIONS[screen.id])
    stale = g.get("stale_form")  # set by the CSRF error handler: show, never save
    typed = None if request.method == "POST" else state.take_typed(request.path)
    if typed:  # sent with errors (or a language switch) and redirected here: shown once
        pairs, check = typed
        form = forms.make(screen, today(), kept, formdata=MultiDict(pairs))
        if check:
            form.validate()
    elif request.method == "POST":
        form = forms.make(screen, today(), kept, formdata=request.form)
        if stale:
            form.form_errors.append(stale)
        elif switching_language():
            if not is_fragment():
                return show_again(check=False)  # shown again as sent, unsaved and unchecked
        elif form.validate():
            before = state.find(number) if number is not None else state.person_answers()
            state.save_answers(number, form.answers_given())
            if state.fits(current_app):
                if number is None:
                    return see_other(next_after_person(screen))
                return see_other(next_after_conviction(number, screen))
            state.restore_answers(number, before)
            form.form_errors.append(FULL)
        elif not is_fragment():
            return show_again()
    else:  # GET (or HEAD)
        form = forms.make(screen, today(), kept)
        # Asked again because the engine refused the stored answer (refused_answers.py)?
        notice = refused_answers.notice_for(number, screen)
        if notice:
            form.form_errors.append(notice)
    errors = [("main-heading", message) for message in form.form_errors] + form.problems()
    return render(
        template_for(screen),
        str(words["title"]),
        status=400 if stale else 200,
        errors=errors,
        form=form,
        screen=screen,
        back=back,
        caption=caption,
        action=request.full_path.rstrip("?"),
        words=words,
        choices=choices(screen),
        counties=counties() if screen.type == "select" else None,
    )


def show_again(check=True):
    """A form sent without JavaScript that did not go through: 303 to this page, which shows it
    once as it was sent (post/redirect/get: Back never offers to send it again). htmx's POSTs
    are answered in place, keeping the URL (HX-Replace-Url)."""
    state.keep_typed(request.path, request.form, check)
    return see_other(request.full_path.rstrip("?"))


def template_for(screen):
    """One template per question type."""
    return f"question_{'choice' if screen.type == 'yes_no_unsure' else screen.type}.html"


# --- the list of convictions (the loop) ------------------------------------------------------


@bp.route("/convictions", methods=["GET", "POST"])
def convictions():
    if not state.convictions() and request.method == "GET":
        return render("convictions.html", _("Your convictions"), rows=[], form=forms.AnotherForm())
    form = forms.AnotherForm()
    if request.method == "POST":
        if form.validate():
            if form.answer.data in ("y", "o"):
                if not state.can_add():
                    form.answer.errors.append(FULL)
                else:
                    number = state.add_conviction(
                        flow.NOT_CANNABIS if form.answer.data == "o" else None
                    )
                    if state.fits(current_app):
                        return see_other(question_url(number, BY_ID["conviction"]["where"]))
                    state.remove_conviction(number)
                    form.answer.errors.append(FULL)
            elif not state.convictions():
                form.answer.errors.append(forms.ADD_ONE)
            else:
                return see_other(
                    next_after_person(None) if complete_convictions() else resume_url()
                )
    as_of = today()
    rows = [describe(c, i, as_of) for i, c in enumerate(state.convictions(), start=1)]
    return render(
        "convictions.html", _("Your convictions"), errors=form.problems(), rows=rows, form=form
    )


@bp.post("/c/<int:number>/remove")
def remove(number):
    if state.find(number) is None:
        abort(404)
    state.remove_conviction(number)
    return see_other(url_for("flow.convictions"))


# --- check answers, result, summary -----------------------------------------------------------


@bp.get("/check")
def check():
    if not state.convictions():
        return see_other(url_for("flow.start"))
    as_of = today()
    rows = [describe(c, i, as_of) for i, c in enumerate(state.convictions(), start=1)]
    screens, kept = walks.walk_person(as_of)
    person = [
        {
            "question": QUESTIONS[s.id]["short"],
            "answer": answer_words(s, kept),
            "change": question_url(None, s, True),
            "missing": s.id not in kept,
        }
        for s in screens
    ]
    complete = all(r["resume"] is None for r in rows) and flow.first_gap(screens, kept) is None
    return render(
        "check.html", _("Check your answers"), rows=rows, person=person, complete=complete
    )


@bp.get("/result")
def result():
    return result_pages.page()


@bp.get("/summary.txt")
def summary_text():
    return result_pages.plain_text()
