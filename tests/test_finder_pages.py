"""The finder page's HTML and, on a large site, its pages per group (no JavaScript needed)."""

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape

from mantelkaart.core import parties
from mantelkaart.core.catalogue import Catalogue
from mantelkaart.core.presentation import page_url, phone_href, phone_text, relative_url
from mantelkaart.finder.cards import card
from mantelkaart.finder.page import (
    GROUP_PAGES,
    ITEM_FIELDS,
    PAGE_SIZE,
    compact_json,
    finder_offers,
    finder_outputs,
    finder_page,
    group_pages,
    groups,
    item_data,
)
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import OutputFile, Page, SiteContext

from support import REPO
from support import load as load_site

EXAMPLE = load_site(REPO)
OFFERS = finder_offers(EXAMPLE.catalogue)


def large_site(limit: int = 10) -> Catalogue:
    """The example site with a list limit below its number of services."""
    dataset = load_site(REPO)
    dataset.catalogue.config = dataset.catalogue.config.model_copy(update={"finder_list_limit": limit})
    return dataset.catalogue


def without_javascript(body: str) -> str:
    """What a visitor without JavaScript gets besides the (hidden) form: the <noscript> part."""
    return body[body.index("<noscript") : body.index("</noscript>")]


def test_small_site_lists_every_service_grouped_without_javascript() -> None:
    assert len(OFFERS) <= EXAMPLE.config.finder_list_limit == 500
    body = finder_page(EXAMPLE.catalogue, OFFERS).body
    plain = without_javascript(body)
    numbers = [int(n) for n in re.findall(r'<li class="mk-item" data-i="(\d+)">', plain)]
    assert sorted(numbers) == list(range(len(OFFERS)))
    assert plain.count("<h3 ") == len(groups(EXAMPLE.catalogue, OFFERS))
    assert GROUP_PAGES not in body
    assert list(group_pages(EXAMPLE.catalogue, OFFERS)) == []


def test_first_results_are_in_the_page_with_counts_without_choices() -> None:
    body = finder_page(EXAMPLE.catalogue, OFFERS).body
    results = body[body.index('<ol class="mk-list mk-finder__results"') : body.index("</ol>")]
    numbers = [int(n) for n in re.findall(r'data-i="(\d+)"', results)]
    assert numbers == list(range(min(PAGE_SIZE, len(OFFERS))))  # by name, as finder.js without choices
    assert f'data-page-size="{PAGE_SIZE}"' in body
    assert f">{len(OFFERS)} resultaten.</p>" in body
    dementia = sum("dementie" in o.service.target_groups for o in OFFERS)
    assert f'for="mk-f-doelgroep-dementie">Dementie <span class="mk-count">({dementia})</span>' in body
    nationwide = sum("landelijk" in o.service.area for o in OFFERS)
    dordrecht = sum("dordrecht" in o.service.area for o in OFFERS) + nationwide
    assert f'<option value="dordrecht">Dordrecht ({dordrecht})</option>' in body
    # Hidden until the page's script (or finder.js) shows it: without JavaScript, <noscript> is the page.
    assert re.search(r'<form class="mk-finder__form"[^>]* hidden>', body)
    assert '<div class="mk-finder__results-area" hidden>' in body


def test_large_site_links_to_a_plain_page_per_group() -> None:
    catalogue = large_site()
    offers = finder_offers(catalogue)
    body = finder_page(catalogue, offers).body
    plain = without_javascript(body)
    assert "data-i=" not in plain  # not thousands of services on one page
    pages = {page.path: page for page in group_pages(catalogue, offers)}
    expected = groups(catalogue, offers)
    assert len(pages) == len(expected) > 1
    listed: list[str] = []
    for key, heading, items in expected:
        path = f"{GROUP_PAGES}/{key}.md"
        link = relative_url("zoeken/index.md", path)
        assert f'<li><a href="{link}">{heading}</a> ({len(items)} resulta' in plain
        page = pages[path]
        assert page.title == f"Alle hulp: {heading}" and not page.in_search
        assert 'search: {"exclude": true}' in page.markdown()
        links = re.findall(r'<a class="mk-item__title" href="([^"]+)">([^<]+)</a>', page.body)
        assert [unescape(name) for _, name in links] == [offer.service.name for _, offer in items]
        for href, _ in links:
            listed.append(href.removeprefix("../../../"))
    # Every active service, once, as a plain link: one click further than on a small site.
    assert sorted(listed) == sorted(page_url(PageMaker.offer_path(offer)) for offer in offers)


def test_large_site_outputs_include_the_group_pages() -> None:
    catalogue = large_site(0)
    outputs = list(finder_outputs(catalogue, SiteContext("https://example.org/", REPO)))
    paths = {output.path for output in outputs if isinstance(output, Page)}
    assert {f"{GROUP_PAGES}/{key}.md" for key, _, _ in groups(catalogue, OFFERS)} < paths
    assert {output.path for output in outputs if isinstance(output, OutputFile)} >= {
        "assets/mantelkaart/finder-items.json",
        "assets/mantelkaart/finder-facets.json",
        "assets/mantelkaart/finder-index.json",
    }


def test_list_file_has_what_a_result_shows() -> None:
    offers = list(OFFERS)
    first = offers[0]  # a character outside the BMP counts as two in JavaScript
    offers[0] = replace(first, service=first.service.model_copy(update={"name": "Koffie ☕ en 🍰"}))
    data = item_data(EXAMPLE.catalogue, offers)
    text, start = data["text"].encode("utf-16-le"), 0
    entries = []
    for size in data["sizes"]:  # sizes count UTF-16 code units, as JavaScript does
        entries.append(text[start * 2 : (start + size) * 2].decode("utf-16-le").split(ITEM_FIELDS))
        start += size
    assert start * 2 == len(text) and len(entries) == len(offers)
    texts = data["texts"]
    for entry, offer in zip(entries, offers, strict=True):
        page, name, provider, summary, closed, place, cost, indication, phone, folder = entry
        assert data["folders"][int(folder)] + page == page_url(PageMaker.offer_path(offer))
        assert name == offer.service.name
        assert data["providers"][int(provider)] == offer.provider.name and summary == offer.service.summary
        assert closed == ("1" if offer.service.status == "tijdelijk-gesloten" else "")
        shown = card(EXAMPLE.catalogue, offer)
        assert [texts[int(n)] for n in (place, cost, indication)] == [
            shown.place,
            shown.cost,
            shown.indication,
        ]
        assert texts[int(phone)].split(ITEM_FIELDS) == [shown.phone_href, shown.phone_text, shown.phone_who]
        assert texts[int(phone)].startswith("tel:+31")  # every example service has a number
    assert len(data["providers"]) == len({offer.provider.name for offer in OFFERS})
    assert len(data["folders"]) < len(offers)  # one per provider
    assert "\\u001f" not in compact_json(data)  # nothing in the text needs a JSON escape
    assert len(texts) == len(set(texts)) < 3 * len(offers)  # each text once


def test_a_bar_in_record_text_does_not_split_a_list_item() -> None:
    offers = list(OFFERS)
    first = offers[0]
    offers[0] = replace(first, service=first.service.model_copy(update={"summary": "Eten | drinken"}))
    data = item_data(EXAMPLE.catalogue, offers)
    assert data["text"][: data["sizes"][0]].split(ITEM_FIELDS)[3] == "Eten \u00a6 drinken"


def test_cards_are_in_the_page_as_finder_js_makes_them() -> None:
    """The page's cards hold the same words as the list file (what finder.js shows)."""
    body = finder_page(EXAMPLE.catalogue, OFFERS).body
    results = body[body.index('<ol class="mk-list mk-finder__results"') : body.index("</ol>")]
    parkhuis = next(o for o in OFFERS if o.service.name == "Logeerzorg in Het Parkhuis")
    number = OFFERS.index(parkhuis)
    item = results[results.index(f'data-i="{number}"') :]
    item = item[: item.index("</li>\n</ul>")]
    assert '<li class="mk-item__place">Dordrecht</li>' in item
    assert (
        '<li class="mk-item__cost">Vergoed via Wmo (gemeente), eigen bijdrage: Meestal € 21 per maand via het '
        "CAK</li>" in item
    )
    # The number of whoever acts on the next step (here the consultant), as on the service page.
    assert parkhuis.service.next_step.by == "consulent"
    consultant = parties.consultant(EXAMPLE.catalogue)
    assert consultant is not None and consultant.phone
    href, text = phone_href(consultant.phone), phone_text(consultant.phone)
    assert (
        f'<li class="mk-item__phone">Bel {consultant.name}: <a class="mk-phone" href="{href}">{text}</a>'
        in item
    )
    assert "078 000 0107" not in item  # not the provider's own number
    closed = [n for n, o in enumerate(OFFERS) if o.service.status == "tijdelijk-gesloten"]
    assert closed and f'data-i="{closed[0]}"' not in results  # closed last: not on the first page
    plain = without_javascript(body)
    at = plain.index(f'data-i="{closed[0]}"')
    assert '</a> <strong class="mk-badge">Tijdelijk gesloten</strong>' in plain[at : plain.index("</li>", at)]
