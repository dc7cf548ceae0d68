"""A person with three convictions (issue 16) walks the whole questionnaire on a 320 px phone:
an old small possession (HS 11357(b), 2012), a felony possession for sale (HS 11359, 2013) and
a theft that is not for cannabis (PC 484(a), probation revoked). The result shows each
conviction's paths in one line each and one ordered list of next steps, the reasons folded;
full-page pictures at 320 px and 1280 px go to screenshots/ for a person to look at."""

from pathlib import Path

import pytest
from a11y import context_args, sideways_scroll
from playwright.sync_api import expect
from tour import PERSON, begin, fill, submit
from webwalk import OLD_POSSESSION, PROP64_QUESTIONS, THEFT, answers_for_case, person_answers

pytestmark = pytest.mark.slow
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
COUNTY = "19"  # Los Angeles

FOR_SALE = {
    "court": "california_adult",
    "offense": "HS 11359",
    "level": "felony",
    "offense_date": "2013-03-01",
    "conviction_date": "2013-06-01",
    "age_at_offense": "21_or_older",
    "sentence": {"status": "completed", "kind": "county_jail", "completed_on": "2014-06"},
    "conduct": {"minor_involved": "no", "employed_minor": "no"},
    "priors": {"super_strike": "no", "registrable_sex_offense": "no", "two_same_section": "no"},
    "new_felony_since": "no",
}


def answer_conviction(page, base, conviction):
    """Answer the questions on screen until the list of convictions; returns the screens seen."""
    answers, seen = answers_for_case(conviction, county=COUNTY), []
    for _ in range(40):
        path = page.url.removeprefix(base).split("?")[0]
        if path == "/convictions":
            return seen
        seen.append(path.rsplit("/", 1)[-1])
        fill(page, answers[seen[-1]])
        submit(page, base)
    raise AssertionError("the conviction never ended")


def test_three_convictions_on_a_320px_phone(browser, playwright, live_server):
    context = browser.new_context(**context_args(playwright, "320"))
    context.set_default_timeout(10_000)
    page = context.new_page()
    base = live_server
    page.goto(f"{base}/lang/en?next=/")
    begin(page)
    answer_conviction(page, base, OLD_POSSESSION)
    page.check("#answer-y")  # another cannabis conviction
    submit(page, base)
    answer_conviction(page, base, FOR_SALE)
    # "Yes, another conviction, not for cannabis"
    expect(page.locator("label[for=answer-o]")).to_have_text(
        "Yes, another conviction, not for cannabis"
    )
    page.check("#answer-o")
    submit(page, base)
    asked = answer_conviction(page, base, THEFT)
    assert not PROP64_QUESTIONS & set(asked), asked  # only what decides the theft's paths
    assert "probation-revoked" in asked
    page.check("#answer-n")
    path = submit(page, base)
    person = person_answers(PERSON)
    while path != "/check":
        fill(page, person[path.rsplit("/", 1)[-1]])
        path = submit(page, base)
    before = page.url
    page.locator("main a.button.start").click()
    page.wait_for_url(lambda url: url != before)
    page.locator("#main-heading").wait_for()

    cards = page.locator("article[data-conviction-id]")
    expect(cards).to_have_count(3)
    # The glance list first, each conviction's best news in one line.
    glance = page.locator("nav.glance li")
    expect(glance).to_have_count(3)
    expect(glance.nth(0)).to_contain_text("Dismissed and sealed")
    expect(glance.nth(1)).to_contain_text("Reduced to a misdemeanor")
    expect(glance.nth(2)).to_contain_text("The court may dismiss it if you ask")
    possession, for_sale, theft = cards.nth(0), cards.nth(1), cards.nth(2)

    # Old small possession: Prop 64 dismissed it, and the record should have been destroyed.
    expect(possession.locator('li.path[data-path="HS 11361.5"]')).to_be_visible()
    expect(possession.locator('li.path[data-path="HS 11361.5"]')).to_contain_text(
        "should have been destroyed"
    )
    steps = possession.locator("ol.next-steps > li > h4")
    expect(steps.first).to_have_text("Check your record")
    expect(steps.last).to_have_text("Get free legal help")
    expect(steps).to_contain_text(["Check your record", "Ask for the old record to be destroyed"])
    expect(possession.locator("ol.next-steps > li").first).to_contain_text(
        "These can happen without you filing anything"
    )

    # Felony for sale: reduced by Prop 64; the automatic clean slate is a path too.
    expect(for_sale.locator('li.path[data-path="HS 11361.8"]')).to_contain_text(
        "Reduced to a misdemeanor"
    )
    expect(for_sale.locator('li.path[data-path="PC 1203.425"]')).to_be_visible()

    # Theft: the dismissal the court decides, what it does not do, one form to file.
    line = theft.locator('li.path[data-path="PC 1203.4"]')
    expect(line).to_be_visible()
    expect(line).to_contain_text("Your probation was revoked")
    expect(line).to_contain_text("does not give back the right to own a gun")
    expect(line).to_contain_text("prior conviction")
    expect(theft.locator("ol.next-steps > li > h4")).to_have_text(
        ["Ask the court to dismiss it", "Get free legal help"]
    )
    expect(theft.locator('[data-action="file_cr180"]')).to_contain_text("CR-181")
    expect(theft.locator('[data-action="file_cr180"]')).to_contain_text(
        "Superior Court of California, County of Los Angeles"
    )
    # What does not apply, the reasons and the law: folded until asked for.
    expect(theft.locator("details.not-applying li").first).to_be_hidden()
    expect(theft.locator("details.why cite").first).to_be_hidden()
    theft.locator("details.why summary").click()
    expect(theft.locator("details.why")).to_contain_text("PC 1203.4(a)(1)")
    theft.locator("details.why summary").click()
    page.evaluate("document.activeElement.blur()")  # the picture as first seen, no focus ring

    assert sideways_scroll(page) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    narrow = SCREENSHOTS / "three-convictions-320.png"
    page.screenshot(path=narrow, full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=SCREENSHOTS / "three-convictions-1280.png", full_page=True)
    answers = context.cookies()
    context.close()
    assert narrow.stat().st_size > 10_000

    # The same answers read in Arabic with JavaScript off on the phone: right to left, the
    # three cards, the folded parts still folded (no script needed), nothing scrolls sideways.
    arabic = browser.new_context(**context_args(playwright, "320"), java_script_enabled=False)
    arabic.add_cookies(answers)
    page = arabic.new_page()
    page.goto(f"{base}/lang/ar?next=/result")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("article[data-conviction-id]")).to_have_count(3)
    theft = page.locator("article[data-conviction-id]").nth(2)
    expect(theft.locator('li.path[data-path="PC 1203.4"]')).to_contain_text("CR-180")
    expect(page.locator("details.why cite").first).to_be_hidden()
    assert sideways_scroll(page) == []
    page.screenshot(path=SCREENSHOTS / "three-convictions-320-ar-nojs.png", full_page=True)
    arabic.close()
