"""Every validation rule with a failing record: file, line, field and a Dutch message."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from recordkit import (
    TODAY,
    assert_dutch,
    dump,
    errors_in,
    example_record,
    get_at,
    line_of,
    load,
    one,
    provider,
    regulation,
    respite_form,
    schema_fields,
    service,
    set_at,
    write_site,
)

from mantelkaart.core import phones
from mantelkaart.core.problems import Problem, field_path
from mantelkaart.core.records import KINDS

PROVIDER = "providers/gemeente-dordrecht.yaml"
FORM = "respite-forms/logeeropvang.yaml"
REGULATION = "regulations/vervangende-mantelzorg.yaml"

ProblemsFor = Callable[..., list[Problem]]


def error_at(
    problems_for: ProblemsFor,
    file: str,
    record: dict[str, Any] | str,
    field: str,
    needle: str | None = None,
    nth: int = 1,
) -> Problem:
    """Write ``record`` to ``file`` (over the base set); the one error at ``field``.

    With ``needle`` the error must be on the line of its ``nth`` occurrence in the text.
    """
    text = record if isinstance(record, str) else dump(record)
    problems = problems_for({file: text})
    problem = one(problems, file, field)
    if needle is not None:
        assert problem.line == line_of(text, needle, nth), problem.text()
    assert problem.column >= 1
    return problem


def no_errors(problems_for: ProblemsFor, files: dict[str, Any]) -> None:
    problems = problems_for({name: v if isinstance(v, str) else dump(v) for name, v in files.items()})
    assert [p for p in problems if p.severity == "fout"] == [], "\n".join(p.text() for p in problems)


# --- the valid set ----------------------------------------------------------------


def test_base_set_is_valid_without_warnings(site) -> None:
    dataset = site.load()
    assert dataset.problems == []
    assert dataset.ok(strict=True)
    assert len(dataset.sources) == 4
    assert [offer.key for offer in dataset.catalogue.offers] == ["gemeente-dordrecht/logeeropvang"]


def test_every_example_in_the_schema_is_valid(site) -> None:
    """The examples shown to editors (field guide, JSON Schema) must themselves validate."""
    files = {f"{kind}/voorbeeld.yaml": dump(example_record(model)) for kind, model in KINDS.items()}
    dataset = site.load(files)
    assert dataset.problems == [], "\n".join(p.text() for p in dataset.problems)
    assert len(dataset.sources) == 7


# --- required and unknown fields -------------------------------------------------


def test_missing_required_field(problems_for) -> None:
    data = provider()
    del data["naam"]
    problem = error_at(problems_for, PROVIDER, data, "naam")
    assert "verplicht" in problem.message
    assert problem.line == 1


def test_missing_required_field_in_a_service(problems_for) -> None:
    data = provider()
    del data["diensten"][0]["samenvatting"]
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].samenvatting", "- id: logeeropvang")
    assert "verplicht" in problem.message


def test_missing_required_group(problems_for) -> None:
    data = regulation()
    del data["gecontroleerd"]
    assert "verplicht" in error_at(problems_for, REGULATION, data, "gecontroleerd").message


def test_unknown_field_suggests_the_right_name(problems_for) -> None:
    data = provider()
    data["samenvating"] = data.pop("samenvatting")
    problem = error_at(problems_for, PROVIDER, data, "samenvating", "samenvating:")
    assert problem.message == "Onbekend veld 'samenvating'."
    assert problem.hint == "Bedoelde u 'samenvatting'?"


def test_unknown_field_in_a_service_gives_two_problems(problems_for) -> None:
    data = provider()
    data["diensten"][0]["samenvating"] = data["diensten"][0].pop("samenvatting")
    text = dump(data)
    problems = errors_in(problems_for({PROVIDER: text}), PROVIDER)
    assert {p.field for p in problems} == {"diensten[1].samenvatting", "diensten[1].samenvating"}
    unknown = next(p for p in problems if p.field.endswith("samenvating"))
    assert unknown.hint == "Bedoelde u 'samenvatting'?"
    assert unknown.line == line_of(text, "samenvating:")
    for problem in problems:
        assert_dutch(problem)


def test_unknown_field_in_nested_group(problems_for) -> None:
    data = provider()
    data["contact"]["telefon"] = data["contact"].pop("telefoon")
    problem = error_at(problems_for, PROVIDER, data, "contact.telefon", "telefon:")
    assert problem.hint == "Bedoelde u 'telefoon'?"


def test_unknown_field_without_a_close_name(problems_for) -> None:
    problem = error_at(problems_for, PROVIDER, provider(kleur="blauw"), "kleur", "kleur:")
    assert "spelling" in problem.hint


def test_english_attribute_names_are_not_field_names(problems_for) -> None:
    data = provider()
    data["name"] = data.pop("naam")
    problems = errors_in(problems_for({PROVIDER: dump(data)}), PROVIDER)
    assert {p.field for p in problems} == {"naam", "name"}


# --- wrong kinds of values ---------------------------------------------------------


def test_empty_required_value_does_not_show_python_none(problems_for) -> None:
    text = dump(provider()).replace("soort: gemeente", "soort:")
    problem = error_at(problems_for, PROVIDER, text, "soort", "soort:")
    assert "None" not in problem.message
    assert problem.message == "Hier ontbreekt een waarde."


@pytest.mark.parametrize(
    ("field", "value"),
    [("soort", None), ("soort", ["gemeente"]), ("gecontroleerd", {"op": None, "door": "x"})],
)
def test_wrong_shapes_have_plain_dutch_messages(problems_for, field: str, value: Any) -> None:
    data = provider(**{field: value})
    problems = errors_in(problems_for({PROVIDER: dump(data)}), PROVIDER)
    assert problems
    for problem in problems:
        assert_dutch(problem)
        assert "None" not in problem.message and "[" not in problem.message


def test_list_expected(problems_for) -> None:
    problem = error_at(problems_for, PROVIDER, provider(diensten="logeeropvang"), "diensten")
    assert "lijst" in problem.message


def test_group_expected(problems_for) -> None:
    problem = error_at(problems_for, PROVIDER, provider(contact="078 000 0101"), "contact")
    assert "velden" in problem.message


def test_text_expected(problems_for) -> None:
    problem = error_at(problems_for, PROVIDER, provider(naam=["a", "b"]), "naam")
    assert "tekst" in problem.message


# --- vocabularies and municipalities ---------------------------------------------


def test_wrong_vocabulary_value_with_suggestion(problems_for) -> None:
    data = provider(diensten=[service(doelgroepen=["nah", "dementia"])])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].doelgroepen[2]", "- dementia")
    assert problem.message == "'dementia' staat niet in de lijst 'doelgroepen'."
    assert (
        problem.hint == "Bedoelde u 'dementie'? 'dementia' is een zoekwoord bij 'dementie'."
    )  # an English synonym now


def test_wrong_vocabulary_value_deep_in_a_list(problems_for) -> None:
    data = provider(diensten=[service(kosten={"betaald_door": ["wmoo"]})])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].kosten.betaald_door[1]", "- wmoo")
    assert problem.hint == "Bedoelde u 'wmo'?"


def test_wrong_vocabulary_value_without_suggestion_lists_choices(problems_for) -> None:
    problem = error_at(problems_for, PROVIDER, provider(soort="bakkerij"), "soort", "soort:")
    assert problem.hint.startswith("Kies uit:")
    assert "gemeente" in problem.hint


def test_vocabulary_value_that_is_no_id(problems_for) -> None:
    data = provider(diensten=[service(functies=["Respijt Zorg"])])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].functies[1]")
    assert "geen geldige id" in problem.message


def test_site_vocabulary_extends_the_national_one(site) -> None:
    files = {
        "vocabularies/doelgroepen.yaml": "jonge-mantelzorgers:\n  label: Jonge mantelzorgers\n",
        PROVIDER: dump(provider(diensten=[service(doelgroepen=["jonge-mantelzorgers"])])),
    }
    assert site.load(files).problems == []


def test_broken_site_vocabulary_is_one_problem(site) -> None:
    dataset = site.load({"vocabularies/kleuren.yaml": "rood:\n  label: Rood\n"})
    assert not dataset.ok()
    assert dataset.errors[0].file == "vocabularies/kleuren.yaml"
    assert_dutch(dataset.errors[0])


def test_unknown_municipality(problems_for) -> None:
    data = provider(diensten=[service(werkgebied=["dordrecht", "rotterdam"])])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].werkgebied[2]", "- rotterdam")
    assert problem.message == "De gemeente 'rotterdam' hoort niet bij deze regio."
    assert "dordrecht" in problem.hint


def test_misspelt_municipality_gets_a_suggestion(problems_for) -> None:
    problem = error_at(problems_for, REGULATION, regulation(gemeenten=["dordrect"]), "gemeenten[1]")
    assert problem.hint == "Bedoelde u 'dordrecht'?"


def test_landelijk_is_a_municipality(problems_for) -> None:
    no_errors(
        problems_for,
        {
            PROVIDER: provider(diensten=[service(werkgebied=["landelijk"])]),
            REGULATION: regulation(gemeenten=["landelijk", "zwijndrecht"]),
        },
    )


# --- references between records --------------------------------------------------


def test_unknown_respite_form_of_a_service(problems_for) -> None:
    data = provider(diensten=[service(respijtvorm="logeer-opvang")])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].respijtvorm", "respijtvorm:")
    assert problem.message == "De respijtvorm 'logeer-opvang' bestaat niet."
    assert problem.hint == "Bedoelde u 'logeeropvang'?"


def test_unknown_respite_form_without_suggestion(problems_for) -> None:
    data = provider(diensten=[service(respijtvorm="zorgboerderij")])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].respijtvorm")
    assert "respite-forms/zorgboerderij.yaml" in problem.hint


def test_unknown_issuer(problems_for) -> None:
    problem = error_at(
        problems_for, REGULATION, regulation(uitgever="gemeente-dordrect"), "uitgever", "uitgever:"
    )
    assert problem.message == "De uitgever 'gemeente-dordrect' bestaat niet."
    assert problem.hint == "Bedoelde u 'gemeente-dordrecht'?"


def test_reference_to_a_broken_file_reports_only_the_broken_file(problems_for) -> None:
    """The issuer's file exists (with an error): the regulation must not say it "bestaat niet"."""
    problems = problems_for({PROVIDER: dump(provider(soort="fout"))})
    assert errors_in(problems, PROVIDER)
    assert not [p for p in problems if p.file == REGULATION]


def test_unknown_respite_forms_of_a_regulation(problems_for) -> None:
    data = regulation(respijtvormen=["logeeropvang", "vervangende-mantelzorg"])
    problem = error_at(problems_for, REGULATION, data, "respijtvormen[2]", "- vervangende-mantelzorg")
    assert problem.hint == "Bedoelde u 'vervangende-mantelzorg-aan-huis'?"


def test_unknown_location_of_a_service(problems_for) -> None:
    data = provider(diensten=[service(locaties=["stadskantor"])])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].locaties[1]", "- stadskantor")
    assert problem.message == "De locatie 'stadskantor' bestaat niet bij deze aanbieder."
    assert problem.hint == "Bedoelde u 'stadskantoor'?"


def test_location_of_another_provider_does_not_count(problems_for) -> None:
    other = provider(locaties=[{"id": "elders", "plaats": "Zwijndrecht"}], diensten=[])
    data = provider(diensten=[service(locaties=["elders"])])
    problems = problems_for({"providers/ander.yaml": dump(other), PROVIDER: dump(data)})
    assert "Voeg de locatie toe" in one(problems, PROVIDER, "diensten[1].locaties[1]").hint


def test_duplicate_service_ids(problems_for) -> None:
    data = provider(diensten=[service(), service(naam="Nog een keer")])
    problem = error_at(problems_for, PROVIDER, data, "diensten[2].id", "id: logeeropvang", nth=2)
    assert "twee keer" in problem.message and "'logeeropvang'" in problem.message


def test_duplicate_location_ids(problems_for) -> None:
    data = provider()
    data["locaties"].append({"id": "stadskantoor", "plaats": "Zwijndrecht"})
    problem = error_at(problems_for, PROVIDER, data, "locaties[2].id", "id: stadskantoor", nth=2)
    assert "twee keer" in problem.message


def test_same_service_id_at_two_providers_is_fine(problems_for) -> None:
    no_errors(problems_for, {"providers/ander.yaml": provider()})


# --- places -----------------------------------------------------------------------


def location(**changes: Any) -> dict[str, Any]:
    data = provider()["locaties"][0]
    data.update(changes)
    return data


def test_coordinates_outside_the_netherlands(problems_for) -> None:
    data = provider(locaties=[location(coordinaten={"breedtegraad": "48.8566", "lengtegraad": "2.3522"})])
    problem = error_at(problems_for, PROVIDER, data, "locaties[1].coordinaten", "coordinaten:")
    assert "niet in Nederland" in problem.message
    assert "verwisseld" not in problem.hint


def test_swapped_latitude_and_longitude(problems_for) -> None:
    data = provider(locaties=[location(coordinaten={"breedtegraad": "4.6901", "lengtegraad": "51.8133"})])
    problem = error_at(problems_for, PROVIDER, data, "locaties[1].coordinaten")
    assert "verwisseld" in problem.hint


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "51,8133,1"])
def test_coordinate_that_is_no_number(problems_for, value: str) -> None:
    data = provider(locaties=[location(coordinaten={"breedtegraad": value, "lengtegraad": "4.69"})])
    problem = error_at(problems_for, PROVIDER, data, "locaties[1].coordinaten.breedtegraad")
    assert "coördinaat" in problem.message


def test_coordinate_with_decimal_comma(site) -> None:
    data = provider(locaties=[location(coordinaten={"breedtegraad": "51,8133", "lengtegraad": "4,6901"})])
    dataset = site.load({PROVIDER: dump(data)})
    assert dataset.problems == []
    assert dataset.catalogue.providers["gemeente-dordrecht"].locations[0].coordinates.lat == 51.8133


@pytest.mark.parametrize("value", ["1234", "0123 AB", "3311 SS", "3311-AB", "33111 AB", "AB 3311"])
def test_bad_postcode(problems_for, value: str) -> None:
    data = provider(locaties=[location(postcode=value)])
    problem = error_at(problems_for, PROVIDER, data, "locaties[1].postcode", "postcode:")
    assert "postcode" in problem.message


def test_postcode_is_normalised(site) -> None:
    dataset = site.load({PROVIDER: dump(provider(locaties=[location(postcode="3311gr")]))})
    assert dataset.problems == []
    assert dataset.catalogue.providers["gemeente-dordrecht"].locations[0].postcode == "3311 GR"


def test_address_without_postcode(problems_for) -> None:
    data = provider(locaties=[location(postcode=None)])
    problem = error_at(problems_for, PROVIDER, data, "locaties[1]", "- id: stadskantoor")
    assert "postcode" in problem.message


def test_confidential_address_needs_no_postcode(problems_for) -> None:
    no_errors(problems_for, {PROVIDER: provider(locaties=[location(postcode=None, vertrouwelijk="ja")])})


# --- contact ----------------------------------------------------------------------


@given(
    st.lists(st.sampled_from("0123456789"), min_size=8, max_size=8),
    st.sampled_from("123456789"),
    st.lists(st.sampled_from(["", "", " ", "-"]), min_size=9, max_size=9),
)
@settings(max_examples=3000)
def test_usual_dutch_numbers_get_the_phone_librarys_verdict(
    rest: list[str], area: str, separators: list[str]
) -> None:
    """The shortcut for numbers written as 0 and nine digits builds the number phonenumbers.parse
    would: the same number, so is_valid_number gives the same verdict (about half of random
    numbers are valid, so both verdicts are tried)."""
    digits = ["0", area, *rest]
    text = "".join(digit + separator for digit, separator in zip(digits, [*separators, ""], strict=True))
    quick, library = phones._dutch_number(text), phones.parse_phone(text)
    assert quick == library
    assert phonenumbers.is_valid_number(quick) == phonenumbers.is_valid_number(library)


def contact(**changes: Any) -> dict[str, Any]:
    data = provider()
    data["contact"].update(changes)
    return data


@pytest.mark.parametrize("value", ["12345", "078 000 010", "bel ons", "+1 555", "0800", "06-1234"])
def test_invalid_phone_number(problems_for, value: str) -> None:
    problem = error_at(problems_for, PROVIDER, contact(telefoon=value), "contact.telefoon", "telefoon:")
    assert "telefoonnummer" in problem.message
    assert "078" in problem.hint


@pytest.mark.parametrize("value", ["078 000 0101", "+31 78 000 0101", "0800 0000", "06 1234 5678", "14 078"])
def test_valid_phone_numbers(site, value: str) -> None:
    dataset = site.load({PROVIDER: dump(contact(telefoon=value))})
    assert dataset.problems == []
    assert dataset.catalogue.providers["gemeente-dordrecht"].contact.phone == value


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.org/bestand",
        "file:///etc/passwd",
        "//evil.example.org",
        "www.example.org",
        "https://",
        "https://exa mple.org",
        "http://[::1",
        "mailto:geen-adres",
    ],
)
def test_invalid_links(problems_for, value: str) -> None:
    problem = error_at(problems_for, PROVIDER, contact(website=value), "contact.website", "website:")
    assert "webadres" in problem.message


@pytest.mark.parametrize(
    "value",
    [
        "http://example.org",
        "https://example.org/pad?x=1&y=2#kop",
        "HTTPS://EXAMPLE.ORG",
        "mailto:info@example.org",
    ],
)
def test_valid_links(site, value: str) -> None:
    dataset = site.load({PROVIDER: dump(contact(website=value))})
    assert dataset.problems == []


@pytest.mark.parametrize(
    "value",
    [
        "info@",
        "info at example.org",
        "@example.org",
        "javascript:alert(1)",
        "info@example",
        "a b@example.org",
    ],
)
def test_invalid_email(problems_for, value: str) -> None:
    problem = error_at(problems_for, PROVIDER, contact(email=value), "contact.email", "email:")
    assert "e-mailadres" in problem.message


def test_service_contact_is_checked_too(problems_for) -> None:
    data = provider(diensten=[service(contact={"telefoon": "123", "website": "javascript:alert(1)"})])
    problems = errors_in(problems_for({PROVIDER: dump(data)}), PROVIDER)
    assert {p.field for p in problems} == {"diensten[1].contact.telefoon", "diensten[1].contact.website"}


# --- dates and times --------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2026-13-45", "2026-02-30", "15-03-2026", "2026-3-5", "gisteren", "20260315"]
)
def test_invalid_dates(problems_for, value: str) -> None:
    data = provider(gecontroleerd={"op": value, "door": "Redactie"})
    problem = error_at(problems_for, PROVIDER, data, "gecontroleerd.op", "op:")
    assert "geen geldige datum" in problem.message
    assert "2026-03-15" in problem.hint


def test_verification_in_the_future(problems_for) -> None:
    data = provider(gecontroleerd={"op": "2026-11-24", "door": "Redactie"})
    problem = error_at(problems_for, PROVIDER, data, "gecontroleerd.op", "op:")
    assert "in de toekomst" in problem.message


def test_verification_today_is_fine(problems_for) -> None:
    no_errors(problems_for, {PROVIDER: provider(gecontroleerd={"op": TODAY.isoformat(), "door": "Redactie"})})


def test_future_is_relative_to_today(problems_for) -> None:
    data = provider(gecontroleerd={"op": "2026-11-24", "door": "Redactie"})
    problems = problems_for({PROVIDER: dump(data)}, today=date(2026, 11, 24))
    assert errors_in(problems, PROVIDER) == []


def test_regulation_dates(problems_for) -> None:
    data = regulation(geldig_vanaf="2026-02-30")
    assert "geen geldige datum" in error_at(problems_for, REGULATION, data, "geldig_vanaf").message


@pytest.mark.parametrize("until", ["2025-12-31", "2026-01-01"])
def test_valid_until_before_valid_from(problems_for, until: str) -> None:
    data = regulation(geldig_vanaf="2026-01-01", geldig_tot=until)
    problem = error_at(problems_for, REGULATION, data, "geldig_tot", "geldig_tot:")
    assert "geldig_vanaf" in problem.message


def test_valid_period(problems_for) -> None:
    no_errors(problems_for, {REGULATION: regulation(geldig_vanaf="2026-01-01", geldig_tot="2026-12-31")})


def hours(*spans: dict[str, Any]) -> dict[str, Any]:
    return provider(diensten=[service(openingstijden={"tijden": list(spans)})])


@pytest.mark.parametrize("value", ["25:00", "24:30", "9.30", "930", "9:3", "12:60", "half tien"])
def test_invalid_times(problems_for, value: str) -> None:
    data = hours({"dagen": ["ma"], "van": "08:00", "tot": value})
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].openingstijden.tijden[1].tot", "tot:")
    assert "geen geldige tijd" in problem.message


def test_time_is_normalised(site) -> None:
    # Unquoted, the way editors write it (a YAML 1.1 loader would read 570).
    text = dump(hours({"dagen": ["ma", "di"], "van": "9:30", "tot": "24:00"})).replace("'", "")
    assert "van: 9:30" in text
    dataset = site.load({PROVIDER: text})
    assert dataset.problems == []
    span = dataset.catalogue.offers[0].service.hours.spans[0]
    assert (span.start, span.end) == ("09:30", "24:00")


@pytest.mark.parametrize(("start", "end"), [("17:00", "09:00"), ("9:00", "09:00"), ("10:00", "9:59")])
def test_end_before_start(problems_for, start: str, end: str) -> None:
    data = hours({"dagen": ["ma"], "van": start, "tot": end})
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].openingstijden.tijden[1]", "- dagen:")
    assert "eindtijd" in problem.message


def test_unknown_day(problems_for) -> None:
    data = hours({"dagen": ["ma", "maandag"], "van": "09:00", "tot": "17:00"})
    problem = error_at(
        problems_for, PROVIDER, data, "diensten[1].openingstijden.tijden[1].dagen[2]", "- maandag"
    )
    assert "'maandag' is geen toegestane waarde" in problem.message
    assert "ma" in problem.hint


# --- numbers and yes/no -----------------------------------------------------------


def ages(**values: Any) -> dict[str, Any]:
    return provider(diensten=[service(voor_wie={"zorgvrager": values})])


def test_minimum_age_above_maximum(problems_for) -> None:
    data = ages(leeftijd_vanaf="65", leeftijd_tot_en_met="18")
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].voor_wie.zorgvrager", "zorgvrager:")
    assert "maximale leeftijd" in problem.message


@pytest.mark.parametrize("value", ["abc", "-1", "18.5", "200", "achttien", "1e3"])
def test_invalid_age(problems_for, value: str) -> None:
    problem = error_at(
        problems_for, PROVIDER, ages(leeftijd_vanaf=value), "diensten[1].voor_wie.zorgvrager.leeftijd_vanaf"
    )
    assert "getal" in problem.message or "leeftijd" in problem.message


def test_huge_exponent_is_refused_quickly(problems_for) -> None:
    # Turning 1e999999 into an integer took close to a minute before numbers were limited.
    start = time.perf_counter()
    problems = problems_for(
        {
            PROVIDER: dump(ages(leeftijd_vanaf="1e999999", leeftijd_tot_en_met="9" * 100_000)),
            REGULATION: dump(regulation(bedrag="1e999999999", uren="1E-999999999")),
        }
    )
    assert time.perf_counter() - start < 2
    assert {p.field for p in errors_in(problems, REGULATION)} == {"bedrag", "uren"}
    assert len(errors_in(problems, PROVIDER)) == 2


@pytest.mark.parametrize("value", ["1.000", "1.000,50", "€ 75", "75 euro", "-5", "21,505", "NaN", "Infinity"])
def test_invalid_amounts(problems_for, value: str) -> None:
    problem = error_at(problems_for, REGULATION, regulation(bedrag=value), "bedrag", "bedrag:")
    assert "geen getal" in problem.message


@pytest.mark.parametrize(
    ("value", "amount"), [("75", "75"), ("21,50", "21.50"), ("0.5", "0.5"), ("1000", "1000")]
)
def test_valid_amounts(site, value: str, amount: str) -> None:
    dataset = site.load({REGULATION: dump(regulation(bedrag=value))})
    assert dataset.problems == []
    assert dataset.catalogue.regulations["vervangende-mantelzorg"].amount == Decimal(amount)


@pytest.mark.parametrize(("value", "expected"), [("ja", True), ("nee", False), ("Ja", True), ("NEE", False)])
def test_yes_no(site, value: str, expected: bool) -> None:
    dataset = site.load({PROVIDER: dump(provider(locaties=[location(vertrouwelijk=value)]))})
    assert dataset.problems == []
    assert dataset.catalogue.providers["gemeente-dordrecht"].locations[0].confidential is expected


def test_yes_no_refuses_other_words(problems_for) -> None:
    data = provider(locaties=[location(vertrouwelijk="misschien")])
    problem = error_at(problems_for, PROVIDER, data, "locaties[1].vertrouwelijk", "vertrouwelijk:")
    assert problem.message == "'misschien' is geen ja of nee."


# --- files in the data folders ----------------------------------------------------


@pytest.mark.parametrize("name", ["notities.txt", "oud.yml", "gemeente.yaml.bak"])
def test_file_that_is_no_record(problems_for, name: str) -> None:
    problem = one(problems_for({f"providers/{name}": "naam: x\n"}), f"providers/{name}")
    assert ".yaml" in problem.message


def test_readme_and_gitkeep_are_ignored(problems_for) -> None:
    assert problems_for({"providers/README.md": "# Aanbieders\n", "regulations/.gitkeep": ""}) == []


@pytest.mark.parametrize(
    "name", ["Het Parkhuis.yaml", "het_parkhuis.yaml", "-parkhuis.yaml", "Parkhuis.yaml"]
)
def test_bad_file_name(problems_for, name: str) -> None:
    problem = one(problems_for({f"providers/{name}": dump(provider())}), f"providers/{name}")
    assert "bestandsnaam" in problem.message
    assert "het-parkhuis.yaml" in problem.hint


def test_bad_file_name_and_bad_content_are_both_reported(problems_for) -> None:
    problems = problems_for({"providers/Het Parkhuis.yaml": dump(provider(soort="x"))})
    assert len(errors_in(problems, "providers/Het Parkhuis.yaml")) == 2


@pytest.mark.parametrize("name", ["archief", "oud.yaml"])
def test_folder_inside_a_data_folder(site, name: str) -> None:
    root = site.write()
    (root / "providers" / name).mkdir()
    (root / "providers" / name / "oud.yaml").write_text(dump(provider()), encoding="utf-8")
    problem = one(load(root).problems, f"providers/{name}")
    assert "geen map" in problem.message


# --- lists and text ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "data", "field"),
    [
        (PROVIDER, provider(diensten=[service(functies=[])]), "diensten[1].functies"),
        (PROVIDER, provider(diensten=[service(werkgebied=[])]), "diensten[1].werkgebied"),
        (PROVIDER, provider(diensten=[service(kosten={"betaald_door": []})]), "diensten[1].kosten.betaald_door"),
        (PROVIDER, hours({"dagen": [], "van": "09:00", "tot": "10:00"}), "diensten[1].openingstijden.tijden[1].dagen"),
        (FORM, respite_form(betaling=[]), "betaling"),
        (REGULATION, regulation(gemeenten=[]), "gemeenten"),
        (REGULATION, regulation(functies=[]), "functies"),
    ],
)  # fmt: skip
def test_empty_list_where_one_is_required(problems_for, file: str, data: dict[str, Any], field: str) -> None:
    problem = error_at(problems_for, file, data, field)
    assert "mag niet leeg" in problem.message


@pytest.mark.parametrize(
    "yaml_value", [r'"Het\aParkhuis"', r'"Het\x1bParkhuis"', r'"Het\u202eParkhuis"', r'"Het\x9bParkhuis"']
)
def test_text_with_control_characters(problems_for, yaml_value: str) -> None:
    text = dump(provider()).replace("naam: Gemeente Dordrecht", f"naam: {yaml_value}")
    problem = error_at(problems_for, PROVIDER, text, "naam", "naam:")
    assert "stuurtekens" in problem.message


@pytest.mark.parametrize(
    "yaml_value",
    [r'"regel een\nregel twee"', r'"regel een\rregel twee"', r'"regel een\Lregel twee"', "|\n  een\n  twee"],
)
def test_one_line_field_with_a_line_break(problems_for, yaml_value: str) -> None:
    text = dump(provider()).replace("naam: Gemeente Dordrecht", f"naam: {yaml_value}")
    problem = error_at(problems_for, PROVIDER, text, "naam", "naam:")
    assert "één regel" in problem.message


def test_multi_line_field_keeps_its_paragraphs(site) -> None:
    text = dump(provider()).replace(
        "samenvatting: De gemeente",
        "omschrijving: |\n  Alinea een.\n\n  Alinea twee.\nsamenvatting: De gemeente",
    )
    dataset = site.load({PROVIDER: text})
    assert dataset.problems == []
    assert dataset.catalogue.providers["gemeente-dordrecht"].description == "Alinea een.\n\nAlinea twee."


@pytest.mark.parametrize(("field", "limit"), [("samenvatting", 200), ("omschrijving", 5000)])
def test_too_long_text(problems_for, field: str, limit: int) -> None:
    problem = error_at(problems_for, PROVIDER, provider(**{field: "a" * (limit + 1)}), field)
    assert f"te lang ({limit + 1} tekens, maximaal {limit})" in problem.message


@pytest.mark.parametrize("value", ["", "   "])
def test_empty_text(problems_for, value: str) -> None:
    problem = error_at(problems_for, PROVIDER, provider(naam=value), "naam")
    assert "leeg" in problem.message


@pytest.mark.parametrize(("value", "hint"), [("open", "Kies uit"), ("gestop", "Bedoelde u 'gestopt'?")])
def test_status_value_not_allowed(problems_for, value: str, hint: str) -> None:
    data = provider(diensten=[service(status=value)])
    problem = error_at(problems_for, PROVIDER, data, "diensten[1].status", "status:")
    assert f"'{value}' is geen toegestane waarde" in problem.message
    assert hint in problem.hint


@pytest.mark.parametrize("value", ["Logeerhuis", "logeer huis", "logeerhuis-", "a--b", "logeerhuís"])
def test_bad_ids(problems_for, value: str) -> None:
    problem = error_at(problems_for, PROVIDER, provider(diensten=[service(id=value)]), "diensten[1].id")
    assert "geen geldige id" in problem.message


# --- warnings from the catalogue --------------------------------------------------


def test_service_without_any_phone_is_a_warning(site) -> None:
    data = provider(contact={"email": "info@example.org"})
    dataset = site.load({PROVIDER: dump(data)})
    assert dataset.errors == []
    [warning] = dataset.warnings
    assert (warning.file, warning.field, warning.severity) == (
        PROVIDER,
        "diensten[1].contact",
        "waarschuwing",
    )
    assert_dutch(warning)
    assert dataset.ok() and not dataset.ok(strict=True)


def test_service_phone_is_enough(site) -> None:
    data = provider(
        contact={"email": "info@example.org"}, diensten=[service(contact={"telefoon": "078 000 0102"})]
    )
    assert site.load({PROVIDER: dump(data)}).problems == []


def test_outdoor_service_without_location_is_a_warning(site) -> None:
    text = dump(provider(diensten=[service(locaties=[])]))
    dataset = site.load({PROVIDER: text})
    [warning] = dataset.warnings
    assert warning.field == "diensten[1].omgeving"
    assert warning.line == line_of(text, "omgeving: buitenshuis")
    assert dataset.errors == []


# --- many files at once -----------------------------------------------------------


def test_problems_from_many_files_come_in_one_run(site) -> None:
    dataset = site.load(
        {
            "providers/kapot-een.yaml": "naam: [niet gesloten\n",
            "providers/kapot-twee.yaml": dump(provider(soort="bakkerij")),
            "respite-forms/kapot-drie.yaml": dump(respite_form(omgeving="buiten")),
            "regulations/kapot-vier.yaml": dump(regulation(grondslag="wet")),
            "providers/goed.yaml": dump(provider(naam="Nog een aanbieder")),
        }
    )
    files = {p.file for p in dataset.errors}
    assert files == {
        "providers/kapot-een.yaml",
        "providers/kapot-twee.yaml",
        "respite-forms/kapot-drie.yaml",
        "regulations/kapot-vier.yaml",
    }
    assert len(dataset.errors) >= 4
    assert {s.id for s in dataset.sources} == {
        "gemeente-dordrecht",
        "goed",
        "logeeropvang",
        "vervangende-mantelzorg-aan-huis",
        "vervangende-mantelzorg",
    }
    assert dataset.problems == sorted(dataset.problems, key=lambda p: (p.file, p.line, p.column))


def test_every_error_in_one_file_is_reported(problems_for) -> None:
    data = provider(soort="bakkerij", contact={"telefoon": "1", "website": "ftp://x"})
    data["diensten"][0].update(doelgroepen=["dementia"], werkgebied=["rotterdam"])
    problems = errors_in(problems_for({PROVIDER: dump(data)}), PROVIDER)
    assert {p.field for p in problems} == {
        "soort",
        "contact.telefoon",
        "contact.website",
        "diensten[1].doelgroepen[1]",
        "diensten[1].werkgebied[1]",
    }


# --- stale records ----------------------------------------------------------------


def verified(on: str) -> dict[str, str]:
    return {"op": on, "door": "Respijtconsulent MEE"}


def test_stale_record_is_a_warning_grouped_by_file(site) -> None:
    text = dump(provider(gecontroleerd=verified("2025-10-23")))
    dataset = site.load({PROVIDER: text})
    assert dataset.errors == []
    [warning] = dataset.warnings
    assert warning.severity == "waarschuwing"
    assert (warning.file, warning.field) == (PROVIDER, "gecontroleerd")
    assert warning.line == line_of(text, "gecontroleerd:")
    assert "13 maanden" in warning.message and "2025-10-23" in warning.message
    assert_dutch(warning)
    [stale] = dataset.stale
    assert (stale.group, stale.relpath, stale.months) == ("providers/gemeente-dordrecht", PROVIDER, 13)
    assert dataset.ok() is True
    assert dataset.ok(strict=True) is False


@pytest.mark.parametrize(
    ("on", "stale"), [("2025-11-23", True), ("2025-11-24", False), ("2026-11-23", False)]
)
def test_stale_boundary(site, on: str, stale: bool) -> None:
    dataset = site.load({FORM: dump(respite_form(gecontroleerd=verified(on)))})
    assert bool(dataset.stale) is stale
    assert dataset.errors == []


def test_stale_service_with_its_own_check(site) -> None:
    data = provider(diensten=[service(gecontroleerd=verified("2025-01-15"))])
    text = dump(data)
    dataset = site.load({PROVIDER: text})
    [warning] = dataset.warnings
    assert warning.field == "diensten[1].gecontroleerd"
    assert warning.line == line_of(text, "gecontroleerd:")
    assert "Logeeropvang in het stadskantoor" in warning.message
    assert dataset.stale[0].months == 22


def test_stale_records_of_every_kind(site) -> None:
    old = verified("2024-01-01")
    dataset = site.load(
        {
            PROVIDER: dump(provider(gecontroleerd=old)),
            FORM: dump(respite_form(gecontroleerd=old)),
            REGULATION: dump(regulation(gecontroleerd=old)),
        }
    )
    assert {s.relpath for s in dataset.stale} == {PROVIDER, FORM, REGULATION}
    assert len(dataset.warnings) == 3
    assert dataset.errors == []


def test_stale_limit_comes_from_the_config(site) -> None:
    root = site.write({FORM: dump(respite_form(gecontroleerd=verified("2026-04-01")))})
    assert load(root).stale == []
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("stale_after_months: 12", "stale_after_months: 6"))
    assert [s.months for s in load(root).stale] == [7]


# --- HTML and scripts in every field of every record kind -------------------------

HTML = "<script>alert(1)</script> & <b>vet</b>"
SCRIPT_LINK = "javascript:alert(1)"

FIELDS = [
    (kind, path, field_kind, is_list)
    for kind, model in KINDS.items()
    for path, field_kind, is_list in schema_fields(model)
]
TEXT_FIELDS = [(k, p, is_list) for k, p, f, is_list in FIELDS if f in ("line", "text")]
LINK_FIELDS = [(k, p) for k, p, f, _ in FIELDS if f in ("url", "email", "phone")]


def _path_id(kind: str, path: tuple[str | int, ...]) -> str:
    return kind + ":" + ".".join(str(p) for p in path)


def _variants(name: str, fields: list[tuple[Any, ...]], value: str) -> dict[str, dict[str, Any]]:
    """One file per field: the complete example record with that field set to ``value``."""
    files = {}
    for number, (kind, path, *rest) in enumerate(fields):
        data = example_record(KINDS[kind])
        set_at(data, (*path, 0) if rest and rest[0] else path, value)
        files[f"{kind}/{name}-{number}.yaml"] = data
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """All hostile variants in one data folder, loaded once."""
    html = _variants("html", TEXT_FIELDS, HTML)
    links = _variants("link", LINK_FIELDS, SCRIPT_LINK)
    root = write_site(
        tmp_path_factory.mktemp("hostile"), {name: dump(data) for name, data in {**html, **links}.items()}
    )
    dataset = load(root)
    return {"dataset": dataset, "html": list(html), "links": list(links)}


def test_schema_walk_finds_the_fields() -> None:
    found = {_path_id(k, p) for k, p, _ in TEXT_FIELDS} | {_path_id(k, p) for k, p in LINK_FIELDS}
    for expected in (
        "providers:naam",
        "providers:diensten.0.omschrijving",
        "providers:diensten.0.voor_wie.mantelzorger.toelichting",
        "providers:diensten.0.openingstijden.toelichting",
        "providers:diensten.0.contact.website",
        "respite-forms:ook_bekend_als",
        "respite-forms:betaling.0.uitleg",
        "regulations:aanvragen.link",
        "providers:contact.email",
    ):
        assert expected in found
    assert len(TEXT_FIELDS) >= 35
    assert len(LINK_FIELDS) == 8


@pytest.mark.parametrize(
    ("number", "field"), list(enumerate(TEXT_FIELDS)), ids=[_path_id(k, p) for k, p, _ in TEXT_FIELDS]
)
def test_html_is_kept_as_literal_text(
    hostile_site: dict[str, Any], number: int, field: tuple[Any, ...]
) -> None:
    kind, path, is_list = field
    relpath = f"{kind}/html-{number}.yaml"
    dataset = hostile_site["dataset"]
    assert [p.text() for p in dataset.problems if p.file == relpath] == []
    source = next(s for s in dataset.sources if s.relpath == relpath)
    value = get_at(source.record.model_dump(by_alias=True), path)
    assert (value[0] if is_list else value) == HTML


@pytest.mark.parametrize(
    ("number", "field"), list(enumerate(LINK_FIELDS)), ids=[_path_id(k, p) for k, p in LINK_FIELDS]
)
def test_script_links_are_refused(hostile_site: dict[str, Any], number: int, field: tuple[Any, ...]) -> None:
    kind, path = field
    relpath = f"{kind}/link-{number}.yaml"
    dataset = hostile_site["dataset"]
    problem = one(dataset.problems, relpath, field_path(path))
    assert SCRIPT_LINK in problem.message
    assert relpath not in {s.relpath for s in dataset.sources}


def test_html_in_ids_is_refused(problems_for) -> None:
    data = provider(diensten=[service(id="<script>")])
    assert "geen geldige id" in error_at(problems_for, PROVIDER, data, "diensten[1].id").message


def test_html_in_file_names_is_refused(problems_for) -> None:
    name = "providers/<script>alert(1)<.script>.yaml"
    problem = one(problems_for({name: dump(provider())}), name)
    assert "bestandsnaam" in problem.message


def test_hidden_files_in_a_data_folder_are_ignored(problems_for) -> None:
    """.DS_Store and editor swap files are not records and not errors."""
    assert problems_for({"providers/.DS_Store": "\x00\x01", "providers/.gemeente.yaml.swp": "x"}) == []


def test_missing_data_folders_are_an_error(tmp_path) -> None:
    from mantelkaart.core.config import SiteConfig
    from mantelkaart.core.dataset import Dataset

    dataset = Dataset.load(tmp_path, SiteConfig())
    assert len(dataset.errors) == 1 and "data_dir" in dataset.errors[0].hint


def test_config_errors_are_dutch() -> None:
    from mantelkaart.core.config import ConfigError, SiteConfig

    with pytest.raises(ConfigError) as raised:
        SiteConfig.from_options({"stale_after_months": "veel", "regoin": "x"})
    text = str(raised.value)
    assert "verwacht: een heel getal" in text and "Bedoelde u 'region'?" in text
    assert "Input should" not in text
