"""The region's look: its colour (held to WCAG contrast), logo and footer, as the theme reads them.

The settings (their types are in ``core/branding.py``) are part of the plugin's section of ``mkdocs.yml`` (:class:`SiteConfig`); the
theme overrides in ``theme/`` read them from ``config.extra.mantelkaart`` (see
:func:`theme_settings`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mantelkaart.core.branding import DEFAULT_LOGO, darker
from mantelkaart.site.frontend import FONTS, vendor_files

if TYPE_CHECKING:
    from mantelkaart.core.config import SiteConfig
    from mantelkaart.site.site_output import Output, SiteContext


def theme_settings(site: SiteConfig, docs_dir: Path) -> dict[str, Any]:
    """What the theme overrides read from ``config.extra.mantelkaart`` about the look."""
    from mantelkaart.core.config import ConfigError

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
    from mantelkaart.site.site_output import OutputFile

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
