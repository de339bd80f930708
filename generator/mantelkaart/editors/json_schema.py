"""JSON Schema for each record kind, for editors' tools, generated from the record schema.

``core/records.py`` is the source: pydantic writes the JSON Schema (Dutch field names,
Dutch descriptions and examples), and this module completes it for one site:
vocabulary fields get an ``enum`` of the site's ids, ``gemeenten`` and
``werkgebied`` the region's municipalities plus ``landelijk``.

The schemas describe records as the strict loader reads them (every value is
text) and also accept the numbers and booleans that YAML 1.2 tools (editors with
the YAML extension, the web editor) make of such text. They are published at
``/schema/<kind>.json`` and written into the repository by ``mantelkaart schema``,
so that every record can start with::

    # yaml-language-server: $schema=../schema/provider.json

Editors' tools show the schema's Dutch messages (``patternErrorMessage``,
``errorMessage``; see :func:`_add_messages` and docs-dev/web-editor.md), and times
also accept the numbers YAML 1.1 tools make of them (``08:00`` is 480 there).

Some rules only ``mantelkaart validate`` can check; they are listed in
:data:`VALIDATOR_ONLY` (and tested to be exactly those).
"""

from __future__ import annotations

import copy
import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from mantelkaart.core.catalogue import Catalogue
from mantelkaart.core.config import NATIONWIDE, SiteConfig
from mantelkaart.core.records import KINDS
from mantelkaart.core.vocabulary import Vocabularies

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schema"
FILES = {"providers": "provider.json", "respite-forms": "respite-form.json", "regulations": "regulation.json"}
TITLES = {
    "providers": "Aanbieder (Mantelkaart)",
    "respite-forms": "Vorm van respijtzorg (Mantelkaart)",
    "regulations": "Regeling (Mantelkaart)",
}
DESCRIPTIONS = {
    "providers": "Een organisatie met de diensten die zij aanbiedt. Eén record per bestand in providers/.",
    "respite-forms": "Uitleg over een vorm van respijtzorg. Eén record per bestand in respite-forms/.",
    "regulations": "Een regeling van een gemeente, verzekeraar of het Rijk. Eén record per bestand in regulations/.",
}
GENERATED = "Gemaakt door 'mantelkaart schema' uit het recordschema; niet met de hand aanpassen."

# Dutch messages that editors' tools show (yaml-language-server's `patternErrorMessage`
# and `errorMessage`), by "x-kind" of the field type; also the web editor's pattern hints.
PATTERN_MESSAGES = {
    "slug": "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'het-parkhuis'.",
    "url": "Een link begint met https:// (of mailto: voor e-mail).",
    "email": "Schrijf het e-mailadres als naam@voorbeeld.nl.",
    "phone": "Schrijf het nummer met netnummer, bijvoorbeeld 078 000 0000.",
    "time": "Schrijf de tijd als uu:mm, bijvoorbeeld 09:30.",
    "date": "Schrijf de datum als jjjj-mm-dd, bijvoorbeeld 2026-09-01.",
    "postcode": "Schrijf vier cijfers en twee letters, bijvoorbeeld 3311 AB.",
    "amount": "Schrijf alleen het getal, bijvoorbeeld 75 of 21,50.",
    "age": "Schrijf een leeftijd in hele jaren, bijvoorbeeld 18.",
    "coordinate": "Schrijf een decimaal getal in Nederland, bijvoorbeeld 51.8133 of 4.6901.",
    "yes-no": "Schrijf ja of nee.",
    "line": "Schrijf hier tekst op één regel, zonder tabs of andere onzichtbare tekens.",
    "text": "Schrijf hier gewone tekst, zonder tabs of andere onzichtbare tekens.",
}
# YAML 1.1 tools (yaml-language-server with `yamlVersion: 1.1`) read 08:00 as the number
# 480 (base 60); a time therefore also accepts the numbers 0:00 to 24:00 become.
SEXAGESIMAL_DAY = 24 * 60

# Rules of `mantelkaart validate` that a JSON Schema cannot express, by id. A test
# proves, for each, that the validator rejects a record the schema accepts.
VALIDATOR_ONLY: dict[str, str] = {
    "verwijzing": "Een verwijzing naar een ander record (respijtvorm, respijtvormen, uitgever) "
    "moet naar een bestaand bestand wijzen.",
    "locatie-van-dienst": "De locaties van een dienst moeten bij dezelfde aanbieder staan.",
    "unieke-ids": "De ids van diensten en van locaties zijn uniek binnen een aanbieder.",
    "tijdvak": "De eindtijd ligt na de begintijd.",
    "leeftijden": "De maximale leeftijd is niet lager dan de minimale.",
    "geldigheid": "'geldig_tot' ligt na 'geldig_vanaf'.",
    "controle-in-toekomst": "De datum van de controle ligt niet in de toekomst.",
    "kalenderdatum": "Een datum bestaat echt (dus geen 30 februari).",
    "telefoonnummer": "Een telefoonnummer bestaat volgens het nummerplan (het schema kijkt alleen naar de tekens).",
    "e-mailadres": "Een e-mailadres volgt alle regels voor e-mailadressen (het schema kijkt alleen naar de vorm).",
    "bestandsnaam": "De bestandsnaam is een geldige id en eindigt op .yaml.",
    "yaml": "Strikte YAML: geen dubbele velden, ankers, tags of meer documenten in één bestand.",
}


def schema_comment(kind: str) -> str:
    """The first line of every record: where editors' tools find the schema in a clone."""
    return f"yaml-language-server: $schema=../{FOLDER}/{FILES[kind]}"


def record_schema(kind: str, vocabularies: Vocabularies, config: SiteConfig) -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of one record kind for this site."""
    model = KINDS[kind]
    generated = model.model_json_schema(by_alias=True)
    municipalities = [*config.municipalities, NATIONWIDE]
    _complete(generated, vocabularies, municipalities)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": TITLES[kind],
        "description": DESCRIPTIONS[kind],
        "$comment": GENERATED,
        "examples": [example_record(model)],
    }
    schema.update(generated)
    return schema


def _complete(node: Any, vocabularies: Vocabularies, municipalities: list[str]) -> None:
    """Vocabulary enums in, pydantic's English titles and empty defaults out (in place)."""
    if isinstance(node, list):
        for item in node:
            _complete(item, vocabularies, municipalities)
        return
    if not isinstance(node, dict):
        return
    vocabulary = node.get("x-vocabulary")
    if vocabulary == "gemeenten":
        node["enum"] = list(municipalities)
    elif vocabulary:
        node["enum"] = vocabularies[vocabulary].ids()
    node.pop("title", None)
    _add_messages(node)
    if "default" in node:
        default = node["default"]
        if default is None or default == []:
            del node["default"]
        elif isinstance(default, bool):
            node["default"] = "ja" if default else "nee"
    for key, value in node.items():
        if key not in ("examples", "default", "enum", "const"):
            _complete(value, vocabularies, municipalities)


def _choices(values: list[Any]) -> str:
    words = [str(v) for v in values]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} of {words[-1]}"


def _add_messages(node: dict[str, Any]) -> None:
    """Dutch messages for patterns, choices and unknown fields (yaml-language-server shows them).

    An unknown field is refused with ``propertyNames`` instead of ``additionalProperties:
    false`` (the same rule, as no record kind has ``patternProperties``): that is where
    yaml-language-server reads a message of our own, at the key, without its English one.
    """
    kind = node.get("x-kind")
    if kind == "time":
        node.update(type=["string", "integer"], minimum=0, maximum=SEXAGESIMAL_DAY)
        node["errorMessage"] = PATTERN_MESSAGES["time"]
    if "pattern" in node and kind in PATTERN_MESSAGES:
        node["patternErrorMessage"] = PATTERN_MESSAGES[kind]
    elif "pattern" in node and node.get("description"):  # a field's own rule, e.g. volgende_stap.door
        node["patternErrorMessage"] = f"Dit klopt niet. {node['description']}"
    if "enum" in node and "errorMessage" not in node:
        node["errorMessage"] = f"Kies uit: {_choices(node['enum'])}."
    if node.get("additionalProperties") is False and "properties" in node:
        del node["additionalProperties"]
        names = list(node["properties"])
        node["propertyNames"] = {
            "enum": names,
            "errorMessage": f"Dit veld bestaat hier niet (let op de spelling). Kies uit: {_choices(names)}.",
        }


def example_record(model: type[BaseModel]) -> dict[str, Any]:
    """A complete record with every field filled from the examples in the schema."""
    hints = typing.get_type_hints(model, include_extras=True)
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        inner, is_list = _unwrap(hints[name])
        key = info.alias or name
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            value = example_record(inner)
            data[key] = [value] if is_list else value
        elif info.examples:
            data[key] = copy.deepcopy(info.examples[0])
    return data


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """The item type inside ``X | None`` and ``list[X]``, and whether it was a list."""
    is_list = False
    while True:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        origin = typing.get_origin(hint)
        if origin is list:
            hint, is_list = args[0], True
        elif origin is not None and origin is not typing.Annotated and len(args) == 1:
            hint = args[0]
        else:
            return hint, is_list


def schema_texts(vocabularies: Vocabularies, config: SiteConfig) -> dict[str, str]:
    """Every schema file as text, by file name."""
    return {
        FILES[kind]: json.dumps(record_schema(kind, vocabularies, config), ensure_ascii=False, indent=2)
        + "\n"
        for kind in KINDS
    }


def write_schemas(folder: Path, vocabularies: Vocabularies, config: SiteConfig) -> list[Path]:
    """Write the schema files into ``folder``; returns the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in schema_texts(vocabularies, config).items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def outdated_schemas(folder: Path, vocabularies: Vocabularies, config: SiteConfig) -> list[Path]:
    """Schema files in ``folder`` that are missing or differ from the current schema."""
    return [
        folder / name
        for name, text in schema_texts(vocabularies, config).items()
        if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text
    ]


def schema_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    """Producer: the schemas at /schema/<kind>.json, the same as the files in the repository."""
    from mantelkaart.site.site_output import OutputFile

    # The whole site's (every region's municipalities), as the files in the repository are.
    for name, text in schema_texts(catalogue.vocabularies, catalogue.config.whole_site()).items():
        yield OutputFile(f"{FOLDER}/{name}", text)
