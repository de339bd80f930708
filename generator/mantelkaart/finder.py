"""The finder (/zoeken/): its page, search index, facet data and script, as site outputs.

Without JavaScript the page lists every active service, grouped, with plain links.
With it, ``finder.js`` shows a search form with facets and filters that same list:
the facet file (codes per service, labels once) arrives first, the search index
(see :mod:`mantelkaart.search_index`) and lunr.js only when someone searches.
Every data file numbers the services the same way: their position in
:func:`finder_offers`, which is also ``data-i`` in the page.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

from mantelkaart.catalogue import Catalogue, Offer
from mantelkaart.facets import facet_data, facets, used_values
from mantelkaart.frontend import SEARCH_LIBRARIES, vendor_files
from mantelkaart.page_kinds import sort_offers
from mantelkaart.pages import Page, PageMaker
from mantelkaart.search_index import search_index

if TYPE_CHECKING:
    from mantelkaart.outputs import Output, SiteContext

FINDER_PAGE = "zoeken/index.md"
FINDER_SCRIPT = "assets/mantelkaart/finder.js"
INDEX_FILE = "assets/mantelkaart/finder-index.json"
FACETS_FILE = "assets/mantelkaart/finder-facets.json"


def finder_offers(catalogue: Catalogue) -> list[Offer]:
    """The services the finder knows, in their fixed order (by name)."""
    return sort_offers(catalogue.active_offers())


def compact_json(data: Any) -> str:
    """JSON without spaces; ``<``, ``>`` and ``&`` escaped, so it is safe anywhere."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def groups(catalogue: Catalogue, offers: list[Offer]) -> list[tuple[str, str, list[tuple[int, Offer]]]]:
    """(anchor, heading, [(number, offer)]) for the list without JavaScript.

    Each service is listed once: under its respite form if it has one, otherwise
    under its first kind of support.
    """
    placed: dict[str, list[tuple[int, Offer]]] = {}
    for number, offer in enumerate(offers):
        service = offer.service
        form = service.respite_form if service.respite_form in catalogue.respite_forms else None
        key = f"vorm-{form}" if form else f"functie-{service.functions[0]}"
        placed.setdefault(key, []).append((number, offer))
    headings = [(f"vorm-{i}", f"Respijtzorg: {form.name}") for i, form in catalogue.respite_forms.items()]
    functions = catalogue.vocabularies["functies"]
    headings += [(f"functie-{term_id}", term.label) for term_id, term in functions.terms.items()]
    ordered = [(key, heading, placed.pop(key)) for key, heading in headings if key in placed]
    return ordered + [(key, key, items) for key, items in placed.items()]


def finder_page(catalogue: Catalogue, offers: list[Offer], site_url: str = "") -> Page:
    maker = PageMaker(catalogue, site_url)
    facet_list = [(facet, used_values(facet, offers)) for facet in facets(catalogue)]
    body = maker.render(
        "finder.html",
        FINDER_PAGE,
        title="Zoek hulp",
        offers=offers,
        groups=groups(catalogue, offers),
        facets=facet_list,
        facets_url=posixpath.relpath(FACETS_FILE, posixpath.dirname(FINDER_PAGE)),
    )
    return Page(
        FINDER_PAGE,
        "Zoek hulp",
        body,
        f"Zoek hulp voor mantelzorgers in de regio {catalogue.config.region}: op woord, gemeente, "
        "soort hulp en voor wie.",
    )


def finder_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    from mantelkaart.outputs import OutputFile

    offers = finder_offers(catalogue)
    script = (resources.files("mantelkaart") / "assets" / "finder.js").read_text(encoding="utf-8")
    yield OutputFile(FINDER_SCRIPT, script)
    yield from vendor_files(context, SEARCH_LIBRARIES)
    yield finder_page(catalogue, offers, context.site_url)
    yield OutputFile(FACETS_FILE, compact_json(facet_data(catalogue, offers)))
    yield OutputFile(INDEX_FILE, compact_json(search_index(catalogue, offers)))
