"""Site configuration: the region and its people, given by the renderer's config.

In MkDocs this is the ``mantelkaart`` plugin section of ``mkdocs.yml``; the core
only sees the resulting :class:`SiteConfig`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from mantelkaart.core.branding import DEFAULT_COLOUR, Colour, Organisation, Picture, SiteLink
from mantelkaart.core.fields import Email, Line, Url

NATIONWIDE = "landelijk"


class ConfigError(Exception):
    """Configuration that cannot be used, with a Dutch message."""


CONSULTANT_HINT = (
    "Zet bij 'consultant' de dienst van de consulent als aanbieder-id/dienst-id, bijvoorbeeld "
    "consultant: mee-drechtsteden/respijtconsulent. Naam, nummer en tijden komen dan uit dat record."
)


def _consultant_reference(value: Any) -> str:
    from mantelkaart.core.fields import fail

    if isinstance(value, str) and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*", value):
        return value
    raise fail(f"'{value}' is geen verwijzing naar een dienst.", CONSULTANT_HINT)


class Reporting(BaseModel):
    """Where "Klopt er iets niet?" sends a visitor: a GitHub issue or an e-mail."""

    model_config = ConfigDict(extra="forbid")
    github: str | None = Field(default=None, pattern=r"^[\w.-]+/[\w.-]+$")
    email: Email | None = None


class Licence(BaseModel):
    """The licence of the site's open data (shown on the download page, named in the exports)."""

    model_config = ConfigDict(extra="forbid")
    name: Line = Field(alias="naam")
    url: Url | None = Field(default=None, alias="url")


PDOK_TILES = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"


class MapTiles(BaseModel):
    """Where map tiles come from (the only third-party requests the site makes)."""

    model_config = ConfigDict(extra="forbid")
    url: str = PDOK_TILES
    attribution: Line = "Kaartgegevens © Kadaster"
    attribution_url: Url | None = "https://www.pdok.nl/"

    @field_validator("url")
    @classmethod
    def _template(cls, value: str) -> str:
        from mantelkaart.core.fields import fail

        if not value.startswith("https://") or any(c in value for c in ' "<>'):
            raise fail(
                f"'{value}' is geen bruikbaar webadres voor kaarttegels.",
                "Gebruik een adres dat met https:// begint, zoals " + PDOK_TILES,
            )
        missing = [part for part in ("{z}", "{x}", "{y}") if part not in value]
        if missing:
            raise fail(
                f"In het adres voor kaarttegels ontbreekt {', '.join(missing)}.",
                "Het adres heeft {z}, {x} en {y} nodig, zoals " + PDOK_TILES,
            )
        return value

    def host(self) -> str:
        return self.url.split("/")[2]


class CmsSettings(BaseModel):
    """The web editor at /admin/ (Decap CMS): where it saves, and how editors log in."""

    model_config = ConfigDict(extra="forbid")
    github: str | None = Field(default=None, pattern=r"^[\w.-]+/[\w.-]+$")  # default: report.github
    branch: str = Field(default="main", pattern=r"^[\w./-]+$")
    base_url: Url | None = None  # the OAuth proxy that logs editors in to GitHub
    auth_endpoint: str | None = Field(default=None, pattern=r"^[\w./-]+$")
    local_backend: bool | Url = True  # decap-server on this computer (or its address)


ConsultantReference = Annotated[str, BeforeValidator(_consultant_reference)]


class Region(BaseModel):
    """A part of the site (mkdocs.yml ``regions:``): its municipalities, consultant and look.

    One data folder can serve several regions: a record names the municipalities it
    serves, so a provider working in two regions is one record, shown in both.
    """

    model_config = ConfigDict(extra="forbid")
    name: Line = Field(alias="naam")
    municipalities: list[str] = Field(default_factory=list)  # ids from the site's municipalities
    consultant: ConsultantReference | None = None  # required; checked by region_problems
    colour: Colour | None = None  # default: the site's
    logo: Picture | None = None  # default: the site's
    site_name: Line | None = None  # a regional build's site_name (default: the site's, region name swapped)


class SiteConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    region: Line = "Voorbeeldregio"
    municipalities: dict[str, Line] = Field(default_factory=dict)
    # The consultant is a service record (provider-id/service-id): every page reads its contact there.
    consultant: ConsultantReference | None = None
    report: Reporting = Field(default_factory=Reporting)
    example_data: bool = False
    stale_after_months: int = Field(default=12, ge=1, le=120)
    data_dir: str = "."
    route_planner: str = "https://www.openstreetmap.org/directions?to={lat}%2C{lon}"
    cms: CmsSettings = Field(default_factory=CmsSettings)
    map_tiles: MapTiles = Field(default_factory=MapTiles)
    licence: Licence | None = None  # of the open data exports
    province: Line | None = None  # of the addresses, for the HSDS exports (state_province)
    # The look (site/look.py): the region's colour (at least 4.5:1 against white), its logo (a
    # picture in docs/), and who runs the site and its privacy statement (in every footer).
    colour: Colour = DEFAULT_COLOUR
    logo: Picture | None = None
    organisation: Organisation | None = None
    privacy: SiteLink | None = None
    # Up to this many services, the finder page lists them all for visitors without
    # JavaScript; above it, it lists the groups, each linking to a page with its services.
    finder_list_limit: int = Field(default=500, ge=0)
    # Printable PDF folders per municipality and respite form (WeasyPrint); false: none.
    folders: bool = True
    # The CBS code of each municipality (GM0505 for Dordrecht), for the comparison's open data.
    cbs_codes: dict[str, Annotated[str, Field(pattern=r"^GM[0-9]{4}$")]] = Field(default_factory=dict)
    # Several regions from one data folder (core/regions.py): each municipality in exactly one region,
    # each region with its own consultant (and colour and logo if it likes). Without
    # 'build_region' the site has a part per region (/regio/<id>/); with it, the site is
    # that region's alone: its municipalities, records, consultant, colour, logo and name.
    regions: dict[str, Region] = Field(default_factory=dict)
    build_region: str | None = None
    _whole: SiteConfig | None = PrivateAttr(default=None)  # a regional config's whole site

    @field_validator("municipalities")
    @classmethod
    def _slugs(cls, value: dict[str, str]) -> dict[str, str]:
        from mantelkaart.core.fields import SLUG

        for key in value:
            if not SLUG.match(key) or key == NATIONWIDE:
                raise ValueError(f"'{key}' is geen geldige gemeente-id")
        return value

    @field_validator("cbs_codes")
    @classmethod
    def _known(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        known = info.data.get("municipalities") or {}
        for key in value:
            if key not in known:
                raise ValueError(f"'{key}' staat niet bij municipalities")
        return value

    def region_of(self, municipality_id: str) -> str | None:
        """The id of the region a municipality belongs to (None without regions)."""
        return next((rid for rid, r in self.regions.items() if municipality_id in r.municipalities), None)

    def consultant_for(self, area: list[str] | None = None) -> str | None:
        """The consultant for residents of ``area``: its region's when the area lies in one
        region, otherwise the site's own."""
        if area and self.regions and NATIONWIDE not in area:
            found = {self.region_of(m) for m in area}
            if len(found) == 1 and None not in found:
                return self.regions[found.pop() or ""].consultant or self.consultant
        return self.consultant

    def consultants(self) -> set[str]:
        """Every consultant the site names: its own and its regions'."""
        named = {self.consultant, *(r.consultant for r in self.regions.values())}
        return {key for key in named if key}

    def for_region(self, region_id: str) -> SiteConfig:
        """The configuration of a site for one region alone (``build_region``)."""
        region = self.regions[region_id]
        keep = set(region.municipalities)
        regional = self.model_copy(
            update={
                "region": region.name,
                "municipalities": {m: name for m, name in self.municipalities.items() if m in keep},
                "cbs_codes": {m: code for m, code in self.cbs_codes.items() if m in keep},
                "consultant": region.consultant,
                "colour": region.colour or self.colour,
                "logo": region.logo or self.logo,
                "regions": {},
                "build_region": None,
            }
        )
        regional._whole = self.whole_site()
        return regional

    def whole_site(self) -> SiteConfig:
        """The configuration of every region: what editors' tools (the web editor, the JSON
        Schema) offer, as records name municipalities of any region."""
        return self._whole or self

    def municipality_ids(self) -> set[str]:
        return {*self.municipalities, NATIONWIDE}

    def municipality_label(self, municipality_id: str) -> str:
        if municipality_id == NATIONWIDE:
            return "Heel Nederland"
        return self.municipalities.get(municipality_id, municipality_id)

    def data_path(self, base: Path) -> Path:
        return (base / self.data_dir).resolve()

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> SiteConfig:
        try:
            config = cls.model_validate(options)
        except ValidationError as error:
            from mantelkaart.core.native import details
            from mantelkaart.core.problems import translate

            lines = []
            for item in details(error):
                where = ".".join(str(p) for p in item["loc"])
                message, hint = translate(item, cls)
                expected = {"int": "een heel getal", "bool": "true of false", "string": "tekst"}
                kind = item["type"].split("_")[0]
                if kind in expected and item["type"] != "string_pattern_mismatch":
                    message = f"'{item.get('input')}' is hier niet goed; verwacht: {expected[kind]}."
                lines.append(f"mantelkaart.{where}: {message}" + (f" ({hint})" if hint else ""))
            raise ConfigError(
                "De instellingen van mantelkaart in mkdocs.yml kloppen niet:\n" + "\n".join(lines)
            ) from None
        problems = region_problems(config)
        if problems:
            raise ConfigError(
                "De instellingen van mantelkaart in mkdocs.yml kloppen niet:\n" + "\n".join(problems)
            )
        return config


def region_problems(config: SiteConfig) -> list[str]:
    """What is wrong with ``regions`` and ``build_region``, one line each (where: what (hint))."""
    from mantelkaart.core.fields import SLUG
    from mantelkaart.core.problems import suggest

    problems: list[str] = []

    def problem(where: str, message: str, hint: str) -> None:
        problems.append(f"mantelkaart.{where}: {message} ({hint})")

    owner: dict[str, str] = {}
    for rid, region in config.regions.items():
        if not SLUG.match(rid) or rid == NATIONWIDE:
            problem(
                f"regions.{rid}",
                f"'{rid}' is geen geldige regio-id.",
                "Gebruik kleine letters, cijfers en streepjes, zoals hoeksche-waard.",
            )
        if not region.municipalities:
            problem(
                f"regions.{rid}.municipalities",
                f"De regio '{rid}' heeft geen gemeenten.",
                "Zet de gemeente-id's van de regio eronder, zoals municipalities: [dordrecht, zwijndrecht].",
            )
        if not region.consultant:
            problem(
                f"regions.{rid}.consultant",
                f"De regio '{rid}' heeft geen consulent.",
                "Elke regio heeft een eigen consulent: zet de dienst als aanbieder-id/dienst-id, zoals consultant: mee-drechtsteden/respijtconsulent.",
            )
        for municipality in region.municipalities:
            if municipality not in config.municipalities:
                hint = (
                    suggest(municipality, config.municipalities)
                    or "Zet de gemeente eerst bij 'municipalities' in mkdocs.yml."
                )
                problem(
                    f"regions.{rid}.municipalities",
                    f"De gemeente '{municipality}' staat niet bij municipalities.",
                    hint,
                )
            elif municipality in owner:
                other = owner[municipality]
                where = "nog een keer bij deze regio" if other == rid else f"ook bij de regio '{other}'"
                problem(
                    f"regions.{rid}.municipalities",
                    f"De gemeente '{municipality}' staat {where}.",
                    "Een gemeente hoort bij één regio, en dus bij één consulent. Haal hem weg bij de andere regio.",
                )
            else:
                owner[municipality] = rid
    if config.regions:
        for municipality, name in config.municipalities.items():
            if municipality not in owner:
                problem(
                    "regions",
                    f"De gemeente '{municipality}' ({name}) staat bij geen enkele regio.",
                    "Zet de gemeente bij de municipalities van één regio, of haal hem weg bij municipalities.",
                )
    if config.build_region is not None and config.build_region not in config.regions:
        if config.regions:
            hint = suggest(config.build_region, config.regions) or "Kies een regio-id uit 'regions'."
        else:
            hint = "Zet de regio's eerst onder 'regions', of haal 'build_region' weg."
        problem("build_region", f"De regio '{config.build_region}' bestaat niet.", hint)
    return problems


Format = Literal["text", "github", "json"]
