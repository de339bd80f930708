"""The editors' field reference, generated from the record schema.

Every field of every record kind, with its Dutch description, whether it is
required, what kind of value it takes and an example in YAML.
"""

from __future__ import annotations

import html
import json
import types
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from mantelkaart.core.guide_file import default_text
from mantelkaart.core.guide_schema import Guide
from mantelkaart.core.records import KINDS
from mantelkaart.core.vocabulary import Vocabularies

TITLES = {
    "providers": ("Aanbieder", "map providers/"),
    "respite-forms": ("Vorm van respijtzorg", "map respite-forms/"),
    "regulations": ("Regeling", "map regulations/"),
    "keuzehulp": ("Keuzehulp", "bestand keuzehulp.yaml"),
}
SECTIONS: dict[str, type[BaseModel]] = {**KINDS, "keuzehulp": Guide}


@dataclass(frozen=True)
class FieldDoc:
    path: str
    required: bool
    kind: str
    description: str
    example: Any


def _value_kind(annotation: Any, extra: dict[str, Any] | None) -> str:
    if extra and "x-vocabulary" in extra:
        return f"een id uit de lijst '{extra['x-vocabulary']}'"
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _value_kind(inner[0], extra) if inner else "leeg"
    if origin is list:
        (item,) = get_args(annotation) or (Any,)
        return "lijst van " + _value_kind(item, _extra_of(item))
    if origin is dict:
        return "groep: per id een lijst van ids"
    if origin is Literal:
        return "een van: " + ", ".join(str(a) for a in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "groep velden"
    metadata = getattr(annotation, "__metadata__", ())
    for item in metadata:
        schema = getattr(item, "json_schema", None)
        if isinstance(schema, dict):
            return _describe_schema(schema)
        extra_of = getattr(item, "json_schema_extra", None)
        if isinstance(extra_of, dict) and "x-vocabulary" in extra_of:
            return f"een id uit de lijst '{extra_of['x-vocabulary']}'"
    return "tekst"


def _extra_of(annotation: Any) -> dict[str, Any] | None:
    for item in getattr(annotation, "__metadata__", ()):
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict):
            return extra
    return None


def _describe_schema(schema: dict[str, Any]) -> str:
    fmt = schema.get("format")
    if fmt == "date":
        return "datum (jjjj-mm-dd)"
    if fmt == "email":
        return "e-mailadres"
    pattern = schema.get("pattern", "")
    if pattern.startswith("^(https?"):
        return "webadres (https://…)"
    if "[+0-9]" in pattern:
        return "telefoonnummer"
    if "2[0-4]" in pattern:
        return "tijd (uu:mm)"
    if "[A-Za-z]{2}" in pattern:
        return "postcode"
    if "[a-z0-9]+" in pattern:
        return "id (kleine letters, cijfers, streepjes)"
    if schema.get("enum") == [True, False, "ja", "nee"]:
        return "ja of nee"
    if "integer" in str(schema.get("type")):
        return "heel getal"
    if "number" in str(schema.get("type")):
        return "getal"
    if schema.get("maxLength", 0) > 200:
        return "tekst (meerdere alinea's mogelijk)"
    return "tekst (één regel)"


def field_docs(model: type[BaseModel], prefix: str = "") -> Iterator[FieldDoc]:
    """Every field of ``model``, nested groups included, as dotted Dutch paths."""
    for name, info in model.model_fields.items():
        path = f"{prefix}{info.alias or name}"
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else None
        annotation = info.annotation
        example = info.examples[0] if info.examples else None
        yield FieldDoc(
            path, info.is_required(), _value_kind(annotation, extra), info.description or "", example
        )
        nested = _nested_model(annotation)
        if nested is not None:
            marker = "[]." if get_origin(_strip_optional(annotation)) is list else "."
            yield from field_docs(nested, path + marker)


def _strip_optional(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return inner[0] if inner else annotation
    return annotation


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    annotation = _strip_optional(annotation)
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _example_yaml(doc: FieldDoc) -> str:
    key = doc.path.rsplit(".", 1)[-1]
    value = doc.example
    if isinstance(value, str):
        return f"{key}: {value}"
    return f"{key}: {json.dumps(value, ensure_ascii=False)}"


def reference_html(vocabularies: Vocabularies) -> str:
    """The body of the page 'Alle velden' (escaped HTML)."""
    e = html.escape
    parts = [
        '<div class="mk-page mk-reference">',
        "<h1>Alle velden</h1>",
        '<p class="mk-lead">Elk veld van elk soort record, met uitleg en een voorbeeld. '
        "Deze pagina wordt gemaakt uit het schema dat ook de records controleert.</p>",
    ]
    for kind, model in SECTIONS.items():
        title, where = TITLES[kind]
        parts.append(f'<h2 id="{e(kind)}">{e(title)} <span class="mk-muted">({e(where)})</span></h2>')
        parts.append(
            '<table class="mk-fields"><thead><tr><th scope="col">Veld</th><th scope="col">Verplicht</th>'
            '<th scope="col">Waarde</th><th scope="col">Uitleg</th><th scope="col">Voorbeeld</th></tr></thead><tbody>'
        )
        for doc in field_docs(model):
            parts.append(
                f'<tr id="{e(kind)}-{e(doc.path)}"><th scope="row"><code>{e(doc.path)}</code></th>'
                f"<td>{'ja' if doc.required else 'nee'}</td><td>{e(doc.kind)}</td>"
                f"<td>{e(doc.description)}</td><td><code>{e(_example_yaml(doc))}</code></td></tr>"
            )
        parts.append("</tbody></table>")
        if kind == "keuzehulp":
            parts.append(
                "<p>Heeft de site geen eigen keuzehulp.yaml? Dan gebruikt hij dit standaardbestand. "
                "Kopieer het naar keuzehulp.yaml naast mkdocs.yml om het aan te passen.</p>"
                f"<details><summary>Het standaardbestand</summary><pre><code>{e(default_text())}</code></pre></details>"
            )
    parts.append('<h2 id="lijsten">Lijsten (vocabulaires)</h2>')
    for name, vocabulary in vocabularies.by_name.items():
        parts.append(f"<h3 id=\"lijst-{e(name)}\">Lijst '{e(name)}'</h3><ul>")
        for term in vocabulary.terms.values():
            words = f" (zoekwoorden: {e(', '.join(term.synonyms))})" if term.synonyms else ""
            parts.append(f"<li><code>{e(term.id)}</code>: {e(term.label)}{words}</li>")
        parts.append("</ul>")
    parts.append("</div>")
    return "\n".join(parts)
