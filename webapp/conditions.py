"""The conditions the flow uses to decide whether a screen is asked (flow.yaml's `when:`).

A condition takes a Context: the answers kept so far for the conviction being asked about
(`answers`), and the case builder to ask the engine with. `answer: {<question>: [answers]}`
checks an earlier answer; `decisive: <fact path>` asks `rules.decisive_facts` whether that fact
can change this person's result, so nobody is asked a question whose answer cannot matter.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass

from flask import g, has_request_context

import rules


class UnknownCondition(ValueError):
    pass


@dataclass(frozen=True)
class Context:
    answers: dict  # answers kept so far in this scope
    case_for: Callable[[dict], dict]  # kept answers -> the engine's case dict
    conviction_id: str | None = None  # None on person-level screens


def answered(key, allowed, name):
    """True when the earlier question `name` (its answer kept under `key`) got one of `allowed`."""

    def check(context):
        return context.answers.get(key) in allowed

    check.__name__ = f"answer({name} in {sorted(allowed)})"
    return check


def decisive(path, scope):
    prefix = path.split(".", 1)[0]
    allowed = {"conviction": ("conduct", "priors", "sentence"), "person": ("person",)}[scope]
    if prefix not in allowed or "." not in path:
        raise UnknownCondition(f"decisive: {path!r} is not a {scope} fact path")

    def check(context):
        facts = decisive_facts(context.case_for(context.answers))
        if context.conviction_id is not None:
            return path in facts.get(context.conviction_id, ())
        return any(path in paths for paths in facts.values())

    check.__name__ = f"decisive({path})"
    return check


def decisive_facts(case):
    """rules.decisive_facts, asked once per distinct case in a request.

    Consecutive screens often see the same answers, and one page walks a conviction more
    than once. The memo lives on flask.g and dies with the request: nothing is kept.
    """
    memo = g.setdefault("decisive", {}) if has_request_context() else {}
    key = json.dumps(case, sort_keys=True)
    if key not in memo:
        memo[key] = rules.decisive_facts(case)
    return memo[key]


def compile(spec, scope, keys):
    """A flow `when:` entry -> a callable(Context) -> bool. `keys`: {screen id: answer key} of
    the screens before this one (flow.py: only the flow knows where an answer is kept)."""
    if isinstance(spec, dict) and list(spec) == ["decisive"]:
        return decisive(spec["decisive"], scope)
    if isinstance(spec, dict) and list(spec) == ["answer"] and isinstance(spec["answer"], dict):
        checks = [
            answered(keys[name], frozenset(allowed), name)
            for name, allowed in spec["answer"].items()
        ]
        return checks[0] if len(checks) == 1 else lambda context: all(c(context) for c in checks)
    raise UnknownCondition(f"unknown condition {spec!r}")
