"""The finder's facets: which values each service has, as small numbers, and their labels.

The browser filters and counts with these codes (``finder.js``); the labels are
stored once. A facet's key is also its name in the URL and in the form
(``?doelgroep=nah&omgeving=buitenshuis``), so a link reproduces a view and the form
works as a plain GET form.

One facet per concept. "Soort hulp" (``hulp``) holds the respite forms first, then the
other kinds of support (the function ``respijtzorg`` itself only for a respite service
without a form, as "Andere respijtzorg"), so "respite" is not asked twice. "Kosten"
(``kosten``) holds the derived classes "Gratis" and "Met eigen bijdrage of eigen kosten",
then the payers that are not the visitor (Wmo, zorgverzekering, pgb, …): one "Gratis",
with one count. "Indicatie of verwijzing" (``indicatie``): "Zonder indicatie", who gives
the one needed (gemeente, CIZ, …), "Soms een indicatie".

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
* ``verzekerd`` (insured): ``zvw`` or ``aanvullende-verzekering`` is among the payers
  (in the facet, these payers are values of their own).

A service paid only through a ``pgb`` is in none of the three; the payer value "pgb"
still finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.indication import FACET as FACET_LABELS

FREE_PAYERS = frozenset({"gratis", "gemeentelijke-regeling", "jeugdwet"})
OWN_COSTS = "eigen-kosten"
CONTRIBUTION_LAWS = frozenset({"wmo", "wlz"})  # laws that charge an own contribution (CAK)
CONTRIBUTION_PAYERS = CONTRIBUTION_LAWS | {OWN_COSTS}
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
    if payers & FREE_PAYERS and not cost.own_contribution and OWN_COSTS not in payers:
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
    when: bool = False  # shown unfolded under "Wanneer", beside "Nu open"


def _vocabulary_facet(
    catalogue: Catalogue, key: str, legend: str, vocabulary: str, codes: Callable[[Offer], list[str]]
) -> Facet:
    terms = catalogue.vocabularies[vocabulary].terms
    return Facet(key, legend, [(term_id, term.label) for term_id, term in terms.items()], codes)


RESPITE = "respijtzorg"  # the function of which the respite forms are the kinds
OTHER_RESPITE = "Andere respijtzorg"


def _kind_of_help(catalogue: Catalogue) -> Facet:
    """Respite forms, then the other functions: one facet for "what kind of help"."""
    forms = [(form_id, form.name) for form_id, form in catalogue.respite_forms.items()]
    functions = catalogue.vocabularies["functies"].terms
    # A function's value is its id, unless a respite form has that id.
    value_of = {
        function_id: f"functie-{function_id}" if function_id in catalogue.respite_forms else function_id
        for function_id in functions
        if function_id != RESPITE
    }
    others = [(value, functions[function_id].label) for function_id, value in value_of.items()]

    def codes(offer: Offer) -> list[str]:
        service = offer.service
        form = service.respite_form if service.respite_form in catalogue.respite_forms else None
        values = [form] if form else []
        if RESPITE in service.functions and not form:
            values.append(RESPITE)
        return values + [value_of[f] for f in service.functions if f in value_of]

    return Facet("hulp", "Soort hulp", [*forms, (RESPITE, OTHER_RESPITE), *others], codes)


def sections(
    catalogue: Catalogue, facet: Facet, values: list[tuple[str, str]]
) -> list[tuple[str, list[int]]]:
    """The facet's values (numbers in ``values``) under a heading each, for the form: in
    "Soort hulp" the kinds of respite care apart from the other help; one untitled section
    in the other facets."""
    if facet.key != "hulp":
        return [("", list(range(len(values))))]
    respite = [
        n for n, (value, _) in enumerate(values) if value in catalogue.respite_forms or value == RESPITE
    ]
    others = [n for n in range(len(values)) if n not in respite]
    label = catalogue.vocabularies["functies"].label(RESPITE)
    return [(heading, numbers) for heading, numbers in ((label, respite), ("Andere hulp", others)) if numbers]


def _cost(catalogue: Catalogue) -> Facet:
    """The derived cost classes, then who pays besides the visitor: one facet for "cost"."""
    payers = catalogue.vocabularies["financiering"].terms
    classes = [(class_id, COST_CLASSES[class_id]) for class_id in ("gratis", "eigen-bijdrage")]
    others = [(payer, term.label) for payer, term in payers.items() if payer not in ("gratis", OWN_COSTS)]
    known = {payer for payer, _ in others}

    def codes(offer: Offer) -> list[str]:
        derived = [c for c in cost_classes(offer) if c != "verzekerd"]
        return derived + [payer for payer in offer.service.cost.paid_by if payer in known]

    return Facet("kosten", "Kosten en wie betaalt", [*classes, *others], codes)


# Keys of facets now merged into another, still read from old links (finder.js FORMER_KEYS).
FORMER_KEYS = ("vorm", "functie", "betaald")
NO_INDICATION, SOMETIMES = "nee", "soms"


def _indication(catalogue: Catalogue) -> Facet:
    """ "Zonder indicatie" first, then who gives the one needed, then "soms". A service
    without the field is in no value (nothing is known), so counts agree with the list."""
    assessors = catalogue.vocabularies["indicatie"].terms
    values = [(NO_INDICATION, FACET_LABELS[NO_INDICATION])]
    values += [(assessor, f"Indicatie van {who(term.label)}") for assessor, term in assessors.items()]
    values.append((SOMETIMES, FACET_LABELS[SOMETIMES]))

    def codes(offer: Offer) -> list[str]:
        indication = offer.service.indication
        if indication is None:
            return []
        return list(indication.by) if indication.needed == "ja" else [indication.needed]

    return Facet("indicatie", "Indicatie of verwijzing", values, codes)


WHEN = "wanneer"
WEEKEND = "weekend"
WEEKEND_DAYS = frozenset({"za", "zo"})


def _when() -> Facet:
    """ "Ook in het weekend": the services whose opening hours name a Saturday or Sunday.
    A service without opening hours is in no value (nothing is known about its days)."""

    def codes(offer: Offer) -> list[str]:
        hours = offer.service.hours
        if hours is None or not any(WEEKEND_DAYS & set(span.days) for span in hours.spans):
            return []
        return [WEEKEND]

    return Facet(
        WHEN, "Wanneer", [(WEEKEND, "Ook in het weekend, volgens de openingstijden")], codes, when=True
    )


def who(label: str) -> str:
    """'De gemeente (Wmo)' as it reads within a sentence: 'de gemeente (Wmo)'."""
    return label[:1].lower() + label[1:] if label.startswith(("De ", "Het ")) else label


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
        _kind_of_help(catalogue),
        _vocabulary_facet(
            catalogue, "doelgroep", "Voor wie", "doelgroepen", lambda o: o.service.target_groups
        ),
        _vocabulary_facet(catalogue, "omgeving", "Waar", "omgevingen", lambda o: [o.service.setting]),
        _when(),
        _cost(catalogue),
        _indication(catalogue),
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
    numbers a span (see :func:`opening_spans`). ``closed`` lists the temporarily closed
    services and ``local`` the pairs of :func:`local_pairs`: ``finder.js`` orders with them
    (active first, then the chosen municipality's own services).
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
        "version": 3,
        "count": len(offers),
        "facets": described,
        "columns": columns,
        "hours": ragged(hours),
        "closed": [n for n, offer in enumerate(offers) if offer.service.status == "tijdelijk-gesloten"],
        "local": local_pairs(catalogue, offers),
    }


def local_pairs(catalogue: Catalogue, offers: list[Offer]) -> list[int]:
    """[service, municipality value, …]: services at home in a municipality they share with
    others, because one of their locations is in its town (a service for that municipality
    alone is at home there anyway: ``finder.js`` sees that in the municipality column)."""
    number = {name.casefold(): n for n, (_, name) in enumerate(catalogue.config.municipalities.items())}
    ids = list(catalogue.config.municipalities)
    pairs = []
    for n, offer in enumerate(offers):
        area = offer.service.area
        if len(area) < 2:
            continue
        towns = {location.city.casefold() for location in offer.locations}
        for code in sorted(number[town] for town in towns if town in number):
            if ids[code] in area:
                pairs += [n, code]
    return pairs
