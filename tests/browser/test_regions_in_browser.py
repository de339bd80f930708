"""Several regions in Chromium: a region's part of the example site in its own colour and logo
with its own consultant, and a site built for one region (`--regio`), without WCAG violations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import axe_violations, describe, serve

from mantelkaart.core.branding import contrast

from support import REPO, copy_site, run_cli

WAARD_COLOUR = "#2d6a2e"  # mkdocs.yml: regions.hoeksche-waard.colour
SITE_COLOUR = "#00636b"  # mkdocs.yml: colour (the Drechtsteden region has none of its own)


def _rgb_hex(css: str) -> str:
    parts = css[css.index("(") + 1 : css.index(")")].split(",")
    return "#" + "".join(f"{int(float(p)):02x}" for p in parts[:3])


def _style(page: Any, selector: str, prop: str) -> str:
    value: str = page.evaluate(f"getComputedStyle(document.querySelector({selector!r})).{prop}")
    return value


@pytest.mark.parametrize(
    ("path", "colour", "phone"),
    [
        ("gemeenten/hoeksche-waard/", WAARD_COLOUR, "078 000 0122"),
        ("regio/hoeksche-waard/", WAARD_COLOUR, "078 000 0122"),
        ("gemeenten/dordrecht/", SITE_COLOUR, "078 000 0104"),
    ],
)
def test_a_regions_part_has_its_colour_logo_and_consultant(
    page: Any, site_url: str, path: str, colour: str, phone: str
) -> None:
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    band = page.locator(".mk-region")
    assert band.is_visible() and band.locator("img").evaluate("img => img.naturalWidth > 0")
    assert _rgb_hex(_style(page, ".mk-region", "backgroundColor")) == colour
    assert _rgb_hex(_style(page, ".mk-region__name", "color")) == "#ffffff"
    assert contrast(colour, "#ffffff") >= 4.5
    box = page.locator("aside.mk-consultant")
    assert phone in box.inner_text()
    assert _rgb_hex(_style(page, "aside.mk-consultant", "borderTopColor")) == colour
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    if path.startswith("gemeenten/"):
        band.locator("a").click()  # the band leads to the region's page
        page.wait_for_url("**/regio/**")
        assert "Hulp voor mantelzorgers in de regio" in page.locator("h1").inner_text()


@pytest.fixture(scope="module")
def regional_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example's Hoeksche Waard region built as a site of its own."""
    folder = copy_site(REPO, tmp_path_factory.mktemp("regional") / "site")
    result = run_cli("build", "--regio", "hoeksche-waard", cwd=folder)
    assert result.returncode == 0, result.stderr
    url, server = serve(folder / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("path", ["", "gemeenten/hoeksche-waard/", "zoeken/"])
def test_a_site_for_one_region_is_in_its_colour_without_violations(
    page: Any, regional_url: str, path: str
) -> None:
    page.goto(regional_url + path)
    page.wait_for_load_state("networkidle")
    assert _rgb_hex(_style(page, ".md-header", "backgroundColor")) == WAARD_COLOUR
    assert "Mantelkaart Hoeksche Waard" in page.title()
    assert page.locator(".mk-region").count() == 0  # the whole site is the region
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    assert page.outside_requests == []
