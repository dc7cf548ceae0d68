"""Which questions apply and which answers count: the walks through flow.yaml, per request.

A walk is computed once per request and kept on flask.g, so it is gone when the response is
sent: nothing about the person outlives the request.
"""

from flask import g

from . import case_builder
from .conditions import Context
from .flow import CONVICTION_SCREENS, PERSON_SCREENS, walk
from .state import convictions, person_answers


def conviction_id(number):
    return f"c{number}"


def walk_conviction(conviction, as_of, until=None):
    """(applicable screens, kept answers) for one conviction, computed once per request;
    with `until`, only as far as that screen (flow.walk).

    The memo lives on flask.g, so it is gone when the response is sent: nothing about the
    person outlives the request.
    """
    memo = g.setdefault("walks", {})
    key = (tuple(sorted(conviction.items())), as_of, until and until.id)
    if key not in memo:
        cid = conviction_id(conviction["number"])

        def context(kept):
            return Context(
                kept, lambda a: case_builder.build(as_of, [(cid, a)], {}), cid, (cid, as_of)
            )

        memo[key] = walk(CONVICTION_SCREENS, conviction, context, until)
    return memo[key]


def kept_convictions(as_of):
    """[(conviction id, the answers that count)] for every conviction."""
    return [(conviction_id(c["number"]), walk_conviction(c, as_of)[1]) for c in convictions()]


def walk_person(as_of):
    if not convictions():
        return [], {}
    memo = g.setdefault("walks", {})
    key = ("person", tuple(sorted(person_answers().items())), as_of)
    if key not in memo:
        kept_cases = kept_convictions(as_of)
        convictions_kept = tuple((cid, tuple(kept.items())) for cid, kept in kept_cases)

        def context(kept):
            return Context(
                kept,
                lambda a: case_builder.build(as_of, kept_cases, a),
                same_case=("person", as_of, convictions_kept),
            )

        memo[key] = walk(PERSON_SCREENS, person_answers(), context)
    return memo[key]


def build_case(as_of):
    return case_builder.build(as_of, kept_convictions(as_of), walk_person(as_of)[1])
