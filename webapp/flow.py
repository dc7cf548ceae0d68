"""The questionnaire's screens, loaded from flow.yaml and checked at import, and the way
through them.

`walk()` is the one place that decides which screens apply: it goes through the screens in
order, asking each screen's conditions against the answers kept so far. An answer to a screen
that no longer applies (because an earlier answer changed) is ignored, never sent to the
engine. Where a person goes next, back or on resuming (`first_gap`, `after`, `before`) is
decided here too, from the walk; views.py only turns a screen into its address.

Answers are named by their question's id (`where`, `plants`) and a detail by its field
(`code_section`, `birth_year`): `kept["where"]`. The short key each is kept under in the cookie
(flow.yaml's `key:`, `Screen.cookie_key`) is read only by the cookie codec (cookie_codec.py).
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
FIELDS = {
    "id",
    "type",
    "key",
    "options",
    "detail",
    "fact",
    "values",
    "not_after",
    "not_before",
    "when",
}
# A conviction's own number is kept beside its answers (state.py): no answer may take its name.
RESERVED_NAMES = {"number"}
SCHEMA = Path(__file__).with_name("flow.schema.json")


class FlowError(ValueError):
    """flow.yaml is not a valid flow definition."""


@dataclass(frozen=True)
class Screen:
    id: str  # also the name its answer is kept under
    type: str
    cookie_key: str  # the answer's short key in the cookie: cookie_codec.py's alone
    scope: str
    options: tuple = ()
    detail: dict | None = None
    when: tuple = field(default=())  # compiled conditions: callables (context) -> bool
    when_names: tuple = ()
    fact: str | None = None  # the engine fact it fills ("conduct.plants_over_six")
    values: dict = field(default_factory=dict)  # answer -> the fact's value (None: a later screen)
    not_after: str | None = None  # a date screen's: the screen whose date it may not pass
    not_before: str | None = None  # a date screen's: the screen whose date it may not precede

    @property
    def detail_name(self):
        """The name the detail's text is kept under (its field), or None."""
        return self.detail["field"] if self.detail else None

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


def _screen(raw, scope, seen_keys, seen_names):
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
    if sid in RESERVED_NAMES:
        raise FlowError(f"{scope}/{sid}: {sid!r} is the name of the conviction's number")
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
        if detail["field"] in seen_names:
            raise FlowError(f"{scope}/{sid}: a second {detail['field']} detail in {scope}")
        seen_keys[detail["key"]] = sid
    fact, values = _fact(raw, scope, sid, qtype, options)
    when_specs = raw.get("when") or []
    for spec in when_specs:
        earlier_only(spec, seen_names)
    try:
        compiled = tuple(conditions.compile(spec, scope) for spec in when_specs)
    except conditions.UnknownCondition as error:
        raise FlowError(f"{scope}/{sid}: {error}") from None
    seen_names.update(name for name in (sid, detail and detail["field"]) if name)
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
        raw.get("not_before"),
    )


def earlier_only(spec, seen_names):
    """An `answer:` condition may name only earlier questions of the same scope."""
    if isinstance(spec, dict) and isinstance(spec.get("answer"), dict):
        missing = [sid for sid in spec["answer"] if sid not in seen_names]
        if missing:
            raise FlowError(f"answer: {missing} must be earlier questions of the same scope")


def load(path):
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or set(raw) != set(SCOPES):
        raise FlowError(f"the flow needs exactly these sections: {SCOPES}")
    flow = {}
    for scope in SCOPES:
        seen_keys: dict[str, str] = {}  # cookie key -> screen id, in the file's order
        seen_names: set[str] = set()  # the answers' names (ids, detail fields) so far
        seen_ids: set[str] = set()
        screens = [_screen(item, scope, seen_keys, seen_names) for item in raw[scope]]
        for screen in screens:
            if screen.id in seen_ids:
                raise FlowError(f"{scope}/{screen.id}: repeated screen id")
            seen_ids.add(screen.id)
        flow[scope] = tuple(screens)
    for screen in flow["conviction"]:
        for bound in ("not_after", "not_before"):
            other = getattr(screen, bound)
            if other and other not in {s.id for s in flow["conviction"]}:
                raise FlowError(f"conviction/{screen.id}: {bound} {other!r} is no screen")
    return flow


FLOW = load(Path(__file__).with_name("flow.yaml"))
CONVICTION_SCREENS = FLOW["conviction"]
PERSON_SCREENS = FLOW["person"]
BY_ID = {scope: {s.id: s for s in FLOW[scope]} for scope in SCOPES}


# "Another conviction, not for cannabis" on the list page: the offense question answered
# "something else" before it is shown (its code section is still asked there), so the walk
# asks only what decides that conviction's paths (the conduct questions are never decisive).
NOT_CANNABIS = {"offense": "other"}


def answer_names(screen):
    """The names a screen's answers are kept under: its id, and its detail's field."""
    return (screen.id, screen.detail_name) if screen.detail else (screen.id,)


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
            for name in answer_names(screen):
                if name in answers:
                    kept[name] = answers[name]
        if screen is until:
            break
    return applicable, kept


# --- the way through: next, back, first unanswered, resume -----------------------------------


def first_gap(screens, kept):
    """The first screen that applies and has no answer yet (where to resume), or None."""
    return next((s for s in screens if s.id not in kept), None)


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
