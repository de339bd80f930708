"""The other exports and the download page: a spreadsheet CSV, GeoJSON, and their listing."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import geojson
import pytest
from open_data_support import export

from mantelkaart.core.places import in_netherlands
from mantelkaart.opendata.exports import data_files, download_page
from mantelkaart.opendata.spreadsheet import COLUMNS

from support import MINI, REPO, copy_site, load, run_cli


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return export(load(REPO))


def spreadsheet_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs to read UTF-8
    text = content[3:].decode("utf-8")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_spreadsheet_has_one_row_per_service_with_dutch_headers(files: dict[str, bytes]) -> None:
    rows = spreadsheet_rows(files["aanbod.csv"])
    header, body = rows[0], rows[1:]
    assert header == list(COLUMNS) and "Aanbieder" in header and "Betaald door" in header
    assert len(body) == len(load(REPO).catalogue.offers) == 38
    assert all(len(row) == len(header) for row in body)
    row = dict(zip(header, next(r for r in body if r[0] == "het-parkhuis/logeerzorg"), strict=True))
    assert row["Aanbieder"] == "Het Parkhuis"
    assert row["Telefoon"] == "078 000 0107"
    assert row["Voor wie"] == "Dementie, Niet-aangeboren hersenletsel (NAH), Lichamelijke ziekte of beperking"
    assert row["Pagina"] == "https://example.org/kaart/aanbod/het-parkhuis/logeerzorg/"
    assert row["Bestand"] == "providers/het-parkhuis.yaml"
    assert row["Laatst gecontroleerd"] == "2026-10-14"
    confidential = dict(
        zip(header, next(r for r in body if r[0] == "mee-drechtsteden/logeerzorg-mee-plus"), strict=True)
    )
    assert confidential["Adressen"] == "adres op aanvraag" and confidential["Postcodes"] == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_spreadsheet_never_holds_a_formula(start: str, tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path / "site")
    path = folder / "providers" / "het-anker.yaml"
    text = path.read_text(encoding="utf-8")
    formula = f'{start}HYPERLINK("https://evil.example";"klik")'
    text = text.replace("naam: Logeren in Het Anker", f"naam: '{formula}'")
    path.write_text(text, encoding="utf-8")
    files = export(load(folder))
    rows = spreadsheet_rows(files["aanbod.csv"])
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + formula in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_geojson_has_the_public_locations_longitude_first(files: dict[str, bytes]) -> None:
    collection = geojson.loads(files["locaties.geojson"].decode("utf-8"))
    assert collection.is_valid, collection.errors()
    assert collection["type"] == "FeatureCollection"
    catalogue = load(REPO).catalogue
    public = [
        (provider_id, location)
        for provider_id, provider in catalogue.providers.items()
        for location in provider.locations
        if location.coordinates and not location.confidential
    ]
    assert len(collection["features"]) == len(public) > 5
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert in_netherlands(lat, lon) and not in_netherlands(lon, lat)
    names = {feature["properties"]["naam"] for feature in collection["features"]}
    assert "Logeerhuis MEE Plus" not in names  # confidential
    parkhuis = next(f for f in collection["features"] if f["properties"]["naam"] == "Het Parkhuis")
    assert parkhuis["properties"]["postcode"] == "3317 LK"
    assert [s["naam"] for s in parkhuis["properties"]["diensten"]] == [
        "Logeerzorg in Het Parkhuis",
        "Tijdelijke dagopvang bij ernstige dementie",
    ]


def test_download_page_lists_every_export_with_the_licence() -> None:
    catalogue = load(REPO).catalogue
    listed = list(data_files(catalogue, "https://example.org/kaart/"))
    page = download_page(catalogue, listed)
    assert page.path == "open-data/index.md" and page.title == "Open data"
    for data_file in listed:
        if data_file.title or data_file.path.endswith(".csv"):
            assert f'href="{data_file.path}"' in page.body, data_file.path
    assert '<a href="https://creativecommons.org/licenses/by/4.0/deed.nl">CC BY 4.0</a>' in page.body
    assert "21 tabellen" in page.body


def test_download_page_without_a_licence_says_so(tmp_path: Path) -> None:
    catalogue = load(MINI).catalogue
    assert catalogue.config.licence is None
    page = download_page(catalogue, list(data_files(catalogue)))
    assert "nog geen licentie opgegeven" in page.body


def test_licence_is_a_plugin_option_with_dutch_errors(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path / "site")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("      region: Miniregio\n", "      region: Miniregio\n      licence: {url: x}\n")
    )
    result = run_cli("validate", cwd=folder)
    assert result.returncode == 2
    assert "mantelkaart.licence.naam" in result.stderr and "Traceback" not in result.stderr


def test_cli_export_writes_every_file(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = run_cli("export", "--out", str(out), cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "26 bestanden" in result.stderr
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert written == export(load(REPO), "https://example.org/mantelkaart/")
    organizations = json.loads(written["hsds/organizations.json"])
    assert organizations[0]["uri"].startswith("https://example.org/mantelkaart/aanbieders/")


def test_cli_export_refuses_records_with_errors(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path / "site")
    (folder / "providers" / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    result = run_cli("export", "--out", str(tmp_path / "uit"), cwd=folder)
    assert result.returncode == 1 and "er is niets geëxporteerd" in result.stderr
    assert not (tmp_path / "uit").exists()
