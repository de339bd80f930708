"""The web editor at /admin/: Decap CMS, configured from the record schema.

``admin/config.yml`` is generated from the JSON Schema of each record kind
(:mod:`mantelkaart.editors.json_schema`): a folder collection per kind, a form field per
record field (text, lists, groups, choices from the vocabularies, links to other
records), Dutch labels and hints, and the editorial workflow, so that every save
becomes a pull request. Records are read and written by ``record-format.js``,
which keeps every value as text (like the strict loader) and writes one fixed
layout, so a change to one field changes one line.

Decap's bundle and the ``yaml`` library are copied from ``node_modules`` (npm ci);
nothing is loaded from elsewhere.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from mantelkaart.core.catalogue import Catalogue
from mantelkaart.core.config import SiteConfig
from mantelkaart.core.records import KINDS
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.editors.json_schema import PATTERN_MESSAGES, record_schema, schema_comment
from mantelkaart.site.frontend import node_modules

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

FOLDER = "admin"
FORMAT = "mantelkaart-yaml"
COLLECTIONS = {
    "providers": ("Aanbieders", "Aanbieder", "Organisaties met hun diensten en locaties."),
    "respite-forms": ("Vormen van respijtzorg", "Vorm van respijtzorg", "Uitleg per vorm van respijtzorg."),
    "regulations": ("Regelingen", "Regeling", "Regelingen van gemeenten, verzekeraars en het Rijk."),
}
DAYS = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag"}
DAYS |= {"za": "zaterdag", "zo": "zondag"}
STATUS = {"actief": "Actief", "tijdelijk-gesloten": "Tijdelijk gesloten", "gestopt": "Gestopt"}
LABELS = {"email": "E-mail", "id": "Id (korte naam)", "voor_wie": "Voor wie", "coordinaten": "Coördinaten"}
SINGULAR = {"diensten": "Dienst", "locaties": "Locatie", "tijden": "Tijdvak", "betaling": "Betaling"}
SUMMARIES = {
    "diensten": "{{fields.naam}}",
    "locaties": "{{fields.id}}: {{fields.plaats}}",
    "tijden": "{{fields.van}} tot {{fields.tot}}",
    "betaling": "{{fields.door}}",
}
COMMIT_MESSAGES = {
    "create": "Nieuw record in {{collection}}: {{slug}}",
    "update": "Bijgewerkt in {{collection}}: {{slug}}",
    "delete": "Verwijderd uit {{collection}}: {{slug}}",
    "uploadMedia": "Bestand toegevoegd: {{path}}",
    "deleteMedia": "Bestand verwijderd: {{path}}",
}


def _label(name: str) -> str:
    return LABELS.get(name) or name.replace("_", " ").capitalize()


class FormBuilder:
    """Decap CMS fields from the JSON Schema of one record kind."""

    def __init__(self, kind: str, vocabularies: Vocabularies, config: SiteConfig) -> None:
        self.kind = kind
        self.vocabularies = vocabularies
        self.config = config
        self.schema = record_schema(kind, vocabularies, config)
        self.defs: dict[str, Any] = self.schema.get("$defs", {})

    def _resolve(self, node: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        """The schema behind ``$ref`` and ``X | None``, and whether empty is allowed."""
        nullable = False
        if "anyOf" in node:
            options = [o for o in node["anyOf"] if o.get("type") != "null"]
            nullable = len(options) < len(node["anyOf"])
            node = {**{k: v for k, v in node.items() if k != "anyOf"}, **options[0]}
        if "$ref" in node:
            target = self.defs[node["$ref"].rsplit("/", 1)[1]]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node, nullable

    def fields(self, node: dict[str, Any], optional_in: str = "") -> list[dict[str, Any]]:
        """Form fields of an object; ``optional_in`` is the label of the optional object they are in.

        Decap checks the required fields inside an ``object`` widget even when the object
        itself is optional and absent (decap-cms issues #2103, #7748), so a service without
        ``gecontroleerd`` could not be saved. Inside an optional object every field is
        therefore optional in the form, with a hint that says when it is needed;
        ``mantelkaart validate`` (run on every proposed change) checks the real rule.
        """
        required = set(node.get("required", []))
        fields = []
        for name, prop in node["properties"].items():
            field = self.field(name, prop, name in required and not optional_in)
            if optional_in and name in required:
                needed = f"Nodig als u iets invult bij '{optional_in}'."
                field["hint"] = f"{field['hint']} {needed}" if field.get("hint") else needed
            fields.append(field)
        return fields

    def field(self, name: str, prop: dict[str, Any], required: bool) -> dict[str, Any]:
        node, nullable = self._resolve(prop)
        result: dict[str, Any] = {"name": name, "label": _label(name)}
        if node.get("description"):
            result["hint"] = node["description"]
        result["required"] = required and not nullable
        if node.get("type") == "object":
            inner = self.fields(node, optional_in="" if result["required"] else result["label"])
            result.update(widget="object", collapsed=False, fields=inner)
        elif node.get("type") == "array":
            result.update(self._list(name, node))
        else:
            result.update(self._scalar(node))
        if result.get("widget") == "select" and "default" in node:
            result["default"] = node["default"]  # e.g. status: actief, talen: [nl]
        return result

    def _list(self, name: str, node: dict[str, Any]) -> dict[str, Any]:
        items, _ = self._resolve(node["items"])
        result: dict[str, Any] = {}
        if items.get("type") == "object":
            # default []: a new record starts without an empty item that would block saving
            result.update(widget="list", collapsed=True, default=[], fields=self.fields(items))
            result["summary"] = SUMMARIES.get(name, "{{fields.id}}")
            result["label_singular"] = SINGULAR.get(name, _label(name))
        elif "enum" in items or node.get("x-reference") in COLLECTIONS:
            result.update(self._scalar({**items, **node}), multiple=True)
        else:
            item_field = {"name": "waarde", "label": _label(name), **self._scalar(items)}
            result.update(widget="list", field=item_field)
        if node.get("minItems"):
            result["min"] = node["minItems"]
        return result

    def _scalar(self, node: dict[str, Any]) -> dict[str, Any]:
        reference = node.get("x-reference")
        if reference in COLLECTIONS:
            return {
                "widget": "relation",
                "collection": reference,
                "value_field": "{{slug}}",
                "search_fields": ["naam"],
                "display_fields": ["naam"],
            }
        if "enum" in node:
            return {"widget": "select", "options": self._options(node)}
        kind = node.get("x-kind", "line")
        if kind == "text":
            return {"widget": "text"}
        if kind == "line":
            return {"widget": "string"}
        if kind == "date":
            return {
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "D-M-YYYY",
                "time_format": False,
            }
        if kind == "yes-no":
            return {
                "widget": "select",
                "options": [{"label": "Ja", "value": "ja"}, {"label": "Nee", "value": "nee"}],
            }
        return {
            "widget": "string",
            "pattern": [node["pattern"], PATTERN_MESSAGES.get(kind, "Controleer de waarde.")],
        }

    def _options(self, node: dict[str, Any]) -> list[dict[str, str]]:
        vocabulary = node.get("x-vocabulary")
        if vocabulary == "gemeenten":
            return [{"label": self.config.municipality_label(i), "value": i} for i in node["enum"]]
        if vocabulary:
            terms = self.vocabularies[vocabulary]
            return [{"label": terms.label(i), "value": i} for i in node["enum"]]
        labels = DAYS if set(node["enum"]) <= set(DAYS) else STATUS
        return [{"label": labels.get(i, i), "value": i} for i in node["enum"]]

    def collection(self, folder: str) -> dict[str, Any]:
        label, singular, description = COLLECTIONS[self.kind]
        fields = self.fields(self.schema)
        fields[0]["comment"] = schema_comment(self.kind)  # the record's first line
        for form_field in _walk_fields(fields):
            if form_field.get("widget") == "datetime" and not form_field["required"]:
                form_field["default"] = ""  # no date unless the editor picks one
        return {
            "name": self.kind,
            "label": label,
            "label_singular": singular,
            "description": description,
            "folder": folder,
            "extension": "yaml",
            "format": FORMAT,
            "create": True,
            "slug": "{{slug}}",
            "identifier_field": "naam",
            "summary": "{{naam}}",
            "fields": fields,
        }

    def order(self) -> dict[str, Any]:
        """The key order of this kind, nested, for record-format.js."""
        return self._order(self.schema)

    def _order(self, node: dict[str, Any]) -> dict[str, Any]:
        children: dict[str, Any] = {}
        for name, prop in node["properties"].items():
            resolved, _ = self._resolve(prop)
            if resolved.get("type") == "array":
                resolved, _ = self._resolve(resolved["items"])
            if resolved.get("type") == "object":
                children[name] = self._order(resolved)
        return {"keys": list(node["properties"]), "fields": children}


def _walk_fields(fields: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for form_field in fields:
        yield form_field
        yield from _walk_fields(form_field.get("fields", []))


def data_folder(config: SiteConfig, kind: str) -> str:
    """The folder of a kind, relative to the repository root (the folder of mkdocs.yml)."""
    base = Path(config.data_dir).as_posix().strip("/")
    return kind if base in ("", ".") else f"{base}/{kind}"


def cms_config(vocabularies: Vocabularies, config: SiteConfig, site_url: str = "") -> dict[str, Any]:
    """Decap CMS's config.yml as a dict."""
    settings = config.cms
    repo = settings.github or config.report.github
    local = settings.local_backend
    backend: dict[str, Any]
    if repo:
        backend = {"name": "github", "repo": repo, "branch": settings.branch}
        if settings.base_url:
            backend["base_url"] = settings.base_url
        if settings.auth_endpoint:
            backend["auth_endpoint"] = settings.auth_endpoint
        backend["commit_messages"] = COMMIT_MESSAGES
    else:  # no repository: the editor only works with decap-server on this computer
        backend = {
            "name": "proxy",
            "proxy_url": local if isinstance(local, str) else "http://localhost:8081/api/v1",
        }
    result: dict[str, Any] = {"locale": "nl", "backend": backend, "publish_mode": "editorial_workflow"}
    if local:
        result["local_backend"] = {"url": local} if isinstance(local, str) else True
    if site_url:
        result["site_url"] = result["display_url"] = site_url
    result.update(
        media_folder="docs/uploads",  # required by Decap; records have no images
        public_folder="/uploads",
        editor={"preview": False},
        slug={"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        collections=[
            FormBuilder(kind, vocabularies, config).collection(data_folder(config, kind)) for kind in KINDS
        ],
    )
    return result


def key_orders(vocabularies: Vocabularies, config: SiteConfig) -> dict[str, Any]:
    return {kind: FormBuilder(kind, vocabularies, config).order() for kind in KINDS}


def _script_json(value: Any) -> str:
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def glue_script(orders: dict[str, Any]) -> str:
    return (
        "// Generated by mantelkaart (cms.py): registers the record format, then starts Decap CMS.\n"
        'import YAML from "./yaml/index.js";\n'
        'import { recordFormat } from "./record-format.js";\n\n'
        f"const ORDERS = {_script_json(orders)};\n\n"
        f'window.CMS.registerCustomFormat("{FORMAT}", "yaml", recordFormat(YAML, ORDERS));\n'
        "window.CMS.init();\n"
    )


def index_html(region: str) -> str:
    title = html.escape(f"Redactie – Mantelkaart {region}")
    return f"""<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{title}</title>
  <link href="config.yml" type="text/yaml" rel="cms-config-url">
  <style>
    /* Decap's colours below 4.5:1, darkened (WCAG 2.1 AA; tested with axe) */
    a[class*="GoBackButtonStyle"], a[class*="GoBackButtonStyle"] p, a[class*="AppHeaderSiteLink"] {{ color: #4b5563 !important; }}
    [class*="StatusButton"] {{ color: #0b5f6b !important; }}
    [class*="PublishButton"] {{ background-color: #0b6e7d !important; }}
    .Toastify__toast--success {{ background: #1b6e20 !important; }}
    .Toastify__toast--error {{ background: #b42318 !important; }}
    .Toastify__toast--info {{ background: #0b5f6b !important; }}
    .Toastify__toast--warning {{ background: #8a5a00 !important; }}
  </style>
</head>
<body>
  <noscript>Het webformulier voor redacteuren werkt alleen met JavaScript.</noscript>
  <script src="manual-init.js"></script>
  <script src="decap-cms.js"></script>
  <script src="button-names.js"></script>
  <script type="module" src="cms.js"></script>
</body>
</html>
"""


def _library_files(config_dir: Path) -> Iterator[tuple[str, bytes]]:
    """Decap's bundle (with its lazily loaded parts) and the yaml library's browser build."""
    decap = node_modules(config_dir, "decap-cms/dist/decap-cms.js") / "decap-cms" / "dist"
    for path in sorted(decap.iterdir()):
        if path.name == "decap-cms.js" or path.name.endswith((".decap-cms.js", ".wasm")):
            yield path.name, path.read_bytes()
    yield "decap-cms.js.LICENSE.txt", (decap / "decap-cms.js.LICENSE.txt").read_bytes()
    library = node_modules(config_dir, "yaml/browser/index.js") / "yaml"
    yield "yaml/index.js", (library / "browser" / "index.js").read_bytes()
    yield "yaml/LICENSE", (library / "LICENSE").read_bytes()
    for path in sorted((library / "browser" / "dist").rglob("*.js")):
        yield f"yaml/dist/{path.relative_to(library / 'browser' / 'dist').as_posix()}", path.read_bytes()


def cms_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    """Producer: the web editor at /admin/."""
    from mantelkaart.site.site_output import OutputFile

    whole = catalogue.config.whole_site()  # a regional build's editor edits every region's records
    config = cms_config(catalogue.vocabularies, whole, context.site_url)
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
    yield OutputFile(f"{FOLDER}/config.yml", "# Gemaakt door mantelkaart uit het recordschema.\n" + text)
    yield OutputFile(f"{FOLDER}/index.html", index_html(catalogue.config.region))
    yield OutputFile(f"{FOLDER}/manual-init.js", "window.CMS_MANUAL_INIT = true;\n")
    yield OutputFile(f"{FOLDER}/cms.js", glue_script(key_orders(catalogue.vocabularies, whole)))
    assets = resources.files("mantelkaart") / "assets" / "cms"
    for script in ("record-format.js", "button-names.js"):
        yield OutputFile(f"{FOLDER}/{script}", (assets / script).read_text(encoding="utf-8"))
    for name, content in _library_files(context.config_dir):
        yield OutputFile(f"{FOLDER}/{name}", content)
