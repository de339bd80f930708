"""Open211 Miami's HSDS 1.x CSV package → HSDS 3.0 organizations JSON, for tests and benchmarks.

The package (../shared/external-hsds/open211-miami/, see its SOURCE.txt) is real data with an
unclear licence: it is read from there and converted into a temporary folder, never copied into
this repository. Usage::

    python -m bench.open211 ZIP OUT.json

What the conversion does (and does not) do, so that a test can tell the importer's choices from
the converter's:

* organizations.csv → organizations (``url`` → ``website``; tax and legal fields as they are);
* services.csv → the services of their organization (``fees`` → ``fees_description``); services whose
  organization is not in organizations.csv (a known defect of the package) are left out and counted;
  an empty ``status`` stays absent;
* locations are attached to the organizations of the services at them (the package's
  ``locations.organization_id`` is the location's own id, another known defect), with their
  ``physical_addresses`` (an empty country becomes ``US``: HSDS 3.0 requires one, and the whole
  package is Miami's) and ``accessibility_for_disabilities``;
* phones go to their service, else their organization; contacts likewise (their area code and
  number joined);
* regular_schedules → weekly schedules (``Monday`` → ``MO``, ``9:00am`` → ``09:00``) with the
  row's ``original_text`` as the schedule's ``description``;
* languages.csv → the service's languages by name; services_taxonomy → attributes with the AIRS
  term embedded;
* eligibility.csv has no ``service_id`` in any row and cannot be attached: it is left out.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[2] / "shared" / "external-hsds" / "open211-miami"
ZIP = PACKAGE / "datapackage-1566177582.zip"
DAYS = {
    "monday": "MO",
    "tuesday": "TU",
    "wednesday": "WE",
    "thursday": "TH",
    "friday": "FR",
    "saturday": "SA",
    "sunday": "SU",
}
CLOCK = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?\s*$", re.IGNORECASE)
Json = dict[str, Any]


def rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    with archive.open(f"data/{name}") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        return [{key: (value or "").strip() for key, value in row.items()} for row in csv.DictReader(text)]


def clock(text: str) -> str | None:
    """``9:00am`` → ``09:00``; ``None`` for anything else."""
    match = CLOCK.match(text or "")
    if not match:
        return None
    hour, minute = int(match.group(1)) % 12, int(match.group(2) or 0)
    if match.group(3).lower() == "p":
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def some(data: Json) -> Json:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def convert(zip_path: Path = ZIP) -> tuple[list[Json], dict[str, int]]:
    """The organizations as HSDS 3.0 JSON, and counts of what the conversion left out."""
    with zipfile.ZipFile(zip_path) as archive:
        table = {name: rows(archive, f"{name}.csv") for name in TABLES}
    left_out: dict[str, int] = defaultdict(int)
    organizations: dict[str, Json] = {}
    for row in table["organizations"]:
        organizations[row["id"]] = some(
            {
                "id": row["id"],
                "name": row["name"],
                "alternate_name": row["alternate_name"],
                "description": row["description"],
                "email": row["email"],
                "website": row["url"],
                "tax_status": row["tax_status"],
                "tax_id": row["tax_id"],
                "year_incorporated": row["year_incorporated"],
                "legal_status": row["legal_status"],
                "services": [],
                "locations": [],
                "phones": [],
                "contacts": [],
            }
        )
        for key in ("services", "locations", "phones", "contacts"):
            organizations[row["id"]].setdefault(key, [])
    services: dict[str, Json] = {}
    for row in table["services"]:
        org = organizations.get(row["organization_id"])
        if org is None:
            left_out["services without their organization"] += 1
            continue
        service = some(
            {
                "id": row["id"],
                "organization_id": row["organization_id"],
                "name": row["name"],
                "alternate_name": row["alternate_name"],
                "description": row["description"],
                "url": row["url"],
                "email": row["email"],
                "status": row["status"],
                "interpretation_services": row["interpretation_services"],
                "application_process": row["application_process"],
                "wait_time": row["wait_time"],
                "fees_description": row["fees"],
                "accreditations": row["accreditations"],
                "licenses": row["licenses"],
            }
        )
        for key in ("phones", "contacts", "schedules", "languages", "attributes", "service_at_locations"):
            service[key] = []
        services[row["id"]] = service
        org["services"].append(service)
    addresses = defaultdict(list)
    for row in table["physical_addresses"]:
        addresses[row["location_id"]].append(
            some(
                {
                    "id": row["id"],
                    "location_id": row["location_id"],
                    "attention": row["attention"],
                    "address_1": row["address_1"],
                    "address_2": row["address_2"],
                    "city": row["city"],
                    "region": row["region"],
                    "state_province": row["state_province"],
                    "postal_code": row["postal_code"],
                    "country": row["country"] or "US",
                    "address_type": "physical",
                }
            )
        )
    access = defaultdict(list)
    for row in table["accessibility_for_disabilities"]:
        if row["accessibility"] or row["details"]:
            access[row["location_id"]].append(
                some(
                    {
                        "id": row["id"],
                        "location_id": row["location_id"],
                        "description": row["accessibility"],
                        "details": row["details"],
                    }
                )
            )
    locations: dict[str, Json] = {}
    for row in table["locations"]:
        locations[row["id"]] = some(
            {
                "id": row["id"],
                "location_type": "physical",
                "name": row["name"],
                "alternate_name": row["alternate_name"],
                "description": row["description"],
                "transportation": row["transportation"],
                "latitude": float(row["latitude"]) if row["latitude"] else None,
                "longitude": float(row["longitude"]) if row["longitude"] else None,
                "addresses": addresses.get(row["id"], []),
                "accessibility": access.get(row["id"], []),
            }
        )
    placed: set[tuple[str, str]] = set()
    for row in table["services_at_location"]:
        service = services.get(row["service_id"])
        location = locations.get(row["location_id"])
        if service is None or location is None:
            left_out["services_at_location without service or location"] += 1
            continue
        service["service_at_locations"].append(
            some(
                {
                    "id": row["id"],
                    "service_id": row["service_id"],
                    "location_id": row["location_id"],
                    "description": row["description"],
                }
            )
        )
        org_id = service["organization_id"]
        if (org_id, row["location_id"]) not in placed:
            placed.add((org_id, row["location_id"]))
            organizations[org_id]["locations"].append({**location, "organization_id": org_id})
    for row in table["phones"]:
        phone = some(
            {
                "id": row["id"],
                "number": row["number"],
                "extension": row["extension"],
                "type": row["type"],
                "description": row["description"],
                "languages": [{"name": row["language"]}] if row["language"] else [],
            }
        )
        owner = services.get(row["service_id"]) or organizations.get(row["organization_id"])
        if owner is None or not row["number"]:
            left_out["phones without service, organization or number"] += 1
            continue
        owner["phones"].append(phone)
    for row in table["contacts"]:
        number = " ".join(filter(None, (row["phone_areacode"], row["phone_number"])))
        contact = some(
            {
                "id": row["id"],
                "name": row["name"],
                "title": row["title"],
                "department": row["department"],
                "email": row["email"],
                "phones": [some({"number": number, "extension": row["phone_extension"]})] if number else [],
            }
        )
        owner = services.get(row["service_id"]) or organizations.get(row["organization_id"])
        if owner is None:
            left_out["contacts without service or organization"] += 1
            continue
        owner["contacts"].append(contact)
    for row in table["regular_schedules"]:
        service = services.get(row["service_id"])
        if service is None:
            left_out["schedules without service"] += 1
            continue
        service["schedules"].append(
            some(
                {
                    "service_id": row["service_id"],
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": DAYS.get(row["weekday"].lower()),
                    "opens_at": clock(row["opens_at"]),
                    "closes_at": clock(row["closes_at"]),
                    "description": row["original_text"],
                }
            )
        )
    for row in table["languages"]:
        service = services.get(row["service_id"])
        if service is None or not row["language"]:
            left_out["languages without service"] += 1
            continue
        service["languages"].append(
            {"id": row["id"], "service_id": row["service_id"], "name": row["language"]}
        )
    terms = {row["id"]: row for row in table["taxonomy"]}
    for row in table["services_taxonomy"]:
        service = services.get(row["service_id"])
        term = terms.get(row["taxonomy_id"])
        if service is None or term is None:
            left_out["taxonomy rows without service or term"] += 1
            continue
        service["attributes"].append(
            {
                "id": row["id"],
                "link_id": row["service_id"],
                "link_type": "service",
                "taxonomy_term": {
                    "id": term["id"],
                    "code": term["id"],
                    "name": term["name"],
                    "description": term["name"],
                    "taxonomy": term["vocabulary"],
                },
            }
        )
    left_out["eligibility rows (no service_id)"] = len(table["eligibility"])
    return [some(org) | {"name": org["name"]} for org in organizations.values()], dict(left_out)


TABLES = (
    "organizations",
    "services",
    "locations",
    "physical_addresses",
    "accessibility_for_disabilities",
    "services_at_location",
    "phones",
    "contacts",
    "regular_schedules",
    "languages",
    "services_taxonomy",
    "taxonomy",
    "eligibility",
)


MIAMI = {"miami": "Miami", "hialeah": "Hialeah", "miami-beach": "Miami Beach", "homestead": "Homestead"}
MINI = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mini"


def miami_site(folder: Path) -> Path:
    """A site like the tests' mini site whose municipalities are four of Miami-Dade's cities."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (MINI / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"(?m)^( +)municipalities:\n(?:\1  .*\n)+", text)
    assert block, "the mini site's mkdocs.yml has no municipalities block"
    indent = block.group(1) + "  "
    cities = "".join(f"{indent}{key}: {name}\n" for key, name in MIAMI.items())
    text = text[: block.start()] + f"{block.group(1)}municipalities:\n{cities}" + text[block.end() :]
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    for name in ("respite-forms", "vocabularies"):
        if (MINI / name).is_dir():
            shutil.copytree(MINI / name, folder / name, dirs_exist_ok=True)
    return folder


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("Gebruik: python -m bench.open211 ZIP UIT.json", file=sys.stderr)
        return 2
    organizations, left_out = convert(Path(argv[0]))
    Path(argv[1]).write_text(json.dumps(organizations, ensure_ascii=False), encoding="utf-8")
    services = sum(len(org.get("services", [])) for org in organizations)
    print(f"{len(organizations)} organizations, {services} services; left out: {left_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
