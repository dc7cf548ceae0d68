"""`decisive_facts(case)`: which unknown facts could change each conviction's result.

Computed by re-evaluation, so it is right by construction: for every unknown fact the rules
read for a conviction, evaluate again with the fact answered each possible way; the fact is
decisive when some answer changes the result (the Prop 64 outcome or possible outcomes, the
procedure, automatic review, or any other path's outcome, automatic review or procedure, and
which paths are listed: PC 1203.425, the petitioned dismissals of part G, HS 11361.5). The web
app asks only those: whether probation was granted or revoked, the kind of sentence and when it
ended only where they decide a path.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from . import dates, law, pc1203_4, pc1203_425, priors
from .evaluate import settled
from .validate import FACT_VALUES, read_case

DATE_PATHS = ("offense_date", "conviction_date", "sentence.completed_on")
OFFENSE_TRIALS = ("HS 11357", "HS 11358", "HS 11359", "HS 11360", "PC 211")


def _boundaries(path: str, as_of: date) -> list[date]:
    """The days on which a date's side can change an answer (the law's dated boundaries)."""
    if path == "sentence.completed_on":
        years = [
            law.PC1203_425_WAIT_YEARS_FELONY.current,
            law.PC1203_41_WAIT_YEARS_SPLIT.current,  # G.3: one year after a split sentence,
            law.PC1203_41_WAIT_YEARS_STRAIGHT.current,  # two after a straight term
            law.PC1203_42_WAIT_YEARS.current,  # G.4: two years after prison
        ]
        days = [dates.add_years(as_of, -n) for n in years]
    else:
        days = [
            law.OLD_11357B_INFRACTION_FROM.current,
            law.PROP64_EFFECTIVE.current,
            law.AUTOMATIC_REVIEW_BEFORE.current,
            law.PC1203_425_CONVICTED_ON_OR_AFTER.on(as_of),
            dates.add_years(as_of, -law.PC1203_425_WAIT_YEARS_MISDEMEANOR.on(as_of)),
            dates.add_years(as_of, -law.PC1203_4A_WAIT_YEARS.on(as_of)),  # G.2
            law.REALIGNMENT.current,  # G.3 (offense), G.4 (sentence)
            law.HS11361_5_AUTOMATIC_FROM.current,  # H: before 1976 on application only
            dates.add_years(as_of, -law.HS11361_5_KEEP_YEARS.on(as_of)),  # H: two years
            dates.add_years(as_of, -law.HS11361_5_KEEP_UNTIL_AGE.current),  # H: old (e)
        ]
    # A boundary before year 1 cannot be crossed by a date the calendar holds; one named twice
    # is tried once.
    return sorted({day for day in days if day is not None})


def _date_trials(path: str, values: dict[str, Any], as_of: date) -> list[Any]:
    """Days either side of each boundary, inside what is known of the date and possible (an
    offense comes before its conviction, and both before `as_of`)."""
    interval = values[path]
    earliest, latest = date.min, as_of
    if path == "offense_date" and values["conviction_date"] is not None:
        latest = min(latest, values["conviction_date"].last)
    if path == "conviction_date" and values["offense_date"] is not None:
        earliest = values["offense_date"].first
    if path == "sentence.completed_on" and values["conviction_date"] is not None:
        earliest = values["conviction_date"].first
    if interval is not None:
        earliest, latest = max(earliest, interval.first), min(latest, interval.last)
    trials = []
    for boundary in _boundaries(path, as_of):
        for day in (dates.day_before(boundary), boundary):
            if day is not None and earliest <= day <= latest:
                trials.append(dates.Interval(day, day))
    return trials


def _trials(path: str, values: dict[str, Any], as_of: date) -> list[Any]:
    if path in DATE_PATHS:
        interval = values[path]
        if interval is not None and interval.first == interval.last:
            return []
        return _date_trials(path, values, as_of)
    if path == "offense":
        if values["offense"].kind != "unknown":
            return []
        from .offense import parse_offense

        return [parse_offense(text) for text in OFFENSE_TRIALS]
    if path in FACT_VALUES and values[path] == "unknown":
        return [value for value in FACT_VALUES[path] if value != "unknown"]
    return []


def _path_of(key: str) -> str | None:
    """An explored question's input path (`conviction_date+1y` -> `conviction_date`)."""
    for prefix in DATE_PATHS:
        if key.startswith(prefix):
            return prefix
    if key.startswith(("law.", "amount.", "offense.")):
        return None  # an uncertainty in the law or the record, not a question for the person
    return key


class Decisive:
    """One case, read once, asked which of its unknown facts are decisive as often as needed.

    The web's walk asks about one fact per screen, and the screens that do not apply leave the
    answers as they were: the next screen asks about the same case. Reading it, deriving its
    cross-conviction facts and evaluating it as answered are done here once, and every trial's
    result is kept, so each further question costs only its own trials. Nothing outlives the
    object (the web keeps it for one request).
    """

    def __init__(
        self, case: dict[str, Any], seen: dict[Any, tuple[tuple[Any, ...], set[str]]] | None = None
    ) -> None:
        """`seen`: the results of earlier trials, to share with the Decisive of a case that
        answers one more question (its answer was one of this case's trials). A new dict if
        None; its keys are a conviction's every value and the day, so any case may share it."""
        self.as_of, _, self.convictions = read_case(case)
        pc1203_425.derive_new_felony(self.convictions)
        pc1203_4.derive_serving_another(self.convictions)
        priors.derive_from_case(self.convictions)
        self._seen: dict[Any, tuple[tuple[Any, ...], set[str]]] = {} if seen is None else seen
        self._candidates: dict[str, set[str]] = {}

    def _signature(self, values: dict[str, Any]) -> tuple[tuple[Any, ...], set[str]]:
        key = (self.as_of, *values.values())
        if key not in self._seen:
            # The rules' settled results, not the determination copied out of them: the same
            # answers, without building every reason's dict a trial.
            result = settled(values, self.as_of)
            self._seen[key] = (result.signature(), result.read())
        return self._seen[key]

    def _candidates_of(self, values: dict[str, Any], read: set[str]) -> set[str]:
        """The fact paths worth trying for one conviction: those its rules read, and the ones
        whose answer can list or drop a path."""
        found = self._candidates.get(values["id"])
        if found is None:
            found = self._candidates[values["id"]] = {
                path
                for path in {_path_of(key) for key in read}
                | {"court", *DATE_PATHS, "sentence.status"}
                if path is not None
            }
        return found

    def facts(self, only: Collection[str] | None = None) -> dict[str, list[str]]:
        """{conviction id: [fact paths whose answer could change that conviction's result]};
        with `only`, just those fact paths are tried."""
        answer: dict[str, list[str]] = {}
        for values in self.convictions:
            base, read = self._signature(values)
            candidates = self._candidates_of(values, read)
            decisive = []
            tried = candidates if only is None else candidates.intersection(only)
            for path in sorted(tried):
                for trial in _trials(path, values, self.as_of):
                    if self._signature({**values, path: trial})[0] != base:
                        decisive.append(path)
                        break
            answer[values["id"]] = decisive
        return answer


def decisive_facts(
    case: dict[str, Any], only: Collection[str] | None = None
) -> dict[str, list[str]]:
    """{conviction id: [fact paths whose answer could change that conviction's result]}.

    With `only`, just those fact paths are tried: a question about one fact (the web's
    `decisive:` condition) need not try every other fact the rules read."""
    return Decisive(case).facts(only)
