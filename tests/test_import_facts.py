"""Issue 14: the HSDS import keeps the source's facts in their own terms and makes none up.

Phone numbers in the country of the data, languages as the source names them, schedule
texts and long application texts kept, bare domains made links, export debris cleaned,
organizations outside the region refused (or kept as drafts with --buiten-regio), and a
report by field that stays short on screen for a thousand organizations.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from mantelkaart.core.loader import load_document

from support import MINI, load, run_cli


def site_of(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir(parents=True)
    shutil.copy(MINI / "mkdocs.yml", site / "mkdocs.yml")
    for name in ("respite-forms", "vocabularies"):
        if (MINI / name).is_dir():
            shutil.copytree(MINI / name, site / name)
    return site


def organization(name: str = "Helpdesk Voorbeeld", **fields: Any) -> dict[str, Any]:
    service = {
        "name": "Hulplijn",
        "status": "active",
        "description": "Wij luisteren. Dag en nacht.",
        "service_areas": [{"name": "Dordrecht"}],
        **fields.pop("service", {}),
    }
    return {"name": name, "services": [service], **fields}


def run_import(tmp_path: Path, data: Any, *options: str) -> tuple[Path, Any]:
    site = site_of(tmp_path)
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "organizations.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    return site, run_cli("import", "hsds", str(source), *options, cwd=site)


def draft(site: Path, name: str, folder: str = "concepten/providers") -> dict[str, Any]:
    return dict(load_document(site / folder / f"{name}.yaml").data)


def test_us_numbers_stay_american_and_dutch_ones_dutch(tmp_path: Path) -> None:
    us = organization(
        "Social Security",
        phones=[{"number": "800-772-1213"}],
        locations=[
            {
                "name": "Office",
                "addresses": [{"address_1": "1 Main St", "city": "Dordrecht", "country": "US"}],
            }
        ],
    )
    site, result = run_import(tmp_path, [us])
    assert result.returncode == 0, result.stderr + result.stdout
    data = draft(site, "social-security")
    assert data["contact"]["telefoon"] == "+1 800-772-1213"  # never +31 800…
    assert "buitenlands nummer (US) in internationale vorm" in (site / "import-rapport.md").read_text()


def test_land_option_reads_numbers_without_country_in_that_country(tmp_path: Path) -> None:
    data = [organization("Hulp Miami", phones=[{"number": "305-253-4841"}])]
    site, result = run_import(tmp_path, data, "--land", "US")
    assert result.returncode == 0, result.stderr + result.stdout
    assert draft(site, "hulp-miami")["contact"]["telefoon"] == "+1 305-253-4841"
    # Without --land the default is the Netherlands, where this is no valid number: reported, not made Dutch.
    other = tmp_path / "again"
    other.mkdir()
    site, result = run_import(other, data)
    assert "telefoon" not in draft(site, "hulp-miami").get("contact", {})
    assert "305-253-4841" in (site / "import-rapport.md").read_text()
    _, refused = run_import(tmp_path / "x", data, "--land", "Atlantis")
    assert refused.returncode == 2 and "'Atlantis' is geen land" in refused.stderr


def test_languages_are_the_sources_own_and_never_dutch_by_default(tmp_path: Path) -> None:
    data = [
        organization(
            "Talenhuis", service={"languages": [{"name": "Spanish"}, {"code": "ur"}, {"name": "Engels"}]}
        ),
        organization("Zonder talen"),
    ]
    site, result = run_import(tmp_path, data)
    assert result.returncode == 0, result.stderr + result.stdout
    assert draft(site, "talenhuis")["diensten"][0]["talen"] == ["es", "en"]
    assert draft(site, "zonder-talen")["diensten"][0]["talen"] == []  # not [nl]
    report = (site / "import-rapport.md").read_text()
    assert "Urdu staat niet in de lijst 'talen' van de site" in report


def test_source_text_is_kept_and_debris_cleaned(tmp_path: Path) -> None:
    long_step = (
        "Call the intake line to make an appointment. Bring proof of income, a photo ID and proof of "
        "residence in Miami-Dade County. Walk-ins are seen on Wednesdays between 9 and 12 if there is "
        "room. Interpreters are available on request."
    )
    data = [
        organization(
            "Voorbeeldhuis",
            description="Wij helpen.\\n\\n###MON###",
            website="www.girlscoutsfl.org",
            service={
                "application_process": long_step,
                "fees_description": "None",
                "url": "example.org/aanmelden",
                "schedules": [
                    {
                        "freq": "WEEKLY",
                        "byday": "MO",
                        "opens_at": "09:00",
                        "closes_at": "16:00",
                        "description": "9-4 Mon, Tue, Thur, Fri; 9-12 Wed",
                    }
                ],
            },
        )
    ]
    site, result = run_import(tmp_path, data)
    assert result.returncode == 0, result.stderr + result.stdout
    provider = draft(site, "voorbeeldhuis")
    service = provider["diensten"][0]
    assert provider["omschrijving"] == "Wij helpen."
    assert provider["contact"]["website"] == "https://www.girlscoutsfl.org"
    assert service["contact"]["website"] == "https://example.org/aanmelden"
    assert service["openingstijden"]["tijden"] == [{"dagen": ["ma"], "van": "09:00", "tot": "16:00"}]
    assert service["openingstijden"]["toelichting"] == "9-4 Mon, Tue, Thur, Fri; 9-12 Wed"
    assert service["volgende_stap"] == {
        "door": "aanbieder",
        "tekst": "Call the intake line to make an appointment.",
    }
    assert long_step in service["omschrijving"]  # the whole text, not replaced
    assert "kosten" not in service  # 'None' is no fact
    report = (site / "import-rapport.md").read_text()
    for expected in (
        "'None' betekent: niets ingevuld",
        "codes als ###MON### weggehaald",
        "https:// ervoor gezet",
    ):
        assert expected in report, expected


def test_organizations_outside_the_region_are_refused_or_kept_as_drafts(tmp_path: Path) -> None:
    miami = organization(
        "Miami Helpline",
        service={"service_areas": [{"name": "Miami-Dade"}]},
        locations=[
            {
                "name": "Office",
                "latitude": 25.7,
                "longitude": -80.2,
                "addresses": [{"address_1": "1 Main St", "city": "Miami", "country": "US"}],
            }
        ],
    )
    no_services = {"name": "Florida Org", "locations": [{"name": "HQ", "addresses": [{"city": "Tampa"}]}]}
    site, result = run_import(tmp_path, [miami, no_services, organization("Thuis in Dordrecht")])
    assert result.returncode == 0, result.stderr + result.stdout
    assert "Buiten de gemeenten van deze site: 2 organisaties." in result.stdout
    assert not (site / "concepten" / "buiten-regio").exists()
    assert sorted(p.name for p in (site / "concepten" / "providers").iterdir()) == ["thuis-in-dordrecht.yaml"]
    assert load(site).catalogue.providers == {}

    kept, result = run_import(tmp_path / "kept", [miami, no_services], "--buiten-regio")
    assert result.returncode == 0, result.stderr + result.stdout
    folder = kept / "concepten" / "buiten-regio" / "providers"
    assert sorted(p.name for p in folder.iterdir()) == ["florida-org.yaml", "miami-helpline.yaml"]
    header = (folder / "miami-helpline.yaml").read_text(encoding="utf-8").split("\nnaam:")[0]
    assert "CONCEPT" in header and "een werkgebied of plaats in de gemeenten van de site" in header
    report = (kept / "import-rapport.md").read_text()
    # Coordinates outside the Netherlands: refused with the record named, not dropped unnoticed.
    assert "ligt niet in Nederland" in report and "miami-helpline.yaml, locatie 'Office'" in report


def test_the_screen_summary_stays_short_for_a_thousand_organizations(tmp_path: Path) -> None:
    data = [
        organization(
            f"Organisatie {number}",
            tax_id=str(number),
            phones=[{"number": "078 000 0000"}, {"number": "078 000 0001"}],
            service={"languages": [{"name": "Klingon"}], "wait_time": "2 weken"},
        )
        for number in range(1000)
    ]
    site, result = run_import(tmp_path, data)
    assert result.returncode == 0, result.stderr + result.stdout
    assert len(result.stdout.splitlines()) < 40, result.stdout
    assert "Alles per veld, met voorbeelden: import-rapport.md" in result.stdout
    report = (site / "import-rapport.md").read_text()
    assert "| organisatie.tax_id | 0 | 0 | 1000 |" in report
    assert "| contact.telefoon | 1000 | 0 | 1000 |" in report  # the second number of each: left out
    # Three examples each, not a thousand.
    section = report.split("### organisatie.tax_id", 1)[1].split("###", 1)[0]
    assert section.count("`") == 6


def test_drafts_are_listed_in_the_editors_report_and_never_built(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(MINI, site, ignore=shutil.ignore_patterns("site", ".cache"))
    source = tmp_path / "organizations.json"
    source.write_text(json.dumps([organization("Concept Zorg")]), encoding="utf-8")
    assert run_cli("import", "hsds", str(source), cwd=site).returncode == 0
    report = run_cli("report", cwd=site)
    assert report.returncode == 0, report.stderr
    assert "Concepten uit een import (nog niet op de site): 1" in report.stdout
    assert "Concept Zorg (concepten/providers/concept-zorg.yaml): vul nog in: soort" in report.stdout
    catalogue = load(site).catalogue
    assert "concept-zorg" not in catalogue.providers
    assert all(offer.provider.name != "Concept Zorg" for offer in catalogue.offers)


def test_a_record_without_languages_or_contact_shows_no_empty_sections(tmp_path: Path) -> None:
    """Issue 14: an empty section is not rendered (no bare 'Talen' or 'Contact' heading)."""
    from mantelkaart.site.pages import PageMaker

    site = tmp_path / "site"
    shutil.copytree(MINI, site, ignore=shutil.ignore_patterns("site", ".cache"))
    (site / "providers" / "stil.yaml").write_text(
        "naam: Stille Stichting\nsoort: zorgaanbieder\ncontact: {}\n"
        "gecontroleerd: {op: '2026-09-01', door: Redactie}\n"
        "diensten:\n- id: hulp\n  naam: Hulp\n  samenvatting: Wij helpen u thuis.\n"
        "  functies: [informatie]\n  doelgroepen: [iedereen]\n  werkgebied: [dordrecht]\n"
        "  omgeving: thuis\n  kosten: {betaald_door: [gratis]}\n  toegang: [vrij-toegankelijk]\n"
        "  volgende_stap: {door: consulent}\n  talen: []\n",
        encoding="utf-8",
    )
    dataset = load(site)
    assert dataset.errors == [], dataset.errors
    pages = {page.path: page for page in PageMaker(dataset.catalogue, "https://example.org/").pages()}
    provider = next(page for path, page in pages.items() if "stil" in path and path.count("/") == 2)
    service = next(page for path, page in pages.items() if "stil" in path and "hulp" in path)
    assert "<h2>Contact</h2>" not in str(provider.body) and "Stille Stichting" in str(provider.body)
    assert "<h2>Talen</h2>" not in str(service.body) and "Nederlands" not in str(service.body)
    # The example provider with a contact keeps its section.
    assert any("<h2>Contact</h2>" in str(page.body) for path, page in pages.items() if "stil" not in path)


def test_a_draft_already_filled_in_is_not_imported_again_beside_it(tmp_path: Path) -> None:
    from mantelkaart.opendata.hsds.importer import plan_import, write_import

    site, result = run_import(tmp_path, [organization("Tweede Keer")])
    assert result.returncode == 0, result.stderr + result.stdout
    (site / "providers").mkdir(exist_ok=True)
    (site / "concepten" / "providers" / "tweede-keer.yaml").rename(site / "providers" / "tweede-keer.yaml")
    planned = plan_import(load(site), tmp_path / "organizations.json")
    assert list(planned.files) == ["concepten/providers/tweede-keer.yaml"]
    assert write_import(site, planned) == ["providers/tweede-keer.yaml"]  # nothing written
    assert not (site / "concepten" / "providers" / "tweede-keer.yaml").exists()


def test_numbered_ids_of_long_names_stay_within_the_limit(tmp_path: Path) -> None:
    """Many locations of one long name: 'name-10' is cut so that the id keeps to 80 characters."""
    long_name = "Miami Dade County Office of the State Attorney Victim Services Center Main Branch"
    locations = [{"name": long_name, "addresses": [{"city": "Dordrecht"}]} for _ in range(12)]
    site, result = run_import(tmp_path, [organization("Lange Namen", locations=locations)])
    assert result.returncode == 0, result.stderr + result.stdout
    ids = [location["id"] for location in draft(site, "lange-namen")["locaties"]]
    assert len(ids) == 12 == len(set(ids)) and max(len(i) for i in ids) <= 80
    assert ids[-1].endswith("-12")


def test_the_country_of_a_location_inside_a_service_counts_too(tmp_path: Path) -> None:
    location = {
        "id": "l1",
        "name": "Office",
        "addresses": [{"city": "Dordrecht", "country": "United States"}],
    }
    data = [
        organization(
            "Alleen Dienstlocatie",
            service={
                "phones": [{"number": "(305) 253-4841"}],
                "service_at_locations": [{"location": location}],
            },
        )
    ]
    site, result = run_import(tmp_path, data)
    assert result.returncode == 0, result.stderr + result.stdout
    assert draft(site, "alleen-dienstlocatie")["diensten"][0]["contact"]["telefoon"] == "+1 305-253-4841"


def test_control_characters_from_the_source_reach_no_terminal(tmp_path: Path) -> None:
    hostile = "x\x1b[2Jmk\x1b]0;pwned\x07"
    data = [organization(f"Stuur{hostile}", **{hostile: "waarde"}, service={hostile: hostile})]
    site, result = run_import(tmp_path, data)
    assert result.returncode == 0, result.stderr + result.stdout
    for text in (result.stdout, result.stderr, (site / "import-rapport.md").read_text(encoding="utf-8")):
        assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b" in (site / "import-rapport.md").read_text(encoding="utf-8")


def test_an_organization_named_index_gets_another_id(tmp_path: Path) -> None:
    site, result = run_import(tmp_path, [organization("Index")])
    assert result.returncode == 0, result.stderr + result.stdout
    assert sorted(p.name for p in (site / "concepten" / "providers").iterdir()) == ["index-2.yaml"]
