"""Pictures for a person to look at: the start, a question, an error and the result in
English, Spanish and Farsi on a 320 px phone, written to test-artifacts/screenshots/ (the run
prints the folder at the end)."""

import struct

import pytest
from a11y import context_args
from conftest import SCREENSHOTS
from tour import tour

pytestmark = pytest.mark.slow

WANTED = {
    "start": "1-start",
    "question where": "2-question",
    "error where (choice)": "3-error",
    "result": "4-result",
}


def png_size(path):
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


@pytest.mark.parametrize("language", ["en", "es", "fa"])
def test_screenshots_of_start_question_error_and_result_at_320px(
    browser, playwright, live_server, live_app, language
):
    context = browser.new_context(**context_args(playwright, "320"))
    context.set_default_timeout(10_000)
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    taken = []
    for name in tour(page, live_server, language, live_app):
        if name in WANTED:
            page.locator("details.languages").evaluate("d => d.open = false")  # as first seen
            path = SCREENSHOTS / f"{language}-{WANTED[name]}.png"
            path.unlink(missing_ok=True)
            page.screenshot(path=path, full_page=True)
            taken.append(path)
        if len(taken) == len(WANTED):
            break
    context.close()
    scale = context_args(playwright, "320")["device_scale_factor"]
    for path in taken:
        # The whole page is one phone wide: nothing pushed it sideways.
        width, height = png_size(path)
        assert width == 320 * scale and height >= 568 * scale, (path.name, width, height)
    assert len(taken) == len(WANTED)
