"""Maps in real Chromium: tiles only when a map is on screen, only from the tile server, never a secret address."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from finder_driver import OFFERS, instant_site_url, open_finder

from mantelkaart.core.config import PDOK_TILES
from mantelkaart.site.maps import mapped_locations

# https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/
TILES = PDOK_TILES.split("{z}")[0]
SERVICE = "aanbod/het-parkhuis/logeerzorg/"


def test_service_map_asks_for_tiles_only_once_it_is_on_screen(page: Any, site_url: str) -> None:
    page.goto(site_url + SERVICE)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert page.locator(".mk-map--small").count() == 1
    assert page.locator(".leaflet-container").count() == 0
    assert page.outside_requests == []  # the map is below the fold: no tile requested
    page.locator(".mk-map--small").scroll_into_view_if_needed()
    page.wait_for_selector(
        ".mk-map--small .leaflet-marker-icon[title='Het Parkhuis, Voorbeeldpark 3, Dordrecht']"
    )
    page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
    page.wait_for_timeout(300)
    assert page.outside_requests, "no tile was requested"
    assert all(url.startswith(TILES) for url in page.outside_requests), page.outside_requests
    assert "Kaartgegevens © Kadaster" in page.inner_text(".leaflet-control-attribution")


def test_finder_map_shows_the_results_and_nothing_before_it_is_asked_for(page: Any, site_url: str) -> None:
    open_finder(page, site_url, "?zoek=odensehuis")
    page.wait_for_timeout(300)
    assert page.outside_requests == [] and not page.is_visible(".mk-finder__map")
    page.click(".mk-finder__map-toggle")
    assert page.get_attribute(".mk-finder__map-toggle", "aria-pressed") == "true"
    page.wait_for_selector(".mk-finder__map .leaflet-marker-icon")
    odensehuis = next(o for o in OFFERS if o.service.name == "Inloop in het Odensehuis")
    titles = page.eval_on_selector_all(".mk-finder__map .leaflet-marker-icon", "m => m.map(i => i.title)")
    assert titles == ["Het Voorbeeldhuis, Voorbeeldweg 9, Hendrik-Ido-Ambacht"]
    assert len(mapped_locations(odensehuis)) == 1
    page.click(".mk-finder__map .leaflet-marker-icon")
    assert page.inner_text(".leaflet-popup-content a") == "Inloop in het Odensehuis"
    assert "kaart=ja" in page.url
    page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
    page.wait_for_timeout(300)
    assert page.outside_requests and all(url.startswith(TILES) for url in page.outside_requests)


def test_finder_map_asked_for_in_the_address_shows_on_a_first_visit(page: Any, site_url: str) -> None:
    """finder.js starts before maps.js is read (it sits in the finder page, ahead of the
    theme's scripts): a map asked for in the address still appears, with the results."""
    open_finder(page, site_url, "?zoek=odensehuis&kaart=ja")
    assert page.get_attribute(".mk-finder__map-toggle", "aria-pressed") == "true"
    page.wait_for_selector(".mk-finder__map .leaflet-marker-icon")
    titles = page.eval_on_selector_all(".mk-finder__map .leaflet-marker-icon", "m => m.map(i => i.title)")
    assert titles == ["Het Voorbeeldhuis, Voorbeeldweg 9, Hendrik-Ido-Ambacht"]


def test_confidential_location_appears_nowhere_in_the_site(example_site: Path) -> None:
    # MEE Plus's logeerhuis is 'vertrouwelijk: ja' (Voorbeeldlaan 5, 51.7960 4.6950).
    checked = 0
    for path in example_site.rglob("*"):
        if not path.is_file() or path.suffix not in {".html", ".json", ".xml", ".csv", ".txt", ".md"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "Voorbeeldlaan 5" not in text, path
        assert "51.796" not in text and "4.695" not in text, path
        checked += 1
    assert checked > 100
    service = (example_site / "aanbod/mee-drechtsteden/logeerzorg-mee-plus/index.html").read_text("utf-8")
    assert "mk-map" not in service and "Het adres krijgt u als u zich aanmeldt" in service


def test_maps_follow_instant_navigation(page: Any, instant_site_url: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(instant_site_url + SERVICE)
    page.locator(".mk-map--small").scroll_into_view_if_needed()
    page.wait_for_selector(".mk-map--small .leaflet-marker-icon")
    page.evaluate("window.sameDocument = true")
    page.click("a[href$='aanbieders/het-parkhuis/']")
    page.wait_for_url("**/aanbieders/het-parkhuis/")
    page.click("a.mk-item__title[href$='tijdelijke-dagopvang-dementie/']")
    page.wait_for_url("**/tijdelijke-dagopvang-dementie/")
    page.locator(".mk-map--small").scroll_into_view_if_needed()
    page.wait_for_selector(".mk-map--small .leaflet-marker-icon")
    assert page.evaluate("window.sameDocument") is True
    assert page.locator(".leaflet-container").count() == 1
    assert errors == []  # the service page's JSON-LD (in <head>) is not run as JavaScript


__all__ = ["instant_site_url"]
