"""Reading a California DOJ RAP sheet's text into proposed conviction rows (rap-sheet.md §1, §4).

    read_rap_sheet(text, as_of) -> {rows, person, other_convictions, not_convictions, warnings}

A line-based state machine, one pass, no backtracking: the sheet is a run of cycles (`* * * *`),
each a run of events (`ARR/DET/CITE:`, `COURT:`, `REGISTRATION:` ...), each event a head (date
and agency) and counts (`CNT:01`), each count a charge and dispositions, then dated updates.

What it proposes is for a worker to confirm against the paper, never a result:
- a conviction comes only from a `COURT:` event's count with a CONVICTED disposition (§1.13:
  the sheet lists every arrest charge too); the arrest in the same cycle gives the offense date;
- the record is thin after sentencing (§1.14), so what it does not say stays unknown;
- every row and warning names its line numbers; nothing else of the text is kept. Names, CII,
  FBI, CDL, SOC, addresses and every `COM:`/`DCN:` line are read past, never copied; the
  personal block gives a birth year at most, and a case number only masked (`••••0001`).
The offense is read by the engine's one offense reader, `rules.parse_offense`; this module
only finds the section on the line and puts it in the order that reader takes.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from rules.batch.priors import classify
from rules.offense import parse_offense
from rules.records.clean import Line, lines_of, repaired_number
from rules.records.courthouses import county_of

Json = dict[str, Any]

# The worker-mode table's limit (webapp state.MAX_CONVICTIONS imports the same number).
MAX_ROWS = 50

# Event headers (rap-sheet.md §1.5), by their compact key. OCR variants: `▯RR/PET/CITE`,
# `COURI`, a missing colon.
_EVENTS = (
    (re.compile(r"^A?RR/[DP]ET/CITE"), "arrest"),
    (re.compile(r"^C?OUR[TI1](?::|$|NAM)"), "court"),
    (re.compile(r"^SUPPLEMENTALARR:?"), "supplemental_arrest"),
    (re.compile(r"^CUSTODY:"), "custody"),
    (re.compile(r"^PROBATION:"), "probation"),
    (re.compile(r"^APPLICANT:"), "applicant"),
    (re.compile(r"^MENTALHLTHCUS"), "mental_health"),
    (re.compile(r"^DECEASED:?"), "deceased"),
    (re.compile(r"^REGISTRATION:?"), "registration"),
)
_COUNT = re.compile(r"^C(?:NT|HT|NI|N1)(?::|$|\d)(\d{1,3})?(?:-(\d{1,3}))?(#.*)?")
_DISPO = re.compile(r"^DISPO?:?(.*)")
_CONV_STATUS = re.compile(r"^CONVSTAT[UI]S:?([FMI])?")
_TOC = re.compile(r"TOC:([FMI])")
_DOB = re.compile(r"DOB[:/]?(\d{8})")
_DATE_HEAD = re.compile(r"^[\s.•·'*]*(\S{8,10})(?:\s+(.*))?$")
# `COM: SEN-X3 YR PROB, ...` / `COM: XSEN:3 YR PROB,90 DS JL` (§1.9).
_COMMENT_SENTENCE = re.compile(r"^\s*(?:SEN\s*-\s*X?|X\s*SEN\s*[:-]?)\s*(\S.*)")
_PAGE = re.compile(r"^PAGE\s*\d+\s*OF\s*\d+$")
# `<section> <CODE>-<DESCRIPTION>`: the section, then the two-letter code, then a dash, a
# space or the end. Bounded by MAX_CHARGE, so the lazy match stays cheap.
_CHARGE = re.compile(r"^(?P<section>\d[0-9A-Z().,/\- ]*?)\s*(?P<code>[A-Z]{2})(?=\s*-|\s|$)")
MAX_CHARGE = 90
_SEN_PART = re.compile(
    r"(\d{1,3})\s*(YEARS?|YRS?|MONTHS?|MOS?|DAYS?|DS)\s*(PROBATION|PROB|JAIL|JL|PRISON|CDC|CYA)?"
)
_SENTENCE_WORDS = (
    "PROBATION",
    "PROB",
    "JAIL",
    "PRISON",
    "FINE",
    "RESTN",
    "RSTN",
    "MONTHS",
    "DAYS",
    "YEARS",
    "CONCURRENT",
    "CONSECUTIVE",
    "IMP SEN",
    "CDC",
)
# §1 "Not found": no fixture shows how DOJ writes a Prop 64 update; these words mean "relief
# may be on the record", for the worker to confirm.
_PROP64_SIGNS = ("113618", "PROP64", "REDESIGNAT", "RESENTENC")
_CONVICTED = ("CONVICTED", "CONVICT")
_LEVELS = {"F": "felony", "M": "misdemeanor", "I": "infraction"}
# Agency prefixes (§1.6): which court a conviction is from.
_COURTS = {
    "CASC": "california_adult",
    "CAMC": "california_adult",
    "CAJC": "california_adult",
    "CAJV": "california_juvenile",
}


class NotARapSheet(ValueError):
    """The text has neither cycles with an event header nor a CII line (§4 point 2)."""


@dataclass
class Count:
    number: int
    lines: list[int] = field(default_factory=list)
    case: str | None = None
    charge: str | None = None  # the section as printed, for the offense reader
    charge_code: str | None = None
    charge_line: int | None = None
    from_comment: bool = False
    needs_comment: bool = False
    comment_hs: str | None = None  # an HS section named in a comment (conspiracy)
    convicted: bool = False
    disposed: bool = False
    level: str | None = None
    toc: str | None = None  # the charge type, a hint only (§4 point 9)
    sentence: list[str] = field(default_factory=list)
    sentence_line: int | None = None
    modified: list[str] | None = None
    modified_on: str | None = None
    revoked: tuple[str | None, int] | None = None
    dismissed: tuple[str | None, int] | None = None
    prop64_sign: tuple[str | None, int] | None = None
    update_date: str | None = None
    later_updates: int = 0
    repeat: int = 1  # a range CNT:01-02 is two identical counts


@dataclass
class Event:
    kind: str
    line: int
    date: str | None = None
    agency: str | None = None
    toc: str | None = None
    counts: list[Count] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


@dataclass
class Reading:
    """What the pass gathers; turned into the public result by `_result`."""

    as_of: datetime.date
    cycles: list[list[Event]] = field(default_factory=list)
    birth_dates: dict[str, int] = field(default_factory=dict)  # date -> first line
    warnings: list[Json] = field(default_factory=list)
    has_cii: bool = False
    cycle_marks: int = 0

    def warn(self, code: str, lines: list[int], **params: object) -> None:
        warning = {"code": code, "lines": sorted(set(lines)), **params}
        if warning not in self.warnings[-8:]:  # one per place, however many counts share it
            self.warnings.append(warning)


def _date(token: str, line: int, reading: Reading) -> tuple[str | None, bool]:
    """`20140502` (stray periods removed, O/l read as 0/1) -> ISO date; (None, False) if the
    token is no date. An impossible date is None, with a warning (§1.12)."""
    repaired = repaired_number(token.replace(".", ""))
    if repaired is None or len(repaired[0]) != 8:
        return None, False
    digits, looked_alike = repaired
    if "." in token:
        reading.warn("ocr_repair", [line], repair="period removed from a date")
    if looked_alike:
        reading.warn("ocr_repair", [line], repair="letter read as a digit in a date")
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat(), True
    except ValueError:
        reading.warn("impossible_date", [line])
        return None, True


def _is_cycle_mark(text: str) -> int:
    """How many asterisks a line of only asterisks and punctuation has (0 if it has more)."""
    stars = 0
    for ch in text:
        if ch == "*":
            stars += 1
        elif ch not in " .,·•'":
            return 0
    return stars


class _Machine:
    """The one pass. `feed` takes each cleaned line once."""

    def __init__(self, reading: Reading):
        self.r = reading
        self.cycle: list[Event] | None = None
        self.event: Event | None = None
        self.count: Count | None = None
        self.stars = 0  # asterisks of a cycle mark split over lines
        self.in_sentence = False
        self.awaiting_case = False
        self.update_lines: list[int] = []

    def open_event(self) -> Event:
        assert self.event is not None  # only called inside an event
        return self.event

    def open_count(self) -> Count:
        assert self.count is not None  # only called inside a count
        return self.count

    # -- structure ---------------------------------------------------------------------------
    def new_cycle(self) -> None:
        self.cycle = []
        self.r.cycles.append(self.cycle)
        self.event = self.count = None
        self.r.cycle_marks += 1

    def new_event(self, kind: str, line: Line) -> None:
        if self.cycle is None:
            self.new_cycle()
        self.event = Event(kind, line.number, lines=[line.number])
        assert self.cycle is not None
        self.cycle.append(self.event)
        self.count = None
        self.in_sentence = False
        dob = _DOB.search(line.key)
        if dob:
            self.birth_date(dob.group(1), line.number)
        toc = _TOC.search(line.key)
        if toc:
            self.event.toc = toc.group(1)
        if kind == "unknown":
            self.r.warn("unknown_event", [line.number])
        elif kind == "deceased":
            self.r.warn("deceased", [line.number])

    def birth_date(self, token: str, number: int) -> None:
        iso, _ = _date(token, number, self.r)
        if iso:
            self.r.birth_dates.setdefault(iso, number)

    # -- one line ----------------------------------------------------------------------------
    def feed(self, line: Line) -> None:
        text, key = line.text.strip(), line.key
        if not key and "*" not in text and "-" not in text:
            return
        if line.repairs:
            self.r.warn("ocr_repair", [line.number], repair=", ".join(line.repairs))
        stars = _is_cycle_mark(text)
        if stars:
            self.stars += stars
            if 3 <= self.stars <= 4:
                self.new_cycle()
                self.stars = 0
            elif self.stars > 4:  # the felony-strike box frame: not evidence of anything (§4.13)
                self.stars = 0
            return
        self.stars = 0
        if "ENDOFMESSAGE" in key:
            self.cycle = self.event = self.count = None
            return
        if _PAGE.match(text) or text.startswith(("HTTP://", "HTTPS://", "FILE://", "ROUTE ")):
            return
        if text.startswith("**") or (text.startswith("*") and "STRIKE" in key):
            return  # banners (DNA, palm print, LIVE SCAN) and the felony-strike box
        if text.startswith("-") and set(text) <= set("-'\" "):
            if text.count("-") >= 2:
                self.event = self.count = None  # an event delimiter: next line opens an event
                self.in_sentence = False
            return
        if self.cycle is None:
            self.personal_block(line)
            return
        for pattern, kind in _EVENTS:
            if pattern.match(key):
                if kind == "arrest" and not key.startswith("ARR/DET/CITE"):
                    self.r.warn("ocr_repair", [line.number], repair="ARR/DET/CITE")
                if kind == "court" and not key.startswith("COURT"):
                    self.r.warn("ocr_repair", [line.number], repair="COURT")
                self.new_event(kind, line)
                return
        if self.event is None:
            # After a delimiter, a line that is no known header opens an unknown event (§1.5).
            self.new_event("unknown", line)
            return
        self.event.lines.append(line.number)
        if key.startswith(("NAM:", "NAME:")):
            return
        self.in_event(line, text, key)

    def personal_block(self, line: Line) -> None:
        """Before the first cycle: only birth dates are read (§4 point 4). A `DOB/` line may
        list several; everything else (names, CII, FBI, CDL, SOC, description) is read past."""
        key = line.key
        if key.startswith("CII/"):
            self.r.has_cii = True
        elif key.startswith("DOB/") or key.startswith("DOB:"):
            for token in line.text.replace("/", " ").split()[1:]:
                if len(token) >= 8:
                    self.birth_date(token, line.number)

    def in_event(self, line: Line, text: str, key: str) -> None:
        event, number = self.open_event(), line.number
        count_match = _COUNT.match(key)
        if count_match and (count_match.group(1) or key.startswith("CNT")):
            if not key.startswith("CNT"):
                self.r.warn("ocr_repair", [number], repair=f"{key[:3]}→CNT")
            self.start_count(count_match, line)
            return
        if self.count is None:
            if event.date is None:
                head = _DATE_HEAD.match(text)
                if head:
                    iso, is_date = _date(head.group(1), number, self.r)
                    if is_date:
                        event.date = iso
                        event.agency = (head.group(2) or "").strip()[:60]
                        return
            toc = _TOC.search(key)
            if toc:
                event.toc = toc.group(1)
            dob = _DOB.search(key)
            if dob:
                self.birth_date(dob.group(1), number)
            return
        self.in_count(line, text, key)

    def start_count(self, match: re.Match[str], line: Line) -> None:
        first = int(match.group(1)) if match.group(1) else None
        last = int(match.group(2)) if match.group(2) else None
        event = self.open_event()
        previous = event.counts[-1] if event.counts else None
        if first is None:
            first = previous.number + previous.repeat if previous else 1
        repeat = last - first + 1 if last is not None and 1 <= last - first + 1 <= 20 else 1
        count = Count(first, lines=[line.number], repeat=repeat)
        case = match.group(3)
        if case and len(case) > 1:
            count.case = case[1:25]
        elif previous is not None:
            count.case = previous.case  # §1.7: printed on the first count, for the event
        self.awaiting_case = not case
        event.counts.append(count)
        self.count = count
        self.in_sentence = False
        self.update_lines = []

    def in_count(self, line: Line, text: str, key: str) -> None:
        count, number = self.open_count(), line.number
        count.lines.append(number)
        if self.awaiting_case:
            self.awaiting_case = False
            stripped = key.lstrip("-:")
            if stripped.startswith("#") and len(stripped) > 1:
                count.case = stripped[1:25]  # `CNT :003.` / ` . #312145` (§2)
                if self.open_event().counts[0] is count:
                    for later in self.open_event().counts[1:]:
                        later.case = count.case
                return
        dispo = _DISPO.match(key)
        if dispo:
            self.in_sentence = False
            self.disposition(dispo.group(1), number)
            return
        status = _CONV_STATUS.match(key)
        if status:
            self.in_sentence = False
            if status.group(1):
                count.level = _LEVELS[status.group(1)]
            return
        if key.startswith("SEN:") or key.startswith("SEN-"):
            self.sentence_text(
                text.split(":", 1)[-1] if key.startswith("SEN:") else text[4:], number
            )
            self.in_sentence = True
            return
        if key.startswith("COM:"):
            self.in_sentence = False
            self.comment(text.split(":", 1)[1], number)
            return
        if key.startswith(("DCN:", "NAM:", "NAME:")):
            return
        head = _DATE_HEAD.match(text)
        if head and head.group(2) is None:
            iso, is_date = _date(head.group(1), number, self.r)
            if is_date:
                # §1.10: a later date under a count starts an update; its DISPO lines carry it.
                count.update_date = iso
                count.later_updates += 1
                self.in_sentence = False
                return
        if self.in_sentence and any(word in text for word in _SENTENCE_WORDS):
            self.sentence_text(text, number)
            return
        self.in_sentence = False
        if text.startswith("-"):
            return  # flag lines: -WARRANT, -BENCH WARRANT, -PROBATION REVO
        if "1170" in key and "SENTENCING" in key:
            return  # `1170 (H) PC-SENTENCING` precedes the charge
        toc = _TOC.search(key)
        if toc:
            count.toc = toc.group(1)
        if count.charge is None and not count.needs_comment:
            self.charge(text, key, number)

    def charge(self, text: str, key: str, number: int) -> None:
        count = self.open_count()
        if "SEECOMMENTFORCHARGE" in key:
            count.needs_comment = True
            count.charge_line = number
            return
        found = read_charge(text, number, self.r)
        if found:
            count.charge, count.charge_code = found
            count.charge_line = number

    def disposition(self, value: str, number: int) -> None:
        count = self.open_count()
        when = count.update_date if count.later_updates else self.open_event().date
        if value.startswith(_CONVICTED) or value.replace("-", "").startswith("CONVICTED"):
            count.convicted = count.disposed = True
            if value.startswith("CONVICT") and not value.startswith("CONVICTED"):
                self.r.warn("ocr_repair", [number], repair="CONVICTED")
            return
        count.disposed = True
        if "SETASIDE" in value or ("DISM" in value and "12034" in value):
            count.dismissed = (when, number)
        elif "PROBATIONREVOKED" in value or "PROBREVOKED" in value:
            count.revoked = (when, number)
        elif "SENTENCEMODIFIED" in value:
            count.modified, count.modified_on = [], when
        if any(sign in value for sign in _PROP64_SIGNS) or ("DISM" in value and "SEAL" in value):
            count.prop64_sign = (when, number)

    def sentence_text(self, text: str, number: int) -> None:
        count = self.open_count()
        target = count.modified if count.modified is not None else count.sentence
        target.append(text.strip()[:120])
        count.sentence_line = count.sentence_line or number

    def comment(self, text: str, number: int) -> None:
        """`COM:` lines are read for a charge or a sentence only, then forgotten (§4 point 4)."""
        count = self.open_count()
        at = text.find("CHRG")
        if at >= 0:
            found = read_charge(text[at + 4 :].lstrip(" -:"), number, self.r)
            if found and count.needs_comment and count.charge is None:
                count.charge, count.charge_code = found
                count.from_comment = True
                count.charge_line = number
            elif found and found[1] == "HS":
                count.comment_hs = found[0]
        else:
            sentence = _COMMENT_SENTENCE.match(text)
            if sentence:
                self.sentence_text(sentence.group(1), number)


def read_charge(text: str, number: int, reading: Reading | None) -> tuple[str, str] | None:
    """`11359 HS-POSSESS ...` -> ("11359", "HS"); `487(A)-664 PC` -> ("487(A)-664", "PC").
    The section is cleaned (spaces out, commas to periods, look-alike letters to digits) but
    not interpreted: the offense reader decides what it is."""
    match = _CHARGE.match(text.strip(" .•·'*")[:MAX_CHARGE])
    if match is None:
        return None
    code = match.group("code")
    if code == "CP":  # `CP-GRAND THEFT`: PC misread (§2)
        code = "PC"
        if reading is not None:
            reading.warn("ocr_repair", [number], repair="CP→PC")
    if code == "US":
        return " ".join(match.group("section").split())[:30], code
    section = match.group("section").replace(" ", "").replace(",", ".")
    head, paren, tail = section.partition("(")
    pieces = []
    for piece in head.replace("-", " - ").replace("/", " / ").split():
        repaired = repaired_number(piece) if not piece.replace(".", "").isdigit() else None
        if repaired and repaired[1] and "." not in piece:
            if reading is not None:
                reading.warn("ocr_repair", [number], repair="letter read as a digit in a section")
            piece = repaired[0]
        pieces.append(piece)
    return "".join(pieces) + paren + tail, code


# -- from the pass to rows -----------------------------------------------------------------------


def _offense_text(count: Count) -> tuple[str, bool]:
    """The section in the order the offense reader takes (`HS 11359`, `PC 664/11358`,
    `PC 182(a)(1)/HS 11360`), and whether 664 was moved (§1.8: `664/…`, `…-664`, `…/664`)."""
    section, code = count.charge or "", count.charge_code or ""
    attempt = False
    if section.startswith("664/") or section.startswith("664-"):
        section, attempt = section[4:], True
    elif section.endswith(("-664", "/664")):
        section, attempt = section[:-4], True
    if code == "US":  # `21 841 US-...`: title, then section
        title, _, rest = section.partition(" ")
        return (f"{title} USC {rest}" if rest else f"{title} USC"), attempt
    if attempt:
        return f"PC 664/{code} {section}", attempt
    if code == "PC" and section.startswith("182") and count.comment_hs:
        return f"PC {section}/HS {count.comment_hs}", attempt
    return f"{code} {section}", attempt


def _format(text: str) -> tuple[str, object]:
    """Written the way Fresh Start writes it, from what `parse_offense` read."""
    offense = parse_offense(text)
    subs = "".join(f"({s})" for s in offense.subdivisions)
    if offense.kind == "prop64":
        return f"HS {offense.section}{subs}", offense
    if offense.kind == "attempt":
        return f"PC 664/{offense.section}{subs}", offense
    if offense.kind == "conspiracy":
        outer = text.split("/", 1)[0].strip()
        outer_read = parse_offense(outer)
        outer_subs = "".join(f"({s})" for s in outer_read.subdivisions)
        return f"PC 182{outer_subs}/HS {offense.section}{subs}", offense
    if offense.code == "USC":
        return text[:64], offense  # `21 USC 841` as written: the title matters
    if offense.section and text.startswith("PC 664/") and offense.section != "664":
        # An attempt at another offense (PC 664/187): the attempt stays visible.
        return f"PC 664/{offense.section}{subs}"[:64], offense
    if offense.section:
        return f"{offense.code or ''} {offense.section}{subs}".strip()[:64], offense
    return text[:64], offense


def offense_of_charge(charge: str, comment: str = "") -> str | None:
    """A charge as DOJ prints it (`11359 HS-POSSESS ...`, `664/11358 HS-...`) in Fresh Start's
    form (`HS 11359`, `PC 664/11358`); `comment` is a `CHRG` comment that names the section
    when the charge line says SEE COMMENT FOR CHARGE. None when no section can be found.
    The bulk DOJ converter reads its offense cells with this, so both readers agree."""
    count = Count(1)
    if "SEE COMMENT" in charge.upper() or not charge.strip():
        charge, count.from_comment = comment, True
    at = charge.upper().find("CHRG")
    found = read_charge(charge[at + 4 :].lstrip(" -:") if at >= 0 else charge.upper(), 0, None)
    if found is None:
        return None
    count.charge, count.charge_code = found
    return _format(_offense_text(count)[0])[0]


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def read_sentence(parts: list[str]) -> tuple[str, int, int, list[str]]:
    """`036 MONTHS PROBATION, 090 DAYS JAIL, FINE, RESTN` -> (kind, months, days, what).

    §4 point 10: probation, even with jail as a condition, is `probation`; prison is
    `state_prison`; jail alone `county_jail`; a fine alone `fine_only`."""
    text = " ".join(parts).replace(".", "").replace("'", "")
    months = days = 0
    kinds = set()
    for match in _SEN_PART.finditer(text):
        amount, unit, where = int(match.group(1)), match.group(2), match.group(3) or ""
        if unit.startswith("Y"):
            months += 12 * amount
        elif unit.startswith("M"):
            months += amount
        else:
            days += amount
        if where:
            kinds.add(
                {"PROB": "probation", "JL": "jail", "CDC": "prison", "CYA": "prison"}.get(
                    where[:4] if where.startswith("PROB") else where, where.lower()
                )
            )
    words = " " + text + " "
    if " PROB" in words:
        kinds.add("probation")
    if " PRISON" in words or " CDC" in words:
        kinds.add("prison")
    if " JAIL" in words or " JL" in words:
        kinds.add("jail")
    fine = " FINE" in words
    if "probation" in kinds:
        kind = "probation"
    elif "prison" in kinds:
        kind = "state_prison"
    elif "jail" in kinds:
        kind = "county_jail"
    elif fine:
        kind = "fine_only"
    else:
        kind = "unknown"
    what = sorted(
        kinds
        | ({"fine"} if fine else set())
        | ({"restitution"} if " RESTN" in words or " RSTN" in words else set())
    )
    return kind, months, days, what


def age_band(birth: datetime.date, day: datetime.date) -> str:
    age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return "under_18" if age < 18 else "18_to_20" if age < 21 else "21_or_older"


def _mask(case: str | None) -> str | None:
    return "••••" + case[-4:] if case else None


def read_rap_sheet(text: str, as_of: str) -> Json:
    """Proposed rows from a RAP sheet's text. Raises NotARapSheet (§4 point 2)."""
    reading = Reading(datetime.date.fromisoformat(as_of))
    machine = _Machine(reading)
    headers = 0
    for line in lines_of(text):
        machine.feed(line)
    for cycle in reading.cycles:
        headers += sum(event.kind in ("court", "arrest") for event in cycle)
    if not reading.has_cii and not (reading.cycle_marks and headers):
        raise NotARapSheet("this does not look like a California DOJ record")
    return _result(reading)


def _result(reading: Reading) -> Json:
    births = sorted(datetime.date.fromisoformat(day) for day in reading.birth_dates)
    birth_years = sorted({day.year for day in births})
    rows: list[Json] = []
    others: list[Json] = []
    seen: set[tuple[object, ...]] = set()
    not_convictions = 0
    person_proposed: Json = {}
    strikes: list[
        tuple[str | None, Json]
    ] = []  # (conviction date, row) of super-strike convictions
    deceased = False
    for cycle in reading.cycles:
        arrests = [event for event in cycle if event.kind in ("arrest", "supplemental_arrest")]
        for event in cycle:
            if event.kind == "deceased":
                deceased = True
            if event.kind == "registration":
                for count in event.counts:
                    if count.charge and count.charge.startswith("290"):
                        person_proposed["must_register_290"] = {
                            "value": "yes",
                            "date": event.date,
                            "source_lines": sorted({event.line, *count.lines}),
                        }
            if event.kind != "court":
                continue
            for count in event.counts:
                if not count.convicted:
                    not_convictions += count.repeat
                    continue
                for offset in range(count.repeat):
                    made = _row(reading, event, count, count.number + offset, arrests, births)
                    if made is None:
                        continue
                    identity = (
                        event.date,
                        count.case,
                        count.number + offset,
                        made["conviction"]["offense"],
                    )
                    if identity in seen:
                        reading.warn("duplicate_dropped", made["source_lines"])
                        continue
                    seen.add(identity)
                    offense = parse_offense(made["conviction"]["offense"])
                    if classify(made["conviction"]["offense"]).super_strike == "yes":
                        strikes.append((event.date, made))
                    (rows if offense.is_cannabis_section else others).append(made)
    if len(rows) > MAX_ROWS:
        reading.warn("more_rows_not_added", [], more=len(rows) - MAX_ROWS)
        rows = rows[:MAX_ROWS]
    for row in rows:
        offense_date = row["conviction"].get("offense_date")
        for strike_date, strike in strikes:
            if strike is not row and strike_date and offense_date and strike_date < offense_date:
                row["conviction"].setdefault("priors", {})["super_strike"] = "yes"
                row["confidence"]["priors.super_strike"] = "from_record_super_strike_before_offense"
                row["source_lines"] = sorted({*row["source_lines"], *strike["source_lines"]})
    for index, row in enumerate(rows + others, start=1):
        row["conviction"]["id"] = f"rap-{index}"
    if deceased:
        person_proposed["deceased"] = {"value": "yes"}
    return {
        "rows": rows,
        "person": {
            "birth_year": birth_years[0] if len(birth_years) == 1 else None,
            "birth_years": birth_years,
            "proposed": person_proposed,
        },
        "other_convictions": others,
        "not_convictions": not_convictions,
        "warnings": reading.warnings,
    }


def _row(
    reading: Reading,
    event: Event,
    count: Count,
    number: int,
    arrests: list[Event],
    births: list[datetime.date],
) -> Json | None:
    lines = sorted({*event.lines[:2], *count.lines})
    if count.charge is None:
        reading.warn("convicted_count_without_charge", lines)
        return None
    written, attempt = _offense_text(count)
    offense_text, offense = _format(written)
    conviction: Json = {"id": "rap", "offense": offense_text}
    confidence: Json = {"offense": "from_record_comment" if count.from_comment else "from_record"}
    notes: list[Json] = []
    if attempt:
        notes.append({"code": "attempt"})
    if count.repeat > 1:
        notes.append(
            {
                "code": "count_range",
                "count": number,
                "first": count.number,
                "last": count.number + count.repeat - 1,
            }
        )
    prefix = (event.agency or "")[:4]
    place = (event.agency or "")[4:]
    if count.charge_code == "US" or prefix.startswith("US"):
        conviction["court"] = "federal"
    else:
        conviction["court"] = _COURTS.get(prefix, "unknown")
    confidence["court"] = "from_record_agency"
    county = county_of(place) if prefix.startswith("CA") else None
    if prefix.startswith("CA") and county is None and place.strip():
        reading.warn("unknown_courthouse", [event.line])
    if count.level:
        conviction["level"] = count.level
        confidence["level"] = "from_record"
    else:
        conviction["level"] = "unknown"
        toc = count.toc or event.toc
        confidence["level"] = f"no_conv_status_toc_{toc}" if toc else "no_conv_status"
    if event.date:
        conviction["conviction_date"] = event.date
        confidence["conviction_date"] = "from_record_court_date"
    arrest = None
    for candidate in arrests:
        if candidate.date and (event.date is None or candidate.date <= event.date):
            arrest = candidate
    if arrest is not None:
        conviction["offense_date"] = arrest.date
        confidence["offense_date"] = "from_record_arrest_date"
        lines_arrest = [arrest.line]
        for arrested in arrest.counts:
            if arrested.number <= number < arrested.number + arrested.repeat and arrested.charge:
                arrest_offense, _ = _format(_offense_text(arrested)[0])
                lines_arrest += arrested.lines
                if arrest_offense != offense_text:
                    reading.warn(
                        "arrest_charge_differs",
                        [arrested.charge_line or arrest.line, count.charge_line or count.lines[0]],
                        arrest=arrest_offense,
                        court=offense_text,
                    )
                    notes.append({"code": "arrest_charge_differs", "arrest": arrest_offense})
        confidence["offense_date_lines"] = sorted(set(lines_arrest))
    else:
        confidence["offense_date"] = "no_arrest_event"
    age = _age(births, conviction.get("offense_date"), event.date)
    if age[0] != "unknown":
        conviction["age_at_offense"] = age[0]
    confidence["age_at_offense"] = age[1]
    if age[1] == "birth_dates_disagree":
        reading.warn("birth_dates_disagree", lines)
    sentence = _sentence(reading, event, count, conviction, confidence)
    if sentence:
        conviction["sentence"] = sentence
    if count.dismissed:
        conviction["relief_on_record"] = "dismissed"
        confidence["relief_on_record"] = "from_record_1203_4"
        notes.append({"code": "dismissed_1203_4", "date": count.dismissed[0]})
        lines = sorted({*lines, count.dismissed[1]})
    proposed = {}
    if count.prop64_sign:
        proposed["relief_on_record"] = {
            "value": "prop64",
            "date": count.prop64_sign[0],
            "source_lines": [count.prop64_sign[1]],
        }
        reading.warn("prop64_relief_may_be_on_record", [count.prop64_sign[1]])
    if count.from_comment:
        notes.append({"code": "charge_from_comment"})
    return {
        "conviction": conviction,
        "county": county,
        "case": _mask(count.case),
        "count": number,
        "source_lines": lines,
        "confidence": confidence,
        "notes": notes,
        "proposed": proposed,
    }


def _age(
    births: list[datetime.date], offense_date: str | None, conviction_date: str | None
) -> tuple[str, str]:
    """The age band at the offense (§4 point 4). With no offense date, only a conviction
    before 18 tells the band: the offense was before the conviction."""
    if not births:
        return "unknown", "no_birth_date"
    if offense_date:
        day = datetime.date.fromisoformat(offense_date)
        bands = {age_band(birth, day) for birth in births}
        if len(bands) > 1:
            return "unknown", "birth_dates_disagree"
        return bands.pop(), "from_record_birth_date"
    if conviction_date:
        day = datetime.date.fromisoformat(conviction_date)
        bands = {age_band(birth, day) for birth in births}
        if bands == {"under_18"}:
            return "under_18", "from_record_under_18_at_conviction"
    return "unknown", "no_offense_date"


def _sentence(
    reading: Reading, event: Event, count: Count, conviction: Json, confidence: Json
) -> Json:
    """§4 point 10: kind from the sentence words; status derived from date + length."""
    parts = count.modified if count.modified else count.sentence
    sentence: Json = {}
    if count.revoked:
        sentence["probation_revoked"] = "yes"
        confidence["sentence.probation_revoked"] = "from_record_revoked"
    # A missing revocation is unknown, never "no" (§1.14): the key stays out.
    if not parts:
        confidence["sentence.kind"] = "no_sentence_line"
        return sentence
    kind, months, days, what = read_sentence(parts)
    sentence["kind"] = kind
    confidence["sentence.kind"] = "from_record_modified" if count.modified else "from_record"
    confidence["sentence.parts"] = what
    start = count.modified_on if count.modified else event.date
    if not start or not (months or days):
        confidence["sentence.status"] = "no_length"
        return sentence
    try:
        ends = add_months(datetime.date.fromisoformat(start), months) + datetime.timedelta(
            days=days
        )
    except (ValueError, OverflowError):
        return sentence
    confidence["sentence.ends_about"] = ends.isoformat()[:7]
    changed_later = count.revoked is not None or (
        count.modified is not None and count.later_updates > 1
    )
    if ends < reading.as_of and not changed_later:
        sentence["status"] = "completed"
        confidence["sentence.status"] = "derived_from_length_confirm"
    elif ends > reading.as_of + datetime.timedelta(days=31):
        sentence["status"] = "serving"
        confidence["sentence.status"] = "derived_from_length_confirm"
    else:
        confidence["sentence.status"] = "cannot_tell"
    return sentence
