"""The keuzehulp in real headless Chromium: answering, URLs, history, no JavaScript, keyboard, print, axe.

The rules engine runs in Python at build time; the browser only applies the
conditions written into the page. ``test_python_and_browser_agree`` checks that
both give the same result for a few hundred answer combinations.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import axe_violations, describe
from guide_driver import ADVISOR, EXAMPLE, VISIBLE, expected, query, ready, shown, squash, step, walk

from mantelkaart.core import presentation

from support import REPO

SITE_URL = re.search(r"^site_url: (\S+)$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
EXAMPLE_SITE_URL = SITE_URL.group(1) if SITE_URL else "/"
BRIEF = "mantelzorger=25-of-ouder&naaste=oudere&wat=dementie&pauze=nacht&waar=buitenshuis&gemeente=dordrecht"
CONSULTANT = EXAMPLE.catalogue.consultant()
assert CONSULTANT is not None and CONSULTANT.phone
CONSULTANT_TEL = presentation.phone_href(CONSULTANT.phone)


def status(page: Any) -> str:
    return squash(page.locator("[data-mk-guide-status]").inner_text())


def checked(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("[data-mk-guide-form] input:checked")]
             .filter((i) => i.value).map((i) => [i.name, i.value]))"""
    )


def test_answering_questions_explains_why_and_ends_with_the_consultant(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/")
    announcer = page.locator("[data-mk-guide-status]")
    assert announcer.get_attribute("role") == "status" and announcer.get_attribute("aria-live") == "polite"
    assert step(page) == "wie" and shown(page) == []
    assert page.locator("[data-mk-guide-result]").is_hidden()
    walk(
        page,
        {
            "mantelzorger": "25 jaar of ouder",
            "naaste": "Iemand van 65 jaar of ouder",
            "wat": "Dementie",
            "pauze": "Een nacht of een weekend weg",
            "waar": "Ergens anders, bijvoorbeeld in een logeerhuis of op een dagbesteding",
            "gemeente": "Dordrecht",
        },
    )
    assert query(page.url) == query("?" + BRIEF)
    assert status(page) == (
        "Er zijn 2 mogelijkheden die bij uw antwoorden passen: Logeeropvang, Mantelzorgvakantie."
    )
    result = shown(page)
    assert result == expected(query(page.url))
    assert result[0]["why"] == (
        "Waarom? U wilt een nacht of een weekend weg. Uw naaste mag ergens anders naartoe. "
        "Logeeropvang past daarbij: uw naaste logeert een of meer nachten ergens anders."
    )
    # The result ends with a person to call.
    last = page.locator("[data-mk-guide-result] > :last-child")
    assert "Hulp bij kiezen" in last.inner_text()
    assert last.locator("a[href^='tel:']").get_attribute("href") == CONSULTANT_TEL
    assert page.outside_requests == []


def test_result_url_round_trip(page: Any, site_url: str) -> None:
    url = site_url + "keuzehulp/?" + BRIEF
    page.goto(url)
    assert step(page) == "uitkomst"
    assert checked(page) == query(url)
    assert shown(page) == expected(query(url))
    share = page.locator("[data-mk-guide-share]")
    assert share.get_attribute("href") == url and share.inner_text() == url
    answers = squash(page.locator("[data-mk-guide-answers]").inner_text())
    assert "Wat heeft uw naaste? Dementie" in answers and "Dordrecht" in answers


def test_unknown_and_empty_values_in_the_url_are_ignored(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?pauze=eeuwig&waar=&wat=dementie&x=<script>&hoe-vaak=vast")
    assert checked(page) == {"wat": "dementie"}  # 'hoe-vaak' is not asked without a break chosen
    assert shown(page) == expected({"wat": "dementie"})


def test_without_a_municipality_the_guide_asks_for_one(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?pauze=nacht&waar=buitenshuis")
    assert shown(page) == expected({"pauze": "nacht", "waar": "buitenshuis"})
    option = page.locator("[data-mk-option='respijtvorm-logeeropvang']")
    assert option.get_by_text("Kies de gemeente waar uw naaste woont.").is_visible()
    assert option.locator("[data-mk-no-offers]").is_hidden()


def test_an_option_without_offers_names_the_consultant_with_the_number(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?naaste=volwassene&pauze=nacht&waar=buitenshuis&gemeente=zwijndrecht")
    option = page.locator("[data-mk-option='respijtvorm-logeeropvang']")
    ready(page)
    assert option.locator("[data-mk-offer]").count() == 0  # nobody offers it to residents of Zwijndrecht
    none = option.locator("[data-mk-no-offers]")
    assert none.is_visible()
    assert CONSULTANT is not None and CONSULTANT.name in none.inner_text()
    assert none.locator("a[href^='tel:']").get_attribute("href") == CONSULTANT_TEL
    # ... and the municipality's own Wmo scheme, for adults
    assert option.locator("[data-mk-regulation='wmo-respijtzorg-zwijndrecht']").is_visible()


def test_offers_that_cannot_be_loaded_are_said_so(page: Any, site_url: str) -> None:
    page.route("**/keuzehulp/aanbod/*.json", lambda route: route.abort())
    page.goto(site_url + "keuzehulp/?" + BRIEF)
    ready(page)
    option = page.locator("[data-mk-option='respijtvorm-logeeropvang']")
    assert option.get_by_text("Het aanbod kon niet worden geladen.").is_visible()
    assert option.locator("[data-mk-case]:visible").count() == 1  # the advice itself still stands
    assert page.locator("[data-mk-guide-result] .mk-consultant").is_visible()


def test_back_and_forward(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?pauze=nacht&stap=waar")
    page.get_by_label("Thuis, bij mijn naaste", exact=True).check()
    page.locator("[data-mk-guide-next]").click()
    page.wait_for_url(re.compile(r"stap=gemeente"))
    second = page.url
    assert query(second) == {"pauze": "nacht", "waar": "thuis", "stap": "gemeente"}
    page.locator("[data-mk-guide-next]").click()
    page.wait_for_url(re.compile(r"waar=thuis$"))
    outcome = page.url
    assert [item["key"] for item in shown(page)] == [item["key"] for item in expected(query(outcome))]
    page.go_back()
    page.wait_for_url(second)
    assert step(page) == "gemeente"
    page.go_back()
    page.wait_for_url(re.compile(r"stap=waar$"))
    assert step(page) == "waar" and checked(page) == {"pauze": "nacht", "waar": "thuis"}
    page.go_forward()
    page.go_forward()
    page.wait_for_url(outcome)
    assert step(page) == "uitkomst"
    assert shown(page) == expected(query(outcome))


@pytest.fixture
def instant_page(browser: Any, example_site: Path) -> Iterator[Any]:
    """A page that sees the site at its own address (site_url), answered from the built folder.

    mkdocs-material navigates instantly only to the addresses in sitemap.xml (site_url's
    path, on the default port); on 127.0.0.1:<port> every link loads a new document. No
    request leaves the machine: the site's address is answered by Playwright from disk.
    """
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    outside: list[str] = []

    def answer(route: Any) -> None:
        url = route.request.url.split("?")[0].split("#")[0]
        if not url.startswith(EXAMPLE_SITE_URL):
            outside.append(url)
            route.abort()
            return
        path = example_site / url.removeprefix(EXAMPLE_SITE_URL)
        path = path / "index.html" if path.is_dir() else path
        if path.is_file():
            route.fulfill(path=str(path))
        else:
            route.fulfill(status=404, body="")

    context.route("**/*", answer)
    page = context.new_page()
    yield page
    context.close()
    assert outside == []


def forward(page: Any) -> None:
    """``page.go_forward()``; Chromium now and then answers while mkdocs-material swaps the page
    ("Not attached to an active page"): then once more, when the page has settled."""
    try:
        page.go_forward()
    except Exception as error:  # playwright's Error
        if "Not attached" not in str(error):
            raise
        page.wait_for_load_state()
        page.go_forward()


def test_instant_navigation_starts_the_guide(instant_page: Any) -> None:
    page = instant_page
    site_url = EXAMPLE_SITE_URL
    page.goto(site_url)
    page.wait_for_load_state("networkidle")  # the theme reads sitemap.xml before it navigates instantly
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="Naar de keuzehulp").click()
    page.wait_for_url(site_url + "keuzehulp/")
    page.wait_for_selector(".mk-guide--js")
    assert page.evaluate("window.sameDocument") is True  # instant navigation, no reload
    walk(page, {"pauze": "Iemand om mee te praten"})
    assert query(page.url) == {"pauze": "praten"}
    assert [item["key"] for item in shown(page)] == ["functie-emotionele-steun"]
    page.go_back()
    page.wait_for_url(re.compile(r"stap=gemeente"))
    assert step(page) == "gemeente"
    page.goto(site_url)
    page.go_back()
    page.wait_for_url(re.compile(r"stap=gemeente"))
    page.wait_for_selector(".mk-guide--js")
    assert step(page) == "gemeente"
    forward(page)
    forward(page)
    page.wait_for_url(site_url)
    # 'Opnieuw beginnen' in the same document forgets the answers.
    page.go_back()
    page.wait_for_url(re.compile(r"stap=gemeente"))
    page.locator("[data-mk-guide-next]").click()
    page.wait_for_url(re.compile(r"pauze=praten$"))
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="Opnieuw beginnen").click()
    page.wait_for_url(site_url + "keuzehulp/")
    assert step(page) == "wie" and checked(page) == {}
    assert page.evaluate("window.sameDocument") is True


@pytest.fixture
def no_js_page(browser: Any) -> Any:
    context = browser.new_context(
        locale="nl-NL", java_script_enabled=False, viewport={"width": 390, "height": 844}
    )
    yield context.new_page()
    context.close()


def test_without_javascript_every_option_says_when_it_fits(no_js_page: Any, site_url: str) -> None:
    page = no_js_page
    page.goto(site_url + "keuzehulp/")
    assert page.get_by_text("Uw browser voert geen JavaScript uit").is_visible()
    assert page.locator("[data-mk-question]:visible").count() == len(ADVISOR.questions)  # all at once
    options = page.locator("[data-mk-option]")
    assert options.count() == len(ADVISOR.options)
    for index in range(options.count()):
        option = options.nth(index)
        assert option.is_visible()
        assert "Past als u kiest:" in option.inner_text()
    logeren = squash(page.locator("[data-mk-option='respijtvorm-logeeropvang']").inner_text())
    assert (
        "Wat zoekt u? Een nacht of een weekend weg of Een paar dagen of langer weg, bijvoorbeeld op vakantie"
        in logeren
    )
    assert "Of als u kiest:" in logeren  # its second rule
    assert page.locator("[data-mk-case]").first.is_hidden()  # reasons need answers
    hint = page.locator("[data-mk-question='hoe-vaak'] .mk-guide__hint").last
    assert hint.inner_text().startswith("Alleen als u bij ‘Wat zoekt u?’ kiest:")
    more = page.get_by_role("link", name="Meer over Logeeropvang, met alle aanbieders in de regio")
    assert more.is_visible() and more.get_attribute("href") == "../respijtzorg/logeeropvang/"
    # The form still submits, with GET, to the same page.
    page.get_by_label("Een nacht of een weekend weg").check()
    page.get_by_role("button", name="Toon wat bij u past").click()
    page.wait_for_url(re.compile(r"pauze=nacht"))
    assert query(page.url)["pauze"] == "nacht"
    assert page.locator("[data-mk-option]").nth(0).is_visible()


def test_keyboard_only(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/")
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "wie":
            break
    else:
        pytest.fail("Tab never reached the first question")

    def focus_ring() -> tuple[str, str]:
        return tuple(
            page.evaluate(
                "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth] })()"
            )
        )

    assert focus_ring() == ("solid", "3px")
    page.keyboard.press("ArrowDown")  # from 'weet ik niet' (last) round to the first answer
    assert checked(page) == {"wie": "zelf"}
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Volgende"
    assert focus_ring() == ("solid", "3px")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"stap=mantelzorger"))
    assert page.evaluate("document.activeElement.textContent") == "Hoe oud bent u?"  # the new question
    page.keyboard.press("Tab")  # from the heading straight into the answers
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.name") == "mantelzorger"
    page.keyboard.press("Enter")  # Enter in a radio group submits the form: the next question
    page.wait_for_url(re.compile(r"stap=werk"))
    assert query(page.url)["mantelzorger"] == "jonger-dan-18"
    for _ in range(len(ADVISOR.questions)):  # leave the rest open: Tab to 'weet ik niet', Enter
        if step(page) == "uitkomst":
            break
        before = page.url
        assert page.evaluate("document.activeElement.tagName") == "H2"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.value") == ""
        page.keyboard.press("Enter")
        page.wait_for_function("(before) => location.href !== before", arg=before)
    assert step(page) == "uitkomst"
    assert page.evaluate("document.activeElement.innerText.trim()") == "Wat bij u past"
    page.keyboard.press("Tab")  # straight on into the result
    assert page.evaluate("document.activeElement.closest('[data-mk-guide-result]') !== null")


def test_print_shows_only_the_answer_with_links_written_out(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?" + BRIEF)
    ready(page)
    page.emulate_media(media="print")
    for hidden in (
        "[data-mk-guide-form]",
        ".mk-guide__intro",
        "[data-mk-guide-status]",
        ".md-sidebar--primary",
        ".mk-guide__restart",
    ):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("[data-mk-guide-answers]").is_visible()
    option = page.locator("[data-mk-option='respijtvorm-logeeropvang']")
    assert option.is_visible()
    assert page.locator("[data-mk-option]:visible").count() == len(expected(query("?" + BRIEF)))
    title = option.locator("h3 a")
    after = title.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert after == f'" ({site_url}respijtzorg/logeeropvang/)"'
    offer = option.locator("[data-mk-offer='het-parkhuis/logeerzorg'] a.mk-item__title")
    assert "aanbod/het-parkhuis/logeerzorg/" in offer.evaluate(
        "(a) => getComputedStyle(a, '::after').content"
    )
    assert "078 000 0107" in option.inner_text()  # phone numbers are written out as text
    consultant = page.locator("[data-mk-guide-result] .mk-consultant")
    assert consultant.is_visible() and presentation.phone_text(CONSULTANT.phone) in consultant.inner_text()  # type: ignore[union-attr,arg-type]
    assert page.locator("[data-mk-guide-share]").inner_text() == page.url
    assert len(page.pdf()) > 1000  # Chromium can actually print it


@pytest.mark.parametrize(
    "answers",
    [
        "",
        "?stap=wat",
        "?" + BRIEF,
        "?pauze=praten&gemeente=sliedrecht",
        "?naaste=kind&pauze=eeuwig",
        "?stap=uitkomst",
    ],
)
def test_no_wcag_violations(page: Any, site_url: str, answers: str) -> None:
    page.goto(site_url + "keuzehulp/" + answers)
    ready(page)  # offers are in
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_no_wcag_violations_without_javascript(browser: Any, site_url: str) -> None:
    """axe needs script, so the no-script view is made by hand: the script's class removed."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "keuzehulp/")
    page.evaluate("document.querySelector('[data-mk-guide]').classList.remove('mk-guide--js')")
    shown_without_script = (
        "[data-mk-option], [data-mk-question], [data-mk-guide-form], [data-mk-guide-result], .mk-guide__intro"
    )
    page.evaluate(
        "(s) => document.querySelectorAll(s).forEach((o) => { o.hidden = false })", shown_without_script
    )
    violations = axe_violations(page)
    context.close()
    assert violations == [], describe(violations)


def combinations() -> list[dict[str, str]]:
    """Every combination of the break questions and the two ages, the others rotating, plus a random sample."""
    values = {ask.id: ["", *(c.id for c in ask.choices)] for ask in ADVISOR.questions}
    combos = []
    for number, (pauze, waar, naaste, carer) in enumerate(
        itertools.product(values["pauze"], values["waar"], values["naaste"], values["mantelzorger"])
    ):
        rotating = {
            q: values[q][(number * (index + 2)) % len(values[q])]
            for index, q in enumerate(["wie", "werk", "wat", "hoe-vaak", "gemeente"])
        }
        combos.append({**rotating, "pauze": pauze, "waar": waar, "naaste": naaste, "mantelzorger": carer})
    chance = random.Random(20261123)
    combos += [{q: chance.choice(v) for q, v in values.items()} for _ in range(200)]
    return combos


def test_python_and_browser_agree(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/")
    page.wait_for_selector(".mk-guide--js")
    combos = combinations()
    assert len(combos) >= 300
    results = page.evaluate(
        f"""async (combos) => {{
            const results = [];
            for (const answers of combos) {{
                await window.mantelkaartGuide.show(answers);
                results.push(({VISIBLE})());
            }}
            return results;
        }}""",
        combos,
    )
    disagree = []
    nonempty = 0
    for answers, result in zip(combos, results, strict=True):
        result = [dict(item, why=squash(item["why"])) for item in result]
        want = expected({q: a for q, a in answers.items() if a})
        nonempty += bool(want)
        if result != want:
            disagree.append((answers, result, want))
    assert not disagree, disagree[:3]
    assert nonempty > 100  # most combinations have a result: the comparison is not vacuous
