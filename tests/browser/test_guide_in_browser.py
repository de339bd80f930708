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
from urllib.parse import parse_qs, urlsplit

import pytest
from browsing import axe_violations, describe

from mantelkaart.guide import Advisor

from support import REPO, load

EXAMPLE = load(REPO)
ADVISOR = Advisor(EXAMPLE.catalogue.guide.guide, EXAMPLE.catalogue)  # type: ignore[union-attr]
SITE_URL = re.search(r"^site_url: (\S+)$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
EXAMPLE_SITE_URL = SITE_URL.group(1) if SITE_URL else "/"
BRIEF = "voor=dementie&pauze=nacht&waar=buitenshuis&gemeente=dordrecht"

VISIBLE = """() => [...document.querySelectorAll("[data-mk-option]")]
  .filter((o) => o.checkVisibility())
  .map((o) => ({
    key: o.dataset.mkOption,
    why: o.querySelector("[data-mk-case]:not([hidden])").innerText,
    offers: [...o.querySelectorAll("[data-mk-offer]")].filter((e) => e.checkVisibility()).map((e) => e.dataset.mkOffer),
    regulations: [...o.querySelectorAll("[data-mk-regulation]")]
      .filter((e) => e.checkVisibility()).map((e) => e.dataset.mkRegulation),
  }))"""


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def expected(answers: dict[str, str]) -> list[dict[str, Any]]:
    """What Python decides for ``answers``, in the shape VISIBLE reads from the page."""
    advice = ADVISOR.advise(answers)
    if advice.empty:
        return []
    return [
        {
            "key": fit.option.key,
            "why": squash("Waarom? " + " ".join(fit.reasons)),
            "offers": [offer.key for offer in fit.offers],
            "regulations": [rid for rid, _ in fit.regulations],
        }
        for fit in advice.fits
    ]


def shown(page: Any) -> list[dict[str, Any]]:
    page.wait_for_selector("[data-mk-guide][data-mk-state=ready]", state="attached")
    return [dict(item, why=squash(item["why"])) for item in page.evaluate(VISIBLE)]


def status(page: Any) -> str:
    return squash(page.locator("[data-mk-guide-status]").inner_text())


def checked(page: Any) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll("[data-mk-guide-form] input:checked")]
             .filter((i) => i.value).map((i) => [i.name, i.value]))"""
    )


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_answering_questions_explains_why_and_ends_with_the_consultant(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/")
    announcer = page.locator("[data-mk-guide-status]")
    assert announcer.get_attribute("role") == "status" and announcer.get_attribute("aria-live") == "polite"
    assert status(page).startswith("Beantwoord een of meer vragen")
    assert shown(page) == []
    page.get_by_label("Iemand met dementie").check()
    page.get_by_label("Een nacht of langer").check()
    page.get_by_label("Ergens anders, bijvoorbeeld in een logeerhuis of op een dagbesteding").check()
    page.get_by_role("radio", name="Dordrecht").check()
    page.get_by_role("button", name="Toon wat bij u past").click()
    page.wait_for_url(re.compile(r"\?"))
    assert query(page.url) == query("?" + BRIEF)
    assert status(page) == "Er is 1 mogelijkheid die bij uw antwoorden past: Logeeropvang."
    result = shown(page)
    assert result == expected(query(page.url))
    assert result[0]["why"] == (
        "Waarom? U zoekt een pauze van een nacht of langer. Uw naaste mag ergens anders naartoe. "
        "Logeeropvang past daarbij: uw naaste logeert een of meer nachten ergens anders."
    )
    # The result ends with a person to call.
    last = page.locator("[data-mk-guide-result] > :last-child")
    assert "Hulp bij kiezen" in last.inner_text()
    assert last.locator("a[href^='tel:']").get_attribute("href") == "tel:+31780000001"
    assert page.outside_requests == []


def test_result_url_round_trip(page: Any, site_url: str) -> None:
    url = site_url + "keuzehulp/?" + BRIEF
    page.goto(url)
    assert checked(page) == query(url)
    assert shown(page) == expected(query(url))
    share = page.locator("[data-mk-guide-share]")
    assert share.get_attribute("href") == url and share.inner_text() == url
    answers = squash(page.locator("[data-mk-guide-answers]").inner_text())
    assert "Voor wie zorgt u? Iemand met dementie" in answers and "Dordrecht" in answers


def test_unknown_and_empty_values_in_the_url_are_ignored(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?pauze=eeuwig&waar=&voor=dementie&x=<script>")
    assert checked(page) == {"voor": "dementie"}
    assert shown(page) == expected({"voor": "dementie"})


def test_without_a_municipality_the_guide_asks_for_one(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?pauze=nacht&waar=buitenshuis")
    assert shown(page) == expected({"pauze": "nacht", "waar": "buitenshuis"})
    option = page.locator("[data-mk-option='respijtvorm-logeeropvang']")
    assert option.get_by_text("Kies de gemeente waar uw naaste woont.").is_visible()
    assert option.locator("[data-mk-no-offers]").is_hidden()


def test_offers_that_cannot_be_loaded_are_said_so(page: Any, site_url: str) -> None:
    page.route("**/keuzehulp/aanbod/*.json", lambda route: route.abort())
    page.goto(site_url + "keuzehulp/?" + BRIEF)
    page.wait_for_selector("[data-mk-guide][data-mk-state=ready]", state="attached")
    option = page.locator("[data-mk-option='respijtvorm-logeeropvang']")
    assert option.get_by_text("Het aanbod kon niet worden geladen.").is_visible()
    assert option.locator("[data-mk-case]:visible").count() == 1  # the advice itself still stands
    assert page.locator("[data-mk-guide-result] .mk-consultant").is_visible()


def test_back_and_forward(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/")
    submit = page.get_by_role("button", name="Toon wat bij u past")
    page.check("input[name=pauze][value=nacht]")
    page.check("input[name=waar][value=buitenshuis]")
    submit.click()
    first = page.url
    page.check("input[name=pauze][value=uren]")
    page.check("input[name=waar][value=thuis]")
    submit.click()
    second = page.url
    assert first != second and query(second) == {"pauze": "uren", "waar": "thuis"}
    page.go_back()
    page.wait_for_url(first)
    assert checked(page) == {"pauze": "nacht", "waar": "buitenshuis"}
    assert shown(page) == expected(query(first))
    page.go_back()
    page.wait_for_url(site_url + "keuzehulp/")
    assert checked(page) == {} and shown(page) == []
    page.go_forward()
    page.go_forward()
    page.wait_for_url(second)
    assert checked(page) == {"pauze": "uren", "waar": "thuis"}
    assert [item["key"] for item in shown(page)] == [item["key"] for item in expected(query(second))]


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
    page.check("input[name=pauze][value=praten]")
    page.get_by_role("button", name="Toon wat bij u past").click()
    page.wait_for_url(re.compile(r"pauze=praten"))
    assert [item["key"] for item in shown(page)] == ["functie-emotionele-steun"]
    page.go_back()
    page.go_back()
    page.wait_for_url(site_url)
    page.go_forward()
    page.go_forward()
    page.wait_for_url(re.compile(r"pauze=praten"))
    page.wait_for_selector(".mk-guide--js")
    assert [item["key"] for item in shown(page)] == ["functie-emotionele-steun"]


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
    options = page.locator("[data-mk-option]")
    assert options.count() == len(ADVISOR.options)
    for index in range(options.count()):
        option = options.nth(index)
        assert option.is_visible()
        assert "Past als u kiest:" in option.inner_text()
    logeren = squash(page.locator("[data-mk-option='respijtvorm-logeeropvang']").inner_text())
    assert "Wat voor pauze zoekt u? Een nacht of langer of Zelf een paar dagen weg" in logeren
    assert "Of als u kiest:" in logeren  # its second rule
    assert page.locator("[data-mk-case]").first.is_hidden()  # reasons need answers
    more = page.get_by_role("link", name="Meer over Logeeropvang, met alle aanbieders in de regio")
    assert more.is_visible() and more.get_attribute("href") == "../respijtzorg/logeeropvang/"
    # The form still submits, with GET, to the same page.
    page.get_by_label("Een nacht of langer").check()
    page.get_by_role("button", name="Toon wat bij u past").click()
    page.wait_for_url(re.compile(r"pauze=nacht"))
    assert query(page.url)["pauze"] == "nacht"
    assert page.locator("[data-mk-option]").nth(0).is_visible()


def test_keyboard_only(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/")
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "voor":
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
    assert checked(page) == {"voor": "dementie"}
    page.keyboard.press("Tab")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    for _ in range(2):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # how often: no answer
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    assert checked(page) == query("?" + BRIEF)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Toon wat bij u past"
    assert focus_ring() == ("solid", "3px")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"gemeente=dordrecht"))
    assert shown(page) == expected(query("?" + BRIEF))
    page.keyboard.press("Tab")  # straight on into the result
    assert page.evaluate("document.activeElement.closest('[data-mk-guide-result]') !== null")


def test_print_shows_only_the_answer_with_links_written_out(page: Any, site_url: str) -> None:
    page.goto(site_url + "keuzehulp/?" + BRIEF)
    page.wait_for_selector("[data-mk-guide][data-mk-state=ready]", state="attached")
    page.emulate_media(media="print")
    for hidden in (
        "[data-mk-guide-form]",
        ".mk-guide__intro",
        "[data-mk-guide-status]",
        ".md-sidebar--primary",
    ):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("[data-mk-guide-answers]").is_visible()
    option = page.locator("[data-mk-option='respijtvorm-logeeropvang']")
    assert option.is_visible()
    assert page.locator("[data-mk-option]:visible").count() == 1
    title = option.locator("h3 a")
    after = title.evaluate("(a) => getComputedStyle(a, '::after').content")
    assert after == f'" ({site_url}respijtzorg/logeeropvang/)"'
    offer = option.locator("[data-mk-offer='het-parkhuis/logeerzorg'] a.mk-item__title")
    assert "aanbod/het-parkhuis/logeerzorg/" in offer.evaluate(
        "(a) => getComputedStyle(a, '::after').content"
    )
    assert "078 000 0107" in option.inner_text()  # phone numbers are written out as text
    consultant = page.locator("[data-mk-guide-result] .mk-consultant")
    assert consultant.is_visible() and "078 000 0001" in consultant.inner_text()
    assert page.locator("[data-mk-guide-share]").inner_text() == page.url
    assert len(page.pdf()) > 1000  # Chromium can actually print it


@pytest.mark.parametrize(
    "answers", ["", "?" + BRIEF, "?pauze=praten&gemeente=sliedrecht", "?voor=kind&pauze=eeuwig"]
)
def test_no_wcag_violations(page: Any, site_url: str, answers: str) -> None:
    page.goto(site_url + "keuzehulp/" + answers)
    page.wait_for_selector("[data-mk-guide][data-mk-state=ready]", state="attached")  # offers are in
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_no_wcag_violations_without_javascript(browser: Any, site_url: str) -> None:
    """axe needs script, so the no-script view is made by hand: the script's class removed."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + "keuzehulp/")
    page.evaluate("document.querySelector('[data-mk-guide]').classList.remove('mk-guide--js')")
    page.evaluate("document.querySelectorAll('[data-mk-option]').forEach((o) => { o.hidden = false })")
    violations = axe_violations(page)
    context.close()
    assert violations == [], describe(violations)


def combinations() -> list[dict[str, str]]:
    """Every combination of the three break questions, with the others rotating, plus a random sample."""
    values = {ask.id: ["", *(c.id for c in ask.choices)] for ask in ADVISOR.questions}
    combos = []
    for number, (pauze, waar, often) in enumerate(
        itertools.product(values["pauze"], values["waar"], values["hoe-vaak"])
    ):
        voor = values["voor"][number % len(values["voor"])]
        gemeente = values["gemeente"][(number * 3) % len(values["gemeente"])]
        combos.append({"voor": voor, "pauze": pauze, "waar": waar, "hoe-vaak": often, "gemeente": gemeente})
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
