"""In a real browser: a whole walk breaks no rule of the Content-Security-Policy, and Quick exit
and Start over leave nothing about the person in cookies or any kind of web storage."""

import pytest
from test_walk import example, fill, walk
from webwalk import answers_for_case, person_answers

from webapp import create_app

pytestmark = pytest.mark.slow
PIXEL = [("Pixel 7", True)]
TYPED = "HS 11359 ZZQX"
STORAGE = """async () => ({
    local: localStorage.length, session: Object.entries(sessionStorage),
    indexedDB: (await indexedDB.databases()).length,
    caches: self.caches ? (await caches.keys()).length : 0,
})"""
EMPTY = {"local": 0, "session": [], "indexedDB": 0, "caches": 0}
# htmx notes the page it is on (a path, never an answer) in the tab's sessionStorage.
ON_THE_START_PAGE = {**EMPTY, "session": [["htmx-current-path-for-history", "/"]]}
LISTEN = """document.addEventListener('securitypolicyviolation',
    e => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));"""


def watch_csp(page):
    """Every CSP violation, from the DOM event and from Chromium's console messages."""
    violations = []
    page.context.expose_function("reportViolation", lambda text: violations.append(text))
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(str(error)))
    return violations


def stored_state(page):
    """The state cookie's contents as the server would read them (None when there is none)."""
    cookies = [c for c in page.context.cookies() if c["name"] == "fs"]
    if not cookies:
        return None
    app = create_app({"SECRET_KEY": "browser-test-key"})  # live_server's key
    return app.session_interface.get_signing_serializer(app).loads(cookies[0]["value"])


def answer_one_conviction(page, base):
    case, _expected = example("02-sale-felony-2013-reduced")
    answers = answers_for_case(case["convictions"][0])
    answers["offense"] = {**answers["offense"], "detail": TYPED}
    page.goto(base + "/")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/c/1/where")
    assert walk(page, base, answers, javascript=True) == "/convictions"
    return case


@pytest.mark.parametrize("phone", PIXEL, indirect=True)
def test_a_whole_walk_breaks_no_csp_rule(phone, live_server):
    page = phone
    violations = watch_csp(page)
    case = answer_one_conviction(page, live_server)
    fill(page, {"answer": "n"})
    assert walk(page, live_server, person_answers(case["person"]), javascript=True) == "/check"
    page.goto(live_server + "/result")
    page.locator("#main-heading").wait_for()
    page.goto(live_server + "/lang/es?next=/check")
    page.locator("#main-heading").wait_for()
    page.goto(live_server + "/worker/")
    page.locator("#main-heading").wait_for()
    assert violations == []
    # The listener works: a third-party image is refused and reported.
    with page.expect_console_message(lambda message: "example.com" in message.text):
        page.evaluate(
            "document.body.insertAdjacentHTML('beforeend', "
            "'<img src=\"https://example.com/x.png\">')"
        )
    assert any("img-src" in v or "example.com" in v for v in violations), violations


@pytest.mark.parametrize("phone", PIXEL, indirect=True)
def test_quick_exit_leaves_no_cookie_and_no_storage(phone, live_server):
    page = phone
    page.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(body="neutral", content_type="text/plain"),
    )
    answer_one_conviction(page, live_server)
    assert TYPED in str(stored_state(page))  # the answers were in the cookie
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://www.google.com/**")
    assert page.context.cookies() == []
    page.goto(live_server + "/static/css/app.css")  # on the origin, without touching the state
    assert page.evaluate(STORAGE) == EMPTY
    assert page.context.cookies() == []
    # The next person on a shared phone, opening the page that showed the typed code section:
    page.goto(live_server + "/c/1/offense")
    assert "Your answers have expired" in page.locator("#main-heading").inner_text()
    assert TYPED not in page.content()


@pytest.mark.parametrize("phone", PIXEL, indirect=True)
@pytest.mark.parametrize("language", [None, "es"])
def test_start_over_leaves_nothing_but_a_fresh_form_token(phone, live_server, language):
    page = phone
    answer_one_conviction(page, live_server)
    if language:
        page.goto(f"{live_server}/lang/{language}?next=/convictions")
    # Start over asks first (issue 15): the header link, then the confirmation page's button.
    page.locator("header a.start-over").click()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server + "/")
    page.locator("#main-heading").wait_for()
    # The start page's own forms need a CSRF token, kept in the cookie; nothing else stays
    # but the chosen language.
    left = stored_state(page) or {}
    assert set(left) <= {"csrf_token", "l"}, left
    assert left.get("l") == language
    assert page.evaluate(STORAGE) == ON_THE_START_PAGE
    page.goto(live_server + "/check")
    assert page.url == live_server + "/"  # no answers to check
