"""The version of the rules (the law as implemented), reported in every determination."""

RULES_VERSION = "2.0.0"
