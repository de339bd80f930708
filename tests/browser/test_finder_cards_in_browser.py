"""The finder's result cards, order, filters and dead end in real Chromium (issue 10, part 4).

The page fixture is a phone (390×844); some tests widen it to a desktop (1280 px).
"""

from __future__ import annotations

import re
from typing import Any

from browsing import axe_violations, describe
from finder_driver import (
    OFFERS,
    open_filters,
    open_finder,
    rendered,
    result_count,
    shown,
    shown_names,
)

from mantelkaart.core.config import NATIONWIDE
from mantelkaart.finder.cards import card

from support import REPO
from support import load as load_site

CATALOGUE = load_site(REPO).catalogue
CLOSED = [n for n, o in enumerate(OFFERS) if o.service.status == "tijdelijk-gesloten"]

# What a card shows, element by element: tag, class, text (white space between the
# template's elements left out) and link (resolved).
CARD_PARTS = """(item) => [item, ...item.querySelectorAll('*')].map((node) => [
    node.tagName, node.className, node.textContent.replace(/\\s+/g, ''),
    node.getAttribute('href') ? new URL(node.getAttribute('href'), location.href).href : '',
])"""

SERVER_CARDS = """(parts) => {
    const text = document.querySelector('noscript.mk-finder__all').textContent;
    const plain = new DOMParser().parseFromString(text, 'text/html');
    const describe = eval(parts);
    return [...plain.querySelectorAll('li[data-i]')].map((item) => [Number(item.dataset.i), describe(item)]);
}"""


def show_all(page: Any) -> None:
    while page.is_visible(".mk-finder__more"):
        rendered(page, lambda: page.click(".mk-finder__more"))


def status(page: Any) -> str:
    page.wait_for_function("document.querySelector('.mk-finder__status').textContent !== ''")
    return page.inner_text(".mk-finder__status")


def test_cards_made_by_the_script_match_the_pages_own(page: Any, site_url: str) -> None:
    # The page without its first results: every card on screen is made by finder.js.
    url = site_url + "zoeken/"
    html = page.request.get(url).text()
    html = re.sub(r'(<ol class="mk-list mk-finder__results"[^>]*>).*?(</ol>)', r"\1\2", html, flags=re.S)
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    page.route("**/bewaarlijst.js", lambda route: route.abort())  # its Bewaar button goes on every card alike
    open_finder(page, site_url)
    show_all(page)
    made = page.eval_on_selector_all(
        ".mk-finder__results > li[data-i]",
        f"items => items.map(item => [Number(item.dataset.i), ({CARD_PARTS})(item)])",
    )
    server = dict((number, parts) for number, parts in page.evaluate(SERVER_CARDS, CARD_PARTS))
    assert len(made) == len(OFFERS) == len(server)
    for number, parts in made:
        assert parts == server[number], OFFERS[number].service.name


def test_a_card_has_place_cost_phone_and_the_closed_badge(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=logeren")
    first = page.locator(".mk-finder__results > li[data-i]").first
    offer = OFFERS[shown(page)[0]]
    expected = card(CATALOGUE, offer)
    assert first.locator(".mk-item__place").inner_text() == expected.place
    assert first.locator(".mk-item__cost").inner_text() == expected.cost
    assert first.locator(".mk-item__phone a").get_attribute("href") == expected.phone_href
    assert first.locator(".mk-item__phone a").get_attribute("href").startswith("tel:+31")
    assert first.locator(".mk-item__provider").inner_text() == offer.provider.name
    assert expected.indication and first.locator(".mk-item__indication").inner_text() == expected.indication
    open_finder(page, site_url, "?zoek=dagopvang")
    badges = page.eval_on_selector_all(
        ".mk-finder__results > li[data-i]",
        "items => items.map(i => [Number(i.dataset.i), !!i.querySelector('.mk-badge')])",
    )
    assert [number for number, badge in badges if badge] == [n for n, _ in badges if n in CLOSED] != []
    assert page.inner_text(".mk-finder__results .mk-badge") == "Tijdelijk gesloten"


def test_order_without_words_is_active_first_then_the_municipalitys_own_then_name(
    page: Any, site_url: str
) -> None:
    open_finder(page, site_url)
    show_all(page)
    assert shown(page)[-len(CLOSED) :] == CLOSED  # temporarily closed last
    open_finder(page, site_url, "?gemeente=zwijndrecht")
    show_all(page)

    def rank(number: int) -> int:
        area = OFFERS[number].service.area
        if NATIONWIDE in area:
            return 2
        towns = {location.city for location in OFFERS[number].locations}
        return 0 if area == ["zwijndrecht"] or "Zwijndrecht" in towns else 1

    serving = [n for n, o in enumerate(OFFERS) if o.serves("zwijndrecht")]
    expected = sorted(serving, key=lambda n: (n in CLOSED, rank(n), n))
    assert shown(page) == expected
    assert OFFERS[expected[0]].provider.name == "Gemeente Zwijndrecht"  # its own first (jeugdteam, Wmo-loket)
    assert rank(expected[-1]) == 2


def test_with_words_relevance_orders_but_a_closed_service_never_tops(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=mijn+man+heeft+dementie")
    show_all(page)
    numbers = shown(page)
    assert numbers and numbers[0] not in CLOSED
    found_closed = [n for n in numbers if n in CLOSED]
    assert numbers[len(numbers) - len(found_closed) :] == found_closed


def test_municipality_is_shown_in_the_drop_down_and_the_status(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?gemeente=zwijndrecht")
    assert page.input_value("#mk-f-gemeente") == "zwijndrecht"
    assert "in Zwijndrecht" in status(page)
    open_finder(page, site_url, "?zoek=logeren+Dordrecht")
    assert page.input_value("#mk-f-gemeente") == "dordrecht"
    assert "in Dordrecht" in status(page)
    # Words that name another municipality move the drop-down with them; none clears it.
    rendered(page, lambda: page.fill("#mk-q", "logeren Papendrecht"), query="logeren Papendrecht")
    assert page.input_value("#mk-f-gemeente") == "papendrecht"
    rendered(page, lambda: page.fill("#mk-q", "logeren"), query="logeren")
    assert page.input_value("#mk-f-gemeente") == ""
    page.wait_for_function("!document.querySelector('.mk-finder__status').textContent.includes(' in ')")


def test_facet_counts_agree_with_the_results(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?gemeente=dordrecht")
    open_filters(page)
    checked = 0
    for key in ("hulp", "kosten", "doelgroep", "indicatie"):
        details = page.locator(f"details.mk-facet[data-facet='{key}']")
        if not details.count():
            continue
        details.locator("summary").click()
        for box in details.locator("input[type=checkbox]").all():
            box_id = box.get_attribute("id")
            count = int(page.inner_text(f"label[for='{box_id}'] .mk-count").strip("()"))
            rendered(page, box.check)
            assert result_count(page) == count, box_id
            rendered(page, box.uncheck)
            checked += 1
    assert checked > 20
    first = page.eval_on_selector("details[data-facet='indicatie'] input", "box => box.value")
    assert first == "nee"  # "Zonder indicatie" first
    labels = page.eval_on_selector_all(
        ".mk-facet label", "labels => labels.map(l => l.firstChild.textContent.trim())"
    )
    assert labels.count("Gratis") == 1  # one cost facet


def test_links_to_the_facets_before_they_merged_still_work(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?vorm=logeeropvang&functie=informatie")
    assert page.is_checked("#mk-f-hulp-logeeropvang") and page.is_checked("#mk-f-hulp-informatie")
    expected = [
        n
        for n, o in enumerate(OFFERS)
        if o.service.respite_form == "logeeropvang" or "informatie" in o.service.functions
    ]
    assert shown(page) == expected[:30] and len(expected) > 5
    open_finder(page, site_url, "?betaald=pgb")
    assert page.is_checked("#mk-f-kosten-pgb")
    assert shown(page) == [n for n, o in enumerate(OFFERS) if "pgb" in o.service.cost.paid_by] != []


def test_phone_first_result_on_the_first_screen_filters_behind_one_button(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=logeren")
    top = page.eval_on_selector(
        ".mk-finder__results > li[data-i]", "item => item.getBoundingClientRect().top"
    )
    assert 0 < top < 844 - 60
    toggle = page.locator(".mk-finder__filters-toggle")
    assert page.evaluate("document.querySelector('.mk-finder__filters-toggle').tagName") == "BUTTON"
    assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    assert toggle.inner_text() == "Filters (0)"
    assert not page.is_visible("#mk-f-gemeente") and not page.is_visible("#mk-f-open")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and page.is_visible("#mk-f-gemeente")
    rendered(page, lambda: page.select_option("#mk-f-gemeente", "dordrecht"))
    rendered(page, lambda: page.check("#mk-f-open"))
    assert toggle.inner_text() == "Filters (2)"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "false" and not page.is_visible("#mk-f-gemeente")
    # On a desktop the filters are always there and the button is not.
    page.set_viewport_size({"width": 1280, "height": 900})
    assert not toggle.is_visible() and page.is_visible("#mk-f-gemeente")


def test_zero_results_show_the_consultant_and_no_map_button(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=xylofoonles")
    assert result_count(page) == 0
    assert not page.is_visible(".mk-finder__map-toggle")
    box = page.locator(".mk-finder__none .mk-consultant")
    assert box.is_visible()
    assert box.locator("a[href^='tel:+31']").count() >= 1
    assert box.bounding_box()["y"] < page.locator(".mk-finder__filters-bar").bounding_box()["y"]
    assert "Geen hulp gevonden" in status(page)
    rendered(page, lambda: page.fill("#mk-q", "logeren"), query="logeren")
    assert not box.is_visible() and page.is_visible(".mk-finder__map-toggle")


def test_no_wcag_violations_with_words_filters_and_at_zero_results(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=logeren&gemeente=dordrecht&kosten=eigen-bijdrage")
    open_filters(page)
    for summary in page.locator("details.mk-facet summary").all():
        summary.click()
    status(page)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    open_finder(page, site_url, "?zoek=xylofoonles")
    status(page)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.set_viewport_size({"width": 1280, "height": 900})  # a desktop: filters always shown
    open_finder(page, site_url, "?zoek=dementie&hulp=dagopvang&indicatie=nee")
    status(page)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


__all__ = ["shown_names"]
