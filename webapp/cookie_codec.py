"""The answers cookie's short keys: the one module that knows them (house style 14).

The whole state must fit one cookie (state.COOKIE_BUDGET), so the cookie writes it with keys of
a letter or two. Everywhere else code names each part of the state, and each answer, by what it
is: the parts by the names below, an answer by its question's id in flow.yaml (`where`,
`plants`), a question's extra text by its field (`code_section`, `birth_year`). This module
turns one into the other as the cookie is written and read, inside the session's serializer,
so `session["convictions"]` is all the rest of the app ever sees.

    name            key  what
    convictions     c    [{number: i, <answer name>: <its key in flow.yaml>: the option, ...,
                          asked: x: "age happened" as "a od", the record's facts worker
                          mode's follow-ups asked}]
    person          p    {<answer name>: the option}: the person-level answers
    next_number     n    the next conviction's number
    language        l    the language chosen on the site
    csrf_token      csrf_token   Flask-WTF's secret for the form token, under its own name
    refused         e    a question to explain once: the engine refused its answer
    typed           t    a form sent with errors, shown once by the GET its 303 goes to
    deleted         d    "your answers were deleted", shown once after Start over
    english_from    b    the language "Read this page in English" came from

Each question's key is declared beside it in flow.yaml (`key:`) and read here alone. The cookie
holds the same JSON, key for key, as before the names: a cookie signed by an earlier version
still reads. What the values may be is cookie_schema.py's to check, on the names.
"""

from typing import Any

from flask.json.tag import TaggedJSONSerializer

from .flow import CONVICTION_SCREENS, PERSON_SCREENS

PARTS = {
    "convictions": "c",
    "person": "p",
    "next_number": "n",
    "language": "l",
    "csrf_token": "csrf_token",  # read and written by Flask-WTF, by this name
    "refused": "e",
    "typed": "t",
    "deleted": "d",
    "english_from": "b",
}


def _answer_keys(screens):
    """{answer name: its key in the cookie} for a scope's questions, in flow order."""
    keys = {}
    for screen in screens:
        keys[screen.id] = screen.cookie_key
        if screen.detail:
            keys[screen.detail_name] = screen.detail["key"]
    return keys


ANSWER_KEYS = _answer_keys(CONVICTION_SCREENS)
CONVICTION_KEYS = {"number": "i", "asked": "x", **ANSWER_KEYS}
ANSWER_NAMES = {key: name for name, key in ANSWER_KEYS.items()}
LISTS = ("asked",)  # a conviction's values that are answer names, one space between
PERSON_KEYS = _answer_keys(PERSON_SCREENS)
NAMES = {
    part: {key: name for name, key in table.items()}
    for part, table in ((None, PARTS), ("c", CONVICTION_KEYS), ("p", PERSON_KEYS))
}


class Unreadable(ValueError):
    """The cookie holds a key this app never writes."""


def _renamed(answers, table):
    if not isinstance(answers, dict):
        return answers
    return {
        table.get(name, name): _listed(value, ANSWER_KEYS, strict=False) if name in LISTS else value
        for name, value in answers.items()
    }


def _listed(text, table, strict=True):
    """ "age happened" -> "a od" (or back): a value that lists answers, by `table`; a word not
    in it is written as it is, and refused when read (`strict`)."""
    if not isinstance(text, str) or not text:
        return text  # a wrong shape: cookie_schema.py refuses it
    words = text.split(" ")
    if strict and any(word not in table for word in words):
        raise Unreadable("an unknown answer in a list")
    return " ".join(table.get(word, word) for word in words)


def encode(state: dict[str, Any]) -> dict[str, Any]:
    """The state with its names as the cookie's keys. A name not listed here is written as it
    is, and the reader refuses it as it refuses any state this app does not write."""
    if not isinstance(state, dict):
        return state
    cookie = {}
    for name, value in state.items():
        if name == "convictions" and isinstance(value, list):
            value = [_renamed(one, CONVICTION_KEYS) for one in value]
        elif name == "person":
            value = _renamed(value, PERSON_KEYS)
        cookie[PARTS.get(name, name)] = value
    return cookie


def _named(answers, part):
    if not isinstance(answers, dict):
        return answers  # a wrong shape: cookie_schema.py refuses it
    table = NAMES[part]
    try:
        named = {table[key]: value for key, value in answers.items()}
    except KeyError:
        raise Unreadable("an unknown answer key") from None
    for name in LISTS:
        if name in named:
            named[name] = _listed(named[name], ANSWER_NAMES)
    return named


def decode(cookie: Any) -> dict[str, Any]:
    """The cookie's state with names; Unreadable if it holds a key this app does not write."""
    if not isinstance(cookie, dict):
        raise Unreadable("the state is not an object")
    state = {}
    for key, value in cookie.items():
        name = NAMES[None].get(key)
        if name is None:
            raise Unreadable("an unknown key")
        if key == "c" and isinstance(value, list):
            value = [_named(one, "c") for one in value]
        elif key == "p":
            value = _named(value, "p")
        state[name] = value
    return state


class Serializer(TaggedJSONSerializer):
    """Flask's session serializer (tagged JSON) over the cookie's keys: the signing serializer
    (state.py) reads and writes the state by its names through this."""

    def dumps(self, value: Any) -> str:
        return super().dumps(encode(value))

    def loads(self, value: str) -> Any:
        return decode(super().loads(value))


SERIALIZER = Serializer()
