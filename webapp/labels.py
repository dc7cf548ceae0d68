"""Every word the questionnaire shows, as lazy translatable strings.

The flow (flow.yaml) holds only ids and stored codes; Babel extracts the words from here.
Each question: `title` (the page heading, which is also the legend or label), optional
`hint`, and `short` (how the check-answers page names it).
"""

from flask_babel import lazy_gettext as _l

from rules.records import courthouses

UNSURE = _l("I'm not sure")
YES_NO_UNSURE = {"y": _l("Yes"), "n": _l("No"), "u": UNSURE}

QUESTIONS = {
    "where": {
        "title": _l("Which court convicted you?"),
        "hint": _l('If you are not sure, choose "I\'m not sure". We will still help.'),
        "short": _l("Court"),
        "options": {
            "ca": _l("A California state court"),
            "fed": _l("A federal court"),
            "oth": _l("A court in another state"),
            "u": UNSURE,
        },
    },
    "court": {
        "title": _l("Were you an adult, or was it in juvenile court?"),
        "hint": _l("Juvenile court handles most cases of people who were under 18."),
        "short": _l("Adult or juvenile court"),
        "options": {"adult": _l("Adult court"), "juv": _l("Juvenile court"), "u": UNSURE},
    },
    "county": {
        "title": _l("In which county was the court?"),
        "hint": _l("This is the court where any forms would be filed."),
        "short": _l("County"),
    },
    "offense": {
        "title": _l("What was the conviction for?"),
        "hint": _l("Choose what is closest."),
        "short": _l("What it was for"),
        "options": {
            "have": _l("Having or possessing cannabis"),
            "grow": _l("Growing cannabis"),
            "pfs": _l("Having cannabis to sell"),
            "sell": _l("Selling, giving away or transporting cannabis"),
            "other": _l("Something else"),
            "u": UNSURE,
        },
        "detail_label": _l("Code section (optional)"),
        "detail_hint": _l(
            "The code and number as on your record, for example HS 11359 or 11357(b). Leave it empty if you do not have your record."
        ),
    },
    "level": {
        "title": _l("Was it a felony, a misdemeanor or an infraction?"),
        "hint": _l(
            "An infraction is the lowest level, usually only a fine, like a traffic ticket."
        ),
        "short": _l("Level"),
        "options": {
            "fel": _l("Felony"),
            "mis": _l("Misdemeanor"),
            "inf": _l("Infraction"),
            "u": UNSURE,
        },
    },
    "convicted": {
        "title": _l("When were you convicted?"),
        "hint": _l("The year is enough. Add the month if you know it."),
        "short": _l("When convicted"),
    },
    "happened": {
        "title": _l("When did it happen?"),
        "hint": _l(
            "When you were arrested or cited. If you are not sure, we use the date you were convicted."
        ),
        "short": _l("When it happened"),
    },
    "age": {
        "title": _l("How old were you when it happened?"),
        "short": _l("Age then"),
        "options": {
            "lt18": _l("Under 18"),
            "18to20": _l("18, 19 or 20"),
            "21up": _l("21 or older"),
            "born": _l("I'll give my birth year instead"),
            "u": UNSURE,
        },
        "detail_label": _l("Year you were born"),
        "detail_hint": _l("For example 1988."),
    },
    "sentence": {
        "title": _l("Have you finished the sentence for this conviction?"),
        "hint": _l("Including any jail, prison, probation, parole or supervision for this case."),
        "short": _l("Sentence finished"),
        "options": {
            "done": _l("Yes, it is finished"),
            "serving": _l("No, I am still serving it"),
            "u": UNSURE,
        },
    },
    "sentence-kind": {
        "title": _l("What was the sentence?"),
        "hint": _l("Choose the main part of it."),
        "short": _l("Sentence"),
        "options": {
            "prob": _l("Probation"),
            "jail": _l("County jail"),
            "prison": _l("State prison"),
            "fine": _l("Only a fine"),
            "u": UNSURE,
        },
    },
    "probation-revoked": {
        "title": _l("Was your probation ever taken away (revoked)?"),
        "short": _l("Probation revoked"),
    },
    "concentrated": {
        "title": _l("Was it concentrated cannabis?"),
        "hint": _l("Such as hash, wax, oil or shatter."),
        "short": _l("Concentrated cannabis"),
    },
    "amount": {
        "title": _l("Was it more than 1 ounce?"),
        "hint": _l(
            "More than 1 ounce (28.5 grams) of cannabis, or more than 8 grams of concentrated cannabis."
        ),
        "short": _l("More than 1 ounce"),
    },
    "plants": {
        "title": _l("Were there more than six plants?"),
        "short": _l("More than six plants"),
    },
    "for-sale": {
        # Asked only after "Selling, giving away or transporting" (HS 11360): which of them.
        "title": _l("Was it to sell: selling it, or carrying it to sell?"),
        "hint": _l("Choose No if you gave it away for free, or carried it only for yourself."),
        "short": _l("For selling"),
    },
    "across-border": {
        "title": _l(
            "Was more than 1 ounce brought into California, or taken out of California to sell?"
        ),
        "short": _l("Brought into or out of California"),
    },
    "minors": {
        "title": _l("Did the case involve selling or giving cannabis to someone under 18?"),
        "short": _l("Someone under 18 involved"),
    },
    "gift-young-adult": {
        "title": _l("Was the cannabis given to someone aged 18, 19 or 20?"),
        "hint": _l("Given for free, not sold."),
        "short": _l("Given to someone aged 18 to 20"),
    },
    "hired-minor": {
        "title": _l("Did you hire or use someone aged 20 or younger to help?"),
        "hint": _l("For example to grow, carry or sell the cannabis."),
        "short": _l("Someone 20 or younger hired or used"),
    },
    "school": {
        "title": _l(
            "Did it happen at a school (kindergarten to 12th grade) while children were there?"
        ),
        "short": _l("At a school"),
    },
    "environment": {
        "title": _l("Was the case charged as harming the environment?"),
        "hint": _l(
            "For example polluting water, taking water illegally, or harming wildlife where the plants were grown."
        ),
        "short": _l("Environmental harm"),
    },
    "prior-serious": {
        "title": _l("Before this, had you been convicted of a very serious violent or sex crime?"),
        "hint": _l(
            "For example murder or attempted murder, rape or another violent sex crime, or a sex crime against a child under 14. Any crime that can mean life in prison or death counts too."
        ),
        "short": _l("Earlier very serious conviction"),
    },
    "prior-registrable": {
        "title": _l(
            "Before this, had you been convicted of a crime that requires registering as a sex offender?"
        ),
        "short": _l("Earlier conviction needing sex offender registration"),
    },
    "prior-same": {
        "title": _l(
            "Before this, had you been convicted two or more times of the same kind of cannabis offense?"
        ),
        "short": _l("Two earlier convictions of the same kind"),
    },
    "sentence-ended": {
        "title": _l("When did the whole sentence end?"),
        "hint": _l(
            "The day the last part ended: jail, prison, probation, parole or supervision. The month and year are enough."
        ),
        "short": _l("Sentence ended"),
    },
    "new-felony": {
        "title": _l(
            "Have you been convicted of a new felony since the sentence for this conviction ended?"
        ),
        "short": _l("New felony since"),
    },
    "registration": {
        "title": _l("Are you required to register as a sex offender today?"),
        "hint": _l(
            "This is asked because it affects automatic clean-slate relief for all your convictions."
        ),
        "short": _l("Required to register as a sex offender"),
    },
    "supervision": {
        "title": _l("Are you now on probation, parole or other supervision for any case?"),
        "short": _l("Now on supervision"),
    },
    "pending": {
        "title": _l("Are there criminal charges against you that are not finished yet?"),
        "short": _l("Charges pending"),
    },
}

MONTHS = [
    _l("January"),
    _l("February"),
    _l("March"),
    _l("April"),
    _l("May"),
    _l("June"),
    _l("July"),
    _l("August"),
    _l("September"),
    _l("October"),
    _l("November"),
    _l("December"),
]

# The 58 counties in alphabetical order: the index + 1 is the state's county code, which is
# what the cookie stores. Proper names: not translated.
COUNTIES = list(courthouses.COUNTIES)  # the engine owns the list (rules/records)


def option_labels(question_id, screen_type, options):
    """{code: label} for a screen, in the flow's order."""
    if screen_type == "yes_no_unsure":
        return dict(YES_NO_UNSURE)
    words = QUESTIONS[question_id].get("options", {})
    return {code: words[code] for code in options}
