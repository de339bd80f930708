"""Maps: the points services are at, and Leaflet with its script, as site outputs.

Only locations with coordinates that are not confidential (``vertrouwelijk: ja``)
become points; a confidential location never reaches a map, a data file or a
page's markup. Tiles come from the configured tile server (PDOK's
BRT-Achtergrondkaart by default) and only once a map is on screen: ``maps.js``
waits for the map to be scrolled into view (or for "Toon op de kaart").
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.places import Location
from mantelkaart.site.frontend import MAP_LIBRARIES, vendor_files
from mantelkaart.site.page_kinds import finder_offers
from mantelkaart.site.site_output import compact_json

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

MAP_SCRIPT = "assets/mantelkaart/maps.js"
MAP_FILE = "assets/mantelkaart/finder-map.json"


def mapped_locations(offer: Offer) -> list[Location]:
    """The service's locations that may be shown on a map."""
    return [loc for loc in offer.locations if loc.coordinates is not None and not loc.confidential]


def location_label(location: Location) -> str:
    parts = [location.name, location.address, location.city]
    return ", ".join(part for part in parts if part)


def map_data(offers: list[Offer]) -> dict[str, object]:
    """Points (each location once) and, per service in finder order, the numbers of its points."""
    points: list[list[object]] = []
    number: dict[tuple[str, str], int] = {}
    items: list[list[int]] = []
    for offer in offers:
        own = []
        for location in mapped_locations(offer):
            key = (offer.provider_id, location.id)
            if key not in number:
                assert location.coordinates is not None
                number[key] = len(points)
                coordinates = location.coordinates
                points.append(
                    [round(coordinates.lat, 5), round(coordinates.lon, 5), location_label(location)]
                )
            own.append(number[key])
        items.append(own)
    return {"version": 1, "points": points, "items": items}


def map_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    from mantelkaart.site.site_output import OutputFile

    script = (resources.files("mantelkaart") / "assets" / "maps.js").read_text(encoding="utf-8")
    yield OutputFile(MAP_SCRIPT, script)
    yield from vendor_files(context, MAP_LIBRARIES)
    yield OutputFile(MAP_FILE, compact_json(map_data(finder_offers(catalogue))))
