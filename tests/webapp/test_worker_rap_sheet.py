"""Worker mode's RAP sheet box: a pasted DOJ sheet fills table rows for the worker to confirm
(each with its source lines and what was derived), never a result; other convictions can be
added as rows; text that is no DOJ sheet is refused in words; the table's form takes 256 KB,
the rest of the app keeps 64 KB; and nothing of the text reaches the cookie, a log, a file
or any response but its own textarea."""

import html
import logging
import re
import tempfile
from pathlib import Path

from test_privacy import APP_DIRS, ATTEMPTS, RECORDING, tree
from workerwalk import COLUMNS, FIELD, answer_questions

from webapp import create_app, logging_conf

SHEETS = Path(__file__).resolve().parents[1] / "records" / "sheets"
INPUT = re.compile(r'<input type="text" id="([a-z_]+)-(\d+)"[^>]*value="([^"]*)"')
SELECT = re.compile(r'<select id="([a-z_]+)-(\d+)".*?</select>', re.S)
SELECTED = re.compile(r'<option value="([^"]*)" selected>')


def sheet(name):
    return (SHEETS / name).read_text(encoding="utf-8")


def table_of(body):
    """{position: {cell: value}} as the page shows the table."""
    table = {}
    for name, position, value in INPUT.findall(body):
        table.setdefault(int(position), {})[name] = html.unescape(value)
    for match in SELECT.finditer(body):
        chosen = SELECTED.search(match.group(0))
        table.setdefault(int(match.group(2)), {})[match.group(1)] = (
            chosen.group(1) if chosen else ""
        )
    return table


def blank_form(action, rap, rows=3):
    form = {"rows": str(rows), "action": action, "paste": "", "rap": rap}
    for position in range(1, rows + 1):
        form |= {f"{name}-{position}": ("ca" if name == "court" else "") for name in COLUMNS}
        form[f"number-{position}"] = ""
    return form


def form_of(body, action, rap):
    """The table as shown, posted back with another button."""
    table = table_of(body)
    form = {"rows": str(len(table)), "action": action, "paste": "", "rap": rap}
    for position, cells in table.items():
        form[f"number-{position}"] = ""
        form |= {f"{name}-{position}": value for name, value in cells.items()}
    return form


def test_a_sheet_fills_rows_to_confirm_with_their_sources_and_saves_nothing(client):
    response = client.post("/worker/", data=blank_form("rap", sheet("snippet_a.txt")))
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert table_of(body)[1] == {
        "code": "HS 11359",
        "level": "fel",
        "offense_date": "01/15/2014",
        "conviction_date": "05/02/2014",
        "age": "1985",
        "sentence": "done",
        "sentence_kind": "prob",
        "court": "ca",
        "county": "Los Angeles",
    }
    report = body[body.index('id="rap-report"') :]
    assert "from lines 19–27" in report and "••••0001" in report
    assert "offense date from the arrest" in report
    assert "ends about 2017-07" in report
    assert "1 court count was not a conviction" in report
    with client.session_transaction() as session:
        assert "convictions" not in session  # only Save stores rows


def test_saved_rows_go_through_the_questions_to_the_result(client):
    filled = client.post("/worker/", data=blank_form("rap", sheet("snippet_b.txt")))
    saved = client.post(
        "/worker/", data=form_of(filled.get_data(as_text=True), "save", sheet("snippet_b.txt"))
    )
    assert saved.status_code == 303 and saved.headers["Location"] == "/worker/questions"
    questions = client.get("/worker/questions").get_data(as_text=True)
    names = set(FIELD.findall(questions))
    result = answer_questions(
        client, dict.fromkeys(names, "u") | {name: "n" for name in names if name.startswith("p-")}
    )
    assert result.status_code == 200
    assert "HS 11357(c)" in result.get_data(as_text=True)


def test_other_convictions_are_listed_and_can_be_added_as_a_row(client):
    filled = client.post("/worker/", data=blank_form("rap", sheet("snippet_c.txt")))
    body = filled.get_data(as_text=True)
    assert [row["code"] for row in table_of(body).values()] == [
        "PC 664/11358",
        "PC 664/11358",
        "HS 11360",
    ]
    assert table_of(body)[3]["court"] == "juv" and table_of(body)[3]["age"] == "<18"
    assert "Add as a row" in body and 'value="rap-add-0"' in body
    assert "PC 290 registration is on the record (01/01/2016)" in body
    added = client.post("/worker/", data=form_of(body, "rap-add-0", sheet("snippet_c.txt")))
    rows = table_of(added.get_data(as_text=True))
    assert rows[4]["code"] == "PC 496" and rows[4]["level"] == "mis"


def test_text_that_is_no_doj_sheet_is_refused_in_words_and_kept_in_its_box(client):
    text = "SAN MATEO COUNTY SHERIFF BOOKING HISTORY\n05/02/2014 HS 11359 CONVICTED"
    response = client.post("/worker/", data=blank_form("rap", text))
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "does not look like a California DOJ record" in body
    assert 'href="#rap"' in body  # the error summary links to the box
    assert html.escape(text, quote=False) in body  # the worker's own text, back in its box


def test_the_table_takes_a_256_kb_form_and_every_other_page_keeps_64_kb(client):
    big = sheet("snippet_a.txt") + "\n" + ("PAGE 1 OF 2\n" * 16_000)  # about 200 KB
    assert 180_000 < len(big) < 250_000
    assert client.post("/worker/", data=blank_form("rap", big)).status_code == 200
    too_big = big + "X" * 70_000
    assert client.post("/worker/", data=blank_form("rap", too_big)).status_code == 413
    assert client.post("/begin", data={"x": "y" * 70_000}).status_code == 413


# --- privacy audit --------------------------------------------------------------------------

NAMES = [
    "TESTCASE",
    "ROBIN",
    "A00000004",
    "000000AA4",
    "Z0000004",
    "000000004",
    "EXAMPLE AV",
    "94612",
    "T0000000000000000004",
    "20021130",
    "OK000044",
    "NW000045",
]


def test_a_pasted_sheet_leaves_nothing_in_cookies_logs_files_or_pages_but_its_box(
    caplog, tmp_path, monkeypatch
):
    app = create_app({"SECRET_KEY": "privacy-key", "WTF_CSRF_ENABLED": False})
    client = app.test_client()
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    caplog.set_level(logging.DEBUG)
    for name in ("webapp", "werkzeug", "flask", "flask_wtf", "babel"):
        caplog.set_level(logging.DEBUG, logger=name)
    text = sheet("sheet_d.txt")
    assert all(secret in text for secret in NAMES)
    before = tree(APP_DIRS)
    ATTEMPTS[:] = []
    RECORDING.set()
    try:
        client.get("/worker/")
        filled = client.post("/worker/", data=blank_form("rap", text))
        confirmed = form_of(filled.get_data(as_text=True), "save", text)
        assert confirmed["level-1"] == ""  # no CONV STATUS on the sheet: the worker chooses
        saved = client.post("/worker/", data=confirmed | {"level-1": "fel"})
        pages = [filled.get_data(as_text=True)]
        for url in ("/worker/", "/worker/questions", "/check", "/summary.txt"):
            pages.append(client.get(url).get_data(as_text=True))
        app.logger.info("a log line, so the check below has records to read")
    finally:
        RECORDING.clear()
    assert saved.status_code == 303
    # The filled page has the text only inside its own textarea.
    first = pages[0]
    box = re.search(r'<textarea id="rap".*?</textarea>', first, re.S).group(0)
    outside = first.replace(box, "")
    assert "TESTCASE" in box
    for page in [outside, *pages[1:]]:
        for secret in NAMES:
            assert secret not in page
    cookies = [cookie.value for cookie in client._cookies.values()]
    serializer = app.session_interface.get_signing_serializer(app)
    decoded = [repr(serializer.loads(value)) for value in cookies if value.count(".") >= 2]
    assert decoded, "no session cookie was read: the check would be empty"
    for value in cookies + decoded:
        for secret in NAMES:
            assert secret not in value
    formatter = logging_conf.RedactingFormatter(logging_conf.FORMAT)
    assert caplog.records
    for record in caplog.records:
        logged = formatter.format(record) + repr(record.args) + repr(record.__dict__)
        for secret in NAMES:
            assert secret not in logged
    assert ATTEMPTS == []
    assert tree(APP_DIRS) == before
    assert list(private_tmp.iterdir()) == []
