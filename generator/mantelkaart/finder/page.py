"""The finder (/zoeken/): its page, search index, facet and list data and script, as site outputs.

Without JavaScript the page lists every active service, grouped, with plain links. On a
large site (more than ``finder_list_limit`` services) it lists the groups instead, each
linking to a plain page with all services of that group (``zoeken/alle/<group>/``), so a
visitor without JavaScript is one click further and the page stays small.

With JavaScript, ``finder.js`` shows a search form with facets (behind one "Filters (n)"
button on small screens). The page already holds the first result list of the view without
search words or choices (the first :data:`PAGE_SIZE` services, active before temporarily
closed, by name, and each facet value's count), shown at first paint when the address asks
for nothing else. Each result is a card (:mod:`mantelkaart.finder.cards`): place, cost, indicatie,
phone, a badge when temporarily closed. At zero results the consultant's box (in the page,
hidden) is shown above the filters. The facet file (codes per service, labels once)
and the list file (what a result shows) are fetched early by a small script in the page;
the search index (see :mod:`mantelkaart.finder.search_index`) and lunr.js only when there are
search words. Every data file numbers the services the same way: their position in
:func:`finder_offers`, which is also ``data-i`` in the page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.presentation import page_url
from mantelkaart.finder.cards import card
from mantelkaart.finder.facets import (
    FORMER_KEYS,
    NATIONWIDE_CODE,
    facet_data,
    facets,
    sections,
    unragged,
    used_values,
)
from mantelkaart.finder.query import form_words
from mantelkaart.finder.search_index import search_index
from mantelkaart.site.frontend import SEARCH_LIBRARIES, vendor_files
from mantelkaart.site.page_kinds import finder_offers
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page, compact_json

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

FINDER_PAGE = "zoeken/index.md"
FINDER_SCRIPT = "assets/mantelkaart/finder.js"
HEADER_SEARCH_SCRIPT = "assets/mantelkaart/header-search.js"  # every page's search box
FINDER_STYLESHEET = "assets/mantelkaart/finder.css"  # linked from the finder page only
INDEX_FILE = "assets/mantelkaart/finder-index.json"
FACETS_FILE = "assets/mantelkaart/finder-facets.json"
ITEMS_FILE = "assets/mantelkaart/finder-items.json"
PAGES_FILE = "assets/mantelkaart/finder-pages.json"  # the other pages one search finds
GROUP_PAGES = "zoeken/alle"  # zoeken/alle/<group>.md: one group's services, for large sites
PAGE_SIZE = 30  # results shown at once ("Toon meer" adds as many); finder.js reads it from the page


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


def group_path(key: str) -> str:
    return f"{GROUP_PAGES}/{key}.md"


def value_counts(data: dict[str, Any]) -> dict[str, list[int]]:
    """Per facet key, how many services have each value: the counts without any choice.

    The same numbers ``finder.js`` shows before anything is chosen (a nationwide service
    counts for every municipality).
    """
    counts: dict[str, list[int]] = {}
    for facet in data["facets"]:
        numbers = [0] * len(facet["values"])
        for codes in unragged(data["columns"][facet["key"]]):
            for code in codes:
                if code == NATIONWIDE_CODE:
                    numbers = [n + 1 for n in numbers]
                else:
                    numbers[code] += 1
        counts[facet["key"]] = numbers
    return counts


ITEM_FIELDS = "|"  # between the fields of one item in the list file (JSON needs no escape for it)
ITEM_BAR = "\u00a6"  # a "|" in record text is written as "¦", which looks the same


def _field(text: str) -> str:
    return text.replace(ITEM_FIELDS, ITEM_BAR)


def item_data(catalogue: Catalogue, offers: list[Offer]) -> dict[str, Any]:
    """The list file: what a result card shows, per service (see :mod:`mantelkaart.finder.cards`).

    All items are one text, so the browser reads one string instead of 40,000: item ``i``
    is the ``sizes[i]`` characters (UTF-16 code units, as JavaScript counts) after those of
    the items before it, and holds, separated by :data:`ITEM_FIELDS`: the end of its page
    address (after its folder), name, provider number (in ``providers``), summary, "1" when
    temporarily closed, the numbers (in ``texts``) of its place, cost, indicatie and phone
    (link, number and whom it reaches, separated the same way), and the number of its page's
    folder (in ``folders``: "aanbod/<provider>/", from the site root). Texts, providers and
    folders repeat across services, so each is stored once; nothing in the text needs a JSON
    escape, so the file is smaller and quicker to read (1.8 instead of 2.5 MB at 10,000 services).
    """
    providers: dict[str, int] = {}
    folders: dict[str, int] = {}
    texts: dict[str, int] = {"": 0}
    items = []
    for offer in offers:
        provider = providers.setdefault(offer.provider.name, len(providers))
        shown = card(catalogue, offer)
        phone = (
            ITEM_FIELDS.join(_field(text) for text in (shown.phone_href, shown.phone_text, shown.phone_who))
            if shown.phone_href
            else ""
        )
        numbers = [
            texts.setdefault(text, len(texts))
            for text in (_field(shown.place), _field(shown.cost), _field(shown.indication), phone)
        ]
        page = page_url(PageMaker.offer_path(offer))
        cut = page.rstrip("/").rfind("/") + 1
        folder = folders.setdefault(page[:cut], len(folders))
        fields = [
            page[cut:],
            offer.service.name,
            str(provider),
            offer.service.summary,
            "1" if shown.closed else "",
        ]
        items.append(ITEM_FIELDS.join([*map(_field, fields), *map(str, numbers), str(folder)]))
    return {
        "version": 4,
        "providers": list(providers),
        "folders": list(folders),
        "texts": list(texts),
        "sizes": [len(text.encode("utf-16-le")) // 2 for text in items],
        "text": "".join(items),
    }


# The public hand-written and overview pages the header search suggests too (title, path, words).
OTHER_PAGES = (
    ("Keuzehulp: welke hulp past bij u?", "keuzehulp/index.md", "keuzehulp vragen kiezen welke hulp past"),
    ("Voor verwijzers", "verwijzers/index.md", "verwijzers professionals verwijzen casemanager wijkteam"),
    ("Gemeenten vergelijken", "gemeenten/vergelijk.md", "vergelijken gemeenten verschil"),
    ("Over deze site", "over.md", "over contact wie"),
    ("Toegankelijkheid", "toegankelijkheid.md", "toegankelijkheid"),
    ("Privacy", "privacy.md", "privacy cookies gegevens"),
    ("Open data", "open-data/index.md", "open data download csv"),
)


def page_list(catalogue: Catalogue) -> list[list[str]]:
    """[title, address from the site root, kind, other words] of each page besides the
    services' that one search finds: respite forms, regulations, municipalities, target
    groups, kinds of help, providers and the public hand-written pages (never the editors')."""
    path = PageMaker.path
    vocabularies = catalogue.vocabularies
    found: list[list[str]] = []
    for form_id, form in catalogue.respite_forms.items():
        words = " ".join([*form.aliases, *form_words(form_id)])
        found.append([form.name, page_url(path("respite-forms", form_id)), "Respijtzorg", words])
    for regulation_id, regulation in catalogue.regulations.items():
        found.append([regulation.name, page_url(path("regulations", regulation_id)), "Regeling", ""])
    for municipality_id, name in catalogue.config.municipalities.items():
        found.append([name, page_url(path("municipalities", municipality_id)), "Gemeente", ""])
    for kind, vocabulary, label in (
        ("target-groups", "doelgroepen", "Voor wie"),
        ("functions", "functies", "Soort hulp"),
    ):
        for term_id, term in vocabularies[vocabulary].terms.items():
            found.append([term.label, page_url(path(kind, term_id)), label, " ".join(term.synonyms)])
    for provider_id, provider in catalogue.providers.items():
        found.append([provider.name, page_url(path("providers", provider_id)), "Aanbieder", ""])
    found += [[title, page_url(source), "Pagina", words] for title, source, words in OTHER_PAGES]
    return found


def finder_page(
    catalogue: Catalogue,
    offers: list[Offer],
    site_url: str = "",
    data: dict[str, Any] | None = None,
) -> Page:
    maker = PageMaker(catalogue, site_url)
    data = data if data is not None else facet_data(catalogue, offers)
    facet_list = [(facet, used_values(facet, offers)) for facet in facets(catalogue)]
    here = posixpath.dirname(FINDER_PAGE)
    state_keys = " ".join(["zoek", "open", *(facet.key for facet, _ in facet_list), *FORMER_KEYS])
    assets_url = posixpath.relpath(posixpath.dirname(FACETS_FILE), here) + "/"
    body = maker.render(
        "finder.html",
        FINDER_PAGE,
        title="Zoek hulp",
        offers=offers,
        first_page=list(enumerate(offers[:PAGE_SIZE])),
        card=lambda offer: card(catalogue, offer),
        page_size=PAGE_SIZE,
        groups=groups(catalogue, offers),
        full_list=len(offers) <= catalogue.config.finder_list_limit,
        group_path=group_path,
        facets=facet_list,
        sections={facet.key: sections(catalogue, facet, values) for facet, values in facet_list},
        counts=value_counts(data),
        state_keys=state_keys,
        assets_url=assets_url,
    )
    return Page(
        FINDER_PAGE,
        "Zoek hulp",
        body,
        f"Zoek hulp voor mantelzorgers in de regio {catalogue.config.region}: op woord, gemeente, "
        "soort hulp en voor wie.",
        finder={"assets": assets_url, "keys": state_keys},
    )


def group_pages(catalogue: Catalogue, offers: list[Offer], site_url: str = "") -> Iterator[Page]:
    """One plain page per group of the list without JavaScript, when the finder page only
    links to the groups (a large site). Out of the nav and of mkdocs-material's search."""
    if len(offers) <= catalogue.config.finder_list_limit:
        return
    maker = PageMaker(catalogue, site_url)
    for key, heading, items in groups(catalogue, offers):
        path = group_path(key)
        count = len(items)
        yield Page(
            path,
            f"Alle hulp: {heading}",
            maker.render(
                "finder_group.html",
                path,
                title=f"Alle hulp: {heading}",
                offers=[offer for _, offer in items],
                finder=FINDER_PAGE,
            ),
            f"{heading}: alle {count} diensten voor mantelzorgers in de regio {catalogue.config.region}.",
        )


def finder_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    from mantelkaart.site.site_output import OutputFile

    offers = finder_offers(catalogue)
    assets = resources.files("mantelkaart") / "assets"
    yield OutputFile(FINDER_SCRIPT, (assets / "finder.js").read_text(encoding="utf-8"))
    yield OutputFile(HEADER_SEARCH_SCRIPT, (assets / "header-search.js").read_text(encoding="utf-8"))
    yield OutputFile(FINDER_STYLESHEET, (assets / "finder.css").read_text(encoding="utf-8"))
    yield from vendor_files(context, SEARCH_LIBRARIES)
    data = facet_data(catalogue, offers)
    yield finder_page(catalogue, offers, context.site_url, data)
    yield from group_pages(catalogue, offers, context.site_url)
    yield OutputFile(FACETS_FILE, compact_json(data))
    yield OutputFile(ITEMS_FILE, compact_json(item_data(catalogue, offers)))
    yield OutputFile(INDEX_FILE, compact_json(search_index(catalogue, offers)))
    yield OutputFile(PAGES_FILE, compact_json({"version": 1, "pages": page_list(catalogue)}))
