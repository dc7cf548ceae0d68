"""Every neutral text, in English and in each of the eleven languages, holds no offense word.

Neutral texts are the reminder (calendar, text message, e-mail) and a letter's heading and
envelope side (checkback/texts.py NEUTRAL). The catalogs are checked as they stand, so the test
bites the day the lead translates a neutral text with a word from that language's glossary.
"""

import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import icalendar
import pytest
from babel.messages.pofile import read_po

from checkback import texts

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))
from deny import glossary_words, offense_words_in  # noqa: E402
from webwalk import case_named, walk_case  # noqa: E402

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
LANGUAGES = ("en", "es", "zh_Hant", "zh_Hans", "vi", "ko", "fil", "hy", "ru", "fa", "ar")
ADDRESS = "http://localhost/check-back"


def catalog(language):
    with open(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=language)


def test_every_language_has_a_catalog_and_a_glossary_to_check():
    for language in LANGUAGES[1:]:
        assert len(catalog(language)) > 100, language
        assert len(glossary_words(language)) > 20, language


@pytest.mark.parametrize("text", texts.NEUTRAL)
def test_the_english_neutral_texts_name_no_offense(text):
    assert offense_words_in(text) == []
    assert not re.search(r"\d", text), "a neutral text holds no date or number"


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_catalogs_neutral_texts_name_no_offense(language):
    messages = catalog(language)
    for text in texts.NEUTRAL:
        message = messages.get(text)
        translated = message.string if message is not None and message.string else text
        assert offense_words_in(translated, language) == [], (language, translated)


def test_the_deny_list_catches_a_translation_that_names_the_offense():
    """Guards the guard: what a careless translation would say, per language."""
    assert offense_words_in("Revise su condena", "es")
    assert offense_words_in("检查您的定罪记录", "zh_Hans")
    assert offense_words_in("Проверьте судимость", "ru")
    assert offense_words_in("Check your court papers")
    assert offense_words_in("Reminder: HS 11359")


def visible_parts(client):
    """Every text the reminder outputs put on a screen: .ics fields, text message, e-mail."""
    cal = icalendar.Calendar.from_ical(client.get("/remind.ics?months=3").data)
    (event,) = cal.walk("VEVENT")
    parts = [
        str(event["SUMMARY"]),
        str(event["DESCRIPTION"]),
        *(str(alarm["DESCRIPTION"]) for alarm in event.walk("VALARM")),
    ]
    html = client.get("/result").get_data(as_text=True).replace("&amp;", "&")
    sms = re.search(r'href="(sms:[^"]+)"', html).group(1)
    parts.append(unquote(sms.split("body=", 1)[1]))
    mail = parse_qs(urlsplit(re.search(r'href="(mailto:[^"]+)"', html).group(1)).query)
    parts += [mail["subject"][0], mail["body"][0]]
    return [part.replace(ADDRESS, "") for part in parts]


def test_the_reminder_outputs_name_no_offense_in_any_language(client):
    walk_case(client, case_named("02-sale-felony-2013-reduced"))
    for language in LANGUAGES:
        client.get(f"/language/{language}")
        for part in visible_parts(client):
            assert part.strip() and offense_words_in(part, language) == [], (language, part)
