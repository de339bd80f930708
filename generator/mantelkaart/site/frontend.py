"""Front-end libraries the site hosts itself, copied into the site at build time.

The versions are those of ``package-lock.json``; the site never loads a script or
stylesheet from anywhere else. Each library's licence file goes along with it. An
installed Mantelkaart carries the files in its package (``vendor/``, copied from
``node_modules`` when the wheel is built: ``data/bundled-files.txt`` lists them), so
a region needs no Node or npm. A checkout of Mantelkaart reads ``node_modules``
(``npm ci``); so does a site with its own ``node_modules`` beside mkdocs.yml.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mantelkaart.site.site_output import OutputFile, SiteContext

VENDOR = "assets/mantelkaart/vendor"

# site path (under VENDOR) → path in node_modules
SEARCH_LIBRARIES = {
    "lunr/lunr.min.js": "lunr/lunr.min.js",
    "lunr/LICENSE": "lunr/LICENSE",
    "lunr/lunr.stemmer.support.min.js": "lunr-languages/min/lunr.stemmer.support.min.js",
    "lunr/lunr.nl.min.js": "lunr-languages/min/lunr.nl.min.js",
    "lunr/LICENSE-lunr-languages": "lunr-languages/LICENSE",
}
MAP_LIBRARIES = {
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet/images/marker-icon.png": "leaflet/dist/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png": "leaflet/dist/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png": "leaflet/dist/images/marker-shadow.png",
    "leaflet/images/layers.png": "leaflet/dist/images/layers.png",
    "leaflet/images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    "leaflet/LICENSE": "leaflet/LICENSE",
    "leaflet/leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "leaflet/MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "leaflet/MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "leaflet/LICENSE-markercluster": "leaflet.markercluster/MIT-LICENCE.txt",
}

# The typeface (Atkinson Hyperlegible, made for readers with low vision): Latin letters in
# the weights and styles the site uses; mantelkaart.css declares them with @font-face.
FONTS = {
    f"fonts/atkinson-hyperlegible-latin-{weight}-{style}.woff2": (
        f"@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-{weight}-{style}.woff2"
    )
    for weight in ("400", "700")
    for style in ("normal", "italic")
}
FONTS["fonts/LICENSE-atkinson-hyperlegible"] = "@fontsource/atkinson-hyperlegible/LICENSE"


class FrontendError(Exception):
    """A library the site needs is not installed; the message is Dutch."""


BUNDLED = Path(__file__).resolve().parents[1] / "vendor"  # in an installed wheel: mantelkaart/vendor


def _candidates(config_dir: Path) -> Iterator[Path]:
    for folder in (config_dir.resolve(), *config_dir.resolve().parents):
        yield folder / "node_modules"
    yield BUNDLED
    # An editable install (a checkout of Mantelkaart) has its own node_modules.
    yield Path(__file__).resolve().parents[3] / "node_modules"


def node_modules(config_dir: Path, needed: str) -> Path:
    """The ``node_modules`` folder beside mkdocs.yml (or above it, or in Mantelkaart's checkout)."""
    for candidate in _candidates(config_dir):
        if (candidate / needed).is_file():
            return candidate
    raise FrontendError(
        f"{needed} ontbreekt. De site host zijn scripts zelf: een geïnstalleerde Mantelkaart "
        "brengt ze mee (installeer opnieuw met pip als dit bericht blijft); in een checkout van "
        "Mantelkaart komen ze uit node_modules: voer daar 'npm ci' uit (of './dev build')."
    )


def vendor_files(context: SiteContext, libraries: dict[str, str]) -> Iterator[OutputFile]:
    from mantelkaart.site.site_output import OutputFile

    first = next(iter(libraries.values()))
    folder = node_modules(context.config_dir, first)
    for site_path, source in libraries.items():
        path = folder / source
        if not path.is_file():
            raise FrontendError(
                f"node_modules/{source} ontbreekt. Voer 'npm ci' uit om de bibliotheken te installeren."
            )
        yield OutputFile(f"{VENDOR}/{site_path}", path.read_bytes())
