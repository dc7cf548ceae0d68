""" "To pick up later": the printable and plain-text summaries end with the convictions as
worker-mode paste lines, and worker mode reads them back to the same rows."""

from datetime import date

import pytest
from test_worker import cell_values, chosen
from webwalk import case_named, walk_case
from workerwalk import LEVEL, table_form, table_page

from webapp.labels import COUNTIES
from webapp.worker import paste

HEADING = "To pick up later"
WARNING = "Anyone who holds this paper or this text can read them."
CALIFORNIA_EXAMPLES = (
    "01-possession-2011-dismissed-automatically",
    "02-sale-felony-2013-reduced",
    "03-possession-for-sale-serving-super-strike-needs-review",
    "04-cultivation-plants-unknown",
    "05-new-law-misdemeanor-clean-slate",
)


def pick_up_lines(summary):
    """The paste lines: after the heading and its sentence, up to the blank line."""
    after = summary.split(HEADING + "\n", 1)[1].splitlines()
    assert WARNING in after[0]
    return [line for line in after[1:] if line and not line.startswith("Not listed")]


def expected_cells(conviction):
    """What the person answered, as the worker's table holds it: the public walk asks a month
    and a year (webwalk.date_answer), and the walk was in Los Angeles."""
    offense, convicted = (
        conviction.get(key, "")[:7] for key in ("offense_date", "conviction_date")
    )
    return {
        "code": conviction["offense"],
        "level": LEVEL[conviction.get("level", "unknown")],
        "offense_date": offense if convicted else "",
        "conviction_date": convicted,
        "county": "Los Angeles",
    }


@pytest.mark.parametrize("name", CALIFORNIA_EXAMPLES)
def test_worker_mode_reads_the_summarys_lines_back_to_the_same_rows(client, app, name):
    case = case_named(name)
    walk_case(client, case)
    lines = pick_up_lines(client.get("/summary.txt").get_data(as_text=True))
    assert len(lines) == len(case["convictions"])
    # Another browser, nothing kept: a worker pastes the lines into a blank table.
    worker = app.test_client()
    html = table_page(worker, table_form([], action="paste", paste="\n".join(lines))).get_data(
        as_text=True
    )
    cells = cell_values(html)
    for place, conviction in enumerate(case["convictions"], start=1):
        want = expected_cells(conviction)
        level = chosen(html, f"level-{place}") or "u"
        got = {
            "code": cells[f"code-{place}"].replace("&amp;", "&"),
            "level": level,
            "offense_date": cells[f"offense_date-{place}"],
            "conviction_date": cells[f"conviction_date-{place}"],
            "county": cells[f"county-{place}"],
        }
        assert got == want, (name, place)


def test_the_lines_are_on_the_printed_result_page_too(client):
    html = walk_case(client, case_named("02-sale-felony-2013-reduced"))
    section = html.split('<section class="pick-up"', 1)[1].split("</section>", 1)[0]
    assert "no-print" not in html.split('<section class="pick-up"', 1)[0].rsplit("<", 1)[-1]
    assert HEADING in section and WARNING in section
    assert '<p class="paste-lines" dir="ltr">HS 11360 F 2013-09 2013-11 Los Angeles</p>' in section


def test_a_conviction_worker_mode_cannot_take_back_is_named_as_left_out(client):
    case = {
        "convictions": [
            case_named("02-sale-felony-2013-reduced")["convictions"][0],
            case_named("06-federal")["convictions"][0],
        ]
    }
    walk_case(client, case)
    summary = client.get("/summary.txt").get_data(as_text=True)
    assert pick_up_lines(summary) == ["HS 11360 F 2013-09 2013-11 Los Angeles"]
    assert "Not listed: convictions from a court other than a California adult court" in summary


@pytest.mark.parametrize(
    "written, cells",
    [
        (
            ("HS 11359", "felony", "2013-05", "2013-09-01", "San Diego"),
            {
                "code": "HS 11359",
                "level": "fel",
                "offense_date": "2013-05",
                "conviction_date": "2013-09-01",
                "county": "San Diego",
            },
        ),
        (
            ("PC 664/11359", "unknown", None, "2014", None),
            {
                "code": "PC 664/11359",
                "level": "",
                "offense_date": "",
                "conviction_date": "2014",
                "county": "",
            },
        ),
        # A lone offense date would read as the conviction's: it is left out, not misplaced.
        (
            ("HS 11357(b)", "infraction", "2011-07-04", None, "Los Angeles"),
            {
                "code": "HS 11357(b)",
                "level": "inf",
                "offense_date": "",
                "conviction_date": "",
                "county": "Los Angeles",
            },
        ),
    ],
)
def test_a_written_line_reads_back_to_its_cells(written, cells):
    line = paste.write_line(*written)
    assert paste.read_line(line, COUNTIES, date(2026, 11, 24)) == (cells, None)


@pytest.mark.parametrize("offense", ["HS 11359 M", "HS 11359 2012", "no section here"])
def test_a_line_that_would_read_back_differently_is_not_written(offense):
    assert paste.write_line(offense, "felony", "2013-05", "2013-09", "Los Angeles") is None
