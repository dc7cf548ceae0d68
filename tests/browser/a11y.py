"""Shared accessibility helpers: axe (the engine shipped inside axe-playwright-python, so it
runs offline), the viewports residents use, and small page measurements."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
_AXE_SCRIPT = Axe().axe_script
# Phones by their CSS width (Playwright's device profiles) and a laptop.
VIEWPORTS = {"320": "iPhone SE", "412": "Pixel 7", "desktop": {"width": 1280, "height": 800}}


def context_args(playwright, viewport):
    device = VIEWPORTS[viewport]
    if isinstance(device, dict):
        return {"viewport": device}
    return {k: v for k, v in playwright.devices[device].items() if k != "default_browser_type"}


def axe_run(page, options=AXE_OPTIONS):
    """axe-core's result (violations only) for the page as it is now. The script is added
    once per document: htmx swaps keep the document, so later runs reuse it."""
    if page.evaluate("typeof window.axe") == "undefined":
        page.evaluate(_AXE_SCRIPT)
    return page.evaluate(
        "o => axe.run(document, o).then(r => ({violations: r.violations,"
        " version: r.testEngine.version}))",
        options,
    )


def describe(violations):
    """One readable line per failing node: rule, impact, the element, what to fix."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(
                f"{violation['id']} ({violation['impact']}): {node['html'][:160]} -> {summary[:240]}"
            )
    return lines


# Elements reaching past the viewport's sides, except inside a container that scrolls
# sideways by design (worker mode's record table) and visually hidden text.
_OUTSIDE = """width => {
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || el.closest('.visually-hidden') || (el.matches('.skip-link') && el !== document.activeElement)) continue;
    if (box.left >= -1 && box.right <= width + 1) continue;
    let scroller = el.parentElement;
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
    if (scroller && scroller !== document.body && scroller !== document.documentElement) continue;
    found.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/ +/g, '.') : '') + ` [${Math.round(box.left)}..${Math.round(box.right)}] ` + (el.textContent || '').trim().slice(0, 40));
  }
  return found;
}"""


def outside_viewport(page):
    """What sticks out of the screen's width (a phone widens its layout to fit such things,
    so the page then scrolls sideways)."""
    return page.evaluate(_OUTSIDE, page.viewport_size["width"])


def sideways_scroll(page):
    """[] when the page fits the screen's width; else the page width and what sticks out."""
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= page.viewport_size["width"]:
        return []
    return [f"page is {width}px wide"] + outside_viewport(page)[:12]
