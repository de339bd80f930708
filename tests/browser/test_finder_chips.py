"""Words that name a filter become a removable chip (issue 11, item 5), walked as a caregiver.

The caregiver types in the header's search box on any page and presses Enter; the finder
shows a chip for the words that name a filter (a target group, a respite form, "gratis",
"zonder indicatie", …), results of that filter with the most relevant first, and the chip
is removed with the keyboard: the other words stay, the status says what was taken away,
focus stays in the chips or goes back to the box. The phrase → filter mapping comes from the
vocabularies' data (tests/test_finder_query.py); "in het weekend" names the opening hours'
weekend days; words naming no facet ("'s avonds") are searched as words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import axe_violations, describe
from finder_driver import OFFERS, open_finder, rendered, result_count, shown, shown_names

DESKTOP = {"width": 1280, "height": 1000}
CHIPS = ".mk-finder__chips button"
READY = """(text) => {
    const root = document.getElementById('mk-finder');
    return root && root.dataset.state === 'ready' && root.dataset.query === text;
}"""


@pytest.fixture
def wide(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="nl-NL", viewport=DESKTOP)
    yield context.new_page()
    context.close()


def ask_in_header(page: Any, site_url: str, text: str) -> None:
    """Type ``text`` in the header's box on the home page and press Enter."""
    page.goto(site_url)
    box = page.locator(".md-header input[name=zoek]")
    box.click()
    box.fill(text)
    box.press("Enter")
    page.wait_for_url("**/zoeken/?zoek=*")
    page.wait_for_function(READY, arg=text)


def chip_labels(page: Any) -> list[str]:
    return page.eval_on_selector_all(CHIPS, "b => b.map(x => x.getAttribute('aria-label'))")


def tab_to_first_chip(page: Any) -> None:
    """From the search box, Tab until a chip has the focus (as a keyboard user goes)."""
    page.focus("#mk-q")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('mk-chip')"):
            return
    raise AssertionError("no chip reached with Tab")


def status(page: Any) -> str:
    """The status line once announced (a moment after the list is shown)."""
    page.wait_for_function(
        "() => !['', 'Zoeken…'].includes(document.querySelector('.mk-finder__status').textContent)"
    )
    return page.text_content(".mk-finder__status") or ""


def has_group(number: int, group: str) -> bool:
    return group in OFFERS[number].service.target_groups


def test_a_named_target_group_is_a_chip_and_its_removal_keeps_the_other_words(
    wide: Any, site_url: str
) -> None:
    ask_in_header(wide, site_url, "mijn man heeft dementie")
    assert chip_labels(wide) == ["Dementie: weghalen uit de zoekwoorden"]
    numbers = shown(wide)
    assert all(has_group(number, "dementie") for number in numbers[:5])
    # Right answers first (the query set's), not the children's services.
    assert {"Logeerzorg in Het Parkhuis", "Inloop in het Odensehuis"} & set(shown_names(wide)[:5])
    with_chip = result_count(wide)
    violations = axe_violations(wide)
    assert violations == [], describe(violations)

    tab_to_first_chip(wide)
    rendered(wide, lambda: wide.keyboard.press("Enter"), "mijn man heeft")
    assert wide.input_value("#mk-q") == "mijn man heeft"
    assert wide.locator(".mk-finder__chips").is_hidden()
    assert wide.evaluate("() => document.activeElement.id") == "mk-q"  # no chip left: the box
    assert result_count(wide) > with_chip
    wide.wait_for_function(
        "() => document.querySelector('.mk-finder__status').textContent.startsWith('‘Dementie’ is weggehaald.')"
    )
    assert "zoek=mijn+man+heeft" in wide.url


def test_at_night_is_a_chip_in_each_way_of_writing_it(wide: Any, site_url: str) -> None:
    ask_in_header(wide, site_url, "'s nachts hulp")
    assert chip_labels(wide) == ["Nacht- en weekendzorg: weghalen uit de zoekwoorden"]
    assert shown_names(wide)[0] == "Nacht- en weekendzorg"
    tab_to_first_chip(wide)
    rendered(wide, lambda: wide.keyboard.press("Space"), "hulp")
    assert wide.input_value("#mk-q") == "hulp"  # the "'s" went with "nachts"
    for written in ("s nachts", "snachts", "'s Nachts", "’s nachts"):
        rendered(wide, lambda written=written: wide.fill("#mk-q", written), written)
        assert chip_labels(wide) == ["Nacht- en weekendzorg: weghalen uit de zoekwoorden"], written


def test_ticking_the_weekend_shows_the_services_open_on_saturday_or_sunday(wide: Any, site_url: str) -> None:
    """ "Wanneer": the box beside "Nu open" keeps the services whose opening hours name a
    Saturday or Sunday; a service without opening hours is not in it (nothing is known)."""
    open_finder(wide, site_url)
    weekend = {offer.service.name for offer in OFFERS if _weekend(offer)}
    assert 0 < len(weekend) < len(OFFERS)
    rendered(wide, lambda: wide.check("#mk-f-wanneer-weekend"), "")
    assert "wanneer=weekend" in wide.url
    assert set(shown_names(wide)) == weekend
    assert "Vaste vrije middag (blokzorg)" not in weekend  # respite on weekdays only


def _weekend(offer: Any) -> bool:
    hours = offer.service.hours
    return hours is not None and any({"za", "zo"} & set(span.days) for span in hours.spans)


def _text(offer: Any) -> str:
    """Every text of the service (the finder's index holds them all)."""
    return str(offer.service.model_dump_json()).lower()


@pytest.mark.parametrize(
    ("text", "chips"),
    [
        ("zonder indicatie", ["Zonder indicatie"]),
        ("gratis", ["Gratis"]),
        ("voor kinderen", ["Kinderen met een beperking"]),
        ("jonge mantelzorger", ["Jonge mantelzorgers (tot en met 24 jaar)"]),
        ("autisme", ["Autisme"]),
        ("logeren dementie", ["Logeeropvang", "Dementie"]),
        ("cursus alzheimer", ["Cursussen en uitleg", "Dementie"]),
        ("adempauze", ["Respijtzorg"]),
        ("in het weekend", ["In het weekend"]),
        ("logeren op zondag", ["Logeeropvang", "In het weekend"]),
        # No facet of the data names these: they are searched as words.
        ("'s avonds", []),
        ("oppas voor mijn vader", []),
    ],
)
def test_which_words_become_chips(page: Any, site_url: str, text: str, chips: list[str]) -> None:
    open_finder(page, site_url)
    rendered(page, lambda: page.fill("#mk-q", text), text)
    assert [label.split(": weghalen")[0] for label in chip_labels(page)] == chips
    assert result_count(page) > 0


def test_in_the_weekend_is_a_chip_beside_a_respite_form(page: Any, site_url: str) -> None:
    """ "logeren in het weekend": two chips; the logeerhuizen first (their text or opening
    hours say weekend); without the respite form, what the weekend alone answers."""
    open_finder(page, site_url, "?zoek=logeren+in+het+weekend")
    assert [label.split(":")[0] for label in chip_labels(page)] == ["Logeeropvang", "In het weekend"]
    top = shown_names(page)[:4]
    assert {name for name in top if name.startswith("Logeerzorg")} == {
        "Logeerzorg MEE Plus",
        "Logeerzorg De Merwelanden",
        "Logeerzorg in Het Parkhuis",
    }, top
    by_name = {offer.service.name: offer for offer in OFFERS}
    first = by_name[top[0]]  # the one with both: a logeerhuis whose text or hours say weekend
    assert first.service.respite_form == "logeeropvang" and (_weekend(first) or "weekend" in _text(first)), (
        top
    )
    rendered(page, lambda: page.locator(CHIPS).first.click(), "in het weekend")
    names = shown_names(page)
    assert "Weekend weg voor mantelzorgers" in names[:3] and "Nacht- en weekendzorg" in names[:3]


def test_a_named_respite_form_keeps_the_services_whose_text_names_it(page: Any, site_url: str) -> None:
    """ "Zwijndrecht logeren": the Wmo-loket that arranges logeeropvang stays (issue 11)."""
    open_finder(page, site_url, "?zoek=Zwijndrecht+logeren")
    assert [label.split(":")[0] for label in chip_labels(page)] == ["Logeeropvang"]
    assert shown_names(page)[0] == "Wmo-loket Zwijndrecht"


def test_filters_that_leave_nothing_are_searched_as_words(page: Any, site_url: str) -> None:
    """No logeeropvang is free: rather than zero results, the filter the words name is
    dropped and the status says so."""
    open_finder(page, site_url, "?zoek=gratis&hulp=logeeropvang")
    assert chip_labels(page) == []
    assert all(name.startswith("Logeerzorg") for name in shown_names(page))
    assert status(page).startswith("Niets gevonden met ‘Gratis’ erbij. Zonder dat filter: 3 resultaten")


def test_a_young_carer_keeps_the_young_carers_services_beside_a_target_group(
    page: Any, site_url: str
) -> None:
    open_finder(page, site_url, "?zoek=mijn+moeder+is+ziek+en+ik+ben+15")
    assert [label.split(":")[0] for label in chip_labels(page)] == ["Lichamelijke ziekte of beperking"]
    assert shown_names(page)[0] == "Club voor jonge mantelzorgers"
