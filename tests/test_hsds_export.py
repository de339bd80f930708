"""The HSDS 3.0 export: stable ids, valid against the official schemas (JSON and CSV package)."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate as frictionless_validate
from open_data_support import (
    CONFIDENTIAL,
    HSDS,
    compiled_validator,
    confidential_site,
    errors,
    export,
    needs_hsds,
    tabular_document,
    validator,
    write_export,
)

from mantelkaart.core import cores
from mantelkaart.opendata.hsds import files as hsds_files
from mantelkaart.opendata.hsds.files import HsdsFiles
from mantelkaart.opendata.hsds.terms import NAMESPACE, uid

from bench.synthetic import write_site
from support import REPO, load


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return export(load(REPO))


def organizations(files: dict[str, bytes]) -> list[dict[str, Any]]:
    return json.loads(files["hsds/organizations.json"])


def walk(node: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every (key, value) pair in a JSON document."""
    found: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for name, value in node.items():
            found.append((name, value))
            found.extend(walk(value, name))
    elif isinstance(node, list):
        for item in node:
            found.extend(walk(item, key))
    return found


def by_name(items: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(item for item in items if item["name"] == name)


def test_ids_are_uuid5_of_the_project_namespace_and_slug_paths(files: dict[str, bytes]) -> None:
    for path in ("provider/het-parkhuis", "service/het-parkhuis/logeerzorg", "ü/ë/€", "x" * 300):
        assert uid(path) == str(uuid.uuid5(NAMESPACE, path))
    parkhuis = by_name(organizations(files), "Het Parkhuis")
    assert parkhuis["id"] == str(uuid.uuid5(NAMESPACE, "provider/het-parkhuis"))
    assert by_name(parkhuis["services"], "Logeerzorg in Het Parkhuis")["id"] == str(
        uuid.uuid5(NAMESPACE, "service/het-parkhuis/logeerzorg")
    )
    assert parkhuis["locations"][0]["id"] == str(uuid.uuid5(NAMESPACE, "location/het-parkhuis/parkhuis"))


def test_export_is_byte_for_byte_stable_and_every_id_is_unique(files: dict[str, bytes]) -> None:
    assert export(load(REPO)) == files
    ids = [value for name, value in walk(organizations(files)) if name == "id"]
    assert len(ids) > 500
    assert len(ids) == len(set(ids))
    terms = json.loads(files["hsds/taxonomy_terms.json"])
    assert len({term["id"] for term in terms}) == len(terms)
    assert len({term["code"] for term in terms}) == len(terms)  # HSDS's tabular form: codes are unique


@needs_hsds
def test_example_region_is_valid_hsds_json(files: dict[str, bytes]) -> None:
    orgs = organizations(files)
    assert errors(compiled_validator("organization_package.json").iter_errors(orgs)) == []
    organization = compiled_validator("organization.json")
    for org in orgs:
        assert errors(organization.iter_errors(org)) == [], org["name"]
    term = validator("taxonomy_term.json")
    for item in json.loads(files["hsds/taxonomy_terms.json"]):
        assert errors(term.iter_errors(item)) == [], item["code"]


@needs_hsds
def test_the_validator_notices_broken_hsds(files: dict[str, bytes]) -> None:
    """The schema tests can fail: a wrong id, status or a missing name is found."""
    organization = compiled_validator("organization.json")
    broken = organizations(files)[0]
    broken["id"] = "het-parkhuis"
    broken["services"][0]["status"] = "open"
    del broken["name"]
    found = " ".join(errors(organization.iter_errors(broken)))
    assert "is not a 'uuid'" in found and "'open' is not one of" in found and "'name' is a required" in found


def test_references_inside_the_export_resolve(files: dict[str, bytes]) -> None:
    terms = {term["id"] for term in json.loads(files["hsds/taxonomy_terms.json"])}
    for org in organizations(files):
        locations = {location["id"] for location in org.get("locations", [])}
        for name, value in walk(org):
            if name == "taxonomy_term_id":
                assert value in terms
        for service in org.get("services", []):
            assert service["organization_id"] == org["id"]
            for link in service.get("service_at_locations", []):
                assert link["location_id"] in locations


@needs_hsds
def test_csv_package_describes_the_tables_as_hsds_does(files: dict[str, bytes]) -> None:
    ours = json.loads(files["hsds/csv/datapackage.json"])
    official = json.loads((HSDS / "datapackage.json").read_text(encoding="utf-8"))
    assert ours["profile"] == official["profile"] == "tabular-data-package"

    def shape(package: dict[str, Any]) -> dict[str, Any]:
        return {
            r["name"]: {
                "path": r["path"],
                "fields": [
                    (
                        f["name"],
                        f["type"],
                        f.get("format"),
                        f["constraints"].get("required", False),
                        f["constraints"].get("unique", False),
                        f["constraints"].get("enum"),
                    )
                    for f in r["schema"]["fields"]
                ],
                "primaryKey": r["schema"].get("primaryKey"),
                "foreignKeys": sorted(
                    json.dumps(k, sort_keys=True) for k in r["schema"].get("foreignKeys", [])
                ),
            }
            for r in package["resources"]
        }

    assert shape(ours) == shape(official)
    assert ours["licenses"] == [
        {
            "name": "cc-by-4-0",
            "title": "CC BY 4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/deed.nl",
        }
    ]


@needs_hsds
def test_csv_package_is_valid_with_frictionless(files: dict[str, bytes], tmp_path: Path) -> None:
    ours = write_export(files, tmp_path / "ours") / "hsds" / "csv"
    report = frictionless_validate(str(ours / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:10]
    # The same CSV files under HSDS's own descriptor (types, required, unique, enums, foreign keys).
    official = shutil.copytree(ours, tmp_path / "official")
    shutil.copy(HSDS / "datapackage.json", official / "datapackage.json")
    report = frictionless_validate(str(official / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:10]
    rows = sum(task.stats.get("rows", 0) for task in report.tasks)  # empty tables have no "rows"
    assert rows > 1000


@needs_hsds
def test_csv_package_is_valid_against_the_tabular_schema(files: dict[str, bytes]) -> None:
    document = tabular_document(files)
    assert len(document["service"]) == 38 + 6  # services and regulations
    assert errors(compiled_validator("tabular.json").iter_errors(document)) == []


def test_mapping_of_statuses_hours_phones_and_regulations(files: dict[str, bytes]) -> None:
    orgs = organizations(files)
    parkhuis = by_name(orgs, "Het Parkhuis")
    closed = by_name(parkhuis["services"], "Tijdelijke dagopvang bij ernstige dementie")
    assert closed["status"] == "temporarily closed"
    assert closed["schedules"][0] | {"id": None, "service_id": None} == {
        "id": None,
        "service_id": None,
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": "MO,WE,FR",
        "opens_at": "09:30",
        "closes_at": "15:30",
        "description": "Maandag, woensdag en vrijdag van 9.30 tot 15.30 uur",
        "notes": "Tijdelijk gesloten. Deze tijden gelden als de opvang weer open is.",
    }
    assert "phones" not in closed  # no number of its own: the provider's is on the organization
    mee = by_name(orgs, "MEE Drechtsteden")
    stay = by_name(mee["services"], "Logeerzorg MEE Plus")
    assert stay["phones"][0]["number"] == "+31780000106"
    assert stay["application_process"].startswith("Bel de respijtconsulent")
    attributes = {a.get("value") for a in stay["attributes"]}
    assert {"consulent", "ja", "gemeente"} <= attributes  # volgende_stap.door, indicatie.nodig/van
    line = by_name(orgs, "De Luisterlijn (voorheen Sensoor)")["services"][0]
    assert (line["schedules"][0]["opens_at"], line["schedules"][0]["closes_at"]) == ("00:00", "00:00")
    assert line["service_areas"][0]["name"] == "Heel Nederland"
    dordrecht = by_name(orgs, "Gemeente Dordrecht")
    regulation = next(
        service
        for service in dordrecht["services"]
        if {"regeling", "dordtpas-mantelzorgwaardering"} <= {a.get("value") for a in service["attributes"]}
    )
    assert regulation["name"] == "Dordtpas voor mantelzorgers"
    assert "75" in {a.get("value") for a in regulation["attributes"]}  # bedrag
    assert regulation["service_areas"] == [
        {
            "id": uid("service_area/regulation/dordtpas-mantelzorgwaardering/dordrecht"),
            "service_id": regulation["id"],
            "name": "Dordrecht",
        }
    ]
    terms = {t["code"]: t for t in json.loads(files["hsds/taxonomy_terms.json"])}
    assert (
        terms["respijtvormen:logeeropvang"]["term_uri"]
        == "https://example.org/kaart/respijtzorg/logeeropvang/"
    )
    assert terms["doelgroepen:dementie"]["taxonomy_detail"]["name"] == "doelgroepen"


def test_confidential_address_is_in_no_export(tmp_path: Path) -> None:
    dataset = load(confidential_site(tmp_path / "site"))
    location = dataset.catalogue.providers["het-anker"].locations[1]
    assert location.confidential and location.address == "Geheimstraat 99"
    files = export(dataset)
    for name, content in files.items():
        text = content.decode("utf-8-sig")
        for secret in CONFIDENTIAL:
            assert secret not in text, f"{secret} in {name}"
    anker = by_name(organizations(files), "Logeerhuis Het Anker")
    hidden = by_name(anker["locations"], "Gastgezin")
    assert "addresses" not in hidden and "latitude" not in hidden and "accessibility" not in hidden
    assert {a.get("value") for a in hidden["attributes"]} >= {"ja", "Zwijndrecht"}
    features = json.loads(files["locaties.geojson"])["features"]
    assert [f["properties"]["naam"] for f in features] == ["Het Anker"]


def test_two_processes_make_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large sites are exported in two processes; the bytes must not depend on that."""
    write_site(tmp_path / "site", 60, seed=3)
    catalogue = load(tmp_path / "site").catalogue
    monkeypatch.setattr(hsds_files, "CHUNK", 7)  # 9 chunks, shared out between the processes
    serial = HsdsFiles(catalogue, "https://example.org/", parallel=False).files("Titel", None)
    theirs: list[int] = []
    result = cores.Copy.result
    monkeypatch.setattr(cores.Copy, "result", lambda copy: _noted(result(copy), theirs))
    parallel = HsdsFiles(catalogue, "https://example.org/", parallel=True)
    assert parallel.copy is not None
    assert parallel.files("Titel", None) == serial
    assert theirs, "the copy made no chunk"
    assert (
        json.loads(serial["organizations.json"])[-1]["name"]
        == catalogue.providers[list(catalogue.providers)[-1]].name
    )


def _noted(made: dict[int, Any], numbers: list[int]) -> dict[int, Any]:
    numbers += made
    return made


@pytest.mark.parametrize("how", ["raises", "dies"])
def test_a_failing_copy_leaves_the_same_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """If the copy raises or dies, this process makes its chunks: the same files, only later."""
    write_site(tmp_path / "site", 30, seed=4)
    catalogue = load(tmp_path / "site").catalogue
    monkeypatch.setattr(hsds_files, "CHUNK", 5)
    serial = HsdsFiles(catalogue, "https://example.org/", parallel=False).files("Titel", None)
    parent, make_part = os.getpid(), hsds_files.make_part

    def failing(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            if how == "dies":
                os._exit(3)
            raise RuntimeError("kapot in de kopie")
        return make_part(*args, **kwargs)

    monkeypatch.setattr(hsds_files, "make_part", failing)
    parallel = HsdsFiles(catalogue, "https://example.org/", parallel=True)
    assert parallel.copy is not None
    assert parallel.files("Titel", None) == serial


def test_the_description_is_the_records_own_without_the_summary_echoed(files: dict[str, bytes]) -> None:
    """Issue 14, item 6: no 'summary, blank line, description'; the summary travels as its attribute."""
    catalogue = load(REPO).catalogue
    exported = {org["name"]: org for org in organizations(files)}
    checked = 0
    for provider in catalogue.providers.values():
        org = exported[provider.name]
        assert org.get("description") == (provider.description or provider.summary)
        for service in provider.services:
            item = by_name(org["services"], service.name)
            assert item["description"] == (service.description or service.summary)
            if service.description:
                assert not item["description"].startswith(service.summary + "\n\n")
                checked += 1
    assert checked > 10
