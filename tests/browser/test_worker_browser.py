"""Worker mode in real Chromium at laptop width, keyboard only: type a row, paste two lines
(one unreadable), save with Enter, answer the follow-ups with arrow keys, reach the result."""

import pytest
from playwright.sync_api import expect

LAPTOP = {"width": 1280, "height": 800}

pytestmark = pytest.mark.slow


@pytest.fixture
def laptop(browser):
    """A fresh private context at laptop width (the app itself: conftest's live_server)."""
    context = browser.new_context(viewport=LAPTOP)
    yield context.new_page()
    context.close()


def focused(page):
    return page.evaluate(
        "document.activeElement && (document.activeElement.id || document.activeElement.name || '')"
    )


def tab_to(page, element_id, key="Tab", most=40):
    """Press Tab (or Shift+Tab) until the element with this id has the focus."""
    for _ in range(most):
        if focused(page) == element_id:
            return
        page.keyboard.press(key)
    raise AssertionError(f"{element_id} never got the focus (at {focused(page)!r})")


def answer_no_to_each_group(page):
    """From the heading: Tab into each group of radios and arrow down to "No" ("I'm not sure"
    for a record fact with no "No"), then Tab to the Continue button."""
    assert focused(page) == "main-heading"
    for _ in range(page.locator("fieldset").count()):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "text":
            # A date box (when the whole sentence ended): "?" when the record does not say.
            page.keyboard.type("?")
            continue
        assert page.evaluate("document.activeElement.type") == "radio"
        if page.evaluate(
            "!!document.activeElement.form.querySelector(`[name='${document.activeElement.name}'][value=n]`)"
        ):
            page.keyboard.press("ArrowDown")
            assert page.evaluate("document.activeElement.value") == "n"
        else:  # a record fact the table left out (the age then): up wraps to "I'm not sure"
            page.keyboard.press("ArrowUp")
            assert page.evaluate("document.activeElement.value") == "u"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Continue"


def test_a_worker_enters_a_record_with_the_keyboard_only(laptop, live_server):
    page = laptop
    page.goto(f"{live_server}/worker/")
    assert focused(page) == "code-1"  # the cursor starts in the first cell
    # Row 1 by hand: every cell reached with Tab, selects chosen by typing a letter.
    page.keyboard.type("HS 11357")
    page.keyboard.press("Tab")
    page.keyboard.press("m")  # Misdemeanor
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # no offense date on the record
    page.keyboard.type("03/15/2011")
    page.keyboard.press("Tab")
    page.keyboard.type("34")
    page.keyboard.press("Tab")
    page.keyboard.press("f")  # Finished
    page.keyboard.press("Tab")
    page.keyboard.press("o")  # Only a fine
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # California is already chosen
    page.keyboard.type("Alameda")
    assert page.locator("#level-1").input_value() == "mis"
    assert page.locator("#sentence_kind-1").input_value() == "fine"
    # Back up to the paste box and paste two lines, one of them not a record entry.
    tab_to(page, "paste", key="Shift+Tab")
    page.keyboard.type("HS 11358 F 04/01/2012 10/01/2012 FRESNO\nNOTHING TO READ HERE")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Fill rows from these lines"
    page.wait_for_selector("#paste-report")
    assert focused(page) == "paste-report"
    report = page.locator("#paste-report").inner_text()
    assert "1 row filled" in report and "NOTHING TO READ HERE" in report
    assert page.locator("#paste").input_value() == "NOTHING TO READ HERE"
    assert page.locator("#code-1").input_value() == "HS 11357"  # typed row kept
    assert page.locator("#code-2").input_value() == "HS 11358"
    assert page.locator("#offense_date-2").input_value() == "04/01/2012"
    assert page.locator("#county-2").input_value() == "Fresno"
    # At laptop width the whole row is visible: no sideways scrolling.
    assert page.evaluate(
        "(() => { const w = document.querySelector('.wide');"
        " return w.scrollWidth <= w.clientWidth; })()"
    )
    # Enter in any cell saves (never removes a row).
    tab_to(page, "code-1")
    page.keyboard.press("Enter")
    page.wait_for_url("**/worker/questions")
    # Follow-ups: Tab into each group of radios, arrow down to "No".
    for _ in range(5):
        if page.url.endswith("/worker/result"):
            break
        page.locator("#main-heading").wait_for()
        legends = page.locator("legend").all_inner_texts()
        assert legends and not any("you" in legend.lower().split() for legend in legends)
        answer_no_to_each_group(page)
        with page.expect_response(lambda r: "/worker/" in r.url):
            page.keyboard.press("Enter")
        expect(page.locator("#main-heading")).to_be_focused()  # htmx swapped the next page in
    page.wait_for_url("**/worker/result")
    outcomes = page.locator("article.card").evaluate_all(
        "cards => cards.map(c => c.dataset.outcome)"
    )
    assert len(outcomes) == 2
    assert page.get_by_role("link", name="Change the record").count() == 1
    assert "Fresh Start: Prop 64 summary" in page.locator("#summary-text").input_value()


@pytest.fixture
def laptop_for_axe(browser):
    # axe is injected as a script: only this context bypasses the Content-Security-Policy.
    context = browser.new_context(viewport=LAPTOP, bypass_csp=True)
    yield context.new_page()
    context.close()


def test_the_worker_pages_pass_axe_with_a_paste_report_and_row_errors(laptop_for_axe, live_server):
    from axe_playwright_python.sync_playwright import Axe

    page, axe = laptop_for_axe, Axe()

    def violations():
        return [
            (v["id"], v["nodes"][0]["html"][:120]) for v in axe.run(page).response["violations"]
        ]

    page.goto(f"{live_server}/worker/")
    page.fill("#paste", "HS 11359 F 05/02/2014\nJUNK LINE\nHS 11358 F 01/01/2012 02/02/2012 FRESNO")
    page.click("button[value=paste]")
    page.wait_for_selector("#paste-report")
    assert violations() == []
    page.fill("#offense_date-1", "02/31/2014")
    page.click(".row-actions button[value=save]")
    page.wait_for_selector("#error-summary")
    assert page.locator("#offense_date-1").get_attribute("aria-invalid") == "true"
    assert violations() == []
    page.fill("#offense_date-1", "")
    page.select_option("#level-2", "fel")
    page.click(".row-actions button[value=save]")
    page.wait_for_url("**/worker/questions")
    assert violations() == []


def test_switching_language_mid_table_keeps_what_was_typed(laptop, live_server):
    page = laptop
    page.goto(live_server + "/worker/")
    page.fill("#code-1", "HS 11359")
    page.fill("#offense_date-1", "05/02/2014")
    page.locator("#languages summary").click()
    page.locator("#languages a[lang=vi]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
    expect(page.locator("#code-1")).to_have_value("HS 11359")
    expect(page.locator("#offense_date-1")).to_have_value("05/02/2014")
