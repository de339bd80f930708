"""The web editor's configuration comes from the schema; its record format keeps records valid.

The record format (record-format.js, the code Decap CMS calls to read and write a
record) runs here in Node with the same ``yaml`` library the site ships. The real
editor in Chromium is in tests/browser/test_cms.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from recordkit import dump, provider, write_site
from recordkit import load as load_site

from mantelkaart.core.config import ConfigError, SiteConfig
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.records import KINDS
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.editors.cms import FormBuilder, cms_config, key_orders
from mantelkaart.editors.json_schema import record_schema, schema_comment

from support import REPO

ROUNDTRIP = REPO / "tests" / "cms" / "roundtrip.mjs"
NEEDED = [REPO / "node_modules" / "yaml" / "browser" / "index.js"]


def example() -> tuple[Vocabularies, SiteConfig]:
    config, root = site_config(REPO / "mkdocs.yml")
    return Vocabularies.load(root / "vocabularies"), config


def fields_by_name(fields: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {field["name"]: field for field in fields}


# --- configuration ------------------------------------------------------------------


def test_one_folder_collection_per_record_kind_with_editorial_workflow() -> None:
    vocabularies, config = example()
    cms = cms_config(vocabularies, config, "https://example.org/mantelkaart/")
    assert cms["locale"] == "nl"
    assert cms["publish_mode"] == "editorial_workflow"
    assert cms["backend"]["name"] == "github"
    assert cms["backend"]["repo"] == "mantelkaart/mantelkaart"  # report.github from mkdocs.yml
    assert cms["backend"]["branch"] == "main"
    assert cms["local_backend"] is True
    collections = {c["name"]: c for c in cms["collections"]}
    assert list(collections) == list(KINDS)
    for kind, collection in collections.items():
        assert collection["folder"] == kind
        assert (collection["extension"], collection["format"]) == ("yaml", "mantelkaart-yaml")
        assert collection["slug"] == "{{slug}}" and collection["identifier_field"] == "naam"
        assert collection["fields"][0] == {
            **collection["fields"][0],
            "name": "naam",
            "comment": schema_comment(kind),
        }


def walk(
    fields: list[dict[str, Any]], schema_node: dict[str, Any], builder: FormBuilder, optional_in: str = ""
) -> int:
    """Every schema property has a form field with the same name, order and required flag.

    Inside an optional object nothing is required in the form (Decap would demand the inner
    fields of an absent object, decap-cms #2103); the hint says when such a field is needed.
    """
    node, _ = builder._resolve(schema_node)
    assert [f["name"] for f in fields] == list(node["properties"])
    checked = 0
    for field, (name, prop) in zip(fields, node["properties"].items(), strict=True):
        resolved, nullable = builder._resolve(prop)
        in_schema = name in node.get("required", []) and not nullable
        assert field["required"] == (in_schema and not optional_in), name
        if optional_in and name in node.get("required", []):
            assert field["hint"] == f"{resolved['description']} Nodig als u iets invult bij '{optional_in}'."
        else:
            assert field["hint"] == resolved["description"]
        checked += 1
        if resolved.get("type") == "object":
            assert field["widget"] == "object"
            checked += walk(field["fields"], resolved, builder, "" if field["required"] else field["label"])
        elif resolved.get("type") == "array" and "fields" in field:
            assert field["widget"] == "list" and field["default"] == []  # no empty item in a new record
            checked += walk(field["fields"], resolved["items"], builder)
    return checked


def test_nothing_inside_an_absent_optional_object_is_required_by_the_form() -> None:
    """A service without gecontroleerd, indicatie or voor_wie can be saved (decap-cms #2103, #7748)."""
    vocabularies, config = example()
    providers = fields_by_name(
        FormBuilder("providers", vocabularies, config).collection("providers")["fields"]
    )
    service = fields_by_name(providers["diensten"]["fields"])
    for optional in ("gecontroleerd", "indicatie", "voor_wie", "openingstijden", "contact"):
        assert service[optional]["required"] is False
        # (the fields of a list item stay required: an item exists only when the editor adds it)
        assert [f["name"] for f in _objects(service[optional]["fields"]) if f["required"]] == [], optional
    checked = fields_by_name(service["gecontroleerd"]["fields"])
    assert checked["op"]["hint"].endswith("Nodig als u iets invult bij 'Gecontroleerd'.")
    assert checked["op"]["default"] == ""  # no date of today written into an absent check
    # The provider's own gecontroleerd is required, and so are its inner fields.
    assert all(f["required"] for f in providers["gecontroleerd"]["fields"])
    assert (
        service["volgende_stap"]["required"]
        and fields_by_name(service["volgende_stap"]["fields"])["door"]["required"]
    )


@pytest.mark.parametrize("kind", list(KINDS))
def test_form_fields_mirror_the_schema(kind: str) -> None:
    vocabularies, config = example()
    builder = FormBuilder(kind, vocabularies, config)
    collection = builder.collection(kind)
    assert walk(collection["fields"], builder.schema, builder) >= 10


def test_widgets_fit_the_field_types() -> None:
    vocabularies, config = example()
    providers = fields_by_name(
        FormBuilder("providers", vocabularies, config).collection("providers")["fields"]
    )
    service = fields_by_name(providers["diensten"]["fields"])
    assert providers["soort"]["widget"] == "select"
    assert [o["value"] for o in providers["soort"]["options"]] == vocabularies["soorten"].ids()
    assert service["doelgroepen"]["widget"] == "select" and service["doelgroepen"]["multiple"] is True
    assert {"label": "Dementie", "value": "dementie"} in service["doelgroepen"]["options"]
    assert service["doelgroepen"]["min"] == 1
    area = service["werkgebied"]["options"]
    assert area[0] == {"label": "Dordrecht", "value": "dordrecht"}
    assert area[-1] == {"label": "Heel Nederland", "value": "landelijk"}
    assert (
        service["respijtvorm"] | {"widget": "relation", "collection": "respite-forms"}
        == service["respijtvorm"]
    )
    assert service["respijtvorm"]["value_field"] == "{{slug}}"
    assert service["omschrijving"]["widget"] == "text" and service["naam"]["widget"] == "string"
    assert service["locaties"]["widget"] == "list" and service["locaties"]["field"]["widget"] == "string"
    assert service["status"]["default"] == "actief"
    hours = fields_by_name(fields_by_name(service["openingstijden"]["fields"])["tijden"]["fields"])
    assert [o["label"] for o in hours["dagen"]["options"]][:2] == ["maandag", "dinsdag"]
    verified = fields_by_name(providers["gecontroleerd"]["fields"])
    assert (
        verified["op"] | {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
        == verified["op"]
    )
    location = fields_by_name(providers["locaties"]["fields"])
    assert [o["value"] for o in location["vertrouwelijk"]["options"]] == ["ja", "nee"]
    regulations = fields_by_name(
        FormBuilder("regulations", vocabularies, config).collection("regulations")["fields"]
    )
    assert (
        regulations["uitgever"]["widget"] == "relation"
        and regulations["uitgever"]["collection"] == "providers"
    )
    assert regulations["respijtvormen"]["widget"] == "relation" and regulations["respijtvormen"]["multiple"]
    assert regulations["geldig_tot"]["default"] == ""  # no date unless the editor picks one


def test_field_patterns_are_the_schemas_and_accept_the_examples() -> None:
    vocabularies, config = example()
    checked = 0
    for kind in KINDS:
        builder = FormBuilder(kind, vocabularies, config)
        example_values = json.dumps(record_schema(kind, vocabularies, config)["examples"])
        patterns = [f for f in _all(builder.collection(kind)["fields"]) if "pattern" in f]
        checked += len(patterns)
        for field in patterns:
            regex, message = field["pattern"]
            assert message and re.compile(regex)
            for value in re.findall(rf'"{field["name"]}": "([^"]*)"', example_values):
                assert re.match(regex, value), (field["name"], value)
    assert checked >= 10


def _objects(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fields and the fields of nested objects, not those of list items."""
    found = []
    for field in fields:
        found.append(field)
        if field.get("widget") == "object":
            found += _objects(field["fields"])
    return found


def _all(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for field in fields:
        found.append(field)
        found += _all(field.get("fields", []))
        if "field" in field:
            found.append(field["field"])
    return found


def test_cms_settings_from_mkdocs_yml() -> None:
    vocabularies, _ = example()
    config = SiteConfig.from_options(
        {
            "report": {"github": "regio/sociale-kaart"},
            "cms": {
                "github": "regio/records",
                "branch": "productie",
                "base_url": "https://inloggen.example.org",
                "auth_endpoint": "api/auth",
                "local_backend": "http://127.0.0.1:9000/api/v1",
            },
        }
    )
    cms = cms_config(vocabularies, config)
    assert (
        cms["backend"]
        | {
            "repo": "regio/records",
            "branch": "productie",
            "base_url": "https://inloggen.example.org",
            "auth_endpoint": "api/auth",
        }
        == cms["backend"]
    )
    assert cms["local_backend"] == {"url": "http://127.0.0.1:9000/api/v1"}
    assert "site_url" not in cms
    offline = cms_config(vocabularies, SiteConfig.from_options({"cms": {"local_backend": False}}))
    assert offline["backend"]["name"] == "proxy" and "local_backend" not in offline


@pytest.mark.parametrize(
    "cms",
    [
        {"github": "geen repo"},
        {"base_url": "javascript:alert(1)"},
        {"kleur": "blauw"},
        {"local_backend": "ftp://x"},
    ],
)
def test_bad_cms_settings_are_a_dutch_config_error(cms: dict[str, Any]) -> None:
    with pytest.raises(ConfigError) as error:
        SiteConfig.from_options({"cms": cms})
    assert "mantelkaart.cms" in str(error.value) and "Traceback" not in str(error.value)


# --- the record format -------------------------------------------------------------


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [str(p) for p in NEEDED if not p.exists()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the editor tests, but {missing} is missing (npm ci)")
        pytest.skip("node_modules is missing (npm ci)")
    vocabularies, config = example()
    path = tmp_path_factory.mktemp("cms") / "spec.json"
    comments = {kind: {"naam": schema_comment(kind)} for kind in KINDS}
    path.write_text(
        json.dumps({"orders": key_orders(vocabularies, config), "comments": comments}), encoding="utf-8"
    )
    return path


def roundtrip(spec: Path, pairs: list[tuple[str, Path]]) -> dict[str, str]:
    arguments = [f"{kind}={path}" for kind, path in pairs]
    result = subprocess.run(
        ["node", "--no-warnings", str(ROUNDTRIP), str(spec), *arguments], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_every_example_record_is_in_the_form_the_editor_writes(spec: Path) -> None:
    """So saving a record in the editor changes only the lines an editor changed."""
    pairs = [(kind, path) for kind in KINDS for path in sorted((REPO / kind).glob("*.yaml"))]
    written = roundtrip(spec, pairs)
    assert len(written) == len(pairs) >= 30
    different = [name for name, text in written.items() if Path(name).read_text(encoding="utf-8") != text]
    assert different == [], (
        "not in the editor's form; rewrite with "
        "`node tests/cms/roundtrip.mjs --write SPEC.json providers=providers/x.yaml` (see test_cms.py)"
    )


def test_reading_keeps_every_value_as_text(spec: Path, tmp_path: Path) -> None:
    text = (
        "naam: X\nsoort: gemeente\ncontact:\n  telefoon: 0781234567\nlocaties:\n"
        "  - id: a\n    plaats: '010'\n    vertrouwelijk: nee\n    coordinaten: {breedtegraad: 51.80, lengtegraad: 4.6}\n"
        "gecontroleerd:\n  op: 2026-09-01\n  door: ~\n"
    )
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    written = roundtrip(spec, [("providers", path)])[str(path)]
    assert 'telefoon: "0781234567"' in written  # the text, quoted: YAML 1.2 tools would read 781234567
    assert 'breedtegraad: "51.80"' in written and "vertrouwelijk: nee" in written
    assert "door:" not in written  # empty values are left out
    assert written.startswith(f"# {schema_comment('providers')}\nnaam: X\n")


def test_what_the_editor_writes_validates(spec: Path, tmp_path: Path) -> None:
    """Decap's widgets may hand over numbers and booleans, and keys in any order."""
    data = provider()
    data["locaties"][0]["vertrouwelijk"] = False
    data["locaties"][0]["coordinaten"] = {"lengtegraad": 4.6901, "breedtegraad": 51.8133}
    data["diensten"][0]["voor_wie"] = {"zorgvrager": {"leeftijd_vanaf": 18, "toelichting": ""}}
    data["diensten"][0]["contact"] = {"telefoon": "", "email": None}
    shuffled = dict(reversed(list(data.items())))
    source = tmp_path / "editor.json"
    source.write_text(json.dumps(shuffled), encoding="utf-8")
    written = roundtrip(spec, [("providers", source)])[str(source)]
    root = write_site(tmp_path / "site", {"providers/gemeente-dordrecht.yaml": written})
    assert load_site(root).problems == []
    keys = [line.split(":")[0] for line in written.splitlines() if re.match(r"^[a-z_]+:", line)]
    assert keys == ["naam", "soort", "samenvatting", "contact", "locaties", "diensten", "gecontroleerd"]
    assert "contact:\n      telefoon" not in written  # the emptied service contact is gone
    assert dump(provider())  # the helper still produces the base record


def test_broken_yaml_is_refused_by_the_reader(spec: Path, tmp_path: Path) -> None:
    path = tmp_path / "kapot.yaml"
    path.write_text("naam: [niet gesloten\n", encoding="utf-8")
    result = subprocess.run(
        ["node", "--no-warnings", str(ROUNDTRIP), str(spec), f"providers={path}"],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0


def test_comments_are_not_kept_but_the_schema_line_is(spec: Path, tmp_path: Path) -> None:
    """The editor hands the format only form data: a '# comment' goes, the first line comes back."""
    example = (REPO / "providers" / "het-parkhuis.yaml").read_text(encoding="utf-8")
    first, rest = example.split("\n", 1)
    assert first == f"# {schema_comment('providers')}"
    commented = rest.replace("\nsoort: ", "\n# uitleg voor een collega\nsoort: ", 1)
    path = tmp_path / "het-parkhuis.yaml"
    path.write_text(commented, encoding="utf-8")  # without its first line, with a comment
    assert roundtrip(spec, [("providers", path)])[str(path)] == example


def test_example_records_have_no_comments_but_the_schema_line() -> None:
    """The guide says the web editor drops comments, so the examples use none."""
    for kind in KINDS:
        for path in sorted((REPO / kind).glob("*.yaml")):
            lines = path.read_text(encoding="utf-8").splitlines()
            assert lines[0] == f"# {schema_comment(kind)}", path
            assert not [line for line in lines[1:] if line.lstrip().startswith("#") or " #" in line], path
