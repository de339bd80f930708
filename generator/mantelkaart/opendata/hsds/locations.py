"""HSDS locations → the locations of a provider record (dicts with the Dutch YAML keys).

Only what a page can show is kept: a name, a place, a Dutch street address with its postcode,
coordinates inside the Netherlands and one accessibility text; everything else is counted in
the import report. A confidential location (our own export's ``mantelkaart:vertrouwelijk``)
comes back with its place only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from mantelkaart.core.native import details
from mantelkaart.core.places import Coordinates
from mantelkaart.opendata.hsds.details import CONFIDENTIAL_NOTE
from mantelkaart.opendata.hsds.input import Location, Organization
from mantelkaart.opendata.hsds.text import country_code
from mantelkaart.opendata.hsds.values import report_extras

if TYPE_CHECKING:
    from mantelkaart.opendata.hsds.records import RecordMaker

Record = dict[str, Any]


def compact(data: Record) -> Record:
    return {key: value for key, value in data.items() if value not in (None, [], {}, "")}


class LocationMaker:
    def __init__(self, maker: RecordMaker) -> None:
        self.maker = maker
        self.report = maker.report

    def locations(self, org: Organization, where: str) -> tuple[list[Record], dict[str, str]]:
        """The organization's locations (also those only embedded in a service) and HSDS id → our id."""
        items: list[Location] = list(org.locations)
        known = {location.id for location in items if location.id}
        for service in org.services:
            for link in service.service_at_locations:
                if link.location and link.location.id not in known:
                    items.append(link.location)
                    known.add(link.location.id)
                report_extras(self.report, "dienst op locatie", link, where)
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
        attrs = self.maker.attributes(location.attributes, here)
        clean = self.maker.values
        report_extras(self.report, "locatie", location, here)
        address = location.addresses[0] if location.addresses else None
        for extra in location.addresses[1:]:
            self.report.left(
                "adres", "Mantelkaart neemt één adres per locatie over", f"{extra.address_1} ({here})"
            )
        city = clean.text("line", address.city if address else None, here, "locatie.plaats") or clean.text(
            "line", attrs.value("plaats"), here, "locatie.plaats"
        )
        if not city:
            self.report.skip(here, "de locatie heeft geen plaats")
            return None
        name = clean.text("line", location.name, here, "locatie.naam")
        label = name or (address.address_1 if address else None) or city
        data: Record = {"id": self.maker.slug(attrs.value("id"), label or city, used, here), "naam": name}
        if location.location_type not in (None, "physical"):
            self.report.left(
                "locatie.location_type", f"soort '{location.location_type}' kent Mantelkaart niet", here
            )
        if location.description and location.description != CONFIDENTIAL_NOTE:
            self.report.left(
                "locatie.description",
                "een locatie heeft geen omschrijving",
                f"{location.description} ({here})",
            )
        if attrs.value("vertrouwelijk") == "ja":
            data.update(plaats=city, vertrouwelijk="ja")
            return compact(data)
        if address:
            report_extras(self.report, "adres", address, here)
            country = country_code(address.country)
            if country not in (None, "NL"):
                self.report.left(
                    "adres.country", "alleen adressen in Nederland", f"{address.country} ({here})"
                )
            street = ", ".join(part for part in (address.address_1, address.address_2) if part)
            data["postcode"] = clean.text("postcode", address.postal_code, here, "adres.postal_code")
            if street and not data["postcode"]:  # an address is only shown with its postcode
                self.report.left(
                    "adres.address_1", "zonder geldige Nederlandse postcode", f"{street} ({here})"
                )
            elif street:
                data["adres"] = clean.text("line", street, here, "adres.address_1")
        data["plaats"] = city
        if location.latitude is not None and location.longitude is not None:
            point = {"breedtegraad": str(location.latitude), "lengtegraad": str(location.longitude)}
            try:
                Coordinates.model_validate(point)
                data["coordinaten"] = point
            except ValidationError as error:
                reason = details(error)[0].get("ctx", {}).get("message", "")
                self.report.left("locatie.coordinaten", f"coördinaten: {reason}", here)
        if location.accessibility:
            first = location.accessibility[0]
            data["toegankelijkheid"] = clean.text("line", first.description, here, "locatie.toegankelijkheid")
            for item in location.accessibility:
                report_extras(self.report, "toegankelijkheid", item, here)
            if len(location.accessibility) > 1:
                self.report.left("locatie.toegankelijkheid", "meer dan één beschrijving", here)
        return compact(data)
