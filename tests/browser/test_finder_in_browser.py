"""The finder (/zoeken/) in real Chromium: typing, ticking, links, history, keyboard, no JavaScript."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from finder_driver import (
    OFFERS,
    instant_site_url,
    numbers_where,
    open_filters,
    open_finder,
    rendered,
    result_count,
    shown,
    shown_names,
)

from mantelkaart.core.config import NATIONWIDE
from mantelkaart.finder.facets import DAY_BITS

NAH_OUTSIDE = "?doelgroep=nah&omgeving=buitenshuis"


def state_of(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_facet(page: Any, key: str) -> None:
    open_filters(page)  # folded on a phone: results first
    details = page.locator(f"details.mk-facet[data-facet='{key}']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def tick(page: Any, key: str, value: str) -> None:
    open_facet(page, key)
    rendered(page, lambda: page.check(f"#mk-f-{key}-{value}"))


def count_shown_for(page: Any, key: str, value: str) -> int:
    text = page.inner_text(f"label[for='mk-f-{key}-{value}'] .mk-count")
    return int(text.strip("()"))


def test_page_works_before_the_index_arrives_and_loads_it_only_for_words(page: Any, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_finder(page, site_url)
    assert result_count(page) == len(OFFERS)
    assert shown(page) == list(range(min(30, len(OFFERS))))  # by name, as the list without JavaScript
    assert not any("finder-index.json" in url or "/vendor/lunr/" in url for url in requested)
    rendered(page, lambda: page.fill("#mk-q", "logeren"), query="logeren")
    assert any("finder-index.json" in url for url in requested)
    assert any(url.endswith("vendor/lunr/lunr.nl.min.js") for url in requested)
    assert page.outside_requests == []


FINDER_DATA = ("finder-index.json", "finder-facets.json", "finder-items.json", "lunr.nl.min.js")


def test_words_in_the_address_start_the_data_from_the_head_and_load_each_file_once(
    page: Any, site_url: str
) -> None:
    # The moment the parser reaches the finder's elements: the data must be on its way by then.
    page.add_init_script(
        """new MutationObserver((_, watcher) => {
             if (document.getElementById("mk-finder")) { window.__finderRead = performance.now(); watcher.disconnect(); }
           }).observe(document, {childList: true, subtree: true});"""
    )
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "zoeken/?zoek=logeren")
    page.wait_for_selector("#mk-finder[data-state='ready'][data-query='logeren']")
    assert "Logeerzorg in Het Parkhuis" in shown_names(page)[:5]
    started = page.evaluate(
        """names => names.map(name => {
             const entry = performance.getEntriesByType("resource").find(e => e.name.endsWith(name));
             return entry ? entry.startTime : null;
           })""",
        list(FINDER_DATA),
    )
    read = page.evaluate("window.__finderRead")
    assert all(start is not None and start < read for start in started), (started, read)
    for name in FINDER_DATA:
        assert sum(url.endswith(name) for url in requested) == 1, name
    # Without words or choices the head asks for nothing: the page shows its own list first.
    requested.clear()
    page.goto(site_url + "zoeken/")
    page.wait_for_selector("#mk-finder[data-state='ready']")
    page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('finder-items.json'))"
    )
    assert not any(url.endswith(("finder-index.json", "lunr.nl.min.js")) for url in requested)
    assert page.evaluate("window.__finderRead") < page.evaluate(
        "performance.getEntriesByType('resource').find(e => e.name.endsWith('finder-items.json')).startTime"
    )


def test_typing_shows_what_fits_at_once_and_keeps_it_in_the_url(page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    rendered(page, lambda: page.type("#mk-q", "logeren dementie"), query="logeren dementie")
    # The services with both words first, then those with one of them (issue 11: no dead end).
    assert set(shown_names(page)[:2]) == {"Logeerzorg in Het Parkhuis", "Logeerzorg De Merwelanden"}
    assert state_of(page) == {"zoek": ["logeren dementie"]}
    page.wait_for_function(
        "document.querySelector('.mk-finder__status').textContent.includes('met al uw woorden, daarna met een deel')"
    )
    assert page.get_attribute(".mk-finder__status", "aria-live") == "polite"


def test_ticking_facets_filters_counts_and_writes_the_url(page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    tick(page, "doelgroep", "nah")
    tick(page, "omgeving", "buitenshuis")
    expected = numbers_where(
        lambda o: "nah" in o.service.target_groups and o.service.setting == "buitenshuis"
    )
    assert len(expected) >= 3
    assert shown(page) == expected
    assert state_of(page) == {"doelgroep": ["nah"], "omgeving": ["buitenshuis"]}
    # Each value counts the results it would give with the other facets as they are.
    dementia_outside = numbers_where(
        lambda o: "dementie" in o.service.target_groups and o.service.setting == "buitenshuis"
    )
    assert count_shown_for(page, "doelgroep", "dementie") == len(dementia_outside)
    nah_at_home = numbers_where(lambda o: "nah" in o.service.target_groups and o.service.setting == "thuis")
    assert count_shown_for(page, "omgeving", "thuis") == len(nah_at_home)
    assert count_shown_for(page, "doelgroep", "nah") == len(expected)


def test_a_link_reproduces_the_view(page: Any, site_url: str, browser: Any) -> None:
    open_finder(page, site_url)
    tick(page, "doelgroep", "nah")
    tick(page, "omgeving", "buitenshuis")
    rendered(page, lambda: page.select_option("#mk-f-gemeente", "dordrecht"))
    rendered(page, lambda: page.fill("#mk-q", "logeren"), query="logeren")
    link, before = page.url, shown(page)
    assert before and "gemeente=dordrecht" in link and "zoek=logeren" in link
    other = browser.new_context(locale="nl-NL").new_page()
    try:
        other.goto(link)
        other.wait_for_function("document.getElementById('mk-finder').dataset.query === 'logeren'")
        other.wait_for_function("document.getElementById('mk-finder').dataset.state === 'ready'")
        assert shown(other) == before
        assert other.is_checked("#mk-f-doelgroep-nah") and other.is_checked("#mk-f-omgeving-buitenshuis")
        assert other.input_value("#mk-f-gemeente") == "dordrecht"
        assert other.input_value("#mk-q") == "logeren"
    finally:
        other.context.close()


def test_back_and_forward_restore_each_view(page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    tick(page, "doelgroep", "dementie")
    dementia = shown(page)
    tick(page, "omgeving", "thuis")
    dementia_at_home = shown(page)
    assert dementia_at_home != dementia
    rendered(page, page.go_back)
    assert shown(page) == dementia and not page.is_checked("#mk-f-omgeving-thuis")
    assert page.is_checked("#mk-f-doelgroep-dementie")
    rendered(page, page.go_back)
    assert result_count(page) == len(OFFERS) and not page.is_checked("#mk-f-doelgroep-dementie")
    rendered(page, page.go_forward)
    rendered(page, page.go_forward)
    assert shown(page) == dementia_at_home and page.is_checked("#mk-f-omgeving-thuis")


def test_municipality_in_the_words_filters_like_the_choice(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=logeren+dementie+Zwijndrecht")
    serves = {n for n, o in enumerate(OFFERS) if {"zwijndrecht", NATIONWIDE} & set(o.service.area)}
    assert shown(page) and set(shown(page)) <= serves
    # No logeeropvang for dementia in Zwijndrecht: the finder says so and shows what comes closest.
    status = page.wait_for_function(
        "() => { const t = document.querySelector('.mk-finder__status').textContent; return t && t; }"
    ).json_value()
    assert "in Zwijndrecht" in status and "deel" in status


def test_without_javascript_every_service_is_listed_grouped_with_links(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(site_url + "zoeken/?zoek=logeren")
        items = page.locator(".mk-finder__all li[data-i]")
        assert items.count() == len(OFFERS)
        assert page.locator(".mk-finder__all h3").count() >= 5
        assert not page.is_visible(".mk-finder__form")
        assert page.is_visible(".mk-finder__all")
        links = page.eval_on_selector_all(
            ".mk-finder__all li[data-i] a.mk-item__title",
            "links => links.map(a => [Number(a.closest('li').dataset.i), a.href])",
        )
        assert sorted(number for number, _ in links) == list(range(len(OFFERS)))
        number, href = links[-1]
        page.goto(href)
        assert page.locator("h1").inner_text() == OFFERS[number].service.name
    finally:
        context.close()


def test_home_search_form_submits_to_the_finder(page: Any, site_url: str, browser: Any) -> None:
    page.goto(site_url)
    page.fill("#mk-home-q", "dagbesteding")
    page.press("#mk-home-q", "Enter")
    page.wait_for_url("**/zoeken/?zoek=dagbesteding")
    page.wait_for_function("document.getElementById('mk-finder').dataset.state === 'ready'")
    assert "Dagbesteding op de boerderij" in shown_names(page)
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        plain = context.new_page()
        plain.goto(site_url)
        plain.fill("#mk-home-q", "oppas")
        plain.click(".mk-search-block button[type=submit]")
        plain.wait_for_url("**/zoeken/?zoek=oppas")
        assert plain.locator(".mk-finder__all li[data-i]").count() == len(OFFERS)
    finally:
        context.close()


def test_keyboard_alone_reaches_and_operates_facets_and_results(page: Any, site_url: str) -> None:
    open_finder(page, site_url)

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                outline = page.evaluate(
                    "() => { const s = getComputedStyle(document.activeElement);"
                    " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
                )
                assert outline[0] != "none" and outline[1] >= 2, f"no visible focus on {selector}"
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#mk-q")
    page.keyboard.type("hulp")
    tab_to(".mk-finder__filters-toggle")
    page.keyboard.press("Enter")
    assert page.get_attribute(".mk-finder__filters-toggle", "aria-expanded") == "true"
    tab_to("details[data-facet='doelgroep'] > summary")
    page.keyboard.press("Enter")
    assert page.get_attribute("details[data-facet='doelgroep']", "open") is not None
    tab_to("#mk-f-doelgroep-dementie")
    rendered(page, lambda: page.keyboard.press("Space"))
    assert page.is_checked("#mk-f-doelgroep-dementie")
    assert state_of(page)["doelgroep"] == ["dementie"]
    first = OFFERS[shown(page)[0]].service.name
    tab_to(".mk-finder__results li:first-child a.mk-item__title")
    page.keyboard.press("Enter")
    page.wait_for_function("(name) => document.querySelector('h1')?.textContent === name", arg=first)
    assert "/aanbod/" in page.url


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 24, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),  # a Tuesday in winter time
        datetime(2026, 7, 14, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),  # a Tuesday in summer time
    ],
)
def test_now_open_follows_the_opening_hours_in_dutch_time(page: Any, site_url: str, moment: datetime) -> None:
    page.clock.set_fixed_time(moment)
    open_finder(page, site_url)
    bit, minute = DAY_BITS["di"], moment.hour * 60 + moment.minute

    def open_now(number: int) -> bool:
        service = OFFERS[number].service
        if service.status != "actief" or service.hours is None:
            return False
        for span in service.hours.spans:
            start, end = (int(t[:2]) * 60 + int(t[3:]) for t in (span.start, span.end))
            if bit & sum(DAY_BITS[d] for d in set(span.days)) and start <= minute < end:
                return True
        return False

    expected = [n for n in range(len(OFFERS)) if open_now(n)]
    assert 0 < len(expected) < len(OFFERS)
    open_filters(page)
    rendered(page, lambda: page.check("#mk-f-open"))
    assert shown(page) == expected
    assert page.inner_text("label[for='mk-f-open'] .mk-count") == f"({len(expected)})"
    assert state_of(page) == {"open": ["ja"]}


def test_instant_navigation_starts_the_finder_and_restores_it_on_return(
    page: Any, instant_site_url: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(instant_site_url)
    page.wait_for_load_state("networkidle")  # mkdocs-material reads the sitemap first
    page.evaluate("window.sameDocument = true")
    page.click(".mk-search-block a[href$='zoeken/']")
    page.wait_for_function("document.getElementById('mk-finder')?.dataset.state === 'ready'")
    assert page.evaluate("window.sameDocument") is True  # instant navigation, no page load
    tick(page, "doelgroep", "autisme")
    autism = shown(page)
    page.click(".mk-finder__results li:first-child a.mk-item__title")
    page.wait_for_url("**/aanbod/**")
    page.go_back()
    page.wait_for_function("document.getElementById('mk-finder')?.dataset.state === 'ready'")
    assert shown(page) == autism and page.is_checked("#mk-f-doelgroep-autisme")
    tick(page, "doelgroep", "dementie")
    rendered(page, page.go_back)
    assert shown(page) == autism
    # no errors at all: a service page's JSON-LD sits in <head>, where instant navigation does
    # not re-run it as JavaScript (in the content it threw "Unexpected token ':'")
    assert errors == []


__all__ = ["instant_site_url"]


def test_garbage_in_the_url_is_ignored_and_words_stay_text(page: Any, site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    hostile = "<img src=x onerror=alert(1)>"
    open_finder(
        page, site_url, f"?zoek={hostile}&doelgroep=bestaat-niet&gemeente=%22%3E&open=misschien&kaart=1"
    )
    assert page.input_value("#mk-q") == hostile
    assert page.input_value("#mk-f-gemeente") == "" and not page.is_checked("#mk-f-open")
    assert page.locator(".mk-finder__form input:checked").count() == 0
    page.wait_for_function("document.querySelector('.mk-finder__status').textContent !== ''")
    assert hostile in page.inner_text(".mk-finder__status")  # shown as text, not markup
    assert page.locator(".mk-finder img[src=x]").count() == 0
    assert not page.is_visible(".mk-finder__map") and errors == []
