"""Issue 14, item 9: the importer on a real 211 directory (Open211 Miami, 1,074 organizations).

The package lives beside the repository (../shared/external-hsds/open211-miami, see its
SOURCE.txt; its licence is unclear, so it is read from there, never copied in). bench/open211.py
converts its HSDS 1.x CSV to HSDS 3.0 JSON in a temporary folder; that is imported into a site
whose municipalities are Miami's cities, and the result is held to the issue's points: no Dutch
number for an American phone, no language the source did not give, no default shown as fact,
schedule texts kept, export debris cleaned, and the report's counts. The time and memory target
(15 s, 300 MB) is measured by bench/import_open211.py.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from mantelkaart.core.loader import load_document
from mantelkaart.opendata.hsds.text import language_codes

from bench.open211 import ZIP, convert, miami_site
from support import load, run_cli

pytestmark = pytest.mark.skipif(
    not ZIP.is_file(), reason=f"the Open211 Miami package is not at {ZIP} (../shared beside the repository)"
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]], str]:
    folder = tmp_path_factory.mktemp("open211")
    organizations, _ = convert(ZIP)
    source = folder / "organizations.json"
    source.write_text(json.dumps(organizations), encoding="utf-8")
    site = miami_site(folder / "site")
    result = run_cli("import", "hsds", str(source), cwd=site)
    assert result.returncode == 0, result.stderr + result.stdout
    return site, organizations, result.stdout


def drafts(site: Path) -> dict[str, dict[str, Any]]:
    folder = site / "concepten" / "providers"
    return {path.stem: dict(load_document(path).data) for path in sorted(folder.glob("*.yaml"))}


def services(site: Path) -> list[dict[str, Any]]:
    return [service for data in drafts(site).values() for service in data.get("diensten", [])]


def test_nothing_reaches_the_site_and_every_organization_is_accounted_for(
    imported: tuple[Path, list[dict[str, Any]], str],
) -> None:
    site, organizations, stdout = imported
    assert len(organizations) == 1074
    assert load(site).catalogue.providers == {}  # drafts only: the source lacks what a page must say
    assert not (site / "providers").exists() or not any((site / "providers").iterdir())
    written = drafts(site)
    outside = int(stdout.split("Buiten de gemeenten van deze site: ")[1].split(" ")[0])
    assert len(written) + outside == 1074, stdout
    assert (
        f"Als concept geschreven (niet op de site tot een redacteur ze aanvult): {len(written)} records"
        in stdout
    )
    assert len(stdout.splitlines()) < 40, stdout
    # Florida organizations with no place in the site's cities are refused by name, not written.
    report = (site / "import-rapport.md").read_text(encoding="utf-8")
    assert "lupus-foundation-of-florida-inc.yaml: geen werkgebied of locatie" in report


def test_no_american_number_becomes_dutch(imported: tuple[Path, list[dict[str, Any]], str]) -> None:
    site, _, _ = imported
    numbers = [
        contact["telefoon"]
        for data in drafts(site).values()
        for contact in [data.get("contact", {})] + [s.get("contact", {}) for s in data.get("diensten", [])]
        if "telefoon" in contact
    ]
    assert len(numbers) > 2000
    assert not [number for number in numbers if number.startswith(("+31", "0"))]
    assert all(number.startswith("+1 ") for number in numbers)
    assert any(number == "+1 800-772-1213" for number in numbers)  # Social Security, not 0800 7721213


def test_languages_are_only_those_the_source_gives(imported: tuple[Path, list[dict[str, Any]], str]) -> None:
    site, organizations, _ = imported
    given = {
        code
        for org in organizations
        for service in org.get("services", [])
        for language in service.get("languages", [])
        for code in language_codes(None, language["name"])
    }
    found = Counter(code for service in services(site) for code in service["talen"])
    assert found and set(found) <= given
    dutch = sum(
        1
        for org in organizations
        for service in org.get("services", [])
        if any(language["name"] == "Dutch" for language in service.get("languages", []))
    )
    assert found["nl"] <= dutch < 5  # never Dutch by default: only where the source says Dutch
    assert sum(1 for service in services(site) if service["talen"] == []) > 0  # none given: none written


def test_no_default_is_shown_as_fact(imported: tuple[Path, list[dict[str, Any]], str]) -> None:
    site, _, _ = imported
    made = services(site)
    assert len(made) > 1000
    for service in made:
        for key in ("functies", "doelgroepen", "toegang", "omgeving", "kosten", "indicatie"):
            assert key not in service, (service["id"], key)
        step = service.get("volgende_stap", {}).get("tekst", "")
        assert not step.startswith("Neem contact op") and step != "None"
    for data in drafts(site).values():
        assert "soort" not in data and "gecontroleerd" not in data


def test_schedule_texts_and_long_steps_are_kept_and_debris_cleaned(
    imported: tuple[Path, list[dict[str, Any]], str],
) -> None:
    site, _, _ = imported
    made = services(site)
    notes = [s["openingstijden"].get("toelichting", "") for s in made if "openingstijden" in s]
    both = [
        s
        for s in made
        if s.get("openingstijden", {}).get("tijden") and s["openingstijden"].get("toelichting")
    ]
    assert len(both) > 500  # parsed hours and the source's own words side by side
    assert any("9:00am-4:00pm, Mon, Tue, Thur, Fri; 9:00am-12:00pm, Wed" in note for note in notes)
    long_steps = [s for s in made if "Aanmelden: " in s.get("omschrijving", "")]
    assert len(long_steps) > 100
    for data in drafts(site).values():
        text = json.dumps(data)
        assert "###" not in text and "\\\\n" not in text
        assert data.get("contact", {}).get("website", "https://").startswith(("https://", "http://"))
    report = (site / "import-rapport.md").read_text(encoding="utf-8")
    assert "'None' betekent: niets ingevuld (250)" in report
    assert "| locatie.coordinaten | 0 | 0 |" in report  # Florida is not in the Netherlands: counted
    assert "ligt niet in Nederland" in report


def test_the_report_counts_by_field(imported: tuple[Path, list[dict[str, Any]], str]) -> None:
    site, organizations, _ = imported
    report = (site / "import-rapport.md").read_text(encoding="utf-8")
    rows = {
        line.split(" | ")[0].lstrip("| "): [int(cell) for cell in line.rstrip(" |").split(" | ")[1:]]
        for line in report.split("| --- | ---: | ---: | ---: |\n", 1)[1].split("\n\n", 1)[0].splitlines()
    }
    assert rows["organisatie.naam"] == [1074, 0, 0]
    assert rows["dienst.naam"][0] == sum(len(org.get("services", [])) for org in organizations)
    taken, changed, _ = rows["contact.telefoon"]
    assert taken == 0 and changed > 3000  # every number rewritten in international form, and counted
    assert rows["adres.country"][2] > 3000 and rows["locatie.description"][2] > 3000
    assert rows["contact.website"][1] > 2000  # bare domains made links
    assert rows["begrippen"][2] > 20000  # AIRS terms the site does not know: left out, counted
    # Three examples per line, not thousands.
    assert max(line.count("`") for line in report.splitlines() if line.startswith("- ")) <= 6
