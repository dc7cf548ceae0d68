"""Worker mode's pages: the record table, the follow-up questions, the result.

Every button is a real submit button of one form (add, remove, paste, save), so the table works
with JavaScript off; the rows being edited come back in the POST body, and only Save writes them
to the answers (then 303 to the next page). Every other button's page is a 303 too: the form is
kept in the cookie for the one GET that shows it (post/redirect/get, as the questionnaire does).
"""

from collections import Counter

from flask import Blueprint, current_app, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from rules.text import ascii_number, normalise

from .. import cookie_schema, i18n, state, walks
from ..conditions import decisive_facts
from ..flow import BY_ID
from ..forms import too_late
from ..i18n import LANGUAGES
from ..labels import COUNTIES, YES_NO_UNSURE
from ..pages import FULL, render, see_other, today
from ..result import page as result_page
from . import paste, rap_sheet, rows, voice

bp = Blueprint("worker", __name__, url_prefix="/worker")

NEW_ROWS = 3  # blank rows on a first visit
CAPTION = _l("Legal aid worker mode")
TABLE_FULL = _l("The table holds at most %(number)s rows.", number=rows.MAX_ROWS)
AT_LEAST_ONE = _l("Enter at least one conviction in the table")
ANSWER_NEEDED = _l("choose yes, no or I'm not sure")
PASTE_REASONS = {
    paste.NO_SECTION: _l("no code section found in this line"),
    paste.TOO_MANY_DATES: _l("more than two dates in this line: enter it in a row by hand"),
    # Worded with the number, as translated; rows.MAX_ROWS is the public walk's limit, 50.
    paste.NO_ROOM: _l("no room left: the table holds at most 50 rows"),
    paste.TOO_LONG: _l("this line is too long to be one entry"),
}
FOLLOW_UP_DATE = _l("Write it as MM/DD/YYYY, MM/YYYY or YYYY, or ? if the person does not know.")
NOT_SURE = _l("Not sure")  # "I'm not sure" does not fit a table cell
SELECTS = {
    "level": [("", _l("Choose")), *rows.choices("level", rows.LEVEL_CHOICES)],
    "sentence": [("", NOT_SURE), ("done", _l("Finished")), ("serving", _l("Still serving"))],
    "sentence_kind": [
        ("", NOT_SURE),
        *rows.choices("sentence-kind", rows.SENTENCE_KIND_CHOICES[:-1]),
    ],
    "court": [
        ("ca", _l("California")),
        ("juv", _l("California juvenile")),
        ("fed", _l("Federal")),
        ("oth", _l("Another state")),
        ("u", NOT_SURE),
    ],
}


# --- the record table ------------------------------------------------------------------------


@bp.route("/", methods=["GET", "POST"])
def record():
    """Every button posts the table. Save with every row readable stores it and goes on; any
    other answer (a paste, a row added, errors) is shown by the GET its 303 goes to, from the
    form kept for that one GET (post/redirect/get: Back never offers to send the form again)."""
    if request.method == "GET":
        kept = state.take_typed(request.path)
        if kept:
            return answer_table(MultiDict(kept[0]))
        stored = [
            {"number": str(c["number"]), "cells": rows.cells_of(c)} for c in state.convictions()
        ]
        table = stored or [blank_row() for _ in range(NEW_ROWS)]
        return show_record(table, focus="code-1")
    switch_to = request.form.get("switch_to")
    if switch_to in LANGUAGES:
        # A language link clicked with rows typed but not saved (app.js posts the table here):
        # the same table, nothing saved or lost, in the new language.
        session["language"] = switch_to
        i18n.refresh()
    elif request.form.get("action", "save") == "save":
        saved = save(posted_rows(request.form))
        if saved is not None:
            return saved
    return show_again(request.form)


def show_again(form):
    """303 to the table, which shows what this form's button does; kept in the cookie for that
    one GET. Shown from this POST instead: a RAP sheet (a whole criminal history, kept out of
    the cookie as docs/records.md promises), and a table too big to keep beside the answers."""
    # Canonical text, as everything the cookie holds: the edge (webapp/edge.py) normalised each
    # value line by line; a cell is squeezed too, the paste box keeps its lines.
    pairs = [
        [name, value if name == "paste" else normalise(value)]
        for name, value in form.items(multi=True)
        if value and name != "csrf_token"
    ]
    if form.get("rap", "").strip() or any(len(text) > cookie_schema.MAX_BOX for _n, text in pairs):
        return answer_table(form)
    before = snapshot("t")
    state.keep_form(request.path, pairs)
    if state.fits(current_app):
        return see_other(url_for("worker.record"))
    restore(before)
    return answer_table(form)


def answer_table(form):
    """The table page a POST of `form` shows: what its button does to the rows sent, saving
    nothing (Save's problems are named; a Save that went through has gone on already)."""
    table = posted_rows(form)
    if form.get("switch_to") in LANGUAGES:
        return show_record(table, paste_text=form.get("paste", ""), rap_text=form.get("rap", ""))
    action = form.get("action", "save")
    if action == "save":
        errors, cell_errors, _read = check(table)
        return show_record(table, errors=errors or [("code-1", FULL)], cell_errors=cell_errors)
    if action == "paste":
        # Line by line already: the edge normalised the POST, and a kept form was kept so.
        return fill_from_paste(table, form.get("paste", ""))
    if action == "rap":
        return fill_from_rap_sheet(table, form.get("rap", ""))
    if action.startswith("rap-add-") and action[8:].isdigit():
        return add_from_rap_sheet(table, form.get("rap", ""), int(action[8:]))
    if action in ("add", "add10"):
        wanted = 1 if action == "add" else 10
        room = rows.MAX_ROWS - len(table)
        if room <= 0:
            return show_record(table, errors=[("add-row", TABLE_FULL)])
        first_new = len(table) + 1
        table += [blank_row() for _ in range(min(wanted, room))]
        return show_record(table, focus=f"code-{first_new}")
    removed = ascii_number(action[7:]) if action.startswith("remove-") else None
    if removed:
        gone = int(removed)
        table = [row for position, row in enumerate(table, start=1) if position != gone]
        focus = f"code-{min(gone, len(table))}" if table else "add-row"
        return show_record(table, focus=focus)
    return show_record(table)


def blank_row():
    return {"number": "", "cells": {"court": "ca"}}


def posted_rows(form):
    typed_count = ascii_number(form.get("rows", ""))
    count = min(int(typed_count), rows.MAX_ROWS) if typed_count else 0
    # Typed text is read once, here: any script's digits in ASCII, no invisible characters.
    return [
        {
            "number": normalise(form.get(f"number-{position}", "")),
            "cells": {
                c.name: normalise(form.get(f"{c.name}-{position}", "")[:200])[:80]
                for c in rows.COLUMNS
            },
        }
        for position in range(1, count + 1)
    ]


def show_record(
    table,
    errors=(),
    cell_errors=None,
    focus=None,
    paste_text="",
    report=None,
    rap_text="",
    rap_report=None,
):
    """The table page. errors: [(field id, full message)] for the summary; cell_errors:
    {field id: the problem alone}, shown in the cell (the row and column are the cell's label)."""
    if errors and focus is None:
        focus = errors[0][0]  # the summary is announced (role=alert); the cursor goes to the fix
    shown = [{**row, "position": position} for position, row in enumerate(table, start=1)]
    heading = _("Enter the person's record")
    return render(
        "worker/record.html",
        heading,
        heading=heading,
        errors=list(errors),
        cell_errors=cell_errors or {},
        rows=shown,
        columns=rows.COLUMNS,
        selects=SELECTS,
        counties=COUNTIES,
        focus=focus,
        paste_text=paste_text,
        report=report,
        rap_text=rap_text,
        rap_report=rap_report,
        caption=CAPTION,
        max_rows=rows.MAX_ROWS,
    )


def room_in(table):
    return sum(rows.blank(row["cells"]) for row in table) + rows.MAX_ROWS - len(table)


def place_rows(table, found_cells):
    """Put rows of cells in the table's blank rows, then after them; their positions."""
    blank_places = [i for i, row in enumerate(table) if rows.blank(row["cells"])]
    filled = []
    for cells in found_cells:
        row = {"number": "", "cells": cells}
        if blank_places:
            place = blank_places.pop(0)
            table[place] = row
        else:
            table.append(row)
            place = len(table) - 1
        filled.append(place + 1)
    return filled


def fill_from_paste(table, text):
    found = paste.read_lines(text, COUNTIES, room_in(table), today())
    filled = place_rows(table, [cells | {"court": "ca"} for cells in found.rows])
    report = {
        "filled": len(filled),
        "unreadable": [(line, PASTE_REASONS[reason]) for line, reason in found.unreadable],
    }
    # Unread lines go back into the box, so nothing typed or pasted is lost.
    leftover = "\n".join(line for line, _reason in found.unreadable)
    return show_record(table, focus="paste-report", paste_text=leftover, report=report)


def fill_from_rap_sheet(table, text):
    """The RAP sheet's rows go into the table for the worker to check, never to a result."""
    result = rap_sheet.read(text, today())
    if result is None:
        return show_record(table, errors=[("rap", rap_sheet.NOT_A_SHEET)], rap_text=text)
    room = room_in(table)
    if len(result["rows"]) > room:
        result["warnings"].append(
            {"code": "more_rows_not_added", "lines": [], "more": len(result["rows"]) - room}
        )
        result["rows"] = result["rows"][:room]
    filled = place_rows(table, [rap_sheet.cells(row) for row in result["rows"]])
    return show_record(
        table, focus="rap-report", rap_text=text, rap_report=rap_sheet.report(result, filled)
    )


def add_from_rap_sheet(table, text, index):
    """ "Add as a row" for a conviction outside Prop 64's sections: the sheet is read again
    from its box (nothing of it was kept), and that conviction fills one row."""
    result = rap_sheet.read(text, today())
    if result is None or index >= len(result["other_convictions"]):
        return show_record(table, rap_text=text)
    if room_in(table) <= 0:
        return show_record(table, errors=[("add-row", TABLE_FULL)], rap_text=text)
    [position] = place_rows(table, [rap_sheet.cells(result["other_convictions"][index])])
    return show_record(
        table, focus=f"code-{position}", rap_text=text, rap_report=rap_sheet.report(result, [])
    )


def check(table):
    """(errors for the summary, {cell: problem}, [(row, answers)]) for the rows typed."""
    as_of = today()
    errors: list[tuple[str, str]] = []
    cell_errors: dict[str, str] = {}
    read: list = []
    for position, row in enumerate(table, start=1):
        if rows.blank(row["cells"]):
            continue
        answers, problems = rows.read(row["cells"], as_of)
        for name, problem in problems:
            cell_errors.setdefault(f"{name}-{position}", problem)
            errors.append(
                (
                    f"{name}-{position}",
                    _(
                        "Row %(row)s: %(field)s – %(problem)s",
                        row=position,
                        field=rows.BY_NAME[name].label,
                        problem=problem,
                    ),
                )
            )
        read.append((row, answers))
    if not read and not errors:
        errors.append(("code-1", AT_LEAST_ONE))
    return errors, cell_errors, read


def save(table):
    """Store the rows and go on to the follow-ups; None when a row cannot be read, or the rows
    would not fit the cookie (answer_table then names the problem)."""
    errors, _cells, read = check(table)
    if errors:
        return None
    before = snapshot("convictions", "next_number")
    store(read)
    if not state.fits(current_app):
        restore(before)
        return None
    return see_other(url_for("worker.questions"))


def snapshot(*keys):
    return {key: session.get(key) for key in keys}


def restore(before):
    """Put the state back as it was: a change that would not fit the cookie is refused whole."""
    for key, value in before.items():
        if value is None:
            session.pop(key, None)
        else:
            session[key] = value


def store(read):
    """The saved rows replace the list of convictions, keeping each row's follow-up answers."""
    stored = {c["number"]: c for c in state.convictions()}
    number_after = session.get("next_number", 1)
    kept, used = [], set()
    for row, answers in read:
        number = int(row["number"]) if ascii_number(row["number"]) else None
        if number not in stored or number in used:
            number, number_after = number_after, number_after + 1
        used.add(number)
        follow_ups = {
            name: value
            for name, value in stored.get(number, {}).items()
            if name not in rows.TABLE_NAMES
        }
        kept.append({**follow_ups, **answers, "number": number})
    session["convictions"] = kept
    session["next_number"] = number_after


# --- follow-up questions -------------------------------------------------------------------------


# The record's facts a row fills that the person across the desk may know when the record does
# not say: asked on the follow-up page when the engine says they decide the row (issue 15: a
# pasted line gives no age, and the age decided three of four rows). Their "not sure" is the
# table's own "u", so the ones asked are noted (state.note_asked) and asked once.
RECORD_FACTS = ("happened", "convicted", "age", "level", "sentence", "sentence-kind")


def open_questions(as_of):
    """[(conviction or None for the person, position, [screens not answered yet])]."""
    deciding = record_facts_deciding(as_of)
    found: list[tuple[dict | None, int | None, list]] = []
    for position, conviction in enumerate(state.convictions(), start=1):
        screens, kept = walks.walk_conviction(conviction, as_of)
        asked = state.asked_already(conviction)
        unknown = [
            s
            for s in screens
            if s.id in RECORD_FACTS
            and kept.get(s.id) == "u"
            and s.id not in asked
            and s.fact in deciding.get(walks.conviction_id(conviction["number"]), ())
        ]
        missing = unknown + [s for s in screens if s.id not in kept]
        if missing:
            found.append((conviction, position, missing))
    screens, kept = walks.walk_person(as_of)
    missing = [s for s in screens if s.id not in kept]
    if missing:
        found.append((None, None, missing))
    return found


def record_facts_deciding(as_of):
    """{conviction id: [fact paths]}: what could change each row's result (rules.decisive_facts)."""
    if not all_rows_filled(as_of):
        return {}
    return decisive_facts(walks.build_case(as_of))


def all_rows_filled(as_of):
    """False while a conviction lacks an answer the table gives (one begun in the public walk)."""
    for conviction in state.convictions():
        screens, kept = walks.walk_conviction(conviction, as_of)
        if any(s.id in rows.TABLE_NAMES and s.id not in kept for s in screens):
            return False
    return True


# Prior convictions are the person's history, asked row by row ("before this conviction"). When
# several rows ask the same one, the worker may answer it once for all of them; a row's own
# answer counts first.
SHARED = ("prior-serious", "prior-registrable", "prior-same")


def shared_screens(pending):
    """The SHARED screens that more than one row still asks, in flow order."""
    asked = Counter(
        s.id for conviction, _p, screens in pending if conviction is not None for s in screens
    )
    return [BY_ID["conviction"][screen_id] for screen_id in SHARED if asked[screen_id] > 1]


def shared_name(screen):
    return f"all-{screen.id}"


def field_name(conviction, screen):
    return f"p-{screen.id}" if conviction is None else f"f{conviction['number']}-{screen.id}"


def anchor(name, screen):
    """The field an error links to: a date's text box, a choice's first radio button."""
    return name if screen.type == "date" else f"{name}-{screen.options[0]}"


def options_of(screen):
    """A follow-up's answers: its screen's, less one that needs a text of its own (a birth
    year: the table takes that)."""
    extra = screen.detail and screen.detail.get("with_option")
    return [option for option in screen.options if option != extra]


def read_follow_up(screen, value, as_of):
    """({answer name: value} or None, problem or None) for one follow-up as sent."""
    if screen.type == "date":  # typed as on the record, like the table's date cells
        return rows.read_date(normalise(value or ""), screen.id, as_of, required=True)
    if value in options_of(screen):
        return {screen.id: value}, None
    return None, ANSWER_NEEDED if screen.type == "yes_no_unsure" else rows.CHOOSE_ONE


def reading(conviction, screen, value, as_of):
    """read_follow_up, and a record date answered here may not put the offense after the
    conviction (rows.read's check on the table)."""
    found, problem = read_follow_up(screen, value, as_of)
    if found is not None and conviction and screen.id in RECORD_FACTS:
        if offense_after_conviction({**state.find(conviction["number"]), **found}):
            return None, rows.OFFENSE_AFTER_CONVICTION
    return found, problem


def follow_up_error(name, screen, position, problem):
    short = voice.words(screen.id, voice.CLIENT)["short"]
    return anchor(name, screen), question_error(position, short, problem)


def offense_after_conviction(conviction):
    """A date answered here may not put the offense after the conviction (rows.read's check)."""
    happened, convicted = (
        conviction.get("happened"),
        conviction.get("convicted"),
    )
    return (
        happened not in (None, "u")
        and convicted not in (None, "u")
        and too_late(happened, convicted)
    )


@bp.route("/questions", methods=["GET", "POST"])
def questions():
    if not state.convictions():
        return see_other(url_for("worker.record"))
    as_of = today()
    pending = open_questions(as_of)
    if not all_rows_filled(as_of):
        return see_other(url_for("worker.record"))  # a row the table has not filled in yet
    errors = []
    typed = {}  # follow-ups as sent, shown again beside their error
    kept = state.take_typed(request.path) if request.method == "GET" else None
    if kept:  # the GET after a POST with problems: named again, nothing saved
        sent = dict(kept[0])
        for conviction, position, screens in pending:
            for screen in screens:
                name = field_name(conviction, screen)
                if name in sent:
                    found, problem = reading(conviction, screen, sent[name], as_of)
                    if found is None:
                        typed[name] = sent[name]
                        errors.append(follow_up_error(name, screen, position, problem))
    if request.method == "POST":
        before = snapshot("convictions", "person")
        for conviction, position, screens in pending:
            for screen in screens:
                name = field_name(conviction, screen)
                value = request.form.get(name)
                if value not in screen.options and conviction and screen.id in SHARED:
                    value = request.form.get(shared_name(screen))
                found, problem = reading(conviction, screen, value, as_of)
                number = conviction and conviction["number"]
                if found is None:
                    typed[name] = normalise(value or "")
                    errors.append(follow_up_error(name, screen, position, problem))
                    continue
                state.save_answers(number, found)
                if number and screen.id in RECORD_FACTS and found[screen.id] == "u":
                    state.note_asked(number, screen.id)
        if not state.fits(current_app):
            restore(before)
            errors = [("main-heading", FULL)]
        else:
            if errors:  # post/redirect/get: the GET names the problems again
                state.keep_form(request.path, [[name, value] for name, value in typed.items()])
                if not state.fits(current_app):
                    session.pop("t")
                    pending = open_questions(as_of)
                    return follow_up_page(pending, errors, typed)
            return see_other(url_for("worker.questions"))
        pending = open_questions(as_of)
    if not pending:
        return see_other(url_for("worker.result"))
    return follow_up_page(pending, errors, typed)


def follow_up_page(pending, errors, typed):
    error_for = dict(errors)
    groups = [
        {
            "heading": row_heading(conviction, position),
            "id": "about-person" if conviction is None else f"row-{position}-questions",
            "questions": [
                {
                    "name": field_name(conviction, screen),
                    "words": voice.words(screen.id, voice.CLIENT),
                    "error": error_for.get(anchor(field_name(conviction, screen), screen)),
                    "date": screen.type == "date",
                    "hint": date_hint(screen) if screen.id in RECORD_FACTS else None,
                    "options": options_of(screen),
                    "labels": YES_NO_UNSURE
                    if screen.type == "yes_no_unsure"
                    else voice.words(screen.id, voice.CLIENT).get("options"),
                    "typed": typed.get(field_name(conviction, screen), ""),
                }
                for screen in screens
            ],
        }
        for conviction, position, screens in pending
    ]
    shared = [
        {"name": shared_name(screen), "words": voice.words(screen.id, voice.CLIENT)}
        for screen in shared_screens(pending)
    ]
    heading = _("Questions the law needs answered")
    return render(
        "worker/questions.html",
        heading,
        heading=heading,
        errors=errors,
        groups=groups,
        shared=shared,
        yes_no=YES_NO_UNSURE,
        caption=CAPTION,
    )


def date_hint(screen):
    """A record date asked of the person: how to type it, after the question's own hint."""
    if screen.type != "date":
        return None
    own = voice.words(screen.id, voice.CLIENT).get("hint")
    return " ".join(str(part) for part in (own, FOLLOW_UP_DATE) if part)


def question_error(position, short, problem=ANSWER_NEEDED):
    if position is None:
        return _("About the person: %(field)s – %(problem)s", field=short, problem=problem)
    return _("Row %(row)s: %(field)s – %(problem)s", row=position, field=short, problem=problem)


def row_heading(conviction, position):
    if conviction is None:
        return _("About the person")
    cells = rows.cells_of(conviction)
    level = dict(SELECTS["level"]).get(cells["level"], "")
    described = ", ".join(
        str(part) for part in (cells["code"], level, cells["conviction_date"]) if part
    )
    return _("Row %(row)s: %(described)s", row=position, described=described)


# --- the result: the public walk's page, addressed to the client ---------------------------------


@bp.get("/result")
def result():
    if not state.convictions():
        return see_other(url_for("worker.record"))
    if open_questions(today()):
        return see_other(url_for("worker.questions"))
    return result_page(
        change_href=url_for("worker.record"),
        change_words=_("Change the record"),
        prepared=_(
            "Prepared with a legal aid worker from the record. Keep this page: this tool does not keep a copy."
        ),
    )
