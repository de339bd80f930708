"""The finder's search index: lunr indexes built at build time, searched in the browser.

Two lunr indexes, built with the Python ``lunr`` package and the Dutch pipeline of
:mod:`mantelkaart.dutch`:

* **services**: one document per service with its own words — name (boost 10),
  provider (3), summary (2) and the towns of its locations (1);
* **terms**: one document per facet value (a target group, kind of help, respite
  form, setting, payer, access route, language, cost class or municipality) with
  the words people search with: its label, the ``synoniemen`` of the vocabulary term
  (editors extend them in the site's ``vocabularies/``) and, for a respite form, its
  name and ``ook_bekend_als``.

The browser matches each search word in both. A match in the terms index counts for
every service with that value (the facet file says which), so "alzheimer" finds all
dementia services and "logeren" all logeeropvang, though their text lacks the word,
and every service does not have to repeat those words: 10,000 services index in a
third of the postings.

References are numbers: a service's position in the finder's list (as in the facet
file and ``data-i`` in the page); a term's position in ``term_refs``, which names its
facet and value number. Both indexes are lunr's own serialization, loaded in the browser
with ``lunr.Index.load``: no text is analysed and no score computed there.
"""

from __future__ import annotations

from typing import Any

from mantelkaart import dutch
from mantelkaart.catalogue import Catalogue, Offer
from mantelkaart.facets import Facet, facets, used_values

# (field, boost): a match in the name counts most.
SERVICE_FIELDS = (("naam", 10), ("aanbieder", 3), ("samenvatting", 2), ("plaats", 1))
TERM_FIELDS = (("woorden", 1),)
# Facet key → the vocabulary whose synonyms belong to its values.
VOCABULARIES = {
    "functie": "functies",
    "doelgroep": "doelgroepen",
    "omgeving": "omgevingen",
    "betaald": "financiering",
    "toegang": "toegang",
    "taal": "talen",
}


def service_document(offer: Offer) -> dict[str, list[str]]:
    """The fields of one service, already turned into index terms (see :mod:`mantelkaart.dutch`)."""
    towns = " ".join(dict.fromkeys(location.city for location in offer.locations))
    return {
        "naam": dutch.terms(offer.service.name),
        "aanbieder": dutch.terms(offer.provider.name),
        "samenvatting": dutch.terms(offer.service.summary),
        "plaats": dutch.terms(towns),
    }


def value_words(catalogue: Catalogue, facet: Facet, value_id: str, label: str) -> list[str]:
    """The label of a facet value and the other words people use for it."""
    words = [label]
    if facet.key in VOCABULARIES:
        term = catalogue.vocabularies[VOCABULARIES[facet.key]].terms.get(value_id)
        if term:
            words += term.synonyms
    if facet.key == "vorm":
        form = catalogue.respite_forms[value_id]
        words += [form.name, *form.aliases]
    return words


def term_documents(catalogue: Catalogue, offers: list[Offer]) -> tuple[list[list[str]], list[list[Any]]]:
    """The terms index's documents (their words as index terms) and, per document, [facet, value number]."""
    documents: list[list[str]] = []
    refs: list[list[Any]] = []
    for facet in facets(catalogue):
        for number, (value_id, label) in enumerate(used_values(facet, offers)):
            words = " ".join(dict.fromkeys(value_words(catalogue, facet, value_id, label)))
            documents.append(dutch.terms(words))
            refs.append([facet.key, number])
    return documents, refs


def _build(fields: tuple[tuple[str, int], ...], documents: list[dict[str, list[str]]]) -> dict[str, Any]:
    """A serialized lunr index (lunr.js 2.3.9's format) of ``documents``, numbered from 0."""
    builder = dutch.builder()
    builder.ref("i")
    for name, boost in fields:
        builder.field(name, boost=boost)
    for ref, fields_of_document in enumerate(documents):
        builder.add({"i": str(ref), **fields_of_document})
    serialized: dict[str, Any] = builder.build().serialize()
    return serialized


def search_index(catalogue: Catalogue, offers: list[Offer]) -> dict[str, Any]:
    """Both indexes of the finder, as ``lunr.Index.load`` in lunr.js reads them."""
    words, refs = term_documents(catalogue, offers)
    return {
        "version": 3,
        "services": _build(SERVICE_FIELDS, [service_document(offer) for offer in offers]),
        "terms": _build(TERM_FIELDS, [{"woorden": document} for document in words]),
        "term_refs": refs,
    }
