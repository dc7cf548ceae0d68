"""The answers cookie's one schema, checked whole before any of it is used (issue 14).

A validly signed cookie can still hold what no page of ours writes: one from an older version,
or made by anyone who has the key. A list where a string belongs, an unknown county or nested
values gave 500s on every page. So the reader (state.py) accepts the cookie only if every
value is one this app itself stores, in canonical form; anything else is an unreadable cookie
("Your answers could not be read"), never half used. The shape, from flow.yaml:

    c  at most MAX_CONVICTIONS objects, each {"i": a unique number, <conviction key>: <value>},
       and "x": distinct conviction keys in one string (the record's facts worker mode's follow-ups asked)
    p  {<person key>: <value>}
    n  the next conviction number
    l  a language code
    csrf_token  Flask-WTF's token secret
    e  a question to explain once: its answer was refused by the engine (refused_answers.py)
    t  a form sent with errors, shown once by the page its 303 goes to (views.show_again)
    d  "your answers were deleted", shown once after Start over
    b  the language "Read this page in English" came from: English pages offer the way back

and each answer is one of its screen's options; a date is "u", YYYY, YYYY-MM or YYYY-MM-DD in
ASCII digits; a county is "u" or its number; a code section and a birth year are what their
readers accept (forms.CODE_SECTION, four ASCII digits).

The inflated size is bounded too: the cookie is zlib-compressed JSON, and a 5.5 KB cookie
inflated to 4 MB before any check. `BoundedSerializer` stops inflating at MAX_INFLATED bytes.
"""

import re
import zlib
from typing import Any

from itsdangerous import BadPayload, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode
from itsdangerous.url_safe import URLSafeSerializerMixin

from .flow import CONVICTION_SCREENS, PERSON_SCREENS
from .labels import COUNTIES

# 50 convictions with every answer given take about 12 KB of JSON: four times that is plenty.
MAX_INFLATED = 48 * 1024
MAX_NUMBER = 1_000_000
MAX_TOKEN = 128
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
YEAR = re.compile(r"[0-9]{4}")
COUNTY_CODES = frozenset({"u", *(str(number) for number in range(1, len(COUNTIES) + 1))})


class BoundedSerializer(URLSafeTimedSerializer):
    """itsdangerous' URL-safe serializer, inflating at most MAX_INFLATED bytes."""

    def load_payload(
        self, payload: bytes, *args: Any, serializer: Any = None, **kwargs: Any
    ) -> Any:
        if not payload.startswith(b"."):
            return super().load_payload(payload, serializer=serializer)
        try:
            compressed = base64_decode(payload[1:])
            inflater = zlib.decompressobj()
            json = inflater.decompress(compressed, MAX_INFLATED)
        except Exception as error:
            raise BadPayload("could not inflate the payload", error) from error
        if inflater.unconsumed_tail or not inflater.eof:
            raise BadPayload(f"the payload inflates past {MAX_INFLATED} bytes")
        # The URL-safe mixin's own step (base64, inflate) is done: on to the JSON serializer.
        return super(URLSafeSerializerMixin, self).load_payload(json, serializer=serializer)


def bounded(serializer):
    """The same serializer (keys, salt, JSON tags, signer), inflating at most MAX_INFLATED."""
    return BoundedSerializer(
        serializer.secret_keys,
        salt=serializer.salt,
        serializer=serializer.serializer,
        signer_kwargs=serializer.signer_kwargs,
    )


def _allowed(screen):
    """{key: a check} for the values one screen stores."""
    if screen.type == "date":
        checks = {screen.key: lambda value: value == "u" or bool(DATE.fullmatch(value))}
    elif screen.type == "select":
        checks = {screen.key: COUNTY_CODES.__contains__}
    else:
        checks = {screen.key: frozenset(screen.options).__contains__}
    if screen.detail:
        from .forms import CODE_SECTION  # forms imports labels and flow, never this module

        field = screen.detail["field"]
        checks[screen.detail["key"]] = (
            (lambda value: bool(CODE_SECTION.fullmatch(value)))
            if field == "code_section"
            else (lambda value: bool(YEAR.fullmatch(value)))
        )
    return checks


SCREEN_IDS = frozenset(screen.id for screen in (*CONVICTION_SCREENS, *PERSON_SCREENS))
CONVICTION_VALUES = {
    key: check for screen in CONVICTION_SCREENS for key, check in _allowed(screen).items()
}
PERSON_VALUES = {key: check for screen in PERSON_SCREENS for key, check in _allowed(screen).items()}


def _answers(answers, checks, skip=()):
    return isinstance(answers, dict) and all(
        key in skip or (key in checks and isinstance(value, str) and checks[key](value))
        for key, value in answers.items()
    )


def _keys(text):
    """Distinct conviction answer keys, one space between: "a od"."""
    keys = text.split(" ") if isinstance(text, str) and text else []
    return (
        isinstance(text, str)
        and len(set(keys)) == len(keys)
        and all(key in CONVICTION_VALUES for key in keys)
    )


def _number(value):
    return type(value) is int and 1 <= value <= MAX_NUMBER


def valid(data, languages, max_convictions):
    """True if `data` is a state this app could have written."""
    if not isinstance(data, dict):
        return False
    checks = {
        "c": lambda c: (
            isinstance(c, list)
            and len(c) <= max_convictions
            and all(
                isinstance(one, dict)
                and _number(one.get("i"))
                and _answers(one, CONVICTION_VALUES, skip=("i", "x"))
                and _keys(one.get("x", ""))
                for one in c
            )
            and len({one["i"] for one in c}) == len(c)
        ),
        "p": lambda p: _answers(p, PERSON_VALUES),
        "n": _number,
        "l": lambda code: isinstance(code, str) and code in languages,
        "csrf_token": lambda token: isinstance(token, str) and len(token) <= MAX_TOKEN,
        # refused_answers.py: [conviction number, or 0 for the person; the screen to explain]
        "e": lambda e: (
            isinstance(e, list)
            and len(e) == 2
            and type(e[0]) is int
            and 0 <= e[0] <= MAX_NUMBER
            and e[1] in SCREEN_IDS
        ),
        # views.show_again (issue 15): [the question's path, the form sent with errors, 0/1]
        "t": _typed,
        # views.start_over: "your answers were deleted", shown once
        "d": lambda flag: flag == 1,
        # "Read this page in English" from this language: the way back
        "b": lambda code: isinstance(code, str) and code in languages,
    }
    return all(key in checks and checks[key](value) for key, value in data.items())


MAX_TYPED_FIELDS = 8  # a question's form: answer, detail, year, month, unsure
# Worker mode's pages (webapp/worker/views.py): the record table's cells and paste box, the
# follow-up page's answers; the cookie's size budget (state.fits) bounds them further.
WORKER_PATHS = "/worker/"
MAX_TABLE_FIELDS = 4 + 50 * 10
MAX_BOX = 20_000


def _typed(t):
    if not (isinstance(t, list) and len(t) == 3 and isinstance(t[0], str)):
        return False
    table = t[0].startswith(WORKER_PATHS)
    fields, length = (MAX_TABLE_FIELDS, MAX_BOX) if table else (MAX_TYPED_FIELDS, 100)
    return (
        t[0].startswith("/")
        and len(t[0]) <= 200
        and t[2] in (0, 1)
        and isinstance(t[1], list)
        and len(t[1]) <= fields
        and all(
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) and len(part) <= length for part in pair)
            for pair in t[1]
        )
    )
