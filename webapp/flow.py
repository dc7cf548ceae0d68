"""The questionnaire's screens, loaded from flow.yaml and checked at import, and the way
through them.

`walk()` is the one place that decides which screens apply: it goes through the screens in
order, asking each screen's conditions against the answers kept so far. An answer to a screen
that no longer applies (because an earlier answer changed) is ignored, never sent to the
engine. Where a person goes next, back or on resuming (`first_gap`, `after`, `before`) is
decided here too, from the walk; views.py only turns a screen into its address.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rules.validate import FACT_VALUES

from . import conditions
from .labels import QUESTIONS

QUESTION_TYPES = {"choice", "yes_no_unsure", "date", "select"}
YES_NO_UNSURE = ("y", "n", "u")
TRI_VALUES = {"y": "yes", "n": "no", "u": "unknown"}
SCOPES = ("conviction", "person")
DETAIL_FIELDS = {"code_section", "birth_year"}
DATE_FACTS = {"offense_date", "conviction_date", "sentence.completed_on"}
FREE_TEXT_FACTS = {"offense"}  # a code section as written: any text the engine reads
FIELDS = {"id", "type", "key", "options", "detail", "fact", "values", "not_after", "when"}
SCHEMA = Path(__file__).with_name("flow.schema.json")


class FlowError(ValueError):
    """flow.yaml is not a valid flow definition."""


@dataclass(frozen=True)
class Screen:
    id: str
    type: str
    key: str
    scope: str
    options: tuple = ()
    detail: dict | None = None
    when: tuple = field(default=())  # compiled conditions: callables (context) -> bool
    when_names: tuple = ()
    fact: str | None = None  # the engine fact it fills ("conduct.plants_over_six")
    values: dict = field(default_factory=dict)  # answer -> the fact's value (None: a later screen)
    not_after: str | None = None  # a date screen's: the screen whose date it may not pass

    def applies(self, context):
        return all(check(context) for check in self.when)

    def value(self, answer):
        """The fact's value for `answer` (as kept), or None when it says nothing."""
        if self.type == "date":
            return None if answer in (None, "u") else answer
        return self.values.get(answer)


def _fact(raw, scope, sid, qtype, options):
    """(fact path, {answer: value}) as declared, checked against the engine's vocabulary."""
    fact, values = raw.get("fact"), raw.get("values")
    where = f"{scope}/{sid}"
    if fact is None:
        if values is not None:
            raise FlowError(f"{where}: values without a fact")
        return None, {}
    known = fact in FACT_VALUES or fact in DATE_FACTS or fact in FREE_TEXT_FACTS
    if not known or (scope == "person") != fact.startswith("person."):
        raise FlowError(f"{where}: {fact!r} is not a {scope} fact of the engine")
    if qtype == "date":
        if fact not in DATE_FACTS or values is not None:
            raise FlowError(f"{where}: a date question fills a date fact, as typed")
        return fact, {}
    if qtype == "yes_no_unsure" and values is None:
        values = TRI_VALUES
    if not isinstance(values, dict) or set(values) != set(options):
        raise FlowError(f"{where}: values must give each of the options {options} a value")
    allowed = FACT_VALUES.get(fact)
    wrong = [v for v in values.values() if v is not None and allowed and v not in allowed]
    if wrong:
        raise FlowError(f"{where}: {wrong} are not values of {fact}")
    return fact, dict(values)


def _screen(raw, scope, seen_keys):
    if not isinstance(raw, dict):
        raise FlowError(f"{scope}: every screen must be a mapping, got {raw!r}")
    unknown = set(raw) - FIELDS
    if unknown:
        raise FlowError(f"{scope}/{raw.get('id')}: unknown field(s) {sorted(unknown)}")
    sid, qtype, key = raw.get("id"), raw.get("type"), raw.get("key")
    if qtype not in QUESTION_TYPES:
        raise FlowError(f"{scope}/{sid}: unknown question type {qtype!r}")
    if sid not in QUESTIONS:
        raise FlowError(f"{scope}/{sid}: no words for this screen in labels.py")
    if not key or key in seen_keys:
        raise FlowError(f"{scope}/{sid}: missing or repeated answer key {key!r}")
    seen_keys[key] = sid
    options = tuple(raw.get("options") or ())
    if qtype == "choice":
        words = QUESTIONS[sid].get("options", {})
        if not options or any(option not in words for option in options):
            raise FlowError(f"{scope}/{sid}: options {options} need words in labels.py")
    elif options:
        raise FlowError(f"{scope}/{sid}: only choice screens list options")
    if qtype == "yes_no_unsure":
        options = YES_NO_UNSURE
    detail = raw.get("detail")
    if detail is not None:
        if detail.get("field") not in DETAIL_FIELDS or not detail.get("key"):
            raise FlowError(f"{scope}/{sid}: detail needs a key and a field in {DETAIL_FIELDS}")
        if detail["key"] in seen_keys:
            raise FlowError(f"{scope}/{sid}: repeated answer key {detail['key']!r}")
        seen_keys[detail["key"]] = sid
    fact, values = _fact(raw, scope, sid, qtype, options)
    when_specs = raw.get("when") or []
    try:
        compiled = tuple(
            conditions.compile(spec, scope, answer_keys(spec, seen_keys)) for spec in when_specs
        )
    except conditions.UnknownCondition as error:
        raise FlowError(f"{scope}/{sid}: {error}") from None
    return Screen(
        sid,
        qtype,
        key,
        scope,
        options,
        detail,
        compiled,
        tuple(map(str, when_specs)),
        fact,
        values,
        raw.get("not_after"),
    )


def answer_keys(spec, seen_keys):
    """{screen id: its answer key} for an `answer:` condition's earlier screens."""
    by_id: dict[str, str] = {}
    for key, sid in seen_keys.items():
        by_id.setdefault(sid, key)  # the screen's own answer comes before its detail's
    if isinstance(spec, dict) and isinstance(spec.get("answer"), dict):
        missing = [sid for sid in spec["answer"] if sid not in by_id]
        if missing:
            raise FlowError(f"answer: {missing} must be earlier questions of the same scope")
    return by_id


def load(path):
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or set(raw) != set(SCOPES):
        raise FlowError(f"the flow needs exactly these sections: {SCOPES}")
    flow = {}
    for scope in SCOPES:
        seen_keys: dict[str, str] = {}  # answer key -> screen id, in the file's order
        seen_ids: set[str] = set()
        screens = [_screen(item, scope, seen_keys) for item in raw[scope]]
        for screen in screens:
            if screen.id in seen_ids:
                raise FlowError(f"{scope}/{screen.id}: repeated screen id")
            seen_ids.add(screen.id)
        flow[scope] = tuple(screens)
    for screen in flow["conviction"]:
        if screen.not_after and screen.not_after not in {s.id for s in flow["conviction"]}:
            raise FlowError(f"conviction/{screen.id}: not_after {screen.not_after!r} is no screen")
    return flow


FLOW = load(Path(__file__).with_name("flow.yaml"))
CONVICTION_SCREENS = FLOW["conviction"]
PERSON_SCREENS = FLOW["person"]
BY_ID = {scope: {s.id: s for s in FLOW[scope]} for scope in SCOPES}


# "Another conviction, not for cannabis" on the list page: the offense question answered
# "something else" before it is shown (its code section is still asked there), so the walk
# asks only what decides that conviction's paths (the conduct questions are never decisive).
NOT_CANNABIS = {BY_ID["conviction"]["offense"].key: "other"}


def stored_keys(screen):
    return (screen.key, screen.detail["key"]) if screen.detail else (screen.key,)


def walk(screens, answers, make_context, until=None):
    """The screens that apply, in order, and the answers that count.

    Returns (applicable screens, kept answers). A screen's conditions see only the answers
    kept before it, so the outcome never depends on a stale answer. With `until`, the walk
    stops after that screen: what comes before it does not depend on what comes after, and
    showing a question needs no more (the later screens' conditions ask the engine).
    """
    kept: dict[str, object] = {}
    applicable: list[Screen] = []
    for screen in screens:
        if screen.applies(make_context(kept)):
            applicable.append(screen)
            for key in stored_keys(screen):
                if key in answers:
                    kept[key] = answers[key]
        if screen is until:
            break
    return applicable, kept


def answer(kept, screen_id, scope="conviction"):
    """The answer kept for the named question (None when there is none)."""
    return kept.get(BY_ID[scope][screen_id].key)


def detail(kept, screen_id, scope="conviction"):
    """The named question's extra text (the code section, the birth year), or None."""
    screen = BY_ID[scope][screen_id]
    return kept.get(screen.detail["key"]) if screen.detail else None


# --- the way through: next, back, first unanswered, resume -----------------------------------


def first_gap(screens, kept):
    """The first screen that applies and has no answer yet (where to resume), or None."""
    return next((s for s in screens if s.key not in kept), None)


def after(screens, kept, screen):
    """The screen to ask after `screen` has been answered, or None when the scope is done:
    the next that applies, or, if `screen` itself no longer applies, the first unanswered."""
    if screen in screens:
        later = screens[screens.index(screen) + 1 :]
        return later[0] if later else None
    return first_gap(screens, kept)


def before(screens, screen):
    """The screen asked before `screen`, or None when it is the first of its scope."""
    earlier = screens[: screens.index(screen)]
    return earlier[-1] if earlier else None
