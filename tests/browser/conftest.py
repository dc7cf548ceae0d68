"""Browser fixtures: Debian's Chromium (Playwright cannot download one here) and the app on a
live local server, as a person's phone would reach it."""

import os
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from webapp import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))  # webwalk helpers

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ARGS}


@pytest.fixture(scope="session")
def live_app():
    # Not TESTING: CSRF on, as in production.
    return create_app({"SECRET_KEY": "browser-test-key"})


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def phone(browser, playwright, request):
    """A new private browsing context on a phone: request.param = (device name, JavaScript on)."""
    device_name, javascript = request.param
    device = {
        k: v for k, v in playwright.devices[device_name].items() if k != "default_browser_type"
    }
    context = browser.new_context(**device, java_script_enabled=javascript)
    page = context.new_page()
    yield page
    context.close()


# --- what the accessibility run checked, printed at the end so a person can see it ---------

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE_CHECKED = {"version": None, "pages": defaultdict(set)}  # (language, viewport) -> page names


def pytest_terminal_summary(terminalreporter):
    checked = AXE_CHECKED["pages"]
    if checked:
        languages = {language for language, _ in checked}
        viewports = {viewport for _, viewport in checked}
        pages = set().union(*checked.values())
        total = sum(len(names) for names in checked.values())
        terminalreporter.write_sep("-", "accessibility")
        terminalreporter.write_line(
            f"axe-core {AXE_CHECKED['version']} (WCAG 2.2 A/AA tags): {len(pages)} pages x "
            f"{len(languages)} languages x {len(viewports)} viewports = {total} page checks, "
            f"viewports {', '.join(sorted(viewports))}"
        )
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.iterdir()):
        terminalreporter.write_line(f"screenshots for a person to look at: {SCREENSHOTS}")
