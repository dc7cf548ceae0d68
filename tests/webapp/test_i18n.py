"""Languages: every string through Babel, the browser's language mapped, the choice kept."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from i18n_texts import shown_strings
from webwalk import text_of

import rules
from webapp import explanations

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "accept, lang, direction",
    [
        ("zh-TW,zh;q=0.9", "zh-Hant", "ltr"),
        ("zh-HK", "zh-Hant", "ltr"),
        ("zh-CN", "zh-Hans", "ltr"),
        ("zh", "zh-Hans", "ltr"),
        ("tl", "fil", "ltr"),
        ("fil-PH", "fil", "ltr"),
        ("es-MX,es;q=0.9", "es", "ltr"),
        ("zh-Hant", "zh-Hant", "ltr"),
        ("zh-Hant-TW", "zh-Hant", "ltr"),
        ("zh-Hans-CN", "zh-Hans", "ltr"),
        ("fil", "fil", "ltr"),
        ("tl-PH", "fil", "ltr"),
        ("fa-IR", "fa", "rtl"),
        ("ar", "ar", "rtl"),
        ("ar-EG,en;q=0.5", "ar", "rtl"),
        ("de-DE", "en", "ltr"),
        ("fr", "en", "ltr"),
        ("*", "en", "ltr"),
        # Quality values, not the order written, decide.
        ("fr;q=1.0,vi;q=0.8,es;q=0.5", "vi", "ltr"),
        ("es;q=0.2,ko;q=0.9", "ko", "ltr"),
        ("en-US,es;q=0.9", "en", "ltr"),
        ("hy-AM;q=0.1,ru-RU;q=0.7", "ru", "ltr"),
    ],
)
def test_browser_language_is_mapped(client, accept, lang, direction):
    html = client.get("/", headers={"Accept-Language": accept}).get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in html


def test_choosing_a_language_keeps_the_answers_and_returns_to_the_page(client):
    client.post("/begin")
    client.post("/c/1/where", data={"answer": "ca"})
    response = client.get("/lang/es?next=/c/1/where")
    assert response.status_code == 303 and response.headers["Location"] == "/c/1/where"
    html = client.get("/c/1/where").get_data(as_text=True)
    assert '<html lang="es"' in html and 'value="ca" checked' in html


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"]
)
def test_language_switch_is_not_an_open_redirect(client, target):
    response = client.get("/lang/es", query_string={"next": target})
    assert response.headers["Location"] == "/"


def test_an_unknown_language_is_a_friendly_404(client):
    response = client.get("/lang/klingon?next=/")
    assert response.status_code == 404 and "Page not found" in text_of(response)


def test_every_engine_reason_reads_in_the_web_app_from_the_one_table(app):
    """One sentence per reason: the page's words are the engine's template, with the law's
    values filled the reader's way (not a copy kept in webapp/)."""
    from flask_babel import format_date

    from rules.reasons import LAW_VALUES, english

    assert not hasattr(explanations, "REASONS")
    with app.test_request_context():
        for code, text in rules.REASON_CODES.items():
            for value in LAW_VALUES.values():  # Babel writes dates its own way: "November 9, 2016"
                if hasattr(value, "year"):
                    text = text.replace(english(value), format_date(value, "long"))
            assert explanations.reason_text({"code": code}) == text


def test_every_outcome_has_words():
    assert set(explanations.OUTCOMES) == {
        "dismiss",
        "reduce_to_misdemeanor",
        "reduce_to_infraction",
        "not_eligible",
        "not_covered",
        "already_granted",
        "needs_review",
    }


def test_the_message_catalog_template_is_current():
    """translations/messages.pot holds every string the app shows (re-extract if this fails)."""
    with (ROOT / "translations/messages.pot").open("rb") as handle:
        template = {message.id for message in read_po(handle) if message.id}
    assert shown_strings() == template
    assert "Which court convicted you?" in template


def test_the_browser_language_is_kept_once_chosen_otherwise(client):
    client.get("/lang/ko?next=/")
    html = client.get("/", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert '<html lang="ko" dir="ltr">' in html
