"""A regulation past its 'geldig_tot' date: an editor's warning, its own page says so, no list shows it."""

from __future__ import annotations

from datetime import date

from recordkit import Site, dump, line_of, regulation

from mantelkaart.site.pages import PageMaker

TODAY = date(2026, 11, 23)


def ending(day: str) -> str:
    return dump(regulation(naam="Oude regeling", geldig_vanaf="2024-01-01", geldig_tot=day))


EXPIRED = ending("2026-11-22")  # yesterday
FILES = {"regulations/oude-regeling.yaml": EXPIRED}


def pages_naming(site: Site, text: str) -> list[str]:
    dataset = site.load({"regulations/oude-regeling.yaml": text}, today=TODAY)
    assert dataset.errors == []
    return sorted(page.path for page in PageMaker(dataset.catalogue).pages() if "Oude regeling" in page.body)


def test_an_expired_regulation_is_only_on_its_own_page(site: Site) -> None:
    assert pages_naming(site, EXPIRED) == ["regelingen/oude-regeling.md"]


def test_on_its_last_day_it_is_listed_everywhere_it_belongs(site: Site) -> None:
    listed = pages_naming(site, ending("2026-11-23"))
    for path in ("regelingen/index.md", "respijtzorg/logeeropvang.md", "gemeenten/dordrecht.md"):
        assert path in listed
    assert any(path.startswith("aanbieders/gemeente-dordrecht") for path in listed)


def test_its_page_says_it_has_expired_and_names_the_date(site: Site) -> None:
    dataset = site.load(FILES, today=TODAY)
    pages = {page.path: page for page in PageMaker(dataset.catalogue).pages()}
    body = pages["regelingen/oude-regeling.md"].body
    assert "Deze regeling is verlopen" in body and "22 november 2026" in body
    assert "Deze regeling is verlopen" not in pages["regelingen/vervangende-mantelzorg.md"].body


def test_editors_get_a_warning_on_the_date_line(site: Site) -> None:
    dataset = site.load(FILES, today=TODAY)
    [warning] = [w for w in dataset.warnings if w.file == "regulations/oude-regeling.yaml"]
    assert warning.field == "geldig_tot" and warning.line == line_of(EXPIRED, "geldig_tot")
    assert "verlopen op 2026-11-22" in warning.message and "geldig_tot" in warning.hint
    assert dataset.ok() and not dataset.ok(strict=True)
