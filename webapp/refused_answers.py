"""A stored answer the engine refuses is an unanswered question, never a 500 (issue 14).

The cookie schema (cookie_schema.py) lets through only values this app stores, but the engine
can still refuse one of them: a year 0000, a date an older version kept, a rule of the engine
that is stricter than the form. Before, `rules.InvalidCase` escaped from every page that builds
the case (the list, check answers, the result, the summary) and each gave a 500 until the person
found and retyped the answer, with nothing telling them which.

Now the app finds the answer: it tries the person's convictions one by one, then the answers
about the person, and within the refused one takes answers away screen by screen, in flow order,
until the engine accepts the case. That screen's answer is removed (every other answer is kept),
the cookie remembers which question to explain (`refused`: [conviction number or 0, screen id]), and
the person is sent to that question, which says why it is asked again.
"""

import logging

from flask import session
from flask_babel import lazy_gettext as _l

import rules

from . import case_builder, state
from .flow import CONVICTION_SCREENS, PERSON_SCREENS, answer_names
from .navigation import question_url
from .pages import render, see_other, today
from .walks import conviction_id

log = logging.getLogger(__name__)

ASKED_AGAIN = _l(
    "Your earlier answer to this question could not be used. Please answer it again. Your other answers are still here."
)
UNUSABLE = _l("One of your answers could not be used. Please check your answers, or start again.")
NOTICE_KEY = "refused"


def accepted(case):
    try:
        rules.evaluate(case)
    except ValueError:  # InvalidCase, or a date the engine cannot compute with
        return False
    return True


def refused_screen(answers, screens, build):
    """The first screen (flow order) whose answer, taken away, makes the case acceptable."""
    if accepted(build(answers)):
        return None
    for screen in screens:
        names = answer_names(screen)
        if any(name in answers for name in names):
            fewer = {name: value for name, value in answers.items() if name not in names}
            if accepted(build(fewer)):
                return screen
    return None


def find_refused(as_of):
    """(conviction number or None for the person, screen) of the refused answer, or None."""
    for conviction in state.convictions():
        cid = conviction_id(conviction["number"])

        def alone(answers, cid=cid):
            return case_builder.build(as_of, [(cid, answers)], {})

        screen = refused_screen(conviction, CONVICTION_SCREENS, alone)
        if screen is not None:
            return conviction["number"], screen
    kept = [(conviction_id(c["number"]), c) for c in state.convictions()]
    if kept:
        screen = refused_screen(
            state.person_answers(),
            PERSON_SCREENS,
            lambda answers: case_builder.build(as_of, kept, answers),
        )
        if screen is not None:
            return None, screen
    return None


def forget(number, screen):
    """The refused answer goes; the question it belongs to will say why it is asked again."""
    state.save_answers(number, dict.fromkeys(answer_names(screen)))
    session[NOTICE_KEY] = [number or 0, screen.id]


def notice_for(number, screen):
    """The message for this question if its answer was just refused (shown once)."""
    if session.get(NOTICE_KEY) == [number or 0, screen.id]:
        session.pop(NOTICE_KEY)
        return ASKED_AGAIN
    return None


def init(app):
    @app.errorhandler(rules.InvalidCase)
    def refused(error):
        # The traceback names code, never the answer (the message may quote it).
        log.warning("a stored answer was refused by the engine (%s)", type(error).__name__)
        found = find_refused(today())
        if found is None:
            return render(
                "error.html", str(UNUSABLE), status=400, message=UNUSABLE, offer_start=True
            )
        number, screen = found
        forget(number, screen)
        return see_other(question_url(number, screen))
