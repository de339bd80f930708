"""axe-core finds no WCAG 2.1 A/AA violation on any page of the built example site, nor in the
theme's states: the header search open with results, the web editor at /admin/, the 404 page.

The finder's and the keuzehulp's own states are tested beside them (test_accessibility.py,
test_guide_in_browser.py); this file holds the base theme to the same rule everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browsing import axe_violations, describe


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a path under its root (admin/ and 404 have tests of their own)."""
    return sorted(
        page.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for page in site.rglob("index.html")
        if page.relative_to(site).parts[0] != "admin"
    )


def _settle_maps(page: Any) -> None:
    """A page's small map draws its markers when scrolled into view; axe sees it drawn."""
    for index in range(page.locator(".mk-map").count()):
        map_element = page.locator(".mk-map").nth(index)
        if map_element.is_visible():
            map_element.scroll_into_view_if_needed()
            page.wait_for_function(
                f"document.querySelectorAll('.mk-map')[{index}].matches('.leaflet-container')"
            )


def test_every_page_has_no_wcag_violations(page: Any, site_url: str, example_site: Path) -> None:
    paths = site_pages(example_site)
    assert len(paths) > 100 and "/" in paths and "aanbod/het-parkhuis/logeerzorg/" in paths
    failures = {}
    for path in paths:
        page.goto(site_url + path.removeprefix("/"), wait_until="load")
        _settle_maps(page)
        violations = axe_violations(page)
        if violations:
            failures[path] = violations
    assert failures == {}, describe([{"page": path, "violations": v} for path, v in failures.items()])
    # the typeface and every script come from the site itself; only map tiles come from elsewhere
    assert {url.split("/")[2] for url in page.outside_requests} <= {"service.pdok.nl"}


@pytest.mark.parametrize("width", [390, 1280])
def test_header_search_open_with_results_has_no_wcag_violations(page: Any, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "respijtzorg/")
    page.wait_for_load_state("networkidle")
    if width < 960:
        page.click("label.md-header__button[for='__search']")
    else:
        page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("logeren")
    page.wait_for_selector("#mk-header-suggestions .md-search-result__link")  # the finder's suggestions
    page.hover(".md-search-result__link")  # the result under the pointer is tinted
    assert page.get_attribute(".md-search", "aria-label") == "Zoeken"  # the dialog has a name
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_web_editor_login_has_no_wcag_violations(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "admin/")
    page.get_by_text("Ga terug naar site").wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_not_found_page_has_no_wcag_violations(page: Any, site_url: str) -> None:
    """404.html links its files from the site's root (/mantelkaart/): served here from '/'."""
    page.route(
        "**/mantelkaart/**",
        lambda route: route.continue_(url=route.request.url.replace("/mantelkaart/", "/", 1)),
    )
    page.goto(site_url + "404.html")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Deze pagina bestaat niet"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    violations = axe_violations(page)
    assert violations == [], describe(violations)
