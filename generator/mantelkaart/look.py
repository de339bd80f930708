"""The region's look: its colour (held to WCAG contrast), logo and footer, as the theme reads them.

The settings are part of the plugin's section of ``mkdocs.yml`` (:class:`SiteConfig`); the
theme overrides in ``theme/`` read them from ``config.extra.mantelkaart`` (see
:func:`theme_settings`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mantelkaart.fields import Line, Url, fail
from mantelkaart.frontend import FONTS, vendor_files

if TYPE_CHECKING:
    from mantelkaart.config import SiteConfig
    from mantelkaart.site_output import Output, SiteContext

WHITE = "#ffffff"
MINIMUM_CONTRAST = 4.5  # WCAG 2.1 AA for text: white text on the colour, and the colour as text on white
DEFAULT_COLOUR = "#1d5a7a"  # 7.5:1 against white
DEFAULT_LOGO = "assets/mantelkaart/logo.svg"
_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def _channels(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def luminance(colour: str) -> float:
    """Relative luminance as WCAG 2.1 defines it."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darker(colour: str, share: float = 0.25) -> str:
    """The colour mixed with ``share`` black (for hover and focus)."""
    return "#" + "".join(f"{round(c * (1 - share)):02x}" for c in _channels(colour))


def passing_shade(colour: str) -> str:
    """The lightest shade of the colour (mixed with black) that has 4.5:1 against white."""
    share = 0.0
    while contrast(darker(colour, share), WHITE) < MINIMUM_CONTRAST + 0.05:
        share += 0.02
    return darker(colour, share)


def _colour(value: Any) -> str:
    text = str(value).strip() if isinstance(value, str) else ""
    if not _HEX.fullmatch(text):
        raise fail(
            f"'{value}' is geen kleur.",
            f"Schrijf de kleur als # met zes tekens, zoals {DEFAULT_COLOUR}, tussen aanhalingstekens.",
        )
    colour = "#" + "".join(d * 2 for d in text.lstrip("#")) if len(text.lstrip("#")) == 3 else text
    colour = "#" + colour.lstrip("#").lower()
    ratio = contrast(colour, WHITE)
    if ratio < MINIMUM_CONTRAST:
        raise fail(
            f"De kleur {colour} is te licht: wit op deze kleur (en deze kleur op wit) heeft een "
            f"contrast van {ratio:.1f} op 1; nodig is minstens 4,5 op 1.",
            f"Kies een donkerdere kleur, bijvoorbeeld {passing_shade(colour)}, zodat iedereen de tekst kan lezen.",
        )
    return colour


Colour = Annotated[str, BeforeValidator(_colour)]


class Organisation(BaseModel):
    """Who runs the site for the region (named in the footer of every page)."""

    model_config = ConfigDict(extra="forbid")
    name: Line = Field(alias="naam")
    website: Url | None = Field(default=None, alias="website")


def _site_link(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if text.startswith("https://") and " " not in text:
        return text
    if re.fullmatch(r"[\w.-]+(?:/[\w.-]+)*/?(?:#[\w-]+)?", text) and ".." not in text:
        return text
    raise fail(
        f"'{value}' is geen pagina van de site en geen webadres.",
        "Schrijf het adres van een pagina op de site, zoals privacy/, of een webadres dat met https:// begint.",
    )


SiteLink = Annotated[str, BeforeValidator(_site_link)]


def _picture(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if re.fullmatch(r"[\w-][\w.-]*(?:/[\w-][\w.-]*)*\.(?:svg|png|webp)", text) and ".." not in text:
        return text
    raise fail(
        f"'{value}' is geen plaatje in de map docs/.",
        "Schrijf waar het logo in docs/ staat, zoals assets/logo.svg (svg, png of webp).",
    )


Picture = Annotated[str, BeforeValidator(_picture)]


def theme_settings(site: SiteConfig, docs_dir: Path) -> dict[str, Any]:
    """What the theme overrides read from ``config.extra.mantelkaart`` about the look."""
    from mantelkaart.config import ConfigError

    if site.logo and not (docs_dir / site.logo).is_file():
        raise ConfigError(
            f"mantelkaart.logo: het bestand {site.logo} staat niet in de map {docs_dir.name}/. "
            "(Zet het logo in die map, bijvoorbeeld als assets/logo.svg, en schrijf logo: assets/logo.svg.)"
        )
    organisation = site.organisation
    return {
        "colour": site.colour,
        "colour_dark": darker(site.colour),
        "logo": site.logo or DEFAULT_LOGO,
        "organisation": {"name": organisation.name, "website": organisation.website}
        if organisation
        else None,
        "privacy": site.privacy,
    }


def look_outputs(catalogue: object, context: SiteContext) -> Iterator[Output]:
    """The default logo and the self-hosted typeface (with its licence)."""
    from mantelkaart.site_output import OutputFile

    logo = resources.files("mantelkaart") / "assets" / "logo.svg"
    yield OutputFile(DEFAULT_LOGO, logo.read_bytes())
    yield from vendor_files(context, FONTS)


# mkdocs-material's base.html gives its two hidden checkboxes (the menu and the search
# toggles) autocomplete="off", which HTML does not allow on a checkbox (Nu Html Checker).
_TOGGLES = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">'
)


def tidy_theme(html: str) -> str:
    """The page without the theme's invalid attributes (the only ones not in a partial we override)."""
    return _TOGGLES.sub(r"\1>", html, count=2)
