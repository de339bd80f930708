"""The comparison page (/gemeenten/vergelijk/) and its open data (CSV and JSON).

The figures come from :mod:`mantelkaart.comparison.municipalities`; this module turns them into a page
that works without JavaScript and prints, and into files for a council letter or a
spreadsheet, with the municipalities' CBS codes where the site gives them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mantelkaart.comparison.municipalities import (
    KINDS_OF_SCHEME,
    Changes,
    changes,
    figures,
    fingerprints,
    matrix,
    rows,
    schemes,
    serving,
)
from mantelkaart.core.catalogue import Catalogue
from mantelkaart.site.cells import RISKY, safe_cell
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page

if TYPE_CHECKING:
    from mantelkaart.site.site_output import OutputFile, SiteContext

PAGE = "gemeenten/vergelijk.md"
CSV_FILE = "open-data/gemeenten-vergelijking.csv"
JSON_FILE = "open-data/gemeenten-vergelijking.json"
SCRIPT = "assets/mantelkaart/vergelijk.js"


def previous_fingerprints(previous_site: Path | None) -> dict[str, list[Any]] | None:
    """The fingerprints the previous build published, or None (no previous build here)."""
    if previous_site is None:
        return None
    try:
        data = json.loads((previous_site / JSON_FILE).read_text(encoding="utf-8"))
        found = data["vingerafdrukken"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def comparison_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Page | OutputFile]:
    from mantelkaart.site.site_output import OutputFile

    config = catalogue.config
    if not config.municipalities:
        return
    cells = matrix(catalogue)
    numbers = figures(catalogue, cells, config.stale_after_months)
    now = fingerprints(catalogue)
    before = previous_fingerprints(context.previous_site)
    changed: dict[str, Changes | None] = {
        m: changes(serving(before, m) if before is not None else None, serving(now, m))
        for m in config.municipalities
    }
    offers = {offer.key: offer for offer in catalogue.offers}
    body = PageMaker(catalogue, context.site_url).render(
        "comparison.html",
        PAGE,
        rows=rows(catalogue),
        cells=cells,
        figures=numbers,
        changed=changed,
        offers=offers,
        schemes=schemes(catalogue),
        kinds=KINDS_OF_SCHEME,
        today=catalogue.today,
        script=SCRIPT,
    )
    yield Page(PAGE, "Gemeenten vergelijken", body, "Wat elke gemeente mantelzorgers biedt, naast elkaar.")
    yield OutputFile(CSV_FILE, csv_text(catalogue, cells).encode("utf-8-sig"))
    yield OutputFile(JSON_FILE, json_text(catalogue, cells, numbers, now))
    from importlib import resources

    yield OutputFile(
        SCRIPT, (resources.files("mantelkaart") / "assets" / "vergelijk.js").read_text(encoding="utf-8")
    )


def _code(catalogue: Catalogue, municipality: str) -> str:
    return catalogue.config.cbs_codes.get(municipality, "")


def csv_text(catalogue: Catalogue, cells: dict[str, Any]) -> str:
    """One row per municipality and row of the matrix: long format, easy to pivot."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Gemeente", "CBS-code", "Onderdeel", "Rij", "Aantal diensten", "Datum"])
    for row in rows(catalogue):
        for municipality, name in catalogue.config.municipalities.items():
            cell = cells[row.key][municipality]
            values = [name, _code(catalogue, municipality), row.section, row.label, str(cell.count)]
            values.append(catalogue.today.isoformat())
            writer.writerow([safe_cell(v) if v[:1] in RISKY else v for v in values])
    return buffer.getvalue()


def json_text(catalogue: Catalogue, cells: dict[str, Any], numbers: dict[str, Any], now: Any) -> str:
    config = catalogue.config
    data = {
        "datum": catalogue.today.isoformat(),
        "regio": config.region,
        "uitleg": "Aantal diensten die inwoners van de gemeente kunnen gebruiken (niet gestopt; "
        "werkgebied de gemeente of heel Nederland), geteld zoals Zoeken telt.",
        "gemeenten": [
            {"id": m, "naam": name, "cbs_code": _code(catalogue, m) or None}
            for m, name in config.municipalities.items()
        ],
        "rijen": [
            {
                "id": row.key,
                "onderdeel": row.section,
                "naam": row.label,
                "aantallen": {m: cells[row.key][m].count for m in config.municipalities},
            }
            for row in rows(catalogue)
        ],
        "cijfers": {m: vars(numbers[m]) for m in config.municipalities},
        "vingerafdrukken": now,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
