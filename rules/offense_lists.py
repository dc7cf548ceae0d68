"""The statute's lists of offenses, read from `rules/data/*.csv` with the one offense reader.

PC 667(e)(2)(C)(iv) (super strikes) and PC 290(c) (registrable offenses) feed bulk mode's
derived priors (HS 11358(d)(1), 11359(c)(1), 11360(a)(3)(A)); PC 1192.7(c) (serious), PC 667.5(c)
(violent) and PC 290(c) are PC 1203.425's felony-branch exclusions (decision-rules E.3); PC
1203.4(b)'s list is PC 1203.4's (decision-rules G.1). Each
file names its citation and how far it was verified. Rows are read by `rules.offense`, so a
conviction cell and a list row spelled differently (`187 PC`, `PC 187`) still match.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .offense import Offense, parse_offense

DATA = Path(__file__).resolve().parent / "data"
YES, MAYBE, NO = "yes", "maybe", "no"


class ListedOffense(NamedTuple):
    offense: Offense
    match: str  # yes: the section alone is the listed offense; maybe: only with more facts
    attempt: bool  # an attempt (PC 664/...) counts too


def read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _code(offense: Offense) -> str | None:
    """A bare number that is not HS 11357-11360 is a Penal Code section on these lists."""
    return offense.code or "PC"


def read_list(name: str) -> tuple[ListedOffense, ...]:
    listed = []
    for row in read_rows(name):
        offense = parse_offense(row["section"])
        if (
            offense.section is None
            or row["match"] not in (YES, MAYBE)
            or row["attempt"] not in (YES, NO)
        ):
            raise ValueError(f"rules/data/{name}: unreadable row {row}")
        listed.append(ListedOffense(offense, row["match"], row["attempt"] == YES))
    return tuple(listed)


SUPER_STRIKES = read_list("super_strikes.csv")
REGISTRABLE_290C = read_list("registrable_290c.csv")
SERIOUS_1192_7C = read_list("serious_1192_7c.csv")
VIOLENT_667_5C = read_list("violent_667_5c.csv")
# PC 1203.4(b): most rows exclude at any level; subdivision (d) of 261.5 only as a felony.
PC1203_4_EXCLUDED = read_list("pc1203_4_excluded.csv")
_LEVELS = [row["level"] for row in read_rows("pc1203_4_excluded.csv")]
if set(_LEVELS) - {"any", "felony"}:
    raise ValueError("rules/data/pc1203_4_excluded.csv: level is any or felony")
PC1203_4_EXCLUDED_ANY_LEVEL = tuple(
    entry for entry, level in zip(PC1203_4_EXCLUDED, _LEVELS, strict=True) if level == "any"
)
PC1203_4_EXCLUDED_FELONY = tuple(
    entry for entry, level in zip(PC1203_4_EXCLUDED, _LEVELS, strict=True) if level == "felony"
)


@lru_cache(maxsize=16384)
def against(offense: Offense | None, listed: tuple[ListedOffense, ...]) -> str:
    """Is a conviction for `offense` one of the listed offenses? yes / maybe / no."""
    if offense is None or offense.section is None or offense.kind == "unknown":
        return MAYBE  # unreadable: it could be anything
    best = NO
    for entry in listed:
        wanted = entry.offense
        if (_code(wanted), wanted.section) != (_code(offense), offense.section):
            continue
        if offense.form == "attempt" and not entry.attempt:
            continue
        have, need = offense.subdivisions, wanted.subdivisions
        if have[: len(need)] == need:
            found = entry.match
        elif need[: len(have)] == have:
            found = MAYBE  # written less precisely than the list: cannot tell
        else:
            continue
        if offense.form == "conspiracy":
            found = MAYBE
        if found == YES:
            return YES
        best = MAYBE
    return best


# Only these sections have the prior-record felony factors (decision-rules B.6).
SECTIONS_WITH_PRIORS = frozenset({"11358", "11359", "11360"})

MISDEMEANOR_SUBDIVISION = {
    parse_offense(row["section"]).section: parse_offense(
        row["section"] + row["misdemeanor_subdivision"]
    ).subdivisions
    for row in read_rows("same_section_misdemeanors.csv")
}


def same_section_prior(offense: Offense, number: str) -> str:
    """Does a conviction for `offense` count toward two same-section misdemeanor priors?"""
    if offense.section is None or offense.kind in ("unknown", "mismatch"):
        return MAYBE  # unreadable, or the code and number disagree: it could be
    if offense.kind != "prop64" or offense.section != number:
        return NO
    need = MISDEMEANOR_SUBDIVISION[number]
    if offense.subdivisions[: len(need)] == need:
        return YES
    if not offense.subdivisions or (number == "11360" and offense.subdivisions == ("a",)):
        return MAYBE  # old-law or unlettered: research.md 1.6 [U]
    return NO


@lru_cache(maxsize=4096)
def felony_exclusion(offense: Offense) -> str:
    """PC 1203.425's felony branch: is this a serious, violent or PC 290 felony? yes / maybe / no.

    Old HS 11357-11360 cannabis felonies are none of these (decision-rules E.3); any other
    section that is not certainly listed is `maybe`: PC 1192.7(c) also counts conduct.
    """
    if offense.is_cannabis_section:
        return NO
    results = [
        against(offense, listed) for listed in (SERIOUS_1192_7C, VIOLENT_667_5C, REGISTRABLE_290C)
    ]
    return YES if YES in results else MAYBE


@lru_cache(maxsize=4096)
def pc1203_4_exclusion(offense: Offense, level: str) -> str:
    """PC 1203.4(b): is this conviction one the section excludes? yes / maybe / no.

    HS 11357-11360 are not on the list; a felony-only row counts for a felony, may count for an
    unknown level, and never for a misdemeanor or infraction.
    """
    if offense.is_cannabis_section:
        return NO
    any_level = against(offense, PC1203_4_EXCLUDED_ANY_LEVEL)
    felony = against(offense, PC1203_4_EXCLUDED_FELONY)
    if level != "felony":
        felony = NO if level in ("misdemeanor", "infraction") or felony == NO else MAYBE
    if YES in (any_level, felony):
        return YES
    return MAYBE if MAYBE in (any_level, felony) else NO


@lru_cache(maxsize=4096)
def pc1170h_offense(offense: Offense) -> str:
    """PC 1203.42: would the offense have been sentenced to county jail under PC 1170(h)?

    Old HS 11358, 11359 and 11360(a) felonies are 1170(h) offenses (decision-rules G.4; Code for
    America's rap-sheet-assistant PC_1170H_FELONIES, research.md 4.4) [S]. PC 1170(h)(3) sends
    a "current felony conviction for a serious felony ... or a violent felony" or a registrable
    one to state prison [M], so a listed serious, violent or PC 290 offense is `no`. The engine
    holds no list of the others, so any other offense is `maybe`.
    """
    if felony_exclusion(offense) == YES:
        return NO
    if offense.kind == "prop64" and (
        offense.section in ("11358", "11359")
        or (offense.section == "11360" and offense.subdivision in (None, "a"))
    ):
        return YES
    return MAYBE
