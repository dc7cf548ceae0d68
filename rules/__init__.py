"""Fresh Start's rules engine: Prop 64 (HS 11361.8), HS 11361.9 and PC 1203.425 as code.

    from rules import evaluate
    determination = evaluate(case)   # see ../shared/contract/README.md

Imports nothing from the web stack and reads no clock.
"""

from .decisive import decisive_facts
from .evaluate import evaluate
from .offense import Offense, parse_offense
from .reasons import REASON_CODES
from .validate import InvalidCase
from .version import RULES_VERSION

__version__ = RULES_VERSION
__all__ = ["evaluate", "InvalidCase", "decisive_facts", "REASON_CODES", "RULES_VERSION",
           "__version__", "parse_offense", "Offense"]
