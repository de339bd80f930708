"""Folders for the waiting room: a printable PDF per municipality and per respite form.

Many caregivers never visit a website; the sources ask for folders at the GP, the pharmacy
and the library. Each folder is A4, at most two pages: what there is, who to call (the
consultant first), and a QR code to the page on the site. The HTML is made by an
auto-escaping template, the PDF by WeasyPrint with the site's own font files
(:mod:`mantelkaart.referrals.leaflet_press`); nothing is fetched from outside.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mantelkaart.core.catalogue import Catalogue, Offer

FOLDER = "folders"
OTHER = "Andere hulp voor mantelzorgers"  # the group after the kinds of respite


@dataclass(frozen=True)
class Leaflet:
    """One folder: its file in the site, the page it points to, and what it lists."""

    path: str  # e.g. "folders/gemeenten/dordrecht.pdf"
    page: str  # the site page the QR code opens, e.g. "gemeenten/dordrecht.md"
    title: str
    intro: str
    groups: list[tuple[str, list[Offer]]]  # heading, active services (cards are made for those shown)
    regulations: list[tuple[str, str]]  # name, summary
    area: tuple[str, ...] = ()  # a municipality's folder: its region's consultant (regions:)


def leaflet_path(kind: str, item_id: str) -> str:
    """``folders/gemeenten/dordrecht.pdf``: the file a page links to."""
    return f"{FOLDER}/{kind}/{item_id}.pdf"


def _cards(catalogue: Catalogue, offers: list[Offer]) -> list[Offer]:
    """The active services, by name (a closed one is not on paper)."""
    return sorted(
        (o for o in offers if o.service.status == "actief"), key=lambda o: o.service.name.casefold()
    )


def municipality_leaflets(catalogue: Catalogue) -> Iterator[Leaflet]:
    forms = catalogue.respite_forms
    for municipality, name in catalogue.config.municipalities.items():
        offers = catalogue.offers_in(municipality)
        groups = []
        for form_id, form in sorted(forms.items(), key=lambda item: item[1].name.casefold()):
            chosen = [o for o in offers if o.service.respite_form == form_id]
            if chosen:
                groups.append((form.name, _cards(catalogue, chosen)))
        others = [
            o for o in offers if not o.service.respite_form and "respijtzorg" not in o.service.functions
        ]
        if others:
            groups.append((OTHER, _cards(catalogue, others)))
        regulations = [(r.name, r.summary) for _, r in catalogue.regulations_in(municipality)]
        yield Leaflet(
            leaflet_path("gemeenten", municipality),
            f"gemeenten/{municipality}.md",
            f"Hulp voor mantelzorgers in {name}",
            "Zorgt u voor iemand? Dan bent u mantelzorger. Soms heeft u even rust nodig. "
            f"Dit is de hulp voor inwoners van {name}: wat er is, en wie u belt.",
            groups,
            regulations,
            (municipality,),
        )


def respite_form_leaflets(catalogue: Catalogue) -> Iterator[Leaflet]:
    for form_id, form in catalogue.respite_forms.items():
        offers = [o for o in catalogue.active_offers() if o.service.respite_form == form_id]
        regulations = [(r.name, r.summary) for _, r in catalogue.regulations_for_form(form_id)]
        yield Leaflet(
            leaflet_path("respijtzorg", form_id),
            f"respijtzorg/{form_id}.md",
            form.name,
            form.summary,
            [("Waar kan het?", _cards(catalogue, offers))] if offers else [],
            regulations,
        )


__all__ = ["OTHER", "Leaflet", "leaflet_path", "municipality_leaflets", "respite_form_leaflets"]
