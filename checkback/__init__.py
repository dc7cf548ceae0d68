"""The check-back kit: how a person learns that a record changed, with nothing stored.

texts.py     the words, once (neutral reminder texts, the check-back steps, the letter)
reminder.py  the calendar file, text-message and e-mail links (pure)
catalogs.py  stdlib gettext over the compiled catalogs, for use without Flask
notices.py   bulk mode's letters (WeasyPrint), outreach.py its publishable counts
cli.py       `python -m rules notices RESULTS.csv --output notices.pdf`

A package of its own rather than part of rules/: the engine stays a pure function of the case
with no PDF library and no catalogs, and the web app and bulk mode both read these words.
"""
