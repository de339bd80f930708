"""Compound splitting, lemmas and synonym expansion of the finder's index (issue 11)."""

from __future__ import annotations

from collections import Counter

import pytest

from mantelkaart import dutch
from mantelkaart.compounds import Splitter, split
from mantelkaart.facets import facets
from mantelkaart.finder import finder_offers, page_list
from mantelkaart.query import form_words, lemmas, query_data, search_words
from mantelkaart.search_index import (
    Words,
    search_index,
    service_document,
    service_documents,
    service_texts,
    value_words,
)

from support import REPO
from support import load as load_site

EXAMPLE = load_site(REPO)
VOCABULARY = [
    "weekend",
    "opvang",
    "dag",
    "dagbesteding",
    "plek",
    "mantelzorg",
    "waardering",
    "nacht",
    "oppas",
    "zorg",
    "logeer",
    "uitje",
]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("weekendopvang", ["weekend", "opvang"]),
        ("mantelzorgwaardering", ["mantelzorg", "waardering"]),
        ("dagbestedingsplek", ["dagbesteding", "plek"]),  # linking "s"
        ("nachtoppas", ["nacht", "oppas"]),
        ("weekendnachtoppas", ["weekend", "nacht", "oppas"]),  # three parts
    ],
)
def test_compounds_split_into_words_the_vocabulary_has(word: str, parts: list[str]) -> None:
    assert Splitter(VOCABULARY).parts(word) == parts


@pytest.mark.parametrize("word", ["uitjes", "mantelzorgers", "oppas", "zorgboerderij", "dagje"])
def test_words_that_are_no_compound_of_known_words_stay_whole(word: str) -> None:
    assert Splitter(VOCABULARY).parts(word) is None


def test_the_longest_known_head_wins_and_short_parts_do_not_count() -> None:
    known = {"mantel", "mantelzorg", "zorg", "waardering", "ring"}.__contains__
    assert split("mantelzorgwaardering", known) == ["mantelzorg", "waardering"]
    assert split("zorgje", known) is None  # shorter than a compound can be


def test_index_terms_hold_the_parts_and_lemmas_beside_the_word() -> None:
    words = Words(["mantelzorg en waardering", "een uitje"])
    terms = words.terms("Mantelzorgwaardering en uitjes")
    assert dutch.stem("mantelzorgwaardering") in terms
    assert {dutch.stem("mantelzorg"), dutch.stem("waardering")} <= set(terms)
    assert dutch.stem("uitje") in terms  # the lemma list: uitjes → uitje
    assert lemmas()["logeren"] == "logeeropvang"


def test_a_services_whole_text_is_in_its_document() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    loket = next(o for o in offers if o.service.name == "Wmo-loket Dordrecht")
    document = service_document(loket)
    assert dutch.stem("keukentafelgesprek") in document["tekst"]  # only in its description
    assert not set(document["tekst"]) & set(document["naam"])  # each term once, in its best field


def test_vocabulary_synonyms_carry_english_and_lay_words() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    by_key = {facet.key: facet for facet in facets(catalogue)}
    dementia = value_words(catalogue, by_key["doelgroep"], "dementie", "Dementie")
    assert "dementia" in dementia and "alzheimer" in dementia
    day_care = value_words(catalogue, by_key["hulp"], "dagopvang", "Dagopvang en dagbesteding")
    assert {"day care", "respite"} <= set(day_care)  # the form's own words and respite care's
    assert "even weg" in value_words(catalogue, by_key["hulp"], "logeeropvang", "Logeeropvang")
    # Every respite form of the package has English words.
    assert all(form_words(form_id) for form_id in catalogue.respite_forms)
    index = search_index(catalogue, offers)
    terms = {term for term, _ in index["terms"]["invertedIndex"]}
    assert {dutch.stem(word) for word in ("respite", "caregiver", "dementia", "night")} <= terms


def test_filter_phrases_name_values_the_site_has() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    data = search_index(catalogue, offers)["query"]
    rules = {phrase: (key, number) for phrase, key, number in data["filters"]}
    values = {facet.key: facet for facet in facets(catalogue)}
    key, number = rules["zonder indicatie"]
    assert key == "indicatie"
    used = [
        v
        for v, _ in values["indicatie"].values
        if v in {c for o in offers for c in values["indicatie"].codes(o)}
    ]
    assert used[number] == "nee"
    assert "gratis" in rules and "jonge mantelzorger" in rules
    assert [len(phrase) for phrase, _, _ in data["filters"]] == sorted(
        (len(p) for p, _, _ in data["filters"]), reverse=True
    )
    assert query_data({})["filters"] == []  # a site without those values gets no rules
    assert "moeder" in data["adult"] and "kind" in data["child"]
    assert data["lemmas"]["municipality"] == "gemeente"
    assert "kangoeroewoning" in data["words"]  # "Bedoelde u …?" offers vocabulary words
    assert set(search_words()) >= {"lemma's", "engels", "filters", "respijtvormen"}


def test_one_search_lists_the_public_pages_never_the_editors() -> None:
    pages = page_list(EXAMPLE.catalogue)
    kinds = {kind for _, _, kind, _ in pages}
    assert {"Respijtzorg", "Regeling", "Gemeente", "Voor wie", "Soort hulp", "Aanbieder", "Pagina"} <= kinds
    assert not [url for _, url, _, _ in pages if url.startswith("redactie")]


def test_terms_many_services_share_leave_the_long_text_only() -> None:
    """At 10,000 services a word in the descriptions of hundreds says little and costs much:
    it stays in names and summaries, not in the long text; a small site keeps everything."""
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    words = Words([text for offer in offers for text in service_texts(offer).values()])
    small = service_documents(offers, words)
    assert small == [service_document(offer, words) for offer in offers]
    loket = next(o for o in offers if o.service.name == "Wmo-loket Dordrecht")
    many = offers + [loket] * 60  # the loket's words are now in more than 50 services
    documents = service_documents(many, words)
    common = set(small[offers.index(loket)]["tekst"])
    assert common and documents[offers.index(loket)]["tekst"] == []
    for before, after in zip(small, documents, strict=False):
        assert after["tekst"] == [term for term in before["tekst"] if term not in common]
        assert after["naam"] == before["naam"]  # names and summaries keep every word
    assert Counter(term for document in documents for term in document["tekst"])
