"""'Voor verwijzers' as a GP assistant uses it: one table, filtered, sorted, printed."""

from __future__ import annotations

from typing import Any

from browsing import axe_violations, describe, open_without_javascript

from mantelkaart.referrals.referrers import rows

from support import REPO, load

EXAMPLE = load(REPO)


def visible_rows(page: Any) -> list[str]:
    return page.locator("[data-mk-referrers] tbody tr:not([hidden]) td:first-child a").all_inner_texts()


def test_a_gp_assistant_filters_by_municipality_and_form(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "verwijzers/")
    everything = visible_rows(page)
    assert len(everything) == len(EXAMPLE.catalogue.active_offers())
    page.select_option("#mk-ref-gemeente", "dordrecht")
    serving = [o.service.name for o in EXAMPLE.catalogue.active_offers() if o.serves("dordrecht")]
    assert sorted(visible_rows(page)) == sorted(serving)
    assert page.locator("[data-mk-referrers-status]").inner_text() == f"{len(serving)} diensten."
    page.select_option("#mk-ref-vorm", "logeeropvang")
    both = {
        o.service.name
        for o in EXAMPLE.catalogue.active_offers()
        if o.serves("dordrecht") and o.service.respite_form == "logeeropvang"
    }
    assert set(visible_rows(page)) == both and both
    assert page.outside_requests == []


def test_sorting_by_the_verification_date_says_so(page: Any, site_url: str) -> None:
    page.goto(site_url + "verwijzers/")
    button = page.get_by_role("button", name="Gecontroleerd")
    button.click()
    dates = page.locator("[data-mk-referrers] tbody tr td:last-child").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sort'))"
    )
    assert dates == sorted(dates)
    assert page.locator("th[aria-sort='ascending']").inner_text().startswith("Gecontroleerd")
    button.click()
    dates = page.locator("[data-mk-referrers] tbody tr td:last-child").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sort'))"
    )
    assert dates == sorted(dates, reverse=True)
    assert "van Z naar A" in page.locator("[data-mk-referrers-status]").inner_text()


def test_each_row_dials_whoever_acts_and_says_indicatie_and_payers(page: Any, site_url: str) -> None:
    page.goto(site_url + "verwijzers/")
    for number, row in enumerate(rows(EXAMPLE.catalogue)):  # the page's order
        tr = page.locator("[data-mk-referrers] tbody tr").nth(number)
        text = tr.inner_text()
        assert text.startswith(row.offer.service.name) and row.offer.provider.name in text
        if row.card.phone_href:
            assert tr.locator(f"a[href='{row.card.phone_href}']").count() == 1, row.offer.key
        assert (row.card.indication or "Niet bekend") in text
        assert (row.offer.service.waiting_time or "Niet bekend") in text


def test_the_table_prints_without_filters_and_with_phones(page: Any, site_url: str) -> None:
    page.goto(site_url + "verwijzers/")
    page.emulate_media(media="print")
    assert not page.locator("[data-mk-referrers-filters]").is_visible()
    assert page.locator("[data-mk-referrers] a.mk-phone").first.is_visible()


def test_without_javascript_the_whole_table_shows(page: Any, site_url: str) -> None:
    page.route("**/verwijzers.js", lambda route: route.abort())
    open_without_javascript(page, site_url + "verwijzers/")
    assert page.locator("[data-mk-referrers] tbody tr").count() == len(EXAMPLE.catalogue.active_offers())
    assert not page.locator("[data-mk-referrers-filters]").is_visible()


def test_no_wcag_violations(page: Any, site_url: str) -> None:
    page.goto(site_url + "verwijzers/")
    page.select_option("#mk-ref-gemeente", "dordrecht")
    page.get_by_role("button", name="Dienst").click()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
