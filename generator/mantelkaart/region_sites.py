"""One published tree from sites built per region (``mantelkaart build --regio``).

A repository with many regions builds each region's site on its own machine (a job of a
GitHub Actions matrix, ``.github/workflows/regions.yml``) and publishes them together:
each region's site in ``/<region-id>/`` and, at the top, a page that lists the regions.
A regional build's ``site_url`` is the site's with ``<region-id>/`` added
(:func:`regional_site_url`), so its canonical links and sitemap point into that folder.
"""

from __future__ import annotations

import json
import shutil
from html import escape
from pathlib import Path

from mantelkaart.core.config import SiteConfig


def region_ids(config: SiteConfig) -> list[str]:
    """The ids of the site's regions, in the order of mkdocs.yml."""
    return list(config.regions)


def regions_json(config: SiteConfig) -> str:
    """The region ids as a JSON list on one line (a GitHub Actions matrix reads it)."""
    return json.dumps(region_ids(config))


def regional_site_url(site_url: str, region_id: str) -> str:
    """Where a region's site is published in the tree: the site's address plus ``<id>/``."""
    if not site_url:
        return ""
    return f"{site_url.rstrip('/')}/{region_id}/"


def overview_page(config: SiteConfig) -> str:
    """The page at the top of the published tree: one link per region (plain Dutch)."""
    items = "\n".join(
        f'      <li><a href="{escape(rid)}/">{escape(region.name)}</a></li>'
        for rid, region in config.regions.items()
    )
    title = escape(f"Mantelkaart {config.region}")
    return f"""<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <style>
    body {{ font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem;
           line-height: 1.5; color: #1a1a1a; }}
    a {{ color: {escape(config.colour)}; }}
    li {{ margin: 0.4rem 0; font-size: 1.15rem; }}
  </style>
</head>
<body>
  <main>
    <h1>{title}</h1>
    <p>Kies de regio waar de persoon woont voor wie u zorgt.</p>
    <ul>
{items}
    </ul>
  </main>
</body>
</html>
"""


class MissingRegions(Exception):
    """A region's site is not in the published tree (its build failed or was not made)."""


def write_overview(config: SiteConfig, folder: Path) -> Path:
    """Write ``folder/index.html`` once every region's site is in ``folder/<region-id>/``.

    A missing region stops the publication instead of leaving a hole in the tree."""
    if not config.regions:
        raise MissingRegions("In mkdocs.yml staan geen regio's ('regions').")
    missing = [rid for rid in config.regions if not (folder / rid / "index.html").is_file()]
    if missing:
        raise MissingRegions(
            f"De site van deze regio's ontbreekt in {folder}: {', '.join(missing)}. "
            "(Bouw ze met 'mantelkaart build --regio ID' en zet ze in een map met de regio-id.)"
        )
    page = folder / "index.html"
    page.write_text(overview_page(config), encoding="utf-8")
    return page


def assemble(config: SiteConfig, sites: dict[str, Path], target: Path) -> Path:
    """Copy each region's built site into ``target/<region-id>/`` and write the overview
    page: what the publish job of the workflow does with the regions' artifacts."""
    for rid, site in sites.items():
        shutil.copytree(site, target / rid, dirs_exist_ok=True)
    return write_overview(config, target)
