"""Several regions from one data folder (mkdocs.yml ``regions:``).

Records name the municipalities they serve (``werkgebied``, a regulation's
``gemeenten``), so a provider working in two regions is one record. A site is then
either

* one site with a part per region: each municipality page shows its region's
  consultant, colour and logo, and each region has a page (``/regio/<id>/``); or
* a site for one region alone (``build_region``, ``mantelkaart build --regio``): the
  whole data folder is validated, then :func:`regional_catalogue` keeps what serves that
  region's residents (or all of the Netherlands), with the region's consultant and name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE, ConfigError, SiteConfig


@dataclass(frozen=True)
class RegionPart:
    """A region of a site with a part per region, as its pages show it."""

    id: str
    name: str
    municipalities: dict[str, str]  # id: name, in the site's order
    colour: str
    logo: str | None  # a picture in docs/ (None: the site's header logo only)


def region_parts(config: SiteConfig) -> list[RegionPart]:
    """The site's regions in the order of mkdocs.yml (none for a site of one region)."""
    return [
        RegionPart(
            rid,
            region.name,
            {m: name for m, name in config.municipalities.items() if m in region.municipalities},
            region.colour or config.colour,
            region.logo or config.logo,
        )
        for rid, region in config.regions.items()
    ]


def region_part(config: SiteConfig, municipality_id: str) -> RegionPart | None:
    rid = config.region_of(municipality_id)
    return next((part for part in region_parts(config) if part.id == rid), None)


def _narrowed(area: list[str], keep: set[str]) -> list[str]:
    return [m for m in area if m in keep or m == NATIONWIDE]


def regional_catalogue(catalogue: Catalogue, region_id: str) -> Catalogue:
    """The catalogue of a site for one region: the services and regulations for its
    residents (or for all of the Netherlands), each naming only the region's municipalities;
    the providers behind them, every respite form, and the region's consultant."""
    config = catalogue.config.for_region(region_id)
    keep = set(config.municipalities)
    consultant = config.consultant
    offers: list[Offer] = []
    for offer in catalogue.offers:
        area = _narrowed(offer.service.area, keep)
        if area or offer.key == consultant:
            service = (
                offer.service
                if area == offer.service.area
                else offer.service.model_copy(update={"area": area})
            )
            offers.append(Offer(offer.provider_id, offer.provider, service, offer.relpath))
    regulations = {}
    for rid, regulation in catalogue.regulations.items():
        area = _narrowed(regulation.municipalities, keep)
        if area:
            same = area == regulation.municipalities
            regulations[rid] = regulation if same else regulation.model_copy(update={"municipalities": area})
    used = {offer.provider_id for offer in offers} | {r.issuer for r in regulations.values()}
    regional = Catalogue(
        config,
        catalogue.vocabularies,
        providers={pid: p for pid, p in catalogue.providers.items() if pid in used},
        respite_forms=dict(catalogue.respite_forms),
        regulations=regulations,
        offers=offers,
        files=dict(catalogue.files),
        guide=catalogue.guide,
        today=catalogue.today,
    )
    return regional


def regional_name(config: SiteConfig, region_id: str, site_name: str) -> str:
    """A regional build's site name: the region's ``site_name``, or the site's with the
    site's region name replaced by the region's ("Mantelkaart Drechtsteden en Hoeksche Waard"
    becomes "Mantelkaart Hoeksche Waard")."""
    region = config.regions[region_id]
    return region.site_name or site_name.replace(config.region, region.name)


def check_logos(config: SiteConfig, docs_dir: Path) -> None:
    """Every region's logo is a picture in docs/ (the site's own is checked by site/look.py)."""
    for rid, region in config.regions.items():
        if region.logo and not (docs_dir / region.logo).is_file():
            raise ConfigError(
                f"mantelkaart.regions.{rid}.logo: het bestand {region.logo} staat niet in de map "
                f"{docs_dir.name}/. (Zet het logo in die map, bijvoorbeeld als assets/logo-{rid}.svg, "
                f"en schrijf logo: assets/logo-{rid}.svg.)"
            )
