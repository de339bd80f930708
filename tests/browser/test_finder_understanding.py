"""One search that understands how people ask (issue 11), in Chromium on the example site.

The header's search box leads to the finder and suggests finder matches as one types; the
editors' pages are in no public search; phrases that name a filter show as removable chips;
a partial result says which words were left out; zero results offer "Bedoelde u …?", the
respite forms whose words match and the consultant, above the filters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from browsing import axe_violations, describe
from finder_driver import open_finder, rendered, result_count, shown_names

DESKTOP = {"width": 1280, "height": 1000}


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL", viewport=DESKTOP)
    yield context.new_page()
    context.close()


def search(page: Any, text: str) -> None:
    rendered(page, lambda: page.fill("#mk-q", text), text)


def test_header_box_suggests_finder_matches_and_enter_opens_the_finder(wide: Any, site_url: str) -> None:
    wide.goto(site_url)
    box = wide.locator(".md-header input[name=zoek]")
    box.click()
    box.type("logeer")
    wide.wait_for_selector("#mk-header-suggestions li")
    links = wide.eval_on_selector_all("#mk-header-suggestions a", "a => a.map(x => [x.textContent, x.href])")
    texts = [text for text, _ in links]
    assert any("Logeeropvang" in text for text in texts), texts  # the respite form's page
    assert any("Logeerzorg" in text for text in texts), texts  # services
    last_text, last_href = links[-1]
    assert "Alle hulp" in last_text and parse_qs(urlparse(last_href).query)["zoek"] == ["logeer"]
    box.fill("logeren weekend")
    box.press("Enter")
    wide.wait_for_url("**/zoeken/?zoek=logeren+weekend")
    wide.wait_for_function(
        "() => document.getElementById('mk-finder').dataset.state === 'ready'"
        " && document.getElementById('mk-finder').dataset.query === 'logeren weekend'"
    )
    assert result_count(wide) > 0
    assert shown_names(wide)[0].startswith(("Logeerzorg", "Mantelzorgvakantie", "Weekend weg"))


def test_header_box_is_a_form_that_opens_the_finder(example_site: Path) -> None:
    """Enter needs no script: the box is a GET form to /zoeken/ with the finder's key ``zoek``
    (mkdocs-material shows the box only with JavaScript; the nav's "Zoeken" is there without)."""
    html = (example_site / "over" / "index.html").read_text(encoding="utf-8")
    assert 'action="../zoeken/" method="get"' in html
    assert 'name="zoek"' in html and 'name="query"' not in html
    assert 'data-md-component="search"' not in html  # mkdocs-material's own search stays off


def test_editors_pages_are_in_no_public_search(wide: Any, site_url: str, example_site: Path) -> None:
    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("redactie")]
    pages = json.loads((example_site / "assets/mantelkaart/finder-pages.json").read_text(encoding="utf-8"))
    assert not [page for page in pages["pages"] if page[1].startswith("redactie")]
    wide.goto(site_url)
    nav = wide.eval_on_selector_all(".md-nav a", "a => a.map(x => x.getAttribute('href'))")
    assert not [href for href in nav if "redactie" in href]
    footer = wide.eval_on_selector_all(".md-footer a", "a => a.map(x => x.textContent.trim())")
    assert "Voor redacteuren" in footer
    box = wide.locator(".md-header input[name=zoek]")
    for word in ("Parkhuis", "velden", "redacteuren"):
        box.fill(word)
        wide.wait_for_selector("#mk-header-suggestions li")
        hrefs = wide.eval_on_selector_all("#mk-header-suggestions a", "a => a.map(x => x.href)")
        assert not [href for href in hrefs if "/redactie/" in href], (word, hrefs)


def test_a_filter_phrase_is_a_removable_chip(page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    search(page, "zonder indicatie")
    chip = page.locator(".mk-finder__chips button")
    assert chip.count() == 1 and "Zonder indicatie" in chip.inner_text()
    without = result_count(page)
    assert 0 < without < len(page.query_selector_all("noscript")) + 1000
    rendered(page, lambda: chip.click())
    assert page.input_value("#mk-q") == ""
    assert page.locator(".mk-finder__chips").is_hidden()
    assert result_count(page) > without


def test_an_adult_need_does_not_put_childrens_services_first(page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    search(page, "iemand die oppast bij mijn moeder")
    assert shown_names(page)[0] == "Vrijwillige oppas thuis"
    search(page, "oppas voor mijn kind")
    assert shown_names(page)[0] == "Ervaren oppas voor uw kind"


def test_partial_results_say_which_words_were_left_out(page: Any, site_url: str) -> None:
    open_finder(page, site_url)
    search(page, "logeren tandarts")
    page.wait_for_function(
        "() => document.querySelector('.mk-finder__status').textContent.includes('Weggelaten')"
    )
    assert "‘tandarts’" in page.text_content(".mk-finder__status")
    assert shown_names(page)[0].startswith("Logeerzorg")


def test_zero_results_offer_a_next_step_above_the_filters(wide: Any, site_url: str) -> None:
    open_finder(wide, site_url)
    search(wide, "kangoeroowonin")
    assert result_count(wide) == 0
    suggestion = wide.locator(".mk-finder__suggest a")
    assert suggestion.inner_text() == "kangoeroewoning"
    none = wide.locator(".mk-finder__none")
    box, filters = none.bounding_box(), wide.locator(".mk-finder__filters").bounding_box()
    assert box["y"] + box["height"] <= filters["y"] + 1
    assert box["y"] < DESKTOP["height"]  # on the first screen
    assert none.locator("a[href^='tel:']").count() >= 1
    rendered(wide, lambda: suggestion.click(), "kangoeroewoning")
    assert result_count(wide) > 0
    # A choice that leaves nothing: the respite forms whose words match are offered.
    open_finder(wide, site_url, "?zoek=logeren&gemeente=papendrecht")
    assert result_count(wide) == 0
    wide.wait_for_selector(".mk-finder__forms:not([hidden]) a")
    forms = wide.eval_on_selector_all(".mk-finder__forms a", "a => a.map(x => x.textContent)")
    assert "Logeeropvang" in forms


def test_chips_dead_end_and_header_suggestions_have_no_wcag_violations(wide: Any, site_url: str) -> None:
    open_finder(wide, site_url, "?zoek=zonder%20dementie%20kangoeroowonin")
    wide.wait_for_selector(".mk-finder__chips button")
    wide.wait_for_selector(".mk-finder__suggest a")
    violations = axe_violations(wide)
    assert violations == [], describe(violations)
    wide.goto(site_url)
    wide.locator(".md-header input[name=zoek]").fill("dementie")
    wide.wait_for_selector("#mk-header-suggestions li")
    violations = axe_violations(wide)
    assert violations == [], describe(violations)
