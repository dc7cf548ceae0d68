"""REASON_CODES is exactly the set of codes the engine emits: none missing, none dead."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import rules

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from test_rules_tables import _rows, build_case  # noqa: E402

from benchmarks.engine import case as random_case  # noqa: E402


def _codes(determination: dict) -> set[str]:
    codes = set()
    for conviction in determination["convictions"]:
        prop64 = conviction["prop64"]
        codes.update(r["code"] for r in prop64["reasons"] + prop64["assumptions"])
        for path in conviction["other_paths"]:
            codes.update(r["code"] for r in path.get("reasons", []))
    return codes


def test_every_code_the_engine_emits_has_a_sentence_and_every_sentence_is_used():
    rng = random.Random(7)
    emitted: set[str] = set()
    for _ in range(3000):
        emitted |= _codes(rules.evaluate(random_case(rng, 3)))
    for param in _rows():  # the YAML tables reach the rare corners
        table, defaults, row = param.values
        if table not in ("offense_parsing", "dates") and "error" not in row:
            emitted |= _codes(rules.evaluate(build_case(defaults, row)))
    assert emitted <= set(rules.REASON_CODES)
    assert set(rules.REASON_CODES) - emitted == set()
    for text in rules.REASON_CODES.values():
        assert text.endswith(".") and text[0].isupper()


def test_no_citation_holds_a_semicolon():
    """Bulk mode joins a conviction's citations with ';' (docs/bulk.md), so one citation naming
    two provisions says 'and' or ', ' instead."""
    from rules import law
    from rules.reasons import UNKNOWN_KEYS

    rng = random.Random(8)
    citations = {entry.citation for provision in law.ALL for entry in provision.entries}
    citations |= {citation for _, citation, _ in UNKNOWN_KEYS.values()}
    for _ in range(2000):
        determination = rules.evaluate(random_case(rng, 3))
        citations.update(action["citation"] for action in determination["actions"])
        for conviction in determination["convictions"]:
            prop64 = conviction["prop64"]
            citations.update(prop64["citations"])
            citations.update(r["citation"] for r in prop64["reasons"] + prop64["assumptions"])
            for path in conviction["other_paths"]:
                citations.update(path["citations"])
    assert len(citations) > 40
    assert [citation for citation in citations if ";" in citation] == []
