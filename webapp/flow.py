"""The questionnaire's screens, loaded from flow.yaml and checked at import.

`walk()` is the one place that decides which screens apply: it goes through the screens in
order, asking each screen's named conditions against the answers kept so far. An answer to a
screen that no longer applies (because an earlier answer changed) is ignored, never sent to
the engine.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import conditions
from .labels import QUESTIONS

QUESTION_TYPES = {"choice", "yes_no_unsure", "date", "select"}
YES_NO_UNSURE = ("y", "n", "u")
SCOPES = ("conviction", "person")
DETAIL_FIELDS = {"code_section", "birth_year"}


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

    def applies(self, context):
        return all(check(context) for check in self.when)


def _screen(raw, scope, seen_keys):
    if not isinstance(raw, dict):
        raise FlowError(f"{scope}: every screen must be a mapping, got {raw!r}")
    unknown = set(raw) - {"id", "type", "key", "options", "detail", "when"}
    if unknown:
        raise FlowError(f"{scope}/{raw.get('id')}: unknown field(s) {sorted(unknown)}")
    sid, qtype, key = raw.get("id"), raw.get("type"), raw.get("key")
    if qtype not in QUESTION_TYPES:
        raise FlowError(f"{scope}/{sid}: unknown question type {qtype!r}")
    if sid not in QUESTIONS:
        raise FlowError(f"{scope}/{sid}: no words for this screen in labels.py")
    if not key or key in seen_keys:
        raise FlowError(f"{scope}/{sid}: missing or repeated answer key {key!r}")
    seen_keys.add(key)
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
        seen_keys.add(detail["key"])
    when_specs = raw.get("when") or []
    try:
        compiled = tuple(conditions.compile(spec, scope) for spec in when_specs)
    except conditions.UnknownCondition as error:
        raise FlowError(f"{scope}/{sid}: {error}") from None
    return Screen(sid, qtype, key, scope, options, detail, compiled, tuple(map(str, when_specs)))


def load(path):
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or set(raw) != set(SCOPES):
        raise FlowError(f"the flow needs exactly these sections: {SCOPES}")
    flow = {}
    for scope in SCOPES:
        seen_keys: set[str] = set()
        seen_ids: set[str] = set()
        screens = [_screen(item, scope, seen_keys) for item in raw[scope]]
        for screen in screens:
            if screen.id in seen_ids:
                raise FlowError(f"{scope}/{screen.id}: repeated screen id")
            seen_ids.add(screen.id)
        flow[scope] = tuple(screens)
    return flow


FLOW = load(Path(__file__).with_name("flow.yaml"))
CONVICTION_SCREENS = FLOW["conviction"]
PERSON_SCREENS = FLOW["person"]
BY_ID = {scope: {s.id: s for s in FLOW[scope]} for scope in SCOPES}


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
