"""One WTForms form per question type; every message is translatable.

Forms read and write the answers as kept: by the question's id, with flow.yaml's options. Error
order is page order, so the error summary lists problems in the order a person meets them.
"""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField

from rules.offense import clean as offense_text  # the engine's one offense reader normalises
from rules.offense import parse_offense
from rules.text import ascii_number, normalise

from .labels import COUNTIES, MONTHS, UNSURE, option_labels

EARLIEST_YEAR = 1900  # the earliest year a person or a worker may give (worker/dates.py too)
CODE_SECTION = re.compile(r"^[A-Za-z0-9&().,/ \-]{1,40}$")

CHOOSE_ONE = _l("Choose one of the answers")
CHOOSE_COUNTY = _l('Choose the county, or "I\'m not sure"')
YEAR_OR_UNSURE = _l('Enter the year, or tick "I\'m not sure"')
YEAR_FORMAT = _l("Enter the year as 4 numbers, for example 2012")
YEAR_AND_UNSURE = _l(
    'You entered a year and also ticked "I\'m not sure". Clear the year, or untick "I\'m not sure".'
)
YEAR_TOO_EARLY = _l("The year must be %(year)s or later", year=EARLIEST_YEAR)
YEAR_IN_FUTURE = _l("The date must be in the past")
MONTH_UNKNOWN = _l("Choose a month from the list")
HAPPENED_AFTER_CONVICTION = _l(
    "The date it happened must be on or before the date you were convicted"
)
ENDED_BEFORE_CONVICTION = _l("The sentence must end on or after the date you were convicted")
CODE_SECTION_FORMAT = _l(
    "Enter the code section as it is written on your record, for example HS 11359, or leave it empty"
)
BIRTH_YEAR_NEEDED = _l("Enter the year you were born")
BIRTH_YEAR_FORMAT = _l("Enter the year you were born as 4 numbers, for example 1988")


class NoFormToken:
    """CSRFProtect(app) checks the token of every POST before any view runs; a form of its own
    would sign a second token nobody reads (issue 7: time on every page)."""

    csrf = False


class QuestionForm(FlaskForm):
    """Base: `screen`, `today` and the other answers of this conviction are set per request."""

    Meta = NoFormToken

    def __init__(self, screen, today, answers, **kwargs):
        self.screen, self.today, self.answers = screen, today, answers
        super().__init__(**kwargs)

    def load(self, answers):
        """Fill the form from the answers kept so far."""
        raise NotImplementedError

    def problems(self):
        """[(field id to link to, message)] in page order."""
        return [
            (self.anchor(name), message)
            for name in self._fields
            for message in self._fields[name].errors
        ]

    def anchor(self, name):
        return name


class ChoiceForm(QuestionForm):
    answer = RadioField(validate_choice=False)
    detail = StringField()

    def anchor(self, name):
        return f"answer-{self.screen.options[0]}" if name == "answer" else name

    def validate_answer(self, field):
        if field.data not in self.screen.options:
            field.errors.append(CHOOSE_ONE)

    def validate_detail(self, field):
        # Typed text is read once, here: any script's digits in ASCII, no invisible characters.
        value = normalise(field.data or "")
        detail = self.screen.detail
        if not detail:
            field.data = None
        elif detail["field"] == "code_section":
            value = offense_text(value)
            # A section the engine reads, as worker mode's cell (issue 15: "selling weed" went
            # through as the offense and the card showed it as a code).
            if value and (not CODE_SECTION.match(value) or parse_offense(value).section is None):
                field.errors.append(CODE_SECTION_FORMAT)
            field.data = value or None
        elif detail["field"] == "birth_year":
            field.data = value
            if self.answer.data != detail["with_option"]:
                field.data = None
            elif not value:
                field.errors.append(BIRTH_YEAR_NEEDED)
            elif not (ascii_number(value) and len(value) == 4):  # "198⁸" is not a year
                field.errors.append(BIRTH_YEAR_FORMAT)
            else:
                check_year(field, int(value), self.today)

    def load(self, answers):
        self.answer.data = answers.get(self.screen.id)
        if self.screen.detail:
            self.detail.data = answers.get(self.screen.detail_name)

    def answers_given(self):
        given = {self.screen.id: self.answer.data}
        if self.screen.detail:
            given[self.screen.detail_name] = self.detail.data
        return given

    def choices(self):
        return option_labels(self.screen.id, self.screen.type, self.screen.options)


class SelectForm(QuestionForm):
    answer = SelectField(validate_choice=False)

    def validate_answer(self, field):
        if field.data not in dict(county_choices()):
            field.errors.append(CHOOSE_COUNTY)

    def load(self, answers):
        self.answer.data = answers.get(self.screen.id)

    def answers_given(self):
        return {self.screen.id: self.answer.data}


def county_choices():
    return [(str(number), name) for number, name in enumerate(COUNTIES, start=1)] + [("u", UNSURE)]


class DateForm(QuestionForm):
    year = StringField()
    month = SelectField(validate_choice=False)
    unsure = BooleanField()

    def validate_year(self, field):
        value = normalise(field.data or "")  # "۲۰۱۳" (a Farsi keyboard) is 2013
        field.data = value
        if self.unsure.data:
            if value or self.month.data:  # which one is meant? never dropped silently
                field.errors.append(YEAR_AND_UNSURE)
            return
        if not value:
            field.errors.append(YEAR_OR_UNSURE)
        elif not (ascii_number(value) and len(value) == 4):  # "201²" is not
            field.errors.append(YEAR_FORMAT)
        else:
            check_year(field, int(value), self.today)

    def validate_month(self, field):
        if self.unsure.data or not field.data:
            field.data = ""
            return
        if field.data not in {f"{m:02d}" for m in range(1, 13)}:
            field.errors.append(MONTH_UNKNOWN)
        elif not self.year.errors and ascii_number(self.year.data):
            if (int(self.year.data), int(field.data)) > (self.today.year, self.today.month):
                field.errors.append(YEAR_IN_FUTURE)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        value = self.answers_given()[self.screen.id] if valid else "u"
        # The offense happens on or before its conviction (not_after); a sentence ends on or
        # after it (not_before).
        for other, later, refusal in (
            (self.screen.not_after, False, HAPPENED_AFTER_CONVICTION),
            (self.screen.not_before, True, ENDED_BEFORE_CONVICTION),
        ):
            known = self.answers.get(other) if other else None
            if value == "u" or known in (None, "u"):
                continue
            if too_late(known, value) if later else too_late(value, known):
                self.year.errors.append(refusal)
                return False
        return valid

    def load(self, answers):
        value = answers.get(self.screen.id)
        if value == "u":
            self.unsure.data = True
        elif value:
            year, _, month = value.partition("-")
            self.year.data, self.month.data = year, month[:2]  # worker mode may keep a day

    def answers_given(self):
        if self.unsure.data:
            return {self.screen.id: "u"}
        value = self.year.data + (f"-{self.month.data}" if self.month.data else "")
        return {self.screen.id: value}

    def months(self):
        return [(f"{number:02d}", name) for number, name in enumerate(MONTHS, start=1)]


def too_late(happened, convicted):
    """True if `happened` is surely after `convicted` (dates as 'YYYY' or 'YYYY-MM')."""
    shared = min(len(happened), len(convicted))
    return happened[:shared] > convicted[:shared]


def check_year(field, year, today):
    if year < EARLIEST_YEAR:
        field.errors.append(YEAR_TOO_EARLY)
    elif year > today.year:
        field.errors.append(YEAR_IN_FUTURE)


FORM_FOR_TYPE = {
    "choice": ChoiceForm,
    "yes_no_unsure": ChoiceForm,
    "select": SelectForm,
    "date": DateForm,
}


def make(screen, today, answers, formdata=None):
    """The form for `screen`, filled from the POST body, or else from the stored answers."""
    form_class = FORM_FOR_TYPE[screen.type]
    if formdata is not None:
        return form_class(screen, today, answers, formdata=formdata)
    form = form_class(screen, today, answers, formdata=None)
    form.load(answers)
    return form


ANOTHER = _l("Choose yes if you have another conviction")
ADD_ONE = _l("Add at least one conviction to get a result")
# "Do you have another conviction?" on the list page: y another cannabis conviction, o another
# conviction not for cannabis (its paths are PC 1203.425 and the dismissals of G), n no more.
ANOTHER_OPTIONS = ("y", "o", "n")


class AnotherForm(FlaskForm):
    """ "Do you have another conviction?" on the list page."""

    Meta = NoFormToken
    answer = RadioField(validate_choice=False)

    def validate_answer(self, field):
        if field.data not in ANOTHER_OPTIONS:
            field.errors.append(ANOTHER)

    def problems(self):
        return [("answer-y", message) for message in self.answer.errors]
