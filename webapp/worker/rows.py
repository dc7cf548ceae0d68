"""One row of the dense entry table: cell text <-> the answers the public walk keeps.

A row fills the same answers as the walk's screens (named by flow.yaml's questions), so everything
after the table (follow-up questions, the engine's case, the result) is the public walk's own code.
Reading a row returns the answers and, for each cell that cannot be read, the cell's name and
what is wrong; the page words it as "Row 4: offense date – 02/31/2014 is not a real date".
"""

import difflib
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

import rules
from rules.text import ascii_number

from ..flow import BY_ID, answer_names
from ..forms import CODE_SECTION, too_late
from ..labels import COUNTIES, QUESTIONS
from ..state import MAX_CONVICTIONS
from . import dates

MAX_ROWS = MAX_CONVICTIONS  # the public walk's limit


def names_of(*screen_ids):
    """The answers of the named questions (flow.yaml), their detail's too."""
    return tuple(name for sid in screen_ids for name in answer_names(BY_ID["conviction"][sid]))


@dataclass(frozen=True)
class Column:
    name: str  # the cell's form field: "<name>-<row position>"
    label: object  # the column header; also names the field in an error
    answers: tuple  # the answers (flow.yaml's questions) this cell fills


COLUMNS = (
    Column("code", _l("Code section"), names_of("offense")),
    Column("level", _l("Level"), names_of("level")),
    Column("offense_date", _l("Offense date"), names_of("happened")),
    Column("conviction_date", _l("Conviction date"), names_of("convicted")),
    Column("age", _l("Age then or birth year"), names_of("age")),
    Column("sentence", _l("Sentence finished?"), names_of("sentence")),
    Column("sentence_kind", _l("Sentence"), names_of("sentence-kind")),
    Column("court", _l("Court"), names_of("where", "court")),
    Column("county", _l("County"), names_of("county")),
)
BY_NAME = {column.name: column for column in COLUMNS}
TABLE_NAMES = frozenset(name for column in COLUMNS for name in column.answers)
OTHER_CELLS = ("code", "offense_date", "conviction_date", "age", "county")  # free text
LEVEL_CHOICES = BY_ID["conviction"]["level"].options
SENTENCE_CHOICES = BY_ID["conviction"]["sentence"].options
SENTENCE_KIND_CHOICES = BY_ID["conviction"]["sentence-kind"].options
COURT_CHOICES = {
    "ca": ("ca", "adult"),
    "juv": ("ca", "juv"),
    "fed": ("fed", None),
    "oth": ("oth", None),
    "u": ("u", None),
}
NOT_SURE = ("", "?")
AGE_BANDS = {"<18": "lt18", "18-20": "18to20", "21+": "21up"}  # also typed as an age: 17, 19, 34
OFFENSE_WORDS = {"11357": "have", "11358": "grow", "11359": "pfs", "11360": "sell"}

ROW_ERROR = _l("Row %(row)s: %(field)s – %(problem)s")
CODE_NEEDED = _l(
    "enter the code section as it is on the record, for example HS 11359, or ? if the record does not say"
)
CHOOSE_LEVEL = _l("choose felony, misdemeanor, infraction, or not sure")
CHOOSE_ONE = _l("choose one of the answers")
DATE_NEEDED = _l("enter the date, or ? if the record does not say")
# Messages that quote what was typed are built when the problem is found (lazy: worded in the
# page's language when shown).
DATE_PROBLEMS = {
    dates.UNREADABLE: lambda value: _l(
        "%(value)s is not a date this tool can read; write it as MM/DD/YYYY, MM/YYYY or YYYY",
        value=value,
    ),
    dates.TWO_DIGITS: lambda value: _l(
        "%(value)s has a two-digit year; write the year with 4 numbers, for example 05/02/2014",
        value=value,
    ),
    dates.NOT_REAL: lambda value: _l("%(value)s is not a real date (month/day/year)", value=value),
    dates.TOO_EARLY: lambda value: _l("%(value)s is before 1900", value=value),
    dates.FUTURE: lambda value: _l("%(value)s is in the future", value=value),
}
OFFENSE_AFTER_CONVICTION = _l("the offense date must be on or before the conviction date")


def blank(cells):
    """A row with nothing typed or chosen (the court keeps its first choice) is left out."""
    return not any((cells.get(name) or "").strip() for name in BY_NAME if name != "court")


def read(cells, today):
    """{cell: text} -> (the walk's answers, [(cell name, problem)])."""
    answers, problems = {}, []

    def take(name, reader):
        value = (cells.get(name) or "").strip()
        found, problem = reader(value)
        if problem is not None:
            problems.append((name, problem))
        else:
            answers.update(found)

    take("code", read_code)
    take("level", lambda v: choice(v, LEVEL_CHOICES, "level", CHOOSE_LEVEL))
    take("offense_date", lambda v: read_date(v, "happened", today, required=False))
    take("conviction_date", lambda v: read_date(v, "convicted", today, required=True))
    take("age", lambda v: read_age(v, today))
    take("sentence", lambda v: choice(v or "u", SENTENCE_CHOICES, "sentence", CHOOSE_ONE))
    take(
        "sentence_kind",
        lambda v: choice(v or "u", SENTENCE_KIND_CHOICES, "sentence-kind", CHOOSE_ONE),
    )
    take("court", read_court)
    take("county", read_county)
    happened, convicted = answers.get("happened"), answers.get("convicted")
    if (
        happened not in (None, "u")
        and convicted not in (None, "u")
        and too_late(happened, convicted)
    ):
        problems.append(("offense_date", OFFENSE_AFTER_CONVICTION))
    if answers.get("where") != "ca":
        answers.pop("county", None)  # a county is asked only for a California court
    return answers, problems


def read_code(value):
    value = rules.offense.clean(value or "").strip()  # the engine's reader: NFKC, no controls
    if not value:
        return None, CODE_NEEDED
    if value == "?":
        return {"offense": "u"}, None
    offense = rules.parse_offense(value)
    if not CODE_SECTION.match(value) or offense.section is None:
        return None, _l(
            "%(value)s is not a code section this tool can read; write it as on the record, for example HS 11359",
            value=value,
        )
    words = OFFENSE_WORDS.get(offense.section) if offense.kind == "prop64" else None
    return {"offense": words or "other", "code_section": value}, None


def choice(value, allowed, name, problem):
    return ({name: value}, None) if value in allowed else (None, problem)


def read_date(value, name, today, required):
    if value in NOT_SURE:
        if value == "" and required:
            return None, DATE_NEEDED
        return {name: "u"}, None
    stored, problem = dates.read(value, today)
    if problem:
        return None, DATE_PROBLEMS[problem](value)
    return {name: stored}, None


def read_age(value, today):
    if value in NOT_SURE:
        return {"age": "u"}, None
    if value.replace(" ", "") in AGE_BANDS:
        return {"age": AGE_BANDS[value.replace(" ", "")]}, None
    number = ascii_number(value)  # "19²" is neither an age nor a year
    if number and len(number) == 4:
        year = int(number)
        if dates.EARLIEST_YEAR <= year <= today.year:
            return {"age": "born", "birth_year": number}, None
    elif number and 8 <= int(number) <= 110:
        age = int(number)
        return {"age": "lt18" if age < 18 else "18to20" if age < 21 else "21up"}, None
    return None, _l(
        "%(value)s is not an age or a birth year; write the age then (for example 19 or 21+) or the year of birth (for example 1988)",
        value=value,
    )


def read_court(value):
    if value not in COURT_CHOICES:
        return None, CHOOSE_ONE
    where, court = COURT_CHOICES[value]
    return ({"where": where, "court": court} if court else {"where": where}), None


def read_county(value):
    if value in NOT_SURE:
        return {"county": "u"}, None
    by_name = {name.casefold(): number for number, name in enumerate(COUNTIES, start=1)}
    typed = " ".join(value.split()).casefold().removesuffix(" county")
    if typed in by_name:
        return {"county": str(by_name[typed])}, None
    guess = difflib.get_close_matches(typed, list(by_name), n=1, cutoff=0.75)
    if guess:
        return None, _l(
            "%(value)s is not a California county (did you mean %(guess)s?)",
            value=value,
            guess=COUNTIES[by_name[guess[0]] - 1],
        )
    return None, _l("%(value)s is not a California county", value=value)


# --- stored answers -> the cells shown -------------------------------------------------------


def cells_of(answers):
    """What the table shows for a stored conviction (from the table or from the public walk)."""
    where, court = answers.get("where"), answers.get("court")
    court_cell = next(
        (
            code
            for code, pair in COURT_CHOICES.items()
            if pair == (where, court if where == "ca" else None)
        ),
        "ca",
    )
    if where == "ca" and court not in ("adult", "juv"):
        court_cell = "ca"
    return {
        "code": answers.get("code_section")
        or ("?" if answers.get("offense") == "u" else _offense_words(answers.get("offense"))),
        "level": answers.get("level", ""),
        "offense_date": _date_cell(answers.get("happened")),
        "conviction_date": _date_cell(answers.get("convicted")),
        "age": _age_cell(answers),
        "sentence": answers.get("sentence", ""),
        "sentence_kind": answers.get("sentence-kind", ""),
        "court": court_cell,
        "county": COUNTIES[int(answers["county"]) - 1] if answers.get("county", "u") != "u" else "",
    }


def _offense_words(code):
    """A public-walk answer without a code section: the section its words stand for, if one."""
    section = {words: section for section, words in OFFENSE_WORDS.items()}.get(code)
    return f"HS {section}" if section else ""


def _date_cell(value):
    if value is None:
        return ""
    return "?" if value == "u" else dates.shown(value)


def _age_cell(answers):
    code = answers.get("age")
    if code == "born":
        return answers.get("birth_year", "")
    shown_band = {band: typed for typed, band in AGE_BANDS.items()}
    return "?" if code == "u" else shown_band.get(code, "")


def choices(question_id, codes):
    """[(code, words)] for a select, reusing the walk's words for its options."""
    words = QUESTIONS[question_id]["options"]
    return [(code, words[code]) for code in codes]
