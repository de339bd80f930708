"""Golden-file tests for every page kind, rendered from the mini fixture site.

Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then
review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page

from support import MINI, TESTS, load

GOLDEN = TESTS / "golden" / "mini"


def rendered() -> dict[str, Page]:
    dataset = load(MINI)
    assert dataset.problems == []
    maker = PageMaker(dataset.catalogue, "https://example.org/mini/")
    return {page.path: page for page in maker.pages()}


PAGES = rendered()


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden_file(path: str) -> None:
    golden = GOLDEN / path
    text = PAGES[path].markdown()
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file for {path}; run with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


def test_no_stale_golden_files() -> None:
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in Path(GOLDEN).rglob("*.md")}
    assert on_disk == set(PAGES)


def test_every_page_kind_is_covered() -> None:
    expected = {
        "aanbod/het-anker/logeren.md",  # service
        "aanbieders/het-anker.md",  # provider
        "respijtzorg/logeeropvang.md",  # respite form
        "regelingen/logeren-dordrecht.md",  # regulation
        "gemeenten/dordrecht.md",  # municipality
        "voor-wie/dementie.md",  # target group
        "ondersteuning/respijtzorg.md",  # support function
        "aanbod/index.md",
        "aanbieders/index.md",
        "respijtzorg/index.md",
        "regelingen/index.md",
        "gemeenten/index.md",
        "voor-wie/index.md",
        "ondersteuning/index.md",
    }
    assert expected <= set(PAGES)


def test_service_page_leads_with_next_step_and_dialable_phone() -> None:
    body = PAGES["aanbod/het-anker/logeren.md"].body
    order = [
        body.index("Indicatie nodig van de gemeente (Wmo"),
        body.index("Vraag een Wmo-indicatie aan"),
        body.index('href="tel:+31780000001"'),  # the next step is the consultant's: their number
        body.index("<h2>Voor wie</h2>"),
        body.index("<h2>Kosten en wie betaalt</h2>"),
        body.index("<h2>Waar</h2>"),
        body.index("<h2>Wanneer</h2>"),
        body.index("<h2>Talen</h2>"),
        body.index("Laatst gecontroleerd op 1 september 2026"),
        body.index("Klopt er iets niet?"),
    ]
    assert order == sorted(order)
    assert 'href="tel:+31780000201"' not in body  # never the provider's number under someone else's step
    assert "maandag tot en met vrijdag: 9.00 tot 12.30 uur" in body.lower()
    assert "openstreetmap.org/directions?to=51.81330%2C4.69010" in body


def test_confidential_location_shows_no_address_or_route() -> None:
    body = PAGES["aanbod/het-anker/logeren.md"].body
    assert "Zwijndrecht. Het adres krijgt u als u zich aanmeldt." in body
    assert body.count("Route plannen") == 1


def test_report_link_is_prefilled_for_exactly_this_record() -> None:
    body = PAGES["aanbod/het-anker/logeren.md"].body
    report = body[body.index('class="mk-report"') :]
    # an e-mail first (no account needed), GitHub second; both name the record, its id and page
    mail = report.index(
        'href="mailto:redactie@example.org?subject=Klopt%20niet%3A%20Logeren%20in%20Het%20Anker'
    )
    assert "Id%3A%20het-anker/logeren" in report or "Id%3A%20het-anker%2Flogeren" in report
    assert "https%3A//example.org/mini/aanbod/het-anker/logeren/" in report
    assert mail < report.index(
        "https://github.com/example/mini/issues/new?title=Klopt+niet%3A+Logeren+in+Het+Anker"
    )
    assert "account" in report
    assert "providers%2Fhet-anker.yaml" in body
    assert "https%3A%2F%2Fexample.org%2Fmini%2Faanbod%2Fhet-anker%2Flogeren%2F" in body


def test_municipality_page_lists_nationwide_services_and_its_regulations() -> None:
    body = PAGES["gemeenten/dordrecht.md"].body
    assert "Luisterlijn" in body and "Logeerregeling Dordrecht" in body
    other = PAGES["gemeenten/zwijndrecht.md"].body
    assert "Luisterlijn" in other and "Logeerregeling Dordrecht" not in other


def test_respite_form_page_lists_services_and_regulations_that_pay() -> None:
    body = PAGES["respijtzorg/logeeropvang.md"].body
    assert "Logeren in Het Anker" in body and "Logeerregeling Dordrecht" in body
    assert "Dagopvang" not in body


def test_record_pages_are_excluded_from_material_search() -> None:
    assert '"exclude": true' in PAGES["aanbod/het-anker/logeren.md"].markdown()
    assert PAGES["respijtzorg/logeeropvang.md"].in_search
