"""Worker mode's RAP sheet box in real Chromium, with JavaScript on and off: paste a sheet,
see the rows with their source lines, confirm, save, answer the follow-ups, reach the result."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

SHEET = (Path(__file__).resolve().parents[1] / "records" / "sheets" / "snippet_c.txt").read_text()


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def laptop(browser, request):
    # axe is injected as a script: this context bypasses the Content-Security-Policy for it.
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=request.param, bypass_csp=True
    )
    yield context.new_page(), request.param
    context.close()


def test_a_pasted_sheet_fills_rows_to_confirm_then_reaches_the_result(laptop, live_server):
    page, javascript = laptop
    from axe_playwright_python.sync_playwright import Axe

    page.set_default_timeout(10_000)
    page.goto(f"{live_server}/worker/")
    page.fill("#rap", SHEET)
    page.click("button[value=rap]")
    page.wait_for_selector("#rap-report")
    report = page.locator("#rap-report").inner_text()
    assert "3 rows filled from the RAP sheet" in report
    assert "Row 1: PC 664/11358, from lines 5–12 (case ••••0003)" in report
    assert "PC 290 registration is on the record" in report
    assert "SAMPLE" not in report and "A00000003" not in report
    assert [page.locator(f"#code-{n}").input_value() for n in (1, 2, 3)] == [
        "PC 664/11358",
        "PC 664/11358",
        "HS 11360",
    ]
    assert page.locator("#court-3").input_value() == "juv"
    assert page.locator("#rap").input_value().startswith("CII/")  # the worker's own text
    if javascript:  # axe runs as a script
        violations = [v["id"] for v in Axe().run(page).response["violations"]]
        assert violations == []
    # The other conviction, PC 496, is one click from a row.
    page.locator("details.other-convictions summary").click()
    page.click("button[value=rap-add-0]")
    page.wait_for_selector("#code-4")
    assert page.locator("#code-4").input_value() == "PC 496"
    page.click(".row-actions button[value=save]")
    page.wait_for_url("**/worker/questions")
    if javascript:
        # With JavaScript on, the follow-up pages are test_worker_browser.py's (keyboard walk);
        # here the saved rows must have reached them.
        assert "Row 1: PC 664/11358, Felony, 05/05/2015" in page.locator("main").inner_text()
        return
    page.wait_for_load_state("load")
    for _ in range(6):
        page.locator("#main-heading").wait_for()
        if page.url.endswith("/worker/result") or page.locator("article.card").count():
            break
        # Each row's own question (not the "answer once for all" shortcut): "No".
        names = (
            page.locator("input[type=radio][value=n]").evaluate_all(
                "radios => radios.map(r => r.id)"
            )
            if javascript
            else [
                radio.get_attribute("id")
                for radio in page.locator("input[type=radio][value=n]").all()
            ]
        )
        for radio_id in names:
            if not radio_id.startswith("all-"):
                page.locator(f"label[for='{radio_id}']").click()
        # A record fact the sheet left out (the age then, the level): "I'm not sure".
        for group in page.locator("main fieldset").all():
            if (
                not group.locator("input[value=n]").count()
                and group.locator("input[value=u]").count()
            ):
                group.locator("input[value=u]").check()
        # A date the record does not give (when the whole sentence ended): "?", as the hint says.
        for box in page.locator("main input[type=text]").all():
            box.fill("?")
        with page.expect_response(lambda r: "/worker/" in r.url):
            page.locator("main button[type=submit].button").last.click()
        page.wait_for_load_state("load")
    page.wait_for_url("**/worker/result")
    outcomes = page.locator("article.card").evaluate_all(
        "cards => cards.map(c => c.dataset.outcome)"
    )
    assert len(outcomes) == 4
