"""Gemeenten vergelijken as a policy officer and on a phone: the picker, the links into the
finder (which must count the same), without JavaScript, on paper, and axe."""

from __future__ import annotations

import re
from typing import Any

from browsing import axe_violations, describe

from mantelkaart.comparison.municipalities import matrix, rows

from support import REPO, load

EXAMPLE = load(REPO)
PAGE = "gemeenten/vergelijk/"


def visible_columns(page: Any) -> list[str]:
    return (
        page.locator(".mk-compare__table")
        .first.locator("thead th[data-col]")
        .evaluate_all(
            "cells => cells.filter(c => c.offsetParent !== null && getComputedStyle(c).display !== 'none').map(c => c.dataset.col)"
        )
    )


def test_a_phone_compares_two_or_three_municipalities(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE)  # 390 x 844
    columns = visible_columns(page)
    assert len(columns) == 3 and columns == list(EXAMPLE.config.municipalities)[:3]
    page.get_by_role("checkbox", name="Zwijndrecht").uncheck()
    assert "U vergelijkt: Dordrecht, Papendrecht." in page.get_by_role("status").first.inner_text()
    assert visible_columns(page) == ["dordrecht", "papendrecht"]
    table = page.locator(".mk-compare__table").first
    assert table.bounding_box()["width"] <= 390  # no sideways scrolling for two columns
    assert page.outside_requests == []


def test_a_desktop_and_paper_show_every_municipality(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + PAGE)
    assert visible_columns(page) == list(EXAMPLE.config.municipalities)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.emulate_media(media="print")
    assert visible_columns(page) == list(EXAMPLE.config.municipalities)
    assert not page.locator("[data-mk-compare-picker]").is_visible()


def test_without_javascript_every_column_shows(page: Any, site_url: str) -> None:
    page.route("**/vergelijk.js", lambda route: route.abort())
    page.goto(site_url + PAGE)
    assert visible_columns(page) == list(EXAMPLE.config.municipalities)
    assert not page.locator("[data-mk-compare-picker]").is_visible()


def test_cells_lead_to_the_finder_which_counts_the_same(page: Any, site_url: str) -> None:
    cells = matrix(EXAMPLE.catalogue)
    chosen = [
        r
        for r in rows(EXAMPLE.catalogue)
        if r.key
        in {"functie:respijtzorg", "respijtvorm:logeeropvang", "doelgroep:dementie", "functie:informatie"}
    ]
    for row in chosen:
        for municipality in ("dordrecht", "zwijndrecht"):
            cell = cells[row.key][municipality]
            if not cell.count:
                continue
            page.goto(site_url + cell.link)
            status = page.locator(".mk-finder__status")
            page.wait_for_function(
                "() => document.querySelector('.mk-finder__status').textContent.match(/\\d/)"
            )
            page.wait_for_timeout(300)
            found = re.search(r"\d+", status.inner_text())
            assert found and int(found.group()) == cell.count, (row.key, municipality, status.inner_text())


def test_no_wcag_violations(page: Any, site_url: str) -> None:
    page.goto(site_url + PAGE)
    page.get_by_role("checkbox", name="Sliedrecht").check()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
