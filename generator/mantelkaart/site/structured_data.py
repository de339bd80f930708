"""schema.org JSON-LD for service and provider pages, so search engines understand them.

A service is a ``Service`` (a ``GovernmentService`` when a municipality offers it)
with its provider, the municipalities it serves (``areaServed``), its opening
hours and where it is; a provider is an ``Organization`` (``GovernmentOrganization``
for a municipality). Phone numbers are E.164. Confidential locations are left
out entirely.

The data travels in the page's front matter (``json_ld``, see :mod:`mantelkaart.site.pages`);
the renderer puts :func:`script` of it in ``<head>`` (the MkDocs plugin does that in
``on_post_page``). Not in the content: mkdocs-material's instant navigation re-runs
scripts there as JavaScript, whatever their type. In :func:`script`, ``<``, ``>`` and
``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``, so no record text can
close the script element or start markup, and the JSON still reads back the same.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import phonenumbers
from markupsafe import Markup

from mantelkaart.core.catalogue import Offer
from mantelkaart.core.config import NATIONWIDE, SiteConfig
from mantelkaart.core.phones import parse_phone
from mantelkaart.core.places import Location
from mantelkaart.core.presentation import page_url
from mantelkaart.core.record_parts import Contact
from mantelkaart.core.records import Provider
from mantelkaart.core.services import Service

if TYPE_CHECKING:
    from mantelkaart.site.pages import PageMaker

Json = dict[str, Any]
DAYS = {
    "ma": "Monday",
    "di": "Tuesday",
    "wo": "Wednesday",
    "do": "Thursday",
    "vr": "Friday",
    "za": "Saturday",
    "zo": "Sunday",
}
MUNICIPALITY = "gemeente"


def script(data: Json) -> Markup:
    """``data`` as a JSON-LD script element that is safe in any HTML page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


_NATIONAL = re.compile(r"0[1-9][0-9]{8}")
_SEPARATORS = re.compile(r"[ ()-]")


def e164(phone: str) -> str:
    """A valid phone number in E.164, e.g. ``+31780000101``.

    Ten digits after a trunk 0 (how nearly every Dutch number is written) is quick;
    anything else goes through phonenumbers, which takes a third of a millisecond.
    """
    digits = _SEPARATORS.sub("", phone)
    if _NATIONAL.fullmatch(digits):
        return "+31" + digits[1:]
    return phonenumbers.format_number(parse_phone(phone), phonenumbers.PhoneNumberFormat.E164)


def _compact(data: Json) -> Json:
    return {key: value for key, value in data.items() if value not in (None, [], "")}


def _address(location: Location) -> Json | None:
    if location.confidential:
        return None
    return _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": location.address,
            "postalCode": location.postcode,
            "addressLocality": location.city,
            "addressCountry": "NL",
        }
    )


def _place(location: Location) -> Json:
    place: Json = {"@type": "Place", "name": location.name, "address": _address(location)}
    if location.coordinates:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location.coordinates.lat,
            "longitude": location.coordinates.lon,
        }
    return _compact(place)


def _areas(config: SiteConfig, area: list[str]) -> list[Json]:
    return [
        {"@type": "Country", "name": "Nederland"}
        if municipality == NATIONWIDE
        else {"@type": "AdministrativeArea", "name": config.municipality_label(municipality)}
        for municipality in dict.fromkeys(area)
    ]


def _hours(service: Service) -> list[Json]:
    if service.hours is None:
        return []
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"https://schema.org/{DAYS[day]}" for day in dict.fromkeys(span.days)],
            "opens": span.start,
            "closes": "23:59" if span.end == "24:00" else span.end,
        }
        for span in service.hours.spans
    ]


def _contact_point(contact: Contact) -> Json | None:
    if not (contact.phone or contact.email):
        return None
    return _compact(
        {
            "@type": "ContactPoint",
            "telephone": e164(contact.phone) if contact.phone else None,
            "email": contact.email,
            "description": contact.reachable,
        }
    )


def _organization(maker: PageMaker, provider_id: str, provider: Provider) -> Json:
    contact = provider.contact
    return _compact(
        {
            "@type": "GovernmentOrganization" if provider.kind == MUNICIPALITY else "Organization",
            "name": provider.name,
            "url": _url(maker, maker.path("providers", provider_id)),
            "telephone": e164(contact.phone) if contact.phone else None,
            "email": contact.email,
            "sameAs": contact.website,
        }
    )


def _url(maker: PageMaker, path: str) -> str | None:
    return maker.site_url + page_url(path) if maker.site_url else None


def service_data(maker: PageMaker, offer: Offer) -> Json:
    service, contact = offer.service, offer.contact
    vocabularies = maker.vocabularies
    locations = [location for location in offer.locations if not location.confidential]
    channel = _compact(
        {
            "@type": "ServiceChannel",
            "servicePhone": _contact_point(
                Contact.model_construct(phone=contact.phone, reachable=contact.reachable)
            )
            if contact.phone
            else None,
            "serviceUrl": contact.website,
            "serviceLocation": [_place(location) for location in locations],
            "availableLanguage": [vocabularies["talen"].label(code) for code in service.languages],
        }
    )
    form = maker.catalogue.respite_forms.get(service.respite_form or "")
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "GovernmentService" if offer.provider.kind == MUNICIPALITY else "Service",
            "name": service.name,
            "description": service.summary,
            "url": _url(maker, maker.offer_path(offer)),
            "serviceType": form.name if form else None,
            "category": [vocabularies["functies"].label(term) for term in service.functions],
            "audience": {
                "@type": "Audience",
                "audienceType": ", ".join(
                    vocabularies["doelgroepen"].label(t) for t in service.target_groups
                ),
            },
            "provider": _organization(maker, offer.provider_id, offer.provider),
            "areaServed": _areas(maker.config, service.area),
            "hoursAvailable": _hours(service),
            "availableChannel": channel if len(channel) > 1 else None,
        }
    )


def provider_data(maker: PageMaker, provider_id: str, provider: Provider) -> Json:
    public = [location for location in provider.locations if not location.confidential]
    area: list[str] = []
    for offer in maker.catalogue.offers_of(provider_id):
        if offer.active:
            area.extend(offer.service.area)
    data = _organization(maker, provider_id, provider)
    data = {"@context": "https://schema.org", **data}
    data.update(
        _compact(
            {
                "description": provider.summary,
                "address": [address for location in public if (address := _address(location))],
                "location": [_place(location) for location in public],
                "contactPoint": _contact_point(provider.contact),
                "areaServed": _areas(maker.config, area),
            }
        )
    )
    return data
