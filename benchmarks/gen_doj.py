"""A synthetic DOJ research file (95 columns) and the same people in Fresh Start's own columns.

    python -m benchmarks.gen_doj ROWS OUT_DOJ.csv [--freshstart OUT_FS.csv] [--seed S] [--as-of D]

Each person is made from facts first (offense, level, dates, age at the offense, sentence,
PC 290 registration, deceased), then written twice: as DOJ writes a record (one row per count
per step, one more per sentence part, arrest and court steps in a cycle, `CNT_ORDER` =
cycle(3) step(3) count(3) "000", fake names, SSNs, CIIs, CDLs and FBI numbers in their columns)
and, for the living, as a worker would type them in bulk mode's columns. Ages and sentence
status are chosen first and the dates built around them, so the two files say the same thing
without sharing any of the converter's arithmetic. Same seed, same files. No real data.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import random

from rules.records.doj import DOJ_COLUMNS, WRITTEN_COLUMNS

AS_OF = datetime.date(2026, 12, 1)
# (DOJ's OFFENSE_DESCR, Fresh Start's offense, weight)
OFFENSES = (
    ("11357(B) HS-POSSESS 28.5 GRAMS OR LESS MARIJUANA", "HS 11357(b)", 10),
    ("11357 HS-POSSESS MARIJUANA", "HS 11357", 4),
    ("11358 HS-CULTIVATE MARIJUANA", "HS 11358", 6),
    ("11359 HS-POSSESS MARIJUANA FOR SALE", "HS 11359", 12),
    ("11360(A) HS-SELL/FURNISH/ETC MARIJUANA/HASH", "HS 11360(a)", 8),
    ("664/11359 HS-ATTEMPT POSSESS MARIJUANA FOR SALE", "PC 664/11359", 2),
    ("11350(A) HS-POSSESS NARCOTIC CONTROLLED SUBSTANCE", "HS 11350(a)", 5),
    ("211 PC-ROBBERY", "PC 211", 3),
    ("187 PC-MURDER", "PC 187", 1),
    ("288(A) PC-LEWD OR LASCIVIOUS ACTS WITH CHILD", "PC 288(a)", 1),
    ("23152(A) VC-DUI ALCOHOL/DRUGS", "VC 23152(a)", 6),
)
_WEIGHTS = [weight for _, _, weight in OFFENSES]
# The same people in bulk mode's own columns: what the converter writes, less its own notes.
FRESHSTART_COLUMNS = tuple(
    name for name in WRITTEN_COLUMNS if name not in ("court_case", "deceased", "derived")
)
_INDEX = {name: index for index, name in enumerate(DOJ_COLUMNS)}


def _years_before(day: datetime.date, years: int, extra_days: int) -> datetime.date:
    try:
        shifted = day.replace(year=day.year - years)
    except ValueError:
        shifted = day.replace(year=day.year - years, day=28)
    return shifted - datetime.timedelta(days=extra_days)


class _Writer:
    def __init__(self, doj, freshstart):
        self.doj, self.freshstart = doj, freshstart
        self.record = 0

    def doj_row(self, person: dict, **cells) -> None:
        self.record += 1
        row = [""] * len(DOJ_COLUMNS)
        row[0] = str(self.record)
        for name, value in person["pii"].items():
            row[_INDEX[name]] = value
        for name, value in cells.items():
            row[_INDEX[name]] = value
        self.doj.writerow(row)


def _person(rng: random.Random, number: int, writer: _Writer, as_of: datetime.date) -> int:
    """Writes one person; returns how many DOJ rows it took."""
    subject = f"S{number:08d}"
    deceased = rng.random() < 0.01
    registered = rng.random() < 0.03
    convictions, rows = [], 0
    person = {
        "pii": {
            "SUBJECT_ID": subject,
            "SUBJECT_STATUS": "DECEASED" if deceased else "ACTIVE",
            "CII_NUMBER": f"A{number:08d}",
            "PRI_NAME": f"SYNTHETIC,PERSON{number}",
            "PRI_SSN": f"000-00-{number % 10000:04d}",
            "PRI_CDL": f"Z{number:07d}",
            "FBI_NUMBER": f"{number:07d}XX9",
            "GENDER": "X",
            "REQ_NAME": f"SYNTHETIC,PERSON{number}",
            "REQ_CII_NUMBER": f"A{number:08d}",
            "REQ_SSN": f"000-00-{number % 10000:04d}",
        }
    }
    # The person's age at the first offense is chosen; the birth date is built from it.
    first_age = rng.choice((16, 17, 19, 20, 22, 25, 30, 40))
    first_offense = datetime.date(1995, 1, 1) + datetime.timedelta(days=rng.randrange(0, 11000))
    birth = _years_before(first_offense, first_age, rng.randrange(1, 300))
    person["pii"]["PRI_DOB"] = birth.strftime("%Y%m%d")
    day = first_offense
    for cycle in range(1, rng.randint(1, 3) + 1):
        if day >= as_of - datetime.timedelta(days=400):
            break
        arrested = rng.random() < 0.85
        offense_day = day
        court_day = offense_day + datetime.timedelta(days=rng.randrange(20, 200))
        exact_age = (
            offense_day.year
            - birth.year
            - ((offense_day.month, offense_day.day) < (birth.month, birth.day))
        )
        band = "under_18" if exact_age < 18 else "18_to_20" if exact_age < 21 else "21_or_older"
        juvenile = exact_age < 18
        counts = rng.randint(1, 3)
        picked = [rng.choices(OFFENSES, _WEIGHTS)[0] for _ in range(counts)]
        if arrested:
            for index, (descr, _, _) in enumerate(picked, start=1):
                writer.doj_row(
                    person,
                    CYC_ORDER=str(cycle),
                    CYC_DATE=offense_day.strftime("%Y%m%d"),
                    STP_ORDER="1",
                    STP_EVENT_DATE=offense_day.strftime("%Y%m%d"),
                    STP_TYPE_CODE="ARR",
                    STP_TYPE_DESCR="ARREST/DETAINED/CITED",
                    STP_ORI_TYPE_DESCR="POLICE DEPARTMENT",
                    STP_ORI_CODE="CA0190000",
                    CNT_ORDER=f"{cycle:03d}001{index:03d}000",
                    OFFENSE_DESCR=descr,
                    OFFENSE_TOC=rng.choice("FM"),
                    END_OF_REC="*",
                )
                rows += 1
        for index, (descr, written, _) in enumerate(picked, start=1):
            convicted = rng.random() < 0.8
            order = f"{cycle:03d}002{index:03d}000"
            level = (
                rng.choice(("felony", "misdemeanor")) if "11357" not in written else "misdemeanor"
            )
            status_blank = rng.random() < 0.1
            comment = rng.random() < 0.05
            serving = court_day > as_of - datetime.timedelta(days=365) and rng.random() < 0.5
            parts = []
            if convicted:
                choice = rng.random()
                if choice < 0.5:
                    parts = [("PROBATION", 36 if serving else rng.choice((12, 24, 36)), "M")]
                    if rng.random() < 0.5:
                        parts.append(("JAIL", rng.choice((30, 90)), "D"))
                elif choice < 0.7:
                    parts = [("PRISON", 40 if serving else rng.choice((16, 24, 36)), "M")]
                elif choice < 0.85:
                    parts = [("JAIL", 400 if serving else rng.choice((10, 90, 180)), "D")]
                months = sum(length for _, length, unit in parts if unit == "M")
                if not serving and court_day + datetime.timedelta(days=31 * months + 200) >= as_of:
                    parts = []  # would end too near as_of to say on either side: no sentence
            kind = "unknown"
            for where, name in (
                ("PROBATION", "probation"),
                ("PRISON", "state_prison"),
                ("JAIL", "county_jail"),
            ):
                if any(part[0] == where for part in parts):
                    kind = name
                    break
            cells = dict(
                CYC_ORDER=str(cycle),
                STP_ORDER="2",
                STP_EVENT_DATE=court_day.strftime("%Y%m%d"),
                STP_TYPE_CODE="CRT",
                STP_TYPE_DESCR="COURT ACTION",
                STP_ORI_TYPE_DESCR="JUVENILE COURT" if juvenile else "SUPERIOR COURT",
                STP_ORI_CODE="CAJV01900" if juvenile else "CA019015J",
                STP_ORI_CNTY_NAME="LOS ANGELES",
                CNT_ORDER=order,
                OFN=f"SYN{number:07d}{cycle}",
                OFFENSE_DESCR="SEE COMMENT FOR CHARGE" if comment else descr,
                COMMENT_TEXT=f"CNT 01 CHRG-{descr}" if comment else "",
                OFFENSE_TOC=level[0].upper(),
                DISP_DESCR=("CONVICTED-" + (kind.split("_")[-1].upper() if parts else "FINE"))
                if convicted
                else "DISMISSED/CHARGE DROPPED",
                CONV_STAT_DESCR="" if (status_blank or not convicted) else level.upper(),
                END_OF_REC="*",
            )
            for where, length, unit in parts or [("", 0, "")]:
                writer.doj_row(
                    person,
                    **cells,
                    SENT_LOC_DESCR=where,
                    SENT_LENGTH=f"{length:03d}" if length else "",
                    SENT_TIME_CODE=unit,
                )
                rows += 1
            if convicted:
                status = ("serving" if serving else "completed") if parts else ""
                convictions.append(
                    {
                        "person_id": subject,
                        "conviction_id": order,
                        "court": "california_juvenile" if juvenile else "california_adult",
                        "offense": written,
                        "level": level,
                        "offense_date": offense_day.isoformat() if arrested else "",
                        "conviction_date": court_day.isoformat(),
                        "age_at_offense": band if arrested else "",
                        "sentence_kind": kind if parts else "",
                        "sentence_status": status,
                        "must_register_290": "yes" if registered else "",
                    }
                )
        day = court_day + datetime.timedelta(days=rng.randrange(200, 3000))
    if registered:
        writer.doj_row(
            person,
            CYC_ORDER="9",
            STP_ORDER="1",
            STP_EVENT_DATE="20200101",
            STP_TYPE_DESCR="REGISTRATION",
            CNT_ORDER="009001001000",
            OFFENSE_DESCR="290 PC-REGISTRATION OF SEX OFFENDER",
            END_OF_REC="*",
        )
        rows += 1
    if deceased:
        writer.doj_row(
            person,
            CYC_ORDER="10",
            STP_ORDER="1",
            STP_EVENT_DATE="20250101",
            STP_TYPE_DESCR="DECEASED",
            CNT_ORDER="010001001000",
            END_OF_REC="*",
        )
        rows += 1
    if writer.freshstart is not None and not deceased:
        for conviction in convictions:
            writer.freshstart.writerow(conviction)
    return rows


def generate(
    rows: int,
    doj_path: str,
    freshstart_path: str | None = None,
    *,
    seed: int = 64,
    header: bool = True,
    as_of: datetime.date = AS_OF,
) -> int:
    """Writes about `rows` DOJ rows (whole persons); returns how many were written."""
    rng = random.Random(seed)
    with contextlib.ExitStack() as files:
        doj = csv.writer(
            files.enter_context(open(doj_path, "w", newline="", encoding="utf-8")),
            lineterminator="\n",
        )
        if header:
            doj.writerow(DOJ_COLUMNS)
        freshstart = None
        if freshstart_path:
            handle = files.enter_context(open(freshstart_path, "w", newline="", encoding="utf-8"))
            freshstart = csv.DictWriter(handle, FRESHSTART_COLUMNS, lineterminator="\n")
            freshstart.writeheader()
        writer = _Writer(doj, freshstart)
        written, number = 0, 0
        while written < rows:
            number += 1
            written += _person(rng, number, writer, as_of)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.gen_doj", description=__doc__.splitlines()[0]
    )
    parser.add_argument("rows", type=int)
    parser.add_argument("output")
    parser.add_argument(
        "--freshstart", default=None, help="also write the living people in Fresh Start's columns"
    )
    parser.add_argument("--seed", type=int, default=64)
    parser.add_argument("--no-header", action="store_true")
    parser.add_argument("--as-of", type=datetime.date.fromisoformat, default=AS_OF)
    args = parser.parse_args(argv)
    written = generate(
        args.rows,
        args.output,
        args.freshstart,
        seed=args.seed,
        header=not args.no_header,
        as_of=args.as_of,
    )
    print(f"{written:,} DOJ rows written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
