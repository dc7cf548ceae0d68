"""Fresh Start's rules engine: Prop 64 (HS 11361.8), HS 11361.9 and PC 1203.425 as code
(decision-rules v2, parts A-F).

    from rules import evaluate
    determination = evaluate(case)   # see ../shared/contract/README.md

Imports nothing from the web stack and reads no clock.
"""

from . import dates, offense_lists, validate
from .decisive import Decisive, decisive_facts
from .evaluate import evaluate
from .offense import Offense, parse_offense
from .reasons import REASON_CODES
from .validate import InvalidCase
from .version import RULES_VERSION

__version__ = RULES_VERSION


def forget_inputs() -> None:
    """Empty the caches keyed on text as written (offense strings, dates). Bulk mode keeps them
    for speed; the web app calls this after every request, so nothing a person typed stays in
    the server's memory. (The rule memos keep only categories: a parsed code section such as
    HS 11359, enum answers, and dates as sides of the law's boundaries, e.g. "before 2016-11-09".)"""
    parse_offense.cache_clear()
    offense_lists.felony_exclusion.cache_clear()
    offense_lists.against.cache_clear()
    dates.parse.cache_clear()
    validate._date_text.cache_clear()


__all__ = [
    "REASON_CODES",
    "RULES_VERSION",
    "Decisive",
    "InvalidCase",
    "Offense",
    "__version__",
    "decisive_facts",
    "evaluate",
    "forget_inputs",
    "parse_offense",
]
