"""``mantelkaart import hsds``: round trip, foreign HSDS, never overwriting, and garbage input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from open_data_support import HSDS, export, needs_hsds, write_export

from mantelkaart.cli import main
from mantelkaart.core.loader import load_document
from mantelkaart.editors.record_yaml import record_yaml
from mantelkaart.opendata.hsds.importer import plan_import

from support import MINI, REPO, TODAY, load, run_cli


def empty_site(source: Path, folder: Path) -> Path:
    """A site with the settings, vocabularies and respite forms of ``source`` but no providers or regulations."""
    folder.mkdir(parents=True)
    shutil.copy(source / "mkdocs.yml", folder / "mkdocs.yml")
    for name in ("respite-forms", "vocabularies"):
        if (source / name).is_dir():
            shutil.copytree(source / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], Path]:
    files = export(load(REPO))
    return files, write_export(files, tmp_path_factory.mktemp("export"))


def test_round_trip_of_the_example_region(exported: tuple[dict[str, bytes], Path], tmp_path: Path) -> None:
    files, folder = exported
    site = empty_site(REPO, tmp_path / "site")
    result = run_cli("import", "hsds", str(folder / "hsds" / "organizations.json"), cwd=site)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "18 aanbieders met 38 diensten en 6 regelingen geschreven" in result.stdout
    assert "Alles is overgenomen." in result.stdout
    assert "Controle van alle records: 0 fouten, 0 waarschuwingen." in result.stdout
    validated = run_cli("validate", "--today", TODAY.isoformat(), cwd=site)
    assert validated.returncode == 0, validated.stdout
    assert export(load(site)) == files  # every file, byte for byte


def test_imported_records_read_like_the_originals(
    exported: tuple[dict[str, bytes], Path], tmp_path: Path
) -> None:
    _, folder = exported
    site = empty_site(REPO, tmp_path / "site")
    assert run_cli("import", "hsds", str(folder / "hsds" / "organizations.json"), cwd=site).returncode == 0
    original, imported = load(REPO).catalogue, load(site).catalogue
    assert original.regulations == imported.regulations
    # The same records, field for field; only a confidential address never left the site.
    hidden = imported.providers["mee-drechtsteden"].locations[1]
    assert hidden.confidential and hidden.address is None and hidden.coordinates is None
    assert original.providers["mee-drechtsteden"].locations[1].address == "Voorbeeldlaan 5"
    for provider_id, provider in original.providers.items():
        public = [
            loc.model_copy(
                update={"address": None, "postcode": None, "coordinates": None, "accessibility": None}
            )
            if loc.confidential
            else loc
            for loc in provider.locations
        ]
        assert provider.model_copy(update={"locations": public}) == imported.providers[provider_id], (
            provider_id
        )
    text = (site / "providers" / "het-parkhuis.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Geïmporteerd uit organizations.json")
    assert "telefoon: 078 000 0107" in text  # written back the way editors write numbers
    assert "doelgroepen: [dementie, nah, lichamelijke-ziekte]" in text


def test_existing_files_are_not_overwritten_without_force(
    exported: tuple[dict[str, bytes], Path], tmp_path: Path
) -> None:
    _, folder = exported
    site = empty_site(REPO, tmp_path / "site")
    (site / "providers").mkdir()
    mine = site / "providers" / "het-parkhuis.yaml"
    own = "# mijn eigen versie\n" + (REPO / "providers" / "het-parkhuis.yaml").read_text(encoding="utf-8")
    mine.write_text(own, encoding="utf-8")
    source = str(folder / "hsds" / "organizations.json")
    result = run_cli("import", "hsds", source, cwd=site)
    assert result.returncode == 1
    assert "providers/het-parkhuis.yaml" in result.stderr and "--force" in result.stderr
    assert mine.read_text(encoding="utf-8") == own
    assert sorted(p.name for p in (site / "providers").iterdir()) == [
        "het-parkhuis.yaml"
    ]  # nothing else either
    result = run_cli("import", "hsds", source, "--force", cwd=site)
    assert result.returncode == 0, result.stderr
    assert mine.read_text(encoding="utf-8").startswith("# Geïmporteerd uit")


def report_of(site: Path) -> str:
    """The Markdown import report written next to the data."""
    return (site / "import-rapport.md").read_text(encoding="utf-8")


def draft(site: Path, relpath: str) -> dict[str, Any]:
    return dict(load_document(site / relpath).data)


def fill_in(site: Path, relpath: str, changes: dict[str, Any], services: dict[str, Any]) -> str:
    """What an editor does with a draft: fill in what is missing and move it to providers/."""
    data = draft(site, relpath)
    data.update(changes)
    data["diensten"] = [{**service, **services} for service in data.get("diensten", [])]
    target = site / "providers" / Path(relpath).name
    target.parent.mkdir(exist_ok=True)
    target.write_text(record_yaml(data), encoding="utf-8")
    (site / relpath).unlink()
    return target.stem


def hsds_file(folder: Path, data: Any, name: str = "organizations.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


GARBAGE: dict[str, bytes | Any] = {
    "not-json": b"naam: Het Parkhuis\n",
    "empty": b"",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe",
    "latin-1": '[{"name": "Caf\xe9"}]'.encode("latin-1"),
    "number": 42,
    "string": "organizations",
    "object-without-organizations": {"total_items": 3},
    "list-of-numbers": [1, 2, 3],
    "missing-name": [{"id": "x", "services": []}],
    "name-not-text": [{"name": ["a", "b"]}],
    "service-without-name": [{"name": "Org", "services": [{"status": "active"}]}],
    "phone-without-number": [{"name": "Org", "phones": [{"type": "voice"}]}],
    "services-not-a-list": [{"name": "Org", "services": "logeren"}],
    "latitude-not-a-number": [
        {"name": "Org", "locations": [{"latitude": "noord", "location_type": "physical"}]}
    ],
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "huge-number": b'[{"name": "Org", "year_incorporated": ' + b"9" * 5000 + b"}]",
}


def run_import(site: Path, path: Path | str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``mantelkaart -f SITE/mkdocs.yml import hsds PATH`` in this process (an exception fails the test)."""
    code = main(["-f", str(site / "mkdocs.yml"), "import", "hsds", str(path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("case", list(GARBAGE))
def test_garbage_gives_a_dutch_error_and_writes_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = empty_site(MINI, tmp_path / "site")
    content = GARBAGE[case]
    path = tmp_path / "in.json"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    code, out, err = run_import(site, path, capsys)
    assert code == 1, out
    assert "Er is niets geïmporteerd." in err
    assert str(path) in err  # the message names the file
    assert not (site / "providers").exists() or not any((site / "providers").iterdir())


@pytest.mark.parametrize(("path", "message"), [("bestaat-niet.json", "bestaat niet"), (".", "is een map")])
def test_missing_file_or_folder_gives_a_dutch_error(
    path: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = empty_site(MINI, tmp_path / "site")
    code, _, err = run_import(site, tmp_path / path, capsys)
    assert code == 1 and message in err


def test_errors_name_the_organization_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = empty_site(MINI, tmp_path / "site")
    data = [{"name": "Goed"}, {"name": "Org B", "services": [{"name": "Dienst", "phones": [{"number": 31}]}]}]
    code, _, err = run_import(site, hsds_file(tmp_path, data), capsys)
    assert code == 1
    assert "organisatie 2 (Org B): 'services[1].phones[1].number' is geen tekst." in err


def test_the_cli_subprocess_reports_garbage_without_a_traceback(tmp_path: Path) -> None:
    site = empty_site(MINI, tmp_path / "site")
    result = run_cli("import", "hsds", str(hsds_file(tmp_path, {"geen": "hsds"})), cwd=site)
    assert result.returncode == 1
    assert "bevat geen HSDS-organisaties" in result.stderr and "Traceback" not in result.stderr


HOSTILE = '</script><script>alert(1)</script> & "quotes" {{ 7*7 }}'


def test_hostile_text_and_ids_stay_data(tmp_path: Path) -> None:
    site = empty_site(MINI, tmp_path / "site")
    data = [
        {
            "name": HOSTILE,
            "description": '=HYPERLINK("http://evil.example")\n\nTweede alinea',
            "attributes": [
                {
                    "id": "a",
                    "taxonomy_term": {"id": "t", "code": "mantelkaart:id", "name": "id", "description": "x"},
                    "value": "../../../etc/passwd",
                }
            ],
            "services": [
                {
                    "name": "Dienst\u202e met stuurteken",
                    "status": "active",
                    "service_areas": [{"name": "Dordrecht"}],
                    "description": "Een dienst. Met meer uitleg.",
                },
                {"name": "Gewone dienst", "status": "active", "service_areas": [{"name": "Dordrecht"}]},
            ],
        }
    ]
    result = run_cli("import", "hsds", str(hsds_file(tmp_path, data)), cwd=site)
    assert result.returncode == 0, result.stderr + result.stdout
    written = sorted(p.name for p in (site / "concepten" / "providers").iterdir())
    assert (
        len(written) == 1
        and written[0].endswith(".yaml")
        and "/" not in written[0]
        and ".." not in written[0]
    )
    assert not (tmp_path / "etc").exists()
    report = report_of(site)
    assert "id '" in report and "../../../etc/passwd" in report  # reported: id replaced
    assert "Dienst" in report and "onzichtbare stuurtekens" in report
    text = (site / "concepten" / "providers" / written[0]).read_text(encoding="utf-8")
    assert "naam:" in text
    provider_id = fill_in(
        site,
        f"concepten/providers/{written[0]}",
        {"soort": "zorgaanbieder", "gecontroleerd": {"op": "2026-09-01", "door": "Redactie"}},
        {
            "samenvatting": "Een dienst.",
            "functies": ["informatie"],
            "doelgroepen": ["iedereen"],
            "omgeving": "thuis",
            "kosten": {"betaald_door": ["gratis"]},
            "toegang": ["vrij-toegankelijk"],
            "volgende_stap": {"door": "aanbieder"},
        },
    )
    provider = load(site).catalogue.providers[provider_id]
    assert provider.name == HOSTILE  # text stays text; the pages escape it


def test_foreign_hsds_is_mapped_with_a_report(tmp_path: Path) -> None:
    """Data from another HSDS system: what fits is taken over, the rest is reported."""
    site = empty_site(MINI, tmp_path / "site")
    data = {
        "contents": [
            {
                "id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610",
                "name": "Stichting Voorbeeldzorg",
                "description": "Wij helpen mantelzorgers.",
                "email": "info@voorbeeldzorg.example.org",
                "tax_id": "123",
                "phones": [{"id": "p", "number": "078 000 0999", "description": "Op werkdagen"}],
                "locations": [
                    {
                        "id": "loc-1",
                        "location_type": "physical",
                        "name": "Kantoor",
                        "latitude": 51.81,
                        "longitude": 4.69,
                        "addresses": [
                            {
                                "address_1": "Voorbeeldstraat 5",
                                "city": "Dordrecht",
                                "postal_code": "3311aa",
                                "state_province": "Zuid-Holland",
                                "country": "NL",
                                "address_type": "physical",
                            }
                        ],
                    }
                ],
                "services": [
                    {
                        "id": "s1",
                        "name": "Logeren",
                        "status": "active",
                        "description": "Uw naaste logeert bij ons. Zo kunt u even rusten.",
                        "minimum_age": 65,
                        "wait_time": "Twee weken",
                        "service_areas": [{"name": "Dordrecht"}, {"name": "Gorinchem"}],
                        "service_at_locations": [{"id": "sal", "location_id": "loc-1"}],
                        "schedules": [
                            {
                                "freq": "WEEKLY",
                                "byday": "MO,TU",
                                "opens_at": "09:00:00",
                                "closes_at": "17:00:00",
                            },
                            {
                                "freq": "MONTHLY",
                                "byday": "1SA",
                                "description": "Eerste zaterdag van de maand",
                            },
                        ],
                        "languages": [{"code": "eng"}, {"code": "xx", "name": "Klingon"}],
                        "cost_options": [{"option": "Per nacht", "amount": 25, "currency": "EUR"}],
                        "attributes": [
                            {
                                "taxonomy_term": {
                                    "id": "t1",
                                    "taxonomy": "doelgroepen",
                                    "name": "Dementie",
                                    "description": "-",
                                }
                            },
                            {
                                "taxonomy_term": {
                                    "id": "t2",
                                    "taxonomy": "openeligibility",
                                    "name": "Seniors",
                                    "description": "-",
                                }
                            },
                        ],
                    },
                    {"name": "Elders", "status": "active", "service_areas": [{"name": "Utrecht"}]},
                ],
            }
        ]
    }
    result = run_cli("import", "hsds", str(hsds_file(tmp_path, data)), cwd=site)
    assert result.returncode == 0, result.stderr + result.stdout
    assert (
        "Als concept geschreven" in result.stdout and "Controle van alle records: 0 fouten" in result.stdout
    )
    report = report_of(site)
    for expected in (
        "dienst 'elders'",  # skipped: no known municipality
        "werkgebied 'Gorinchem'",
        "Klingon",  # a language the site's list lacks: reported, not replaced
        "begrip 'Seniors'",
        "| organisatie.tax_id | 0 | 0 | 1 |",
        "| dienst.wait_time | 1 | 0 | 0 |",  # kept as 'wachttijd'
        "Eerste zaterdag van de maand",
        # Nothing made up: what the record needs and the source does not say is left to an editor.
        "| concepten/providers/stichting-voorbeeldzorg.yaml | soort, diensten[1].functies, "
        "diensten[1].omgeving, diensten[1].kosten.betaald_door, diensten[1].toegang, "
        "diensten[1].volgende_stap, gecontroleerd |",
    ):
        assert expected in report, expected
    assert not (site / "providers").exists() or not any((site / "providers").iterdir())
    assert load(site).catalogue.providers == {}  # a draft is never on the site
    text = (site / "concepten" / "providers" / "stichting-voorbeeldzorg.yaml").read_text(encoding="utf-8")
    for invented in (
        "informatie",
        "iedereen",
        "vrij-toegankelijk",
        "eigen-kosten",
        "Neem contact op",
        "2000-01-01",
    ):
        assert invented not in text, invented
    assert "CONCEPT" in text and "talen: [en]" in text
    provider_id = fill_in(
        site,
        "concepten/providers/stichting-voorbeeldzorg.yaml",
        {"soort": "zorgaanbieder", "gecontroleerd": {"op": "2026-09-01", "door": "Redactie"}},
        {
            "functies": ["respijtzorg"],
            "omgeving": "buitenshuis",
            "kosten": {"betaald_door": ["eigen-kosten"], "toelichting": "Per nacht € 25,00"},
            "toegang": ["vrij-toegankelijk"],
            "volgende_stap": {"door": "aanbieder"},
        },
    )
    provider = load(site).catalogue.providers[provider_id]
    service = provider.services[0]
    assert provider.contact.phone == "078 000 0999" and provider.contact.reachable == "Op werkdagen"
    assert provider.locations[0].postcode == "3311 AA" and provider.locations[0].coordinates is not None
    assert service.target_groups == ["dementie"] and service.languages == ["en"]
    assert service.area == ["dordrecht"] and service.locations == ["kantoor"]
    assert service.audience is not None and service.audience.care_recipient is not None
    assert service.audience.care_recipient.min_age == 65
    assert service.hours is not None and service.hours.spans[0].days == ["ma", "di"]
    assert service.hours.note == "Eerste zaterdag van de maand"
    assert service.waiting_time == "Twee weken"


@needs_hsds
def test_the_official_hsds_example_imports(tmp_path: Path) -> None:
    """Open Referral's own example organization, with its area set to one of our municipalities."""
    site = empty_site(MINI, tmp_path / "site")
    data = json.loads((HSDS / "examples" / "organization_full.json").read_text(encoding="utf-8"))
    for service in data["services"]:
        service["service_areas"] = [{"id": "x", "name": "Dordrecht"}]
    result = run_cli("import", "hsds", str(hsds_file(tmp_path, data)), cwd=site)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Controle van alle records: 0 fouten" in result.stdout
    report = report_of(site)
    assert "'ABC 1234' is geen geldige Nederlandse postcode." in report
    assert "coördinaten: Het punt (100.0, 101.0) ligt niet in Nederland." in report
    assert "| organisatie.year_incorporated | 0 | 0 | 1 |" in report
    assert "| openingstijden.dtstart |" in report
    # The official example's Urdu is reported by its Dutch name, never replaced by Dutch.
    assert "Urdu staat niet in de lijst 'talen'" in report
    text = (site / "concepten" / "providers" / "example-organization-inc.yaml").read_text(encoding="utf-8")
    assert "telefoon: +44 1234 234567" in text  # kept in the international form
    assert "nl" not in load_document(site / "concepten/providers/example-organization-inc.yaml").data[
        "diensten"
    ][0].get("talen", [])


def test_plan_import_writes_nothing(exported: tuple[dict[str, bytes], Path], tmp_path: Path) -> None:
    _, folder = exported
    site = empty_site(REPO, tmp_path / "site")
    result = plan_import(load(site), folder / "hsds" / "organizations.json", TODAY)
    assert len(result.files) == 18 + 6 and result.report.clean
    assert not (site / "providers").exists()


def test_a_new_site_can_start_from_hsds(exported: tuple[dict[str, bytes], Path], tmp_path: Path) -> None:
    """Only a mkdocs.yml: the providers are imported; respite forms the site lacks are reported."""
    site = tmp_path / "nieuw"
    site.mkdir()
    shutil.copy(REPO / "mkdocs.yml", site / "mkdocs.yml")
    _, folder = exported
    result = run_cli("import", "hsds", str(folder / "hsds" / "organizations.json"), cwd=site)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "18 aanbieders met 38 diensten en 6 regelingen geschreven" in result.stdout
    # Named from the taxonomy_terms.json beside the export, not by its id.
    assert "begrip 'Logeeropvang' (respijtvormen) is onbekend (4): " in report_of(
        site
    ) and "`providers/het-parkhuis.yaml, dienst 'Logeerzorg in Het Parkhuis'`" in report_of(site)
    assert "Controle van alle records: 0 fouten" in result.stdout
    assert load(site).catalogue.providers["het-parkhuis"].services[0].respite_form is None


OTHER_EXAMPLES = {
    "service_full.json": "diensten (service)",
    "service_list.json": "diensten (service)",
    "location.json": "locaties (location)",
    "service_at_location_full.json": "diensten op locaties (service_at_location)",
    "service_at_location_list.json": "diensten op locaties (service_at_location)",
    "taxonomy_term.json": "begrippen (taxonomy_term)",
    "taxonomy_term_list.json": "begrippen (taxonomy_term)",
    "taxonomy.json": "taxonomieën (taxonomy)",
    "taxonomy_list.json": "taxonomieën (taxonomy)",
    "tabular.json": "de beschrijving van HSDS-tabellen (CSV)",
}


@needs_hsds
@pytest.mark.parametrize("name", sorted(OTHER_EXAMPLES))
def test_files_that_are_not_organizations_are_refused(name: str, tmp_path: Path) -> None:
    """Issue 14, item 3: the official example of a service or location is not imported as a provider."""
    site = empty_site(MINI, tmp_path / "site")
    result = run_cli("import", "hsds", str(HSDS / "examples" / name), cwd=site)
    assert result.returncode == 1, result.stdout
    assert f"bevat {OTHER_EXAMPLES[name]}" in result.stderr and "geen organisaties" in result.stderr
    assert "Er is niets geïmporteerd." in result.stderr and "Traceback" not in result.stderr
    assert not (site / "providers").exists() or not any((site / "providers").iterdir())


def test_round_trip_keeps_what_the_example_data_does_not_show(tmp_path: Path) -> None:
    """Issue 14, item 6: a waiting time, no languages and a description survive export → import."""
    site = tmp_path / "site"
    shutil.copytree(MINI, site, ignore=shutil.ignore_patterns("site", ".cache"))
    path = site / "providers" / "gemeente-dordrecht.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    indicatie: {nodig: nee}\n",
        "    indicatie: {nodig: nee}\n    wachttijd: Ongeveer 4 weken (november 2026)\n    talen: []\n"
        "    omschrijving: Bel wanneer u wilt. U hoeft uw naam niet te zeggen.\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    original = load(site)
    assert original.errors == []
    files = export(original)
    folder = write_export(files, tmp_path / "export")
    again = empty_site(site, tmp_path / "again")
    result = run_cli("import", "hsds", str(folder / "hsds" / "organizations.json"), cwd=again)
    assert result.returncode == 0, result.stderr + result.stdout
    imported = load(again).catalogue.providers["gemeente-dordrecht"]
    service = imported.services[0]
    assert service.waiting_time == "Ongeveer 4 weken (november 2026)" and service.languages == []
    assert service.description == "Bel wanneer u wilt. U hoeft uw naam niet te zeggen."
    assert imported == original.catalogue.providers["gemeente-dordrecht"]
    organization = next(
        org for org in json.loads(files["hsds/organizations.json"]) if org["name"] == "Gemeente Dordrecht"
    )
    assert organization["services"][0]["description"] == "Bel wanneer u wilt. U hoeft uw naam niet te zeggen."
    assert organization["services"][0]["wait_time"] == "Ongeveer 4 weken (november 2026)"
