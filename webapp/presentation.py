"""How answers are shown to the person: question words and options in their language, the
caption above a question, and each conviction's answers on the list and check pages.
"""

from datetime import date

from flask_babel import format_date

from . import flow, forms, i18n, walks
from .flow import BY_ID
from .labels import COUNTIES, QUESTIONS, UNSURE, option_labels
from .navigation import question_url


def caption_for(place):
    """The line above a question's heading: "Conviction 2", or "About you" (`place` None)."""
    if place is None:
        return i18n.gettext("About you")
    return i18n.gettext("Conviction %(number)s", number=place)


def choices(screen):
    """{code: label} for a choice screen's options, in this request's language."""
    if screen.type not in ("choice", "yes_no_unsure"):
        return None
    return i18n.once_per_language(
        f"{screen.id} options", lambda: option_labels(screen.id, screen.type, screen.options)
    )


def counties():
    """[(code, name)] for the county list, "I'm not sure" last, in this request's language."""
    return i18n.once_per_language("counties", lambda: dict(forms.county_choices())).items()


def describe(conviction, place, as_of):
    """A row for the list and the check page: what the person said, in their words."""
    screens, kept = walks.walk_conviction(conviction, as_of)
    answers = []
    for screen in screens:
        answers.append(
            {
                "question": QUESTIONS[screen.id]["short"],
                "answer": answer_words(screen, kept),
                "change": question_url(conviction["number"], screen, True),
                "missing": screen.id not in kept,
            }
        )
    gap = flow.first_gap(screens, kept)
    offense = kept.get("code_section") or (
        option_labels("offense", "choice", BY_ID["conviction"]["offense"].options).get(
            kept.get("offense")
        )
    )
    if offense is None and kept.get("where") in ("fed", "oth"):
        # Not asked outside California (nothing decides on it there): the court names the row.
        offense = option_labels("where", "choice", BY_ID["conviction"]["where"].options).get(
            kept.get("where")
        )
    convicted = kept.get("convicted")
    return {
        "number": conviction["number"],
        "place": place,
        "heading": caption_for(place),
        "offense": offense,
        "year": convicted[:4] if convicted not in (None, "u") else None,
        "answers": answers,
        "resume": question_url(conviction["number"], gap) if gap else None,
    }


def answer_words(screen, kept):
    value = kept.get(screen.id)
    if value is None:
        return None
    if screen.type == "select":
        return COUNTIES[int(value) - 1] if value != "u" else str(UNSURE)
    if screen.type == "date":
        if value == "u":
            return str(UNSURE)
        if len(value) == 10:  # a day, as worker mode keeps dates copied from a record
            return format_date(date.fromisoformat(value), "long")
        year, _sep, month = value.partition("-")
        return i18n.month_and_year(int(year), int(month)) if month else year
    words = str(option_labels(screen.id, screen.type, screen.options)[value])
    if screen.detail and kept.get(screen.detail_name):
        words = f"{words}: {kept[screen.detail_name]}"
    return words
