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

from collections.abc import Callable
from typing import Any, NamedTuple

# One conviction's flat facts (validate.FACT_VALUES paths, plus `offense`, dates as intervals).
Values = dict[str, Any]


class Reason(NamedTuple):
    code: str
    citation: str
    rule: str  # the subsection of decision-rules.md, e.g. "B.2"


class Undecided(Exception):
    """A rule read a fact that is unknown; `options` are the values it could have."""

    def __init__(self, key: str, options: tuple[Any, ...]):
        self.key = key
        self.options = options


class Leaf(NamedTuple):
    assigned: dict[str, Any]  # unknown fact key -> the value this run took
    outcome: str
    reasons: list[Reason]
    assumptions: list[Reason]
    read: set[str]  # unknown fact keys this run read, assumed ones included


class Facts:
    """One run's view of a conviction's flat facts, with some unknown facts assigned."""

    __slots__ = ("assigned", "assumptions", "read", "reasons", "values")

    def __init__(self, values: Values, assigned: dict[str, Any]):
        self.values = values
        self.assigned = assigned
        self.reasons: list[Reason] = []
        self.assumptions: list[Reason] = []
        self.read: set[str] = set()

    def get(self, path: str, options: tuple[str, ...]) -> str:
        """The fact's value; when unknown, each of `options` in turn (one run each)."""
        value: str = self.values[path]
        if value != "unknown":
            return value
        chosen: str = self.choose(path, options)
        return chosen

    def choose(self, key: str, options: tuple[Any, ...]) -> Any:
        """An unknown question `key` (a fact, or a date against a boundary): branch on it."""
        self.read.add(key)
        if key in self.assigned:
            return self.assigned[key]
        if len(options) == 1:
            return options[0]
        raise Undecided(key, options)

    def passed(self, key: str) -> bool:
        """A derived yes/no question (a waiting period, a date against a boundary): its answer,
        or both answers explored when it is unknown (None)."""
        answer = self.values[key]
        if answer is None:
            answer = self.choose(key, (True, False))
        return bool(answer)

    def presume_absent(self, path: str, reason: Reason) -> bool:
        """A disqualifying fact: True only on a "yes"; unknown is presumed absent, and said so."""
        value = self.values[path]
        if value == "unknown":
            self.read.add(path)
            self.assumptions.append(reason)
            return False
        return bool(value == "yes")

    def because(self, code: str, citation: str, rule: str) -> None:
        self.reasons.append((code, citation, rule))  # type: ignore[arg-type]  # a plain tuple is faster


def explore(
    rule: Callable[[Facts], str], values: Values, assigned: dict[str, Any] | None = None
) -> list[Leaf]:
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
    """The explored keys whose value changes the set of possible outcomes, first-read first.

    A key splits when the outcomes possible under one of its values (the leaves that took it,
    plus the leaves that never asked) differ from those under another. One pass over the leaves.
    """
    total: dict[str, int] = {}  # outcome -> leaves
    by_key: dict[str, dict[Any, set[str]]] = {}  # key -> value -> outcomes of leaves taking it
    asked: dict[str, dict[str, int]] = {}  # key -> outcome -> leaves taking any value of it
    for leaf in leaves:
        outcome = leaf.outcome
        total[outcome] = total.get(outcome, 0) + 1
        for key, value in leaf.assigned.items():
            values = by_key.get(key)
            if values is None:
                values = by_key[key] = {}
                asked[key] = {}
            values.setdefault(value, set()).add(outcome)
            counts = asked[key]
            counts[outcome] = counts.get(outcome, 0) + 1
    deciding = []
    for key, values in by_key.items():
        counts = asked[key]
        shared = {outcome for outcome, n in total.items() if n > counts.get(outcome, 0)}
        if len({frozenset(outcomes | shared) for outcomes in values.values()}) > 1:
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


# --- Reusing a rule's settled result: memoised on the facts it actually read -------------------
#
# A rule, with `explore` and the settling after it, is a pure function of the facts it reads:
# run it twice on facts that give the same answers to the same questions, in the same order,
# and every step is the same. So the result can be stored under the sequence of (question,
# answer) pairs of the first run, as a tree, and reused for any conviction whose facts walk
# the same branch: a few dictionary look-ups instead of a dozen runs of the rule. A question is
# a fact's path, or a derived question (a date against a boundary) computed from the facts.


# A derived question: answered from a conviction's facts and the day the law is applied.
Derive = Callable[[Values, Any], Any]
Read = tuple[str, Any, "Derive | None"]


class Recorder(dict[str, Any]):
    """The facts a rule sees while its result is computed: logs each question's first answer.

    A dict of the answers so far: a question asked again is a plain look-up; a new one goes
    through `__missing__`, which answers it from the facts (or `derived`) and logs it. Only
    `recorder[path]` is allowed (no `get`, no `in`, no iteration), so a rule cannot read a fact
    in a way the log would miss.
    """

    __slots__ = ("_as_of", "_derived", "_values", "reads")

    def __init__(self, values: Values, as_of: Any, derived: dict[str, Derive]):
        super().__init__()
        self._values, self._as_of, self._derived = values, as_of, derived
        self.reads: list[Read] = []  # (path, answer, derive or None), in first-read order

    def __missing__(self, path: str) -> Any:
        derive = self._derived.get(path)
        value = self._values[path] if derive is None else derive(self._values, self._as_of)
        self.reads.append((path, value, derive))
        self[path] = value
        return value

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a rule reads a fact as facts[path]; anything else escapes the memo's log")

    get = keys = values = items = __contains__ = __iter__ = _refuse


class _Ask:
    """A node of the tree: the next question, and a branch per answer seen so far."""

    __slots__ = ("branches", "derive", "path")

    def __init__(self, path: str, derive: Derive | None):
        self.path, self.derive = path, derive
        self.branches: dict[Any, _Ask | _Done] = {}


class _Done(NamedTuple):
    result: object


class Memo:
    """`memo(values, as_of)` is `compute(Recorder(values, as_of, derived))`, computed once per
    branch of answers. `derived` maps a question that is not a fact to `f(values, as_of)`.
    Bounded: past `limit` stored nodes the tree is dropped and regrown."""

    def __init__(
        self, compute: Callable[[Recorder], Any], derived: dict[str, Derive], limit: int = 50_000
    ):
        self.compute, self.derived, self.limit = compute, derived, limit
        self.clear()

    def clear(self) -> None:
        self.root: _Ask | _Done | None = None
        self.nodes = 0

    def __call__(self, values: Values, as_of: Any = None) -> Any:
        node = self.root
        while isinstance(node, _Ask):
            derive = node.derive
            node = node.branches.get(values[node.path] if derive is None else derive(values, as_of))
        if node is not None:
            return node.result
        recorder = Recorder(values, as_of, self.derived)
        result = self.compute(recorder)
        if self.nodes + len(recorder.reads) + 1 > self.limit:
            self.clear()
        self._store(recorder.reads, result)
        return result

    def _store(self, reads: list[Read], result: Any) -> None:
        done = _Done(result)
        if not reads:
            self.root, self.nodes = done, 1
            return
        if self.root is None:
            self.root = _Ask(reads[0][0], reads[0][2])
            self.nodes += 1
        node = self.root
        for index, (path, answer, _) in enumerate(reads):
            if node.__class__ is not _Ask or node.path != path:
                raise AssertionError(f"rule is not a function of its reads: {path}")
            following = node.branches.get(answer)
            if following is None:
                if index + 1 < len(reads):
                    following = _Ask(reads[index + 1][0], reads[index + 1][2])
                else:
                    following = done
                node.branches[answer] = following
                self.nodes += 1
            node = following
        if node is not done and node != done:
            raise AssertionError("rule is not a function of its reads: two results on one branch")
