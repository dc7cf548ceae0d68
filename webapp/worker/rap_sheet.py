"""Worker mode's second box: the text of a California DOJ RAP sheet -> rows to confirm.

The engine's reader (`rules.records.read_rap_sheet`) proposes rows; this puts them in the
table's cells, where the worker checks each against the paper and saves, as with the line
paste. Nothing goes straight to a result. For each row the report names its source lines and
what was derived; convictions outside Prop 64's sections are listed with "Add as a row";
facts about the person (PC 290 registration) and relief the record may show are listed for
the worker to confirm in the follow-up questions.

The pasted text travels only in the POST body and comes back only in its own textarea: it is
never stored (the cookie gets rows only when Save is pressed, and rows hold no name, CII or
case number), never logged, and nothing read from it is echoed but line numbers, a birth year
and case numbers masked to their last four characters.
"""

from flask_babel import lazy_gettext as _l

from rules.records import NotARapSheet, read_rap_sheet

from . import dates

# The table's form may take 256 KB with a sheet in it (security.LARGER_BODIES); the rest of
# the app keeps 64 KB.
LEVELS = {"felony": "fel", "misdemeanor": "mis", "infraction": "inf"}
KINDS = {"probation": "prob", "county_jail": "jail", "state_prison": "prison", "fine_only": "fine"}
STATUS = {"completed": "done", "serving": "serving"}
COURTS = {
    "california_adult": "ca",
    "california_juvenile": "juv",
    "federal": "fed",
    "other_state": "oth",
    "unknown": "u",
}
BANDS = {"under_18": "<18", "18_to_20": "18-20", "21_or_older": "21+"}

NOT_A_SHEET = _l(
    "This does not look like a California DOJ record: it has no “* * * *” "
    "cycles with a COURT: or ARR/DET/CITE: entry, and no CII/ line. A county "
    "sheriff's or court printout, or an FBI identity history, reads better with "
    "the line paste above: one conviction a line."
)
# Messages with values are built when shown (lazy: worded in the page's language), as
# rows.DATE_PROBLEMS does.
WARNINGS = {
    "ocr_repair": lambda p: _l(
        "text recognition error repaired (%(repair)s): check against the paper",
        repair=p.get("repair", ""),
    ),
    "impossible_date": lambda p: _l("a date that is not a real date was left out"),
    "unknown_event": lambda p: _l("an entry of a kind this tool does not know was left out"),
    "unknown_courthouse": lambda p: _l("court not recognised: choose the county"),
    "deceased": lambda p: _l("the record has a DECEASED entry: check you have the right record"),
    "arrest_charge_differs": lambda p: _l(
        "the arrest charge (%(arrest)s) differs from the court's (%(court)s); the court's is used",
        arrest=p.get("arrest", ""),
        court=p.get("court", ""),
    ),
    "duplicate_dropped": lambda p: _l("the same court entry appears twice; it was added once"),
    "birth_dates_disagree": lambda p: _l(
        "the dates of birth on the record give different ages: age left empty"
    ),
    "prop64_relief_may_be_on_record": lambda p: _l(
        "a later entry may show Prop 64 relief already: confirm it"
    ),
    "convicted_count_without_charge": lambda p: _l(
        "a conviction without a code section was left out"
    ),
    "more_rows_not_added": lambda p: _l(
        "%(more)s more convictions were not added: the table is full", more=p.get("more", "")
    ),
}
PERSON_FACTS = {
    "must_register_290": lambda date: _l(
        "PC 290 registration is on the record (%(date)s): confirm in the questions whether the person must still register",
        date=date,
    ),
    "deceased": lambda date: WARNINGS["deceased"]({}),
}


def cells(row):
    """A proposed row -> the table's cells (the worker edits and confirms them)."""
    conviction = row["conviction"]
    sentence = conviction.get("sentence", {})
    band = BANDS.get(conviction.get("age_at_offense"))
    birth_year = row.get("birth_year")
    # A band says more than a birth year only when the offense date is missing.
    age = band if band and not conviction.get("offense_date") else (birth_year or band or "")
    return {
        "code": conviction["offense"],
        "level": LEVELS.get(conviction.get("level"), ""),
        "offense_date": _shown(conviction.get("offense_date")),
        "conviction_date": _shown(conviction.get("conviction_date")),
        "age": str(age),
        "sentence": STATUS.get(sentence.get("status"), ""),
        "sentence_kind": KINDS.get(sentence.get("kind"), ""),
        "court": COURTS.get(conviction.get("court"), "ca"),
        "county": row.get("county") or "",
    }


def _shown(iso):
    return dates.shown(iso) if iso else ""


def _lines(numbers):
    if not numbers:
        return ""
    return f"{min(numbers)}–{max(numbers)}" if len(numbers) > 1 else str(numbers[0])


def derived(row):
    """What the reader worked out for a row, in the page's language."""
    confidence, conviction = row["confidence"], row["conviction"]
    said = []
    if confidence.get("offense_date") == "from_record_arrest_date":
        said.append(_l("offense date from the arrest"))
    if "age_at_offense" in conviction:
        said.append(_l("age from the date of birth"))
    if confidence.get("offense") == "from_record_comment":
        said.append(_l("code section from a comment line"))
    if confidence.get("sentence.status") == "derived_from_length_confirm":
        said.append(
            _l(
                "sentence finished, worked out from its length (ends about %(ends)s)",
                ends=confidence.get("sentence.ends_about", "?"),
            )
        )
    level = confidence.get("level", "")
    if level.startswith("no_conv_status"):
        toc = level.rsplit("_", 1)[-1] if "toc" in level else "?"
        said.append(
            _l(
                "no conviction level on the record: choose it (the charge type was %(toc)s)",
                toc=toc,
            )
        )
    if conviction.get("sentence", {}).get("probation_revoked") == "yes":
        said.append(_l("probation revoked on the record"))
    for note in row["notes"]:
        if note["code"] == "dismissed_1203_4":
            said.append(
                _l("dismissed under PC 1203.4 on %(date)s", date=_shown(note["date"]) or "?")
            )
    if conviction.get("priors", {}).get("super_strike") == "yes":
        said.append(
            _l("an earlier conviction on the record is a super strike (PC 667(e)(2)(C)(iv))")
        )
    if "relief_on_record" in row["proposed"]:
        said.append(WARNINGS["prop64_relief_may_be_on_record"]({}))
    return said


def _warning(warning):
    words = WARNINGS.get(warning["code"])
    return None if words is None else {"lines": _lines(warning["lines"]), "text": words(warning)}


def read(text, today):
    """The reader's result for the page, or None when the text is not a DOJ RAP sheet."""
    try:
        result = read_rap_sheet(text, today.isoformat())
    except NotARapSheet:
        return None
    year = result["person"]["birth_year"]
    for row in result["rows"] + result["other_convictions"]:
        row["birth_year"] = year
    return result


def report(result, filled_positions):
    """What the page shows under the box: rows filled (with sources and what was derived),
    other convictions to add, person facts to confirm, warnings."""
    people = []
    for name, fact in result["person"]["proposed"].items():
        words = PERSON_FACTS.get(name)
        if words is not None:
            people.append(
                {
                    "lines": _lines(fact.get("source_lines", [])),
                    "text": words(_shown(fact.get("date")) or "?"),
                }
            )
    return {
        "rows": [
            {
                "position": position,
                "code": row["conviction"]["offense"],
                "lines": _lines(row["source_lines"]),
                "case": row["case"],
                "derived": derived(row),
            }
            for position, row in zip(filled_positions, result["rows"])
        ],
        "others": [
            {
                "index": index,
                "code": row["conviction"]["offense"],
                "date": _shown(row["conviction"].get("conviction_date")),
                "lines": _lines(row["source_lines"]),
            }
            for index, row in enumerate(result["other_convictions"])
        ],
        "person": people,
        "not_convictions": result["not_convictions"],
        "warnings": [w for w in map(_warning, result["warnings"]) if w is not None],
    }
