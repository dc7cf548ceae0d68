"""`evaluate(case) -> determination`: the contract in `../shared/contract/README.md`.

Pure: the same case gives the same determination; the day the law is applied is the case's
`as_of`, never the clock.
"""

from __future__ import annotations

from datetime import date

from . import coverage, pc1203_425
from .actions import actions
from .automatic import automatic
from .facts import Leaf, Reason, all_assumptions, common_reasons, explore, splitting_keys
from .procedure import procedure
from .reasons import REASON_CODES, UNKNOWN_KEYS
from .validate import read_case
from .version import RULES_VERSION

OUTCOME_ORDER = ("dismiss", "reduce_to_misdemeanor", "reduce_to_infraction", "not_eligible",
                 "not_covered", "already_granted", "eligible", "needs_review")
SAME_EITHER_WAY = Reason("same_outcome_either_way", "HS 11361.8(b)", "principle")


def _as_dict(reason: Reason) -> dict:
    code, citation, rule = reason
    return {"code": code, "citation": citation, "text": REASON_CODES[code],
            "rule": "decision-rules " + rule}


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


def _pc1203_425(values: dict, as_of: date) -> tuple[dict, list[Leaf]]:
    leaves = explore(lambda f: pc1203_425.rule(f, as_of), values)
    outcome, _, reasons, _ = settle(leaves)
    if outcome in ("eligible", "needs_review"):
        reasons = reasons + [pc1203_425.EFFECTS]
    path = {
        "path": pc1203_425.PATH,
        "outcome": outcome,
        "automatic": {"eligible": "yes", "needs_review": "unknown"}.get(outcome, "no"),
        "citations": _citations(reasons) or [pc1203_425.CITATION],
        "reasons": [_as_dict(reason) for reason in reasons],
    }
    return path, leaves


def conviction(values: dict, as_of: date, want_read: bool = False) -> tuple[dict, set | None]:
    """One conviction's determination, and (if wanted) the unknown questions the rules read."""
    leaves = explore(coverage.prop64, values)
    outcome, possible, reasons, assumptions = settle(leaves)
    route, court, route_reasons = procedure(values, outcome)
    is_automatic, automatic_reasons = automatic(values, outcome)
    reasons = reasons + route_reasons + automatic_reasons
    other_path, other_leaves = _pc1203_425(values, as_of)
    prop64 = {
        "outcome": outcome,
        "possible_outcomes": possible,
        "procedure": route,
        "court": court,
        "automatic": is_automatic,
        "citations": _citations(reasons),
        "reasons": [_as_dict(reason) for reason in reasons],
        "assumptions": [_as_dict(reason) for reason in assumptions],
    }
    read = set().union(*(leaf.read for leaf in leaves),
                       *(leaf.read for leaf in other_leaves)) if want_read else None
    return {"id": values["id"], "prop64": prop64, "other_paths": [other_path]}, read


def evaluate(case: dict) -> dict:
    """The determination for `case` (a dict matching case.schema.json). Raises InvalidCase."""
    as_of, as_of_text, convictions = read_case(case)
    results = [conviction(values, as_of)[0] for values in convictions]
    return {"as_of": as_of_text, "rules_version": RULES_VERSION, "convictions": results,
            "actions": actions(results)}
