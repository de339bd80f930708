"""The JSON Schema for editors agrees with `mantelkaart validate`.

* It accepts every valid record: the examples, the skeletons, the schema's own
  examples, and valid values of every field type, read as the strict loader reads
  them (all text) and as editors' YAML 1.2 tools read them (numbers, booleans).
* It rejects every invalid record the validator rejects at the record level, read
  as the loader reads it, except for the rules in ``VALIDATOR_ONLY``; for each of
  those a record proves the schema really cannot see it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from recordkit import (
    TODAY,
    dump,
    errors_in,
    provider,
    regulation,
    respite_form,
    service,
    write_site,
)
from yaml12 import load12

from mantelkaart.core.loader import parse_text
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.records import KINDS
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.editors.json_schema import (
    FILES,
    VALIDATOR_ONLY,
    example_record,
    record_schema,
    schema_comment,
    schema_texts,
)
from mantelkaart.editors.skeleton import skeleton_text

from support import MINI, REPO, run_cli

PROVIDER = "providers/gemeente-dordrecht.yaml"
FORM = "respite-forms/logeeropvang.yaml"
REGULATION = "regulations/vervangende-mantelzorg.yaml"


def validators(folder: Path) -> dict[str, Draft202012Validator]:
    config, root = site_config(folder / "mkdocs.yml")
    vocabularies = Vocabularies.load(root / "vocabularies")
    schemas = {kind: record_schema(kind, vocabularies, config) for kind in KINDS}
    for schema in schemas.values():
        Draft202012Validator.check_schema(schema)
    return {kind: Draft202012Validator(schema) for kind, schema in schemas.items()}


def schema_errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(data)]


@pytest.fixture(scope="module")
def test_site_schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Draft202012Validator]:
    return validators(write_site(tmp_path_factory.mktemp("schema-site")))


# --- accepting ----------------------------------------------------------------------


def record_files(folder: Path) -> list[Path]:
    return [path for kind in KINDS for path in sorted((folder / kind).glob("*.yaml"))]


@pytest.mark.parametrize("folder", [REPO, MINI], ids=["example", "mini"])
def test_schema_accepts_every_record_in_both_readings(folder: Path) -> None:
    checks = validators(folder)
    files = record_files(folder)
    assert len(files) >= 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        kind = path.parent.name
        for reading, data in (("loader", parse_text(text)), ("yaml 1.2", load12(text))):
            assert schema_errors(checks[kind], data) == [], f"{path} ({reading})"


def test_schema_accepts_its_own_examples_and_the_skeletons(tmp_path: Path) -> None:
    checks = validators(REPO)
    config, _ = site_config(REPO / "mkdocs.yml")
    skeleton_kinds = {"providers": "provider", "respite-forms": "respite-form", "regulations": "regulation"}
    for kind, model in KINDS.items():
        assert schema_errors(checks[kind], example_record(model)) == []
        text = skeleton_text(skeleton_kinds[kind], "Het Voorbeeld", config, TODAY, "gemeente-dordrecht")
        assert text.splitlines()[0] == f"# {schema_comment(kind)}"
        for data in (parse_text(text), load12(text)):
            assert schema_errors(checks[kind], data) == [], text


VALID_VALUES: list[tuple[str, tuple[str | int, ...], str]] = [
    *[("telefoon", ("contact", "telefoon"), v) for v in ["078 000 0101", "+31 78 000 0101", "0800 0000",
                                                         "06 1234 5678", "14 078", "0781234567", "(078) 000 0101"]],
    *[("website", ("contact", "website"), v) for v in ["http://example.org", "https://example.org/pad?x=1&y=2#kop",
                                                       "HTTPS://EXAMPLE.ORG", "mailto:info@example.org"]],
    ("email", ("contact", "email"), "Info.Redactie@Example.org"),
    *[("vertrouwelijk", ("locaties", 0, "vertrouwelijk"), v) for v in ["ja", "nee", "Ja", "NEE", "true", "no"]],
    ("postcode", ("locaties", 0, "postcode"), "3311gr"),
    ("breedtegraad", ("locaties", 0, "coordinaten", "breedtegraad"), "51,8133"),
    ("lengtegraad", ("locaties", 0, "coordinaten", "lengtegraad"), "7.25"),
    ("breedtegraad", ("locaties", 0, "coordinaten", "breedtegraad"), "53.6"),
    *[("van", ("diensten", 0, "openingstijden", "tijden", 0, "van"), v) for v in ["9:30", "00:00", "23:59"]],
    ("tot", ("diensten", 0, "openingstijden", "tijden", 0, "tot"), "23:59"),
    *[("leeftijd", ("diensten", 0, "voor_wie", "zorgvrager", "leeftijd_vanaf"), v) for v in ["0", "18", "120", "18.0"]],
    ("naam", ("naam",), "2024"),
    ("naam", ("naam",), "true"),
    ("id", ("diensten", 0, "id"), "2024"),
]  # fmt: skip


def set_path(data: Any, key: tuple[str | int, ...], value: Any) -> None:
    for part in key[:-1]:
        if isinstance(part, str) and part not in data:
            data[part] = {}
        data = data[part]
    data[key[-1]] = value


def with_value(key: tuple[str | int, ...], value: str) -> dict[str, Any]:
    data = provider()
    if key[:3] == ("diensten", 0, "openingstijden"):
        data["diensten"][0]["openingstijden"] = {
            "tijden": [{"dagen": ["ma"], "van": "00:00", "tot": "24:00"}]
        }
    set_path(data, key, value)
    return data


@pytest.mark.parametrize(("name", "key", "value"), VALID_VALUES, ids=[f"{n}={v}" for n, _, v in VALID_VALUES])
def test_schema_accepts_valid_values_in_both_readings(
    site, test_site_schemas, name: str, key: tuple[str | int, ...], value: str
) -> None:
    data = with_value(key, value)
    dataset = site.load({PROVIDER: dump(data)})
    assert dataset.errors == [], dataset.errors
    plain = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace(f"'{value}'", value)
    for reading in (parse_text(plain), load12(plain), parse_text(dump(data))):
        assert schema_errors(test_site_schemas["providers"], reading) == []


# --- rejecting ----------------------------------------------------------------------


def location(**changes: Any) -> dict[str, Any]:
    data = provider()["locaties"][0]
    data.update(changes)
    return data


def contact(**changes: Any) -> dict[str, Any]:
    data = provider()
    data["contact"].update(changes)
    return data


def hours(*spans: dict[str, Any]) -> dict[str, Any]:
    return provider(diensten=[service(openingstijden={"tijden": list(spans)})])


def ages(**values: Any) -> dict[str, Any]:
    return provider(diensten=[service(voor_wie={"zorgvrager": values})])


def without(data: dict[str, Any], *key: str | int) -> dict[str, Any]:
    target: Any = data
    for part in key[:-1]:
        target = target[part]
    del target[key[-1]]
    return data


def renamed(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    return {new if k == old else k: v for k, v in data.items()}


def text_with(needle: str, replacement: str) -> str:
    text = dump(provider())
    assert needle in text
    return text.replace(needle, replacement)


SCHEMA = "schema"  # rejected by the JSON Schema too

# (id, file, record dict or YAML text, SCHEMA or the VALIDATOR_ONLY rule that catches it)
INVALID: list[tuple[str, str, Any, str]] = [
    # required and unknown fields, shapes
    ("missing-naam", PROVIDER, without(provider(), "naam"), SCHEMA),
    ("missing-service-summary", PROVIDER, without(provider(), "diensten", 0, "samenvatting"), SCHEMA),
    ("missing-verification", REGULATION, without(regulation(), "gecontroleerd"), SCHEMA),
    ("unknown-field", PROVIDER, renamed(provider(), "samenvatting", "samenvating"), SCHEMA),
    ("unknown-service-field", PROVIDER, provider(diensten=[renamed(service(), "naam", "name")]), SCHEMA),
    ("unknown-contact-field", PROVIDER, provider(contact={"telefon": "078 000 0101"}), SCHEMA),
    ("empty-required", PROVIDER, text_with("soort: gemeente", "soort:"), SCHEMA),
    ("list-for-word", PROVIDER, provider(soort=["gemeente"]), SCHEMA),
    ("empty-date", PROVIDER, provider(gecontroleerd={"op": None, "door": "x"}), SCHEMA),
    ("text-for-list", PROVIDER, provider(diensten="logeeropvang"), SCHEMA),
    ("text-for-group", PROVIDER, provider(contact="078 000 0101"), SCHEMA),
    ("list-for-text", PROVIDER, provider(naam=["a", "b"]), SCHEMA),
    # vocabularies and municipalities
    ("vocabulary", PROVIDER, provider(diensten=[service(doelgroepen=["nah", "dementia"])]), SCHEMA),
    ("vocabulary-deep", PROVIDER, provider(diensten=[service(kosten={"betaald_door": ["wmoo"]})]), SCHEMA),
    ("vocabulary-kind", PROVIDER, provider(soort="bakkerij"), SCHEMA),
    ("vocabulary-no-id", PROVIDER, provider(diensten=[service(functies=["Respijt Zorg"])]), SCHEMA),
    ("municipality", PROVIDER, provider(diensten=[service(werkgebied=["dordrecht", "rotterdam"])]), SCHEMA),
    ("municipality-regulation", REGULATION, regulation(gemeenten=["dordrect"]), SCHEMA),
    ("status", PROVIDER, provider(diensten=[service(status="open")]), SCHEMA),
    ("day", PROVIDER, hours({"dagen": ["ma", "maandag"], "van": "09:00", "tot": "17:00"}), SCHEMA),
    # places
    *[(f"coordinates-{name}", PROVIDER, provider(locaties=[location(coordinaten=value)]), SCHEMA) for name, value in [
        ("paris", {"breedtegraad": "48.8566", "lengtegraad": "2.3522"}),
        ("swapped", {"breedtegraad": "4.6901", "lengtegraad": "51.8133"}),
        ("abc", {"breedtegraad": "abc", "lengtegraad": "4.69"}),
        ("nan", {"breedtegraad": "nan", "lengtegraad": "4.69"}),
        ("inf", {"breedtegraad": "inf", "lengtegraad": "4.69"}),
        ("two-commas", {"breedtegraad": "51,8133,1", "lengtegraad": "4.69"}),
        ("east", {"breedtegraad": "51.8", "lengtegraad": "7.251"}),
        ("north", {"breedtegraad": "53.61", "lengtegraad": "4.69"}),
    ]],
    *[(f"postcode-{v}", PROVIDER, provider(locaties=[location(postcode=v)]), SCHEMA)
      for v in ["1234", "0123 AB", "3311 SS", "3311-AB", "33111 AB", "AB 3311"]],
    ("address-without-postcode", PROVIDER, provider(locaties=[location(postcode=None)]), SCHEMA),
    ("address-without-postcode-not-confidential", PROVIDER,
     provider(locaties=[location(postcode=None, vertrouwelijk="nee")]), SCHEMA),
    ("yes-no", PROVIDER, provider(locaties=[location(vertrouwelijk="misschien")]), SCHEMA),
    # contact
    *[(f"phone-{v}", PROVIDER, contact(telefoon=v), SCHEMA) for v in ["12345", "bel ons", "+1 555", "0800"]],
    *[(f"phone-{v}", PROVIDER, contact(telefoon=v), "telefoonnummer") for v in ["078 000 010", "06-1234"]],
    ("service-phone", PROVIDER, provider(diensten=[service(contact={"telefoon": "123"})]), SCHEMA),
    *[(f"link-{v}", PROVIDER, contact(website=v), SCHEMA) for v in [
        "javascript:alert(1)", "JavaScript:alert(document.cookie)", "  javascript:alert(1)",
        "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
        "ftp://example.org/bestand", "file:///etc/passwd", "//evil.example.org", "www.example.org",
        "https://", "https://exa mple.org", "http://[::1", "mailto:geen-adres",
    ]],
    *[(f"email-{v}", PROVIDER, contact(email=v), SCHEMA)
      for v in ["info@", "info at example.org", "@example.org", "javascript:alert(1)", "info@example",
                "a b@example.org"]],
    *[(f"email-{v}", PROVIDER, contact(email=v), "e-mailadres") for v in ["a..b@example.org", "info@example.test"]],
    # dates and times
    *[(f"date-{v}", PROVIDER, provider(gecontroleerd={"op": v, "door": "Redactie"}), SCHEMA)
      for v in ["2026-13-45", "15-03-2026", "2026-3-5", "gisteren", "20260315"]],
    ("date-feb-30", PROVIDER, provider(gecontroleerd={"op": "2026-02-30", "door": "Redactie"}), "kalenderdatum"),
    ("regulation-date-feb-30", REGULATION, regulation(geldig_vanaf="2026-02-30"), "kalenderdatum"),
    ("future", PROVIDER, provider(gecontroleerd={"op": "2026-11-24", "door": "Redactie"}), "controle-in-toekomst"),
    ("period", REGULATION, regulation(geldig_vanaf="2026-01-01", geldig_tot="2025-12-31"), "geldigheid"),
    *[(f"time-{v}", PROVIDER, hours({"dagen": ["ma"], "van": "08:00", "tot": v}), SCHEMA)
      for v in ["25:00", "24:30", "9.30", "930", "9:3", "12:60", "half tien"]],
    ("end-before-start", PROVIDER, hours({"dagen": ["ma"], "van": "17:00", "tot": "09:00"}), "tijdvak"),
    # numbers
    ("ages", PROVIDER, ages(leeftijd_vanaf="65", leeftijd_tot_en_met="18"), "leeftijden"),
    *[(f"age-{v}", PROVIDER, ages(leeftijd_vanaf=v), SCHEMA)
      for v in ["abc", "-1", "18.5", "200", "achttien", "1e3", "0000000018"]],
    *[(f"amount-{v}", REGULATION, regulation(bedrag=v), SCHEMA)
      for v in ["1.000", "1.000,50", "€ 75", "75 euro", "-5", "21,505", "NaN", "Infinity", "1e999999999"]],
    # lists and text
    ("empty-functions", PROVIDER, provider(diensten=[service(functies=[])]), SCHEMA),
    ("empty-area", PROVIDER, provider(diensten=[service(werkgebied=[])]), SCHEMA),
    ("empty-paid-by", PROVIDER, provider(diensten=[service(kosten={"betaald_door": []})]), SCHEMA),
    ("empty-days", PROVIDER, hours({"dagen": [], "van": "09:00", "tot": "10:00"}), SCHEMA),
    ("empty-payments", FORM, respite_form(betaling=[]), SCHEMA),
    ("empty-municipalities", REGULATION, regulation(gemeenten=[]), SCHEMA),
    ("empty-regulation-functions", REGULATION, regulation(functies=[]), SCHEMA),
    *[(f"control-{v}", PROVIDER, text_with("naam: Gemeente Dordrecht", f"naam: {v}"), SCHEMA)
      for v in [r'"Het\aParkhuis"', r'"Het\x1bParkhuis"', r'"Het\u202eParkhuis"', r'"Het\x9bParkhuis"']],
    *[(f"line-break-{i}", PROVIDER, text_with("naam: Gemeente Dordrecht", f"naam: {v}"), SCHEMA)
      for i, v in enumerate([r'"regel een\nregel twee"', r'"regel een\rregel twee"', r'"regel een\Lregel twee"',
                             "|\n  een\n  twee"])],
    ("too-long-line", PROVIDER, provider(samenvatting="a" * 201), SCHEMA),
    ("too-long-text", PROVIDER, provider(omschrijving="a" * 5001), SCHEMA),
    ("empty-text", PROVIDER, provider(naam=""), SCHEMA),
    ("blank-text", PROVIDER, provider(naam="   "), SCHEMA),
    *[(f"id-{v}", PROVIDER, provider(diensten=[service(id=v)]), SCHEMA)
      for v in ["Logeerhuis", "logeer huis", "logeerhuis-", "a--b", "logeerhuís"]],
    # references and uniqueness
    ("respite-form", PROVIDER, provider(diensten=[service(respijtvorm="logeer-opvang")]), "verwijzing"),
    ("issuer", REGULATION, regulation(uitgever="gemeente-dordrect"), "verwijzing"),
    ("regulation-forms", REGULATION, regulation(respijtvormen=["logeeropvang", "vervangend"]), "verwijzing"),
    ("service-location", PROVIDER, provider(diensten=[service(locaties=["stadskantor"])]), "locatie-van-dienst"),
    ("duplicate-services", PROVIDER, provider(diensten=[service(), service(naam="Nog een")]), "unieke-ids"),
    ("duplicate-locations", PROVIDER,
     provider(locaties=[location(), location(plaats="Zwijndrecht")]), "unieke-ids"),
    # file level
    ("file-name", "providers/Het Parkhuis.yaml", provider(), "bestandsnaam"),
    ("duplicate-key", PROVIDER, text_with("naam: Gemeente Dordrecht", "naam: Gemeente Dordrecht\nnaam: Nog een"),
     "yaml"),
]  # fmt: skip


# Read as YAML 1.2, these values become valid numbers: only the loader's reading (text) shows the mistake.
TYPED_READING_GAPS = {"age-0000000018": "YAML 1.2 reads 0000000018 as the number 18"}


@pytest.mark.parametrize(("case", "file", "record", "expected"), INVALID, ids=[c[0] for c in INVALID])
def test_schema_and_validator_agree_on_invalid_records(
    site, test_site_schemas, case: str, file: str, record: Any, expected: str
) -> None:
    text = record if isinstance(record, str) else dump(record)
    problems = site.load({file: text}).problems
    assert errors_in(problems, file), f"the validator accepts {case}"
    kind = file.split("/")[0]
    # What the validator read: every value as text (for strict YAML errors, a lenient reader).
    data = yaml.safe_load(text) if expected == "yaml" else parse_text(text)
    errors = schema_errors(test_site_schemas[kind], data)
    if expected == SCHEMA:
        assert errors, f"the JSON Schema accepts {case}"
        # Editors' tools read YAML 1.2 types; they must see the same mistake.
        try:
            typed = load12(text)
        except yaml.YAMLError:
            return  # the editor shows a YAML error instead
        if case not in TYPED_READING_GAPS:
            assert schema_errors(test_site_schemas[kind], typed), (
                f"the schema accepts {case} read as YAML 1.2"
            )
    else:
        assert expected in VALIDATOR_ONLY
        assert errors == [], f"{case} is listed as validator-only ({expected}), but the schema rejects it"


def test_validator_only_rules_are_exactly_the_listed_ones() -> None:
    proven = {expected for *_, expected in INVALID if expected != SCHEMA}
    assert proven == set(VALIDATOR_ONLY)


def test_future_date_depends_on_today(site, test_site_schemas) -> None:
    """Why the future check is validator-only: the same record is valid a day later."""
    text = dump(provider(gecontroleerd={"op": "2026-11-24", "door": "Redactie"}))
    assert site.load({PROVIDER: text}, today=date(2026, 11, 24)).errors == []


# --- the files ---------------------------------------------------------------------


def test_schema_has_vocabularies_municipalities_dutch_descriptions_and_no_extras() -> None:
    config, root = site_config(REPO / "mkdocs.yml")
    schema = record_schema("providers", Vocabularies.load(root / "vocabularies"), config)
    service_schema = schema["$defs"]["Service"]
    for node in (schema, service_schema):  # unknown fields are refused, with a Dutch message
        assert (
            node["propertyNames"]["enum"] == list(node["properties"]) and "additionalProperties" not in node
        )
    assert "dementie" in service_schema["properties"]["doelgroepen"]["items"]["enum"]
    area = service_schema["properties"]["werkgebied"]["items"]["enum"]
    assert area == [*config.municipalities, "landelijk"]
    assert schema["properties"]["naam"]["description"] == "Naam van de organisatie."
    assert schema["properties"]["naam"]["examples"] == ["De Mantelaar"]
    assert "title" not in schema["properties"]["naam"]  # pydantic's English titles are dropped
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_site_vocabulary_reaches_the_schema(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"vocabularies/doelgroepen.yaml": "mantelzorgende-buren:\n  label: Buren\n"})
    checks = validators(root)
    data = provider(diensten=[service(doelgroepen=["mantelzorgende-buren"])])
    assert schema_errors(checks["providers"], data) == []
    assert schema_errors(validators(write_site(tmp_path / "zonder"))["providers"], data)


def test_committed_schema_files_are_current() -> None:
    config, root = site_config(REPO / "mkdocs.yml")
    for name, text in schema_texts(Vocabularies.load(root / "vocabularies"), config).items():
        assert (REPO / "schema" / name).read_text(encoding="utf-8") == text, (
            f"run 'mantelkaart schema' ({name})"
        )
    assert run_cli("schema", "--check", cwd=REPO).returncode == 0


def test_every_record_starts_with_the_schema_line() -> None:
    for kind in KINDS:
        for path in sorted((REPO / kind).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# {schema_comment(kind)}", path
            assert (path.parent / first.split("$schema=")[1]).resolve() == REPO / "schema" / FILES[kind]


def test_schema_command_writes_and_checks(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    assert run_cli("schema", "--check", cwd=root).returncode == 1
    result = run_cli("schema", cwd=root)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (root / "schema").iterdir()) == sorted(FILES.values())
    assert run_cli("schema", "--check", cwd=root).returncode == 0
    stale = json.loads((root / "schema" / "provider.json").read_text(encoding="utf-8"))
    stale["title"] = "Oud"
    (root / "schema" / "provider.json").write_text(json.dumps(stale), encoding="utf-8")
    check = run_cli("schema", "--check", cwd=root)
    assert check.returncode == 1 and "provider.json is niet actueel" in check.stderr
    assert run_cli("schema", "--out", "elders", cwd=root).returncode == 0
    assert (root / "elders" / "regulation.json").is_file()


def test_schema_command_reports_a_broken_vocabulary_in_dutch(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"vocabularies/kleuren.yaml": "rood:\n  label: Rood\n"})
    result = run_cli("schema", cwd=root)
    assert result.returncode == 1
    assert "kleuren.yaml" in result.stderr and "Traceback" not in result.stderr


# --- Dutch help in editors' tools ----------------------------------------------------


def _nodes(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [n for item in node for n in _nodes(item)]
    if not isinstance(node, dict):
        return []
    # not the names of fields (checked with their object) nor the conditions of an "if"
    skip = ("examples", "enum", "propertyNames", "if")
    return [node, *[n for key, value in node.items() if key not in skip for n in _nodes(value)]]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_pattern_choice_and_object_has_a_dutch_message(kind: str) -> None:
    """yaml-language-server shows these instead of its English text with the raw expression."""
    config, root = site_config(REPO / "mkdocs.yml")
    nodes = _nodes(record_schema(kind, Vocabularies.load(root / "vocabularies"), config))
    patterns = [n for n in nodes if "pattern" in n]
    choices = [n for n in nodes if "enum" in n]
    objects = [n for n in nodes if n.get("type") == "object" and "properties" in n]
    assert patterns and choices and objects
    assert all(
        n["patternErrorMessage"].startswith(("Schrijf", "Gebruik", "Een link", "Dit klopt niet. "))
        for n in patterns
    )
    assert all(n["errorMessage"].startswith("Kies uit: ") for n in choices if n.get("x-kind") != "time")
    for n in objects:
        assert "additionalProperties" not in n and n["propertyNames"]["enum"] == list(n["properties"])
        assert n["propertyNames"]["errorMessage"].startswith("Dit veld bestaat hier niet")
    assert not [n for n in nodes if " or " in str(n.get("errorMessage", ""))]


def test_choices_are_listed_with_of() -> None:
    config, root = site_config(REPO / "mkdocs.yml")
    schema = record_schema("providers", Vocabularies.load(root / "vocabularies"), config)
    status = schema["$defs"]["Service"]["properties"]["status"]
    assert status["errorMessage"] == "Kies uit: actief, tijdelijk-gesloten of gestopt."


def test_times_as_yaml_1_1_reads_them_are_accepted(test_site_schemas) -> None:
    """YAML 1.1 reads 08:00 as 480 (base 60): tools in that mode must not flag the example times."""
    data = provider(
        diensten=[service(openingstijden={"tijden": [{"dagen": ["ma"], "van": 480, "tot": 1440}]})]
    )
    assert schema_errors(test_site_schemas["providers"], data) == []
    late = provider(
        diensten=[service(openingstijden={"tijden": [{"dagen": ["ma"], "van": 480, "tot": 1441}]})]
    )
    assert schema_errors(test_site_schemas["providers"], late)
