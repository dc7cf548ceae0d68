"""The walk's questions in the third person, for a worker asking on a client's behalf.

Same screens (flow.yaml), same answers, same engine: only the words change with the voice.
`words(screen_id, "client")` falls back to the public wording for anything not given here, so a
new screen is never left without words (and a test checks every follow-up screen has a variant).
"""

from flask_babel import lazy_gettext as _l

from ..labels import QUESTIONS

YOU, CLIENT = "you", "client"

CLIENT_WORDS = {
    "where": {"title": _l("Which court convicted the person?")},
    "court": {"title": _l("Was the person an adult, or was it in juvenile court?")},
    "offense": {"title": _l("What was the person's conviction for?")},
    "convicted": {"title": _l("When was the person convicted?")},
    "happened": {
        "title": _l("When did the person's case happen?"),
        "hint": _l(
            "When the person was arrested or cited. If not known, the conviction date is used."
        ),
    },
    "age": {"title": _l("How old was the person when it happened?")},
    "sentence": {"title": _l("Has the person finished the sentence for this conviction?")},
    "sentence-kind": {"title": _l("What was the person's sentence?")},
    "for-sale": {
        "hint": _l(
            "Choose No if the person gave it away for free, or carried it only for their own use."
        )
    },
    "probation-revoked": {"title": _l("Was the person's probation ever taken away (revoked)?")},
    "minors": {
        "title": _l("Did the person's case involve selling or giving cannabis to someone under 18?")
    },
    "gift-young-adult": {
        "title": _l("Did the person give the cannabis to someone aged 18, 19 or 20?")
    },
    "hired-minor": {"title": _l("Did the person hire or use someone aged 20 or younger to help?")},
    "sentence-ended": {
        "title": _l("When did the person's whole sentence end?"),
        "hint": _l(
            "Write it as on the record: MM/DD/YYYY, MM/YYYY or YYYY, or ? if the record does not say."
        ),
    },
    "new-felony": {
        "title": _l(
            "Has the person been convicted of a new felony since the sentence for this conviction ended?"
        )
    },
    "prior-serious": {
        "title": _l(
            "Before this, had the person been convicted of a very serious violent or sex crime?"
        )
    },
    "prior-registrable": {
        "title": _l(
            "Before this, had the person been convicted of a crime that requires registering as a sex offender?"
        )
    },
    "prior-same": {
        "title": _l(
            "Before this, had the person been convicted two or more times of the same kind of cannabis offense?"
        )
    },
    "registration": {
        "title": _l("Is the person required to register as a sex offender today?"),
        "hint": _l(
            "This is asked because it affects automatic clean-slate relief for all of the person's convictions."
        ),
    },
    "supervision": {
        "title": _l("Is the person now on probation, parole or other supervision for any case?")
    },
    "pending": {
        "title": _l("Are there criminal charges against the person that are not finished yet?")
    },
}


def words(screen_id, voice):
    """The title, hint and short name of a screen, in the given voice."""
    public = QUESTIONS[screen_id]
    if voice != CLIENT:
        return public
    return {**public, **CLIENT_WORDS.get(screen_id, {})}
