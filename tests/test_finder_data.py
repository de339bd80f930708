"""The finder's data in Python: facets, derived cost, the search index, map points, configuration."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from recordkit import dump, provider, service

from mantelkaart.core.catalogue import Offer
from mantelkaart.core.config import PDOK_TILES, ConfigError, SiteConfig
from mantelkaart.finder import dutch
from mantelkaart.finder.facets import (
    COST_CLASSES,
    NATIONWIDE_CODE,
    cost_classes,
    facet_data,
    facets,
    opening_spans,
    ragged,
    unragged,
)
from mantelkaart.finder.page import finder_page
from mantelkaart.finder.search_index import (
    FIELD_KEYS,
    SERVICE_FIELDS,
    TERM_FIELDS,
    _numbers,
    _runs,
    index_words,
    lunr_form,
    search_index,
    service_document,
    service_documents,
    term_documents,
    term_texts,
    unfold_kinds,
)
from mantelkaart.site.frontend import FrontendError, node_modules
from mantelkaart.site.maps import map_data
from mantelkaart.site.page_kinds import finder_offers
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import compact_json

from support import MINI, REPO, canonical_index
from support import load as load_site

EXAMPLE = load_site(REPO)
PROVIDER = "providers/gemeente-dordrecht.yaml"


def offer_named(name: str) -> Offer:
    return next(o for o in EXAMPLE.catalogue.offers if o.service.name == name)


@pytest.mark.parametrize(
    ("kosten", "expected"),
    [
        ({"betaald_door": ["gratis"]}, ["gratis"]),
        ({"betaald_door": ["gemeentelijke-regeling", "aanvullende-verzekering"]}, ["gratis", "verzekerd"]),
        ({"betaald_door": ["wmo"]}, ["eigen-bijdrage"]),
        ({"betaald_door": ["gratis"], "eigen_bijdrage": "€ 5 voor de lunch"}, ["eigen-bijdrage"]),
        ({"betaald_door": ["jeugdwet", "pgb", "eigen-kosten"]}, ["eigen-bijdrage"]),
        ({"betaald_door": ["jeugdwet"]}, ["gratis"]),
        ({"betaald_door": ["zvw"]}, ["verzekerd"]),
        ({"betaald_door": ["pgb"]}, []),
    ],
)
def test_cost_is_derived_from_payers_and_own_contribution(site, kosten, expected) -> None:
    dataset = site.load({PROVIDER: dump(provider(diensten=[service(kosten=kosten)]))})
    assert dataset.problems == []
    assert cost_classes(dataset.catalogue.offers[0]) == expected
    assert set(expected) <= set(COST_CLASSES)


def test_facet_columns_describe_each_service_in_finder_order() -> None:
    offers = finder_offers(EXAMPLE.catalogue)
    data = facet_data(EXAMPLE.catalogue, offers)
    assert data["count"] == len(offers) == len(EXAMPLE.catalogue.active_offers())
    described = {facet["key"]: [value[0] for value in facet["values"]] for facet in data["facets"]}
    columns = {key: unragged(column) for key, column in data["columns"].items()}
    hours = unragged(data["hours"])
    for number, offer in enumerate(offers):
        assert hours[number] == [n for span in opening_spans(offer) for n in span]
        groups = {described["doelgroep"][code] for code in columns["doelgroep"][number]}
        assert groups == set(offer.service.target_groups)
        assert [described["omgeving"][c] for c in columns["omgeving"][number]] == [offer.service.setting]
        places = columns["gemeente"][number]
        if "landelijk" in offer.service.area:
            assert places == [NATIONWIDE_CODE]
        else:
            assert {described["gemeente"][c] for c in places} == set(offer.service.area)
    # Only values that occur are offered (no empty choices), but every municipality is.
    assert "pl" not in described["taal"]
    assert len(described["gemeente"]) == len(EXAMPLE.config.municipalities)
    assert [facet.key for facet in facets(EXAMPLE.catalogue)][:1] == ["gemeente"]


def test_ragged_lists_are_two_flat_lists() -> None:
    lists = [[3], [], [0, 2, 5], [-1]]
    assert ragged(lists) == {"sizes": [1, 0, 3, 1], "values": [3, 0, 2, 5, -1]}
    assert unragged(ragged(lists)) == lists


def test_opening_hours_become_day_masks_and_minutes() -> None:
    mini = load_site(MINI).catalogue
    logeren, dagopvang = mini.offers_of("het-anker")
    assert opening_spans(logeren) == [[31, 540, 750], [5, 810, 1020]]
    assert opening_spans(dagopvang) == []  # tijdelijk gesloten: never "nu open"


def test_the_weekend_is_what_the_opening_hours_say() -> None:
    """ "Ook in het weekend": a span on a Saturday or Sunday; no hours, no value (unknown)."""
    catalogue = load_site(REPO).catalogue
    when = next(facet for facet in facets(catalogue) if facet.key == "wanneer")
    weekend, weekdays, unknown = [], [], []
    for offer in finder_offers(catalogue):
        hours = offer.service.hours
        days = {day for span in hours.spans for day in span.days} if hours else None
        (unknown if days is None else weekend if days & {"za", "zo"} else weekdays).append(when.codes(offer))
    assert weekend and weekdays and unknown
    assert all(codes == ["weekend"] for codes in weekend)
    assert all(codes == [] for codes in weekdays + unknown)


def words_of(catalogue, key: str, value_id: str) -> list[str]:
    """The terms-index words of one facet value."""
    offers = finder_offers(catalogue)
    documents, refs = term_documents(catalogue, offers)
    described = {facet["key"]: facet["values"] for facet in facet_data(catalogue, offers)["facets"]}
    number = [value[0] for value in described[key]].index(value_id)
    return documents[refs.index([key, number])]


def test_terms_index_holds_labels_and_synonyms_the_service_text_lacks() -> None:
    catalogue = EXAMPLE.catalogue
    assert dutch.stem("alzheimer") in words_of(catalogue, "doelgroep", "dementie")  # a synonym
    assert dutch.stem("logeren") in words_of(catalogue, "hulp", "logeeropvang")  # "ook bekend als"
    assert dutch.stem("dagbesteding") in words_of(catalogue, "hulp", "dagopvang")
    assert dutch.stem("respijtzorg") in words_of(catalogue, "hulp", "dagopvang")  # a kind of respite
    assert dutch.stem("pauze") in words_of(catalogue, "hulp", "logeeropvang")  # respite's synonyms
    assert words_of(catalogue, "gemeente", "hendrik-ido-ambacht") == ["hendrik", "ido", "ambacht"]
    assert words_of(catalogue, "kosten", "gratis")[:2] == ["gratis", "free"]  # label, synonyms
    parkhuis = service_document(offer_named("Logeerzorg in Het Parkhuis"))
    assert parkhuis["naam"] == ["logeerzorg", "parkhuis"]
    assert "loger" not in parkhuis["samenvatting"]  # the service's own words only


def test_providers_and_towns_are_terms_standing_for_their_services() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    documents, refs = term_documents(catalogue, offers)
    groups = search_index(catalogue, offers)["groups"]
    parkhuis = offer_named("Logeerzorg in Het Parkhuis")
    number = offers.index(parkhuis)
    by_words = {" ".join(words): ref for words, ref in zip(documents, refs, strict=True)}
    kind, provider = by_words[" ".join(dutch.terms(parkhuis.provider.name))]
    assert kind == "aanbieder" and number in groups["aanbieder"][provider]
    assert groups["aanbieder"][provider] == [
        n for n, o in enumerate(offers) if o.provider.name == parkhuis.provider.name
    ]
    kind, town = by_words["dordrecht"]
    assert kind == "plaats" and number in groups["plaats"][town]
    assert groups["plaats"][town] == [
        n for n, o in enumerate(offers) if "Dordrecht" in {location.city for location in o.locations}
    ]


def test_site_vocabulary_synonyms_reach_the_index(site) -> None:
    files = {
        "vocabularies/doelgroepen.yaml": "dementie:\n  label: Dementie\n  synoniemen: [geheugenpoli]\n",
        PROVIDER: dump(provider()),
    }
    dataset = site.load(files)
    assert dataset.problems == []
    assert words_of(dataset.catalogue, "doelgroep", "dementie") == ["dementie", "geheugenpoli"]


@pytest.mark.parametrize("value", ["alzheimer", "[1, [2]]", "['']", "{a: b}"])
def test_bad_synonyms_are_a_dutch_problem_with_file_and_line(site, value) -> None:
    text = f"dementie:\n  label: Dementie\n  synoniemen: {value}\n"
    dataset = site.load({"vocabularies/doelgroepen.yaml": text})
    assert not dataset.ok()
    problem = dataset.errors[0]
    assert (problem.file, problem.line) == ("vocabularies/doelgroepen.yaml", 3)
    assert "synoniemen" in problem.message and "lijst met woorden" in problem.message


def postings(index: dict, field: str) -> dict[int, list[str]]:
    """Each document's terms in one field of a serialized lunr index (sorted)."""
    found: dict[int, list[str]] = {}
    for term, posting in index["invertedIndex"]:
        for ref in posting[field]:
            found.setdefault(int(ref), []).append(term)
    return found


def test_indexes_are_lunr_serializations_of_the_documents() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    data = search_index(catalogue, offers)
    services, terms = lunr_form(data["services"]), lunr_form(data["terms"])
    for index, fields in ((services, SERVICE_FIELDS), (terms, TERM_FIELDS)):
        assert index["version"] == "2.3.9" and index["pipeline"] == ["stemmer-nl"]
        assert index["fields"] == [FIELD_KEYS[name] for name, _ in fields]
    words = index_words(catalogue, offers)  # compounds split against both indexes' words
    documents = service_documents(offers, words)
    for name, _ in SERVICE_FIELDS:
        found = postings(services, FIELD_KEYS[name])
        for ref in range(len(offers)):
            assert found.get(ref, []) == sorted(set(documents[ref][name]))
    texts, refs = term_texts(catalogue, offers)
    assert unfold_kinds(data["term_kinds"]) == refs
    found = postings(terms, FIELD_KEYS["woorden"])
    assert all(found.get(ref, []) == sorted(set(words.terms(text))) for ref, text in enumerate(texts))


def test_field_vectors_are_lunrs_weights_as_whole_numbers() -> None:
    """The same index as lunr's own, but for one-letter field names, weights times
    ``vector_scale`` and no vectors of empty fields."""
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    data = search_index(catalogue, offers)
    plain = canonical_index(offers, index_words(catalogue, offers))
    expected = {}
    for ref, elements in plain["fieldVectors"]:
        name, number = ref.split("/")
        if elements:
            weights = [round(x * data["vector_scale"]) if i % 2 else x for i, x in enumerate(elements)]
            expected[f"{FIELD_KEYS[name]}/{number}"] = weights
    services = lunr_form(data["services"])
    assert dict(services["fieldVectors"]) == expected
    assert all(isinstance(x, int) for _, elements in services["fieldVectors"] for x in elements)
    assert services["invertedIndex"] == [
        [
            term,
            {key: value if key == "_index" else {ref: {} for ref in value} for key, value in posting.items()},
        ]
        for term, posting in plain["invertedIndex"]
        for posting in [{FIELD_KEYS.get(key, key): value for key, value in posting.items()}]
    ]


def test_compact_postings_are_runs_of_services() -> None:
    assert _runs([1, 2, 3, 7, 9, 10]) == "1-3,7,9-10" and _runs([]) == ""
    assert _numbers("1-3,7,9-10") == [1, 2, 3, 7, 9, 10] and _numbers("") == []


def test_map_data_has_no_confidential_location() -> None:
    offers = finder_offers(EXAMPLE.catalogue)
    data = map_data(offers)
    mee_plus = offers.index(offer_named("Logeerzorg MEE Plus"))
    assert data["items"][mee_plus] == []  # its only location is confidential
    text = json.dumps(data)
    assert "Voorbeeldlaan 5" not in text and "51.796" not in text
    assert len(data["points"]) == len({(p[0], p[1], p[2]) for p in data["points"]})


def test_compact_json_cannot_close_a_script_element() -> None:
    text = compact_json({"naam": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"naam": "</script><b>&"}


def test_finder_page_lists_every_active_service_once() -> None:
    offers = finder_offers(EXAMPLE.catalogue)
    body = finder_page(EXAMPLE.catalogue, offers).body
    without_script = body[body.index("<noscript") :]
    numbers = re.findall(r'data-i="(\d+)"', without_script)
    assert sorted(map(int, numbers)) == list(range(len(offers)))
    assert all(o.service.status != "gestopt" for o in offers)
    assert 'name="zoek"' in body and 'method="get"' in body
    assert "<fieldset>" in body and "<legend" in body and 'aria-live="polite"' in body


def test_home_search_block_is_a_plain_get_form_to_the_finder() -> None:
    block = PageMaker(EXAMPLE.catalogue).block("zoeken", "index.md")
    assert '<form class="mk-search-block" action="zoeken/" method="get"' in block
    assert 'name="zoek"' in block and '<label class="mk-finder__label" for="mk-home-q">' in block


def test_map_tiles_default_to_pdok_and_can_be_configured() -> None:
    assert SiteConfig.from_options({}).map_tiles.url == PDOK_TILES
    tiles = {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "© Voorbeeld"}
    config = SiteConfig.from_options({"map_tiles": tiles})
    assert config.map_tiles.host() == "tiles.example.org"


@pytest.mark.parametrize(
    ("tiles", "message"),
    [
        ({"url": "http://tiles.example.org/{z}/{x}/{y}.png"}, "geen bruikbaar webadres"),
        ({"url": "https://tiles.example.org/{z}.png"}, "ontbreekt {x}, {y}"),
        ({"url": 'https://x.example.org/{z}/{x}/{y}"><script>'}, "geen bruikbaar webadres"),
        ({"adres": "https://tiles.example.org/{z}/{x}/{y}.png"}, "Onbekend veld 'adres'"),
        ("https://tiles.example.org/{z}/{x}/{y}.png", "Hier horen velden"),
    ],
)
def test_bad_map_tiles_are_refused_in_dutch(tiles, message) -> None:
    with pytest.raises(ConfigError) as raised:
        SiteConfig.from_options({"map_tiles": tiles})
    assert "mantelkaart.map_tiles" in str(raised.value) and message in str(raised.value)


def test_missing_library_is_a_dutch_error(tmp_path: Path) -> None:
    with pytest.raises(FrontendError) as raised:
        node_modules(tmp_path, "geen-bibliotheek/bestaat.js")
    assert "npm ci" in str(raised.value) and "ontbreekt" in str(raised.value)
    assert node_modules(tmp_path, "lunr/lunr.min.js").name == "node_modules"  # found in the checkout


def test_configured_tile_server_reaches_the_service_map() -> None:
    dataset = load_site(MINI)
    tiles = {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": "© Voorbeeld & co"}
    dataset.catalogue.config = SiteConfig.from_options({"map_tiles": tiles})
    pages = {page.path: page for page in PageMaker(dataset.catalogue).pages()}
    body = pages["aanbod/het-anker/logeren.md"].body
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in body
    assert 'data-attribution="© Voorbeeld &amp; co"' in body
    assert 'data-lat="51.81330" data-lon="4.69010"' in body
    assert body.count("<li data-lat=") == 1  # the confidential guest family is not on the map
