"""Every value in rules/law.py is read by a rule (style principle 3: the law's dates and amounts
are data, written once, read by rules) -- not kept unread beside the code."""

from __future__ import annotations

import ast
from pathlib import Path

import rules
from rules import law

RULES_DIR = Path(rules.__file__).parent


def _read_names() -> set[str]:
    """Names used as `law.NAME` in code (comments do not count) outside law.py."""
    names = set()
    for source in RULES_DIR.rglob("*.py"):
        if source.name == "law.py":
            continue
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "law"
            ):
                names.add(node.attr)
    return names


def test_every_law_value_is_read_by_a_rule():
    provisions = {name for name, value in vars(law).items() if isinstance(value, law.Provision)}
    assert provisions == {provision.name.upper() for provision in law.ALL}
    unread = provisions - _read_names()
    assert not unread, f"rules/law.py values no rule reads: {sorted(unread)}"


def test_the_felony_branch_is_a_dated_entry_not_an_edit():
    """PC 1203.425's felony branch: no such branch before 2024-10-01, in force from that day."""
    from datetime import date

    assert law.PC1203_425_FELONY_BRANCH.on(date(2024, 9, 30)) is False
    assert law.PC1203_425_FELONY_BRANCH.on(date(2024, 10, 1)) is True
