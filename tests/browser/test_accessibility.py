"""axe-core finds no WCAG 2.1 A/AA violations on any kind of page of the example site."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import axe_violations, describe, open_without_javascript
from finder_driver import open_finder

PAGES = {
    "home": "",
    "service": "aanbod/het-parkhuis/logeerzorg/",
    "provider": "aanbieders/mee-drechtsteden/",
    "respite form": "respijtzorg/logeeropvang/",
    "regulation": "regelingen/vervangende-mantelzorg-dordrecht/",
    "municipality": "gemeenten/dordrecht/",
    "target group": "voor-wie/dementie/",
    "function": "ondersteuning/respijtzorg/",
    "all services": "aanbod/",
    "finder without choices": "zoeken/",
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_kind_has_no_wcag_violations(page: Any, site_url: str, kind: str) -> None:
    page.goto(site_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    if page.locator(".mk-map--small").count():
        page.locator(".mk-map--small").scroll_into_view_if_needed()
        page.wait_for_selector(".mk-map--small .leaflet-marker-icon")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_finder_in_use_has_no_wcag_violations(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=dementie&omgeving=buitenshuis")
    page.click(".mk-finder__filters-toggle")  # the filters fold behind it on a phone
    for details in page.locator("details.mk-facet summary").all():
        details.click()
    page.click(".mk-finder__map-toggle")
    page.wait_for_selector(".mk-finder__map .leaflet-marker-icon")
    page.wait_for_function("document.querySelector('.mk-finder__status').textContent !== ''")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_finder_without_javascript_has_no_wcag_violations(page: Any, site_url: str) -> None:
    """The page as a visitor without JavaScript gets it: the <noscript> list shown, no form."""
    assert page.request.get(site_url + "zoeken/").text().count("<noscript") == 1
    assert open_without_javascript(page, site_url + "zoeken/") == 1  # the early list
    assert page.is_visible(".mk-finder__all li[data-i]") and not page.is_visible(".mk-finder__form")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
