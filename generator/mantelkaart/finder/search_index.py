"""The finder's search index: lunr indexes built at build time, searched in the browser.

Two lunr indexes, built with the Python ``lunr`` package and the Dutch pipeline of
:mod:`mantelkaart.finder.dutch`:

* **services**: one document per service with its own words — name (boost 10) and
  summary (2);
* **terms**: one document per facet value (a kind of help or respite form, target group,
  setting, payer or cost class, access route, language or municipality) with the words
  people search with: its label, the ``synoniemen`` of the vocabulary term (editors
  extend them in the site's ``vocabularies/``) and, for a respite form, its name,
  ``ook_bekend_als`` and the words of respite care; and one per group of services
  (:data:`GROUPS`): per provider its name, per town (of the services' locations) its name.

The browser matches each search word in both. A match in the terms index counts for
every service with that value (the facet file says which) or in that group (``groups``
lists them), so "alzheimer" finds all dementia services and "logeren" all logeeropvang,
though their text lacks the word, and every service does not have to repeat those words:
10,000 services index in a fifth of the postings.

References are numbers: a service's position in the finder's list (as in the facet
file and ``data-i`` in the page); a term's position in the refs that ``term_kinds``
unfolds (see :func:`term_kinds`), which names its
facet and value number. Both indexes are built by lunr (Python) and stored in a compact
form of lunr's serialization (:func:`compact`) that ``finder.js`` turns into a
``lunr.Index``: no text is analysed and no score computed there. What makes them quick to
read and load at 10,000 services, without changing a result:

* the postings are one text per term, and the field vectors two flat lists of numbers: the
  browser reads few JSON objects (it costs per object more than per byte), and makes a
  term's postings and a service's vectors only when a query first needs them (the first
  answer touches a few terms and the services that have them, not all 80,000 postings);
* fields have one-letter names (:data:`FIELD_KEYS`): lunr.js keys each field vector
  by "field/ref";
* a field vector's weights are whole numbers: lunr's own (rounded to three decimals)
  times :data:`VECTOR_SCALE`. A score in lunr.js is linear in them, so ``finder.js``
  divides scores by ``vector_scale`` and ranks exactly as with lunr's decimals;
* a posting's metadata is always empty (nothing is whitelisted) and is not stored.

``tests/browser/test_finder_index.py`` proves that lunr.js finds the same, with the same
scores, as with lunr's own serialization.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.finder import dutch
from mantelkaart.finder.compounds import Splitter
from mantelkaart.finder.facets import OWN_COSTS, RESPITE, Facet, facets, ragged, unragged, used_values
from mantelkaart.finder.query import form_words, lemmas, query_data, value_phrases

# (field, boost): a match in the name counts most. The provider's name and the towns are
# documents of the terms index (see GROUPS), so 10,000 services do not repeat them.
SERVICE_FIELDS = (("naam", 10), ("samenvatting", 2), ("tekst", 1))
# Kinds of terms-index documents that stand for a group of services (not a facet value).
GROUPS = ("aanbieder", "plaats")
TERM_FIELDS = (("woorden", 1),)
VECTOR_SCALE = 1000  # lunr rounds the weights to three decimals: no information is lost
# The fields' names in the index: one letter (with 40,000 field vectors, short keys make
# lunr.Index.load about twice as fast).
FIELD_KEYS = {"naam": "n", "aanbieder": "a", "samenvatting": "s", "tekst": "t", "plaats": "p", "woorden": "w"}
# Facet key → the vocabulary whose synonyms belong to its values (see value_words for
# "hulp", whose values are respite forms and functions, and "kosten").
VOCABULARIES = {
    "doelgroep": "doelgroepen",
    "omgeving": "omgevingen",
    "kosten": "financiering",
    "toegang": "toegang",
    "taal": "talen",
}


class Words:
    """Index terms with compounds split and lemmas added (see :mod:`mantelkaart.finder.compounds`
    and :mod:`mantelkaart.finder.query`): "mantelzorgwaardering" also gives "mantelzorg" and
    "waardering" when the index knows both words, "uitjes" also "uitje"."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.lemmas = lemmas()
        vocabulary = {word for text in texts for word in self.words(text)}
        self.splitter = Splitter(vocabulary | set(self.lemmas.values()))

    @staticmethod
    def words(text: str) -> list[str]:
        trimmed = (dutch.trim(token) for token in dutch.tokens(text))
        return [word for word in trimmed if word and word not in dutch.STOP_WORDS]

    def terms(self, text: str) -> list[str]:
        """The terms of ``text``: each word's, then its lemma's and its parts'."""
        return [dutch.stem(word) for word in self.words(text)] + self.extra_terms(text)

    def extra_terms(self, text: str) -> list[str]:
        """Only the terms of the lemmas and compound parts of ``text``'s words."""
        found: list[str] = []
        for word in self.words(text):
            lemma = self.lemmas.get(word)
            if lemma:
                found.append(dutch.stem(lemma))
            for part in self.splitter.parts(word) or ():
                if part not in dutch.STOP_WORDS:
                    found.append(dutch.stem(part))
        return found


def service_texts(offer: Offer) -> dict[str, str]:
    """The text of each field of a service's document: name, summary, and the rest of what
    its page says (description, next step, cost, indicatie, waiting time)."""
    service = offer.service
    rest = [service.description, service.next_step.text, service.cost.own_contribution, service.cost.note]
    rest += [service.indication.note if service.indication else None, service.waiting_time]
    return {"naam": service.name, "samenvatting": service.summary, "tekst": " ".join(filter(None, rest))}


def service_document(offer: Offer, words: Words | None = None) -> dict[str, list[str]]:
    """The fields of one service, already turned into index terms (see :class:`Words`;
    by default compounds split against the service's own words); the long text keeps each
    term once, beside those of the name and summary."""
    texts = service_texts(offer)
    words = words or Words(texts.values())
    document = {
        field: [dutch.stem(word) for word in Words.words(texts[field])] for field in ("naam", "samenvatting")
    }
    seen = {*document["naam"], *document["samenvatting"]}
    # The lemmas and parts of the name's and summary's words count as the long text's: a
    # part ("mantelzorg" of "mantelzorgconsulent") weighs less than a whole word.
    rest = [*words.extra_terms(texts["naam"]), *words.extra_terms(texts["samenvatting"])]
    rest += words.terms(texts["tekst"])
    document["tekst"] = [term for term in dict.fromkeys(rest) if term not in seen]
    return document


def group_members(offers: list[Offer]) -> dict[str, dict[str, list[int]]]:
    """Per kind in :data:`GROUPS`, each group's name and its services' numbers: the services
    of a provider, the services with a location in a town (in order of first appearance)."""
    groups: dict[str, dict[str, list[int]]] = {kind: {} for kind in GROUPS}
    for number, offer in enumerate(offers):
        groups["aanbieder"].setdefault(offer.provider.name, []).append(number)
        for town in dict.fromkeys(location.city for location in offer.locations):
            groups["plaats"].setdefault(town, []).append(number)
    return groups


def value_words(catalogue: Catalogue, facet: Facet, value_id: str, label: str) -> list[str]:
    """The label of a facet value and the other words people use for it.

    A respite form's words are its name, ``ook_bekend_als`` and those of respite care
    itself (the function ``respijtzorg`` is no value of its own when the form is known).
    """
    words = [label]
    vocabulary = VOCABULARIES.get(facet.key)
    if facet.key == "hulp":
        functions = catalogue.vocabularies["functies"].terms
        form = catalogue.respite_forms.get(value_id)
        if form:
            respite = functions.get(RESPITE)
            words += [form.name, *form.aliases, *form_words(value_id)]
            words += [respite.label, *respite.synonyms] if respite else []
        else:
            term = functions.get(value_id.removeprefix("functie-")) or functions.get(value_id)
            words += term.synonyms if term else []
    elif facet.key == "indicatie":
        # Who gives it ("CIZ", "huisarts"); "Zonder indicatie" and "Soms" are no words to search.
        term = catalogue.vocabularies["indicatie"].terms.get(value_id)
        words = [term.label, *term.synonyms] if term else []
    elif vocabulary:
        terms = catalogue.vocabularies[vocabulary].terms
        term = terms.get(OWN_COSTS if value_id == "eigen-bijdrage" and facet.key == "kosten" else value_id)
        if term:
            words += term.synonyms if term.label == label else [term.label, *term.synonyms]
    return words


def term_texts(catalogue: Catalogue, offers: list[Offer]) -> tuple[list[str], list[list[Any]]]:
    """The terms index's documents (their words) and, per document, what it stands for:
    [facet key, value number] or [group kind, group number]."""
    texts: list[str] = []
    refs: list[list[Any]] = []
    for facet in facets(catalogue):
        for number, (value_id, label) in enumerate(used_values(facet, offers)):
            texts.append(" ".join(dict.fromkeys(value_words(catalogue, facet, value_id, label))))
            refs.append([facet.key, number])
    for kind, groups in group_members(offers).items():
        for number, name in enumerate(groups):
            texts.append(name)
            refs.append([kind, number])
    return texts, refs


def term_documents(catalogue: Catalogue, offers: list[Offer]) -> tuple[list[list[str]], list[list[Any]]]:
    """:func:`term_texts` as index terms (compounds split against their own words)."""
    texts, refs = term_texts(catalogue, offers)
    words = Words(texts)
    return [words.terms(text) for text in texts], refs


def _build(fields: tuple[tuple[str, int], ...], documents: list[dict[str, list[str]]]) -> dict[str, Any]:
    """A lunr index of ``documents`` (numbered from 0), serialized by lunr and then made
    compact (:func:`compact`)."""
    builder = dutch.builder()
    builder.ref("i")
    for name, boost in fields:
        builder.field(FIELD_KEYS[name], boost=boost)
    for ref, fields_of_document in enumerate(documents):
        builder.add(
            {"i": str(ref), **{FIELD_KEYS[name]: terms for name, terms in fields_of_document.items()}}
        )
    return compact(builder.build().serialize(), len(documents))


def compact(serialized: dict[str, Any], count: int) -> dict[str, Any]:
    """lunr's serialization of an index of ``count`` documents (refs "0", "1", …) in few
    JSON objects, which ``finder.js`` (``loadIndex``) turns into a ``lunr.Index`` whose
    postings and field vectors are made when a query first needs them:

    * ``terms``: the index's terms, sorted (lunr's token set is built from them);
      ``term_index``: each term's ``_index`` (its position in the field vectors);
    * ``postings``: per term one text: per field (in ``fields`` order, separated by ";")
      the documents with the term, as runs "3807-4583,9358" (metadata is always empty);
    * ``vectors``: the field vectors as :func:`mantelkaart.finder.facets.ragged` lists, one per
      field and document (field by field, ``count`` each; empty when the field is):
      [term index, weight, …] with whole-number weights, lunr's times :data:`VECTOR_SCALE`.

    :func:`lunr_form` gives lunr's serialization back (with the weights as stored).
    """
    fields = serialized["fields"]
    vectors = {ref: elements for ref, elements in serialized["fieldVectors"]}
    cells = [vectors.get(f"{field}/{number}", []) for field in fields for number in range(count)]
    return {
        "version": serialized["version"],
        "fields": fields,
        "pipeline": serialized["pipeline"],
        "count": count,
        "terms": [term for term, _ in serialized["invertedIndex"]],
        "term_index": [posting["_index"] for _, posting in serialized["invertedIndex"]],
        "postings": [
            ";".join(_runs(sorted(int(ref) for ref in posting[field])) for field in fields)
            for _, posting in serialized["invertedIndex"]
        ],
        "vectors": ragged(
            [[round(x * VECTOR_SCALE) if odd else x for odd, x in _alternate(cell)] for cell in cells]
        ),
    }


def _runs(numbers: list[int]) -> str:
    """Sorted numbers as runs: [1, 2, 3, 7] → "1-3,7"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ",".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _numbers(runs: str) -> list[int]:
    """The numbers of :func:`_runs`' text."""
    found: list[int] = []
    for run in filter(None, runs.split(",")):
        first, _, last = run.partition("-")
        found += range(int(first), int(last or first) + 1)
    return found


def lunr_form(index: dict[str, Any]) -> dict[str, Any]:
    """lunr's serialization of a :func:`compact` index (empty metadata as ``{}``, no
    vectors of empty fields, weights as stored): what ``loadIndex`` in ``finder.js`` builds."""
    fields, count = index["fields"], index["count"]
    inverted = []
    for term, position, runs in zip(index["terms"], index["term_index"], index["postings"], strict=True):
        posting: dict[str, Any] = {"_index": position}
        for field, text in zip(fields, runs.split(";"), strict=True):
            posting[field] = {str(number): {} for number in _numbers(text)}
        inverted.append([term, posting])
    cells = unragged(index["vectors"])
    vectors = [
        [f"{field}/{number}", cells[f * count + number]]
        for f, field in enumerate(fields)
        for number in range(count)
        if cells[f * count + number]
    ]
    return {
        "version": index["version"],
        "fields": fields,
        "fieldVectors": vectors,
        "invertedIndex": inverted,
        "pipeline": index["pipeline"],
    }


def _alternate(elements: list[Any]) -> Iterator[tuple[bool, Any]]:
    """A vector's elements as lunr serializes them, [term index, weight, …], with "is weight"."""
    return ((position % 2 == 1, element) for position, element in enumerate(elements))


# A term of the long text found in more services than this share (and at least
# COMMON_MINIMUM of them) is left out of that field: it says little about any one service
# (lunr's idf makes it weigh almost nothing) and costs a posting per service.
COMMON_SHARE = 0.02
COMMON_MINIMUM = 50


def service_documents(offers: list[Offer], words: Words) -> list[dict[str, list[str]]]:
    """Every service's document (:func:`service_document`), the long text without the
    terms that many services share (see :data:`COMMON_SHARE`)."""
    documents = [service_document(offer, words) for offer in offers]
    limit = max(COMMON_MINIMUM, COMMON_SHARE * len(offers))
    counts = Counter(term for document in documents for term in document["tekst"])
    common = {term for term, count in counts.items() if count > limit}
    if common:
        for document in documents:
            document["tekst"] = [term for term in document["tekst"] if term not in common]
    return documents


def index_words(catalogue: Catalogue, offers: list[Offer]) -> Words:
    """One vocabulary for both indexes: a compound splits into words found anywhere."""
    texts, _ = term_texts(catalogue, offers)
    return Words([*texts, *(text for offer in offers for text in service_texts(offer).values())])


def search_index(catalogue: Catalogue, offers: list[Offer]) -> dict[str, Any]:
    """Both indexes of the finder (:func:`compact`), the query rules and the groups."""
    texts, refs = term_texts(catalogue, offers)
    words = index_words(catalogue, offers)
    values = {
        facet.key: [value_id for value_id, _ in used_values(facet, offers)] for facet in facets(catalogue)
    }
    return {
        "version": 5,
        "vector_scale": VECTOR_SCALE,
        "services": _build(SERVICE_FIELDS, service_documents(offers, words)),
        "terms": _build(TERM_FIELDS, [{"woorden": words.terms(text)} for text in texts]),
        "term_kinds": term_kinds(refs),
        "groups": {kind: list(groups.values()) for kind, groups in group_members(offers).items()},
        "query": {**query_data(values, value_phrases(catalogue)), "words": suggestion_words(texts, offers)},
    }


def term_kinds(refs: list[list[Any]]) -> list[list[Any]]:
    """The terms index's refs in short: its documents come in runs of one kind (facet key
    or group kind), numbered 0, 1, … within the run, so [kind, how many] per run says it
    all (8 KB less, gzipped, at 10,000 services). ``finder.js`` unfolds them."""
    runs: list[list[Any]] = []
    for kind, number in refs:
        if runs and runs[-1][0] == kind and runs[-1][1] == number:
            runs[-1][1] += 1
        else:
            assert number == 0, "a run of one kind starts at 0"
            runs.append([kind, 1])
    return runs


def unfold_kinds(kinds: list[list[Any]]) -> list[list[Any]]:
    """The refs :func:`term_kinds` shortened."""
    return [[kind, number] for kind, count in kinds for number in range(count)]


def suggestion_words(texts: list[str], offers: list[Offer]) -> list[str]:
    """The words "Bedoelde u …?" may offer: those of the terms index (labels, synonyms,
    respite forms, providers, towns) and of the services' names, of four letters or more."""
    names = (offer.service.name for offer in offers)
    found = {word for text in (*texts, *names) for word in Words.words(text) if len(word) >= 4}
    return sorted(word for word in found if word.isalpha())
