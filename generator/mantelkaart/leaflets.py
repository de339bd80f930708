"""Folders for the waiting room: a printable PDF per municipality and per respite form.

Many caregivers never visit a website; the sources ask for folders at the GP, the pharmacy
and the library. Each folder is A4, at most two pages: what there is, who to call (the
consultant first), and a QR code to the page on the site. The HTML is made by an
auto-escaping template, the PDF by WeasyPrint with the site's own font files; nothing is
fetched from outside (the URL fetcher only reads those font files).
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mantelkaart.cards import card
from mantelkaart.catalogue import Catalogue, Offer
from mantelkaart.presentation import dutch_date, page_url

if TYPE_CHECKING:
    from mantelkaart.outputs import OutputFile, SiteContext

log = logging.getLogger("mantelkaart.leaflets")

FOLDER = "folders"
MAX_PAGES = 2
FONT_FILES = "@fontsource/atkinson-hyperlegible/files"


@dataclass(frozen=True)
class Leaflet:
    """One folder: its file in the site, the page it points to, and what it lists."""

    path: str  # e.g. "folders/gemeenten/dordrecht.pdf"
    page: str  # the site page the QR code opens, e.g. "gemeenten/dordrecht.md"
    title: str
    intro: str
    groups: list[tuple[str, list[Offer]]]  # heading, active services (cards are made for those shown)
    regulations: list[tuple[str, str]]  # name, summary


def leaflet_path(kind: str, item_id: str) -> str:
    """``folders/gemeenten/dordrecht.pdf``: the file a page links to."""
    return f"{FOLDER}/{kind}/{item_id}.pdf"


def _cards(catalogue: Catalogue, offers: list[Offer]) -> list[Offer]:
    """The active services, by name (a closed one is not on paper)."""
    return sorted(
        (o for o in offers if o.service.status == "actief"), key=lambda o: o.service.name.casefold()
    )


def municipality_leaflets(catalogue: Catalogue) -> Iterator[Leaflet]:
    forms = catalogue.respite_forms
    for municipality, name in catalogue.config.municipalities.items():
        offers = catalogue.offers_in(municipality)
        groups = []
        for form_id, form in sorted(forms.items(), key=lambda item: item[1].name.casefold()):
            chosen = [o for o in offers if o.service.respite_form == form_id]
            if chosen:
                groups.append((form.name, _cards(catalogue, chosen)))
        others = [
            o for o in offers if not o.service.respite_form and "respijtzorg" not in o.service.functions
        ]
        if others:
            groups.append(("Andere hulp voor mantelzorgers", _cards(catalogue, others)))
        regulations = [(r.name, r.summary) for _, r in catalogue.regulations_in(municipality)]
        yield Leaflet(
            leaflet_path("gemeenten", municipality),
            f"gemeenten/{municipality}.md",
            f"Hulp voor mantelzorgers in {name}",
            "Zorgt u voor iemand? Dan bent u mantelzorger. Soms heeft u even rust nodig. "
            f"Dit is de hulp voor inwoners van {name}: wat er is, en wie u belt.",
            groups,
            regulations,
        )


def respite_form_leaflets(catalogue: Catalogue) -> Iterator[Leaflet]:
    for form_id, form in catalogue.respite_forms.items():
        offers = [o for o in catalogue.active_offers() if o.service.respite_form == form_id]
        regulations = [(r.name, r.summary) for _, r in catalogue.regulations_for_form(form_id)]
        yield Leaflet(
            leaflet_path("respijtzorg", form_id),
            f"respijtzorg/{form_id}.md",
            form.name,
            form.summary,
            [("Waar kan het?", _cards(catalogue, offers))] if offers else [],
            regulations,
        )


def _fetcher(fonts: Path | None) -> Any:
    """Only the site's own font files and the inline QR code may be read: no request leaves
    the machine."""
    from weasyprint.urls import URLFetcher

    allowed = fonts.as_uri() + "/" if fonts is not None else None

    class LocalOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:") or (allowed and url.startswith(allowed)):
                return super().fetch(url, headers)
            raise ValueError(f"De folder mag niets van buiten ophalen: {url[:80]}")

    return LocalOnly(allowed_protocols=("file", "data"))


def _qr(address: str) -> str:
    import segno

    return str(segno.make(address, error="m").svg_data_uri(scale=4, border=2))


OTHER = "Andere hulp voor mantelzorgers"
BUDGET = 22  # services that usually fit on two pages beside the consultant and the regulations


def chosen(leaflet: Leaflet, budget: int) -> list[tuple[str, list[Offer]]]:
    """At most ``budget`` services: respite first, a turn per kind so every kind shows,
    then the other help with what is left."""
    respite = [(h, items) for h, items in leaflet.groups if h != OTHER]
    taken = {h: 0 for h, _ in leaflet.groups}
    left = budget
    while left > 0 and any(taken[h] < len(items) for h, items in respite):
        for heading, items in respite:
            if left > 0 and taken[heading] < len(items):
                taken[heading] += 1
                left -= 1
    for heading, items in leaflet.groups:
        if heading == OTHER:
            taken[heading] = min(len(items), left)
    return [(h, items[: taken[h]]) for h, items in leaflet.groups if taken[h]]


def render_html(
    catalogue: Catalogue, leaflet: Leaflet, site_url: str, fonts: Path | None, budget: int
) -> str:
    """The folder's HTML with at most ``budget`` services."""
    from mantelkaart.pages import ENVIRONMENT

    address = (site_url.rstrip("/") + "/" if site_url else "") + page_url(leaflet.page)
    groups = [(h, [(o, card(catalogue, o)) for o in items]) for h, items in chosen(leaflet, budget)]
    left_out = sum(len(items) for _, items in leaflet.groups) - sum(len(items) for _, items in groups)
    return ENVIRONMENT.get_template("leaflet.html").render(
        leaflet=leaflet,
        groups=groups,
        left_out=left_out,
        regulations=leaflet.regulations[:8],
        consultant=catalogue.consultant(),
        address=address,
        qr=_qr(address) if site_url else "",
        fonts=fonts.as_uri() if fonts is not None else "",
        today=dutch_date(catalogue.today),
        config=catalogue.config,
    )


def render_pdf(
    catalogue: Catalogue, leaflet: Leaflet, site_url: str, fonts: Path | None, font_config: Any = None
) -> bytes:
    """The PDF, at most two pages. It starts from what usually fits and shortens by a quarter
    until it fits (what is left out is counted on paper, and is on the site): a few renders
    of a two-page document, however many services the region has."""
    from weasyprint import HTML

    budget = BUDGET
    with _build_date(catalogue.today):  # the same folder from the same records, byte for byte
        while True:
            html = render_html(catalogue, leaflet, site_url, fonts, budget)
            document = HTML(string=html, url_fetcher=_fetcher(fonts)).render(font_config=font_config)
            if len(document.pages) <= MAX_PAGES or budget <= 1:
                identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
                return bytes(document.write_pdf(pdf_identifier=identifier, pdf_tags=True))
            budget = budget * 3 // 4


@contextlib.contextmanager
def _build_date(day: date) -> Iterator[None]:
    """Font subsets carry a timestamp; reproducible-builds' SOURCE_DATE_EPOCH (which fontTools
    reads) makes it the build's date instead of the moment."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(day.timetuple()))
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def leaflet_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[OutputFile]:
    """Every folder of the site; none when the setting is off or WeasyPrint cannot run here."""
    from mantelkaart.outputs import OutputFile

    if not catalogue.config.folders:
        return
    try:
        import weasyprint  # noqa: F401  (needs Pango from the system)
    except (ImportError, OSError) as error:
        log.warning(
            "De PDF-folders zijn niet gemaakt: WeasyPrint kan hier niet werken (%s). Installeer "
            "libpango-1.0-0 en libpangoft2-1.0-0, of zet 'folders: false' in mkdocs.yml.",
            str(error).splitlines()[0][:120],
        )
        return
    from weasyprint.text.fonts import FontConfiguration

    fonts = _font_folder(context.config_dir)
    font_config = FontConfiguration()  # the site's font read once for all folders
    try:
        for leaflet in (*municipality_leaflets(catalogue), *respite_form_leaflets(catalogue)):
            yield OutputFile(
                leaflet.path, render_pdf(catalogue, leaflet, context.site_url, fonts, font_config)
            )
    finally:  # WeasyPrint keeps @font-face files in a temporary folder until the object goes
        folder = getattr(font_config, "_folder", None)
        if isinstance(folder, Path):
            shutil.rmtree(folder, ignore_errors=True)


def _font_folder(config_dir: Path) -> Path | None:
    from mantelkaart.frontend import FrontendError, node_modules

    try:
        return (
            node_modules(config_dir, f"{FONT_FILES}/atkinson-hyperlegible-latin-400-normal.woff") / FONT_FILES
        )
    except FrontendError:
        return None  # the PDF viewer's sans-serif: still readable, still no outside request


__all__ = ["Leaflet", "date", "leaflet_outputs", "leaflet_path"]
