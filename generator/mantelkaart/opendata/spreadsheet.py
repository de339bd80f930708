"""All services as one table for a spreadsheet: ``aanbod.csv``.

Made for Dutch Excel, which is what a municipality opens it with:

* semicolons between cells: Dutch Excel uses the comma as decimal separator and so
  splits a CSV on ``;`` (the list separator of the Dutch locale) when a file is
  double-clicked; with commas every row would land in one column;
* UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and
  shows ``Ã©`` for ``é`` and ``â‚¬`` for ``€``; LibreOffice and Numbers accept it too;
* no ``sep=;`` line: with it, Excel ignores the byte order mark;
* a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
  a leading apostrophe, so a spreadsheet never runs record text as a formula.
"""

from __future__ import annotations

import csv
import io

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.indication import indication_line
from mantelkaart.core.presentation import dutch_time, page_url
from mantelkaart.opendata.hsds.details import days_text
from mantelkaart.site.cells import RISKY, safe_cell
from mantelkaart.site.pages import PageMaker

COLUMNS = (
    "Id",
    "Aanbieder",
    "Soort aanbieder",
    "Dienst",
    "Samenvatting",
    "Status",
    "Soort hulp",
    "Respijtvorm",
    "Voor wie",
    "Zorgfasen",
    "Werkgebied",
    "Waar",
    "Locaties",
    "Adressen",
    "Postcodes",
    "Plaatsen",
    "Openingstijden",
    "Betaald door",
    "Eigen bijdrage",
    "Over de kosten",
    "Toegang",
    "Volgende stap",
    "Indicatie",
    "Talen",
    "Telefoon",
    "E-mail",
    "Website",
    "Contactpersoon",
    "Laatst gecontroleerd",
    "Gecontroleerd door",
    "Pagina",
    "Bestand",
)
STATUS = {"actief": "Actief", "tijdelijk-gesloten": "Tijdelijk gesloten", "gestopt": "Gestopt"}
SEPARATOR = " | "  # between several values in one cell (a comma may be part of a value)
CONFIDENTIAL = "adres op aanvraag"


class Spreadsheet:
    def __init__(self, catalogue: Catalogue, site_url: str = "") -> None:
        self.catalogue = catalogue
        self.config = catalogue.config
        self.vocabularies = catalogue.vocabularies
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self._labels: dict[tuple[str, ...], str] = {}

    def labels(self, vocabulary: str, ids: list[str]) -> str:
        key = (vocabulary, *ids)
        text = self._labels.get(key)
        if text is None:  # a region has few distinct combinations: each is joined once
            text = self._labels[key] = ", ".join(
                self.vocabularies[vocabulary].label(term_id) for term_id in ids
            )
        return text

    def row(self, offer: Offer) -> list[str]:
        service, provider, contact = offer.service, offer.provider, offer.contact
        form = self.catalogue.respite_forms.get(service.respite_form or "")
        locations = offer.locations
        hours = []
        if service.hours:
            hours = [
                f"{days_text(tuple(span.days))} {dutch_time(span.start)}–{dutch_time(span.end)} uur"
                for span in service.hours.spans
            ]
            if service.hours.note:
                hours.append(service.hours.note)
        page = PageMaker.offer_path(offer)
        return [
            offer.key,
            provider.name,
            self.vocabularies["soorten"].label(provider.kind),
            service.name,
            service.summary,
            STATUS[service.status],
            self.labels("functies", service.functions),
            form.name if form else "",
            self.labels("doelgroepen", service.target_groups),
            self.labels("zorgfasen", service.care_phases),
            ", ".join(
                "Heel Nederland" if m == NATIONWIDE else self.config.municipality_label(m)
                for m in service.area
            ),
            self.vocabularies["omgevingen"].label(service.setting),
            SEPARATOR.join(loc.name or loc.city for loc in locations),
            SEPARATOR.join(CONFIDENTIAL if loc.confidential else loc.address or "" for loc in locations),
            SEPARATOR.join("" if loc.confidential else loc.postcode or "" for loc in locations),
            SEPARATOR.join(loc.city for loc in locations),
            "; ".join(hours),
            self.labels("financiering", service.cost.paid_by),
            service.cost.own_contribution or "",
            service.cost.note or "",
            self.labels("toegang", service.access),
            service.next_step.text or "",
            indication_line(service.indication, self.vocabularies),
            self.labels("talen", service.languages),
            contact.phone or "",
            contact.email or "",
            contact.website or "",
            contact.person or "",
            offer.verified.on.isoformat(),
            offer.verified.by,
            self.site_url + page_url(page) if self.site_url else page_url(page),
            offer.relpath,
        ]

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(COLUMNS)
        offers = sorted(
            self.catalogue.offers, key=lambda o: (o.provider.name.casefold(), o.service.name.casefold())
        )
        for offer in offers:
            writer.writerow([safe_cell(cell) if cell[:1] in RISKY else cell for cell in self.row(offer)])
        return buffer.getvalue().encode("utf-8-sig")
