"""DOJ's bulk research file (95 columns) -> bulk mode's own columns (rap-sheet.md §3).

Each DOJ row is one count at one step of one cycle, and a count can take several rows (one a
sentence part). This groups a subject's rows, takes convictions only from `COURT ACTION`
steps with a `CONVICTED` disposition, and writes one Fresh Start row per convicted count:

    person_id        SUBJECT_ID
    conviction_id    CNT_ORDER (the count; its sentence-part rows merged)
    court_case       OFN, the court case number, to match results to files
    offense          OFFENSE_DESCR (or COMMENT_TEXT), read as the RAP sheet reader reads it
    level            CONV_STAT_DESCR, else OFFENSE_TOC (marked `level_from_toc` in derived)
    conviction_date  STP_EVENT_DATE of the court step
    offense_date     STP_EVENT_DATE of the arrest step of the same cycle (CNT_ORDER[0:3])
    age_at_offense   PRI_DOB against the offense date, as a band only
    sentence_kind    SENT_LOC_DESCR; sentence_status derived from date + summed length vs as_of
    court            california_juvenile when the court is a juvenile court, else california_adult
    must_register_290  yes when a REGISTRATION step names PC 290

Nothing else passes through: no name, SSN, CII, CDL, FBI number, date of birth, address or
comment reaches the output (`OUTPUT_WHITELIST`). A subject with a `DECEASED` step is marked
`deceased=yes` and not evaluated.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator

from rules.batch.columns import INPUT_COLUMNS
from rules.records.rap_sheet import add_months, age_band, offense_of_charge

DOJ_COLUMNS = (
    "RECORD_ID",
    "SUBJECT_STATUS",
    "SUBJECT_ID",
    "REQ_SEG_SEP",
    "REQ_CII_NUMBER",
    "REQ_NAME",
    "REQ_GENDER",
    "REQ_DOB",
    "REQ_CDL",
    "REQ_SSN",
    "PII_SEG_SEP",
    "CII_NUMBER",
    "PRI_NAME",
    "GENDER",
    "PRI_DOB",
    "PRI_SSN",
    "PRI_CDL",
    "PRI_IDN",
    "PRI_INN",
    "FBI_NUMBER",
    "PDR_SEG_SEP",
    "RACE_CODE",
    "RACE_DESCR",
    "EYE_COLOR_CODE",
    "EYE_COLOR_DESCR",
    "HAIR_COLOR_CODE",
    "HAIR_COLOR_DESCR",
    "HEIGHT",
    "WEIGHT",
    "SINGLE_SOURCE",
    "MULTI_SOURCE",
    "POB_CODE",
    "POB_NAME",
    "POB_TYPE",
    "CITIZENSHIP_LIST",
    "CYC_SEG_SEP",
    "CYC_ORDER",
    "CYC_DATE",
    "STP_SEG_SEP",
    "STP_ORDER",
    "STP_EVENT_DATE",
    "STP_TYPE_CODE",
    "STP_TYPE_DESCR",
    "STP_ORI_TYPE",
    "STP_ORI_TYPE_DESCR",
    "STP_ORI_CODE",
    "STP_ORI_DESCR",
    "STP_ORI_CNTY_CODE",
    "STP_ORI_CNTY_NAME",
    "CNT_SEG_SEP",
    "CNT_ORDER",
    "DISP_DATE",
    "OFN",
    "OFFENSE_CODE",
    "OFFENSE_DESCR",
    "OFFENSE_TOC",
    "OFFENSE_QUAL_LST",
    "DISP_OFFENSE_CODE",
    "DISP_OFFENSE_DESCR",
    "DISP_OFFENSE_TOC",
    "DISP_OFFENSE_QUAL_LST",
    "CONV_OFFENSE_ORDER",
    "CONV_OFFENSE_CODE",
    "CONV_OFFENSE_DESCR",
    "CONV_OFFENSE_TOC",
    "CONV_OFFENSE_QUAL_LST",
    "FE_NUM_ORDER",
    "FE_NUM_ARR_AGY",
    "FE_NUM_BNCH_WARR",
    "FE_NUM_CITE",
    "FE_NUM_DOCKET",
    "FE_NUM_INCIDENT",
    "FE_NUM_BOOKING",
    "FE_NUM_NUMBER",
    "FE_NUM_REMAND",
    "FE_NUM_OOS_INN",
    "FE_NUM_CRT_CASE",
    "FE_NUM_WARRANT",
    "DISP_ORDER",
    "DISP_CODE",
    "DISP_DESCR",
    "CONV_STAT_CODE",
    "CONV_STAT_DESCR",
    "SENT_SEG_SEP",
    "SENT_ORDER",
    "SENT_LOC_CODE",
    "SENT_LOC_DESCR",
    "SENT_LENGTH",
    "SENT_TIME_CODE",
    "SENT_TIME_DESCR",
    "CYC_AGE",
    "CII_TYPE",
    "CII_TYPE_ALPHA",
    "COMMENT_TEXT",
    "END_OF_REC",
)
assert len(DOJ_COLUMNS) == 95
_AT = {name: index for index, name in enumerate(DOJ_COLUMNS)}
(
    SUBJECT,
    DOB,
    STEP_DATE,
    STEP_TYPE,
    ORI_TYPE,
    ORI_CODE,
    COUNT,
    OFN,
    OFFENSE,
    TOC,
    DISPOSITION,
    CONV_STATUS,
    SENT_WHERE,
    SENT_LENGTH,
    SENT_UNIT,
    COMMENT,
) = (
    _AT[name]
    for name in (
        "SUBJECT_ID",
        "PRI_DOB",
        "STP_EVENT_DATE",
        "STP_TYPE_DESCR",
        "STP_ORI_TYPE_DESCR",
        "STP_ORI_CODE",
        "CNT_ORDER",
        "OFN",
        "OFFENSE_DESCR",
        "OFFENSE_TOC",
        "DISP_DESCR",
        "CONV_STAT_DESCR",
        "SENT_LOC_DESCR",
        "SENT_LENGTH",
        "SENT_TIME_CODE",
        "COMMENT_TEXT",
    )
)

# The converter writes these columns and no others (rap-sheet.md §3, "Privacy").
WRITTEN_COLUMNS = (
    "person_id",
    "conviction_id",
    "court_case",
    "court",
    "offense",
    "level",
    "offense_date",
    "conviction_date",
    "age_at_offense",
    "sentence_kind",
    "sentence_status",
    "must_register_290",
    "deceased",
    "derived",
)
assert set(WRITTEN_COLUMNS) - {"court_case", "deceased", "derived"} <= set(INPUT_COLUMNS)

_LEVELS = {
    "FELONY": "felony",
    "MISDEMEANOR": "misdemeanor",
    "INFRACTION": "infraction",
    "F": "felony",
    "M": "misdemeanor",
    "I": "infraction",
}
_KINDS = (
    ("PROBATION", "probation"),
    ("PRISON", "state_prison"),
    ("CDC", "state_prison"),
    ("JAIL", "county_jail"),
    ("FINE", "fine_only"),
)
_KIND_ORDER = ("probation", "state_prison", "county_jail", "fine_only")


class DojFileError(ValueError):
    """The file is not DOJ's 95-column research file."""


def _date(cell: str) -> datetime.date | None:
    digits = cell.strip().replace("-", "").replace("/", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return None


def rows_of(lines: Iterable[str]) -> Iterator[list[str]]:
    """The DOJ file's data rows (a header row, if any, skipped). Raises DojFileError when the
    first row does not have 95 columns."""
    reader = csv.reader(lines)
    for index, row in enumerate(reader):
        if not row:
            continue
        if index == 0 or row[0] == "RECORD_ID":
            if len(row) != len(DOJ_COLUMNS):
                raise DojFileError(
                    f"the first row has {len(row)} columns; DOJ's research file "
                    f"has {len(DOJ_COLUMNS)}"
                )
            if row[0].strip().upper() == "RECORD_ID":
                continue
        yield row


def subjects(rows: Iterable[list[str]]) -> Iterator[list[list[str]]]:
    """A subject's rows, together as DOJ writes them (consecutive SUBJECT_ID)."""
    group: list[list[str]] = []
    for row in rows:
        if group and row[SUBJECT] != group[0][SUBJECT]:
            yield group
            group = []
        group.append(row)
    if group:
        yield group


class _Count:
    __slots__ = ("row", "parts", "convicted")

    def __init__(self, row: list[str]):
        self.row = row
        self.parts: list[tuple[str, int, str]] = []
        self.convicted = row[DISPOSITION].strip().upper().startswith("CONVICTED")


def convert_subject(group: list[list[str]], as_of: datetime.date) -> list[dict[str, str]]:
    """One subject's DOJ rows -> Fresh Start rows, one a convicted count."""
    width = len(DOJ_COLUMNS)
    arrests: dict[str, datetime.date] = {}
    counts: dict[str, _Count] = {}
    registered = deceased = False
    for row in group:
        if len(row) != width:
            continue  # a ragged row cannot be trusted to be in the right columns
        step = row[STEP_TYPE].strip().upper()
        cycle = row[COUNT][:3]
        if step.startswith("ARREST"):
            day = _date(row[STEP_DATE])
            if day and (cycle not in arrests or day > arrests[cycle]):
                arrests[cycle] = day
        elif step.startswith("COURT"):
            count = counts.get(row[COUNT])
            if count is None:
                count = counts[row[COUNT]] = _Count(row)
            if row[SENT_WHERE].strip():
                length = row[SENT_LENGTH].strip()
                count.parts.append(
                    (
                        row[SENT_WHERE].strip().upper(),
                        int(length) if length.isdigit() else 0,
                        row[SENT_UNIT].strip().upper()[:1],
                    )
                )
        elif step.startswith("REGISTRATION") and row[OFFENSE].strip().startswith("290"):
            registered = True
        elif step.startswith("DECEASED"):
            deceased = True
    birth = _date(group[0][DOB]) if len(group[0]) == width else None
    out = []
    for order, count in counts.items():
        if not count.convicted:
            continue
        out.append(_row(order, count, arrests.get(order[:3]), birth, registered, deceased, as_of))
    return out


def _row(
    order: str,
    count: _Count,
    arrested: datetime.date | None,
    birth: datetime.date | None,
    registered: bool,
    deceased: bool,
    as_of: datetime.date,
) -> dict[str, str]:
    row = count.row
    derived = []
    offense = offense_of_charge(row[OFFENSE], row[COMMENT]) or "unknown"
    level = _LEVELS.get(row[CONV_STATUS].strip().upper())
    if level is None:
        level = _LEVELS.get(row[TOC].strip().upper()[:1], "unknown")
        if level != "unknown":
            derived.append("level_from_toc")
    convicted = _date(row[STEP_DATE])
    if arrested and convicted and arrested > convicted:
        arrested = None  # an arrest after the court date belongs to something else
    juvenile = "JUV" in row[ORI_TYPE].upper() or row[ORI_CODE].strip().upper().startswith("CAJV")
    out = {
        "person_id": row[SUBJECT].strip(),
        "conviction_id": order,
        "court_case": row[OFN].strip(),
        "court": "california_juvenile" if juvenile else "california_adult",
        "offense": offense,
        "level": level,
        "offense_date": arrested.isoformat() if arrested else "",
        "conviction_date": convicted.isoformat() if convicted else "",
        "age_at_offense": age_band(birth, arrested) if birth and arrested else "",
        "sentence_kind": "",
        "sentence_status": "",
        "must_register_290": "yes" if registered else "",
        "deceased": "yes" if deceased else "",
        "derived": "",
    }
    if count.parts:
        kinds = {kind for where, _, _ in count.parts for word, kind in _KINDS if word in where}
        out["sentence_kind"] = next((kind for kind in _KIND_ORDER if kind in kinds), "unknown")
        months = sum(
            length * (12 if unit == "Y" else 1)
            for _, length, unit in count.parts
            if unit in ("Y", "M")
        )
        days = sum(length for _, length, unit in count.parts if unit == "D")
        if convicted and (months or days):
            ends = add_months(convicted, months) + datetime.timedelta(days=days)
            if ends < as_of:
                out["sentence_status"] = "completed"
            elif ends > as_of + datetime.timedelta(days=31):
                out["sentence_status"] = "serving"
            if out["sentence_status"]:
                derived.append("sentence_status_from_length")
    out["derived"] = ";".join(derived)
    return out


def convert(lines: Iterable[str], as_of: datetime.date) -> Iterator[dict[str, str]]:
    """Every Fresh Start row of a DOJ file, in file order, subject by subject."""
    for group in subjects(rows_of(lines)):
        yield from convert_subject(group, as_of)
