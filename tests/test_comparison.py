"""Municipalities side by side: counts against a hand-made region with known answers, against
the finder's own facets on the example, the open data, and what changed since a build."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mantelkaart.comparison.municipalities import figures, matrix, rows
from mantelkaart.comparison.page import CSV_FILE, JSON_FILE, PAGE, comparison_outputs
from mantelkaart.core.config import ConfigError, SiteConfig
from mantelkaart.finder.facets import facets
from mantelkaart.site.page_kinds import finder_offers
from mantelkaart.site.site_output import OutputFile, Page, SiteContext
from tests.recordkit import MKDOCS_YML, dump, provider, service, write_site

from support import REPO, load

EXAMPLE = load(REPO)


def small_region(folder: Path) -> Path:
    """Dordrecht has a logeeropvang for dementia; a nationwide line informs everyone; a
    stopped service counts nowhere; a closed one counts (as in the finder); Papendrecht has
    nothing of its own."""
    services = [
        service(id="logeren", naam="Logeren", werkgebied=["dordrecht"], doelgroepen=["dementie"]),
        service(
            id="lijn",
            naam="Lijn",
            functies=["informatie"],
            werkgebied=["landelijk"],
            doelgroepen=["iedereen"],
            omgeving="op-afstand",
            locaties=[],
        ),
        service(id="weg", naam="Weg", werkgebied=["zwijndrecht"], status="gestopt"),
        service(
            id="dicht",
            naam="Dicht",
            werkgebied=["zwijndrecht"],
            doelgroepen=["nah"],
            status="tijdelijk-gesloten",
        ),
    ]
    for item in services[1:2]:
        del item["respijtvorm"]
    return write_site(folder, {"providers/gemeente-dordrecht.yaml": dump(provider(diensten=services))})


def test_counts_in_a_small_region_with_known_answers(tmp_path: Path) -> None:
    dataset = load(small_region(tmp_path / "s"))
    assert not dataset.errors, [p.text() for p in dataset.errors]
    cells = matrix(dataset.catalogue)
    count = {key: {m: cell.count for m, cell in by.items()} for key, by in cells.items()}
    assert count["respijtvorm:logeeropvang"] == {"dordrecht": 1, "zwijndrecht": 1, "papendrecht": 0}
    assert count["functie:informatie"] == {"dordrecht": 1, "zwijndrecht": 1, "papendrecht": 1}
    assert count["functie:respijtzorg"] == {"dordrecht": 1, "zwijndrecht": 1, "papendrecht": 0}
    assert count["doelgroep:dementie"] == {"dordrecht": 1, "zwijndrecht": 0, "papendrecht": 0}
    assert count["doelgroep:nah"] == {"dordrecht": 0, "zwijndrecht": 1, "papendrecht": 0}
    numbers = figures(dataset.catalogue, cells, 12)
    assert (
        numbers["papendrecht"].services,
        numbers["dordrecht"].services,
        numbers["zwijndrecht"].services,
    ) == (1, 2, 2)
    assert numbers["papendrecht"].forms_covered == 0 and numbers["dordrecht"].forms_covered == 1
    page = next(
        o for o in comparison_outputs(dataset.catalogue, SiteContext("", REPO)) if isinstance(o, Page)
    )
    assert "Geen aanbod" in page.body and "Weg" not in page.body


def test_every_cell_agrees_with_the_finders_facets_on_the_example() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    by_key = {facet.key: facet for facet in facets(catalogue)}
    cells = matrix(catalogue)
    for row in rows(catalogue):
        for municipality in catalogue.config.municipalities:
            expected = sum(
                1
                for offer in offers
                if set(by_key[row.facet].codes(offer)) & set(row.values)
                and set(by_key["gemeente"].codes(offer)) & {municipality, "landelijk"}
            )
            cell = cells[row.key][municipality]
            assert cell.count == expected, (row.key, municipality)
            assert cell.link.startswith(f"zoeken/?gemeente={municipality}&{row.facet}=")


def test_open_data_csv_and_json_with_cbs_codes() -> None:
    outputs = {o.path: o for o in comparison_outputs(EXAMPLE.catalogue, SiteContext("", REPO))}
    cells = matrix(EXAMPLE.catalogue)
    text = bytes(outputs[CSV_FILE].content).decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(table) == len(rows(EXAMPLE.catalogue)) * len(EXAMPLE.config.municipalities)
    dordrecht = [r for r in table if r["Gemeente"] == "Dordrecht"]
    assert {r["CBS-code"] for r in dordrecht} == {"GM0505"}
    logeren = next(r for r in dordrecht if r["Rij"] == "Logeeropvang")
    assert int(logeren["Aantal diensten"]) == cells["respijtvorm:logeeropvang"]["dordrecht"].count
    data = json.loads(str(outputs[JSON_FILE].content))
    assert {m["cbs_code"] for m in data["gemeenten"]} >= {"GM0505", "GM0642"}
    row = next(r for r in data["rijen"] if r["id"] == "doelgroep:dementie")
    assert row["aantallen"] == {m: c.count for m, c in cells["doelgroep:dementie"].items()}
    assert data["datum"] == EXAMPLE.catalogue.today.isoformat()


def test_changes_since_the_previous_build(tmp_path: Path) -> None:
    folder = small_region(tmp_path / "s")
    before = {o.path: o for o in comparison_outputs(load(folder).catalogue, SiteContext("", REPO))}
    previous = tmp_path / "site"
    (previous / "open-data").mkdir(parents=True)
    (previous / JSON_FILE).write_text(str(before[JSON_FILE].content), encoding="utf-8")
    path = folder / "providers" / "gemeente-dordrecht.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("naam: Logeren\n") == 1
    path.write_text(text.replace("naam: Logeren\n", "naam: Logeren in het weekend\n"), encoding="utf-8")
    after = comparison_outputs(load(folder).catalogue, SiteContext("", REPO, previous))
    body = next(o for o in after if isinstance(o, Page) and o.path == PAGE).body
    assert "Logeren in het weekend" in body and "Niet bekend" not in body
    without = comparison_outputs(load(folder).catalogue, SiteContext("", REPO, None))
    assert "Niet bekend" in next(o for o in without if isinstance(o, Page)).body


def test_cbs_codes_are_checked() -> None:
    base = {"municipalities": {"dordrecht": "Dordrecht"}}
    SiteConfig.from_options({**base, "cbs_codes": {"dordrecht": "GM0505"}})
    for wrong in ({"dordrecht": "0505"}, {"utrecht": "GM0344"}):
        with pytest.raises(ConfigError):
            SiteConfig.from_options({**base, "cbs_codes": wrong})


def test_the_page_is_in_the_nav_under_municipalities() -> None:
    assert "Vergelijken: gemeenten/vergelijk.md" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert MKDOCS_YML  # the test sites use the plain settings
    assert all(
        isinstance(o, (Page, OutputFile))
        for o in comparison_outputs(EXAMPLE.catalogue, SiteContext("", REPO))
    )


def test_a_large_region_gets_the_finder_and_the_spreadsheet_instead_of_one_huge_table() -> None:
    from mantelkaart.referrals.referrers import referrer_outputs

    catalogue = EXAMPLE.catalogue
    original = catalogue.config
    catalogue.config = original.model_copy(update={"finder_list_limit": 10})
    try:
        page = next(o for o in referrer_outputs(catalogue, SiteContext("", REPO)) if isinstance(o, Page))
    finally:
        catalogue.config = original
    assert "<table" not in page.body and "te veel voor één tabel" in page.body
    assert "aanbod.csv" in page.body and "zoeken/" in page.body
