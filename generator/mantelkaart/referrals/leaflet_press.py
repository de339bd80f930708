"""The press that prints the folders: WeasyPrint, set up once per build.

What a folder says is decided in :mod:`mantelkaart.referrals.leaflets`; this module turns it into a PDF
of at most two A4 pages. Where the time goes (``bench/leaflets.py``, bench/README.md): laying
out the text, then drawing and writing the PDF. So everything that is the same for every
folder is made once per build (the font configuration, the parsed stylesheet, the URL
fetcher), the QR code is a small bitmap drawn without smoothing (WeasyPrint draws an SVG
path command by command), and the number of services is estimated from the font's glyph
widths before the first layout (:mod:`mantelkaart.referrals.leaflet_estimate`), so a long folder is
laid out once rather than once too long and once again.

Nothing is fetched from outside: the fetcher reads only the site's own font files and the
inline QR code. The same records give the same bytes: font subsets carry the build's date
(``SOURCE_DATE_EPOCH``) and the PDF's identifier is a hash of its HTML.
"""

from __future__ import annotations

import calendar
import contextlib
import functools
import hashlib
import logging
import math
import os
import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mantelkaart.core.presentation import dutch_date, page_url
from mantelkaart.finder.cards import card
from mantelkaart.referrals.leaflet_estimate import Estimate
from mantelkaart.referrals.leaflets import OTHER, Leaflet, municipality_leaflets, respite_form_leaflets

if TYPE_CHECKING:
    from mantelkaart.core.catalogue import Catalogue
    from mantelkaart.site.site_output import OutputFile, SiteContext

MAX_PAGES = 2
MOST = 40  # services tried on one folder at most (about 18 fit on two pages)
log = logging.getLogger(__name__)

FONT_FILES = "@fontsource/atkinson-hyperlegible/files"


def chosen(leaflet: Leaflet, budget: int) -> list[tuple[str, list[Any]]]:
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


def address_of(leaflet: Leaflet, site_url: str) -> str:
    """The page on the site the folder points to (relative when the site has no address)."""
    return (site_url.rstrip("/") + "/" if site_url else "") + page_url(leaflet.page)


def render_html(catalogue: Catalogue, leaflet: Leaflet, site_url: str, budget: int) -> str:
    """The folder's HTML with at most ``budget`` services (its style is :func:`stylesheet`)."""
    from mantelkaart.site.pages import ENVIRONMENT

    address = address_of(leaflet, site_url)
    groups = [(h, [(o, card(catalogue, o)) for o in items]) for h, items in chosen(leaflet, budget)]
    left_out = sum(len(items) for _, items in leaflet.groups) - sum(len(items) for _, items in groups)
    return ENVIRONMENT.get_template("leaflet.html").render(
        leaflet=leaflet,
        groups=groups,
        left_out=left_out,
        regulations=leaflet.regulations[:8],
        consultant=catalogue.consultant(list(leaflet.area) or None),
        address=address,
        qr=qr_code(address) if site_url else "",
        config=catalogue.config,
    )


def stylesheet(catalogue: Catalogue, fonts: Path | None) -> str:
    """The folders' CSS: the same for every folder of a build, so it is parsed once."""
    from markupsafe import Markup

    from mantelkaart.site.pages import ENVIRONMENT

    footer = f"{catalogue.config.region} · {dutch_date(catalogue.today)}"
    return ENVIRONMENT.get_template("leaflet.css").render(  # CSS, not HTML: escaped as CSS strings
        fonts={
            weight: Markup(css_string(f"{fonts.as_uri()}/atkinson-hyperlegible-latin-{weight}-normal.woff"))
            for weight in (400, 700)
        }
        if fonts is not None
        else {},
        footer=Markup(css_string(footer)),
    )


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: quotes, backslashes and line breaks escaped."""
    return '"' + re.sub(r'["\\\n\r\f]', lambda m: f"\\{ord(m.group()):x} ", text) + '"'


@functools.lru_cache(maxsize=8)
def qr_code(address: str) -> str:
    """A QR code to ``address``: a PNG of one pixel per module (drawn without smoothing, so
    its edges stay sharp at any size)."""
    import segno

    return str(segno.make(address, error="m").png_data_uri(scale=1, border=2))


def load_weasyprint() -> None:
    """Import WeasyPrint (ImportError or OSError when Pango is missing).

    WeasyPrint opens each system library by trying up to six names; for every name that the
    dynamic loader does not know, cffi asks ``ctypes.util.find_library``, which on Linux
    starts ``ldconfig -p`` (and gcc and ld where they are installed): 22 look-ups, 0.2 s on a
    quiet machine and a second on a busy one, as much as the folders of a small site take.
    On Linux the names that work are the sonames (``libpango-1.0.so.0``), which the loader
    finds itself, so the look-up is skipped while WeasyPrint loads; if that fails, WeasyPrint
    is imported the usual way."""
    import ctypes.util
    import sys

    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint

        return
    find_library = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint
    except OSError:
        ctypes.util.find_library = find_library
        import weasyprint  # noqa: F401
    finally:
        ctypes.util.find_library = find_library


def fetcher(fonts: Path | None) -> Any:
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


def font_folder(config_dir: Path) -> Path | None:
    from mantelkaart.site.frontend import FrontendError, node_modules

    try:
        return (
            node_modules(config_dir, f"{FONT_FILES}/atkinson-hyperlegible-latin-400-normal.woff") / FONT_FILES
        )
    except FrontendError:
        return None  # the PDF viewer's sans-serif: still readable, still no outside request


class Press:
    """Prints the folders of one build. Use as a context manager: WeasyPrint keeps the
    ``@font-face`` files in a temporary folder, removed at the end."""

    def __init__(self, catalogue: Catalogue, site_url: str, config_dir: Path) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.catalogue = catalogue
        self.site_url = site_url
        fonts = font_folder(config_dir)
        self.estimate = Estimate(catalogue, fonts)
        self.font_config = FontConfiguration()  # the site's font read once for all folders
        self.fetcher = fetcher(fonts)
        with build_date(catalogue.today):  # the @font-face files are written now: the date in them
            self.style = CSS(
                string=stylesheet(catalogue, fonts), font_config=self.font_config, url_fetcher=self.fetcher
            )

    def __enter__(self) -> Press:
        return self

    def __exit__(self, *exc: object) -> None:
        folder = getattr(self.font_config, "_folder", None)
        if isinstance(folder, Path):
            shutil.rmtree(folder, ignore_errors=True)

    def document(self, html: str) -> Any:
        from weasyprint import HTML

        return HTML(string=html, url_fetcher=self.fetcher).render(
            font_config=self.font_config, stylesheets=[self.style]
        )

    def pdf(self, leaflet: Leaflet) -> bytes:
        """The PDF, at most two pages: as many services as are estimated to fit, shortened by
        what the layout shows is too much until it fits (what is left out is counted on
        paper, and is on the site)."""
        budget = self.estimate.budget(leaflet, chosen, MOST)
        with build_date(self.catalogue.today):  # the same folder from the same records, byte for byte
            while True:
                html = render_html(self.catalogue, leaflet, self.site_url, budget)
                document = self.document(html)
                if len(document.pages) <= MAX_PAGES or budget <= 1:
                    break
                budget = shorter(document, budget)
            identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
            return bytes(document.write_pdf(pdf_identifier=identifier, pdf_tags=True))


def shorter(document: Any, budget: int) -> int:
    """A smaller budget for a document longer than two pages: fewer services by as many as
    the height beyond page two holds (services are about the same height), and one more for
    the line that says how many are left out."""
    from weasyprint.formatting_structure.boxes import BlockBox

    services: list[float] = []
    for page in document.pages:
        outer: dict[int, float] = {}  # a service's outermost box on this page (they come first)
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if isinstance(box, BlockBox) and element is not None and element.get("class") == "offer":
                outer.setdefault(id(element), box.margin_height())
        services.extend(outer.values())
    if not services:
        return 1
    beyond = sum(page._page_box.children[0].margin_height() for page in document.pages[MAX_PAGES:])
    fewer = math.ceil(beyond / (sum(services) / len(services))) + 1
    return max(1, min(budget, len(services)) - fewer)


@contextlib.contextmanager
def build_date(day: date) -> Iterator[None]:
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
    from mantelkaart.site.site_output import OutputFile

    if not catalogue.config.folders:
        return
    try:
        load_weasyprint()  # needs Pango from the system
    except (ImportError, OSError) as error:
        log.warning(
            "De PDF-folders zijn niet gemaakt: WeasyPrint kan hier niet werken (%s). Installeer "
            "libpango-1.0-0 en libpangoft2-1.0-0, of zet 'folders: false' in mkdocs.yml.",
            str(error).splitlines()[0][:120],
        )
        return
    with Press(catalogue, context.site_url, context.config_dir) as press:
        for leaflet in (*municipality_leaflets(catalogue), *respite_form_leaflets(catalogue)):
            yield OutputFile(leaflet.path, press.pdf(leaflet))
