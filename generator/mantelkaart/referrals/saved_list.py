"""The saved list ("bewaarlijst", /lijst/): its page, its data file, its script and the print styles.

A visitor saves services with the "Bewaar" button that ``bewaarlijst.js`` adds to every
service card and service page. The list lives in the browser only (``localStorage``: no
cookies, nothing sent anywhere). /lijst/ shows the saved services, shares the list as a
link with the ids in the address (``/lijst/?ids=provider/service,…``), by e-mail, WhatsApp
or SMS, and prints it as a referral sheet ("Overzicht voor …") with a QR code per service,
made in the browser by ``qrcode-generator``.

The page reads what it shows from one data file, loaded on /lijst/ only: per service key
one array of texts (see :data:`FIELDS`), the same words as the finder's cards
(:func:`mantelkaart.finder.cards.card`): place, cost, indicatie and the number of whoever acts on
the next step.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from typing import TYPE_CHECKING, Any

from mantelkaart.core.branding import DEFAULT_LOGO
from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.presentation import day_list, dutch_time, page_url
from mantelkaart.finder.cards import AT_HOME, card
from mantelkaart.site.frontend import vendor_files
from mantelkaart.site.page_kinds import finder_offers
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page, compact_json

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

PAGE = "lijst/index.md"
DATA_FILE = "lijst/diensten.json"
SAVED_LIST_SCRIPT = "assets/mantelkaart/bewaarlijst.js"
SAVED_LIST_STYLESHEET = "assets/mantelkaart/bewaarlijst.css"
PRINT_STYLESHEET = "assets/mantelkaart/print.css"
QR_LIBRARY = {"qrcode/qrcode.js": "qrcode-generator/dist/qrcode.js"}  # MIT; the licence is its header
VERSION = 1

# What one entry of the data file holds, in this order (all text, "" when unknown).
FIELDS = (
    "name",  # the service's name
    "provider",  # the provider's name
    "url",  # the service page, from the site root: "aanbod/het-parkhuis/logeerzorg/"
    "summary",  # one sentence: what it is
    "for_whom",  # the target groups, "Mensen met dementie, Ouderen"
    "where",  # "Bij u thuis", or the addresses, one per line
    "hours",  # when, in words: "Maandag tot en met vrijdag 9.00 tot 17.00 uur"
    "indication",  # one line on the indicatie, as on the cards
    "cost",  # one phrase, as on the cards
    "phone_href",  # "tel:+31780000101"
    "phone_text",  # "078 000 0101"
    "phone_who",  # whom the number reaches when not the provider: "Respijtconsulent"
    "reachable",  # when the phone is answered, in words
    "closed",  # "1" when temporarily closed
)
# Columns whose texts repeat (written once in the file's "texts", see list_data).
SHARED = frozenset(
    {"provider", "for_whom", "where", "hours", "indication", "cost", "phone_who", "reachable", "closed"}
)


def where_text(offer: Offer, place: str) -> str:
    """At home, or the addresses (one per line); a confidential address stays unsaid."""
    if offer.service.setting == "thuis":
        return AT_HOME
    lines = []
    for location in offer.locations:
        if location.confidential:
            lines.append(f"{location.city} (het adres krijgt u als u zich aanmeldt)")
            continue
        street = ", ".join(part for part in (location.name, location.address) if part)
        town = " ".join(part for part in (location.postcode, location.city) if part)
        lines.append(f"{street}, {town}" if street else town)
    return "\n".join(dict.fromkeys(lines)) or place


def hours_text(offer: Offer) -> str:
    """The opening hours in words, and their note."""
    hours = offer.service.hours
    if hours is None:
        return ""
    spans = [
        f"{day_list(span.days)} {dutch_time(span.start)} tot {dutch_time(span.end)} uur"
        for span in hours.spans
    ]
    text = "; ".join(spans)
    text = text[:1].upper() + text[1:]
    if hours.note:
        text = f"{text}. {hours.note}" if text else hours.note
    return text


def entry(catalogue: Catalogue, offer: Offer) -> list[str]:
    """What the list and the referral sheet show of ``offer`` (see :data:`FIELDS`)."""
    service = offer.service
    shown = card(catalogue, offer)
    party = catalogue.next_party(offer)
    groups = catalogue.vocabularies["doelgroepen"]
    hours = hours_text(offer)
    reachable = (party.reachable or "") if party is not None and shown.phone_href else ""
    if reachable.casefold() in hours.replace("; ", ", ").casefold():
        reachable = ""  # the opening hours say it already
    values = {
        "name": service.name,
        "provider": offer.provider.name,
        "url": page_url(PageMaker.offer_path(offer)),
        "summary": service.summary,
        "for_whom": ", ".join(groups.label(group) for group in service.target_groups),
        "where": where_text(offer, shown.place),
        "hours": hours,
        "indication": shown.indication,
        "cost": shown.cost,
        "phone_href": shown.phone_href,
        "phone_text": shown.phone_text,
        "phone_who": shown.phone_who,
        "reachable": reachable,
        "closed": "1" if shown.closed else "",
    }
    return [values[name] for name in FIELDS]


def list_data(catalogue: Catalogue) -> dict[str, Any]:
    """The data file: every service a visitor can save (the finder's), by key.

    Texts that many services share (a provider's name, a cost phrase, an address) are
    written once, in ``texts``; the columns of :data:`SHARED` hold their numbers there.
    """
    texts: dict[str, int] = {}
    shared = [name in SHARED for name in FIELDS]
    services: dict[str, list[str | int]] = {}
    for offer in finder_offers(catalogue):
        values = entry(catalogue, offer)
        services[offer.key] = [
            texts.setdefault(value, len(texts)) if is_shared else value
            for value, is_shared in zip(values, shared, strict=True)
        ]
    return {
        "version": VERSION,
        "fields": list(FIELDS),
        "shared": [name for name in FIELDS if name in SHARED],
        "texts": list(texts),
        "services": services,
    }


def read_entry(data: dict[str, Any], key: str) -> dict[str, str] | None:
    """One service of the data file as names and texts (as bewaarlijst.js reads it)."""
    values = data["services"].get(key)
    if values is None:
        return None
    return {
        name: data["texts"][value] if name in data["shared"] else value
        for name, value in zip(data["fields"], values, strict=True)
    }


def saved_list_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    from mantelkaart.site.site_output import OutputFile

    maker = PageMaker(catalogue, context.site_url)
    logo = catalogue.config.logo or DEFAULT_LOGO
    body = maker.render(
        "saved_list.html",
        PAGE,
        data_url="diensten.json",
        logo=_asset_url(PAGE, logo),
        qr_script=_asset_url(PAGE, "assets/mantelkaart/vendor/qrcode/qrcode.js"),
        site_name=catalogue.config.region,
    )
    yield Page(
        PAGE,
        "Bewaarlijst",
        body,
        "De diensten die u bewaart: om te bellen, te delen of te printen als overzicht.",
        robots="noindex",
    )
    yield OutputFile(DATA_FILE, compact_json(list_data(catalogue)))
    assets = resources.files("mantelkaart") / "assets"
    yield OutputFile(SAVED_LIST_SCRIPT, (assets / "bewaarlijst.js").read_text(encoding="utf-8"))
    yield OutputFile(SAVED_LIST_STYLESHEET, (assets / "bewaarlijst.css").read_text(encoding="utf-8"))
    yield OutputFile(PRINT_STYLESHEET, (assets / "print.css").read_text(encoding="utf-8"))
    yield from vendor_files(context, QR_LIBRARY)


def _asset_url(here: str, path: str) -> str:
    """A link from the page ``here`` to a file of the site (not a page)."""
    return "../" * page_url(here).count("/") + path
