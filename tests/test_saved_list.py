"""The bewaarlijst's data file and page (referrals/saved_list.py): what /lijst/ and the referral sheet
show of each service, read back as bewaarlijst.js reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from recordkit import dump, provider, service

from mantelkaart.finder.cards import AT_HOME, card
from mantelkaart.referrals.saved_list import FIELDS, SHARED, list_data, read_entry, saved_list_outputs
from mantelkaart.site.page_kinds import finder_offers
from mantelkaart.site.site_output import OutputFile, Page, SiteContext

from support import REPO
from support import load as load_site

EXAMPLE = load_site(REPO).catalogue
PROVIDER = "providers/gemeente-dordrecht.yaml"


def round_trip(data: dict[str, Any]) -> dict[str, Any]:
    """The file as the browser gets it."""
    result: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return result


def test_every_service_of_the_finder_is_in_the_file_with_the_cards_words() -> None:
    data = round_trip(list_data(EXAMPLE))
    offers = finder_offers(EXAMPLE)
    assert set(data["services"]) == {offer.key for offer in offers}
    for offer in offers:
        entry = read_entry(data, offer.key)
        assert entry is not None
        shown = card(EXAMPLE, offer)
        assert entry["name"] == offer.service.name
        assert entry["provider"] == offer.provider.name
        assert entry["url"] == f"aanbod/{offer.key}/"
        assert entry["summary"] == offer.service.summary
        assert (entry["phone_href"], entry["phone_text"], entry["phone_who"]) == (
            shown.phone_href,
            shown.phone_text,
            shown.phone_who,
        )
        assert entry["indication"] == shown.indication
        assert entry["cost"] == shown.cost
        assert entry["closed"] == ("1" if shown.closed else "")
        labels = EXAMPLE.vocabularies["doelgroepen"]
        assert entry["for_whom"] == ", ".join(labels.label(g) for g in offer.service.target_groups)
    # A service whose next step is the consultant's: the consultant's number, and who answers.
    respite = read_entry(data, "het-parkhuis/logeerzorg")
    assert respite is not None and respite["phone_who"] == "Respijtconsulent"
    assert respite["phone_href"].startswith("tel:+31")


def test_shared_texts_are_written_once() -> None:
    data = list_data(EXAMPLE)
    texts = data["texts"]
    assert isinstance(texts, list) and len(texts) == len(set(texts))
    for values in data["services"].values():
        for name, value in zip(FIELDS, values, strict=True):
            assert isinstance(value, int) == (name in SHARED)
    providers = {offer.provider.name for offer in finder_offers(EXAMPLE)}
    assert providers <= set(texts)


def test_at_home_addresses_hours_and_a_confidential_address(site) -> None:  # type: ignore[no-untyped-def]
    hidden = {
        "id": "geheim",
        "adres": "Geheimstraat 1",
        "postcode": "3311 AA",
        "plaats": "Dordrecht",
        "vertrouwelijk": "ja",
    }
    open_location = {
        "id": "kantoor",
        "naam": "Stadskantoor",
        "adres": "Spuiboulevard 300",
        "postcode": "3311 GR",
        "plaats": "Dordrecht",
    }
    services = [
        service(id="thuis", naam="Hulp thuis", omgeving="thuis", locaties=[]),
        service(
            id="open",
            naam="Open huis",
            locaties=["kantoor", "geheim"],
            openingstijden={
                "tijden": [
                    {"dagen": ["ma", "di", "wo", "do", "vr"], "van": "09:00", "tot": "17:00"},
                    {"dagen": ["za"], "van": "10:00", "tot": "12:30"},
                ],
                "toelichting": "Niet op feestdagen",
            },
        ),
    ]
    dataset = site.load({PROVIDER: dump(provider(locaties=[open_location, hidden], diensten=services))})
    assert dataset.errors == []
    data = round_trip(list_data(dataset.catalogue))
    at_home = read_entry(data, "gemeente-dordrecht/thuis")
    assert at_home is not None and at_home["where"] == AT_HOME
    open_house = read_entry(data, "gemeente-dordrecht/open")
    assert open_house is not None
    assert open_house["where"].split("\n") == [
        "Stadskantoor, Spuiboulevard 300, 3311 GR Dordrecht",
        "Dordrecht (het adres krijgt u als u zich aanmeldt)",
    ]
    assert open_house["hours"] == (
        "Maandag tot en met vrijdag 9.00 tot 17.00 uur; zaterdag 10.00 tot 12.30 uur. Niet op feestdagen"
    )
    assert "Geheimstraat" not in json.dumps(data, ensure_ascii=False)


def test_a_stopped_service_is_not_in_the_file(site) -> None:  # type: ignore[no-untyped-def]
    services = [service(), service(id="oud", naam="Oude dienst", status="gestopt")]
    dataset = site.load({PROVIDER: dump(provider(diensten=services))})
    assert dataset.errors == []
    data = list_data(dataset.catalogue)
    assert list(data["services"]) == ["gemeente-dordrecht/logeeropvang"]


def test_the_page_and_its_files() -> None:
    outputs = list(saved_list_outputs(EXAMPLE, SiteContext("https://example.org/", REPO)))
    pages = [o for o in outputs if isinstance(o, Page)]
    files = {o.path: o.content for o in outputs if isinstance(o, OutputFile)}
    assert [p.path for p in pages] == ["lijst/index.md"]
    page = pages[0]
    assert page.title == "Bewaarlijst" and page.robots == "noindex" and not page.in_search
    assert 'data-data="diensten.json"' in page.body
    assert 'src="../assets/logo-drechtsteden.svg"' in page.body  # the region's logo (mkdocs.yml)
    assert "Voorbeeldgegevens." in page.body  # example_data: true
    consultant = EXAMPLE.consultant()
    assert consultant is not None and consultant.name in page.body
    assert {
        "lijst/diensten.json",
        "assets/mantelkaart/bewaarlijst.js",
        "assets/mantelkaart/bewaarlijst.css",
        "assets/mantelkaart/print.css",
        "assets/mantelkaart/vendor/qrcode/qrcode.js",
    } <= set(files)
    assert b"MIT" in files["assets/mantelkaart/vendor/qrcode/qrcode.js"]
    data = files["lijst/diensten.json"]
    assert isinstance(data, str) and "<" not in data and ", " not in data.split('"texts"')[0]
    # Compact: at 10,000 services this file is only loaded on /lijst/.
    assert len(data.encode()) / len(finder_offers(EXAMPLE)) < 800


def test_without_example_data_there_is_no_notice(tmp_path: Path, site) -> None:  # type: ignore[no-untyped-def]
    dataset = site.load()
    assert dataset.errors == [] and not dataset.catalogue.config.example_data
    outputs = list(saved_list_outputs(dataset.catalogue, SiteContext("", REPO)))
    page = next(o for o in outputs if isinstance(o, Page))
    assert "Voorbeeldgegevens." not in page.body
    assert 'src="../assets/mantelkaart/logo.svg"' in page.body  # Mantelkaart's own logo
