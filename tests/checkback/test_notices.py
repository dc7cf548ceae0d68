"""`python -m rules notices`: from bulk mode's results to letters an office can mail and counts
it can publish. A synthetic county file goes through the real `batch` command first."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from deny import offense_words_in
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from checkback import catalogs, outreach, texts
from rules.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = [
    "person_id",
    "conviction_id",
    "court",
    "offense",
    "level",
    "offense_date",
    "conviction_date",
    "age_at_offense",
    "sentence_status",
    "sentence_kind",
    "county",
    "zip",
    "name",
    "address_line_1",
    "address_line_2",
    "language",
]
# language cells as an office might write them -> the catalog the letter must use
LANGUAGE_CELLS = {
    "en": "en",
    "es": "es",
    "zh_Hant": "zh_Hant",
    "zh_Hans": "zh_Hans",
    "vi": "vi",
    "ko": "ko",
    "fil": "fil",
    "hy": "hy",
    "ru": "ru",
    "fa": "fa",
    "ar": "ar",
    "es-MX": "es",
    "zh-TW": "zh_Hant",
    "xx": "en",
    "": "en",
}
COUNTIES = {"Los Angeles": 14, "Fresno": 12, "Alameda": 3, "Kern": 1}
DISMISSED = {
    "offense": "HS 11357(b)",
    "level": "infraction",
    "offense_date": "2011-07-04",
    "conviction_date": "2011-08-15",
    "sentence_kind": "fine_only",
}
REDUCED = {
    "offense": "HS 11359",
    "level": "felony",
    "offense_date": "2013-05",
    "conviction_date": "2013-09-01",
    "sentence_kind": "probation",
}
NOTHING = {
    "offense": "PC 187",
    "level": "felony",
    "offense_date": "2001",
    "conviction_date": "2002-06-01",
    "sentence_kind": "state_prison",
}
# A stand-in translation of the letter's first third, compiled like the lead's will be.
STAND_IN = {
    "es": "Información para usted. Por favor, lea.",
    "zh_Hant": "給您的資訊，請閱讀。",
    "fa": "اطلاعاتی برای شما. لطفاً بخوانید.",
}


def synthetic_people():
    """(row, expected language or None for no letter) for every person of the county file."""
    people, number = [], 0
    cells = list(LANGUAGE_CELLS)
    for county, count in COUNTIES.items():
        for _ in range(count):
            number += 1
            language = cells[number % len(cells)]
            row = {
                "person_id": f"P{number:03d}",
                "conviction_id": f"P{number:03d}-1",
                "court": "california_adult",
                "age_at_offense": "21_or_older",
                "sentence_status": "completed",
                "county": county,
                "zip": f"9000{number % 3}",
                "name": f"Person {number}",
                "address_line_1": f"{number} Main St",
                "address_line_2": "Sacramento, CA 95814",
                "language": language,
                **(DISMISSED if number % 2 else REDUCED),
            }
            people.append((row, LANGUAGE_CELLS[language]))
    for number in range(len(people) + 1, len(people) + 4):  # nothing cleared: no letter
        people.append(
            (
                {
                    "person_id": f"P{number:03d}",
                    "court": "california_adult",
                    "age_at_offense": "21_or_older",
                    "sentence_status": "completed",
                    "county": "Los Angeles",
                    "zip": "90001",
                    "name": f"Nobody {number}",
                    "address_line_1": "1 Elm St",
                    "address_line_2": "Los Angeles, CA 90001",
                    "language": "es",
                    **NOTHING,
                },
                None,
            )
        )
    # Cleared but no address: counted, no letter.
    people.append(
        (
            {
                "person_id": "P999",
                "court": "california_adult",
                "age_at_offense": "21_or_older",
                "sentence_status": "completed",
                "county": "Kern",
                "language": "en",
                **DISMISSED,
            },
            None,
        )
    )
    return people


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notices")
    records, out = folder / "records.csv", folder / "results.csv"
    with records.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(row for row, _ in synthetic_people())
    assert (
        main(
            [
                "batch",
                str(records),
                "--output",
                str(out),
                "--as-of",
                "2026-11-24",
                "--workers",
                "1",
                "--summary",
                str(folder / "summary.txt"),
            ]
        )
        == 0
    )
    return out


@pytest.fixture(scope="module")
def stand_in_catalogs(tmp_path_factory):
    """Compiled catalogs where three languages translate the heading (the real ones will)."""
    folder = tmp_path_factory.mktemp("translations")
    for language, heading in STAND_IN.items():
        catalog = Catalog(locale=language)
        catalog.add(texts.LETTER_HEADING, heading)
        (folder / language / "LC_MESSAGES").mkdir(parents=True)
        with (folder / language / "LC_MESSAGES" / "messages.mo").open("wb") as handle:
            write_mo(handle, catalog)
    return folder


@pytest.fixture(scope="module")
def letters(results, stand_in_catalogs, tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    pdf, counts = folder / "notices.pdf", folder / "counts.csv"
    patch = pytest.MonkeyPatch()
    patch.setattr(catalogs, "TRANSLATIONS", stand_in_catalogs)
    try:
        assert (
            main(
                [
                    "notices",
                    str(results),
                    "--output",
                    str(pdf),
                    "--outreach",
                    str(counts),
                    "--group-by",
                    "zip",
                ]
            )
            == 0
        )
    finally:
        patch.undo()
    with counts.open(encoding="utf-8") as handle:
        return PdfReader(pdf), list(csv.reader(handle))


def first_third(page):
    """The text drawn in the page's top third (PDF y grows upwards from the bottom)."""
    height, pieces = float(page.mediabox.height), []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y > height * 2 / 3:
            pieces.append(text.strip())

    page.extract_text(visitor_text=visit)
    return pieces


def squeezed(text):
    """Without spaces and full stops: right-to-left text comes back with its stop moved."""
    return "".join(ch for ch in text if not ch.isspace() and ch not in ".。")


def expected_letters():
    return [(row, language) for row, language in synthetic_people() if language is not None]


def test_one_page_per_person_with_something_cleared_in_their_language(letters):
    reader, _ = letters
    expected = expected_letters()
    assert len(reader.pages) == len(expected) == sum(COUNTIES.values())
    for page, (row, language) in zip(reader.pages, expected):
        text = page.extract_text()
        assert row["name"] in text and row["address_line_1"] in text
        heading = STAND_IN.get(language, texts.LETTER_HEADING)
        assert squeezed(heading) in squeezed(text), (row["name"], language)
        # Inside: the check-back steps and free help.
        assert "BCIA 8016RR" in text and "lawhelpca.org" in text


def test_no_letter_for_someone_with_nothing_cleared_or_no_address(letters):
    text = "".join(page.extract_text() for page in letters[0].pages)
    assert "Nobody" not in text and "Elm St" not in text and "P999" not in text


def test_the_first_third_holds_only_the_address_and_a_neutral_heading(letters):
    reader, _ = letters
    for page, (row, language) in zip(reader.pages, expected_letters()):
        top = first_third(page)
        address = [row["name"], row["address_line_1"], row["address_line_2"]]
        heading = STAND_IN.get(language, texts.LETTER_HEADING)
        assert squeezed("".join(p for p in top if p not in address)) == squeezed(heading), top
        assert offense_words_in(" ".join(top).replace(row["address_line_2"], ""), language) == []


def test_no_page_names_an_offense_or_the_case(letters):
    for page in letters[0].pages:
        text = page.extract_text()
        for word in (
            "11357",
            "11359",
            "cannabis",
            "marijuana",
            "Los Angeles",
            "Fresno",
            "2011",
            "2013",
            "felony",
            "infraction",
        ):
            assert word not in text, word


def test_a_dry_run_prints_counts_and_writes_nothing(results, tmp_path, capsys):
    assert (
        main(
            [
                "notices",
                str(results),
                "--output",
                str(tmp_path / "n.pdf"),
                "--outreach",
                str(tmp_path / "c.csv"),
                "--dry-run",
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    assert "34 people read, 31 with something cleared: 30 letters" in printed
    assert "1 without a name and address" in printed
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_bulk_output_is_refused(tmp_path, capsys):
    records = tmp_path / "records.csv"
    records.write_text("person_id,offense\nP1,HS 11359\n")
    assert main(["notices", str(records), "--output", str(tmp_path / "n.pdf")]) == 2
    assert "no prop64_outcome, pc1203_425_outcome column" in capsys.readouterr().err
    assert not (tmp_path / "n.pdf").exists()


def test_outreach_needs_the_county_column_it_names(results, tmp_path, capsys):
    assert (
        main(
            [
                "notices",
                str(results),
                "-o",
                str(tmp_path / "n.pdf"),
                "--outreach",
                str(tmp_path / "c.csv"),
                "--county-column",
                "court_county",
            ]
        )
        == 2
    )
    assert "no court_county column" in capsys.readouterr().err


# --- outreach ---------------------------------------------------------------------------------


def test_outreach_hides_every_count_under_eleven_and_shows_the_rest_exactly(letters):
    header, *rows = letters[1]
    assert header == ["grouped_by", "group", "people_with_something_cleared"]
    for _grouped_by, group, count in rows:
        assert count == outreach.HIDDEN or int(count) >= outreach.THRESHOLD, (group, count)
    by_county = {group: count for grouped_by, group, count in rows if grouped_by == "county"}
    assert by_county == {
        "Alameda": "fewer than 11",
        "Fresno": "12",
        "Kern": "fewer than 11",
        "Los Angeles": "14",
        outreach.TOTAL: "40",
    }  # 14 + 12 + 5 + 5 = 36 -> 40 (true: 31)
    assert {grouped_by for grouped_by, _, _ in rows} == {"county", "zip"}


def test_outreach_totals_come_from_the_shown_cells_alone(letters):
    _, *rows = letters[1]
    for grouping in ("county", "zip"):
        cells = {group: count for grouped_by, group, count in rows if grouped_by == grouping}
        total = cells.pop(outreach.TOTAL)
        shown = [int(count) for count in cells.values() if count != outreach.HIDDEN]
        hidden = sum(1 for count in cells.values() if count == outreach.HIDDEN)
        recomputed = round((sum(shown) + 5 * hidden) / 10) * 10
        assert total == (str(recomputed) if recomputed >= 11 else outreach.HIDDEN)
        true_total = 31  # people with something cleared, each counted once a table
        assert abs(recomputed - true_total) <= 5 * hidden + 5


@pytest.mark.parametrize("hidden", range(1, 11))
def test_a_lone_hidden_cell_cannot_be_recovered_from_the_total(hidden):
    table = outreach.Tally(("county",))
    table.counts["county"].update({"Big": 40, "Small": hidden})
    published = table.rows()
    reference = outreach.Tally(("county",))
    reference.counts["county"].update({"Big": 40, "Small": 1})
    assert published == reference.rows()  # whatever the hidden count, the same table


# --- languages and purity ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, language",
    [
        ("ES", "es"),
        ("es-MX", "es"),
        ("zh-Hant", "zh_Hant"),
        ("zh-TW", "zh_Hant"),
        ("tl", "fil"),
        ("fil-PH", "fil"),
        ("Klingon", "en"),
        ("", "en"),
        (" fa ", "fa"),
    ],
)
def test_a_language_cell_names_a_catalog_or_falls_back_to_english(cell, language):
    assert catalogs.language_of(cell) == language


def test_the_eleven_languages_are_the_questionnaires():
    from webapp.i18n import LANGUAGES

    assert tuple(LANGUAGES) == catalogs.LANGUAGES


def test_bulk_mode_and_its_letters_import_no_flask_wtforms_or_babel():
    code = (
        "import sys, rules, rules.__main__, checkback.cli, checkback.notices, checkback.outreach;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('flask', 'flask_babel', 'wtforms', 'babel', 'flask_wtf')))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == "[]"


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([f"county {n}" for n in range(12)]), st.integers(1, 60), min_size=1
    )
)
def test_any_table_hides_its_small_cells_and_its_total_gives_none_away(counts):
    table = outreach.Tally(("county",))
    table.counts["county"].update(counts)
    rows = table.rows()
    for _grouped_by, _group, count in rows:
        assert count == outreach.HIDDEN or int(count) >= outreach.THRESHOLD
    # Every hidden cell set to 1 instead: not one published figure moves.
    flattened = outreach.Tally(("county",))
    flattened.counts["county"].update(
        {g: (1 if n < outreach.THRESHOLD else n) for g, n in counts.items()}
    )
    assert flattened.rows() == rows
