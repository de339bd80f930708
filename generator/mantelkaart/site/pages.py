"""Page sources: every generated page as Markdown with front matter and escaped HTML.

This is the portable contract with the renderer: MkDocs (or any successor that
reads Markdown with front matter) turns these into the site. All record text
goes through auto-escaping Jinja templates; front matter values are escaped too,
because mkdocs-material prints ``page.meta.title`` without escaping.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from mantelkaart.core import presentation
from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.indication import indication_line
from mantelkaart.core.regions import region_parts
from mantelkaart.core.services import Indication
from mantelkaart.site import glossary
from mantelkaart.site.site_output import Page


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("mantelkaart", "templates"),
        autoescape=True,
        auto_reload=False,  # the templates ship with the package: no stat() per page
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.filters.update(
        dutch_date=presentation.dutch_date,
        phone_href=presentation.phone_href,
        phone_text=presentation.phone_text,
        safe_href=presentation.safe_href,
        paragraphs=presentation.paragraphs,
        day_list=presentation.day_list,
        dutch_time=presentation.dutch_time,
    )
    return env


ENVIRONMENT = _environment()
# Record pages explain hard words (Wmo, CIZ, pgb, …) where they first use them.
EXPLAINED = {
    "service.html",
    "provider.html",
    "regulation.html",
    "regulations.html",
    "respite_form.html",
    "respite_forms.html",
    "municipality.html",
    "term.html",
}
_BLANK_LINES = re.compile(r"\n\s*\n")


def _tidy(markup: str) -> str:
    """No blank lines, so Markdown keeps the whole block as raw HTML."""
    return _BLANK_LINES.sub("\n", markup).strip()


class PageMaker:
    """Renders the pages of one catalogue; knows every page's path."""

    def __init__(self, catalogue: Catalogue, site_url: str = "") -> None:
        self.catalogue = catalogue
        self.config = catalogue.config
        self.vocabularies = catalogue.vocabularies
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self._items: dict[tuple[str, int, bool], Markup] = {}
        self.regions = region_parts(self.config)  # a part per region (regions: in mkdocs.yml), or none

    # -- paths -------------------------------------------------------------
    @staticmethod
    def offer_path(offer: Offer) -> str:
        return f"aanbod/{offer.provider_id}/{offer.service.id}.md"

    @staticmethod
    def offer_key_path(key: str) -> str:
        """The page of the offer ``provider/service``."""
        return f"aanbod/{key}.md"

    @staticmethod
    def path(kind: str, item_id: str | None = None) -> str:
        folder = {
            "providers": "aanbieders",
            "respite-forms": "respijtzorg",
            "regulations": "regelingen",
            "municipalities": "gemeenten",
            "target-groups": "voor-wie",
            "functions": "ondersteuning",
            "offers": "aanbod",
            "regions": "regio",
        }[kind]
        return f"{folder}/{item_id}.md" if item_id else f"{folder}/index.md"

    # -- rendering ---------------------------------------------------------
    def render(self, template: str, here: str, **values: Any) -> str:
        def url(target: str) -> str:
            return presentation.relative_url(here, target)

        def label(vocabulary: str, term_id: str) -> str:
            if vocabulary == "gemeenten":
                return self.config.municipality_label(term_id)
            return self.vocabularies[vocabulary].label(term_id)

        def explanation(vocabulary: str, term_id: str) -> str:
            term = self.vocabularies[vocabulary].terms.get(term_id)
            return term.explanation if term else ""

        def indication(value: Indication | None, short: bool = False) -> str:
            return indication_line(value, self.vocabularies, short)

        def route(lat: float, lon: float) -> str:
            return presentation.route_url(self.config, lat, lon)

        markup = ENVIRONMENT.get_template(template).render(
            here=here,
            url=url,
            label=label,
            explanation=explanation,
            route=route,
            indication=indication,
            maker=self,
            catalogue=self.catalogue,
            config=self.config,
            NATIONWIDE=NATIONWIDE,
            **values,
        )
        if template in EXPLAINED:
            markup = glossary.explain(markup)
        return _tidy(markup)

    def offer_item(self, offer: Offer, here: str, show_provider: bool = True) -> Markup:
        """One offer in a list; rendered once per page depth and reused on every list page."""
        key = (offer.key, presentation.page_url(here).count("/"), show_provider)
        item = self._items.get(key)
        if item is None:
            item = Markup(self.render("offer_item.html", here, offer=offer, show_provider=show_provider))
            self._items[key] = item
        return item

    def report_link(self, title: str, path: str, source: str) -> presentation.ReportLinks | None:
        address = self.site_url + presentation.page_url(path)
        record_id = path.split("/", 1)[1].removesuffix(".md")  # aanbod/x/y.md -> x/y
        return presentation.report_url(self.config, title, address, source, record_id)

    def pages(self) -> Iterator[Page]:
        from mantelkaart.site.page_kinds import all_pages

        yield from all_pages(self)

    def block(self, name: str, here: str) -> str:
        """A generated block for a hand-written page (``<!-- mantelkaart:NAME -->``)."""
        from mantelkaart.site.page_kinds import BLOCKS

        if name not in BLOCKS:
            raise KeyError(name)
        return self.render(f"block_{BLOCKS[name]}.html", here)
