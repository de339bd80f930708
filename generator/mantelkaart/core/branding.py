"""The region's branding as configuration values: its colour, held to WCAG contrast, and its organisation, logo and links.

These are the types of the look settings in ``mkdocs.yml`` (:class:`~mantelkaart.core.config.SiteConfig`);
``site/look.py`` turns them into what the theme reads. They live in the core so that the configuration
imports nothing from the site's outputs (docs-dev/architecture.md).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mantelkaart.core.fields import Line, Url, fail

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
