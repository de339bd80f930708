"""The bewaarlijst in real Chromium: save from a finder card and from a service page, reload,
share the list as a link and open it elsewhere, mail it, remove and clear with the keyboard
only, hear the changes, and print: pages without navigation or buttons, and the referral
sheet with the typed name (kept nowhere) and QR codes that decode to the right pages."""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from browsing import axe_violations, describe

from mantelkaart.core.presentation import dutch_date
from mantelkaart.finder.cards import card

from support import REPO
from support import load as load_site

CATALOGUE = load_site(REPO).catalogue
LIST_READY = "#mk-saved[data-mk-ready]"
FIRST_CARD = ".mk-finder__results > li.mk-item"
SERVICE_PAGE = "aanbod/het-parkhuis/logeerzorg/"
SERVICE_KEY = "het-parkhuis/logeerzorg"


def stored(page: Any) -> list[str]:
    """Every value this origin keeps in localStorage and sessionStorage."""
    return page.evaluate(
        "() => [localStorage, sessionStorage].flatMap(s => Object.keys(s).map(k => k + '=' + s.getItem(k)))"
    )


def saved_keys(page: Any) -> list[str]:
    return page.evaluate(
        "() => { const k = Object.keys(localStorage).find(k => k.startsWith('mantelkaart-bewaarlijst:'));"
        " return k ? JSON.parse(localStorage.getItem(k)) : []; }"
    )


def live(page: Any, expected: str) -> str:
    page.wait_for_function(
        "(text) => document.getElementById('mk-saved-live').textContent.includes(text)", arg=expected
    )
    return str(page.inner_text("#mk-saved-live"))


def open_list(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(LIST_READY, state="attached")


def save_on_service_page(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    button = page.locator(".mk-service > .mk-save")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"


def listed_names(page: Any) -> list[str]:
    return [name.strip() for name in page.locator(".mk-saved__list .mk-saved__name").all_inner_texts()]


def test_save_from_a_finder_card_and_a_service_page_and_reload(page: Any, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    page.wait_for_selector(f"{FIRST_CARD} > .mk-save")
    first = page.locator(f"{FIRST_CARD} > .mk-save").first
    first_key = first.get_attribute("data-mk-save")
    name = page.locator(f"{FIRST_CARD} .mk-item__title").first.inner_text()
    assert first.get_attribute("aria-pressed") == "false"
    assert page.evaluate("(b) => b.textContent.trim()", first.element_handle()).startswith(f"Bewaar {name}")
    first.click()
    assert first.get_attribute("aria-pressed") == "true"
    assert "is bewaard" in live(page, name)
    assert page.inner_text(".mk-saved-link").replace("\n", "").endswith("(1)")

    # A card the finder makes from its data (after search words) gets its button too.
    before = page.inner_text(".mk-finder__status")
    page.fill("#mk-q", "logeren")
    page.wait_for_function(
        "(text) => document.querySelector('.mk-finder__status').textContent !== text", arg=before
    )
    page.wait_for_function(
        "() => [...document.querySelectorAll('.mk-finder__results > li.mk-item')].every("
        "i => i.querySelector(':scope > .mk-save'))"
    )
    made_key = page.locator(f"{FIRST_CARD} > .mk-save[aria-pressed=false]").first.get_attribute(
        "data-mk-save"
    )
    made = page.locator(f"{FIRST_CARD} > .mk-save[data-mk-save='{made_key}']")
    made.click()
    assert made_key != first_key and made.get_attribute("aria-pressed") == "true"

    # And a service page.
    pages = (
        [SERVICE_PAGE]
        if SERVICE_KEY not in (first_key, made_key)
        else ["aanbod/de-mantelaar/vervangende-mantelzorg/"]
    )
    save_on_service_page(page, site_url, pages[0])
    keys = [first_key, made_key, pages[0].removeprefix("aanbod/").removesuffix("/")]
    assert saved_keys(page) == keys

    open_list(page, site_url + "lijst/")
    page.reload()
    page.wait_for_selector(LIST_READY, state="attached")
    assert page.locator(".mk-saved__item").count() == 3
    for item, key in zip(page.locator(".mk-saved__item").all(), keys, strict=True):
        offer = CATALOGUE.offer(key)
        assert offer is not None
        shown = card(CATALOGUE, offer)
        assert item.locator(".mk-saved__name").inner_text() == offer.service.name
        assert item.locator(".mk-saved__name a").get_attribute("href") == f"{site_url}aanbod/{key}/"
        phone = item.locator(".mk-saved__phone a.mk-phone")
        assert phone.get_attribute("href") == shown.phone_href and phone.inner_text() == shown.phone_text
        if shown.indication:
            assert item.locator(".mk-saved__indication").inner_text() == shown.indication
        assert item.locator(".mk-saved__cost").inner_text() == f"Kosten: {shown.cost}"
        assert item.locator(".mk-saved__where").inner_text().removeprefix("Waar: ")
    assert page.inner_text(".mk-saved-link").replace("\n", "").endswith("(3)")
    assert page.context.cookies() == []
    assert page.outside_requests == []


def test_the_share_link_opens_the_same_list_elsewhere(browser: Any, page: Any, site_url: str) -> None:
    for path in (SERVICE_PAGE, "aanbod/de-mantelaar/vervangende-mantelzorg/"):
        save_on_service_page(page, site_url, path)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_list(page, site_url + "lijst/")
    names = listed_names(page)
    assert len(names) == 2
    page.click("[data-mk-action=copy]")
    live(page, "De link is gekopieerd.")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link == page.input_value("#mk-share-link")
    assert link == f"{site_url}lijst/?ids={SERVICE_KEY},de-mantelaar/vervangende-mantelzorg"

    # Mail, WhatsApp and SMS carry the list as plain text: names, phones and links.
    mail = urlsplit(page.get_attribute("[data-mk-share=mail]", "href"))
    assert mail.scheme == "mailto"
    body = parse_qs(mail.query)["body"][0]
    for key, name in zip((SERVICE_KEY, "de-mantelaar/vervangende-mantelzorg"), names, strict=True):
        offer = CATALOGUE.offer(key)
        assert offer is not None
        assert name in body and card(CATALOGUE, offer).phone_text in body
        assert f"{site_url}aanbod/{key}/" in body
    assert link in body
    for way in ("whatsapp", "sms"):
        text = unquote(page.get_attribute(f"[data-mk-share={way}]", "href"))
        assert all(name in text for name in names) and link in text

    assert not page.is_visible("[data-mk-action=share]")  # this Chromium has no Web Share API

    elsewhere = browser.new_context(locale="nl-NL")
    # A browser with the Web Share API (as on a phone): what the list hands to it.
    elsewhere.add_init_script(
        "navigator.share = (data) => { window.mkShared = data; return Promise.resolve(); };"
    )
    try:
        other = elsewhere.new_page()
        open_list(other, link)
        assert listed_names(other) == names
        other.click("[data-mk-action=share]")
        shared = other.evaluate("() => window.mkShared")
        assert shared["url"] == link and all(name in shared["text"] for name in names)
        assert other.is_visible(".mk-saved__shared")
        assert saved_keys(other) == []  # shown, not yet saved
        assert other.locator(".mk-saved__remove").count() == 0
        other.click("[data-mk-action=keep]")
        assert saved_keys(other) == [SERVICE_KEY, "de-mantelaar/vervangende-mantelzorg"]
        assert other.url == site_url + "lijst/"
        assert not other.is_visible(".mk-saved__shared")
        assert other.locator(".mk-saved__remove").count() == 2
    finally:
        elsewhere.close()


def test_remove_and_clear_with_the_keyboard_only(page: Any, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    page.wait_for_selector(f"{FIRST_CARD} > .mk-save")

    def tab_to(selector: str, limit: int = 150) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    for n in range(1, 4):
        tab_to(f"{FIRST_CARD}:nth-child({n}) > .mk-save")
        page.keyboard.press("Space" if n % 2 else "Enter")
    assert len(saved_keys(page)) == 3
    assert "Op uw bewaarlijst: 3 diensten." in live(page, "3 diensten")

    open_list(page, site_url + "lijst/")
    names = listed_names(page)
    tab_to(".mk-saved__item:first-child .mk-saved__remove")
    page.keyboard.press("Enter")
    assert f"{names[0]} is van uw bewaarlijst gehaald" in live(page, "gehaald")
    assert listed_names(page) == names[1:]
    # The focus goes on to the next item's button, so a keyboard user keeps their place.
    assert (
        page.evaluate(
            "() => document.activeElement.closest('.mk-saved__item').querySelector('.mk-saved__name').textContent"
        )
        == names[1]
    )

    tab_to("[data-mk-action=clear]")
    page.keyboard.press("Enter")
    assert "Uw bewaarlijst is leeg" in live(page, "leeg")
    assert saved_keys(page) == [] and page.is_visible(".mk-saved__empty")
    assert page.evaluate("() => document.activeElement.dataset.mkAction") == "undo"
    page.keyboard.press("Enter")
    assert listed_names(page) == names[1:]
    assert page.inner_text(".mk-saved-link").replace("\n", "").endswith("(2)")


def test_no_accessibility_violations(page: Any, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    page.wait_for_selector(f"{FIRST_CARD} > .mk-save")
    page.locator(f"{FIRST_CARD} > .mk-save").first.click()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    save_on_service_page(page, site_url, SERVICE_PAGE)
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    open_list(page, site_url + "lijst/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    open_list(page, site_url + "lijst/?ids=" + SERVICE_KEY)
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def visible(page: Any, selector: str) -> bool:
    return bool(page.locator(selector).first.is_visible())


def test_print_shows_phones_and_hides_navigation_buttons_and_filters(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + SERVICE_PAGE)
    page.wait_for_selector(".mk-service > .mk-save")
    assert visible(page, ".md-header") and visible(page, ".mk-save")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".mk-save", ".mk-map", ".mk-report"):
        assert page.locator(hidden).count() == 0 or not visible(page, hidden), hidden
    for shown in (".mk-next .mk-phone", ".mk-service address", ".mk-next .mk-muted"):  # phone, address, hours
        assert visible(page, shown), shown
    hours = page.locator("h2:text-is('Wanneer') + p")
    assert hours.is_visible() and "uur" in hours.inner_text()
    # A link to another site says where it goes; a phone link, a link whose text is its
    # address, and the site's own links (absolute once mkdocs-material has started) do not.
    page.evaluate(
        """() => {
        const p = document.createElement('p');
        p.innerHTML = '<a id="t-other" href="https://zorg.example.org/folder">Lees de folder</a>'
          + ' <a id="t-plain" href="https://zorg.example.org/">https://zorg.example.org</a>';
        document.querySelector('.mk-service').append(p);
        window.dispatchEvent(new Event('beforeprint'));
        }"""
    )
    after = dict(
        page.evaluate(
            "() => [...document.querySelectorAll('.md-content a')].filter(a => a.checkVisibility())"
            ".map(a => [a.id || a.href, getComputedStyle(a, '::after').content])"
        )
    )
    assert after.pop("t-other") == '" (https://zorg.example.org/folder)"'
    assert after.pop("t-plain") in ("none", "normal")
    assert any(href.startswith(site_url) for href in after) and any(href.startswith("tel:") for href in after)
    for href, content in after.items():
        assert content in ("none", "normal"), href

    page.emulate_media(media="screen")
    page.goto(site_url + "zoeken/")
    page.wait_for_selector(f"{FIRST_CARD} > .mk-save")
    page.emulate_media(media="print")
    for hidden in (
        ".mk-finder__form",
        ".mk-finder__filters",
        ".mk-finder__filters-bar",
        ".mk-save",
        ".md-header",
        ".mk-finder__more",
    ):
        assert page.locator(hidden).count() == 0 or not visible(page, hidden), hidden
    assert visible(page, f"{FIRST_CARD} .mk-item__phone .mk-phone")
    # No page break inside a card.
    assert (
        page.evaluate(f"() => getComputedStyle(document.querySelector('{FIRST_CARD}')).breakInside")
        == "avoid-page"
    )


def test_the_referral_sheet_on_paper(page: Any, site_url: str) -> None:
    import zxingcpp
    from PIL import Image

    keys = [SERVICE_KEY, "de-mantelaar/vervangende-mantelzorg"]
    for key in keys:
        save_on_service_page(page, site_url, f"aanbod/{key}/")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url + " " + (request.post_data or "")))
    open_list(page, site_url + "lijst/")
    assert not visible(page, ".mk-sheet")
    page.fill("#mk-sheet-name", "Jan Testnaam")
    page.emulate_media(media="print")
    assert visible(page, ".mk-sheet")
    for hidden in (
        ".mk-saved__list",
        ".mk-saved__share",
        ".mk-saved__sheet-form",
        ".md-header",
        ".md-sidebar",
    ):
        assert not visible(page, hidden), hidden
    assert page.inner_text(".mk-sheet__title") == "Overzicht voor Jan Testnaam"
    assert page.locator(".mk-sheet__logo").get_attribute("src").endswith("assets/logo-drechtsteden.svg")
    assert "Voorbeeldgegevens." in page.inner_text(".mk-sheet__example")
    assert page.inner_text("[data-mk-date]") == dutch_date(date.today())
    consultant = CATALOGUE.consultant()
    assert consultant is not None and consultant.name in page.inner_text(".mk-sheet .mk-consultant")
    items = page.locator(".mk-sheet__item").all()
    assert len(items) == 2
    for item, key in zip(items, keys, strict=True):
        offer = CATALOGUE.offer(key)
        assert offer is not None
        shown = card(CATALOGUE, offer)
        text = item.inner_text()
        assert offer.service.name in text and offer.service.summary in text
        assert shown.phone_text in text and shown.cost in text
        if shown.indication:
            assert shown.indication in text
        assert item.locator(".mk-phone").is_visible()

    # The QR codes, as printed, open the services' pages.
    image = Image.open(io.BytesIO(page.locator(".mk-sheet__list").screenshot()))
    found = sorted(barcode.text for barcode in zxingcpp.read_barcodes(image))
    assert found == sorted(f"{site_url}aanbod/{key}/" for key in keys)

    # The name is on the paper only: not stored, not sent.
    assert not any("Testnaam" in value for value in stored(page))
    assert not any("Testnaam" in request for request in sent)
    assert page.context.cookies() == []


def test_the_header_counter_leads_to_the_list(page: Any, site_url: str) -> None:
    page.goto(site_url + "zoeken/")
    page.wait_for_selector(f"{FIRST_CARD} > .mk-save")
    page.click(f"{FIRST_CARD}:first-child a.mk-item__title")
    button = page.locator(".mk-service > .mk-save")
    button.click()
    counter = page.locator(".md-header .mk-saved-link")
    assert counter.count() == 1
    assert page.evaluate("(a) => a.textContent.replace(/\\s+/g, ' ').trim()", counter.element_handle()) == (
        "Bewaarlijst (1)"
    )
    counter.click()
    page.wait_for_selector(LIST_READY, state="attached")
    assert page.url == site_url + "lijst/"
    assert listed_names(page) == [page.locator(".mk-saved__name").first.inner_text()]
    page.go_back()
    assert page.locator(".mk-service > .mk-save").get_attribute("aria-pressed") == "true"


def test_only_cards_of_services_get_a_button_and_its_space(page: Any, site_url: str) -> None:
    page.goto(site_url + "voor-wie/dementie/")
    page.wait_for_selector("li.mk-item > .mk-save")
    assert page.locator("li.mk-item").count() == page.locator("li.mk-item > .mk-save").count()
    page.goto(site_url + "aanbieders/")
    page.wait_for_selector(".mk-saved-link")
    assert page.locator("li.mk-item").count() > 5 and page.locator(".mk-save").count() == 0
    paddings = page.eval_on_selector_all(
        "li.mk-item", "items => items.map(i => parseFloat(getComputedStyle(i).paddingBottom))"
    )
    assert max(paddings) < 20  # no empty space kept for a button that never comes
