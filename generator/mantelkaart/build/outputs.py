"""Everything the site is made of besides hand-written pages, as a list of outputs.

Pages are Markdown sources (rendered by the theme); files are written as they
are (stylesheets, scripts, JSON data, exports). Features add a producer to
``PRODUCERS``; the MkDocs plugin (or any other renderer) only iterates. The producers take
their types from ``site/site_output.py``, never from here, so that no producer imports this list.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from mantelkaart.comparison.page import comparison_outputs
from mantelkaart.core.catalogue import Catalogue
from mantelkaart.editors.cms import cms_outputs
from mantelkaart.editors.json_schema import schema_outputs
from mantelkaart.editors.reference import reference_html
from mantelkaart.editors.report import report_outputs
from mantelkaart.finder.page import finder_outputs
from mantelkaart.keuzehulp.page import guide_outputs
from mantelkaart.opendata.exports import open_data
from mantelkaart.referrals.leaflet_press import leaflet_outputs
from mantelkaart.referrals.referrers import referrer_outputs
from mantelkaart.referrals.saved_list import saved_list_outputs
from mantelkaart.site.look import look_outputs
from mantelkaart.site.maps import map_outputs
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Output, OutputFile, Page, Producer, SiteContext

STYLESHEET = "assets/mantelkaart/mantelkaart.css"


def record_pages(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    yield from PageMaker(catalogue, context.site_url).pages()


def field_reference(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    yield Page(
        "redactie/velden.md",
        "Alle velden",
        reference_html(catalogue.vocabularies),
        "Elk veld van elk record, met uitleg en voorbeeld.",
        in_search=False,  # an editors' page: out of the public search (issue 11)
    )


def stylesheet(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    css = (resources.files("mantelkaart") / "assets" / "mantelkaart.css").read_text(encoding="utf-8")
    yield OutputFile(STYLESHEET, css)


PRODUCERS: list[Producer] = [
    record_pages,
    field_reference,
    stylesheet,
    look_outputs,
    guide_outputs,
    finder_outputs,
    map_outputs,
    schema_outputs,
    cms_outputs,
    report_outputs,
    open_data,
    referrer_outputs,
    comparison_outputs,
    saved_list_outputs,
]
# Made on the second core while the pages are rendered; nothing in the build reads them.
BACKGROUND: list[Producer] = [leaflet_outputs]


def site_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    for producer in PRODUCERS:  # the BACKGROUND ones are made beside the renderer (build/background.py)
        yield from producer(catalogue, context)
