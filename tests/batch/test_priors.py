"""Priors derived from the person's other rows, counted only before this row's offense.

HS 11358(d)(1)-(2), 11359(c)(1)-(2), 11360(a)(3)(A)-(B); decision-rules.md B.6: "prior" means
a conviction before this offense. Each case is named in a sentence; both sides of the date.
"""

import pytest

from rules.batch.partition import read_person


def person(*rows):
    """Rows of one person; each row is (offense, offense_date, conviction_date, extra cells)."""
    out = []
    for number, (offense, committed, convicted, *extra) in enumerate(rows):
        row = {
            "person_id": "P1",
            "conviction_id": str(number),
            "offense": offense,
            "offense_date": committed,
            "conviction_date": convicted,
        }
        row.update(*extra)
        out.append(row)
    return out


def derived(rows, index=0):
    read = read_person(rows)
    assert not read[index].errors, read[index].errors
    return read[index].conviction["priors"], read[index].priors_derived


CASES = [
    (
        "a murder conviction the year before the sale offense is a prior super strike",
        [("HS 11360(a)", "2014-06-01", "2014-09-01"), ("PC 187", "2012-01-01", "2013-05-01")],
        "super_strike",
        "yes",
    ),
    (
        "a murder conviction after the sale offense is not a prior, though the killing came first",
        [("HS 11360(a)", "2014-06-01", "2014-09-01"), ("PC 187", "2014-01-01", "2015-05-01")],
        "super_strike",
        "no",
    ),
    (
        "a conviction on the very day of the offense is not before it",
        [("HS 11359", "2014-06-01", "2014-09-01"), ("PC 187", "2013-01-01", "2014-06-01")],
        "super_strike",
        "no",
    ),
    (
        "a conviction the day before the offense is before it",
        [("HS 11359", "2014-06-01", "2014-09-01"), ("PC 187", "2013-01-01", "2014-05-31")],
        "super_strike",
        "yes",
    ),
    (
        "a conviction known only by a year that contains the offense date is unknown",
        [("HS 11359", "2014-06-01", "2014-09-01"), ("PC 187", "2013-01-01", "2014")],
        "super_strike",
        "unknown",
    ),
    (
        "a conviction of unknown date for an offense committed after this one is not a prior",
        [("HS 11359", "2014-06-01", "2014-09-01"), ("PC 187", "2015-01-01", "")],
        "super_strike",
        "no",
    ),
    (
        "a conviction of unknown date for an earlier offense might be a prior",
        [("HS 11359", "2014-06-01", "2014-09-01"), ("PC 187", "2010-01-01", "")],
        "super_strike",
        "unknown",
    ),
    (
        "with this offense's date unknown, a conviction after this conviction is not a prior",
        [("HS 11359", "", "2014-09-01"), ("PC 187", "2015-01-01", "2015-03-01")],
        "super_strike",
        "no",
    ),
    (
        "attempted murder counts: clause (IV) names attempted homicide",
        [("HS 11358", "2014-06-01", ""), ("PC 664/187", "2001", "2002")],
        "super_strike",
        "yes",
    ),
    (
        "attempted lewd act is not a super strike (only homicide attempts are)",
        [("HS 11358", "2014-06-01", ""), ("PC 664/288(a)", "2001", "2002")],
        "super_strike",
        "no",
    ),
    (
        "PC 288 without its subdivision may or may not be the listed 288(a)/(b)",
        [("HS 11358", "2014-06-01", ""), ("PC 288", "2001", "2002")],
        "super_strike",
        "unknown",
    ),
    (
        "an earlier robbery is no super strike",
        [("HS 11358", "2014-06-01", ""), ("PC 211", "2001", "2002")],
        "super_strike",
        "no",
    ),
    (
        "an unreadable earlier offense might be anything",
        [("HS 11358", "2014-06-01", ""), ("ROBBERY 2ND", "2001", "2002")],
        "super_strike",
        "unknown",
    ),
    (
        "an earlier sexual battery is a PC 290(c) offense",
        [("HS 11360(a)", "2014-06-01", ""), ("PC 243.4(a)", "2001", "2002")],
        "registrable_sex_offense",
        "yes",
    ),
    (
        "a later sexual battery is not a prior PC 290(c) offense",
        [("HS 11360(a)", "2014-06-01", ""), ("PC 243.4(a)", "2015", "2016")],
        "registrable_sex_offense",
        "no",
    ),
    (
        "two earlier 11359(b) misdemeanors are two same-section priors",
        [
            ("HS 11359", "2019-06-01", ""),
            ("HS 11359(b)", "2017-01-01", "2017-02-01"),
            ("HS 11359(b)", "2018-01-01", "2018-02-01"),
        ],
        "two_same_section",
        "yes",
    ),
    (
        "one earlier and one later 11359(b) misdemeanor are not two priors",
        [
            ("HS 11359", "2019-06-01", ""),
            ("HS 11359(b)", "2017-01-01", "2017-02-01"),
            ("HS 11359(b)", "2020-01-01", "2020-02-01"),
        ],
        "two_same_section",
        "no",
    ),
    (
        "one 11359(b) and one unlettered 11359 before: the old-law question is open",
        [
            ("HS 11359", "2019-06-01", ""),
            ("HS 11359(b)", "2017-01-01", "2017-02-01"),
            ("HS 11359", "2010-01-01", "2010-02-01"),
        ],
        "two_same_section",
        "unknown",
    ),
    (
        "two earlier 11359(b) convictions do not count for an 11360 offense",
        [
            ("HS 11360(a)", "2019-06-01", ""),
            ("HS 11359(b)", "2017-01-01", "2017-02-01"),
            ("HS 11359(b)", "2018-01-01", "2018-02-01"),
        ],
        "two_same_section",
        "no",
    ),
    (
        "two earlier 11360(a)(2) misdemeanors count for a sale offense",
        [
            ("HS 11360", "2019-06-01", ""),
            ("H&S 11360(a)(2)", "2017", "2017-02-01"),
            ("11360(a)(2)", "2018-01-01", "2018-02-01"),
        ],
        "two_same_section",
        "yes",
    ),
]


@pytest.mark.parametrize("rows, field, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_derived_prior(rows, field, expected):
    priors, note = derived(person(*rows))
    assert priors[field] == expected
    assert f"{field}={expected}" in note.split(";")


def test_a_stated_prior_wins_over_the_record():
    rows = person(
        ("HS 11359", "2014-06-01", "", {"prior_super_strike": "no"}), ("PC 187", "2010", "2011")
    )
    priors, note = derived(rows)
    assert priors["super_strike"] == "no"
    assert "super_strike" not in note
    assert "registrable_sex_offense=" in note


def test_possession_rows_get_no_derived_priors():
    """HS 11357 has no prior-record disqualifier (decision-rules.md B.6)."""
    priors, note = derived(person(("HS 11357(a)", "2014-06-01", ""), ("PC 187", "2010", "2011")))
    assert priors == {} and note == ""


def test_a_malformed_earlier_row_still_counts_as_what_can_be_read():
    rows = person(("HS 11359", "2014-06-01", ""), ("PC 187", "2010", "2011", {"level": "felon"}))
    read = read_person(rows)
    assert read[1].errors == [
        "level: 'felon' is not one of felony, misdemeanor, infraction, unknown"
    ]
    assert read[0].conviction["priors"]["super_strike"] == "yes"
