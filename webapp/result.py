"""The result: one determination and one set of cards per request, shown as the result page
(the public walk's, and worker mode's with its own wording) or as the plain-text summary.

Only answers to questions that apply count (walks.py), and the result comes only from
`rules.evaluate`: nothing here decides eligibility.
"""

from flask import make_response, url_for
from flask_babel import format_date
from flask_babel import gettext as _

import rules

from . import flow, state, summary, walks
from .navigation import complete_convictions, question_url, resume_url
from .pages import render, see_other, today


def cards_or_redirect():
    """(the cards, None) when every question that applies is answered, else (None, the
    redirect to the first one left, or to the start page when there is nothing yet)."""
    if not state.convictions():
        return None, see_other(url_for("flow.start"))
    as_of = today()
    if not complete_convictions():
        return None, see_other(resume_url())
    gap = flow.first_gap(*walks.walk_person(as_of))
    if gap:
        return None, see_other(question_url(None, gap))
    case = walks.build_case(as_of)
    return summary.cards(case, rules.evaluate(case), state.convictions()), None


def page(**wording):
    """The result page; worker mode passes its own `wording` (change link, a note)."""
    cards, elsewhere = cards_or_redirect()
    if elsewhere:
        return elsewhere
    day = today()
    return render(
        "result.html",
        _("Your result"),
        cards=cards,
        checked_on=format_date(day, "long"),
        text=summary.plain_text(cards, day),
        **wording,
    )


def plain_text():
    """The summary as a text file to keep or print."""
    cards, elsewhere = cards_or_redirect()
    if elsewhere:
        return elsewhere
    response = make_response(summary.plain_text(cards, today()))
    response.mimetype = "text/plain"
    response.headers["Content-Disposition"] = 'inline; filename="fresh-start-summary.txt"'
    return response
