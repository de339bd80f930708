"""Reading an HSDS 3.0 JSON file for ``mantelkaart import hsds``: shape checks in Dutch.

Accepted: a list of organizations (our ``organizations.json``), one organization,
or a page of the HSDS API (``{"contents": [...]}``). Objects are read with lenient
pydantic models that know the fields Mantelkaart maps; every other field stays in
``model_extra``, so the importer can report what it did not take over.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

MAX_BYTES = 1_000_000_000  # 1 GB; an export of 10,000 providers is about 150 MB


class HsdsInputError(Exception):
    """Input that cannot be imported, with a Dutch message."""


class HsdsObject(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=False)
    id: str | None = None

    def extras(self) -> dict[str, Any]:
        return {
            key: value for key, value in (self.model_extra or {}).items() if value not in (None, "", [], {})
        }


class Term(HsdsObject):
    code: str | None = None
    name: str | None = None
    description: str | None = None
    taxonomy: str | None = None
    taxonomy_id: str | None = None
    taxonomy_detail: dict[str, Any] | None = None
    language: str | None = None
    term_uri: str | None = None
    parent_id: str | None = None


class Attribute(HsdsObject):
    taxonomy_term_id: str | None = None
    taxonomy_term: Term | None = None
    value: str | None = None
    link_id: str | None = None
    link_type: str | None = None
    link_entity: str | None = None


class Phone(HsdsObject):
    number: str
    description: str | None = None
    type: str | None = None
    organization_id: str | None = None
    service_id: str | None = None
    location_id: str | None = None


class Contact(HsdsObject):
    name: str | None = None
    email: str | None = None
    phones: list[Phone] = []
    organization_id: str | None = None
    service_id: str | None = None


class Address(HsdsObject):
    address_1: str | None = None
    address_2: str | None = None
    city: str | None = None
    postal_code: str | None = None
    state_province: str | None = None
    country: str | None = None
    address_type: str | None = None
    location_id: str | None = None


class Accessibility(HsdsObject):
    description: str | None = None
    location_id: str | None = None


class Location(HsdsObject):
    name: str | None = None
    description: str | None = None
    location_type: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    addresses: list[Address] = []
    accessibility: list[Accessibility] = []
    attributes: list[Attribute] = []
    organization_id: str | None = None


class Schedule(HsdsObject):
    freq: str | None = None
    wkst: str | None = None
    byday: str | None = None
    opens_at: str | None = None
    closes_at: str | None = None
    description: str | None = None
    notes: str | None = None
    service_id: str | None = None


class ServiceArea(HsdsObject):
    name: str | None = None
    service_id: str | None = None


class ServiceAtLocation(HsdsObject):
    location_id: str | None = None
    location: Location | None = None
    service_id: str | None = None


class Language(HsdsObject):
    code: str | None = None
    name: str | None = None
    service_id: str | None = None


class CostOption(HsdsObject):
    option: str | None = None
    amount: float | None = None
    amount_description: str | None = None
    currency: str | None = None
    service_id: str | None = None


class Service(HsdsObject):
    name: str
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: str | None = None
    application_process: str | None = None
    fees_description: str | None = None
    wait_time: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    assured_date: str | None = None
    organization_id: str | None = None
    phones: list[Phone] = []
    contacts: list[Contact] = []
    schedules: list[Schedule] = []
    service_areas: list[ServiceArea] = []
    service_at_locations: list[ServiceAtLocation] = []
    languages: list[Language] = []
    cost_options: list[CostOption] = []
    attributes: list[Attribute] = []


class Organization(HsdsObject):
    name: str
    description: str | None = None
    email: str | None = None
    website: str | None = None
    uri: str | None = None
    phones: list[Phone] = []
    contacts: list[Contact] = []
    locations: list[Location] = []
    services: list[Service] = []
    attributes: list[Attribute] = []


MESSAGES = {
    "missing": "ontbreekt",
    "string_type": "is geen tekst",
    "float_type": "is geen getal",
    "float_parsing": "is geen getal",
    "finite_number": "is geen eindig getal",
    "list_type": "is geen lijst",
    "dict_type": "is geen object",
    "model_type": "is geen object",
    "model_attributes_type": "is geen object",
}


def _where(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_organizations(path: Path, limit: int = 20) -> list[Organization]:
    """The organizations in ``path``; :class:`HsdsInputError` with Dutch reasons otherwise."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise HsdsInputError(f"{path} is groter dan 1 GB; zo'n groot bestand leest Mantelkaart niet in.")
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise HsdsInputError(f"Het bestand {path} bestaat niet.") from None
    except IsADirectoryError:
        raise HsdsInputError(
            f"{path} is een map. Geef het JSON-bestand, bijvoorbeeld organizations.json."
        ) from None
    except OSError as error:
        raise HsdsInputError(f"{path} kan niet worden gelezen ({error.strerror}).") from None
    except UnicodeDecodeError:
        raise HsdsInputError(f"{path} is geen tekstbestand in UTF-8, dus geen HSDS-JSON.") from None
    except json.JSONDecodeError as error:
        raise HsdsInputError(
            f"{path}:{error.lineno}:{error.colno}: dit is geen geldige JSON. "
            "Controleer of u het goede bestand heeft (bijvoorbeeld organizations.json)."
        ) from None
    except (RecursionError, ValueError):
        raise HsdsInputError(
            f"{path} is te diep genest of bevat te grote getallen; dit is geen HSDS-JSON."
        ) from None
    items = _organization_list(data, path)
    organizations: list[Organization] = []
    problems: list[str] = []
    for number, item in enumerate(items, 1):
        try:
            organizations.append(Organization.model_validate(item))
        except ValidationError as error:
            name = item.get("name") if isinstance(item, dict) and isinstance(item.get("name"), str) else ""
            label = f"organisatie {number}" + (f" ({name[:60]})" if name else "")
            for detail in error.errors():
                where = _where(tuple(detail["loc"]))
                problems.append(
                    f"{label}: '{where}' {MESSAGES.get(detail['type'], 'heeft een ongeldige waarde')}."
                )
        except RecursionError:
            problems.append(f"organisatie {number}: te diep genest.")
    if problems:
        shown = problems[:limit] + (
            [f"… en nog {len(problems) - limit} problemen."] if len(problems) > limit else []
        )
        raise HsdsInputError(
            f"{path} is geen bruikbare HSDS 3.0-JSON:\n" + "\n".join(f"  - {p}" for p in shown)
        )
    return organizations


# Fields that only other HSDS objects have (an organization has none of them), with what the object is.
OTHER_OBJECTS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"service", "location"}), "diensten op locaties (service_at_location)"),
    (
        frozenset(
            {"status", "service_areas", "application_process", "eligibility_description", "organization"}
        ),
        "diensten (service)",
    ),
    (
        frozenset({"location_type", "latitude", "longitude", "addresses", "transportation"}),
        "locaties (location)",
    ),
    (
        frozenset({"term_uri", "taxonomy", "taxonomy_detail", "parent_id", "code"}),
        "begrippen (taxonomy_term)",
    ),
    (frozenset({"version"}), "taxonomieën (taxonomy)"),
    (frozenset({"openapi_url", "profile"}), "de beschrijving van een HSDS-profiel"),
    (frozenset({"number"}), "telefoonnummers (phone)"),
)
ORGANIZATION_ONLY = frozenset(
    {"services", "website", "legal_status", "tax_status", "tax_id", "year_incorporated"}
)


def object_kind(item: Any) -> str | None:
    """What an HSDS object is, in Dutch, if it is not an organization; ``None`` for an organization."""
    if not isinstance(item, dict):
        return None  # reported per item by the model
    keys = set(item)
    if keys & ORGANIZATION_ONLY:
        return None
    if keys and all(key.endswith(".csv") for key in keys):
        return "de beschrijving van HSDS-tabellen (CSV)"
    for fields, what in OTHER_OBJECTS:
        if keys & fields:
            return what
    if "organization_id" in keys:
        return "geen organisaties maar onderdelen van een organisatie"
    return None


def _organization_list(data: Any, path: Path) -> list[Any]:
    items: list[Any] | None = None
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = list(data["contents"])  # a page of the HSDS API
    elif isinstance(data, dict) and ("name" in data or object_kind(data)):
        items = [data]
    elif isinstance(data, list):
        items = data
    if items is not None:
        kinds = [kind for kind in (object_kind(item) for item in items[:50]) if kind]
        if kinds:
            raise HsdsInputError(
                f"{path} bevat {kinds[0]}, geen organisaties. Mantelkaart leest alleen een bestand met "
                "organisaties in (een lijst, één organisatie of een pagina van de HSDS-API), zoals "
                "organizations.json uit 'mantelkaart export'; diensten en locaties staan daarin bij hun "
                "organisatie."
            )
        return items
    raise HsdsInputError(
        f"{path} bevat geen HSDS-organisaties. Verwacht: een lijst organisaties (zoals organizations.json "
        "uit 'mantelkaart export'), één organisatie, of een pagina van de HSDS-API met 'contents'."
    )


def read_terms(path: Path) -> list[Term]:
    """Taxonomy terms from a ``taxonomy_terms.json`` (a list, or an API page with 'contents')."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        raise HsdsInputError(
            f"{path} kan niet worden gelezen als JSON; de begrippen daarin zijn niet gebruikt."
        ) from None
    if isinstance(data, dict):
        data = data.get("contents", [])
    terms = []
    for item in data if isinstance(data, list) else []:
        try:
            terms.append(Term.model_validate(item))
        except ValidationError:
            continue  # a term we cannot read is reported where an attribute needs it
    return terms
