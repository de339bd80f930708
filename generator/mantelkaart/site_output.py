"""One output of a site build, a page or a file, and what a producer is given to make it.

The producers (finder, maps, open data, …) import these types from here; ``outputs.py``
holds the list of producers. So the list imports the producers and no producer imports
the list: no import circle (docs-dev/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from mantelkaart.catalogue import Catalogue
    from mantelkaart.pages import Page


@dataclass(frozen=True)
class OutputFile:
    """A file copied into the site as-is."""

    path: str
    content: str | bytes


@dataclass(frozen=True)
class SiteContext:
    """What producers may need besides the catalogue."""

    site_url: str
    config_dir: Path  # the folder of mkdocs.yml (node_modules lives there)
    previous_site: Path | None = None  # the site as it was before this build, if there is one


Output: TypeAlias = "Page | OutputFile"
Producer: TypeAlias = "Callable[[Catalogue, SiteContext], Iterable[Output]]"
