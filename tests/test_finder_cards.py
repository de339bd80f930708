"""The finder's result cards and order in Python: what a card says, one facet per concept,
the order of the list without words."""

from __future__ import annotations

import pytest
from recordkit import dump, provider, service

from mantelkaart.finder.cards import AT_HOME, card, cost_text, place_text
from mantelkaart.finder.facets import facet_data, facets, sections, used_values
from mantelkaart.finder.page import finder_page
from mantelkaart.site.page_kinds import finder_offers

from support import REPO
from support import load as load_site

EXAMPLE = load_site(REPO)
PROVIDER = "providers/gemeente-dordrecht.yaml"


def one_offer(site, **changes):  # type: ignore[no-untyped-def]
    dataset = site.load({PROVIDER: dump(provider(diensten=[service(**changes)]))})
    assert dataset.errors == []
    return dataset.catalogue, dataset.catalogue.offers[0]


@pytest.mark.parametrize(
    ("kosten", "expected"),
    [
        ({"betaald_door": ["gratis"]}, "Gratis"),
        ({"betaald_door": ["wmo"]}, "Vergoed via {wmo}, met eigen bijdrage"),
        (
            {"betaald_door": ["wmo"], "eigen_bijdrage": "€ 21 per maand via het CAK"},
            "Vergoed via {wmo}, eigen bijdrage: € 21 per maand via het CAK",
        ),
        (
            {"betaald_door": ["gratis"], "eigen_bijdrage": "€ 5 voor de lunch"},
            "Eigen bijdrage: € 5 voor de lunch",
        ),
        ({"betaald_door": ["eigen-kosten"]}, "U betaalt zelf"),
        ({"betaald_door": ["zvw"]}, "Vergoed via {zvw}"),
        (
            {"betaald_door": ["gemeentelijke-regeling", "aanvullende-verzekering"]},
            "Gratis, betaald via {gemeentelijke-regeling} of {aanvullende-verzekering}",
        ),
        (
            {"betaald_door": ["jeugdwet", "pgb", "eigen-kosten"]},
            "Vergoed via {jeugdwet} of {pgb}, of u betaalt zelf",
        ),
        ({"betaald_door": ["pgb"]}, "Vergoed via {pgb}"),
    ],
)
def test_cost_is_one_phrase_from_what_the_record_says(site, kosten, expected) -> None:
    catalogue, offer = one_offer(site, kosten=kosten)
    payers = catalogue.vocabularies["financiering"]
    for payer in kosten["betaald_door"]:  # the labels of the vocabulary (a site may rename them)
        expected = expected.replace("{" + payer + "}", payers.label(payer))
    assert cost_text(offer, catalogue.vocabularies) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"omgeving": "thuis"}, AT_HOME),
        ({"omgeving": "buitenshuis"}, "Dordrecht"),  # the town of its location
        ({"omgeving": "op-afstand"}, "Telefonisch of online"),  # not the office's town
        ({"omgeving": "thuis", "werkgebied": ["landelijk"]}, f"{AT_HOME}, in heel Nederland"),
        ({"omgeving": "buitenshuis", "locaties": []}, "Buitenshuis"),  # no town known
    ],
)
def test_place_is_at_home_or_the_towns(site, changes, expected) -> None:
    catalogue, offer = one_offer(site, **changes)
    label = catalogue.vocabularies["omgevingen"].label
    expected = expected.replace("Telefonisch of online", label("op-afstand")).replace(
        "Buitenshuis", label("buitenshuis")
    )
    assert place_text(offer, catalogue.vocabularies) == expected


def test_a_confidential_location_gives_no_town(site) -> None:
    record = provider(diensten=[service()])
    record["locaties"][0]["vertrouwelijk"] = "ja"
    dataset = site.load({PROVIDER: dump(record)})
    assert dataset.problems == []
    offer = dataset.catalogue.offers[0]
    assert "Dordrecht" not in place_text(offer, dataset.catalogue.vocabularies)


def test_card_has_a_tel_link_and_the_closed_badge(site) -> None:
    catalogue, offer = one_offer(site, status="tijdelijk-gesloten")
    shown = card(catalogue, offer)
    assert (shown.phone_href, shown.phone_text, shown.closed) == ("tel:+31780000101", "078 000 0101", True)
    assert shown.phone_who == ""  # the provider's own number: no name needed


def test_card_calls_whoever_acts_on_the_next_step(site) -> None:
    consultant = service(
        id="consulent", naam="Respijtconsulent", contact={"telefoon": "078 000 0199"}, respijtvorm=None
    )
    steps = [
        service(id="via-consulent", volgende_stap={"door": "consulent"}),
        service(id="via-dienst", volgende_stap={"door": "gemeente-dordrecht/consulent"}),
        consultant,
    ]
    record = provider(diensten=steps)
    files = {PROVIDER: dump(record)}
    dataset = site.load(files)
    catalogue = dataset.catalogue
    catalogue.config = catalogue.config.model_copy(update={"consultant": "gemeente-dordrecht/consulent"})
    cards = {offer.service.id: card(catalogue, offer) for offer in catalogue.offers}
    for key in ("via-consulent", "via-dienst"):
        assert (cards[key].phone_text, cards[key].phone_who) == ("078 000 0199", "Respijtconsulent")
    assert cards["consulent"].phone_who == ""  # its own next step: the provider's line


def test_one_facet_per_concept_with_counts_that_agree() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    keys = [facet.key for facet in facets(catalogue)]
    assert "vorm" not in keys and "functie" not in keys and "betaald" not in keys and "hulp" in keys
    data = facet_data(catalogue, offers)
    by_key = {facet["key"]: facet for facet in data["facets"]}
    help_ids = [value_id for value_id, _ in by_key["hulp"]["values"]]
    assert "respijtzorg" not in help_ids  # every respite service of the example has a form
    forms = [form_id for form_id in catalogue.respite_forms if form_id in help_ids]
    assert help_ids[: len(forms)] == forms  # forms first, then the other kinds of help
    cost_labels = [label for _, label in by_key["kosten"]["values"]]
    assert cost_labels.count("Gratis") == 1
    # Each service of the example that has a kind of help has it once in this facet.
    facet = next(f for f in facets(catalogue) if f.key == "hulp")
    for offer in offers:
        codes = facet.codes(offer)
        assert len(codes) == len(set(codes)) >= 1
        assert bool(offer.service.respite_form) == any(code in catalogue.respite_forms for code in codes)
    assert [v for v, _ in used_values(facet, offers)] == help_ids


def test_list_without_words_is_active_first_then_by_name() -> None:
    offers = finder_offers(EXAMPLE.catalogue)
    closed = [o.service.status == "tijdelijk-gesloten" for o in offers]
    assert any(closed) and closed == sorted(closed)  # all closed ones last
    active = [o.service.name.casefold() for o in offers if o.service.status == "actief"]
    assert active == sorted(active)
    data = facet_data(EXAMPLE.catalogue, offers)
    assert data["closed"] == [n for n, c in enumerate(closed) if c]


def test_local_pairs_name_services_with_a_location_in_a_shared_municipality() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    pairs = facet_data(catalogue, offers)["local"]
    municipalities = list(catalogue.config.municipalities)
    found = {(offers[pairs[i]].service.name, municipalities[pairs[i + 1]]) for i in range(0, len(pairs), 2)}
    assert ("Alzheimer Café Dordrecht", "dordrecht") in found
    assert ("Inloop in het Odensehuis", "hendrik-ido-ambacht") in found
    assert all(len(offers[pairs[i]].service.area) > 1 for i in range(0, len(pairs), 2))


def test_indicatie_facet_puts_without_first_and_counts_only_what_records_say(site) -> None:
    services = [
        service(id="zonder", indicatie={"nodig": "nee"}),
        service(id="gemeente", indicatie={"nodig": "ja", "van": ["gemeente", "ciz"]}),
        service(id="soms", indicatie={"nodig": "soms", "toelichting": "Alleen na 48 uur per jaar."}),
        service(id="onbekend"),
    ]
    del services[3]["indicatie"]
    dataset = site.load({PROVIDER: dump(provider(diensten=services))})
    assert dataset.errors == []
    catalogue = dataset.catalogue
    offers = finder_offers(catalogue)
    facet = next(f for f in facets(catalogue) if f.key == "indicatie")
    values = [value_id for value_id, _ in used_values(facet, offers)]
    assert values == ["nee", "gemeente", "ciz", "soms"]
    labels = dict(facet.values)
    assert labels["nee"] == "Zonder indicatie" and labels["gemeente"].startswith("Indicatie van de gemeente")
    codes = {offer.service.id: facet.codes(offer) for offer in offers}
    assert codes == {"zonder": ["nee"], "gemeente": ["gemeente", "ciz"], "soms": ["soms"], "onbekend": []}
    lines = {offer.service.id: card(catalogue, offer).indication for offer in offers}
    assert lines["zonder"] == "Geen indicatie nodig"
    assert lines["gemeente"].startswith("Indicatie nodig van de gemeente")
    assert lines["soms"].endswith("Alleen na 48 uur per jaar.")  # the one sentence why
    assert lines["onbekend"] == ""  # the record does not say: the card does not either


def test_kind_of_help_shows_respite_apart_from_other_help() -> None:
    catalogue = EXAMPLE.catalogue
    offers = finder_offers(catalogue)
    facet = next(f for f in facets(catalogue) if f.key == "hulp")
    values = used_values(facet, offers)
    (respite, numbers), (other, rest) = sections(catalogue, facet, values)
    assert (respite, other) == (catalogue.vocabularies["functies"].label("respijtzorg"), "Andere hulp")
    assert {values[n][0] for n in numbers} == {o.service.respite_form for o in offers} - {None}
    assert sorted(numbers + rest) == list(range(len(values)))
    body = finder_page(catalogue, offers).body
    assert f'<fieldset class="mk-facet__section">\n<legend>{respite}</legend>' in body
