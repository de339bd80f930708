"""Open data: the exports every build writes under ``open-data/``, and their download page.

* ``hsds/organizations.json`` and ``hsds/taxonomy_terms.json``: HSDS 3.0 JSON;
* ``hsds/csv/``: HSDS 3.0's tabular form, a Frictionless data package;
* ``locaties.geojson``: the public locations on a map (never a confidential one);
* ``aanbod.csv``: one row per service, for a spreadsheet.

``mantelkaart export`` writes the same files into a folder of choice.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.editors.skeleton import slugify
from mantelkaart.opendata.hsds.files import HsdsFiles
from mantelkaart.opendata.hsds.terms import uid
from mantelkaart.opendata.spreadsheet import Spreadsheet
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

FOLDER = "open-data"
PAGE = f"{FOLDER}/index.md"


@dataclass(frozen=True)
class DataFile:
    path: str  # inside the export folder, e.g. "hsds/organizations.json"
    content: bytes
    title: str = ""  # files with a title are listed on the download page
    format: str = ""
    about: str = ""


def _json(data: Any) -> bytes:
    """Compact UTF-8 JSON (what ``json.dumps(ensure_ascii=False)`` gives, ten times faster)."""
    return orjson.dumps(data) + b"\n"


def _licence(catalogue: Catalogue) -> dict[str, str] | None:
    licence = catalogue.config.licence
    if licence is None:
        return None
    described = {"name": slugify(licence.name) or "licentie", "title": licence.name}
    if licence.url:
        described["path"] = licence.url
    return described


def geojson(catalogue: Catalogue, site_url: str = "") -> dict[str, Any]:
    """A GeoJSON FeatureCollection (RFC 7946: longitude first) of the public locations."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    offers: dict[str, list[Offer]] = {}
    for offer in catalogue.active_offers():
        offers.setdefault(offer.provider_id, []).append(offer)
    features = []
    for provider_id, provider in catalogue.providers.items():
        for location in provider.locations:
            if location.confidential or location.coordinates is None:
                continue
            services = [
                {"naam": offer.service.name, "pagina": f"{base}aanbod/{provider_id}/{offer.service.id}/"}
                for offer in offers.get(provider_id, [])
                if location.id in offer.service.locations
            ]
            properties = {
                "naam": location.name or provider.name,
                "aanbieder": provider.name,
                "adres": location.address,
                "postcode": location.postcode,
                "plaats": location.city,
                "toegankelijkheid": location.accessibility,
                "pagina": f"{base}aanbieders/{provider_id}/",
                "diensten": services,
            }
            features.append(
                {
                    "type": "Feature",
                    "id": uid(f"location/{provider_id}/{location.id}"),
                    "geometry": {
                        "type": "Point",
                        "coordinates": [location.coordinates.lon, location.coordinates.lat],
                    },
                    "properties": {key: value for key, value in properties.items() if value is not None},
                }
            )
    return {"type": "FeatureCollection", "features": features}


def data_files(catalogue: Catalogue, site_url: str = "") -> list[DataFile]:
    """Every open-data file, the listed ones first in the order of the download page.

    The exports are trees of millions of small objects without cycles: the cyclic
    garbage collector only slows them down (by a tenth), so it pauses meanwhile.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return list(_data_files(catalogue, site_url))
    finally:
        if collecting:
            gc.enable()


def _data_files(catalogue: Catalogue, site_url: str) -> Iterator[DataFile]:
    hsds = HsdsFiles(catalogue, site_url)  # on a large site, half of it starts in a second process now
    try:
        spreadsheet = Spreadsheet(catalogue, site_url).csv_bytes()
        locations = _json(geojson(catalogue, site_url))
        title = f"Sociale kaart en respijtwijzer {catalogue.config.region} (HSDS 3.0)"
        package = hsds.files(title, _licence(catalogue))
    finally:
        hsds.close()
    yield DataFile(
        "aanbod.csv",
        spreadsheet,
        "Alle diensten in één tabel",
        "CSV voor Excel (puntkomma, UTF-8)",
        "Eén regel per dienst, met aanbieder, voor wie, waar, kosten en contact. "
        "Opent in Excel, LibreOffice en Numbers.",
    )
    yield DataFile(
        "locaties.geojson",
        locations,
        "Locaties op de kaart",
        "GeoJSON",
        "De adressen met coördinaten, met de diensten op elk adres. "
        "Adressen die vertrouwelijk zijn, staan er niet in.",
    )
    yield DataFile(
        "hsds/organizations.json",
        package.pop("organizations.json"),
        "Organisaties met hun diensten (HSDS)",
        "JSON volgens HSDS 3.0",
        "Alle aanbieders met diensten, locaties, telefoonnummers, openingstijden, kosten en talen, "
        "volgens de internationale standaard van Open Referral. Regelingen staan bij de gemeente "
        "of verzekeraar die ze geeft.",
    )
    yield DataFile(
        "hsds/taxonomy_terms.json",
        package.pop("taxonomy_terms.json"),
        "Begrippen (HSDS)",
        "JSON volgens HSDS 3.0",
        "De lijsten waarmee de diensten zijn ingedeeld: soort hulp, voor wie, wie betaalt, "
        "toegang, respijtvormen en meer.",
    )
    yield DataFile(
        "hsds/csv/datapackage.json",
        package.pop("csv/datapackage.json"),
        "Alle tabellen (HSDS)",
        "CSV-tabellen volgens HSDS 3.0, met datapackage.json",
        "Dezelfde gegevens als tabellen, één bestand per tabel. "
        "datapackage.json beschrijft de tabellen en hun kolommen.",
    )
    for name, content in package.items():
        yield DataFile(f"hsds/{name}", content)


def _size(length: int) -> str:
    if length < 1000:
        return f"{length} bytes"
    if length < 1_000_000:
        return f"{length / 1000:.0f} kB".replace(".", ",")
    return f"{length / 1_000_000:.1f} MB".replace(".", ",")


def download_page(catalogue: Catalogue, files: list[DataFile]) -> Page:
    """The download page; it lives at ``open-data/``, so a file's path is its relative link."""
    tables = [f for f in files if f.path.startswith("hsds/csv/") and f.path.endswith(".csv")]
    package = sum(len(f.content) for f in files if f.path.startswith("hsds/csv/"))
    listed = [
        (f, _size(package if f.path.endswith("datapackage.json") else len(f.content)))
        for f in files
        if f.title
    ]
    body = PageMaker(catalogue).render(
        "open_data.html", PAGE, files=listed, licence=catalogue.config.licence, tables=tables
    )
    return Page(
        PAGE,
        "Open data",
        body,
        "Alle gegevens van deze sociale kaart om te downloaden en te hergebruiken.",
        in_search=True,
    )


def open_data(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    """The producer: every file under ``open-data/``, then the page that lists them."""
    from mantelkaart.site.site_output import OutputFile

    files = data_files(catalogue, context.site_url)
    for data_file in files:
        yield OutputFile(f"{FOLDER}/{data_file.path}", data_file.content)
    yield download_page(catalogue, files)
