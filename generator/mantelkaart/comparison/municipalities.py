"""Municipalities side by side: what each offers caregivers, where the gaps are, how fresh.

Policy makers compare what residents of each municipality can use. One definition of
"available to residents of" serves the whole site: a service that is not stopped and whose
area holds the municipality or the whole country (``Offer.serves``), counted the way the
finder counts it: a row is a set of values of one finder facet, and a cell links to the
finder with exactly those choices, so the two always agree.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.finder.facets import RESPITE, Facet, facets
from mantelkaart.site.page_kinds import finder_offers

# The target groups the sources name as main ones, in this order (those the site knows).
MAIN_GROUPS = (
    "dementie",
    "nah",
    "ggz",
    "verstandelijke-beperking",
    "kinderen-met-beperking",
    "jonge-mantelzorgers",
    "werkende-mantelzorgers",
)


@dataclass(frozen=True)
class Row:
    section: str  # "Soort ondersteuning", "Vormen van respijtzorg", "Voor wie"
    key: str  # stable id for the open data, e.g. "functie:informatie"
    label: str
    facet: str  # the finder's facet key
    values: tuple[str, ...]  # the finder's values; a service counts if it has any


@dataclass(frozen=True)
class Cell:
    count: int
    link: str  # the finder, with the municipality and this row chosen


def rows(catalogue: Catalogue) -> list[Row]:
    by_key = {facet.key: facet for facet in facets(catalogue)}
    help_values = dict(by_key["hulp"].values)
    result = []
    functions = catalogue.vocabularies["functies"]
    for function_id, term in functions.terms.items():
        if function_id == RESPITE:  # respite in all its forms, and respite without a form
            values = (*catalogue.respite_forms, RESPITE)
        else:
            value = f"functie-{function_id}" if f"functie-{function_id}" in help_values else function_id
            values = (value,)
        result.append(Row("Soort ondersteuning", f"functie:{function_id}", term.label, "hulp", values))
    for form_id, form in sorted(catalogue.respite_forms.items(), key=lambda item: item[1].name.casefold()):
        result.append(Row("Vormen van respijtzorg", f"respijtvorm:{form_id}", form.name, "hulp", (form_id,)))
    groups = catalogue.vocabularies["doelgroepen"]
    for group in MAIN_GROUPS:
        if group in groups:
            result.append(Row("Voor wie", f"doelgroep:{group}", groups.label(group), "doelgroep", (group,)))
    return result


def _finder_link(municipality: str, row: Row) -> str:
    return "zoeken/?" + urlencode([("gemeente", municipality), *((row.facet, v) for v in row.values)])


def matrix(catalogue: Catalogue) -> dict[str, dict[str, Cell]]:
    """``matrix[row.key][municipality]``: the services residents can use, as the finder counts."""
    by_key: dict[str, Facet] = {facet.key: facet for facet in facets(catalogue)}
    offers = finder_offers(catalogue)
    municipalities = list(catalogue.config.municipalities)
    # Whom each service serves, worked out once (Offer.serves for every municipality).
    served = [municipalities if NATIONWIDE in o.service.area else set(o.service.area) for o in offers]
    codes = {key: [set(by_key[key].codes(offer)) for offer in offers] for key in ("hulp", "doelgroep")}
    result: dict[str, dict[str, Cell]] = {}
    for row in rows(catalogue):
        wanted = set(row.values)
        counts = Counter(m for i, found in enumerate(codes[row.facet]) if found & wanted for m in served[i])
        result[row.key] = {m: Cell(counts[m], _finder_link(m, row)) for m in municipalities}
    return result


@dataclass(frozen=True)
class Figures:
    """Gaps and freshness of one municipality, for a council letter."""

    functions_covered: int
    functions_total: int
    forms_covered: int
    forms_total: int
    services: int
    not_verified: int  # services not verified within the site's stale period


def figures(catalogue: Catalogue, cells: dict[str, dict[str, Cell]], months: int) -> dict[str, Figures]:
    result = {}
    limit = _months_before(catalogue.today, months)
    all_rows = rows(catalogue)
    function_rows = [r.key for r in all_rows if r.key.startswith("functie:")]
    form_rows = [r.key for r in all_rows if r.key.startswith("respijtvorm:")]
    offers = finder_offers(catalogue)
    for municipality in catalogue.config.municipalities:
        serving = [offer for offer in offers if offer.serves(municipality)]
        result[municipality] = Figures(
            sum(1 for key in function_rows if cells[key][municipality].count),
            len(function_rows),
            sum(1 for key in form_rows if cells[key][municipality].count),
            len(form_rows),
            len(serving),
            sum(1 for offer in serving if offer.verified.on < limit),
        )
    return result


def _months_before(day: date, months: int) -> date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


def fingerprints(catalogue: Catalogue) -> dict[str, list[Any]]:
    """Each service the finder knows: a hash of its record (without its verification date)
    and its area. The next build compares them to say, per municipality, what is new,
    stopped or changed; stored once per service, not once per municipality."""
    return {offer.key: [_digest(offer), list(offer.service.area)] for offer in finder_offers(catalogue)}


def _digest(offer: Offer) -> str:
    data = offer.service.model_dump_json(exclude={"verified"})  # serialised in Rust: fast
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]


def serving(prints: dict[str, list[Any]], municipality: str) -> dict[str, str]:
    """The fingerprints of the services residents of ``municipality`` can use."""
    return {
        key: value[0]
        for key, value in prints.items()
        if isinstance(value, list)
        and len(value) == 2
        and (municipality in value[1] or NATIONWIDE in value[1])
    }


@dataclass(frozen=True)
class Changes:
    new: list[str]
    stopped: list[str]
    changed: list[str]


def changes(before: dict[str, str] | None, now: dict[str, str]) -> Changes | None:
    if before is None:
        return None
    return Changes(
        sorted(k for k in now if k not in before),
        sorted(k for k in before if k not in now),
        sorted(k for k in now if k in before and before[k] != now[k]),
    )


# -- regulations side by side ---------------------------------------------------------

KINDS_OF_SCHEME = (
    ("waardering", "Mantelzorgwaardering"),
    ("respijt", "Respijtzorg"),
    ("overig", "Parkeren en andere regelingen"),
)


def scheme_kind(regulation: Any) -> str:
    if "mantelzorgwaardering" in regulation.functions:
        return "waardering"
    if regulation.respite_forms or RESPITE in regulation.functions:
        return "respijt"
    return "overig"


def schemes(catalogue: Catalogue) -> dict[str, dict[str, list[tuple[str, Any]]]]:
    """``schemes[kind][municipality]``: the regulations that hold today, as (id, record)."""
    result: dict[str, dict[str, list[tuple[str, Any]]]] = {kind: {} for kind, _ in KINDS_OF_SCHEME}
    for municipality in catalogue.config.municipalities:
        for kind, _ in KINDS_OF_SCHEME:
            result[kind][municipality] = []
        for regulation_id, regulation in catalogue.regulations_in(municipality):
            result[scheme_kind(regulation)][municipality].append((regulation_id, regulation))
    return result
