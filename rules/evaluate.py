"""`evaluate(case) -> determination`: the contract in `../shared/contract/README.md`.

Pure: the same case gives the same determination; the day the law is applied is the case's
`as_of`, never the clock.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from . import coverage, pc1203_425, priors
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


def settle(leaves: list[Leaf]) -> tuple[str, list[str], list[Reason], list[Reason]]:
    """One outcome for all leaves -> it; several -> needs_review listing the possible ones."""
    outcomes = {leaf.outcome for leaf in leaves}
    reasons = common_reasons(leaves)
    if len(outcomes) == 1:
        outcome = leaves[0].outcome
        if len(leaves) > 1:
            reasons.append(SAME_EITHER_WAY)
        return outcome, [outcome], reasons, all_assumptions(leaves)
    possible = [outcome for outcome in OUTCOME_ORDER if outcome in outcomes]
    for key in splitting_keys(leaves):
        code, citation, rule = UNKNOWN_KEYS[key]
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


def _read(leaves: list[Leaf]) -> frozenset[str]:
    return frozenset().union(*(leaf.read for leaf in leaves))


# Each rule's settled result, reused for every conviction that answers the same questions the
# same way (facts.Memo). Results are tuples; `conviction` copies them out into new lists and
# dicts. Bounded: 50,000 nodes a tree (measured: about 0.6 kB a node with its result, so
# some 30 MB at most; a bulk run of 500,000 rows grows them to 32,000 and 10,000 nodes).
PROP64 = Memo(_prop64, coverage.DERIVED)
PC1203_425 = Memo(_pc1203_425, pc1203_425.DERIVED)


def conviction(
    values: dict[str, Any], as_of: date, want_read: bool = False
) -> tuple[dict[str, Any], set[str] | None]:
    """One conviction's determination, and (if wanted) the unknown questions the rules read.

    Every list and dict in it is new (cached results are tuples, copied out), so a caller may
    change the determination it gets without changing another one's.
    """
    outcome, possible, reasons, assumptions, read = PROP64(values, as_of)
    route, court, route_reasons = procedure(values, outcome)
    is_automatic, automatic_reasons = automatic(values, outcome)
    reasons = reasons + tuple(route_reasons) + tuple(automatic_reasons)
    other_outcome, other_automatic, other_citations, other_reasons, other_read = PC1203_425(
        values, as_of
    )
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
    other_path = {
        "path": pc1203_425.PATH,
        "outcome": other_outcome,
        "automatic": other_automatic,
        "citations": list(other_citations),
        "reasons": [reason.copy() for reason in other_reasons],
        # E: DOJ grants it monthly with nothing to file.
        "procedure": "automatic" if other_outcome in ("eligible", "needs_review") else "none",
        "forms": [],
    }
    return (
        {"id": values["id"], "prop64": prop64, "other_paths": [other_path]},
        read | other_read if want_read else None,
    )


def evaluate(case: dict[str, Any]) -> dict[str, Any]:
    """The determination for `case` (a dict matching case.schema.json). Raises InvalidCase."""
    as_of, as_of_text, convictions = read_case(case)
    pc1203_425.derive_new_felony(convictions)
    priors.derive_from_case(convictions)
    results = [conviction(values, as_of)[0] for values in convictions]
    return {
        "as_of": as_of_text,
        "rules_version": RULES_VERSION,
        "convictions": results,
        "actions": actions(results),
    }
