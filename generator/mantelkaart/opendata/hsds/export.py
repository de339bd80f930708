"""The catalogue as HSDS 3.0: organizations with their services, locations and more.

One organization per provider; its services are the provider's services plus the
regulations it issues (marked with the attribute ``mantelkaart:recordsoort =
regeling``). The export is complete enough to be imported again unchanged
(:mod:`mantelkaart.opendata.hsds.importer`); the mapping table is docs-dev/hsds-mapping.md.

Confidential locations are exported without address, coordinates and
accessibility: only their name and place, as on the site.
"""

from __future__ import annotations

from mantelkaart.core.catalogue import Catalogue
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.places import Location
from mantelkaart.core.record_parts import Contact, Verification
from mantelkaart.core.records import Provider
from mantelkaart.core.regulations import Regulation
from mantelkaart.core.services import Service
from mantelkaart.opendata.hsds.details import (
    CONFIDENTIAL_NOTE,
    NATIONWIDE_NAME,
    NO_CONTACT,
    STATUS,
    audience,
    compact,
    contacts,
    cost_options,
    eligibility,
    eligibility_text,
    joined,
    phones,
    schedules,
    unique,
)
from mantelkaart.opendata.hsds.terms import FIELDS, RESPITE_FORMS, Json, Taxonomies, uid

__all__ = ["HsdsExport", "uid"]


class HsdsExport:
    """Builds the HSDS documents of one catalogue."""

    def __init__(self, catalogue: Catalogue, site_url: str = "") -> None:
        self.catalogue = catalogue
        self.config = catalogue.config
        self.taxonomies = Taxonomies(catalogue, site_url)
        self.site_url = self.taxonomies.site_url
        self.province = self.config.province or self.config.region

    def organizations(self, provider_ids: list[str] | None = None) -> list[Json]:
        """Every provider as an organization (or those in ``provider_ids``, in that order)."""
        issued: dict[str, list[tuple[str, Regulation]]] = {}
        for regulation_id, regulation in self.catalogue.regulations.items():
            issued.setdefault(regulation.issuer, []).append((regulation_id, regulation))
        providers = self.catalogue.providers
        return [
            self.organization(provider_id, providers[provider_id], issued.get(provider_id, []))
            for provider_id in (list(providers) if provider_ids is None else provider_ids)
        ]

    def taxonomy_terms(self) -> list[Json]:
        return self.taxonomies.term_list()

    # -- organizations -------------------------------------------------------------
    def organization(
        self, provider_id: str, provider: Provider, regulations: list[tuple[str, Regulation]]
    ) -> Json:
        owner = f"provider/{provider_id}"
        oid = uid(owner)
        attr = self.taxonomies.attribute
        attributes = [
            attr(owner, FIELDS, "id", provider_id),
            attr(owner, "soorten", provider.kind),
        ]
        if provider.summary:
            attributes.append(attr(owner, FIELDS, "samenvatting", provider.summary))
        attributes += self._verified(owner, provider.verified)
        attributes += self._reachable(owner, provider.contact)
        contact = provider.contact
        return compact(
            {
                "id": oid,
                "name": provider.name,
                "description": joined(provider.summary, provider.description),
                "email": contact.email,
                "website": contact.website,
                "uri": self.site_url + f"aanbieders/{provider_id}/" if self.site_url else None,
                "phones": phones(owner, "organization_id", oid, contact),
                "contacts": contacts(owner, "organization_id", oid, contact),
                "locations": [self.location(provider_id, oid, loc) for loc in provider.locations],
                "services": [self.service(provider_id, oid, service) for service in provider.services]
                + [self.regulation(rid, oid, regulation) for rid, regulation in regulations],
                "attributes": attributes,
            }
        )

    def location(self, provider_id: str, oid: str, location: Location) -> Json:
        owner = f"location/{provider_id}/{location.id}"
        lid = uid(owner)
        attr = self.taxonomies.attribute
        attributes = [attr(owner, FIELDS, "id", location.id)]
        data: Json = {"id": lid, "location_type": "physical", "organization_id": oid, "name": location.name}
        if location.confidential:
            data["description"] = CONFIDENTIAL_NOTE
            attributes.append(attr(owner, FIELDS, "vertrouwelijk", "ja"))
            attributes.append(attr(owner, FIELDS, "plaats", location.city))
            data["attributes"] = attributes
            return compact(data)
        if location.coordinates:
            data["latitude"] = location.coordinates.lat
            data["longitude"] = location.coordinates.lon
        if location.address and location.postcode:
            data["addresses"] = [
                {
                    "id": uid(f"address/{provider_id}/{location.id}"),
                    "location_id": lid,
                    "address_1": location.address,
                    "city": location.city,
                    "state_province": self.province,
                    "postal_code": location.postcode,
                    "country": "NL",
                    "address_type": "physical",
                }
            ]
        else:
            attributes.append(attr(owner, FIELDS, "plaats", location.city))
        if location.accessibility:
            data["accessibility"] = [
                {
                    "id": uid(f"accessibility/{provider_id}/{location.id}"),
                    "location_id": lid,
                    "description": location.accessibility,
                }
            ]
        data["attributes"] = attributes
        return compact(data)

    # -- services --------------------------------------------------------------------
    def service(self, provider_id: str, oid: str, service: Service) -> Json:
        owner = f"service/{provider_id}/{service.id}"
        sid = uid(owner)
        attr = self.taxonomies.attribute
        attributes = [
            attr(owner, FIELDS, "id", service.id),
            attr(owner, FIELDS, "samenvatting", service.summary),
        ]
        for taxonomy, keys in (
            ("functies", service.functions),
            (RESPITE_FORMS, [service.respite_form] if service.respite_form else []),
            ("doelgroepen", service.target_groups),
            ("zorgfasen", service.care_phases),
            ("omgevingen", [service.setting]),
            ("financiering", service.cost.paid_by),
            ("toegang", service.access),
        ):
            attributes += self.taxonomies.attributes(owner, taxonomy, keys)
        for who, rule in audience(service):
            for name, value in eligibility(rule):
                attributes.append(attr(owner, FIELDS, f"voor_wie.{who}.{name}", value))
        attributes.append(attr(owner, FIELDS, "volgende_stap.door", service.next_step.by))
        if service.indication:
            attributes.append(attr(owner, FIELDS, "indicatie.nodig", service.indication.needed))
            if service.indication.by:
                attributes.append(attr(owner, FIELDS, "indicatie.van", ", ".join(service.indication.by)))
            if service.indication.note:
                attributes.append(attr(owner, FIELDS, "indicatie.toelichting", service.indication.note))
        if service.verified:
            attributes += self._verified(owner, service.verified)
        contact = service.contact or NO_CONTACT
        attributes += self._reachable(owner, contact)
        provider = self.catalogue.providers[provider_id]
        verified = service.verified or provider.verified
        locations = {location.id for location in provider.locations}
        return compact(
            {
                "id": sid,
                "organization_id": oid,
                "name": service.name,
                "description": joined(service.summary, service.description),
                "url": contact.website,
                "email": contact.email,
                "status": STATUS[service.status],
                "application_process": service.next_step.text,
                "fees_description": service.cost.note,
                "wait_time": service.waiting_time,
                "eligibility_description": eligibility_text(service) or None,
                "assured_date": verified.on.isoformat(),
                "phones": phones(owner, "service_id", sid, contact),
                "contacts": contacts(owner, "service_id", sid, contact),
                "schedules": schedules(owner, sid, service),
                "service_areas": self._areas(owner, sid, service.area),
                "service_at_locations": [
                    {
                        "id": uid(f"service_at_location/{provider_id}/{service.id}/{location_id}"),
                        "service_id": sid,
                        "location_id": uid(f"location/{provider_id}/{location_id}"),
                    }
                    for location_id in unique(service.locations)
                    if location_id in locations
                ],
                "languages": [
                    {
                        "id": uid(f"language/{provider_id}/{service.id}/{code}"),
                        "service_id": sid,
                        "name": self.catalogue.vocabularies["talen"].label(code),
                        "code": code,
                    }
                    for code in unique(service.languages)
                ],
                "cost_options": cost_options(owner, sid, service),
                "attributes": attributes,
            }
        )

    def regulation(self, regulation_id: str, oid: str, regulation: Regulation) -> Json:
        owner = f"regulation/{regulation_id}"
        sid = uid(owner)
        attr = self.taxonomies.attribute
        attributes = [
            attr(owner, FIELDS, "id", regulation_id),
            attr(owner, FIELDS, "recordsoort", "regeling"),
            attr(owner, FIELDS, "samenvatting", regulation.summary),
        ]
        attributes += self.taxonomies.attributes(owner, "functies", regulation.functions)
        attributes += self.taxonomies.attributes(owner, RESPITE_FORMS, regulation.respite_forms)
        attributes.append(attr(owner, "financiering", regulation.legal_basis))
        for name, value in (
            ("wetsartikel", regulation.legal_reference),
            ("bedrag", regulation.amount),
            ("uren", regulation.hours),
            ("aanvraagperiode", regulation.application_window),
            ("geldig_vanaf", regulation.valid_from),
            ("geldig_tot", regulation.valid_until),
        ):
            if value is not None:
                attributes.append(attr(owner, FIELDS, name, str(value)))
        attributes += self._verified(owner, regulation.verified)
        application = regulation.application
        phone = Contact.model_construct(phone=application.phone)
        return compact(
            {
                "id": sid,
                "organization_id": oid,
                "name": regulation.name,
                "description": joined(regulation.summary, regulation.benefit),
                "url": application.link,
                "status": "active",
                "application_process": application.explanation,
                "eligibility_description": regulation.conditions,
                "assured_date": regulation.verified.on.isoformat(),
                "phones": phones(owner, "service_id", sid, phone),
                "service_areas": self._areas(owner, sid, regulation.municipalities),
                "attributes": attributes,
            }
        )

    # -- parts -----------------------------------------------------------------------
    def _verified(self, owner: str, verified: Verification) -> list[Json]:
        attr = self.taxonomies.attribute
        return [
            attr(owner, FIELDS, "gecontroleerd.op", verified.on.isoformat()),
            attr(owner, FIELDS, "gecontroleerd.door", verified.by),
        ]

    def _reachable(self, owner: str, contact: Contact) -> list[Json]:
        """When the phone is answered goes with the phone; without a phone it needs an attribute."""
        if contact.reachable and not contact.phone:
            return [self.taxonomies.attribute(owner, FIELDS, "contact.bereikbaar", contact.reachable)]
        return []

    def _areas(self, owner: str, sid: str, area: list[str]) -> list[Json]:
        return [
            {
                "id": uid(f"service_area/{owner}/{municipality}"),
                "service_id": sid,
                "name": NATIONWIDE_NAME
                if municipality == NATIONWIDE
                else self.config.municipality_label(municipality),
            }
            for municipality in unique(area)
        ]
