"""Phones, large text, forced colours, reduced motion, along the whole tour:
- at 320 CSS px with text at 200 %: no sideways scrolling, nothing cut off (WCAG 1.4.4, 1.4.10;
  worker mode's record table is a data table and scrolls inside its own region by design);
- every tap target at least 44 x 44 CSS px (stricter than 2.5.8's 24 px). Exempt, precisely:
  a link inside a sentence (its paragraph or list item has other words); a radio button or
  checkbox is measured with its label, which selects it too;
- forced colours: no contrast failure, focus still drawn (an outline: box shadows vanish),
  outcome cards keep their borders and their words;
- reduced motion: nothing moves; nothing flashes, refreshes or leaves on a timer."""

import pytest
from a11y import axe_run, context_args, describe, sideways_scroll
from tour import tour

pytestmark = pytest.mark.slow

BIG_TEXT = "document.documentElement.style.fontSize = '200%'"
# One exception, by design (issue 15: the header stays one line on a 320 px phone): the hint
# beside "Language", the same word in the other ten languages, ends in an ellipsis at the edge.
# Every language's own name is in the menu it opens, which wraps and is checked here.
CLIPPED = """() => [...document.body.querySelectorAll('*')].filter(e => {
  if (e.closest('.visually-hidden') || e.closest('.language-words') || !e.getClientRects().length || ['SELECT', 'INPUT', 'TEXTAREA'].includes(e.tagName)) return false;
  const s = getComputedStyle(e);
  const x = ['hidden', 'clip'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
  const y = ['hidden', 'clip'].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
  return x || y;
}).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 40))"""
# Lines of text drawn over each other (a fixed line height smaller than the text).
CRAMPED = """() => [...document.body.querySelectorAll('*')].filter(e => {
  if (!e.getClientRects().length || e.closest('.visually-hidden')) return false;
  const s = getComputedStyle(e);
  return s.lineHeight.endsWith('px') && parseFloat(s.lineHeight) < parseFloat(s.fontSize) * 1.1
         && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
}).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + e.textContent.trim().slice(0, 40))"""
SMALL_TARGETS = """() => {
  const words = e => (e.textContent || '').replace(/\\s+/g, ' ').trim();
  const visible = e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
                       && !e.closest('.visually-hidden, details:not([open]) > :not(summary)');
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, select, textarea, summary, input:not([type=hidden])')) {
    if (!visible(el) || el.matches('.skip-link')) continue;
    let box = el.getBoundingClientRect(), what = el;
    if (el.matches('a')) {
      // A link inside a sentence: its paragraph or list item has words of its own.
      const block = el.closest('p, li, dd, dt, td, th');
      let own = '';
      if (block) {
        const texts = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        while (texts.nextNode())
          if (!texts.currentNode.parentElement.closest('a, button, select, label, .visually-hidden')) own += texts.currentNode.textContent;
      }
      if (own.trim()) continue;
    }
    if (el.matches('input[type=radio], input[type=checkbox]')) {
      if (!el.labels.length) { small.push('unlabelled ' + el.id); continue; }
      what = el.labels[0];
      const a = el.getBoundingClientRect(), b = what.getBoundingClientRect();
      box = {width: Math.max(a.right, b.right) - Math.min(a.left, b.left),
             height: Math.max(b.height, a.height)};
    }
    if (box.width < 43.5 || box.height < 43.5)
      small.push(`${el.tagName.toLowerCase()}#${el.id} ${Math.round(box.width)}x${Math.round(box.height)} ${words(what).slice(0, 40)}`);
  }
  return small;
}"""


def phone_context(browser, playwright, viewport, **extra):
    context = browser.new_context(**context_args(playwright, viewport), **extra)
    context.set_default_timeout(10_000)
    return context


@pytest.mark.parametrize("language", ["en", "fa"])
def test_text_at_200_percent_on_a_320px_phone_fits_and_nothing_is_cut_off(
    browser, playwright, live_server, live_app, language
):
    context = phone_context(browser, playwright, "320")
    page, problems = context.new_page(), []
    for name in tour(page, live_server, language, live_app):
        page.evaluate(BIG_TEXT)
        for kind, found in (
            ("sideways", sideways_scroll(page)),
            ("cut off", page.evaluate(CLIPPED)),
            ("lines overlap", page.evaluate(CRAMPED)),
        ):
            problems += [f"[{name}] {kind}: {line}" for line in found]
    context.close()
    assert problems == [], f"{language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language,viewport", [("en", "320"), ("fa", "412"), ("es", "desktop")])
def test_every_tap_target_is_at_least_44_by_44(
    browser, playwright, live_server, live_app, language, viewport
):
    context = phone_context(browser, playwright, viewport)
    page, problems = context.new_page(), []
    for name in tour(page, live_server, language, live_app):
        problems += [f"[{name}] {line}" for line in page.evaluate(SMALL_TARGETS)]
        if name == "start":
            # The skip link is a target once it shows (on focus).
            page.locator(".skip-link").focus()
            box = page.locator(".skip-link").bounding_box()
            if box["width"] < 43.5 or box["height"] < 43.5:
                problems.append(f"[start] skip link {box['width']:.0f}x{box['height']:.0f}")
            page.locator(".skip-link").blur()
    context.close()
    assert problems == [], f"{language} at {viewport}:\n" + "\n".join(sorted(set(problems)))


FORCED = """() => ({
  focus: (() => { const b = document.querySelector('main button, main a[href]'); b.focus();
                  const s = getComputedStyle(b); return [s.outlineStyle, parseFloat(s.outlineWidth)]; })(),
  buttons: [...document.querySelectorAll('.button')].filter(b => b.getClientRects().length)
    .map(b => getComputedStyle(b)).filter(s => s.borderTopStyle === 'none' || parseFloat(s.borderTopWidth) < 1).length,
  cards: [...document.querySelectorAll('article[data-outcome]')].map(c => {
    const s = getComputedStyle(c);
    return [s.borderInlineStartStyle, parseFloat(s.borderInlineStartWidth), c.querySelector('.outcome').textContent.trim().length];
  }),
})"""


@pytest.mark.parametrize("language", ["en", "ar"])
def test_forced_colours_keep_contrast_focus_and_outcomes(
    browser, playwright, live_server, live_app, language
):
    context = phone_context(browser, playwright, "412", forced_colors="active", bypass_csp=True)
    page, problems = context.new_page(), []
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    for name in tour(page, live_server, language, live_app, errors_in_flow=False):
        if name.startswith("worker") or "(print)" in name:
            continue
        result = axe_run(
            page,
            {"runOnly": ["color-contrast", "link-in-text-block"], "resultTypes": ["violations"]},
        )
        problems += [f"[{name}] {line}" for line in describe(result["violations"])]
        facts = page.evaluate(FORCED)
        if facts["focus"][0] == "none" or facts["focus"][1] < 2:
            problems.append(f"[{name}] focus not drawn in forced colours: {facts['focus']}")
        if facts["buttons"]:
            problems.append(
                f"[{name}] {facts['buttons']} buttons have no border to show their shape"
            )
        for style, width, words in facts["cards"]:
            if style == "none" or width < 2 or not words:
                problems.append(
                    f"[{name}] outcome card without border or words: {style} {width} {words}"
                )
        if name == "result" and len(facts["cards"]) < 4:
            problems.append("the result should show four cards")
    context.close()
    assert problems == [], "\n".join(problems)


def test_reduced_motion_nothing_moves_flashes_or_times_out(
    browser, playwright, live_server, live_app
):
    context = phone_context(browser, playwright, "412", reduced_motion="reduce")
    page, problems = context.new_page(), []
    for name in tour(page, live_server, "en", live_app, errors_in_flow=False):
        moving = page.evaluate("""() => ({
            animations: document.getAnimations().length,
            transitions: [...document.querySelectorAll('*')].filter(e => parseFloat(getComputedStyle(e).transitionDuration) > 0
                                                                 || getComputedStyle(e).animationName !== 'none').length,
            smooth: getComputedStyle(document.documentElement).scrollBehavior !== 'auto',
            refresh: document.querySelectorAll('meta[http-equiv=refresh i], marquee, blink, video[autoplay], audio[autoplay]').length})""")
        if any(moving.values()):
            problems.append(f"[{name}] {moving}")
    context.close()
    assert problems == [], "\n".join(problems)
    # Time: the start page says up front how long answers are kept (60 minutes without
    # activity); no page refreshes or leaves on a timer of its own.
    context = phone_context(browser, playwright, "412")
    page = context.new_page()
    page.clock.install()
    page.goto(live_server + "/")
    assert "60" in page.locator("main").inner_text()
    before = page.content()
    page.clock.run_for("02:00:00")
    assert page.url == live_server + "/" and page.content() == before
    context.close()
