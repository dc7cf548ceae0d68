"""The words of the check-back kit, written once for the web page, the reminders and the letters.

`N_` only marks a text for extraction (pybabel's default keywords include it); each reader
translates at the moment it shows the text: the web app with Flask-Babel, the letters with
stdlib gettext over the same compiled catalogs (checkback/catalogs.py). Nothing here may
import Flask or Babel: bulk mode runs without them.

NEUTRAL texts are read by whoever sees a phone's lock screen, a shared calendar, a mailbox or
an envelope: they say "check your papers" and nothing else, with no cannabis, court,
conviction, arrest or offense word, no date and no county (tests/checkback/test_neutral.py
holds them to a deny-list in every catalog).
"""

from __future__ import annotations


def N_(text: str) -> str:
    return text


# --- neutral: the reminder (calendar, text message, e-mail) and the envelope side of a letter ---
REMINDER_TITLE = N_("Check your papers")
REMINDER_TEXT = N_(
    "A reminder you set for yourself: time to check your papers. How to do it: %(address)s"
)
LETTER_HEADING = N_("Information for you. Please read.")
NEUTRAL = (REMINDER_TITLE, REMINDER_TEXT, LETTER_HEADING)

# --- the check-back steps: /check-back and the inside of a letter (not neutral: read in private) ---
CHECK_BACK_TITLE = N_("How to see whether your record changed")
CHECK_BACK_INTRO = N_(
    "A record can be changed without you being told, and the change can take months to appear. Three ways to see where things stand:"
)

DOJ_HEADING = N_("1. Ask the California Department of Justice for your record")
DOJ_STEPS = (
    N_(
        "This is the statewide record that employers and licensing boards see. Only you can ask for it, and no employer may make you get it for them (PC 11125)."
    ),
    N_(
        'Get form BCIA 8016RR ("Request for Live Scan Service") from oag.ca.gov/fingerprints/record-review or at a Live Scan fingerprint site, and mark it "Record Review".'
    ),
    N_(
        "Take it to a Live Scan site with photo identification. The Department of Justice charges %(fee)s (PC 11123); the Live Scan site also charges its own fee for the fingerprints."
    ),
    N_(
        "If you get public benefits such as CalFresh or Medi-Cal, or have a low income or none, ask for a fee waiver first, online at oag.ca.gov/fingerprints/record-review/fee-waiver, and take the waiver form with you. The waiver does not cover the Live Scan site's own fee."
    ),
    N_(
        "The record comes to you by mail. Outside California, send form BCIA 8705 with a fingerprint card instead."
    ),
    N_(
        'Find the entry for the case. A change shows as a later, dated line added to it, for example "RELIEF GRANTED" with PC 1203.425, or "DISMISSED", "REDUCED", "REDESIGNATED" or "SEALED" with HS 11361.8.'
    ),
    N_(
        "If the change is missing or something is wrong, send form BCIA 8706 (claim of inaccuracy) with the record, or ask for free help (below)."
    ),
    N_(
        "Do not buy the county sheriff's \"record check\" for this: it is the county's own file, not the statewide record, and it costs money without telling you whether the record changed."
    ),
)

COURT_HEADING = N_("2. Ask the court that handled the case")
COURT_STEPS = (
    N_(
        "The clerk of the superior court in the county of the case can look it up by your name and date of birth, or by the case number, and tell you what the case file says now. Many courts also have an online case search."
    ),
    N_(
        'Ask for a copy of the order that changed it (a "minute order"). Copies can cost a small fee.'
    ),
)

AGAIN_HEADING = N_("3. Answer the questions again")
AGAIN_STEP = N_(
    "The law and the records change over time. Answer the questions again at %(address)s: nothing from last time is kept, so you start fresh."
)

HELP_HEADING = N_("Free help")
HELP_STEP = N_(
    "A public defender's office or a legal aid organization can do this with you for free. Find one near you at lawhelpca.org."
)

# --- the inside of a letter ---
LETTER_OPENING = N_("A court record about you may have been changed.")
LETTER_WHY = N_(
    "California law has changed, and some older records have been cleared or reduced without the person having to ask. A review of records suggests that this may apply to a record about you. You do not have to do anything, and there is nothing to pay. It is still worth confirming, because it can matter for jobs, housing and licenses."
)
LETTER_HOW = N_("How to confirm it")
LETTER_NOT_ADVICE = N_(
    "This letter is not legal advice. It does not say that a change was made, only that it may have been: the steps above show you what your record says."
)


def check_back_sections(gettext, fee: str, again_address: str | None = None) -> list:
    """The check-back steps as [(heading, [step, ...])], translated by `gettext` (Flask-Babel's
    on /check-back, stdlib gettext's in a letter). `fee` is the record review fee as written in
    the reader's language; the "answer again" section needs the questionnaire's address."""

    def fill(text: str, **values: str) -> str:
        translated = gettext(text)
        return translated % values if "%(" in translated else translated

    sections = [
        (gettext(DOJ_HEADING), [fill(step, fee=fee) for step in DOJ_STEPS]),
        (gettext(COURT_HEADING), [gettext(step) for step in COURT_STEPS]),
    ]
    if again_address:
        sections.append((gettext(AGAIN_HEADING), [fill(AGAIN_STEP, address=again_address)]))
    sections.append((gettext(HELP_HEADING), [gettext(HELP_STEP)]))
    return sections
