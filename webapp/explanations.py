"""The engine's stable codes -> plain, translatable words for the result page.

The engine holds no translations: it returns codes (outcomes, reasons, actions); this module
gives each one its words. Reason sentences are not copied here: they live once in the engine's
table (rules/reasons.py, marked for extraction) and are translated by code.
"""

from datetime import date

from flask_babel import format_currency, format_date, format_decimal
from flask_babel import lazy_gettext as _l

from rules import law
from rules.reasons import LAW_VALUES, REASON_TEMPLATES

from . import i18n

OUTCOMES = {
    "dismiss": _l("Dismissed and sealed"),
    "reduce_to_misdemeanor": _l("Reduced to a misdemeanor"),
    "reduce_to_infraction": _l("Reduced to an infraction"),
    "not_eligible": _l("Not eligible under Prop 64"),
    "not_covered": _l("Prop 64 cannot change this conviction"),
    "already_granted": _l("Already changed under Prop 64"),
    "needs_review": _l("A lawyer needs to look at this"),
}

OUTCOME_MEANING = {
    "dismiss": _l(
        "Under today's law this would not be a crime, so the conviction can be dismissed and the record sealed."
    ),
    "reduce_to_misdemeanor": _l(
        "Under today's law this would be a misdemeanor, so the felony can be reduced to a misdemeanor."
    ),
    "reduce_to_infraction": _l(
        "Under today's law this would be an infraction, so it can be reduced to an infraction."
    ),
    "not_eligible": _l(
        "Prop 64 does not change this conviction. Another kind of relief below may still help."
    ),
    "not_covered": _l(
        "Prop 64 only lets California state courts change California convictions. A lawyer can tell you what the court that convicted you allows."
    ),
    "already_granted": _l("Your record already shows this conviction was changed under Prop 64."),
    "needs_review": _l(
        "Something that decides the result is not known or the law is unclear. A lawyer can find out from your record."
    ),
}

POSSIBLE = _l("Possible results: %(outcomes)s")

AUTOMATIC = {
    # Never "you do not need to do anything": the record may not have been updated (issue 15).
    "yes": _l(
        "This should already have happened: the State reviewed cases like this and sent them to the court (HS 11361.9)."
    ),
    "unknown": _l(
        "This may already have happened: cases from before %(review_date)s were reviewed automatically (HS 11361.9)."
    ),
    "no": _l("This does not happen automatically. You can ask the court for it."),
}

PROCEDURE = {
    "application": _l(
        'Because your sentence is finished, you file an "application". There is usually no hearing unless you or the prosecutor ask for one (HS 11361.8(e)–(f)).'
    ),
    "petition": _l(
        'Because you are still serving the sentence, you file a "petition" to recall or dismiss it (HS 11361.8(a)–(b)).'
    ),
    "unknown": _l(
        'If your sentence is finished you file an "application" (HS 11361.8(e)–(f)); if you are still serving it, a "petition" (HS 11361.8(a)–(b)). Both use the same form.'
    ),
    "none": None,
}

ACTIONS = {
    "check_record": {
        "title": _l("Check your record"),
        "steps": [
            _l(
                "Ask the California Department of Justice for a copy of your record (record review, PC 11123). It costs %(fee)s. If you have a low income or get public benefits such as CalFresh or Medi-Cal, you can ask for a fee waiver first."
            ),
            _l(
                'In California, take form BCIA 8016RR to a Live Scan fingerprint site and ask for a "Record Review". Outside California, send form BCIA 8705 with a fingerprint card.'
            ),
            _l(
                "If your record is wrong, send form BCIA 8706 (claim of inaccuracy) to the Department of Justice."
            ),
        ],
    },
    "file_cr400": {
        "title": _l("Ask the court yourself"),
        "steps": [
            _l(
                "Fill in form CR-400 (Petition/Application, Health and Safety Code section 11361.8)."
            ),
            _l("File it at %(court)s."),
            _l(
                "There is no deadline, and the court must presume you are eligible unless the prosecutor proves otherwise."
            ),
        ],
    },
    # Juvenile cases (decision-rules C): JV-744 in the juvenile court, not the adult CR-400.
    "file_jv744": {
        "title": _l("Ask the court yourself"),
        "steps": [
            _l(
                "Fill in form JV-744 (Request to Reduce Juvenile Marijuana Offense), with form JV-744A if you need more room."
            ),
            _l("File it at %(court)s."),
            _l(
                "There is no deadline, and the court must presume you are eligible unless the prosecutor proves otherwise."
            ),
        ],
    },
    # Dismissal by petition, decision-rules G: one form for PC 1203.4, 1203.4a, 1203.41, 1203.42.
    "file_cr180": {
        "title": _l("Ask the court to dismiss it"),
        "steps": [
            _l(
                "Fill in form CR-180 (Petition for Dismissal) and form CR-181 (Order for Dismissal)."
            ),
            _l("File them at %(court)s."),
            _l(
                "Say in the petition what you have done since the conviction, such as work, school, family or treatment: where the court decides, this is what it weighs."
            ),
        ],
    },
    # HS 11361.5: the records should be gone; courts failed to destroy them (Hamrick, 2021).
    "request_record_destruction": {
        "title": _l("Ask for the old record to be destroyed"),
        "steps": [
            _l(
                "When your record comes (from the record check), look for this arrest and conviction."
            ),
            _l(
                "If it is still there, write to %(court)s and to the Department of Justice and ask them to destroy it: the law says these records may not be kept more than two years after the conviction (HS 11361.5). Courts have failed to do it (All of Us or None v. Hamrick, 2021)."
            ),
        ],
    },
    "get_legal_help": {
        "title": _l("Get free legal help"),
        "steps": [
            _l(
                "Contact the public defender's office of the county where you were convicted, or a legal aid organization near you. Their help with this is free."
            ),
        ],
    },
}

# The one line first on each card, "What you need to do", read from the actions the engine
# gives that conviction (decision-rules F). The steps below follow in the same order.
TO_DO = {
    "legal_help_first": _l(
        "Get free legal help first. A lawyer can read your record and tell you what to do."
    ),
    "check_then_file": _l(
        "Check your record. Only if it was not changed, file form CR-400 at court."
    ),
    "file": _l("File form CR-400 at court."),
    "check_then_file_juvenile": _l(
        "Check your record. Only if it was not changed, file form JV-744 at the juvenile court."
    ),
    "file_juvenile": _l("File form JV-744 at the juvenile court."),
    "check": _l("Check your record to make sure it was changed. You do not need to file anything."),
    "federal": _l(
        "No California court can change a federal conviction. Ask a federal public defender or a legal aid lawyer what federal law allows."
    ),
    "other_state": _l(
        "No California court can change a conviction from another state. Ask a lawyer in that state what its law allows."
    ),
    "nothing": _l("There is nothing to do for this conviction under Prop 64."),
    "file_cr180": _l("Ask the court to dismiss it: file forms CR-180 and CR-181."),
    "check_then_destroy": _l(
        "Check your record. If this old record is still there, ask for it to be destroyed."
    ),
    "nothing_yet": _l(
        "Nothing here clears this conviction yet. Free legal help can look at your record for other ways."
    ),
}
# The first step of the record check: which of this conviction's paths should have happened
# by themselves (decision-rules F: "check_record" whenever relief is or should be automatic).
AUTOMATIC_PATHS = _l(
    "These can happen without you filing anything: %(paths)s. Your record shows whether they did."
)
PROP64_NAME = _l("Prop 64 (HS 11361.8)")
# The court step, once the check says the record was not changed.
FILE_IF_NOT_CHANGED = _l("Only if your record was not changed: ask the court yourself")
# Help for convictions no California court can change (not the county public defender).
HELP_OUTSIDE_CALIFORNIA = {
    "federal": _l(
        "For a federal conviction, contact the Federal Public Defender for the district where you were convicted, or a legal aid organization. A California court cannot help with it."
    ),
    "other_state": _l(
        "For a conviction from another state, contact a public defender or legal aid organization in that state. LawHelp.org lists free legal aid in every state."
    ),
}

SUPERIOR_COURT = _l("the Superior Court of California, County of %(county)s")
JUVENILE_COURT = _l("the juvenile court of the Superior Court of California, County of %(county)s")
# The case says "unknown" when the person was not sure what the conviction was for.
OFFENSE_UNKNOWN = _l("offense not known")
COURT_UNKNOWN_COUNTY = _l("the Superior Court in the county where you were convicted")

RELIEF_EFFECTS = {
    "dismiss": _l(
        "A dismissed conviction is treated as legally invalid, and the record is sealed."
    ),
    "reduce_to_misdemeanor": _l(
        "A felony reduced to a misdemeanor counts as a misdemeanor for all purposes (HS 11361.8(h))."
    ),
    "reduce_to_infraction": _l(
        "A conviction reduced to an infraction counts as an infraction for all purposes (HS 11361.8(h))."
    ),
}
RELIEF_LIMITS = _l(
    "Before owning a gun, or when an application for a job or license asks about convictions, ask a lawyer what you must say: federal law and some licences have their own rules."
)

# What every dismissal leaves (PC 1203.4(a)(2)-(3), 1203.425(c)-(d); decision-rules E, G).
PRIOR_STILL_COUNTS = _l(
    "It can still count as a prior conviction if you are charged with a crime later."
)
DISMISSAL_LIMITS = _l(
    "A dismissal does not erase the conviction: you must still tell about it when you apply for public office, a state or local license, or a job as a peace officer. It does not give back the right to own a gun."
)
NOT_YET = _l("Not yet: %(text)s")

OTHER_PATHS = {
    "PC 1203.425": {
        "title": _l("Automatic clean slate (PC 1203.425)"),
        "outcome": {
            "eligible": _l(
                "This conviction should be cleared automatically by the Department of Justice. You do not need to file anything."
            ),
            "not_eligible": _l("Automatic clean-slate relief does not apply to this conviction."),
            "needs_review": _l("Automatic clean-slate relief may apply. A lawyer can check."),
        },
        "limits": _l(
            "This relief treats the conviction as dismissed, but you must still tell about it when you apply for public office, a state or local license, a job as a peace officer, or a California State Lottery contract. It does not give back the right to own a gun."
        ),
    },
    "PC 1203.4": {
        "title": _l("Dismissal after probation (PC 1203.4)"),
        "outcome": {
            "eligible": _l(
                "You finished probation, so if you ask, the court must dismiss this conviction."
            ),
            "discretionary": _l(
                "Your probation was revoked, so the court decides whether dismissing this conviction is in the interests of justice. You can still ask."
            ),
            "not_eligible": _l("Dismissal after probation does not apply to this conviction."),
            "needs_review": _l("Dismissal after probation may apply. A lawyer can check."),
        },
        "limits": DISMISSAL_LIMITS,
    },
    "PC 1203.4a": {
        "title": _l("Dismissal of a misdemeanor without probation (PC 1203.4a)"),
        "outcome": {
            "eligible": _l(
                "A year has passed since the judgment and the sentence is finished, so you can ask the court to dismiss this conviction. The court looks at whether you have lived an honest and upright life since."
            ),
            "discretionary": _l(
                "You can ask the court to dismiss this conviction; the court decides."
            ),
            "not_eligible": _l(
                "Dismissal of a misdemeanor without probation does not apply to this conviction."
            ),
            "needs_review": _l(
                "Dismissal of a misdemeanor without probation may apply. A lawyer can check."
            ),
        },
        "limits": DISMISSAL_LIMITS,
    },
    "PC 1203.41": {
        "title": _l("Dismissal of a county jail felony (PC 1203.41)"),
        "outcome": {
            "eligible": _l("You can ask the court to dismiss this conviction."),
            "discretionary": _l(
                "The felony was served in county jail and enough time has passed: you can ask the court to dismiss it, and the court decides whether it is in the interests of justice."
            ),
            "not_eligible": _l(
                "Dismissal of a county jail felony does not apply to this conviction."
            ),
            "needs_review": _l("Dismissal of a county jail felony may apply. A lawyer can check."),
        },
        "limits": DISMISSAL_LIMITS,
    },
    "PC 1203.42": {
        "title": _l("Dismissal of an old state prison felony (PC 1203.42)"),
        "outcome": {
            "eligible": _l("You can ask the court to dismiss this conviction."),
            "discretionary": _l(
                "The felony was served in state prison before October 2011 and would be served in county jail today: you can ask the court to dismiss it, and the court decides."
            ),
            "not_eligible": _l(
                "Dismissal of an old state prison felony does not apply to this conviction."
            ),
            "needs_review": _l(
                "Dismissal of an old state prison felony may apply. A lawyer can check."
            ),
        },
        "limits": DISMISSAL_LIMITS,
    },
    "HS 11361.5": {
        "title": _l("Destroying the old record (HS 11361.5)"),
        "outcome": {
            "eligible": _l(
                "The records of this arrest and conviction should have been destroyed two years after the conviction, and may not be used against you for any purpose (HS 11361.7). Courts often did not do it: check, and ask."
            ),
            "not_eligible": _l(
                "The records of this conviction must be destroyed two years after the conviction: that time has not passed yet."
            ),
            "needs_review": _l(
                "The records may have to be destroyed, depending on which part of the law the conviction was under. A lawyer can check."
            ),
        },
        "limits": None,
    },
}
# Whether a path happens by itself, said on its line (decision-rules F): by its procedure. An
# automatic path's own words say so (PC 1203.425: "automatically"; HS 11361.5: "should have been
# destroyed"), and its record is checked in the first of the next steps.
PATH_PROCEDURE = {
    "petition": _l("Not automatic: you ask the court (forms %(forms)s)."),
    "application": _l("Not automatic: you apply for it."),
}
# A record destroyed only on application: convictions before 1976 (HS 11361.5(b)).
DESTRUCTION_BY_APPLICATION = _l(
    "For a conviction before 1976, the Department of Justice destroys the records when you apply for it."
)
# The card's heading when Prop 64 is not what clears the conviction: its best path.
HEADLINES = {
    ("PC 1203.425", "eligible"): _l("Should be cleared automatically"),
    ("HS 11361.5", "eligible"): _l("The old record should be destroyed"),
    ("petition", "eligible"): _l("The court must dismiss it if you ask"),
    ("petition", "discretionary"): _l("The court may dismiss it if you ask"),
    # Not Prop 64's "a lawyer needs to look at this": the card's Prop 64 outcome is settled.
    ("any", "needs_review"): _l("Other relief may apply: a lawyer can check"),
}
OTHER_PATH_FALLBACK_TITLE = _l("Other relief (%(path)s)")
PATH_OUTCOMES = {
    "eligible": _l("Eligible"),
    "discretionary": _l("The court decides"),
    "not_eligible": _l("Not eligible"),
    "needs_review": OUTCOMES["needs_review"],
}


def reason_text(reason):
    """A reason's sentence in the reader's language: the engine's one table of sentences
    (rules.reasons.REASON_TEMPLATES, extracted for translation from rules/), by code."""
    template = REASON_TEMPLATES.get(reason["code"])
    if template is None:
        return reason.get("text", reason["code"])
    return law_words(i18n.gettext(template))


def law_values():
    """The law's dates and amounts (rules/law.py) written the reader's way by Babel: the same
    for everyone reading one language, so formatted once per language (Babel's date and
    currency formatting was most of a result card's time)."""
    return i18n.once_per_language(
        "law values",
        lambda: {
            **{
                name: format_date(value, "long")
                if isinstance(value, date)
                else format_decimal(value)
                for name, value in LAW_VALUES.items()
            },
            "fee": format_currency(law.RECORD_REVIEW_FEE_DOLLARS.current, "USD"),
        },
    )


def law_words(text, **extra):
    """`text` with the law's dates and amounts written the reader's way, and any `extra`
    placeholders filled."""
    text = str(text)
    if "%(" not in text:
        return text
    return text % {**law_values(), **extra}
