"""The version of the rules (the law as implemented), reported in every determination."""

RULES_VERSION = "1.0.0"
