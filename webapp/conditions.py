"""The conditions the flow uses to decide whether a screen is asked (flow.yaml's `when:`).

A condition takes a Context: the answers kept so far for the conviction being asked about
(`answers`), and the case builder to ask the engine with. `answer: {<question>: [answers]}`
checks an earlier answer; `decisive: <fact path>` asks `rules.decisive_facts` whether that fact
can change this person's result, so nobody is asked a question whose answer cannot matter.
`assuming: {person.<fact>: value}` asks it as if the person had answered so: the person's own
questions come after the convictions, and PC 1203.425's timing decides only for a person whom
nothing else blocks.
"""

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from flask import g, has_request_context

import rules
from rules.validate import FACT_VALUES


class UnknownCondition(ValueError):
    pass


@dataclass(frozen=True)
class Context:
    answers: dict  # answers kept so far in this scope
    case_for: Callable[[dict], dict]  # kept answers -> the engine's case dict
    conviction_id: str | None = None  # None on person-level screens
    # What else `case_for` depends on (the day, the other answers): with `answers`, it names
    # the case, so a screen that sees the same answers as the one before asks nothing new.
    # None: the case itself is the name.
    same_case: Hashable = None


def answered(name, allowed):
    """True when the earlier question `name` got one of `allowed`."""

    def check(context):
        return context.answers.get(name) in allowed

    check.__name__ = f"answer({name} in {sorted(allowed)})"
    return check


# A conviction's own facts asked as questions (the rest are its conduct, priors and sentence).
CONVICTION_FACTS = ("new_felony_since", "age_at_offense")


def decisive(path, scope, assuming=None):
    prefix = path.split(".", 1)[0]
    allowed = {"conviction": ("conduct", "priors", "sentence"), "person": ("person",)}[scope]
    own = scope == "conviction" and path in CONVICTION_FACTS
    if not own and (prefix not in allowed or "." not in path):
        raise UnknownCondition(f"decisive: {path!r} is not a {scope} fact path")

    person: dict[str, str] = {}
    for fact, value in (assuming or {}).items():
        name = fact.removeprefix("person.")
        if scope != "conviction" or value not in FACT_VALUES.get(fact, ()) or name == fact:
            raise UnknownCondition(f"assuming: {fact}: {value!r} is not a person fact's value")
        person[name] = value

    assumed = tuple(sorted(person.items()))

    def case_of(context):
        case = context.case_for(context.answers)
        if person:  # the person's own questions come after the convictions
            case = {**case, "person": {**person, **case["person"]}}
        return case

    def check(context):
        if context.same_case is None or not has_request_context():
            facts = decisive_facts(case_of(context), path)
        else:
            # Named by its answers: no case serialised to name it again. The screens that do
            # not apply keep the answers as they were, so the next screen asks the same case:
            # it is read once (rules.Decisive) and each screen adds only its fact's trials.
            key = (context.same_case, tuple(context.answers.items()), assumed)
            memo = g.setdefault("decisive_by_answers", {})
            if key not in memo:  # a screen that was answered: its answer was a trial here
                memo[key] = rules.Decisive(case_of(context), g.setdefault("decisive_seen", {}))
            facts = memo[key].facts(only=(path,))
        if context.conviction_id is not None:
            return path in facts.get(context.conviction_id, ())
        return any(path in paths for paths in facts.values())

    check.__name__ = f"decisive({path}, assuming {assuming})" if assuming else f"decisive({path})"
    return check


def decisive_facts(case, path=None):
    """rules.decisive_facts for the one fact `path` a screen asks about (every fact if None:
    worker mode's follow-ups), once per distinct case in a request: trying only that fact is a
    tenth of the work of trying every fact. For a case no walk names (worker mode asks again
    after saving answers); a walk's screens are memoised by their answers in `check`.

    The memo lives on flask.g and dies with the request: nothing is kept.
    """
    memo = g.setdefault("decisive", {}) if has_request_context() else {}
    key = (json.dumps(case, sort_keys=True), path)
    if key not in memo:
        memo[key] = rules.decisive_facts(case, only=None if path is None else (path,))
    return memo[key]


def compile(spec, scope):
    """A flow `when:` entry -> a callable(Context) -> bool."""
    if isinstance(spec, dict) and list(spec) == ["decisive"]:
        return decisive(spec["decisive"], scope)
    if isinstance(spec, dict) and sorted(spec) == ["assuming", "decisive"]:
        if not isinstance(spec["assuming"], dict):
            raise UnknownCondition(f"unknown condition {spec!r}")
        return decisive(spec["decisive"], scope, spec["assuming"])
    if isinstance(spec, dict) and list(spec) == ["answer"] and isinstance(spec["answer"], dict):
        checks = [answered(name, frozenset(allowed)) for name, allowed in spec["answer"].items()]
        return checks[0] if len(checks) == 1 else lambda context: all(c(context) for c in checks)
    raise UnknownCondition(f"unknown condition {spec!r}")
