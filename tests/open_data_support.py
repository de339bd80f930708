"""Helpers for the open-data tests: the official HSDS 3.0 schemas and validators built on them.

The schemas are not part of this repository: they live in ``../shared/hsds/3.0/``
beside it. Tests that need them are skipped, with the reason, when it is absent.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from mantelkaart.core.dataset import Dataset
from mantelkaart.opendata.exports import data_files

from support import MINI, REPO, copy_site

HSDS = REPO.parent / "shared" / "hsds" / "3.0"
needs_hsds = pytest.mark.skipif(
    not (HSDS / "schema" / "compiled" / "organization.json").is_file(),
    reason=f"the official HSDS 3.0 schemas are not at {HSDS} (../shared/hsds/3.0 beside the repository)",
)
BASE = "https://hsds.test/schema/"


def schema(name: str) -> dict[str, Any]:
    return json.loads((HSDS / "schema" / name).read_text(encoding="utf-8"))


def validator(name: str) -> Draft202012Validator:
    """A Draft 2020-12 validator (formats checked) for an HSDS schema, with its $refs resolvable."""
    registry: Registry = Registry()
    for path in (HSDS / "schema").glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(BASE + path.name, Resource.from_contents(contents, DRAFT202012))
    return Draft202012Validator(
        {"$ref": BASE + name}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def compiled_validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(
        schema(f"compiled/{name}"), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(found: Any, limit: int = 10) -> list[str]:
    return [f"{error.json_path}: {error.message[:200]}" for error in list(found)[:limit]]


def export(dataset: Dataset, site_url: str = "https://example.org/kaart/") -> dict[str, bytes]:
    """Every open-data file of a loaded data set: path → bytes."""
    assert not dataset.errors, [p.text() for p in dataset.errors]
    return {f.path: f.content for f in data_files(dataset.catalogue, site_url)}


def write_export(files: dict[str, bytes], folder: Path) -> Path:
    for relpath, content in files.items():
        path = folder / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return folder


def tabular_document(files: dict[str, bytes]) -> dict[str, list[dict[str, Any]]]:
    """The CSV package as HSDS's tabular JSON (``compiled/tabular.json``): typed rows per table."""
    package = json.loads(files["hsds/csv/datapackage.json"])
    document: dict[str, list[dict[str, Any]]] = {}
    for resource in package["resources"]:
        types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
        text = files[f"hsds/csv/{resource['path']}"].decode("utf-8")
        rows = []
        for row in csv.DictReader(io.StringIO(text, newline="")):
            typed: dict[str, Any] = {}
            for name, value in row.items():
                if value == "":
                    continue
                typed[name] = float(value) if types[name] == "number" else value
            rows.append(typed)
        document[resource["name"]] = rows
    return document


CONFIDENTIAL = ("Geheimstraat 99", "3311 ZZ", "51.8199", "4.6999", "Achterom, bel twee keer")


def confidential_site(folder: Path) -> Path:
    """The mini site, its confidential location with a full address that must never be published."""
    copy_site(MINI, folder)
    path = folder / "providers" / "het-anker.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "  - id: gastgezin\n    plaats: Zwijndrecht\n",
        "  - id: gastgezin\n    naam: Gastgezin\n    adres: Geheimstraat 99\n    postcode: 3311 ZZ\n"
        "    plaats: Zwijndrecht\n    coordinaten: {breedtegraad: '51.8199', lengtegraad: '4.6999'}\n"
        "    toegankelijkheid: Achterom, bel twee keer\n",
    )
    assert "Geheimstraat" in text
    path.write_text(text, encoding="utf-8")
    return folder
