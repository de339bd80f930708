"""Several regions from one data folder (issue 16, item 3): the `regions:` setting refused
when it cannot work, one site with a part per region, and a site per region.

Real builds of the example site (Drechtsteden and Hoeksche Waard) in temporary folders.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from mantelkaart.core.config import ConfigError, SiteConfig
from mantelkaart.core.regions import regional_catalogue

from support import REPO, copy_site, load, run_cli

MEE = "078 000 0104"  # MEE Drechtsteden's respite consultant (the Drechtsteden region's)
EILAND = "078 000 0122"  # the example consultant of the Hoeksche Waard region
SHARED = "aanbod/thuiszorg-voorbeeldwijk/wijkverpleging"  # serves municipalities of both regions
DRECHTSTEDEN_ONLY = "aanbod/mee-drechtsteden/respijtconsulent"
HOEKSCHE_WAARD_ONLY = "aanbod/mantelzorgpunt-voorbeeldeiland/respijtconsulent"
EXAMPLE = load(REPO)

BASE: dict[str, Any] = {
    "municipalities": {
        "dordrecht": "Dordrecht",
        "zwijndrecht": "Zwijndrecht",
        "hoeksche-waard": "Hoeksche Waard",
    },
    "consultant": "mee-drechtsteden/respijtconsulent",
}


def regions(**parts: Any) -> dict[str, Any]:
    return {**BASE, "regions": parts}


def refused(options: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as caught:
        SiteConfig.from_options(options)
    message = str(caught.value)
    assert message.startswith("De instellingen van mantelkaart in mkdocs.yml kloppen niet:"), message
    return message


DRECHT = {"naam": "Drechtsteden", "municipalities": ["dordrecht", "zwijndrecht"], "consultant": "a/b"}
WAARD = {"naam": "Hoeksche Waard", "municipalities": ["hoeksche-waard"], "consultant": "c/d"}


def test_a_municipality_in_two_regions_is_refused() -> None:
    message = refused(
        regions(drecht=DRECHT, waard={**WAARD, "municipalities": ["hoeksche-waard", "zwijndrecht"]})
    )
    assert (
        "mantelkaart.regions.waard.municipalities: De gemeente 'zwijndrecht' staat ook bij de regio 'drecht'. "
        "(Een gemeente hoort bij één regio, en dus bij één consulent." in message
    )
    twice = refused(
        regions(drecht={**DRECHT, "municipalities": ["dordrecht", "zwijndrecht", "dordrecht"]}, waard=WAARD)
    )
    assert "De gemeente 'dordrecht' staat nog een keer bij deze regio." in twice


def test_a_region_without_a_consultant_is_refused() -> None:
    without = {k: v for k, v in WAARD.items() if k != "consultant"}
    message = refused(regions(drecht=DRECHT, waard=without))
    assert "mantelkaart.regions.waard.consultant: De regio 'waard' heeft geen consulent." in message
    assert "aanbieder-id/dienst-id" in message  # the hint says how to write it
    assert "regions.drecht" not in message  # only what is wrong


def test_unknown_and_forgotten_municipalities_are_named() -> None:
    message = refused(regions(drecht={**DRECHT, "municipalities": ["dordrecht", "zwijndrect"]}, waard=WAARD))
    assert (
        "mantelkaart.regions.drecht.municipalities: De gemeente 'zwijndrect' staat niet bij municipalities."
        in message
    )
    assert "Bedoelde u 'zwijndrecht'?" in message
    # zwijndrecht is now in no region at all
    assert (
        "mantelkaart.regions: De gemeente 'zwijndrecht' (Zwijndrecht) staat bij geen enkele regio." in message
    )
    landelijk = refused(
        regions(drecht=DRECHT, waard={**WAARD, "municipalities": ["hoeksche-waard", "landelijk"]})
    )
    assert "De gemeente 'landelijk' staat niet bij municipalities." in landelijk
    empty = refused(regions(drecht=DRECHT, waard={**WAARD, "municipalities": []}))
    assert "mantelkaart.regions.waard.municipalities: De regio 'waard' heeft geen gemeenten." in empty


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            regions(drecht=DRECHT, waard=WAARD) | {"build_region": "waart"},
            "mantelkaart.build_region: De regio 'waart' bestaat niet. (Bedoelde u 'waard'?)",
        ),
        ({**BASE, "build_region": "waard"}, "Zet de regio's eerst onder 'regions'"),
        ({**BASE, "regions": ["drecht", "waard"]}, "mantelkaart.regions: Hier horen velden"),
        (regions(drecht="Drechtsteden"), "mantelkaart.regions.drecht: Hier horen velden"),
        (
            regions(drecht=DRECHT, waard={**WAARD, "municipalities": "hoeksche-waard"}),
            "mantelkaart.regions.waard.municipalities: Hier hoort een lijst.",
        ),
        (
            regions(drecht=DRECHT, waard={**WAARD, "consultant": "Mantelzorgpunt"}),
            "'Mantelzorgpunt' is geen verwijzing naar een dienst.",
        ),
        (
            regions(drecht=DRECHT, waard={**WAARD, "colour": "#ffff00"}),
            "mantelkaart.regions.waard.colour: De kleur #ffff00 is te licht",
        ),
        (
            regions(drecht=DRECHT, waard={**WAARD, "kleur": "#2d6a2e"}),
            "mantelkaart.regions.waard.kleur: Onbekend veld 'kleur'.",
        ),
        (
            regions(drecht=DRECHT, waard={k: v for k, v in WAARD.items() if k != "naam"}),
            "mantelkaart.regions.waard.naam: Dit veld is verplicht",
        ),
        (
            regions(**{"Hoeksche Waard": WAARD, "drecht": DRECHT}),
            "'Hoeksche Waard' is geen geldige regio-id.",
        ),
        (regions(drecht=DRECHT, landelijk=WAARD), "'landelijk' is geen geldige regio-id."),
    ],
)
def test_garbage_is_refused_in_dutch(options: dict[str, Any], expected: str) -> None:
    assert expected in refused(options)


def test_without_regions_the_site_is_one_region() -> None:
    config = SiteConfig.from_options(BASE)
    assert config.regions == {} and config.build_region is None
    assert config.consultant_for(["hoeksche-waard"]) == config.consultant
    assert config.consultants() == {"mee-drechtsteden/respijtconsulent"}


def test_each_municipality_has_its_regions_consultant() -> None:
    config = SiteConfig.from_options(regions(drecht=DRECHT, waard=WAARD))
    assert config.consultant_for(["hoeksche-waard"]) == "c/d"
    assert config.consultant_for(["dordrecht", "zwijndrecht"]) == "a/b"
    # across regions, or for all of the Netherlands: the site's own consultant
    assert config.consultant_for(["dordrecht", "hoeksche-waard"]) == "mee-drechtsteden/respijtconsulent"
    assert config.consultant_for(["landelijk"]) == "mee-drechtsteden/respijtconsulent"
    waard = config.for_region("waard")
    assert (waard.region, waard.consultant, list(waard.municipalities)) == (
        "Hoeksche Waard",
        "c/d",
        ["hoeksche-waard"],
    )
    assert waard.regions == {} and waard.colour == config.colour


# -- the records ---------------------------------------------------------------------------


def set_region_option(site: Path, region: str, key: str, value: Any) -> None:
    config_file = site / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    plugin = next(p["mantelkaart"] for p in data["plugins"] if isinstance(p, dict) and "mantelkaart" in p)
    old = plugin["regions"][region][key]
    config_file.write_text(text.replace(f"{key}: {old}", f"{key}: {value}", 1), encoding="utf-8")


def test_a_regions_consultant_must_exist(tmp_path: Path) -> None:
    site = copy_site(REPO, tmp_path / "site")
    set_region_option(site, "hoeksche-waard", "consultant", "mantelzorgpunt-voorbeeldeiland/consulent")
    result = run_cli("validate", cwd=site)
    assert result.returncode == 1
    assert (
        "mkdocs.yml:1:1: regions.hoeksche-waard.consultant: De dienst 'mantelzorgpunt-voorbeeldeiland/consulent' "
        "bij 'regions.hoeksche-waard.consultant' bestaat niet. (Bedoelde u 'mantelzorgpunt-voorbeeldeiland/respijtconsulent'?)"
    ) in result.stdout


def test_a_consultant_step_needs_a_consultant_for_the_whole_area(tmp_path: Path) -> None:
    """Without a consultant of its own, a site with regions can send a resident to their region's
    consultant, but not from a service for residents of two regions."""
    site = copy_site(REPO, tmp_path / "site")
    config_file = site / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            "\n      consultant: mee-drechtsteden/respijtconsulent\n", "\n", 1
        ),
        encoding="utf-8",
    )
    assert run_cli("validate", cwd=site).returncode == 0  # every 'door: consulent' lies in one region
    record = site / "providers" / "thuiszorg-voorbeeldwijk.yaml"
    text = record.read_text(encoding="utf-8")
    assert text.count("door: aanbieder") >= 1
    record.write_text(text.replace("door: aanbieder", "door: consulent", 1), encoding="utf-8")
    result = run_cli("validate", cwd=site)
    assert result.returncode == 1
    assert (
        "providers/thuiszorg-voorbeeldwijk.yaml" in result.stdout
        and "diensten[1].volgende_stap.door: Deze dienst is voor inwoners van meer dan één regio, "
        "en de site heeft geen eigen consulent."
        in result.stdout
    ), result.stdout


def test_a_regional_catalogue_keeps_what_serves_its_residents() -> None:
    whole = EXAMPLE.catalogue
    waard = regional_catalogue(whole, "hoeksche-waard")
    keys = {offer.key for offer in waard.offers}
    assert "thuiszorg-voorbeeldwijk/wijkverpleging" in keys  # serves both regions: one record, in both
    assert "mantelzorgpunt-voorbeeldeiland/respijtconsulent" in keys
    assert "de-luisterlijn/luisterlijn" in keys  # for all of the Netherlands
    assert not any(k.startswith("mee-drechtsteden/") for k in keys)
    assert "mee-drechtsteden" not in waard.providers and "thuiszorg-voorbeeldwijk" in waard.providers
    # every municipality a record names is one of the region's
    assert {m for o in waard.offers for m in o.service.area} <= {"hoeksche-waard", "landelijk"}
    assert {m for r in waard.regulations.values() for m in r.municipalities} <= {
        "hoeksche-waard",
        "landelijk",
    }
    assert "dordtpas-mantelzorgwaardering" not in waard.regulations
    consultant = waard.consultant()
    assert consultant is not None and consultant.phone == EILAND
    drecht = regional_catalogue(whole, "drechtsteden")
    assert "thuiszorg-voorbeeldwijk/wijkverpleging" in {o.key for o in drecht.offers}
    assert not any(o.provider_id == "mantelzorgpunt-voorbeeldeiland" for o in drecht.offers)
    # the whole catalogue is untouched
    shared = next(o for o in whole.offers if o.key == "thuiszorg-voorbeeldwijk/wijkverpleging")
    assert "dordrecht" in shared.service.area and "hoeksche-waard" in shared.service.area


def test_a_consultant_step_reaches_the_consultant_of_the_services_region() -> None:
    from mantelkaart.core.catalogue import Offer
    from mantelkaart.core.services import NextStep

    catalogue = EXAMPLE.catalogue
    offer = next(o for o in catalogue.offers if o.key == "thuiszorg-voorbeeldwijk/wijkverpleging")
    step = NextStep.model_construct(by="consulent", text="Bel de consulent")
    for area, phone in (
        (["hoeksche-waard"], EILAND),
        (["dordrecht"], MEE),
        (["dordrecht", "hoeksche-waard"], MEE),
    ):
        service = offer.service.model_copy(update={"area": area, "next_step": step})
        party = catalogue.next_party(Offer(offer.provider_id, offer.provider, service, offer.relpath))
        assert party is not None and party.phone == phone and party.is_consultant, area


# -- the builds ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example built three ways from one data folder: whole, and per region."""
    site = copy_site(REPO, tmp_path_factory.mktemp("regions") / "site")
    made = {}
    for name, extra in (
        ("whole", []),
        ("hoeksche-waard", ["--regio", "hoeksche-waard"]),
        ("drechtsteden", ["--regio", "drechtsteden"]),
    ):
        result = run_cli("build", "-d", str(site.parent / name), *extra, cwd=site)
        assert result.returncode == 0, result.stderr
        made[name] = site.parent / name
    return made


def article(folder: Path, page: str) -> str:
    html = (folder / page / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<article.*?</article>", html, re.S)
    assert match, page
    return match.group(0)


def consultant_box(html: str) -> str:
    match = re.search(r'<aside class="mk-consultant".*?</aside>', html, re.S)
    assert match
    return match.group(0)


def test_whole_site_has_a_part_per_region(builds: dict[str, Path]) -> None:
    site = builds["whole"]
    waard = article(site, "gemeenten/hoeksche-waard")
    assert EILAND in consultant_box(waard) and MEE not in consultant_box(waard)
    assert 'style="--md-primary-fg-color:#2d6a2e;' in waard  # the region's colour
    assert (
        'src="../../assets/logo-hoeksche-waard.svg"' in waard
        and 'href="../../regio/hoeksche-waard/">Regio Hoeksche Waard' in waard
    )
    dordrecht = article(site, "gemeenten/dordrecht")
    assert MEE in consultant_box(dordrecht) and EILAND not in consultant_box(dordrecht)
    assert "--md-primary-fg-color:#00636b" in dordrecht and "logo-drechtsteden.svg" in dordrecht
    region = article(site, "regio/hoeksche-waard")
    assert "Hulp voor mantelzorgers in de regio Hoeksche Waard" in region and EILAND in consultant_box(region)
    assert 'href="../../gemeenten/hoeksche-waard/"' in region
    drecht = article(site, "regio/drechtsteden")
    assert "Dordtpas" in drecht and MEE in consultant_box(drecht)  # its municipalities' regulations
    listing = article(site, "gemeenten")
    assert (
        listing.index("Regio Drechtsteden")
        < listing.index("Dordrecht")
        < listing.index("Regio Hoeksche Waard")
    )
    # pages not of one region keep the site's consultant
    assert MEE in consultant_box(article(site, "respijtzorg"))
    shared = article(site, SHARED)
    assert "Hoeksche Waard" in shared and "Dordrecht" in shared
    assert (site / DRECHTSTEDEN_ONLY).is_dir() and (site / HOEKSCHE_WAARD_ONLY).is_dir()


def finder_providers(site: Path) -> list[str]:
    """The providers of the services the finder lists."""
    items = json.loads((site / "assets" / "mantelkaart" / "finder-items.json").read_text(encoding="utf-8"))
    providers: list[str] = items["providers"]
    return providers


def test_a_site_per_region_has_its_records_consultant_and_look(builds: dict[str, Path]) -> None:
    waard, drecht = builds["hoeksche-waard"], builds["drechtsteden"]
    # a provider serving two regions is one record, in both builds
    assert (waard / SHARED / "index.html").is_file() and (drecht / SHARED / "index.html").is_file()
    # a record of one region is absent from the other's build
    assert (
        not (waard / DRECHTSTEDEN_ONLY).exists() and not (waard / "aanbieders" / "mee-drechtsteden").exists()
    )
    assert not (drecht / HOEKSCHE_WAARD_ONLY).exists()
    assert (drecht / DRECHTSTEDEN_ONLY / "index.html").is_file()
    assert not (waard / "regelingen" / "dordtpas-mantelzorgwaardering").exists()
    assert (waard / "regelingen" / "vgz-aanvullende-verzekering-respijtzorg").is_dir()  # landelijk
    # only the region's municipalities, and no part per region
    assert sorted(p.name for p in (waard / "gemeenten").iterdir() if p.is_dir()) == [
        "hoeksche-waard",
        "vergelijk",
    ]
    assert not (waard / "regio").exists() and not (drecht / "regio").exists()
    assert not (drecht / "gemeenten" / "hoeksche-waard").exists()
    # the region's consultant on every page, its name, colour and logo in the header
    home = (waard / "index.html").read_text(encoding="utf-8")
    assert "<title>Hulp voor mantelzorgers - Mantelkaart Hoeksche Waard</title>" in home
    assert "--md-primary-fg-color:#2d6a2e" in home and "logo-hoeksche-waard.svg" in home
    assert EILAND in consultant_box(article(waard, "respijtzorg")) and MEE not in home
    drecht_home = (drecht / "index.html").read_text(encoding="utf-8")
    assert (
        "Mantelkaart Drechtsteden</title>" in drecht_home and "Hoeksche" not in drecht_home.split("<body")[0]
    )
    # the shared record names only the region's municipalities, with links that exist there
    shared = article(waard, SHARED)
    assert "Voor wie woont in: <a" in shared and "Dordrecht" not in shared and "Hoeksche Waard" in shared
    assert "Thuiszorg Voorbeeldwijk" in finder_providers(
        waard
    ) and "MEE Drechtsteden" not in finder_providers(waard)
    assert "MEE Drechtsteden" in finder_providers(
        drecht
    ) and "Mantelzorgpunt Voorbeeldeiland" not in finder_providers(drecht)
    # the editors' tools edit the one data folder: every region's municipalities, as in the repository
    assert (waard / "schema" / "provider.json").read_bytes() == (
        REPO / "schema" / "provider.json"
    ).read_bytes()
    editor = (waard / "admin" / "config.yml").read_text(encoding="utf-8")
    assert "value: dordrecht" in editor and "value: hoeksche-waard" in editor


def internal_links(site: Path) -> list[tuple[str, str]]:
    """Every page's links within the site that lead nowhere: (page, link)."""
    broken = []
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] in ("admin", "assets", "search"):
            continue
        for href in re.findall(r'href="([^"#?]+)', page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", href) or href.startswith("/"):  # 404.html: from the site root
                continue
            target = (page.parent / href).resolve()
            if not (target.exists() or (target / "index.html").exists()):
                broken.append((page.relative_to(site).as_posix(), href))
    return broken


@pytest.mark.parametrize("build", ["hoeksche-waard", "drechtsteden", "whole"])
def test_no_link_leads_out_of_the_built_site(builds: dict[str, Path], build: str) -> None:
    assert internal_links(builds[build]) == []
