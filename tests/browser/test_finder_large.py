"""The finder of a site above its list limit: without JavaScript every service is one click
further (a plain page per group); with it, results are made from the list file.

The example site, built with ``finder_list_limit: 10`` instead of generating thousands of
services.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import axe_violations, describe, open_without_javascript, serve
from finder_driver import CATALOGUE, OFFERS, open_finder, shown

from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.presentation import page_url
from mantelkaart.finder.cards import card
from mantelkaart.site.pages import PageMaker

from support import REPO, copy_site, run_cli

LIMIT = 10


@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_site(REPO, tmp_path_factory.mktemp("large-finder-site"))
    settings = folder / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("  - mantelkaart:\n", f"  - mantelkaart:\n      finder_list_limit: {LIMIT}\n", 1)
    settings.write_text(text, encoding="utf-8")
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def large_url(large_site: Path) -> Iterator[str]:
    url, server = serve(large_site)
    yield url
    server.shutdown()


def test_without_javascript_every_service_is_one_click_further(browser: Any, large_url: str) -> None:
    assert len(OFFERS) > LIMIT
    context = browser.new_context(java_script_enabled=False, locale="nl-NL")
    try:
        page = context.new_page()
        page.goto(large_url + "zoeken/?zoek=logeren")
        assert page.is_visible(".mk-finder__all") and not page.is_visible(".mk-finder__form")
        assert page.locator(".mk-finder__all li[data-i]").count() == 0
        groups = page.eval_on_selector_all(".mk-finder__groups a", "links => links.map(a => a.href)")
        assert len(groups) > 1
        found: list[str] = []
        for group in groups:
            page.goto(group)
            assert "/zoeken/alle/" in page.url
            found += page.eval_on_selector_all(".mk-list a.mk-item__title", "links => links.map(a => a.href)")
        expected = [large_url + page_url(PageMaker.offer_path(offer)) for offer in OFFERS]
        assert sorted(found) == sorted(expected)  # each service once, with a plain link
        page.goto(found[-1])
        assert page.locator("h1").inner_text() == OFFERS[expected.index(found[-1])].service.name
    finally:
        context.close()


def test_group_pages_stay_out_of_the_nav_and_materials_search(large_site: Path) -> None:
    pages = sorted((large_site / "zoeken" / "alle").glob("*/index.html"))
    assert pages
    index = json.loads((large_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("zoeken/alle")]
    for html in [large_site / "index.html", pages[0]]:
        nav = re.search(
            r'<nav class="md-nav md-nav--primary".*?</nav>', html.read_text(encoding="utf-8"), re.S
        )
        assert nav is not None and "alle/" not in nav.group(0)


def test_results_are_made_from_the_list_file(page: Any, large_url: str) -> None:
    open_finder(page, large_url, "?zoek=logeren")
    numbers = shown(page)
    # first the logeeropvang itself; then services whose text names it (issue 11: whole texts)
    assert {OFFERS[n].service.name for n in numbers[:3]} == {
        "Logeerzorg MEE Plus",
        "Logeerzorg De Merwelanden",
        "Logeerzorg in Het Parkhuis",
    }
    made = page.eval_on_selector_all(
        ".mk-finder__results > li",
        """items => items.map(li => [Number(li.dataset.i), li.querySelector('a').href,
            ...['.mk-item__title', '.mk-item__provider', '.mk-item__summary']
                .map(s => li.querySelector(s).textContent),
            [...li.querySelectorAll('.mk-item__facts > li')].map(f => f.textContent).join(' ')])""",
    )
    for number, href, title, provider, summary, facts in made:
        offer = OFFERS[number]
        assert href == large_url + page_url(PageMaker.offer_path(offer))
        assert (title, provider, summary) == (offer.service.name, offer.provider.name, offer.service.summary)
        shown_card = card(CATALOGUE, offer)
        who = f"{shown_card.phone_who}:" if shown_card.phone_who else ""
        expected = (
            f"{shown_card.place} {shown_card.cost} {shown_card.indication} Bel {who} {shown_card.phone_text}"
        )
        assert facts.split() == expected.split()
        assert ("in heel Nederland" in facts) == (NATIONWIDE in offer.service.area)
    assert page.outside_requests == []


@pytest.mark.parametrize("path", ["zoeken/alle/vorm-logeeropvang/"])
def test_group_page_has_no_wcag_violations(page: Any, large_url: str, path: str) -> None:
    page.goto(large_url + path)
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_group_links_without_javascript_have_no_wcag_violations(page: Any, large_url: str) -> None:
    assert open_without_javascript(page, large_url + "zoeken/") == 1  # the early list
    assert page.is_visible(".mk-finder__groups a") and not page.is_visible(".mk-finder__form")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
