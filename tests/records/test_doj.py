"""`batch --input-format doj`: DOJ's 95-column research file through bulk mode.

The same synthetic people, written once as DOJ writes them and once in Fresh Start's own
columns, get the same determinations; nothing but whitelisted columns reaches the output; no
name, SSN, CII, CDL, FBI number or birth date is in it; deceased subjects are marked, not
evaluated; the header row is optional; the exit codes are bulk mode's."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.gen_doj import generate
from rules.batch.columns import OUTPUT_COLUMNS
from rules.batch.runner import run as run_file
from rules.records.doj import DOJ_COLUMNS, WRITTEN_COLUMNS
from rules.records.doj_batch import run as run_doj

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-12-01"
DECISIONS = (
    "prop64_outcome",
    "prop64_possible_outcomes",
    "prop64_procedure",
    "prop64_automatic",
    "prop64_reason_codes",
    "pc1203_425_outcome",
    "pc1203_425_automatic",
    "actions",
    "priors_derived",
    "error",
)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("doj")
    doj, freshstart = folder / "doj.csv", folder / "fs.csv"
    generate(4000, str(doj), str(freshstart), seed=7)
    doj_out, fs_out = folder / "doj_out.csv", folder / "fs_out.csv"
    run_doj(str(doj), str(doj_out), AS_OF, workers=1)
    run_file(str(freshstart), str(fs_out), AS_OF, workers=1)
    return {"doj": doj, "fs": freshstart, "doj_out": doj_out, "fs_out": fs_out, "folder": folder}


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_doj_file_gives_the_same_determinations_as_the_same_people_in_our_columns(files):
    ours = {(row["person_id"], row["conviction_id"]): row for row in _rows(files["fs_out"])}
    converted = [row for row in _rows(files["doj_out"]) if not row["deceased"]]
    assert len(converted) == len(ours) > 500
    for row in converted:
        expected = ours[(row["person_id"], row["conviction_id"])]
        assert {name: row[name] for name in DECISIONS} == {
            name: expected[name] for name in DECISIONS
        }, row
    # The mix is not trivial: several outcomes, sentences derived, levels from TOC.
    assert len({row["prop64_outcome"] for row in converted}) >= 4
    assert any("level_from_toc" in row["derived"] for row in converted)
    assert any(row["must_register_290"] == "yes" for row in converted)
    assert any(row["court"] == "california_juvenile" for row in converted)


def test_only_whitelisted_columns_and_no_identity_reach_the_output(files):
    with open(files["doj_out"], newline="", encoding="utf-8") as handle:
        header = next(csv.reader(handle))
        text = handle.read()
    assert set(header) <= set(WRITTEN_COLUMNS) | set(OUTPUT_COLUMNS)
    identity_columns = (
        "PRI_NAME",
        "REQ_NAME",
        "PRI_SSN",
        "REQ_SSN",
        "CII_NUMBER",
        "REQ_CII_NUMBER",
        "PRI_CDL",
        "FBI_NUMBER",
        "PRI_DOB",
    )
    at = [DOJ_COLUMNS.index(name) for name in identity_columns]
    with open(files["doj"], newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    secrets = {row[index] for row in rows for index in at if row[index]}
    assert len(secrets) > 1000
    leaked = [secret for secret in secrets if secret in text]
    assert leaked == []


def test_deceased_subjects_are_marked_and_not_evaluated(files):
    deceased = [row for row in _rows(files["doj_out"]) if row["deceased"]]
    assert deceased
    for row in deceased:
        assert row["deceased"] == "yes"
        assert all(row[name] == "" for name in OUTPUT_COLUMNS)


def test_the_header_row_is_optional(files, tmp_path):
    bare = tmp_path / "bare.csv"
    bare.write_text("".join(files["doj"].read_text().splitlines(keepends=True)[1:]))
    out = tmp_path / "out.csv"
    run_doj(str(bare), str(out), AS_OF, workers=1)
    assert out.read_text() == files["doj_out"].read_text()


def _batch(*args):
    return subprocess.run(
        [sys.executable, "-m", "rules", "batch", *args, "--as-of", AS_OF, "--workers", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_line_exit_codes_are_bulk_modes(files, tmp_path):
    out = tmp_path / "out.csv"
    done = _batch(str(files["doj"]), "--input-format", "doj", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert "deceased" in done.stderr
    wrong = tmp_path / "ours.csv"
    wrong.write_text("person_id,offense\np1,HS 11359\n")
    refused = _batch(str(wrong), "--input-format", "doj", "--output", str(out))
    assert refused.returncode == 2
    assert "95" in refused.stderr and len(refused.stderr.splitlines()) == 1
    missing = _batch(str(tmp_path / "none.csv"), "--input-format", "doj", "--output", str(out))
    assert missing.returncode == 2
    assert not list(tmp_path.glob(".doj-*")) and not list(files["folder"].glob(".doj-*"))
