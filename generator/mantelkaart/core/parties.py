"""Who a caregiver calls: the party that acts on a service's next step, and the site's consultant.

A service's ``volgende_stap`` names who acts (``aanbieder``, ``consulent`` or another
service by ``provider/service``); pages show that party's name, number, hours and
e-mail and never another party's. The consultant is itself a service record, named in
the site configuration, so every page reads one and the same contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mantelkaart.core.record_parts import CONSULTANT, SELF, Contact

if TYPE_CHECKING:
    from mantelkaart.core.catalogue import Catalogue, Offer

DAY_ORDER = ("ma", "di", "wo", "do", "vr", "za", "zo")


@dataclass(frozen=True)
class Party:
    """Someone to call: a name, the organisation behind it, and how to reach them."""

    name: str
    organisation: str
    contact: Contact
    reachable: str | None  # when the phone is answered, in words
    summary: str = ""  # one sentence on what they do for you
    offer_key: str | None = None  # the party's own service page (provider/service)
    is_consultant: bool = False

    @property
    def phone(self) -> str | None:
        return self.contact.phone

    @property
    def email(self) -> str | None:
        return self.contact.email


def _reachable(offer: Offer) -> str | None:
    """When the phone is answered: the service's own words, then the provider's; only when
    neither says it, the service's opening hours (a consultant's hours are when to call)."""
    own = offer.service.contact
    if own is not None and own.reachable:
        return own.reachable
    if offer.provider.contact.reachable:
        return offer.provider.contact.reachable
    hours = offer.service.hours
    if hours is not None and hours.spans:
        from mantelkaart.core.presentation import day_list, dutch_time

        text = ", ".join(
            f"{day_list(span.days)} {dutch_time(span.start)} tot {dutch_time(span.end)} uur"
            for span in hours.spans
        )
        return text[:1].upper() + text[1:]
    return None


def party_of(offer: Offer, consultant: bool = False) -> Party:
    """The offer itself as someone to call."""
    contact = offer.contact
    name = offer.service.contact.person if offer.service.contact and offer.service.contact.person else None
    return Party(
        name=name or offer.service.name,
        organisation=offer.provider.name,
        contact=contact,
        reachable=_reachable(offer),
        summary=offer.service.summary,
        offer_key=offer.key,
        is_consultant=consultant,
    )


def provider_party(offer: Offer) -> Party:
    """The provider of ``offer`` (its own service contact merged in): ``door: aanbieder``."""
    return Party(
        name=offer.provider.name,
        organisation=offer.provider.name,
        contact=offer.contact,
        reachable=_reachable(offer),
        offer_key=None,
    )


def consultant(catalogue: Catalogue, area: list[str] | None = None) -> Party | None:
    """The site's consultant, or for residents of ``area`` their region's (``regions:``)."""
    key = catalogue.config.consultant_for(area)
    offer = catalogue.offer(key) if key else None
    return party_of(offer, consultant=True) if offer is not None else None


def next_party(catalogue: Catalogue, offer: Offer) -> Party | None:
    """Who acts on ``offer``'s next step; None only when the named party does not exist."""
    by = offer.service.next_step.party
    if by == SELF or by == offer.key:
        return provider_party(offer)
    if by == CONSULTANT:
        return consultant(catalogue, offer.service.area)
    other = catalogue.offer(by)
    return party_of(other, consultant=other.key in catalogue.config.consultants()) if other else None


def consultant_settings(catalogue: Catalogue) -> dict[str, str] | None:
    """The consultant as plain values for theme templates (``config.extra``), or None."""
    from mantelkaart.core.presentation import page_url, phone_href, phone_text

    party = consultant(catalogue)
    if party is None:
        return None
    values = {
        "name": party.name,
        "organisation": party.organisation,
        "summary": party.summary,
        "reachable": party.reachable or "",
        "email": party.email or "",
        "phone": phone_text(party.phone) if party.phone else "",
        "phone_href": phone_href(party.phone) if party.phone else "",
        "url": page_url(f"aanbod/{party.offer_key}.md") if party.offer_key else "",
    }
    return values
