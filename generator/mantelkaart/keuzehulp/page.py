"""The keuzehulp page (/keuzehulp/), its offers files, script and stylesheet, as site outputs.

The page holds every option the guide can give (its rules, reasons and
regulations), each part with the conditions :mod:`mantelkaart.keuzehulp.rules` compiled for
it. Offers are many, so they live in one JSON file per municipality
(``keuzehulp/aanbod/<gemeente>.json``, and ``landelijk.json`` for visitors who did
not choose one); ``keuzehulp.js`` loads the file for the chosen municipality and
fills in the offers as text. Without JavaScript the page is an overview of every
option with the answers it fits ("past als u kiest …") and a link to its page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from mantelkaart.core import presentation
from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.indication import indication_line
from mantelkaart.keuzehulp.rules import Advisor, Alternatives, alternatives_data, conditions_json
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

GUIDE_PAGE = "keuzehulp/index.md"
OFFERS_FOLDER = "keuzehulp/aanbod"  # one JSON file per municipality, next to the page
GUIDE_SCRIPT = "assets/mantelkaart/keuzehulp.js"
GUIDE_STYLESHEET = "assets/mantelkaart/keuzehulp.css"


class GuideSite:
    """The guide page and its offers files for one catalogue (that has a guide)."""

    def __init__(self, catalogue: Catalogue, site_url: str = "") -> None:
        assert catalogue.guide is not None
        self.catalogue = catalogue
        self.guide = catalogue.guide.guide
        self.maker = PageMaker(catalogue, site_url)
        self.advisor = Advisor(self.guide, catalogue)
        self.to_root = presentation.relative_url(GUIDE_PAGE, "index.md")  # "../"

    def body(self) -> str:
        return self.maker.render(
            "guide.html",
            GUIDE_PAGE,
            guide=self.guide,
            advisor=self.advisor,
            when_json=conditions_json,
            offers_url="aanbod/",
        )

    def offers_files(self) -> Iterator[tuple[str, dict[str, list[dict[str, Any]]]]]:
        """(path, {option key: [offer]}) for every municipality, and for none."""
        entries: dict[str, dict[str, Any]] = {}  # an offer reads the same in every file

        def entry(offer: Offer, when: Alternatives) -> dict[str, Any]:
            if offer.key not in entries:
                entries[offer.key] = self.offer_entry(offer, when)
            return entries[offer.key]

        for area in self.advisor.areas():
            content = {
                option.key: [entry(offer, when) for offer, when in offers]
                for option in self.advisor.options
                if (offers := self.advisor.offers_in(option, area))
            }
            yield f"{OFFERS_FOLDER}/{area}.json", content

    def offer_entry(self, offer: Offer, when: Alternatives) -> dict[str, Any]:
        """One offer as the script shows it: plain text, a page link, a phone link."""
        service = offer.service
        config = self.catalogue.config
        groups = ", ".join(self.catalogue.vocabularies["doelgroepen"].label(g) for g in service.target_groups)
        area = ", ".join(config.municipality_label(m) for m in service.area)
        phone = offer.contact.phone
        return {
            "key": offer.key,
            "when": alternatives_data(when),
            "name": service.name,
            "href": self.to_root + presentation.page_url(self.maker.offer_path(offer)),
            "provider": offer.provider.name,
            "summary": service.summary,
            "facts": f"Voor: {groups}. Voor wie woont in: {area}.",
            "indication": indication_line(service.indication, self.catalogue.vocabularies, short=True),
            "closed": service.status == "tijdelijk-gesloten",
            "phone": phone_link(phone) if phone else None,
        }


@lru_cache(maxsize=4096)
def phone_link(number: str) -> dict[str, str]:
    """Href and text of a phone link; cached, since many offers share their provider's number."""
    return {"href": presentation.phone_href(number), "text": presentation.phone_text(number)}


def guide_body(catalogue: Catalogue, site_url: str = "") -> str | None:
    """The page body (escaped HTML), or ``None`` when the site has no usable guide."""
    return GuideSite(catalogue, site_url).body() if catalogue.guide is not None else None


def guide_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    from mantelkaart.site.site_output import OutputFile

    assets = resources.files("mantelkaart") / "assets"
    yield OutputFile(GUIDE_SCRIPT, (assets / "keuzehulp.js").read_text(encoding="utf-8"))
    yield OutputFile(GUIDE_STYLESHEET, (assets / "keuzehulp.css").read_text(encoding="utf-8"))
    if catalogue.guide is None:
        return
    site = GuideSite(catalogue, context.site_url)
    yield Page(
        GUIDE_PAGE,
        catalogue.guide.guide.title,
        site.body(),
        "Beantwoord een paar vragen en zie welke respijtzorg bij u past, wie het aanbiedt en wie het betaalt.",
        source=catalogue.guide.relpath,
    )
    for path, content in site.offers_files():
        yield OutputFile(path, json.dumps(content, ensure_ascii=False, separators=(",", ":")))
