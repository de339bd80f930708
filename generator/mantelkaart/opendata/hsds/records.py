"""HSDS organizations → our provider and regulation records (dicts with the Dutch YAML keys).

The inverse of :mod:`mantelkaart.opendata.hsds.export`: organizations become providers, services
become their services, and services marked ``mantelkaart:recordsoort = regeling``
become regulations issued by that provider. Services are made by
:class:`mantelkaart.opendata.hsds.services.ServiceMaker`, locations by
:class:`mantelkaart.opendata.hsds.locations.LocationMaker`.

Nothing is filled in: a record that lacks a value the schema requires is kept as a draft
(``concepten/``) with the list of what to fill in (:meth:`RecordMaker.check`), and an
organization outside the site's municipalities is refused, or kept in
``concepten/buiten-regio/`` when asked (:meth:`RecordMaker.outside`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from mantelkaart.core.dataset import Dataset
from mantelkaart.core.fields import SLUG
from mantelkaart.core.native import details
from mantelkaart.core.problems import field_path, translate
from mantelkaart.core.records import Provider
from mantelkaart.core.regulations import Regulation
from mantelkaart.core.validation import RESERVED_IDS
from mantelkaart.editors.skeleton import slugify
from mantelkaart.opendata.hsds.input import Attribute, Contact, Organization, Phone, Service, Term
from mantelkaart.opendata.hsds.locations import LocationMaker
from mantelkaart.opendata.hsds.services import ServiceMaker
from mantelkaart.opendata.hsds.terms import RESPITE_FORMS, Taxonomies
from mantelkaart.opendata.hsds.text import country_code
from mantelkaart.opendata.hsds.values import (
    Attributes,
    TermIndex,
    Values,
    first_sentence,
    report_extras,
    strip_summary,
)
from mantelkaart.opendata.import_report import ImportReport

MAX_ID = 80  # characters; an id is part of a file name and a web address
DRAFTS = "concepten"  # records that lack a required value: never built, listed in the editors' report
OUTSIDE = "concepten/buiten-regio"  # with --buiten-regio: organizations outside the site's municipalities
Record = dict[str, Any]
Records = dict[tuple[str, str], Record]


def compact(data: Record) -> Record:
    return {key: value for key, value in data.items() if value not in (None, [], {}, "")}


class RecordMaker:
    def __init__(
        self,
        dataset: Dataset,
        taxonomies: Taxonomies,
        terms: list[Term],
        report: ImportReport,
        today: date,
        country: str = "NL",
        keep_outside: bool = False,
    ) -> None:
        self.config = dataset.config
        self.report = report
        self.country = country  # where phone numbers are read when the address has no country
        self.keep_outside = keep_outside
        self.values = Values(report, country)
        self.index = TermIndex(taxonomies, terms)
        self.today = today
        self._numbers: dict[int, tuple[set[str], dict[str, int]]] = {}  # per 'used' set: next number per base
        self.context = {
            "vocabularies": dataset.catalogue.vocabularies,
            "municipalities": self.config.municipality_ids(),
            "today": today,
        }
        self.services = ServiceMaker(self)
        self.places = LocationMaker(self)
        # A record may not take the name of a page the site makes itself ('index').
        self.used: dict[str, set[str]] = {"providers": set(RESERVED_IDS), "regulations": set(RESERVED_IDS)}

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
            suffix = f"-{number}"  # the number fits within MAX_ID: the base gives way
            candidate = base[: MAX_ID - len(suffix)].rstrip("-") + suffix
        numbers[base] = number
        used.add(candidate)
        if wanted and candidate != wanted:
            self.report.changed(
                "id", "ongeldig of dubbel: vervangen", f"id '{candidate}' in plaats van '{wanted}'"
            )
        return candidate

    def verified(self, attrs: Attributes, where: str) -> Record | None:
        on = self.values.clean("date", attrs.value("gecontroleerd.op"), where, "gecontroleerd.op")
        by = self.values.text("line", attrs.value("gecontroleerd.door"), where, "gecontroleerd.door")
        if on and on > self.today:
            self.report.drop(where, f"gecontroleerd.op {on.isoformat()} ligt in de toekomst", "gecontroleerd")
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
            data["telefoon"] = clean.text("phone", phones[0].number, where, "contact.telefoon")
            data["bereikbaar"] = clean.text("line", phones[0].description, where, "contact.bereikbaar")
            for phone in phones[1:]:
                self.report.left(
                    "contact.telefoon", "Mantelkaart neemt één nummer over", f"{phone.number} ({where})"
                )
            for phone in phones:
                report_extras(self.report, "telefoon", phone, where)
        data["bereikbaar"] = data.get("bereikbaar") or clean.text(
            "line", attrs.value("contact.bereikbaar"), where, "contact.bereikbaar"
        )
        data["email"] = clean.text("email", email, where, "contact.email")
        data["website"] = clean.text("url", website, where, "contact.website")
        if people:
            data["contactpersoon"] = clean.text("line", people[0].name, where, "contact.contactpersoon")
            for person in people[1:]:
                self.report.left(
                    "contact.contactpersoon", "Mantelkaart neemt er één over", f"{person.name} ({where})"
                )
            for person in people:
                if person.email and person.email != email:
                    self.report.left("contactpersoon.email", "geen veld voor", f"{person.email} ({where})")
                if person.phones:
                    self.report.left("contactpersoon.phones", "geen veld voor", where)
                report_extras(self.report, "contactpersoon", person, where)
        return compact(data)

    def check(self, model: type[BaseModel], data: Record, where: str) -> list[str] | None:
        """``[]`` for a valid record, the fields to fill in for a draft, ``None`` (reported) for neither.

        A record that only lacks required values becomes a draft: Mantelkaart fills in nothing itself.
        """
        try:
            model.model_validate(data, context=self.context)
        except ValidationError as error:
            missing, reasons = [], []
            for detail in details(error):
                where_in = field_path(tuple(detail["loc"]))
                if detail["type"] == "missing":
                    missing.append(where_in)
                    continue
                text, _ = translate(detail, model)
                reasons.append(f"{where_in}: {text}")
            if reasons:
                self.report.skip(where, "; ".join(reasons))
                return None
            return missing
        return []

    # -- organizations ------------------------------------------------------------------
    def records(self, organizations: list[Organization]) -> Records:
        records: Records = {}
        for number, organization in enumerate(organizations, 1):
            self.organization(organization, number, records)
        return records

    def data_country(self, org: Organization) -> str:
        """The country of the organization's first address that names one, else ``--land`` (NL)."""
        embedded = [link.location for service in org.services for link in service.service_at_locations]
        for location in [*org.locations, *filter(None, embedded)]:
            for address in location.addresses:
                code = country_code(address.country)
                if code:
                    return code
        return self.country

    def organization(self, org: Organization, number: int, records: Records) -> None:
        where = f"organisatie {number} ({org.name[:60]})"
        self.values.country = self.data_country(org)
        attrs = self.attributes(org.attributes, where)
        name = self.values.text("line", org.name, where, "organisatie.naam")
        if name is None:
            self.report.skip(where, "de naam is geen bruikbare tekst")
            return
        provider_id = self.slug(attrs.value("id"), name, self.used["providers"], where)
        where = f"providers/{provider_id}.yaml"
        report_extras(self.report, "organisatie", org, where)
        if org.uri and "/aanbieders/" not in org.uri:
            self.report.field("organisatie", "uri", org.uri)
        kinds = attrs.terms("soorten")
        kind = kinds[0] if kinds else ("gemeente" if name.lower().startswith("gemeente ") else None)
        summary = self.values.text("line", attrs.value("samenvatting"), where, "organisatie.samenvatting")
        description = self.values.text(
            "text", strip_summary(org.description, summary), where, "organisatie.omschrijving"
        )
        locations, location_ids = self.places.locations(org, where)
        services: list[Record] = []
        regulations: list[tuple[str, Record, list[str]]] = []
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
        verified = self.verified(attrs, where) or self._source_verified(org, where)
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
        outside = self.outside(data, bool(regulations))
        if outside:
            self.report.outside.append(f"{where}: {outside}")
            if not self.keep_outside:
                return
        missing = self.check(Provider, data, where)
        if missing is None:
            for regulation_id, _, _ in regulations:
                self.report.skip(
                    f"regulations/{regulation_id}.yaml", f"de uitgever ({where}) is niet geïmporteerd"
                )
            return
        folder = OUTSIDE if outside else (DRAFTS if missing else "")
        self.put(records, folder, "providers", provider_id, data, missing)
        for regulation_id, regulation_data, regulation_missing in regulations:
            kept = regulation_missing + (["uitgever (staat nog bij de concepten)"] if folder else [])
            self.put(
                records,
                folder if folder else (DRAFTS if kept else ""),
                "regulations",
                regulation_id,
                regulation_data,
                kept,
            )

    def put(
        self, records: Records, folder: str, kind: str, record_id: str, data: Record, missing: list[str]
    ) -> None:
        place = f"{folder}/{kind}" if folder else kind
        records[(place, record_id)] = data
        if folder:
            outside = ["een werkgebied of plaats in de gemeenten van de site"] if folder == OUTSIDE else []
            self.report.drafts[f"{place}/{record_id}.yaml"] = missing + outside

    def outside(self, data: Record, has_regulations: bool) -> str | None:
        """Why an organization is outside the site's municipalities; ``None`` when it is inside."""
        if has_regulations or any(service.get("werkgebied") for service in data.get("diensten", [])):
            return None
        cities = [location.get("plaats") for location in data.get("locaties", []) if location.get("plaats")]
        if any(city.strip().casefold() in self.services.areas for city in cities):
            return None
        places = ", ".join(dict.fromkeys(cities[:3])) or "geen plaats of werkgebied"
        return f"geen werkgebied of locatie in de gemeenten van deze site ({places})"

    def _source_verified(self, org: Organization, where: str) -> Record | None:
        """The source's own 'assured_date', the latest of its services; never a made-up date."""
        dates = []
        for service in org.services:
            on = self.values.clean("date", service.assured_date, where, "dienst.assured_date")
            if on and on <= self.today:
                dates.append(on)
        if not dates:
            return None
        self.report.changed(
            "gecontroleerd", "'assured_date' van de bron, door 'Bron van de HSDS-gegevens'", where
        )
        return {"op": max(dates).isoformat(), "door": "Bron van de HSDS-gegevens"}

    # -- regulations --------------------------------------------------------------------
    def regulation(
        self, service: Service, attrs: Attributes, issuer: str
    ) -> tuple[str, Record, list[str]] | None:
        clean = self.values
        name = clean.text("line", service.name, f"regeling '{service.name[:60]}'", "naam") or "regeling"
        regulation_id = self.slug(attrs.value("id"), name, self.used["regulations"], f"regeling '{name}'")
        where = f"regulations/{regulation_id}.yaml"
        report_extras(self.report, "regeling", service, where)
        summary = clean.text("line", attrs.value("samenvatting"), where, "regeling.samenvatting")
        if summary is None and service.description:
            summary = first_sentence(service.description)
            self.report.changed("regeling.samenvatting", "eerste zin van de omschrijving", summary)
        basis = attrs.terms("financiering")
        functions = attrs.terms("functies")
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
                "gecontroleerd": self.verified(attrs, where),
            }
        )
        missing = self.check(Regulation, data, where)
        if missing is None:
            return None
        return regulation_id, data, missing
