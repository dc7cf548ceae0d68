"""Keyboard only: a whole walk from the start page to the result with Tab, Shift+Tab, Space,
Enter (and the arrow keys a radio group and a select answer to), with JavaScript on and off.
Every control that takes the focus shows it; the skip link works; Tab never gets stuck; after
each htmx swap the focus is on the new heading; the error summary takes the focus and its
links move it to the field."""

import pytest
from a11y import context_args
from tour import begin, convictions_for_the_tour, fill, settled, submit
from webwalk import answers_for_case

pytestmark = pytest.mark.slow

# What a focused control shows: an outline (kept in forced colours) or a ring, and whether
# something else covers it (WCAG 2.4.11, focus not obscured).
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const covered = !(top && (el.contains(top) || top.contains(el) || (el.labels && [...el.labels].some(l => l.contains(top)))));
  return {tag: el.tagName.toLowerCase(), id: el.id, inMain: !!el.closest('main'), type: el.type || '', value: el.value || '',
          text: (el.innerText || '').trim().slice(0, 60),
          outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
          ring: style.boxShadow !== 'none',
          onScreen: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
          covered};
}"""


@pytest.fixture
def keyboard_page(browser, playwright, request):
    viewport, javascript = request.param
    context = browser.new_context(
        **context_args(playwright, viewport), java_script_enabled=javascript
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.javascript = javascript
    yield page
    context.close()


def focus_state(page):
    return page.evaluate(FOCUS_STATE)


def check_focus_visible(state, where):
    assert state["outline"] >= 2 or state["ring"], f"{where}: no visible focus on {state}"
    assert state["onScreen"] and not state["covered"], f"{where}: focused control hidden {state}"


def press(page, key, where=""):
    """Press a key; whatever then has the focus must show it."""
    page.keyboard.press(key)
    state = focus_state(page)
    if state and state["id"] not in ("main-heading", "main", "error-summary"):
        check_focus_visible(state, where or page.url)
    return state


def tab_until(page, wanted, key="Tab", most=60):
    """Tab (or Shift+Tab) until `wanted(state)` (unless it already holds); every stop on the
    way shows its focus."""
    state = focus_state(page)
    if state and wanted(state):
        return state
    for _ in range(most):
        state = press(page, key)
        if state and wanted(state):
            return state
    raise AssertionError(f"never reached the control (last: {focus_state(page)})")


def after_navigation(page, before):
    """The page changed: with htmx the focus is on the new heading, without it on nothing."""
    before = before.split("#")[0]
    page.wait_for_url(lambda url: url.split("#")[0] != before)
    page.locator("#main-heading").wait_for()
    if page.javascript:
        settled(page)
        for _ in range(40):
            if (focus_state(page) or {}).get("id") in ("main-heading", "error-summary"):
                break
            page.wait_for_timeout(25)
        assert focus_state(page)["id"] == "main-heading", (
            f"focus after the swap: {focus_state(page)}"
        )
        # The tab's title follows: it names the new question.
        assert page.title().startswith(page.locator("#main-heading").inner_text().strip())


def choose(page, value):
    """Tab into a radio group and move to the answer with the arrow keys (Space if first)."""
    state = tab_until(page, lambda s: s["type"] == "radio")
    for _ in range(12):
        if state["value"] == value:
            break
        state = press(page, "ArrowDown")
    assert state["value"] == value
    page.keyboard.press("Space")
    assert page.locator(f"#answer-{value}").is_checked()


def choose_in_select(page, element_id, value):
    tab_until(page, lambda s: s["id"] == element_id)
    for _ in range(80):
        if page.locator(f"#{element_id}").input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value} not reached in #{element_id}")


def send(page, key="Enter"):
    """Tab to the form's submit button and press it (Enter, or Space)."""
    before = page.url
    tab_until(
        page,
        lambda s: (
            s["tag"] == "button"
            and s["type"] == "submit"
            and page.evaluate("document.activeElement.closest('form').hasAttribute('novalidate')")
        ),
    )
    page.keyboard.press(key)
    after_navigation(page, before)


def answer_with_keys(page, data):
    for name, value in data.items():
        if name == "answer":
            if page.locator("select#answer").count():
                choose_in_select(page, "answer", value)
            else:
                choose(page, value)
        elif name in ("detail", "year") and value:
            tab_until(page, lambda s, n=name: s["id"] == n)
            page.keyboard.type(value)
        elif name == "month" and value:
            choose_in_select(page, "month", value)
        elif name == "unsure":
            tab_until(page, lambda s: s["id"] == "unsure")
            page.keyboard.press("Space")


KEYBOARDS = [("desktop", True), ("desktop", False), ("320", True)]


@pytest.mark.parametrize(
    "keyboard_page",
    KEYBOARDS,
    indirect=True,
    ids=[f"{v}-{'js' if j else 'nojs'}" for v, j in KEYBOARDS],
)
def test_a_whole_walk_to_the_result_with_the_keyboard_only(keyboard_page, live_server):
    page = keyboard_page
    page.goto(live_server + "/")
    # The first Tab reaches the skip link, shown on screen; Enter moves into <main>.
    state = press(page, "Tab")
    assert state["id"] == "" and page.evaluate("document.activeElement.matches('.skip-link')")
    page.keyboard.press("Enter")
    assert focus_state(page)["id"] == "main"
    state = press(page, "Tab")
    assert page.evaluate("!!document.activeElement.closest('main')"), state
    # Start now is a button: Space presses it.
    state = tab_until(page, lambda s: s["tag"] == "button")
    before = page.url
    page.keyboard.press("Space")
    after_navigation(page, before)

    answers = answers_for_case(convictions_for_the_tour()[0])
    keys = iter(["Enter", "Space"] * 40)
    for _ in range(30):
        path = page.url.removeprefix(live_server).split("?")[0]
        if path == "/convictions":
            break
        answer_with_keys(page, answers[path.rsplit("/", 1)[-1]])
        send(page, next(keys))
    else:
        raise AssertionError("the conviction never ended")
    choose(page, "n")  # no other conviction
    send(page)
    while "/about-you/" in page.url:
        choose(page, "n")
        send(page, next(keys))
    assert page.url.endswith("/check")
    # Shift+Tab works too: go past the link, come back to it, follow it with Enter.
    tab_until(page, lambda s: s["tag"] == "a" and s["text"] == "See my result")
    press(page, "Tab")
    tab_until(
        page,
        lambda s: s["tag"] == "a" and "/result" in page.evaluate("document.activeElement.href"),
        key="Shift+Tab",
    )
    before = page.url
    page.keyboard.press("Enter")
    after_navigation(page, before)
    assert page.locator("article[data-outcome]").first.get_attribute("data-outcome") == "dismiss"
    # The reasons open from the keyboard.
    tab_until(page, lambda s: s["tag"] == "summary" and s["inMain"])
    page.keyboard.press("Enter")
    assert page.locator("details.why").first.evaluate("d => d.open")


# Every control Tab should stop at, in the page's order (one radio per group: the checked
# one, or the first when none is).
FOCUSABLES = """() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
  .filter(e => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
          && !(e.closest('details:not([open])') && !e.matches('details > summary'))
          && !(e.type === 'radio' && e !== (document.querySelector(`input[type=radio][name="${e.name}"]:checked`)
                                            || document.querySelector(`input[type=radio][name="${e.name}"]`))))"""


NAME = "e => e.id || (e.name ? e.name + '=' + e.value : (e.textContent || '').trim().slice(0, 30))"


def focusable_names(page):
    return page.evaluate(f"({FOCUSABLES})().map({NAME})")


def focus_the(page, which):
    page.evaluate(f"({FOCUSABLES})().at({which}).focus()")


def name_of_focused(page):
    return page.evaluate(f"({NAME})(document.activeElement)")


def walk_the_tab_order(page, key, first):
    """From the `first` control (0, or -1 for the last), press `key` until the focus leaves
    the page or comes round again; [(name, state)] of every stop."""
    focus_the(page, first)
    stops = [(name_of_focused(page), focus_state(page))]
    for _ in range(200):
        page.keyboard.press(key)
        state = focus_state(page)
        if state is None:
            return stops
        name = name_of_focused(page)
        if name == stops[0][0]:
            return stops  # came round again: the page lets go of the focus
        stops.append((name, state))
    raise AssertionError(f"Tab never left the page: {[n for n, _ in stops][-10:]}")


@pytest.mark.parametrize("keyboard_page", [("412", True)], indirect=True, ids=["412-js"])
@pytest.mark.parametrize("where", ["/", "/c/1/where?error", "/worker/"])
def test_tab_visits_every_control_shows_the_focus_and_never_traps_it(
    keyboard_page, live_server, where
):
    page = keyboard_page
    path, _, error = where.partition("?")
    page.goto(live_server + "/")
    if path != "/":
        begin(page)
        page.goto(live_server + path)
    if error:
        with page.expect_response(lambda r: r.request.method == "POST"):
            page.locator("main form[novalidate] button[type=submit]").click()
        page.locator("#error-summary").wait_for()
    settled(page)
    expected = focusable_names(page)
    assert expected[0] == page.locator(".skip-link").inner_text()
    forwards = walk_the_tab_order(page, "Tab", 0)
    assert [n for n, _ in forwards] == expected
    for name, state in forwards:
        check_focus_visible(state, f"{where} {name}")
    backwards = walk_the_tab_order(page, "Shift+Tab", -1)
    assert [n for n, _ in backwards] == expected[::-1]


@pytest.mark.parametrize(
    "keyboard_page", [("412", True), ("412", False)], indirect=True, ids=["js", "nojs"]
)
@pytest.mark.parametrize(
    "screen,field", [("where", "answer-ca"), ("county", "answer"), ("convicted", "year")]
)
def test_the_error_summary_takes_the_focus_and_its_link_moves_to_the_field(
    keyboard_page, live_server, screen, field
):
    page = keyboard_page
    page.goto(live_server + "/")
    begin(page)
    answers, order = (
        answers_for_case(convictions_for_the_tour()[0]),
        list(answers_for_case({"offense": ""})),
    )
    for step in order[: order.index(screen)]:
        fill(page, answers[step])
        submit(page, live_server)
    if screen == "convicted":
        page.fill("#year", "20x1")
    tab_until(
        page,
        lambda s: (
            s["tag"] == "button"
            and s["type"] == "submit"
            and page.evaluate("document.activeElement.closest('form').hasAttribute('novalidate')")
        ),
    )
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.keyboard.press("Enter")
    page.locator("#error-summary").wait_for()
    settled(page)
    for _ in range(40):
        if (focus_state(page) or {}).get("id") == "error-summary":
            break
        page.wait_for_timeout(25)
    assert focus_state(page)["id"] == "error-summary"
    state = press(page, "Tab")
    assert state["tag"] == "a" and page.evaluate(
        "!!document.activeElement.closest('#error-summary')"
    )
    page.keyboard.press("Enter")
    assert focus_state(page)["id"] == field
    # The question itself is on screen, not scrolled away above the field.
    assert page.locator("#main-heading").evaluate("h => h.getBoundingClientRect().top >= 0")
