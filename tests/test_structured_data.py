"""Built sites: schema.org JSON-LD on record pages, the sitemap, the open-data page, and what never leaks.

JSON-LD is read back with extruct (the extractor search-engine tooling uses) and
checked: its @context and @type, the properties every page must have, and that
every value comes from the record (or is a fixed schema.org term).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from extruct.jsonld import JsonLdExtractor
from open_data_support import CONFIDENTIAL, confidential_site

from mantelkaart.core.catalogue import Catalogue
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.records import KINDS

from support import MINI, REPO, copy_site, load, run_mkdocs

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
HOSTILE = '</script><script>alert("x")</script><!-- & {{ 7*7 }} \\u003c'


def build(folder: Path) -> Path:
    result = run_mkdocs("build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalogue]:
    folder = copy_site(REPO, tmp_path_factory.mktemp("example"))
    return build(folder), load(folder).catalogue


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Catalogue]:
    """The mini site with a secret confidential address and hostile text in names and summaries."""
    folder = confidential_site(tmp_path_factory.mktemp("hostile"))
    for kind in KINDS:
        for path in (folder / kind).glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            text = re.sub(
                r"^(\s*(?:- )?(?:naam|samenvatting): )(.+)$",
                lambda m: f"{m[1]}'{m[2]} {HOSTILE}'",
                text,
                flags=re.M,
            )
            path.write_text(text, encoding="utf-8")
    return build(folder), load(folder).catalogue


def json_ld(page: Path) -> list[dict[str, Any]]:
    html = page.read_text(encoding="utf-8")
    items = JsonLdExtractor().extract(html)
    assert len(items) == len(SCRIPT.findall(html))
    # In <head>: mkdocs-material's instant navigation would run it as JavaScript in the content.
    assert len(items) == len(SCRIPT.findall(html.partition("</head>")[0]))
    return items


def leaves(node: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(node, dict):
        return [pair for name, value in node.items() for pair in leaves(value, name)]
    if isinstance(node, list):
        return [pair for item in node for pair in leaves(item, key)]
    return [(key, node)]


def record_values(catalogue: Catalogue) -> set[Any]:
    """Every value a page may show: record text, labels, phones in E.164, coordinates, times."""
    values: set[Any] = {"Heel Nederland", "Nederland", "NL", "https://schema.org", "23:59"}
    for provider in catalogue.providers.values():
        for _, value in leaves(provider.model_dump()):
            values.add(value)
            if isinstance(value, str) and re.fullmatch(r"[+0-9 ()-]{8,}", value):
                number = phonenumbers.parse(value, "NL")
                values.add(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    for vocabulary in catalogue.vocabularies.by_name.values():
        values |= {term.label for term in vocabulary.terms.values()}
    values |= set(catalogue.config.municipalities.values())
    values |= {form.name for form in catalogue.respite_forms.values()}
    return values


TYPES = {
    "Service",
    "GovernmentService",
    "Organization",
    "GovernmentOrganization",
    "PostalAddress",
    "Place",
    "GeoCoordinates",
    "OpeningHoursSpecification",
    "AdministrativeArea",
    "Country",
    "ContactPoint",
    "ServiceChannel",
    "Audience",
}
DAYS = {
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
}


def test_every_service_and_provider_page_has_schema_org_json_ld(example: tuple[Path, Catalogue]) -> None:
    site, catalogue = example
    allowed = record_values(catalogue)
    base = "https://example.org/mantelkaart/"
    checked = 0
    for offer in catalogue.offers:
        [data] = json_ld(site / "aanbod" / offer.provider_id / offer.service.id / "index.html")
        municipal = offer.provider.kind == "gemeente"
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == ("GovernmentService" if municipal else "Service")
        assert data["name"] == offer.service.name and data["description"] == offer.service.summary
        assert data["url"] == f"{base}aanbod/{offer.provider_id}/{offer.service.id}/"
        assert data["provider"]["@type"] == ("GovernmentOrganization" if municipal else "Organization")
        assert data["provider"]["name"] == offer.provider.name
        areas = [area["name"] for area in data["areaServed"]]
        assert areas == [
            "Nederland" if m == NATIONWIDE else catalogue.config.municipality_label(m)
            for m in offer.service.area
        ]
        if offer.service.hours and offer.service.hours.spans:
            assert [h["@type"] for h in data["hoursAvailable"]] == ["OpeningHoursSpecification"] * len(
                offer.service.hours.spans
            )
        for key, value in leaves(data):
            if key == "@type":
                assert value in TYPES
            elif key == "dayOfWeek":
                assert value in DAYS
            elif key in ("url", "@id") and value.startswith(base):
                continue
            elif key == "audienceType":
                assert value == ", ".join(
                    catalogue.vocabularies["doelgroepen"].label(t) for t in offer.service.target_groups
                )
            elif key in ("telephone",):
                assert re.fullmatch(r"\+31[0-9]{9}", value) and value in allowed
            else:
                assert value in allowed, f"{key}={value!r} is not from the record ({offer.key})"
        checked += 1
    for provider_id, provider in catalogue.providers.items():
        [data] = json_ld(site / "aanbieders" / provider_id / "index.html")
        assert data["@type"] == ("GovernmentOrganization" if provider.kind == "gemeente" else "Organization")
        assert data["name"] == provider.name and data["url"] == f"{base}aanbieders/{provider_id}/"
        if provider.contact.phone:
            assert data["telephone"].startswith("+31")
        for address in data.get("address", []):
            assert address["@type"] == "PostalAddress" and address["addressCountry"] == "NL"
        checked += 1
    assert checked == 38 + 18


def test_confidential_locations_have_no_address_in_json_ld(example: tuple[Path, Catalogue]) -> None:
    site, _ = example
    [service] = json_ld(site / "aanbod" / "mee-drechtsteden" / "logeerzorg-mee-plus" / "index.html")
    [provider] = json_ld(site / "aanbieders" / "mee-drechtsteden" / "index.html")
    for data in (service, provider):
        text = repr(data)
        assert "Voorbeeldlaan 5" not in text and "51.796" not in text and "Logeerhuis MEE Plus" not in text
    assert [place["name"] for place in provider["location"]] == ["Kantoor MEE"]


def test_hostile_text_cannot_break_out_of_the_json_ld(hostile: tuple[Path, Catalogue]) -> None:
    site, catalogue = hostile
    offer = catalogue.offers[0]
    assert HOSTILE in offer.service.name
    for page in (
        site / "aanbod" / offer.provider_id / offer.service.id / "index.html",
        site / "aanbieders" / offer.provider_id / "index.html",
    ):
        html = page.read_text(encoding="utf-8")
        [script] = SCRIPT.findall(html)
        assert not set("<>&") & set(script)  # written as \u003c, \u003e, \u0026
        assert "</script><script>alert" not in html and "<!--" not in script
        [data] = json_ld(page)
        assert HOSTILE in data["name"]  # and reads back as the same text
    assert html.count("<script>alert") == 0


def test_confidential_address_is_nowhere_in_the_built_site(hostile: tuple[Path, Catalogue]) -> None:
    site, _ = hostile
    checked = 0
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".geojson", ".csv", ".xml", ".js"):
            text = path.read_text(encoding="utf-8-sig", errors="replace")
            for secret in CONFIDENTIAL:
                assert secret not in text, f"{secret} in {path.relative_to(site)}"
            checked += 1
    assert checked > 40


def test_sitemap_lists_every_page(example: tuple[Path, Catalogue]) -> None:
    site, _ = example
    tree = ET.parse(site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.getroot().findall("s:url/s:loc", namespace)}
    pages = {  # every page MkDocs rendered (not static HTML files such as an editor app)
        "https://example.org/mantelkaart/" + page.relative_to(site).as_posix().removesuffix("index.html")
        for page in site.rglob("*.html")
        if page.name != "404.html" and 'name="generator" content="mkdocs-' in page.read_text(encoding="utf-8")
    }
    assert len(pages) > 100
    assert pages - listed == set()
    assert "https://example.org/mantelkaart/aanbod/het-parkhuis/logeerzorg/" in listed
    assert "https://example.org/mantelkaart/open-data/" in listed


def test_open_data_page_is_in_the_navigation_and_its_links_work(example: tuple[Path, Catalogue]) -> None:
    site, _ = example
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="open-data/"[^>]*>\s*(<[^>]+>\s*)*Open data', home)
    page = (site / "open-data" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^":#]+)" download', page)
    assert len(links) >= 5 + 21
    for link in links:
        assert (site / "open-data" / link).is_file(), link
    assert "CC BY 4.0" in page
    assert (site / "open-data" / "hsds" / "csv" / "services.csv").is_file()


def test_mini_site_builds_the_exports_too(tmp_path: Path) -> None:
    """Without site_url the exports still build (ids and pages do not depend on it)."""
    folder = copy_site(MINI, tmp_path / "mini")
    text = (
        (folder / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("site_url: https://example.org/mini/\n", "")
    )
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    site = build(folder)
    assert (site / "open-data" / "hsds" / "organizations.json").is_file()
    [data] = json_ld(site / "aanbod" / "het-anker" / "logeren" / "index.html")
    assert "url" not in data and data["provider"]["name"] == "Logeerhuis Het Anker"
