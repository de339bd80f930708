"""HSDS organizations → our provider and regulation records (dicts with the Dutch YAML keys).

The inverse of :mod:`mantelkaart.hsds`: organizations become providers, services
become their services, and services marked ``mantelkaart:recordsoort = regeling``
become regulations issued by that provider. Services are made by
:class:`mantelkaart.hsds_services.ServiceMaker`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from mantelkaart.dataset import Dataset
from mantelkaart.fields import SLUG
from mantelkaart.hsds_details import CONFIDENTIAL_NOTE
from mantelkaart.hsds_input import Attribute, Contact, Location, Organization, Phone, Service, Term
from mantelkaart.hsds_services import ServiceMaker
from mantelkaart.hsds_terms import RESPITE_FORMS, Taxonomies
from mantelkaart.hsds_values import (
    Attributes,
    TermIndex,
    Values,
    first_sentence,
    report_extras,
    strip_summary,
)
from mantelkaart.import_report import ImportReport
from mantelkaart.native import details
from mantelkaart.problems import field_path, translate
from mantelkaart.records import Coordinates, Provider, Regulation
from mantelkaart.skeleton import slugify

MAX_ID = 80  # characters; an id is part of a file name and a web address
UNVERIFIED = {"op": "2000-01-01", "door": "Import uit HSDS, nog niet gecontroleerd"}
Record = dict[str, Any]


def compact(data: Record) -> Record:
    return {key: value for key, value in data.items() if value not in (None, [], {}, "")}


class RecordMaker:
    def __init__(
        self, dataset: Dataset, taxonomies: Taxonomies, terms: list[Term], report: ImportReport, today: date
    ) -> None:
        self.config = dataset.config
        self.report = report
        self.values = Values(report)
        self.index = TermIndex(taxonomies, terms)
        self.today = today
        self._numbers: dict[int, tuple[set[str], dict[str, int]]] = {}  # per 'used' set: next number per base
        self.context = {
            "vocabularies": dataset.catalogue.vocabularies,
            "municipalities": self.config.municipality_ids(),
            "today": today,
        }
        self.services = ServiceMaker(self)
        self.used: dict[str, set[str]] = {"providers": set(), "regulations": set()}

    # -- shared helpers -----------------------------------------------------------------
    def attributes(self, attributes: list[Attribute], where: str) -> Attributes:
        return Attributes(self.index, attributes, where, self.report)

    def slug(self, wanted: str | None, name: str, used: set[str], where: str) -> str:
        fits = wanted and len(wanted) <= MAX_ID and SLUG.match(wanted)
        candidate = wanted if fits and wanted else slugify(name)[:MAX_ID].strip("-") or "record"
        # The next number to try per base, so 30,000 equal names take linear time, not quadratic.
        numbers = self._numbers.setdefault(id(used), (used, {}))[1]
        base, number = candidate, numbers.get(candidate, 1)
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        numbers[base] = number
        used.add(candidate)
        if wanted and candidate != wanted:
            self.report.fill(where, f"id '{candidate}' in plaats van '{wanted}' (die was ongeldig of dubbel)")
        return candidate

    def verified(self, attrs: Attributes, where: str) -> Record | None:
        on = self.values.clean("date", attrs.value("gecontroleerd.op"), where, "gecontroleerd.op")
        by = self.values.text("line", attrs.value("gecontroleerd.door"), where, "gecontroleerd.door")
        if on and on > self.today:
            self.report.drop(where, f"gecontroleerd.op {on.isoformat()} ligt in de toekomst")
            on = None
        return {"op": on.isoformat(), "door": by} if on and by else None

    def contact(
        self,
        phones: list[Phone],
        people: list[Contact],
        email: str | None,
        website: str | None,
        attrs: Attributes,
        where: str,
    ) -> Record:
        clean = self.values
        data: Record = {}
        if phones:
            data["telefoon"] = clean.text("phone", phones[0].number, where, "telefoon")
            data["bereikbaar"] = clean.text("line", phones[0].description, where, "bereikbaar")
            for phone in phones[1:]:
                self.report.drop(where, f"telefoon '{phone.number}' (Mantelkaart neemt één nummer over)")
            for phone in phones:
                report_extras(self.report, "telefoon", phone)
        data["bereikbaar"] = data.get("bereikbaar") or clean.text(
            "line", attrs.value("contact.bereikbaar"), where, "bereikbaar"
        )
        data["email"] = clean.text("email", email, where, "e-mail")
        data["website"] = clean.text("url", website, where, "website")
        if people:
            data["contactpersoon"] = clean.text("line", people[0].name, where, "contactpersoon")
            for person in people[1:]:
                self.report.drop(where, f"contactpersoon '{person.name}' (Mantelkaart neemt er één over)")
            for person in people:
                if person.email and person.email != email:
                    self.report.drop(where, f"e-mail van contactpersoon '{person.email}'")
                if person.phones:
                    self.report.drop(where, "telefoonnummers van een contactpersoon")
                report_extras(self.report, "contactpersoon", person)
        return compact(data)

    def validate(self, model: type[BaseModel], data: Record, where: str) -> bool:
        try:
            model.model_validate(data, context=self.context)
        except ValidationError as error:
            reasons = []
            for detail in details(error):
                text, _ = translate(detail, model)
                reasons.append(f"{field_path(tuple(detail['loc']))}: {text}")
            self.report.skip(where, "; ".join(reasons))
            return False
        return True

    # -- organizations ------------------------------------------------------------------
    def records(self, organizations: list[Organization]) -> dict[tuple[str, str], Record]:
        records: dict[tuple[str, str], Record] = {}
        for number, organization in enumerate(organizations, 1):
            self.organization(organization, number, records)
        return records

    def organization(self, org: Organization, number: int, records: dict[tuple[str, str], Record]) -> None:
        where = f"organisatie {number} ({org.name[:60]})"
        attrs = self.attributes(org.attributes, where)
        name = self.values.text("line", org.name, where, "naam")
        if name is None:
            self.report.skip(where, "de naam is geen bruikbare tekst")
            return
        provider_id = self.slug(attrs.value("id"), name, self.used["providers"], where)
        where = f"providers/{provider_id}.yaml"
        report_extras(self.report, "organisatie", org)
        if org.uri and "/aanbieders/" not in org.uri:
            self.report.field("organisatie", "uri")
        kinds = attrs.terms("soorten")
        kind = (
            kinds[0] if kinds else ("gemeente" if name.lower().startswith("gemeente ") else "zorgaanbieder")
        )
        if not kinds:
            self.report.fill(where, f"soort '{kind}'")
        summary = self.values.text("line", attrs.value("samenvatting"), where, "samenvatting")
        description = self.values.text("text", strip_summary(org.description, summary), where, "omschrijving")
        locations, location_ids = self.locations(org, where)
        services: list[Record] = []
        regulations: list[tuple[str, Record]] = []
        used: set[str] = set()
        for service in org.services:
            service_attrs = self.attributes(service.attributes, f"{where}, dienst '{service.name[:60]}'")
            if service_attrs.value("recordsoort") == "regeling":
                made_regulation = self.regulation(service, service_attrs, provider_id)
                if made_regulation:
                    regulations.append(made_regulation)
            else:
                made = self.services.service(service, service_attrs, where, name, location_ids, used)
                if made:
                    services.append(made)
        verified = self.verified(attrs, where) or self._fallback_verified(org, where)
        contact = self.contact(org.phones, org.contacts, org.email, org.website, attrs, where)
        fields = {
            "naam": name,
            "soort": kind,
            "samenvatting": summary,
            "omschrijving": description,
            "contact": contact,
            "locaties": locations,
            "diensten": services,
            "gecontroleerd": verified,
        }
        data = {
            key: value for key, value in fields.items() if key == "contact" or value not in (None, [], "")
        }
        if not self.validate(Provider, data, where):
            for regulation_id, _ in regulations:
                self.report.skip(
                    f"regulations/{regulation_id}.yaml", f"de uitgever ({where}) is niet geïmporteerd"
                )
            return
        records[("providers", provider_id)] = data
        for regulation_id, regulation_data in regulations:
            records[("regulations", regulation_id)] = regulation_data

    def _fallback_verified(self, org: Organization, where: str) -> Record:
        dates = []
        for service in org.services:
            on = self.values.clean("date", service.assured_date, where, "assured_date")
            if on and on <= self.today:
                dates.append(on)
        if dates:
            verified = {"op": max(dates).isoformat(), "door": "Bron van de HSDS-gegevens"}
        else:
            verified = dict(UNVERIFIED)
        self.report.fill(where, f"gecontroleerd op {verified['op']} door '{verified['door']}'")
        return verified

    # -- locations ----------------------------------------------------------------------
    def locations(self, org: Organization, where: str) -> tuple[list[Record], dict[str, str]]:
        """The organization's locations (also those only embedded in a service) and HSDS id → our id."""
        items: list[Location] = list(org.locations)
        known = {location.id for location in items if location.id}
        for service in org.services:
            for link in service.service_at_locations:
                if link.location and link.location.id not in known:
                    items.append(link.location)
                    known.add(link.location.id)
                report_extras(self.report, "dienst op locatie", link)
        records: list[Record] = []
        ids: dict[str, str] = {}
        used: set[str] = set()
        for location in items:
            made = self.location(location, where, used)
            if made:
                records.append(made)
                if location.id:
                    ids[location.id] = made["id"]
        return records, ids

    def location(self, location: Location, where: str, used: set[str]) -> Record | None:
        here = f"{where}, locatie '{location.name or location.id}'"
        attrs = self.attributes(location.attributes, here)
        clean = self.values
        report_extras(self.report, "locatie", location)
        address = location.addresses[0] if location.addresses else None
        for extra in location.addresses[1:]:
            self.report.drop(here, f"tweede adres '{extra.address_1}'")
        city = clean.text("line", address.city if address else None, here, "plaats") or clean.text(
            "line", attrs.value("plaats"), here, "plaats"
        )
        if not city:
            self.report.skip(here, "de locatie heeft geen plaats")
            return None
        name = clean.text("line", location.name, here, "naam")
        label = name or (address.address_1 if address else None) or city
        data: Record = {"id": self.slug(attrs.value("id"), label or city, used, here), "naam": name}
        if location.location_type not in (None, "physical"):
            self.report.drop(here, f"soort locatie '{location.location_type}'")
        if location.description and location.description != CONFIDENTIAL_NOTE:
            self.report.drop(here, "omschrijving van de locatie")
        if attrs.value("vertrouwelijk") == "ja":
            data.update(plaats=city, vertrouwelijk="ja")
            return compact(data)
        if address:
            report_extras(self.report, "adres", address)
            if address.country not in (None, "NL", "Nederland"):
                self.report.drop(here, f"land '{address.country}'")
            street = ", ".join(part for part in (address.address_1, address.address_2) if part)
            data["adres"] = clean.text("line", street, here, "adres")
            data["postcode"] = clean.text("postcode", address.postal_code, here, "postcode")
            if data["adres"] and not data["postcode"]:
                self.report.drop(here, f"adres '{data['adres']}' (zonder geldige postcode)")
                data["adres"] = None
        data["plaats"] = city
        if location.latitude is not None and location.longitude is not None:
            point = {"breedtegraad": str(location.latitude), "lengtegraad": str(location.longitude)}
            try:
                Coordinates.model_validate(point)
                data["coordinaten"] = point
            except ValidationError as error:
                self.report.drop(here, f"coördinaten: {details(error)[0].get('ctx', {}).get('message', '')}")
        if location.accessibility:
            first = location.accessibility[0]
            data["toegankelijkheid"] = clean.text("line", first.description, here, "toegankelijkheid")
            for item in location.accessibility:
                report_extras(self.report, "toegankelijkheid", item)
            if len(location.accessibility) > 1:
                self.report.drop(here, "meer dan één beschrijving van de toegankelijkheid")
        return compact(data)

    # -- regulations --------------------------------------------------------------------
    def regulation(self, service: Service, attrs: Attributes, issuer: str) -> tuple[str, Record] | None:
        clean = self.values
        name = clean.text("line", service.name, f"regeling '{service.name[:60]}'", "naam") or "regeling"
        regulation_id = self.slug(attrs.value("id"), name, self.used["regulations"], f"regeling '{name}'")
        where = f"regulations/{regulation_id}.yaml"
        report_extras(self.report, "regeling", service)
        summary = clean.text("line", attrs.value("samenvatting"), where, "samenvatting")
        if summary is None and service.description:
            summary = first_sentence(service.description)
            self.report.fill(where, "samenvatting gemaakt uit de omschrijving")
        basis = attrs.terms("financiering")
        functions = attrs.terms("functies") or ["financiele-tegemoetkoming"]
        phone = service.phones[0].number if service.phones else None
        amount = clean.clean("amount", attrs.value("bedrag"), where, "bedrag")
        hours = clean.clean("amount", attrs.value("uren"), where, "uren")
        valid_from = clean.clean("date", attrs.value("geldig_vanaf"), where, "geldig_vanaf")
        valid_until = clean.clean("date", attrs.value("geldig_tot"), where, "geldig_tot")
        data = compact(
            {
                "naam": name,
                "samenvatting": summary,
                "uitgever": issuer,
                "gemeenten": self.services.area(service, where),
                "grondslag": basis[0] if basis else None,
                "wetsartikel": clean.text("line", attrs.value("wetsartikel"), where, "wetsartikel"),
                "wat_u_krijgt": clean.text(
                    "text", strip_summary(service.description, summary), where, "wat_u_krijgt"
                ),
                "bedrag": None if amount is None else str(amount),
                "uren": None if hours is None else str(hours),
                "voorwaarden": clean.text("text", service.eligibility_description, where, "voorwaarden"),
                "aanvragen": compact(
                    {
                        "uitleg": clean.text("text", service.application_process, where, "aanvragen.uitleg"),
                        "link": clean.text("url", service.url, where, "aanvragen.link"),
                        "telefoon": clean.text("phone", phone, where, "aanvragen.telefoon"),
                    }
                ),
                "aanvraagperiode": clean.text(
                    "line", attrs.value("aanvraagperiode"), where, "aanvraagperiode"
                ),
                "geldig_vanaf": valid_from and valid_from.isoformat(),
                "geldig_tot": valid_until and valid_until.isoformat(),
                "respijtvormen": attrs.terms(RESPITE_FORMS),
                "functies": functions,
                "gecontroleerd": self.verified(attrs, where) or dict(UNVERIFIED),
            }
        )
        if not self.validate(Regulation, data, where):
            return None
        return regulation_id, data
