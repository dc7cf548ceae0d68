"""axe-core on every kind of page in every language, at 320 px, 412 px and laptop width:
start, each question type and its error state, the convictions loop with several convictions,
check answers, the result with mixed outcomes and a conviction that is not for cannabis (its
paths folded and open, and its print view), the error pages and
worker mode. Zero violations of WCAG 2.2 A/AA rules, and no page scrolls sideways."""

import pytest
from a11y import VIEWPORTS, axe_run, context_args, describe, sideways_scroll
from conftest import AXE_CHECKED
from tour import tour

from webapp.i18n import LANGUAGES

pytestmark = pytest.mark.slow


@pytest.fixture
def axe_page(browser, playwright, viewport):
    # axe is injected as a script: only these contexts bypass the Content-Security-Policy.
    context = browser.new_context(**context_args(playwright, viewport), bypass_csp=True)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_page_passes_axe(axe_page, live_server, live_app, language, viewport):
    page, failures, checked = axe_page, [], AXE_CHECKED["pages"][(language, viewport)]
    for name in tour(page, live_server, language, live_app):
        result = axe_run(page)
        AXE_CHECKED["version"] = result["version"]
        checked.add(name)
        failures += [f"[{name}] {line}" for line in describe(result["violations"])]
        failures += [f"[{name}] reflow: {line}" for line in sideways_scroll(page)]
    # The tour really went everywhere: every question type, its errors, and all the ends.
    assert {
        "start",
        "check",
        "result",
        "result (collapsed)",
        "result (print)",
        "check-back",
        "error 404",
        "error CSRF",
        "error 413",
        "worker questions",
    } <= checked
    assert {n for n in checked if n.startswith("error ") and "(" in n} >= {
        "error where (choice)",
        "error county (select)",
        "error offense (text)",
        "error convicted (date)",
    }
    assert failures == [], f"{language} at {viewport}:\n" + "\n".join(failures)
