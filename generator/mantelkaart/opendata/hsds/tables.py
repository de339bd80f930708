"""HSDS 3.0's tabular form: one CSV file per table, described by a datapackage.json.

The nested HSDS JSON (organizations with services, locations, phones, …) is
flattened: every nested list becomes rows of its table, with the parent's id in
the row (``service_id``, ``link_id`` for attributes). The column lists and field
types are those of HSDS 3.0's own datapackage.json (the tests compare them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from mantelkaart.opendata.hsds.terms import Json
from mantelkaart.site.cells import RISKY, safe_cell

# Table → (file name, columns), in HSDS 3.0's order.
TABLES: dict[str, tuple[str, str]] = {
    "organization": (
        "organizations.csv",
        "id name alternate_name description email website tax_status tax_id year_incorporated "
        "legal_status logo uri parent_organization_id",
    ),
    "program": ("programs.csv", "id organization_id name alternate_name description"),
    "service": (
        "services.csv",
        "id organization_id program_id name alternate_name description url email status "
        "interpretation_services application_process fees_description wait_time fees accreditations "
        "eligibility_description minimum_age maximum_age assured_date assurer_email licenses alert last_modified",
    ),
    "attribute": ("attributes.csv", "id link_id taxonomy_term_id link_type link_entity value"),
    "service_at_location": ("service_at_location.csv", "id service_id location_id description"),
    "location": (
        "locations.csv",
        "id location_type url organization_id name alternate_name description transportation latitude "
        "longitude external_identifier external_identifier_type",
    ),
    "phone": (
        "phones.csv",
        "id location_id service_id organization_id contact_id service_at_location_id number extension type description",
    ),
    "contact": (
        "contacts.csv",
        "id organization_id service_id service_at_location_id location_id name title department email",
    ),
    "address": (
        "addresses.csv",
        "id location_id attention address_1 address_2 city region state_province postal_code country address_type",
    ),
    "schedule": (
        "schedules.csv",
        "id service_id location_id service_at_location_id valid_from valid_to dtstart timezone until count "
        "wkst freq interval byday byweekno bymonthday byyearday description opens_at closes_at "
        "schedule_link attending_type notes",
    ),
    "funding": ("funding.csv", "id organization_id service_id source"),
    "service_area": ("service_areas.csv", "id service_id name description extent extent_type uri"),
    "required_document": ("required_documents.csv", "id service_id document uri"),
    "language": ("languages.csv", "id service_id location_id phone_id name code note"),
    "accessibility": ("accessibility.csv", "id location_id description details url"),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        "id code name description parent_id taxonomy language taxonomy_id term_uri",
    ),
    "metadata": (
        "metadata.csv",
        "id resource_id resource_type last_action_date last_action_type field_name previous_value "
        "replacement_value updated_by",
    ),
    "meta_table_description": ("meta_table_descriptions.csv", "id name language character_set"),
    "cost_option": (
        "cost_options.csv",
        "id service_id valid_from valid_to option currency amount amount_description",
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        "id organization_id identifier_scheme identifier_type identifier",
    ),
    "taxonomy": ("taxonomies.csv", "id name description uri version"),
}
COLUMNS = {table: columns.split() for table, (_, columns) in TABLES.items()}
COLUMN_SETS = {table: set(columns) for table, columns in COLUMNS.items()}

# Nested list key → table (``services`` in an organization → rows of ``service``).
NESTED = {
    "services": "service",
    "locations": "location",
    "phones": "phone",
    "contacts": "contact",
    "addresses": "address",
    "accessibility": "accessibility",
    "schedules": "schedule",
    "service_areas": "service_area",
    "service_at_locations": "service_at_location",
    "languages": "language",
    "cost_options": "cost_option",
    "attributes": "attribute",
    "funding": "funding",
    "programs": "program",
    "required_documents": "required_document",
    "organization_identifiers": "organization_identifier",
    "metadata": "metadata",
}

# Field types and constraints, as in HSDS 3.0's datapackage.json.
NUMBERS = {"year_incorporated", "minimum_age", "maximum_age", "latitude", "longitude", "extension"}
NUMBERS |= {"timezone", "count", "interval", "amount"}
DATES = {"assured_date", "valid_from", "valid_to", "dtstart", "until", "last_action_date"}
TIMES = {"opens_at", "closes_at"}
EMAILS = {"email", "assurer_email"}
URIS = {"website", "uri", "url", "term_uri", "schedule_link"}
NOT_URIS = {("service_area", "uri")}  # HSDS leaves this one a plain string
ENUMS = {
    "status": ["active", "inactive", "defunct", "temporarily closed"],
    "location_type": ["physical", "postal", "virtual"],
    "address_type": ["physical", "postal", "virtual"],
    "wkst": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"],
    "freq": ["WEEKLY", "MONTHLY"],
}
REQUIRED = {
    "organization": {"name", "description"},
    "program": {"organization_id", "name", "description"},
    "service": {"organization_id", "name", "status"},
    "attribute": {"link_id", "taxonomy_term_id", "link_entity"},
    "service_at_location": {"service_id", "location_id"},
    "location": {"location_type"},
    "phone": {"number"},
    "address": {"address_1", "city", "state_province", "postal_code", "country", "address_type"},
    "taxonomy_term": {"name", "description"},
    "metadata": set(COLUMNS["metadata"][1:]),
    "cost_option": {"service_id"},
    "organization_identifier": {"organization_id", "identifier_type", "identifier"},
    "taxonomy": {"name", "description"},
}
UNIQUE = {("program", "organization_id"), ("taxonomy_term", "code")}
NOT_REFERENCES = {"parent_id", "link_id", "resource_id", "parent_organization_id"}


def _field(table: str, name: str) -> Json:
    field: Json = {"name": name, "type": "string"}
    if name in NUMBERS:
        field["type"] = "number"
    elif name in DATES:
        field["type"] = "date"
    elif name in TIMES:
        field["type"] = "time"
    elif name == "last_modified":
        field["type"] = "datetime"
    elif name == "id" or (name.endswith("_id") and name != "tax_id"):
        field["format"] = "uuid"
    elif name in EMAILS:
        field["format"] = "email"
    elif name in URIS and (table, name) not in NOT_URIS:
        field["format"] = "uri"
    constraints: Json = {
        "required": name == "id" or name in REQUIRED.get(table, set()),
        "unique": name == "id" or (table, name) in UNIQUE,
    }
    if name in ENUMS:
        constraints["enum"] = ENUMS[name]
    field["constraints"] = constraints
    return field


def _foreign_keys(table: str) -> list[Json]:
    keys = []
    for name in COLUMNS[table]:
        target = name.removesuffix("_id")
        if name.endswith("_id") and name not in NOT_REFERENCES and target in TABLES:
            keys.append({"fields": name, "reference": {"resource": target, "fields": "id"}})
    return keys


def datapackage(title: str, licence: Json | None) -> Json:
    """The package descriptor: every HSDS table, with its fields, keys and references."""
    resources = []
    for table, (path, _) in TABLES.items():
        schema: Json = {"fields": [_field(table, name) for name in COLUMNS[table]], "primaryKey": "id"}
        keys = _foreign_keys(table)
        if keys:
            schema["foreignKeys"] = keys
        resources.append(
            {
                "name": table,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    package: Json = {
        "name": "hsds",
        "title": title,
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "homepage": "https://docs.openreferral.org/en/latest/",
        "resources": resources,
    }
    if licence:
        package["licenses"] = [licence]
    return package


Row = list[Any]  # cells in the order of the table's columns
PARENT_COLUMN = {
    (table, parent): COLUMNS[table].index(f"{parent}_id")
    for table in TABLES
    for parent in TABLES
    if f"{parent}_id" in COLUMN_SETS[table]
}
LINK_ID, LINK_ENTITY = COLUMNS["attribute"].index("link_id"), COLUMNS["attribute"].index("link_entity")


def _time(value: Any) -> Any:
    """Table Schema's ``time`` is ``HH:MM:SS``; the JSON has ``HH:MM``, as HSDS asks."""
    return value + ":00" if isinstance(value, str) and len(value) == 5 else value


def flatten(organizations: Iterable[Json], terms: Iterable[Json]) -> dict[str, list[Row]]:
    """Rows per table from nested HSDS organizations and the taxonomy term list.

    Each nested object becomes a row of its table; where it leaves out its parent's
    id (``link_id`` of an attribute, ``service_id`` of a nested phone), the row gets it.
    """
    rows: dict[str, list[Row]] = {table: [] for table in TABLES}
    times = {table: [i for i, c in enumerate(COLUMNS[table]) if c in TIMES] for table in TABLES}
    nested = NESTED.get

    def add(table: str, item: Json, parent_table: str, parent_id: Any) -> None:
        cells = list(map(item.get, COLUMNS[table]))
        if parent_id is not None:
            if table == "attribute":
                if cells[LINK_ID] is None:
                    cells[LINK_ID], cells[LINK_ENTITY] = parent_id, cells[LINK_ENTITY] or parent_table
            else:
                index = PARENT_COLUMN.get((table, parent_table))
                if index is not None and cells[index] is None:
                    cells[index] = parent_id
        for index in times[table]:
            cells[index] = _time(cells[index])
        rows[table].append(cells)
        for key, value in item.items():
            child_table = nested(key)
            if child_table is not None and isinstance(value, list):
                item_id = item.get("id")
                for child in value:
                    if isinstance(child, dict):
                        add(child_table, child, table, item_id)

    for organization in organizations:
        add("organization", organization, "", None)
    taxonomies: dict[Any, Json] = {}
    for term in terms:
        detail = term.get("taxonomy_detail")
        if isinstance(detail, dict):
            taxonomies.setdefault(detail.get("id"), detail)
        add("taxonomy_term", term, "", None)
    for taxonomy in taxonomies.values():
        add("taxonomy", taxonomy, "", None)
    return rows


def csv_rows(rows: list[Row]) -> str:
    """RFC 4180 CSV lines (comma, CRLF) for ``rows``; ``None`` becomes an empty cell. No cell
    can start a formula in a spreadsheet, whatever a record says (see ``safe_cell``)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [safe_cell(cell) if cell.__class__ is str and cell[:1] in RISKY else cell for cell in row]
        for row in rows
    )
    return buffer.getvalue()


def datapackage_text(title: str, licence: Json | None) -> str:
    return json.dumps(datapackage(title, licence), ensure_ascii=False, indent=2) + "\n"
