"""A person walks the whole questionnaire in each language: every page they meet (questions,
problems, the list, check answers, the result, the plain-text summary, error pages, worker
mode) is in that language, with the right lang and dir, and says honestly that the translation
is unreviewed. Switching language at any step keeps every answer."""

import re
from html import unescape
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.numbers import format_currency
from i18n_texts import catalog, english_on, shown_strings, visible_text
from webwalk import EXAMPLES, TODAY, answers_for_case, case_named, person_answers, screen_of

from webapp import create_app, review_notice
from webapp.i18n import LANGUAGES, RIGHT_TO_LEFT
from webapp.labels import COUNTIES

CODES = [code for code in LANGUAGES if code != "en"]
# Between them these meet every question type, the loop, a person question and all result parts.
WALKED = ["02-sale-felony-2013-reduced", "04-cultivation-plants-unknown"]


def translated(code, english):
    for message in catalog(code):
        if message.id == english:
            return message.string
    raise AssertionError(f"{english!r} is not in the {code} catalog")


def html_tag(html):
    return re.search(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">", html).groups()


class Walker:
    """The test client, keeping every page met on the way."""

    def __init__(self, client):
        self.client, self.pages = client, []

    def get(self, url, **kwargs):
        response = self.client.get(url, **kwargs)
        self.pages.append((url, response.status_code, response.get_data(as_text=True)))
        return response

    def post(self, url, data):
        response = self.client.post(url, data=data)
        if response.headers.get("Location") == url:  # refused: shown once, with its errors
            response = self.client.get(url)
        if response.status_code != 303:
            self.pages.append((url, response.status_code, response.get_data(as_text=True)))
        return response

    def answer_until(self, location, answers, show_problem=False):
        """GET each question page, optionally send it empty first (its problem messages),
        then answer it; stop at the list or the check page."""
        for _ in range(60):
            if location.split("?")[0] in ("/convictions", "/check"):
                return location
            self.get(location)
            if show_problem:
                assert (
                    self.post(location, {"year": "", "answer": "", "detail": "x" * 45}).status_code
                    == 200
                )
            response = self.post(location, answers[screen_of(location)])
            assert response.status_code == 303, location
            location = response.headers["Location"]
        raise AssertionError("the walk never ended")

    def walk(self, case, show_problems=False):
        self.get("/")
        for number, conviction in enumerate(case["convictions"]):
            response = self.post("/begin" if number == 0 else "/convictions", {"answer": "y"})
            end = self.answer_until(
                response.headers["Location"], answers_for_case(conviction), show_problems
            )
            assert end == "/convictions"
            self.get("/convictions")
        if show_problems:
            assert self.post("/convictions", {}).status_code == 200
        response = self.post("/convictions", {"answer": "n"})
        end = self.answer_until(
            response.headers["Location"], person_answers(case["person"]), show_problems
        )
        assert end == "/check"
        self.get("/check")
        assert self.get("/result").status_code == 200
        self.get("/summary.txt")


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("name", WALKED)
def test_a_whole_walk_shows_no_english(client, code, name):
    client.get(f"/lang/{code}?next=/")
    walker = Walker(client)
    walker.walk(case_named(name), show_problems=name == WALKED[0])
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    left = {}
    for url, _status, html in walker.pages:
        if url != "/summary.txt":
            assert html_tag(html) == (code.replace("_", "-"), direction), url
        english = english_on(html, code)
        if english:
            left[url] = english
    assert not left, f"English on {code} pages: {left}"


@pytest.mark.parametrize("code", CODES)
def test_error_pages_and_worker_mode_show_no_english(app, code):
    guarded = create_app({"TESTING": True, "SECRET_KEY": "test-key"}).test_client()
    client = app.test_client()
    for each in (client, guarded):
        each.get(f"/lang/{code}?next=/")
    pages = []
    pages.append(client.get("/no-such-page"))  # 404
    pages.append(client.get("/lang/xx?next=/"))  # 404 for a language we lack
    pages.append(client.get("/begin"))  # 405
    pages.append(client.post("/begin", data={"x": "y" * 70_000}))  # 413
    pages.append(guarded.post("/begin"))  # CSRF: the page was open too long
    pages.append(client.get("/worker/"))
    pages.append(client.post("/worker/", data={"action": "save"}, follow_redirects=True))
    # Unreadable answers: the language went with the cookie; the browser's language remains.
    client.set_cookie("fs", "not-a-signed-cookie")
    pages.append(client.get("/", headers={"Accept-Language": code.replace("_", "-")}))
    left = {}
    for response in pages:
        html = response.get_data(as_text=True)
        assert response.status_code < 500
        assert html_tag(html)[0] == code.replace("_", "-")
        if english := english_on(html, code):
            left[(response.request.method, response.request.path, response.status_code)] = english
    assert not left, f"English on {code} pages: {left}"


def test_an_unknown_language_code_is_a_404_in_the_current_language(client):
    client.get("/lang/vi?next=/")
    for code in ("xx", "tl", "EN", "zh", "en-US"):
        response = client.get(f"/lang/{code}?next=/")
        assert response.status_code == 404, code
        assert translated("vi", "Page not found") in response.get_data(as_text=True)


# --- switching language keeps every answer -------------------------------------------------


def answered_to(client, stop):
    """Answer example 02 from the start until the screen `stop` (answered too)."""
    answers = answers_for_case(case_named(WALKED[0])["convictions"][0])
    location = client.post("/begin").headers["Location"]
    while True:
        screen = screen_of(location)
        next_location = client.post(location, data=answers[screen]).headers["Location"]
        if screen == stop:
            return location, answers[screen]
        location = next_location


KEPT = {  # how each question type shows a kept answer
    "where": lambda data: f'value="{data["answer"]}" checked',  # choice
    "county": lambda data: f'value="{data["answer"]}" selected',  # select
    "offense": lambda data: f'value="{data["detail"]}"',  # choice + text
    "convicted": lambda data: f'id="year" name="year" value="{data["year"]}"',  # date
    "level": lambda data: f'value="{data["answer"]}" checked',  # choice
    "probation-revoked": lambda data: f'value="{data["answer"]}" checked',  # yes/no/unsure
}


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("screen", list(KEPT))
def test_switching_language_at_a_question_keeps_its_answer(client, screen, htmx):
    location, data = answered_to(client, screen)
    headers = {"HX-Request": "true"} if htmx else {}
    for code in ("fa", "es", "zh_Hant"):
        switched = client.get(f"/lang/{code}", query_string={"next": location}, headers=headers)
        assert switched.status_code == 303 and switched.headers["Location"] == location
        html = client.get(location, headers=headers).get_data(as_text=True)
        if not htmx:
            assert html_tag(html)[0] == code.replace("_", "-")
        title = str(translated(code, "Which court convicted you?")) if screen == "where" else None
        assert KEPT[screen](data) in html, (code, screen)
        if title:
            assert title in html
        if screen == "convicted":
            assert f'value="{data["month"]}" selected' in html


def test_switching_on_the_list_check_and_result_pages_keeps_every_answer(client):
    case = case_named(WALKED[0])
    walker = Walker(client)
    walker.walk(case)
    english_check = client.get("/check").get_data(as_text=True)
    outcome = re.search(r'data-outcome="([^"]+)"', client.get("/result").get_data(as_text=True))
    for code in ("ar", "ko", "en"):
        for page in ("/convictions", "/check", "/result"):
            assert (
                client.get(f"/lang/{code}", query_string={"next": page}).headers["Location"] == page
            )
            html = client.get(page).get_data(as_text=True)
            assert html_tag(html)[0] == code
            if page == "/check":
                # Every answer still there: as many rows, none "not answered yet".
                assert html.count("<dt>") == english_check.count("<dt>")
                assert (
                    str(
                        translated(code, "Not answered yet") if code != "en" else "Not answered yet"
                    )
                    not in html
                )
            if page == "/result":
                assert f'data-outcome="{outcome.group(1)}"' in html


def test_the_switcher_is_a_full_page_load_outside_the_htmx_region(client):
    html = client.get("/").get_data(as_text=True)
    header = html[html.index("<header") : html.index("</header>")]
    links = re.findall(r'<a href="(/lang/[^"]+)"([^>]*)>', header)
    assert len(links) == len(LANGUAGES) and all('hx-boost="false"' in rest for _h, rest in links)
    assert "<main" not in header


# --- the review notice --------------------------------------------------------------------------


@pytest.mark.parametrize("code", CODES)
def test_an_unreviewed_translation_says_so_with_english_one_tap_away(app, client, code):
    with app.test_request_context():
        english_notice = str(review_notice.NOTICE)
    client.post("/begin")
    client.post("/c/1/where", data={"answer": "ca"})
    client.get(f"/lang/{code}?next=/")
    html = client.get("/c/1/court").get_data(as_text=True)
    notice = re.search(r'<p class="review-notice" id="review-notice">(.*?)</p>', html, re.S)
    assert notice, "no review notice"
    assert translated(code, english_notice) in notice.group(1)
    link = re.search(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', notice.group(1))
    assert link.group(2) == translated(code, "Read this page in English")
    back = client.get(link.group(1).replace("&amp;", "&"))
    assert back.headers["Location"] == "/c/1/court"
    english = client.get("/c/1/court").get_data(as_text=True)
    assert html_tag(english) == ("en", "ltr") and 'id="review-notice"' not in english
    assert "Were you an adult, or was it in juvenile court?" in english
    assert client.get("/c/1/where").get_data(as_text=True).count('value="ca" checked') == 1


def test_a_reviewed_translation_has_no_notice(client, monkeypatch):
    status = {code: "unreviewed" for code in CODES} | {"es": "reviewed"}
    monkeypatch.setattr(review_notice, "review_status", lambda: status)
    client.get("/lang/es?next=/")
    assert 'id="review-notice"' not in client.get("/").get_data(as_text=True)
    client.get("/lang/vi?next=/")
    assert 'id="review-notice"' in client.get("/").get_data(as_text=True)


# --- right to left, dates and money -------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(RIGHT_TO_LEFT))
def test_codes_and_citations_stay_left_to_right_on_rtl_pages(client, code):
    client.get(f"/lang/{code}?next=/")
    Walker(client).walk(case_named(WALKED[0]))
    html = client.get("/result").get_data(as_text=True)
    # The offense in the card heading, every citation, and section numbers inside sentences.
    assert (
        '(<bdi dir="ltr">HS 11360</bdi>)' in re.sub(r"\s+", " ", html)
        or '<bdi dir="ltr">HS 11360</bdi>' in html
    )
    cites = re.findall(r"<cite([^>]*)>", html)
    assert cites and all('dir="ltr"' in attributes for attributes in cites)
    assert re.search(r'<bdi dir="ltr">HS 11361\.8\([a-z]\)</bdi>', html)
    assert '<bdi dir="ltr">CR-400</bdi>' in html
    check = client.get("/check").get_data(as_text=True)
    assert '<bdi dir="ltr">HS 11360</bdi>' in check


def test_ltr_pages_carry_no_isolation_markup(client):
    client.get("/lang/es?next=/")
    Walker(client).walk(case_named(WALKED[0]))
    assert "<bdi" not in client.get("/result").get_data(as_text=True)


@pytest.mark.parametrize("code", ["es", "zh_Hans", "vi", "ru", "fa", "ar"])
def test_dates_and_money_are_written_the_local_way(client, code):
    client.get(f"/lang/{code}?next=/")
    Walker(client).walk(case_named(WALKED[0]))
    html = client.get("/result").get_data(as_text=True)
    assert format_date(TODAY, "long", locale=code) in html
    fee = format_currency(25, "USD", locale=code)
    assert fee in html.replace("&#39;", "'")
    assert "$25." not in html.replace(fee, "")


def test_css_uses_logical_properties_only():
    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "app.css").read_text()
    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:"
        r"|(?:float|text-align|clear)\s*:\s*(?:left|right)",
        css,
    )
    assert not physical, physical


# --- nothing bypasses the catalog -------------------------------------------------------------


def pseudo(english):
    """Every ASCII letter made full-width, placeholders and tags kept: 'Yes' -> 'Ｙｅｓ'."""
    keep = re.compile(r"(%\([a-z0-9_]+\)[sd]|%[sd]|\{[a-z0-9_]+\}|<[^>]+>|&[a-z]+;)")
    return "".join(
        part
        if keep.fullmatch(part)
        else "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in part)
        for part in keep.split(english)
    )


@pytest.fixture(scope="module")
def pseudo_app(tmp_path_factory):
    """The app with a made-up 'ru' catalog translating every string the code shows into
    full-width letters (and Russian dates from Babel): any plain ASCII word left on a page
    reached the person without passing through the catalog."""
    fake = Catalog(locale="ru")
    for msgid in shown_strings():
        fake.add(
            msgid, tuple(pseudo(s) for s in msgid) if isinstance(msgid, tuple) else pseudo(msgid)
        )
    folder = tmp_path_factory.mktemp("pseudo") / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as handle:
        write_mo(handle, fake)
    return create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "test-key",
            "BABEL_TRANSLATION_DIRECTORIES": str(folder.parent.parent),
        }
    )


# Names that are the same in every language: the brand and California's counties.
PROPER_NAMES = re.compile("|".join(["Fresh Start", *sorted(COUNTIES, key=len, reverse=True)]))


@pytest.mark.parametrize(
    "name", sorted(p.name.removesuffix(".case.json") for p in EXAMPLES.glob("*.case.json"))
)
def test_every_word_on_every_page_comes_through_the_catalog(pseudo_app, name):
    client = pseudo_app.test_client()
    client.get("/lang/ru?next=/")
    walker = Walker(client)
    case = case_named(name)
    walker.walk(case, show_problems=True)
    walker.get("/no-such-page")
    walker.get("/worker/")
    walker.post("/worker/", {"action": "save"})
    # Citations are the statute's own names (HS 11361.8(a), former HS 11357(b)): not words.
    citations = {
        unescape(c).replace("\u00a0", " ")  # kept whole with no-break spaces
        for _u, _s, html in walker.pages
        for c in re.findall(r"<cite[^>]*>([^<]*)</cite>", html)
    }
    # The code section as the person typed it ("Health and Safety Code 11358") is theirs.
    citations |= {conviction["offense"] for conviction in case["convictions"]}
    left = {}
    for url, _status, html in walker.pages:
        text = PROPER_NAMES.sub(" ", visible_text(html))
        for citation in sorted(citations, key=len, reverse=True):
            text = text.replace(citation, " ")
        text = re.sub(r"\([0-9A-Za-z]{1,4}\)", " ", text)  # subsections: (b), (iii)
        words = re.findall(r"[A-Za-z]{3,}", text)
        if words:
            left[url] = words[:8]
    assert not left, f"words that bypass the catalog: {left}"


def test_read_this_page_in_english_shows_it_in_english_and_offers_the_way_back(client):
    client.post("/begin")
    client.post("/c/1/where", data={"answer": "ca"})
    client.get("/lang/es?next=/")
    html = client.get("/c/1/court").get_data(as_text=True)
    notice = re.search(r'<p class="review-notice" id="review-notice">(.*?)</p>', html, re.S)
    link = re.search(r'<a href="([^"]+)"', notice.group(1)).group(1).replace("&amp;", "&")
    assert client.get(link).headers["Location"] == "/c/1/court"
    english = client.get("/c/1/court").get_data(as_text=True)
    assert html_tag(english) == ("en", "ltr")
    back = re.search(
        r'<p class="review-notice" id="back-language"><a href="([^"]+)"[^>]*>([^<]+)</a>', english
    )
    assert back and back.group(2) == "Idioma: Español"
    assert client.get(back.group(1).replace("&amp;", "&")).headers["Location"] == "/c/1/court"
    assert html_tag(client.get("/c/1/court").get_data(as_text=True)) == ("es", "ltr")
    # Choosing English from the menu is a choice, not a visit: no way back offered then.
    client.get("/lang/en?next=/")
    assert 'id="back-language"' not in client.get("/").get_data(as_text=True)
