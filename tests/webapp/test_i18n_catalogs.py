"""The ten catalogs: present, complete, faithful to the English's placeholders and markup,
compiled, and each with a review status. These fail while a translator is mid-merge: that is
the point (`bash scripts/i18n.sh stats` shows what is left)."""

from collections import Counter
from io import BytesIO

import pytest
import yaml
from babel.messages.mofile import read_mo, write_mo
from i18n_texts import PLACEHOLDER, TAG, TRANSLATIONS, catalog, forms_of, po_path, shown_strings

from webapp import review_notice
from webapp.i18n import LANGUAGES

CODES = [code for code in LANGUAGES if code != "en"]


def messages(code):
    return [m for m in catalog(code) if m.id]


def test_the_ten_languages_of_the_issue_each_have_a_catalog():
    assert CODES == ["es", "zh_Hant", "zh_Hans", "vi", "ko", "fil", "hy", "ru", "fa", "ar"]
    on_disk = {path.parts[-3] for path in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")}
    assert on_disk == set(CODES)
    assert not (TRANSLATIONS / "tl").exists(), "Babel never loads tl: Tagalog lives in fil"


@pytest.mark.parametrize("code", CODES)
def test_every_string_the_app_shows_is_in_the_catalog(code):
    have = {forms_of(m.id)[0] for m in messages(code)}
    missing = sorted(
        forms_of(msgid)[0] for msgid in shown_strings() if forms_of(msgid)[0] not in have
    )
    assert not missing, f"run `bash scripts/i18n.sh update`, then translate: {missing[:5]}"


@pytest.mark.parametrize("code", CODES)
def test_no_translation_is_empty_or_fuzzy(code):
    book = catalog(code)
    empty = [
        m.id
        for m in messages(code)
        if not all(s.strip() for s in forms_of(m.string))
        or len(forms_of(m.string)) != (book.num_plurals if not isinstance(m.id, str) else 1)
    ]
    fuzzy = [m.id for m in messages(code) if m.fuzzy]
    assert not empty, f"{len(empty)} untranslated (or a plural form missing), e.g. {empty[:3]}"
    assert not fuzzy, f"{len(fuzzy)} marked fuzzy (check, then remove the flag), e.g. {fuzzy[:3]}"


@pytest.mark.parametrize("code", CODES)
def test_placeholders_and_html_tags_are_the_same_as_in_the_english(code):
    wrong = []
    for message in messages(code):
        english = forms_of(message.id)
        for n, local in enumerate(forms_of(message.string)):
            source = english[min(n, len(english) - 1)]
            # A plural form may drop the number (e.g. a language's "one" form): names stay a subset.
            same_names = (
                set(PLACEHOLDER.findall(local)) <= set(PLACEHOLDER.findall(" ".join(english)))
                if len(english) > 1
                else Counter(PLACEHOLDER.findall(local)) == Counter(PLACEHOLDER.findall(source))
            )
            if not same_names or Counter(TAG.findall(local)) != Counter(TAG.findall(source)):
                wrong.append((message.id, local))
    assert not wrong, wrong[:3]


@pytest.mark.parametrize("code", CODES)
def test_the_compiled_catalog_is_not_stale(code):
    po = po_path(code)
    mo = po.with_suffix(".mo")
    assert mo.exists(), "run `bash scripts/i18n.sh compile`"
    assert mo.stat().st_mtime >= po.stat().st_mtime, "the .po is newer than its .mo: compile"
    # Dates can lie after a checkout: the .mo must also say what the .po says.
    fresh = BytesIO()
    write_mo(fresh, catalog(code))
    fresh.seek(0)
    with mo.open("rb") as handle:
        compiled = read_mo(handle)
    want = {tuple(forms_of(m.id)): tuple(forms_of(m.string)) for m in read_mo(fresh) if m.id}
    have = {tuple(forms_of(m.id)): tuple(forms_of(m.string)) for m in compiled if m.id}
    assert have == want, "the .mo differs from the .po: compile"


def test_each_catalog_has_a_review_status_and_glossary():
    with review_notice.STATUS_FILE.open(encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    assert set(entries) == set(CODES)
    for code, entry in entries.items():
        assert entry["status"] in ("unreviewed", "reviewed"), code
        if entry["status"] == "reviewed":
            assert entry.get("reviewed_by") and entry.get("reviewed_on"), code
        assert (TRANSLATIONS / "glossary" / f"{code}.md").exists(), code
