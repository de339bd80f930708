"""axe-core finds no WCAG 2.1 A/AA violations on any kind of page of the example site."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browsing import axe_violations, describe
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
    page.evaluate("document.querySelector('details.mk-finder__choices').open = true")
    for details in page.locator("details.mk-facet summary").all():
        details.click()
    page.click(".mk-finder__map-toggle")
    page.wait_for_selector(".mk-finder__map .leaflet-marker-icon")
    page.wait_for_function("document.querySelector('.mk-finder__status').textContent !== ''")
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_finder_without_javascript_has_no_wcag_violations(page: Any, site_url: str) -> None:
    """The page as a visitor without JavaScript gets it: the <noscript> list shown, no form.

    axe itself needs script, so the page is loaded with its <noscript> turned into a <div>
    and without finder.js and the page's own inline script.
    """
    html = page.request.get(site_url + "zoeken/").text()
    assert html.count("<noscript") == 1
    html = html.replace("<noscript", "<div").replace("</noscript>", "</div>")
    html, scripts = re.subn(r"<script>[^<]*mk-finder[^<]*</script>", "", html)
    assert scripts == 2
    page.route("**/finder.js", lambda route: route.abort())
    page.route(site_url + "zoeken/", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(site_url + "zoeken/")
    assert page.is_visible(".mk-finder__all li[data-i]") and not page.is_visible(".mk-finder__form")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
