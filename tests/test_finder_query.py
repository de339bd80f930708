"""Compound splitting, lemmas and synonym expansion of the finder's index (issue 11)."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from mantelkaart.finder import dutch
from mantelkaart.finder.compounds import Splitter, split
from mantelkaart.finder.facets import facets, used_values
from mantelkaart.finder.page import page_list
from mantelkaart.finder.query import form_words, lemmas, phrase_stems, query_data, search_words, value_phrases
from mantelkaart.finder.search_index import (
    Words,
    search_index,
    service_document,
    service_documents,
    service_texts,
    value_words,
)
from mantelkaart.site.page_kinds import finder_offers

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
    terms = set(index["terms"]["terms"])
    assert {dutch.stem(word) for word in ("respite", "caregiver", "dementia", "night")} <= terms


def _rules(kind: str) -> dict[str, tuple[str, list[str], str]]:
    """Phrase stems → (facet key, value ids, label) of the example site's ``kind`` rules."""
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    data = search_index(catalogue, offers)["query"]
    used = {facet.key: [value for value, _ in used_values(facet, offers)] for facet in facets(catalogue)}
    return {
        stems: (key, [used[key][number] for number in numbers], label)
        for key, numbers, label, phrases, *_ in data[kind]
        for stems in phrases.split("|")
    }


def test_in_the_weekend_is_a_chip_that_keeps_the_text_too() -> None:
    """The package's "in het weekend" is a named rule (its chip keeps the services whose text
    says weekend), weighed as a condition; "weekend" alone stays a word (a weekend away)."""
    rules = _rules("named")
    assert rules[phrase_stems("in het weekend")] == ("wanneer", ["weekend"], "In het weekend")
    assert rules[phrase_stems("op zondag")][0] == "wanneer"
    assert phrase_stems("weekend") not in rules and phrase_stems("weekend") not in _rules("filters")
    catalogue = EXAMPLE.catalogue
    named = search_index(catalogue, finder_offers(catalogue))["query"]["named"]
    assert [rule[4] for rule in named if rule[0] == "wanneer"] == [0.25]
    assert all(len(rule) == 4 for rule in named if rule[0] != "wanneer")


def test_filter_phrases_name_values_the_site_has() -> None:
    rules = _rules("filters")
    assert rules[phrase_stems("zonder indicatie")] == ("indicatie", ["nee"], "")
    assert rules[phrase_stems("gratis")] == ("kosten", ["gratis"], "")
    assert rules[phrase_stems("jonge mantelzorger")][1] == ["jonge-mantelzorgers"]
    assert query_data({})["filters"] == []  # a site without those values gets no rules
    data = query_data({})
    assert "moeder" in data["adult"] and "kind" in data["child"]
    assert data["lemmas"]["municipality"] == "gemeente"
    assert data["lemmas"]["snachts"] == "nacht" and "s" in data["fillers"]  # "'s nachts"
    catalogue = EXAMPLE.catalogue
    words = search_index(catalogue, finder_offers(catalogue))["query"]["words"]
    assert "kangoeroewoning" in words  # "Bedoelde u …?" offers vocabulary words
    assert set(search_words()) >= {"lemma's", "engels", "filters", "respijtvormen"}


def test_phrases_compare_by_the_stems_of_folded_words() -> None:
    assert phrase_stems("Jonge mantelzorgers") == phrase_stems("jonge mantelzorger")
    assert phrase_stems("Financiële tegemoetkoming") == phrase_stems("financiele tegemoetkoming")
    assert phrase_stems("'s nachts") == phrase_stems("s nachts") == "s " + dutch.stem("nachts")
    assert phrase_stems("Nacht- en weekendzorg") == " ".join(map(dutch.stem, ["nacht", "en", "weekendzorg"]))


def test_target_groups_respite_forms_and_kinds_of_help_are_named_by_their_own_words() -> None:
    """Every phrase comes from the vocabularies' data: a label, an id, a synonym, a respite
    form's name, ook_bekend_als or respijtvormen words; none from a list of queries."""
    rules = _rules("named")
    catalogue = EXAMPLE.catalogue
    groups = catalogue.vocabularies["doelgroepen"].terms
    assert rules[phrase_stems("dementie")] == ("doelgroep", ["dementie"], "")
    for synonym in groups["dementie"].synonyms:
        found = rules.get(phrase_stems(synonym))
        assert found is None or found[1] == ["dementie"], synonym
    assert rules[phrase_stems("alzheimer")][1] == ["dementie"]
    assert rules[phrase_stems("autisme")][1] == ["autisme"]
    assert rules[phrase_stems("Niet-aangeboren hersenletsel")][1] == ["nah"]  # label without "(NAH)"
    assert rules[phrase_stems("nah")][1] == ["nah"]
    assert rules[phrase_stems("logeren")] == ("hulp", ["logeeropvang"], "")  # ook_bekend_als
    assert rules[phrase_stems("day care")][1] == ["dagopvang"]  # respijtvormen words
    assert rules[phrase_stems("dagopvang")][1] == ["dagopvang"]  # the form's id
    assert rules[phrase_stems("nacht")][1] == ["nacht-en-weekendzorg"]  # "'s nachts"
    assert rules[phrase_stems("cursus")][1] == ["educatie"]  # a function's synonym
    # The function "respijtzorg" names every respite form (and "Andere respijtzorg").
    key, values, label = rules[phrase_stems("adempauze")]
    assert key == "hulp"
    assert label == "Respijtzorg" and set(catalogue.respite_forms) <= set(values)


@pytest.mark.parametrize(
    ("phrase", "why"),
    [
        ("weekend", "also 'weekend weg' (mantelzorgvakantie): no weekend facet, searched as a word"),
        ("weekendopvang", "a synonym of two respite forms"),
        ("oppas", "also 'vrijwillige oppas' (aanwezigheidszorg)"),
        ("beperking", "in the labels of several target groups"),
        ("mantelzorgconsulent", "also an access route"),
        ("even weg", "also a setting ('Er even tussenuit')"),
        ("respite", "in the words of several respite forms"),
        ("mantelzorgers", "the target group 'Alle mantelzorgers' filters nothing"),
        ("caregiver", "a synonym of 'Alle mantelzorgers'"),
        ("ouder", "an adult word (a parent), not 'oudere mantelzorgers'"),
        ("english", "also the language English"),
        ("zonder indicatie", "the package's own filter phrase, matched first"),
        ("avond", "no vocabulary word: searched as a word"),
    ],
)
def test_ambiguous_phrases_name_no_filter(phrase: str, why: str) -> None:
    assert phrase_stems(phrase) not in _rules("named"), why


def test_a_site_vocabulary_synonym_becomes_a_filter_phrase() -> None:
    catalogue = EXAMPLE.catalogue
    groups = catalogue.vocabularies["doelgroepen"].terms
    before = value_phrases(catalogue)
    assert phrase_stems("vergeetachtig oudje") not in before
    term = groups["dementie"]
    groups["dementie"] = dataclasses.replace(term, synonyms=(*term.synonyms, "vergeetachtig oudje"))
    try:
        assert value_phrases(catalogue)[phrase_stems("vergeetachtig oudje")] == (
            "doelgroep",
            ["dementie"],
            "",
        )
    finally:
        groups["dementie"] = term


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
