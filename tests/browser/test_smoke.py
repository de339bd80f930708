"""The example site in a real browser: it renders, dials, and asks nothing of third parties."""

from __future__ import annotations

from typing import Any

from browsing import axe_violations, describe


def test_home_page_renders_with_consultant_phone_link(page: Any, site_url: str) -> None:
    page.goto(site_url)
    assert page.title().startswith("Hulp voor mantelzorgers")
    link = page.locator(".mk-consultant a[href^='tel:']").first
    assert link.get_attribute("href") == "tel:+31780000104"  # from the consultant's own record
    assert page.outside_requests == []


def test_service_page_has_no_wcag_violations(page: Any, site_url: str) -> None:
    page.goto(site_url + "aanbod/de-mantelaar/vervangende-mantelzorg/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
