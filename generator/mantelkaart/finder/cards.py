"""What a result card in the finder says about a service, in plain Dutch: where, what it
costs, whether an indicatie is needed, and the number to call.

The finder page renders the first cards itself (``templates/finder.html``) and ``finder.js``
makes the others from the list file (``finder.item_data``); both take their words from
:func:`card`, so a card reads the same however it was made. Only what the record says is
said: no phone number gives no phone line, no ``indicatie`` gives no indicatie line. The
number is that of the party the service's next step names (``volgende_stap.door``), as on
the service page: "Bel Respijtconsulent: 078 …" when that is not the provider itself.

Cost in one phrase, from ``kosten.betaald_door`` and ``kosten.eigen_bijdrage`` (the same
rules as the finder's cost facet, :func:`mantelkaart.finder.facets.cost_classes`):

* free (see the facet): ``Gratis``, and who pays if that is a law, a scheme or an insurer;
* otherwise ``Vergoed via …`` the payers that are not the visitor;
* then the own contribution: its text when filled in, ``u betaalt zelf`` for
  ``eigen-kosten``, ``met eigen bijdrage`` for the Wmo and the Wlz (both laws charge one).
"""

from __future__ import annotations

from dataclasses import dataclass

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.indication import indication_line
from mantelkaart.core.parties import next_party
from mantelkaart.core.presentation import phone_href, phone_text
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.finder.facets import CONTRIBUTION_LAWS, OWN_COSTS, cost_classes

AT_HOME = "Bij u thuis"
CLOSED = "Tijdelijk gesloten"
NOT_PAYERS = frozenset({"gratis", OWN_COSTS})  # in 'betaald_door', but nobody else pays


@dataclass(frozen=True)
class Card:
    place: str  # "Dordrecht", "Bij u thuis", "Telefonisch of online, in heel Nederland"
    cost: str  # one phrase, "" when nothing is known
    indication: str  # one line, "" when the record does not say
    phone_href: str  # "tel:+31780000101", "" without a number
    phone_text: str  # "078 000 0101"
    phone_who: str  # whom the number reaches when not the provider: "Respijtconsulent"
    closed: bool


def place_text(offer: Offer, vocabularies: Vocabularies) -> str:
    """Where the help is: at home, by phone or online, or the towns of its locations."""
    service = offer.service
    if service.setting == "thuis":
        text = AT_HOME
    else:
        towns = list(dict.fromkeys(loc.city for loc in offer.locations if not loc.confidential))
        if service.setting == "op-afstand" or not towns:
            text = vocabularies["omgevingen"].label(service.setting)
        else:
            text = ", ".join(towns)
    if NATIONWIDE in service.area:
        text += ", in heel Nederland"
    return text


def cost_text(offer: Offer, vocabularies: Vocabularies) -> str:
    """The cost in one phrase (see the module documentation)."""
    cost = offer.service.cost
    payers = vocabularies["financiering"]
    others = [payers.label(payer) for payer in cost.paid_by if payer not in NOT_PAYERS]
    via = " of ".join(others)
    parts = []
    if "gratis" in cost_classes(offer):
        parts.append(f"gratis, betaald via {via}" if others else "gratis")
    elif others:
        parts.append(f"vergoed via {via}")
    if cost.own_contribution:
        parts.append(f"eigen bijdrage: {cost.own_contribution}")
    elif OWN_COSTS in cost.paid_by:
        parts.append("of u betaalt zelf" if others else "u betaalt zelf")
    elif CONTRIBUTION_LAWS & set(cost.paid_by):
        parts.append("met eigen bijdrage")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def indication_text(offer: Offer, vocabularies: Vocabularies) -> str:
    """One line on the indicatie or referral needed; "" when the record does not say.
    "Soms" keeps its one sentence why: without it the line says nothing to act on."""
    indication = offer.service.indication
    if indication is None:
        return ""
    return indication_line(indication, vocabularies, short=indication.needed != "soms")


def card(catalogue: Catalogue, offer: Offer) -> Card:
    """The card of ``offer``. Its number is that of whoever acts on the next step (the
    provider, the consultant or another service), never another party's."""
    vocabularies = catalogue.vocabularies
    party = next_party(catalogue, offer)
    phone = party.phone if party is not None else offer.contact.phone
    who = party.name if party is not None and party.offer_key is not None else ""
    return Card(
        place=place_text(offer, vocabularies),
        cost=cost_text(offer, vocabularies),
        indication=indication_text(offer, vocabularies),
        phone_href=phone_href(phone) if phone else "",
        phone_text=phone_text(phone) if phone else "",
        phone_who=who if phone else "",
        closed=offer.service.status == "tijdelijk-gesloten",
    )
