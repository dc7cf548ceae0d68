"""`evaluate(case) -> determination`: the contract in `../shared/contract/README.md`.

Pure: the same case gives the same determination; the day the law is applied is the case's
`as_of`, never the clock.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from . import coverage, hs11361_5, pc1203_4, pc1203_425, priors
from .actions import actions
from .automatic import automatic
from .facts import (
    Leaf,
    Memo,
    Reason,
    Values,
    all_assumptions,
    common_reasons,
    explore,
    splitting_keys,
)
from .procedure import forms, procedure
from .reasons import REASON_CODES, UNKNOWN_KEYS
from .validate import read_case
from .version import RULES_VERSION

OUTCOME_ORDER = (
    "dismiss",
    "reduce_to_misdemeanor",
    "reduce_to_infraction",
    "not_eligible",
    "not_covered",
    "already_granted",
    "eligible",
    "needs_review",
)
SAME_EITHER_WAY = Reason("same_outcome_either_way", "HS 11361.8(b)", "principle")


_AS_DICT: dict[Reason, dict[str, Any]] = {}  # reason -> its output form, copied out (bounded below)


def _as_dict(reason: Reason) -> dict[str, Any]:
    known = _AS_DICT.get(reason)
    if known is None:
        code, citation, rule = reason
        known = {
            "code": code,
            "citation": citation,
            "text": REASON_CODES[code],
            "rule": "decision-rules " + rule,
        }
        if len(_AS_DICT) >= 4096:  # citations can hold a subdivision as written: keep it small
            _AS_DICT.clear()
        _AS_DICT[reason] = known
    return known.copy()


def settle(
    leaves: list[Leaf], unknown_keys: dict[str, tuple[str, str, str]] = UNKNOWN_KEYS
) -> tuple[str, list[str], list[Reason], list[Reason]]:
    """One outcome for all leaves -> it; several -> needs_review listing the possible ones
    (each question that split them said with its reason from `unknown_keys`)."""
    outcomes = {leaf.outcome for leaf in leaves}
    reasons = common_reasons(leaves)
    if len(outcomes) == 1:
        outcome = leaves[0].outcome
        if len(leaves) > 1:
            reasons.append(SAME_EITHER_WAY)
        return outcome, [outcome], reasons, all_assumptions(leaves)
    possible = [outcome for outcome in OUTCOME_ORDER if outcome in outcomes]
    for key in splitting_keys(leaves):
        code, citation, rule = unknown_keys[key]
        reason = Reason(code, citation, rule)
        if reason not in reasons:
            reasons.append(reason)
    return "needs_review", possible, reasons, all_assumptions(leaves)


def _citations(reasons: list[Reason]) -> list[str]:
    return list(dict.fromkeys([reason[1] for reason in reasons]))


def _prop64(facts: Values) -> tuple[Any, ...]:
    """(outcome, possible outcomes, reasons, assumptions, questions read)."""
    leaves = explore(coverage.prop64, facts)
    outcome, possible, reasons, assumptions = settle(leaves)
    return outcome, tuple(possible), tuple(reasons), tuple(assumptions), _read(leaves)


def _pc1203_425(facts: Values) -> tuple[Any, ...]:
    """(outcome, automatic, citations, reasons as dicts, questions read)."""
    leaves = explore(pc1203_425.rule, facts)
    outcome, _, reasons, _ = settle(leaves)
    if outcome in ("eligible", "needs_review"):
        reasons = reasons + [pc1203_425.MAY_BE_BLOCKED, pc1203_425.EFFECTS]
    return (
        outcome,
        {"eligible": "yes", "needs_review": "unknown"}.get(outcome, "no"),
        tuple(_citations(reasons) or [pc1203_425.CITATION]),
        tuple(_as_dict(reason) for reason in reasons),
        _read(leaves),
    )


_PETITION_KEYS = {
    path: pc1203_4.unknown_keys(citation) for path, (_, citation) in pc1203_4.RULES.items()
}


def _petitions(facts: Values) -> tuple[tuple[Any, ...], ...]:
    """Decision-rules G, its four sections in one memo (one walk of the tree for all four,
    measured faster than a memo a section): for each, (path, outcome, citations, reasons as
    dicts, questions read)."""
    results = []
    for path, (rule, citation) in pc1203_4.RULES.items():
        leaves = explore(rule, facts)
        outcome, _, reasons, _ = settle(leaves, _PETITION_KEYS[path])
        if outcome != "not_eligible":
            reasons = reasons + [pc1203_4.PETITION, pc1203_4.EFFECTS]
        results.append(
            (
                path,
                outcome,
                tuple(_citations(reasons) or [citation]),
                tuple(_as_dict(reason) for reason in reasons),
                _read(leaves),
            )
        )
    return tuple(results)


def _hs11361_5(facts: Values) -> tuple[Any, ...]:
    """Decision-rules H: (outcome, procedure, automatic, citations, reasons, questions read)."""
    leaves = explore(hs11361_5.rule, facts)
    outcome, _, reasons, _ = settle(leaves, hs11361_5.UNKNOWN_KEYS)
    outcome, route, is_automatic = hs11361_5.OUTCOMES[outcome]
    if outcome != "not_eligible":
        reasons = reasons + [hs11361_5.NOT_ACCURATE]
    return (
        outcome,
        route,
        is_automatic,
        tuple(_citations(reasons) or [hs11361_5.CITATION]),
        tuple(_as_dict(reason) for reason in reasons),
        _read(leaves),
    )


def _read(leaves: list[Leaf]) -> frozenset[str]:
    return frozenset().union(*(leaf.read for leaf in leaves))


# Each rule's settled result, reused for every conviction that answers the same questions the
# same way (facts.Memo). Results are tuples; `conviction` copies them out into new lists and
# dicts. Bounded: 50,000 nodes a tree (measured: about 0.6 kB a node with its result, so
# some 30 MB at most; a bulk run of 500,000 rows grows them to 32,000 and 10,000 nodes).
PROP64 = Memo(_prop64, coverage.DERIVED)
PC1203_425 = Memo(_pc1203_425, pc1203_425.DERIVED)
PETITIONS = Memo(_petitions, pc1203_4.DERIVED)
HS11361_5 = Memo(_hs11361_5, hs11361_5.DERIVED)
PETITION_FORMS = list(pc1203_4.FORMS)


def prop64_dismissed(values: Values, outcome: str, as_of: date) -> tuple[bool, frozenset[str]]:
    """G: "When the Prop 64 outcome is `dismiss` (or relief `prop64` is on the record after a
    dismissal), the G paths are not listed": the relief on record was a dismissal when the rule,
    run as if none were on record, dismisses. With the unknown questions that run read."""
    if outcome != "already_granted":
        return outcome == "dismiss", frozenset()
    granted = PROP64({**values, "relief_on_record": "none"}, as_of)
    return granted[0] == "dismiss", granted[4]


class Settled(NamedTuple):
    """Every rule's settled result for one conviction, as the memos keep them (tuples)."""

    prop64: tuple[Any, ...]  # (outcome, possible, reasons, assumptions, read)
    procedure: tuple[str, str, list[Reason]]  # (procedure, court, reasons)
    automatic: tuple[str, list[Reason]]  # (automatic, reasons)
    pc1203_425: tuple[Any, ...]  # (outcome, automatic, citations, reasons, read)
    petitions: tuple[tuple[Any, ...], ...]  # G, none after a Prop 64 dismissal
    hs11361_5: tuple[Any, ...] | None  # H, None when not listed
    dismissal_read: frozenset[str]  # what told a Prop 64 relief on record was a dismissal

    def signature(self) -> tuple[Any, ...]:
        """What the person would see change: every outcome, route and automatic review."""
        return (
            self.prop64[:2],
            self.procedure[0],
            self.automatic[0],
            self.pc1203_425[:2],
            tuple(path[:2] for path in self.petitions),
            self.hs11361_5 and self.hs11361_5[:3],
        )

    def read(self) -> set[str]:
        """The unknown questions the rules read."""
        reads = [
            self.prop64[4],
            self.pc1203_425[4],
            self.dismissal_read,
            *(path[4] for path in self.petitions),
        ]
        if self.hs11361_5 is not None:
            reads.append(self.hs11361_5[5])
        return set().union(*reads)


def settled(values: Values, as_of: date) -> Settled:
    """One conviction through every rule (the memos), before any of it is copied out."""
    prop64 = PROP64(values, as_of)
    outcome = prop64[0]
    dismissed, dismissal_read = prop64_dismissed(values, outcome, as_of)
    return Settled(
        prop64,
        procedure(values, outcome),
        automatic(values, outcome),
        PC1203_425(values, as_of),
        () if dismissed else PETITIONS(values, as_of),
        HS11361_5(values, as_of) if hs11361_5.applies(values) else None,
        dismissal_read,
    )


def conviction(values: dict[str, Any], as_of: date) -> dict[str, Any]:
    """One conviction's determination.

    Every list and dict in it is new (cached results are tuples, copied out), so a caller may
    change the determination it gets without changing another one's.
    """
    result = settled(values, as_of)
    outcome, possible, reasons, assumptions, _ = result.prop64
    route, court, route_reasons = result.procedure
    is_automatic, automatic_reasons = result.automatic
    reasons = reasons + tuple(route_reasons) + tuple(automatic_reasons)
    other_outcome, other_automatic, other_citations, other_reasons, _ = result.pc1203_425
    prop64 = {
        "outcome": outcome,
        "possible_outcomes": list(possible),
        "procedure": route,
        "court": court,
        "automatic": is_automatic,
        "citations": _citations(reasons),
        "reasons": [_as_dict(reason) for reason in reasons],
        "assumptions": [_as_dict(reason) for reason in assumptions],
        "forms": forms(court),
    }
    paths = [
        {
            "path": pc1203_425.PATH,
            "outcome": other_outcome,
            "automatic": other_automatic,
            "citations": list(other_citations),
            "reasons": [reason.copy() for reason in other_reasons],
            # E: DOJ grants it monthly with nothing to file.
            "procedure": "automatic" if other_outcome in ("eligible", "needs_review") else "none",
            "forms": [],
        }
    ]
    for path, path_outcome, citations, path_reasons, _ in result.petitions:
        paths.append(
            {
                "path": path,
                "outcome": path_outcome,
                "automatic": "no",  # G: every one of them is a petition to the court
                "citations": list(citations),
                "reasons": [reason.copy() for reason in path_reasons],
                "procedure": "none" if path_outcome == "not_eligible" else "petition",
                "forms": [] if path_outcome == "not_eligible" else PETITION_FORMS.copy(),
            }
        )
    if result.hs11361_5 is not None:
        path_outcome, path_route, path_automatic, citations, path_reasons, _ = result.hs11361_5
        paths.append(
            {
                "path": hs11361_5.PATH,
                "outcome": path_outcome,
                "automatic": path_automatic,
                "citations": list(citations),
                "reasons": [reason.copy() for reason in path_reasons],
                "procedure": path_route,
                "forms": [],  # no Judicial Council form: the court and DOJ destroy the records
            }
        )
    return {"id": values["id"], "prop64": prop64, "other_paths": paths}


def evaluate(case: dict[str, Any]) -> dict[str, Any]:
    """The determination for `case` (a dict matching case.schema.json). Raises InvalidCase."""
    as_of, as_of_text, convictions = read_case(case)
    pc1203_425.derive_new_felony(convictions)
    pc1203_4.derive_serving_another(convictions)
    priors.derive_from_case(convictions)
    results = [conviction(values, as_of) for values in convictions]
    return {
        "as_of": as_of_text,
        "rules_version": RULES_VERSION,
        "convictions": results,
        "actions": actions(results),
    }
