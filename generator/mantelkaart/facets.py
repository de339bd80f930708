"""The finder's facets: which values each service has, as small numbers, and their labels.

The browser filters and counts with these codes (``finder.js``); the labels are
stored once. A facet's key is also its name in the URL and in the form
(``?doelgroep=nah&omgeving=buitenshuis``), so a link reproduces a view and the form
works as a plain GET form.

Cost is derived, because editors record *who pays* (``kosten.betaald_door``) and
*what you pay yourself* (``kosten.eigen_bijdrage``), not a price class. A service
can be in more than one cost class (the municipality pays 48 hours, after that the
insurance):

* ``gratis`` (free): someone pays who does not charge the visitor — ``gratis``,
  ``gemeentelijke-regeling`` or ``jeugdwet`` (no parental contribution since 2016)
  is among the payers — and there is no ``eigen_bijdrage`` and no ``eigen-kosten``;
* ``eigen-bijdrage`` (own contribution): ``eigen_bijdrage`` is filled in, or
  ``eigen-kosten`` is among the payers, or ``wmo`` or ``wlz`` is (both laws charge an
  income-dependent contribution through the CAK);
* ``verzekerd`` (insured): ``zvw`` or ``aanvullende-verzekering`` is among the payers.

A service paid only through a ``pgb`` is in none of the three; the facet "Wie
betaalt" still finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mantelkaart.catalogue import Catalogue, Offer
from mantelkaart.config import NATIONWIDE

FREE_PAYERS = frozenset({"gratis", "gemeentelijke-regeling", "jeugdwet"})
CONTRIBUTION_PAYERS = frozenset({"eigen-kosten", "wmo", "wlz"})
INSURERS = frozenset({"zvw", "aanvullende-verzekering"})
COST_CLASSES = {
    "gratis": "Gratis",
    "eigen-bijdrage": "Met eigen bijdrage of eigen kosten",
    "verzekerd": "Vergoed door de zorgverzekering",
}
DAY_BITS = {"ma": 1, "di": 2, "wo": 4, "do": 8, "vr": 16, "za": 32, "zo": 64}
NATIONWIDE_CODE = -1  # in the municipality column: the service is for all of the Netherlands


def cost_classes(offer: Offer) -> list[str]:
    """The derived cost classes of a service (see the module documentation)."""
    cost = offer.service.cost
    payers = set(cost.paid_by)
    classes = []
    if payers & FREE_PAYERS and not cost.own_contribution and "eigen-kosten" not in payers:
        classes.append("gratis")
    if cost.own_contribution or payers & CONTRIBUTION_PAYERS:
        classes.append("eigen-bijdrage")
    if payers & INSURERS:
        classes.append("verzekerd")
    return classes


@dataclass(frozen=True)
class Facet:
    key: str  # URL and form name
    legend: str  # Dutch, shown to the visitor
    values: list[tuple[str, str]]  # (id, label) in display order
    codes: Callable[[Offer], list[str]]  # the value ids of one service
    single: bool = False  # one value at a time (a select instead of checkboxes)


def _vocabulary_facet(
    catalogue: Catalogue, key: str, legend: str, vocabulary: str, codes: Callable[[Offer], list[str]]
) -> Facet:
    terms = catalogue.vocabularies[vocabulary].terms
    return Facet(key, legend, [(term_id, term.label) for term_id, term in terms.items()], codes)


def facets(catalogue: Catalogue) -> list[Facet]:
    """Every facet with all its possible values (the finder shows those that occur)."""
    config = catalogue.config
    return [
        Facet(
            "gemeente",
            "Waar woont de persoon voor wie u zorgt?",
            list(config.municipalities.items()),
            lambda o: list(o.service.area),
            single=True,
        ),
        Facet(
            "vorm",
            "Soort respijtzorg",
            [(form_id, form.name) for form_id, form in catalogue.respite_forms.items()],
            lambda o: [o.service.respite_form] if o.service.respite_form else [],
        ),
        _vocabulary_facet(catalogue, "functie", "Soort hulp", "functies", lambda o: o.service.functions),
        _vocabulary_facet(
            catalogue, "doelgroep", "Voor wie", "doelgroepen", lambda o: o.service.target_groups
        ),
        _vocabulary_facet(catalogue, "omgeving", "Waar", "omgevingen", lambda o: [o.service.setting]),
        Facet("kosten", "Kosten", list(COST_CLASSES.items()), cost_classes),
        _vocabulary_facet(
            catalogue, "betaald", "Wie betaalt", "financiering", lambda o: o.service.cost.paid_by
        ),
        _vocabulary_facet(catalogue, "toegang", "Hoe komt u eraan", "toegang", lambda o: o.service.access),
        _vocabulary_facet(catalogue, "taal", "Taal", "talen", lambda o: o.service.languages),
    ]


def used_values(facet: Facet, offers: list[Offer]) -> list[tuple[str, str]]:
    """The facet's values that at least one service has (all municipalities always)."""
    if facet.key == "gemeente":
        return facet.values
    used = {code for offer in offers for code in facet.codes(offer)}
    return [(value_id, label) for value_id, label in facet.values if value_id in used]


def opening_spans(offer: Offer) -> list[list[int]]:
    """[[days bit mask, start minute, end minute], …]; empty when closed or unknown."""
    service = offer.service
    if service.status != "actief" or service.hours is None:
        return []
    spans = []
    for span in service.hours.spans:
        mask = sum(DAY_BITS[day] for day in set(span.days))
        spans.append([mask, _minutes(span.start), _minutes(span.end)])
    return spans


def _minutes(time: str) -> int:
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)


def ragged(lists: list[list[int]]) -> dict[str, list[int]]:
    """Lists of numbers as two flat lists: each list's length, and all numbers in a row.

    The browser reads two long lists of numbers much faster than 10,000 short ones.
    """
    return {"sizes": [len(numbers) for numbers in lists], "values": [n for numbers in lists for n in numbers]}


def unragged(column: dict[str, list[int]]) -> list[list[int]]:
    """The lists that :func:`ragged` flattened."""
    lists, start = [], 0
    for size in column["sizes"]:
        lists.append(column["values"][start : start + size])
        start += size
    return lists


def facet_data(catalogue: Catalogue, offers: list[Offer]) -> dict[str, object]:
    """The finder's facet file: labels once, then one column of codes per facet.

    ``columns[key]`` holds, for service ``i`` (its position in ``offers``, which is also
    its reference in the search index and ``data-i`` in the page), the numbers of its
    values of that facet, as :func:`ragged` lists. In the municipality column, ``-1``
    means nationwide. ``hours`` holds each service's opening spans the same way, three
    numbers a span (see :func:`opening_spans`).
    """
    described = []
    columns: dict[str, dict[str, list[int]]] = {}
    for facet in facets(catalogue):
        values = used_values(facet, offers)
        number = {value_id: n for n, (value_id, _) in enumerate(values)}
        if facet.key == "gemeente":
            number[NATIONWIDE] = NATIONWIDE_CODE
        described.append({"key": facet.key, "legend": facet.legend, "values": values})
        columns[facet.key] = ragged(
            [sorted({number[code] for code in facet.codes(offer) if code in number}) for offer in offers]
        )
    hours = [[n for span in opening_spans(offer) for n in span] for offer in offers]
    return {
        "version": 2,
        "count": len(offers),
        "facets": described,
        "columns": columns,
        "hours": ragged(hours),
    }
