"""Where a person goes: the address of each question, and of the page after, before or to
resume at. Which screen that is comes from the walk and flow.py; this module turns it into an
address (and knows the check page's "?return=check" round trip).
"""

from typing import Any

from flask import request, url_for

from . import flow, state, walks
from .pages import today

RETURN_TO_CHECK = "check"


def returning():
    return request.args.get("return") == RETURN_TO_CHECK


def question_url(number, screen, back_to_check=False):
    extra: dict[str, Any] = {"return": RETURN_TO_CHECK} if back_to_check else {}
    if number is None:
        return url_for("flow.person_question", question_id=screen.id, **extra)
    return url_for("flow.question", number=number, question_id=screen.id, **extra)


def resume_url():
    """Where someone with these answers should carry on."""
    as_of = today()
    for conviction in state.convictions():
        screens, kept = walks.walk_conviction(conviction, as_of)
        gap = flow.first_gap(screens, kept)
        if gap:
            return question_url(conviction["number"], gap)
    return url_for("flow.convictions")


def position(number, convictions=None):
    """Where conviction `number` is in the list (1, 2, ...), or None if it is not there."""
    listed = state.convictions() if convictions is None else convictions
    return next((i for i, c in enumerate(listed, start=1) if c["number"] == number), None)


def next_after_conviction(number, screen):
    conviction = state.find(number)
    screens, kept = walks.walk_conviction(conviction, today())
    if returning():
        gap = flow.first_gap(screens, kept)
        return question_url(number, gap, True) if gap else url_for("flow.check")
    following = flow.after(screens, kept, screen)
    return question_url(number, following) if following else url_for("flow.convictions")


def next_after_person(screen):
    screens, kept = walks.walk_person(today())
    if returning() or screen is None:
        gap = flow.first_gap(screens, kept)
        if gap:
            return question_url(None, gap, returning())
        return url_for("flow.check")
    following = flow.after(screens, kept, screen) if screen in screens else None
    return question_url(None, following) if following else url_for("flow.check")


def previous_url(number, screens, screen):
    """The address of the page before `screen`."""
    if returning():
        return url_for("flow.check")
    earlier = flow.before(screens, screen)
    if earlier:
        return question_url(number, earlier)
    if number is None or len(state.convictions()) > 1:
        return url_for("flow.convictions")
    return url_for("flow.start")


def complete_convictions():
    as_of = today()
    return all(
        flow.first_gap(*walks.walk_conviction(c, as_of)) is None for c in state.convictions()
    )
