"""The page for professionals who refer ("Voor verwijzers"): every service in one table.

A GP assistant, a case manager or a Wmo consultant wants the whole offer at a glance:
who to call, whether an indicatie is needed, who pays, the waiting time when known, and
how fresh the record is. The table is plain HTML (it prints, and works without
JavaScript); a small script adds filters by municipality, respite form and target group,
and sorting by any column. The same rows, and more, are in the spreadsheet download.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.finder.cards import Card, card
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page

if TYPE_CHECKING:
    from mantelkaart.site.site_output import OutputFile, SiteContext

PAGE = "verwijzers/index.md"
SCRIPT = "assets/mantelkaart/verwijzers.js"


@dataclass(frozen=True)
class Row:
    offer: Offer
    card: Card
    areas: list[str]  # municipality ids (every one for a nationwide service)
    payers: str


def rows(catalogue: Catalogue) -> list[Row]:
    every = list(catalogue.config.municipalities)
    payers = catalogue.vocabularies["financiering"]
    result = []
    offers = sorted(
        catalogue.active_offers(), key=lambda o: (o.service.name.casefold(), o.provider.name.casefold())
    )
    for offer in offers:
        area = every if NATIONWIDE in offer.service.area else list(offer.service.area)
        paid = ", ".join(payers.label(payer) for payer in offer.service.cost.paid_by)
        result.append(Row(offer, card(catalogue, offer), area, paid))
    return result


def referrer_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Page | OutputFile]:
    from mantelkaart.site.site_output import OutputFile

    maker = PageMaker(catalogue, context.site_url)
    used_forms = {o.service.respite_form for o in catalogue.active_offers() if o.service.respite_form}
    used_groups = {g for o in catalogue.active_offers() for g in o.service.target_groups}
    forms = sorted(((f, catalogue.respite_forms[f].name) for f in used_forms), key=lambda x: x[1].casefold())
    groups = [
        (g, term.label) for g, term in catalogue.vocabularies["doelgroepen"].terms.items() if g in used_groups
    ]
    # A region larger than the finder's list limit gets no table on the page (15,000 rows cost
    # the build about 11 s and the browser much more): the finder and the spreadsheet serve it.
    count = len(catalogue.active_offers())
    table = rows(catalogue) if count <= catalogue.config.finder_list_limit else None
    body = maker.render(
        "referrers.html", PAGE, rows=table, count=count, forms=forms, groups=groups, script=SCRIPT
    )
    yield Page(
        PAGE,
        "Voor verwijzers",
        body,
        "Alle hulp voor mantelzorgers in één tabel: met telefoon, indicatie, wie betaalt en wachttijd.",
    )
    script = (resources.files("mantelkaart") / "assets" / "verwijzers.js").read_text(encoding="utf-8")
    yield OutputFile(SCRIPT, script)
