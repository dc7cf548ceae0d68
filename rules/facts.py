"""Deciding with unknown facts: run a rule once per way the unknown facts it reads could be.

A rule is a plain function of `Facts`. When it asks for a fact the person did not know, the
run stops (`Undecided`) and `explore` runs the rule again once for each value that fact could
take. Each finished run is a `Leaf`: the outcome under that assignment of the unknown facts.
One outcome across all leaves is an answer; several are "needs review" with the possible
outcomes listed (decision-rules, principle). This is how the engine never guesses.

Facts that would only *disqualify* are not explored: the court presumes them absent
(HS 11361.8(b)), so `presume_absent` answers "no" and records the assumption.
"""

from __future__ import annotations

from typing import Callable, NamedTuple


class Reason(NamedTuple):
    code: str
    citation: str
    rule: str  # the subsection of decision-rules.md, e.g. "B.2"


class Undecided(Exception):
    """A rule read a fact that is unknown; `options` are the values it could have."""

    def __init__(self, key: str, options: tuple):
        self.key = key
        self.options = options


class Leaf(NamedTuple):
    assigned: dict       # unknown fact key -> the value this run took
    outcome: str
    reasons: list        # [Reason]
    assumptions: list    # [Reason]
    read: set            # unknown fact keys this run read, assumed ones included


class Facts:
    """One run's view of a conviction's flat facts, with some unknown facts assigned."""

    __slots__ = ("values", "assigned", "reasons", "assumptions", "read")

    def __init__(self, values: dict, assigned: dict):
        self.values = values
        self.assigned = assigned
        self.reasons: list[Reason] = []
        self.assumptions: list[Reason] = []
        self.read: set[str] = set()

    def get(self, path: str, options: tuple) -> str:
        """The fact's value; when unknown, each of `options` in turn (one run each)."""
        value = self.values[path]
        if value != "unknown":
            return value
        return self.choose(path, options)

    def choose(self, key: str, options: tuple):
        """An unknown question `key` (a fact, or a date against a boundary): branch on it."""
        self.read.add(key)
        if key in self.assigned:
            return self.assigned[key]
        if len(options) == 1:
            return options[0]
        raise Undecided(key, options)

    def presume_absent(self, path: str, reason: Reason) -> bool:
        """A disqualifying fact: True only on a "yes"; unknown is presumed absent, and said so."""
        value = self.values[path]
        if value == "unknown":
            self.read.add(path)
            self.assumptions.append(reason)
            return False
        return value == "yes"

    def because(self, code: str, citation: str, rule: str) -> None:
        self.reasons.append((code, citation, rule))  # a Reason; a plain tuple is faster


def explore(rule: Callable[[Facts], str], values: dict, assigned: dict | None = None) -> list[Leaf]:
    """Every leaf of `rule` over the unknown facts it reads, in a stable order."""
    leaves: list[Leaf] = []
    pending = [assigned or {}]
    while pending:
        current = pending.pop()
        facts = Facts(values, current)
        try:
            outcome = rule(facts)
        except Undecided as undecided:
            for option in reversed(undecided.options):
                pending.append({**current, undecided.key: option})
            continue
        leaves.append(Leaf(current, outcome, facts.reasons, facts.assumptions, facts.read))
    return leaves


def splitting_keys(leaves: list[Leaf]) -> list[str]:
    """The explored keys whose value changes the set of possible outcomes, first-read first."""
    keys: list[str] = []
    for leaf in leaves:
        for key in leaf.assigned:
            if key not in keys:
                keys.append(key)
    deciding = []
    for key in keys:
        by_value: dict = {}
        for leaf in leaves:
            if key in leaf.assigned:
                by_value.setdefault(leaf.assigned[key], set()).add(leaf.outcome)
        shared = {leaf.outcome for leaf in leaves if key not in leaf.assigned}
        if len({frozenset(outcomes | shared) for outcomes in by_value.values()}) > 1:
            deciding.append(key)
    return deciding


def common_reasons(leaves: list[Leaf]) -> list[Reason]:
    """The reasons every leaf gave, in the first leaf's order."""
    first = leaves[0].reasons
    if len(leaves) == 1:
        return list(first)
    others = [set(leaf.reasons) for leaf in leaves[1:]]
    return [reason for reason in first if all(reason in other for other in others)]


def all_assumptions(leaves: list[Leaf]) -> list[Reason]:
    if len(leaves) == 1:
        return leaves[0].assumptions
    seen: dict[str, Reason] = {}
    for leaf in leaves:
        for reason in leaf.assumptions:
            seen.setdefault(reason[0], reason)
    return list(seen.values())
