"""What the finder understands beyond the records' own words: the package's search words.

Read from ``data/zoekwoorden.yaml`` (national defaults; a site adds vocabulary synonyms in
its own ``vocabularies/``):

* ``lemma's``: word forms the Dutch stemmer does not bring together ("uitjes" → "uitje",
  "logeren" → "logeeropvang"), applied to the records' text and to the query alike;
* ``volwassen`` / ``kind``: words saying the person cared for is an adult or a child, which
  change the order (children's services are not first for "mijn moeder");
* ``engels``: English words as the Dutch word the records use ("municipality" → "gemeente"),
  on the query side only;
* ``jong``: words saying the one searching is young (a young carer: "broertje", "school");
* ``vulwoorden``: words that carry no meaning for the search ("zoek", "graag", "the", "my");
* ``respijtvormen``: English and lay words per respite form;
* ``filters``: phrases that name a filter ("zonder indicatie", "gratis") and act as it.

Besides those, every target group, respite form and kind of help is named by its own words
in the vocabularies' data (:func:`named_values`): its label, id, ``synoniemen`` and, for a
respite form, its name, ``ook_bekend_als`` and ``respijtvormen`` words. Such a phrase acts
as that facet value too ("dementie", "logeren", "'s nachts" → nacht), unless it could name
more than one value (see :func:`value_phrases`). Phrases are compared by the stems of their
words (:func:`phrase_stems`), as ``finder.js`` stems the query's words.

:func:`query_data` is what ``finder.js`` gets of it, in the search index file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from mantelkaart.finder import dutch
from mantelkaart.finder.facets import RESPITE

if TYPE_CHECKING:
    from mantelkaart.core.catalogue import Catalogue


@lru_cache(maxsize=1)
def search_words() -> dict[str, Any]:
    text = (resources.files("mantelkaart") / "data" / "zoekwoorden.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def lemmas() -> dict[str, str]:
    return {str(form): str(word) for form, word in search_words()["lemma's"].items()}


def form_words(form_id: str) -> list[str]:
    """English and lay words for one respite form."""
    return [str(word) for word in search_words()["respijtvormen"].get(form_id, [])]


# Facets whose values the vocabularies' words name as a filter; the other vocabularies'
# words only tell when a phrase is ambiguous ("mantelzorgconsulent" is also an access route).
FILTER_FACETS = ("doelgroep", "hulp")
OTHER_VOCABULARIES = {
    "omgeving": "omgevingen",
    "kosten": "financiering",
    "toegang": "toegang",
    "taal": "talen",
    "indicatie": "indicatie",
}
ALL_CARERS = "iedereen"  # the target group "Alle mantelzorgers": naming it filters nothing
EVERY_FORM = "*"  # the value the function "respijtzorg" names: every respite form
# finder.js splits the same way: white space, hyphens and punctuation; then trims each word.
_SPLIT = re.compile(r"[\s\-,.;:!?()\"/]+")
_EDGES = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+$")
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")


def fold(text: str) -> str:
    """Lower case without accents ("Financiële" → "financiele"), as ``finder.js`` folds."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f").lower()


def phrase_stems(phrase: str) -> str:
    """The stems of a phrase's words, space-separated: how phrases and queries are compared
    ("jonge mantelzorgers" and "Jonge mantelzorger" alike)."""
    words = (_EDGES.sub("", word) for word in _SPLIT.split(fold(phrase)))
    return " ".join(dutch.stem(word) for word in words if word)


def _term_phrases(term_id: str, label: str, synonyms: tuple[str, ...] | list[str]) -> list[str]:
    """A term's label (without a parenthesis; a one-word parenthesis as a phrase of its own:
    "NAH"), its id as words ("kinderen-met-beperking") and its synonyms."""
    phrases = [_PARENTHESIS.sub("", label)]
    phrases += [inside for inside in _PARENTHESIS.findall(label) if " " not in inside.strip()]
    return [*phrases, term_id.replace("-", " "), *synonyms]


def named_values(catalogue: Catalogue) -> Iterator[tuple[str, str, str]]:
    """(facet key, value id, phrase) for each phrase of the vocabularies' data that names a
    facet value: target groups, respite forms and kinds of help (the function
    ``respijtzorg`` as the value ``*``: every respite form), then the settings, payers,
    access routes, languages and assessors (these only make a phrase ambiguous)."""
    vocabularies = catalogue.vocabularies
    for term_id, term in vocabularies["doelgroepen"].terms.items():
        for phrase in _term_phrases(term_id, term.label, term.synonyms):
            yield "doelgroep", term_id, phrase
    for form_id, form in catalogue.respite_forms.items():
        for phrase in _term_phrases(form_id, form.name, [*form.aliases, *form_words(form_id)]):
            yield "hulp", form_id, phrase
    for function_id, term in vocabularies["functies"].terms.items():
        if function_id == RESPITE:
            value = EVERY_FORM
        else:
            value = f"functie-{function_id}" if function_id in catalogue.respite_forms else function_id
        for phrase in _term_phrases(function_id, term.label, term.synonyms):
            yield "hulp", value, phrase
    for key, name in OTHER_VOCABULARIES.items():
        for term_id, term in vocabularies[name].terms.items():
            for phrase in (term.label, *term.synonyms):
                yield key, term_id, phrase


def value_phrases(catalogue: Catalogue) -> dict[str, tuple[str, list[str], str]]:
    """Phrase stems → (facet key, value ids, chip label) for the phrases that name one value
    of :data:`FILTER_FACETS` and nothing else.

    Left out, so that they are searched as words: a phrase that names two values
    ("weekendopvang": logeeropvang and nacht- en weekendzorg) or a value of another
    vocabulary too ("mantelzorgconsulent": also an access route); a single word that other
    values' phrases hold ("weekend": "weekend weg" is a mantelzorgvakantie; "oppas": "vrijwillige
    oppas" is aanwezigheidszorg); the phrases of :data:`ALL_CARERS`; the package's own
    filter phrases (``filters``), which act as their own filter; and the words of
    ``volwassen`` and ``vulwoorden`` ("ouder" is a parent, not "oudere mantelzorgers")."""
    named: dict[str, set[tuple[str, str]]] = {}
    for key, value, phrase in named_values(catalogue):
        stems = phrase_stems(phrase)
        if stems:
            named.setdefault(stems, set()).add((key, value))
    inside: dict[str, set[tuple[str, str]]] = {}  # a word → the values whose longer phrases hold it
    for stems, values in named.items():
        if " " in stems:
            for word in stems.split():
                inside.setdefault(word, set()).update(v for v in values if v[0] in FILTER_FACETS)
    words = search_words()
    own = {phrase_stems(phrase) for rule in words["filters"] for phrase in rule["woorden"]}
    # Words that say who the person cared for is ("ouder": a parent) or carry no meaning.
    own |= {phrase_stems(word) for word in (*words["volwassen"], *words["vulwoorden"])}
    functions = catalogue.vocabularies["functies"]
    found = {}
    for stems, values in named.items():
        if len(values) != 1 or stems in own:
            continue
        ((key, value),) = values
        if key not in FILTER_FACETS or value == ALL_CARERS or inside.get(stems, values) - values:
            continue
        if value == EVERY_FORM:
            found[stems] = (key, [*catalogue.respite_forms, RESPITE], functions.label(RESPITE))
        else:
            found[stems] = (key, [value], "")
    return found


def _rule(
    key: str, ids: list[str], label: str, phrases: list[str], values: dict[str, list[str]]
) -> list[Any]:
    numbers = [values[key].index(value) for value in ids if value in values.get(key, [])]
    return [key, numbers, label, "|".join(sorted(set(phrases)))] if numbers else []


def query_data(
    facet_values: dict[str, list[str]], named: dict[str, tuple[str, list[str], str]] | None = None
) -> dict[str, Any]:
    """The query rules for ``finder.js``: lemmas, filler words, adult and child words, and
    the phrases that name a filter the site has, in two lists: ``filters`` (the package's
    own, matched first) and ``named`` (:func:`value_phrases`, and the package's phrases
    marked ``ook_in_tekst``, which add the weight of their text's words). A rule is [facet key, value
    numbers, chip label ("" for the value's own label), the phrases' stems separated by "|"]."""
    data = search_words()
    package = [
        (
            rule,
            _rule(
                rule["facet"], [rule["waarde"]], "", [phrase_stems(p) for p in rule["woorden"]], facet_values
            ),
        )
        for rule in data["filters"]
    ]
    filters = [made for rule, made in package if not rule.get("ook_in_tekst")]
    grouped: dict[tuple[str, tuple[str, ...], str], list[str]] = {}
    for stems, (key, ids, label) in (named or {}).items():
        grouped.setdefault((key, tuple(ids), label), []).append(stems)
    values = [
        _rule(key, list(ids), label, phrases, facet_values) for (key, ids, label), phrases in grouped.items()
    ]
    # A package phrase marked ook_in_tekst ("in het weekend") acts as a vocabulary's phrase:
    # its chip keeps also the services whose own text names it.
    for rule, made in package:
        if rule.get("ook_in_tekst") and made:
            values.append(
                [made[0], made[1], str(rule.get("label", "")), made[3], float(rule.get("gewicht", 1))]
            )
    return {
        "lemmas": {**lemmas(), **{str(k): str(v) for k, v in data["engels"].items()}},
        "young": [str(word) for word in data["jong"]],
        "fillers": [str(word) for word in data["vulwoorden"]],
        "adult": [str(word) for word in data["volwassen"]],
        "child": [str(word) for word in data["kind"]],
        "filters": [rule for rule in filters if rule],
        "named": [rule for rule in values if rule],
    }
