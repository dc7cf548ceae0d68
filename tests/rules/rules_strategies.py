"""Hypothesis strategies for cases: schema-valid ones, and single mutations that break them."""

from __future__ import annotations

import calendar

from hypothesis import strategies as st

from rules.validate import (
    AGES,
    CONDUCT_FACTS,
    COURTS,
    KINDS,
    LEVELS,
    PERSON_FACTS,
    PRIOR_FACTS,
    RELIEFS,
    STATUSES,
    TRI,
)

OFFENSES = [
    "HS 11357",
    "HS 11357(a)",
    "H&S 11357(b)",
    "11357(c)",
    "HS 11357(d)",
    "HS 11357(e)",
    "HS 11358",
    "hs11359",
    "HS 11359(b)",
    "HS 11360",
    "11360(a)",
    "HS 11360(b)",
    "PC 664/11359",
    "PC 182(a)(1)/HS 11360",
    "PC 211",
    "21 USC 841",
    "unknown",
    "other",
    "HS 11364",
]


@st.composite
def partial_dates(draw, low=1960, high=2026):
    year = draw(st.integers(low, high))
    form = draw(st.sampled_from(["year", "month", "day"]))
    if form == "year":
        return f"{year:04d}"
    month = draw(st.integers(1, 12))
    if form == "month":
        return f"{year:04d}-{month:02d}"
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return f"{year:04d}-{month:02d}-{day:02d}"


def _facts(names, values=TRI):
    return st.fixed_dictionaries({}, optional={name: st.sampled_from(values) for name in names})


def conviction_strategy(dates_strategy, offense_text):
    return st.fixed_dictionaries(
        {
            "id": st.text(min_size=1, max_size=8),
            "offense": st.one_of(st.sampled_from(OFFENSES), offense_text),
        },
        optional={
            "court": st.sampled_from(COURTS),
            "level": st.sampled_from(LEVELS),
            "offense_date": st.one_of(st.none(), dates_strategy),
            "conviction_date": st.one_of(st.none(), dates_strategy),
            "age_at_offense": st.sampled_from(AGES),
            "sentence": st.fixed_dictionaries(
                {},
                optional={
                    "status": st.sampled_from(STATUSES),
                    "kind": st.sampled_from(KINDS),
                    "probation_revoked": st.sampled_from(TRI),
                    "completed_on": st.one_of(st.none(), dates_strategy),
                },
            ),
            "conduct": _facts(CONDUCT_FACTS),
            "priors": _facts(PRIOR_FACTS),
            "relief_on_record": st.sampled_from(RELIEFS),
            "new_felony_since": st.sampled_from(TRI),
        },
    )


def _first(text):
    return text + "-01-01"[len(text) - 4 :] if len(text) < 10 else text


def _last(text):
    if len(text) == 4:
        return text + "-12-31"
    if len(text) == 7:
        return f"{text}-{calendar.monthrange(int(text[:4]), int(text[5:7]))[1]:02d}"
    return text


def contract_v2(case):
    """Contract v2 makes ids unique and a conviction date certainly before its offense date,
    or after as_of, invalid: drop what breaks that, so `cases` stays valid."""
    for conviction in case["convictions"]:
        offense, convicted = conviction.get("offense_date"), conviction.get("conviction_date")
        if convicted is not None and (
            _first(convicted) > case["as_of"]
            or (offense is not None and _last(convicted) < _first(offense))
        ):
            conviction.pop("conviction_date")
    return case


def case_strategy(dates_strategy, as_of_strategy, offense_text):
    return st.fixed_dictionaries(
        {
            "as_of": as_of_strategy,
            "convictions": st.lists(
                conviction_strategy(dates_strategy, offense_text),
                min_size=1,
                max_size=4,
                unique_by=lambda c: c["id"],
            ),
        },
        optional={"person": _facts(PERSON_FACTS)},
    ).map(contract_v2)


convictions = conviction_strategy(partial_dates(), st.text(min_size=1, max_size=64))
cases = case_strategy(
    partial_dates(),
    partial_dates(2017, 2030).filter(lambda d: len(d) == 10),
    st.text(min_size=1, max_size=64),
)
# Every date the calendar holds (0001 to 9999) and any Unicode in the offense.
any_unicode = st.text(st.characters(codec=None), min_size=1, max_size=64)
wide_cases = case_strategy(
    partial_dates(1, 9999), partial_dates(1, 9999).filter(lambda d: len(d) == 10), any_unicode
)


# A mutation: (function changing a valid case in place, the field path the error must name).
def _set(path, value):
    def apply(case):
        target = case
        for part in path[:-1]:
            target = target[part] if not isinstance(target, list) else target[part]
            if isinstance(target, dict) is False and isinstance(target, list) is False:
                raise AssertionError
        target[path[-1]] = value

    return apply


def _field(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@st.composite
def broken_cases(draw):
    """A valid case with one thing wrong, and the path the error must name."""
    case = draw(cases)
    index = draw(st.integers(0, len(case["convictions"]) - 1))
    conviction = case["convictions"][index]
    choice = draw(
        st.sampled_from(
            [
                "enum",
                "unknown_field",
                "impossible_date",
                "bad_date",
                "empty",
                "missing",
                "nested_enum",
                "long_id",
                "as_of",
                "type",
                "unknown_top",
                "person",
                "duplicate_id",
                "convicted_before_offense",
                "convicted_after_as_of",
            ]
        )
    )
    if choice == "duplicate_id":
        case["convictions"].append(dict(conviction))
        return case, f"convictions[{len(case['convictions']) - 1}].id"
    if choice == "convicted_before_offense":
        conviction["offense_date"], conviction["conviction_date"] = "2015-03-02", "2015-03-01"
        return case, f"convictions[{index}].conviction_date"
    if choice == "convicted_after_as_of":
        conviction.pop("offense_date", None)
        conviction["conviction_date"] = "9999-12-31"
        return case, f"convictions[{index}].conviction_date"
    if choice == "enum":
        name = draw(st.sampled_from(["court", "level", "age_at_offense", "relief_on_record"]))
        conviction[name] = draw(st.sampled_from(["felon", "", "YES", 1, None, True]))
        return case, f"convictions[{index}].{name}"
    if choice == "unknown_field":
        name = draw(st.sampled_from(["plea", "county", "Level", "dob"]))
        conviction[name] = "x"
        return case, f"convictions[{index}].{name}"
    if choice == "impossible_date":
        name = draw(st.sampled_from(["offense_date", "conviction_date"]))
        conviction[name] = draw(
            st.sampled_from(
                ["2015-02-30", "2026-13-01", "2026-13", "2015-02-29", "2016-04-31", "0000"]
            )
        )
        return case, f"convictions[{index}].{name}"
    if choice == "bad_date":
        name = draw(st.sampled_from(["offense_date", "conviction_date"]))
        conviction[name] = draw(st.sampled_from(["05/02/2014", "2014-5-2", "", 2014, "14"]))
        return case, f"convictions[{index}].{name}"
    if choice == "empty":
        case["convictions"] = []
        return case, "convictions"
    if choice == "missing":
        name = draw(st.sampled_from(["id", "offense"]))
        conviction.pop(name)
        return case, f"convictions[{index}].{name}"
    if choice == "nested_enum":
        group, names = draw(
            st.sampled_from(
                [
                    ("sentence", ["status", "kind", "probation_revoked"]),
                    ("conduct", sorted(CONDUCT_FACTS)),
                    ("priors", sorted(PRIOR_FACTS)),
                ]
            )
        )
        name = draw(st.sampled_from(names))
        conviction.setdefault(group, {})[name] = draw(st.sampled_from(["maybe", "Yes", 0, None]))
        return case, f"convictions[{index}].{group}.{name}"
    if choice == "long_id":
        name = draw(st.sampled_from(["id", "offense"]))
        conviction[name] = draw(st.sampled_from(["", "x" * 65, 7]))
        return case, f"convictions[{index}].{name}"
    if choice == "as_of":
        case["as_of"] = draw(st.sampled_from(["2026", "2026-02-30", "26-11-24", None]))
        return case, "as_of"
    if choice == "type":
        case["convictions"] = draw(st.sampled_from([{}, "x", None]))
        return case, "convictions"
    if choice == "unknown_top":
        case["asof"] = "2026-01-01"
        return case, "asof"
    name = draw(st.sampled_from(sorted(PERSON_FACTS)))
    case["person"] = {name: "perhaps"}
    return case, f"person.{name}"
