"""One output of a site build, a page or a file, and what a producer is given to make it.

A :class:`Page` is Markdown with front matter around escaped HTML (made by ``site/pages.py``);
the renderer turns it into the site.

The producers (finder, maps, open data, …) import these types from here; ``build/outputs.py``
holds the list of producers. So the list imports the producers and no producer imports
the list: no import circle (docs-dev/architecture.md).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from mantelkaart.core.catalogue import Catalogue


@dataclass(frozen=True)
class Page:
    path: str  # source path, e.g. "aanbod/de-mantelaar/logeeropvang.md"
    title: str
    body: str  # HTML, already escaped
    description: str = ""
    source: str | None = None  # the YAML file this page is made from (edit button)
    in_search: bool = False  # listed in mkdocs-material's search index
    robots: str = ""  # e.g. "noindex": a <meta name="robots"> (theme/main.html)
    json_ld: dict[str, Any] | None = None  # schema.org data, put in <head> (theme/main.html)
    # The finder page: where its data is and which address keys ask for results, so the
    # top of <head> starts loading it (theme/partials/finder-loader.html).
    finder: dict[str, str] | None = None

    def markdown(self) -> str:
        meta: dict[str, Any] = {"title": html.escape(self.title)}
        if self.description:
            meta["description"] = html.escape(self.description)
        if not self.in_search:
            meta["search"] = {"exclude": True}
        if self.robots:
            meta["robots"] = self.robots
        if self.finder:
            meta["finder"] = self.finder
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())
        if self.json_ld:  # ASCII only (\\u escapes): any text reads back the same
            front += f"\njson_ld: {json.dumps(self.json_ld, separators=(',', ':'))}"
        return f"---\n{front}\n---\n\n{self.body}\n"


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


Output: TypeAlias = Page | OutputFile
Producer: TypeAlias = "Callable[[Catalogue, SiteContext], Iterable[Output]]"


def compact_json(data: Any) -> str:
    """JSON without spaces; ``<``, ``>`` and ``&`` escaped, so it is safe anywhere."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
