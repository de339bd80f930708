"""Editors' help in VS Code: the real yaml-language-server (npm) over LSP, with the project's settings.

The server is the one VS Code's YAML extension runs. It is started from node_modules and
spoken to over stdio JSON-RPC (tests/lsp_client.py) with the settings of
``.vscode/settings.json``: it must say in Dutch what is wrong with a phone number or an
unknown field, also in a record without the ``# yaml-language-server`` line (the settings
map the record folders to their schemas), and find nothing in any example record, also
when it reads YAML 1.1 (where 08:00 is a number).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from lsp_client import LanguageServer

from mantelkaart.core.records import KINDS
from mantelkaart.editors.json_schema import FILES, PATTERN_MESSAGES, schema_comment

from support import REPO

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = REPO / ".vscode" / "settings.json"
RECORDS = [path for kind in KINDS for path in sorted((REPO / kind).glob("*.yaml"))]
ENGLISH = ("does not match", "not allowed", "Incorrect type", "Value is not accepted", "Expected")

BROKEN = """naam: Zorgboerderij De Test
soort: zorgaanbieder
contact:
  telefoon: bel ons
  telefon: 078 000 0101
gecontroleerd:
  op: 2026-09-01
  door: Redactie
"""


def vscode_settings(**overrides: Any) -> dict[str, Any]:
    """The "yaml.*" settings of .vscode/settings.json as a client sends them: {"yaml": {...}}."""
    flat = json.loads(SETTINGS.read_text(encoding="utf-8"))
    yaml_settings = {
        key.removeprefix("yaml."): value for key, value in flat.items() if key.startswith("yaml.")
    }
    return {"yaml": {**yaml_settings, **overrides}}


@pytest.fixture(scope="module", params=["1.2", "1.1"], ids=["yaml-1.2", "yaml-1.1"])
def server(request: pytest.FixtureRequest) -> Iterator[LanguageServer]:
    if not SERVER.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the language server tests, but node_modules is missing (npm ci)")
        pytest.skip("node_modules/yaml-language-server is missing (npm ci)")
    running = LanguageServer(
        ["node", str(SERVER), "--stdio"], REPO, vscode_settings(yamlVersion=request.param)
    )
    yield running
    running.close()


def messages(diagnostics: list[dict[str, Any]]) -> dict[int, str]:
    return {d["range"]["start"]["line"]: d["message"] for d in diagnostics}


def test_the_settings_map_every_record_folder_to_its_schema() -> None:
    schemas = vscode_settings()["yaml"]["schemas"]
    assert schemas == {f"./schema/{FILES[kind]}": [f"{kind}/*.yaml"] for kind in KINDS}
    assert vscode_settings()["yaml"]["yamlVersion"] == "1.2"


@pytest.mark.parametrize("modeline", [True, False], ids=["with-schema-line", "without-schema-line"])
def test_a_wrong_phone_number_and_an_unknown_field_get_dutch_help(
    server: LanguageServer, modeline: bool
) -> None:
    text = f"# {schema_comment('providers')}\n{BROKEN}" if modeline else BROKEN
    uri = (REPO / "providers" / "zorgboerderij-de-test.yaml").as_uri()  # not on disk: the editor's buffer
    found = messages(server.check(uri, text))
    first = 1 if modeline else 0
    assert found == {
        first + 3: PATTERN_MESSAGES["phone"],
        first + 4: "Dit veld bestaat hier niet (let op de spelling). "
        "Kies uit: telefoon, bereikbaar, email, website of contactpersoon.",
    }


def test_a_wrong_choice_and_time_get_dutch_help(server: LanguageServer) -> None:
    text = BROKEN.replace("soort: zorgaanbieder", "soort: zorgaanbeider").replace("telefon:", "email:")
    text = text.replace("bel ons", "078 000 0101")
    text += "diensten:\n  - id: x\n    openingstijden:\n      tijden:\n        - {dagen: [ma], van: '9.30', tot: '12:00'}\n"
    found = [d["message"] for d in server.check((REPO / "providers" / "x.yaml").as_uri(), text)]
    assert any(m.startswith("Kies uit: ") and " of " in m and "zorgaanbieder" in m for m in found), found
    assert PATTERN_MESSAGES["time"] in found
    assert PATTERN_MESSAGES["email"] in found
    english = [m for m in found if any(word in m for word in ENGLISH) and "Missing property" not in m]
    assert english == []


def test_no_example_record_gets_a_diagnostic(server: LanguageServer) -> None:
    documents = {path.as_uri(): path.read_text(encoding="utf-8") for path in RECORDS}
    # the same records without their first line are checked through .vscode/settings.json
    for path in RECORDS:
        bare = path.with_name(f"zonder-regel-{path.name}")
        documents[bare.as_uri()] = path.read_text(encoding="utf-8").split("\n", 1)[1]
    assert len(RECORDS) >= 30 and not any(text.startswith("# yaml") for text in list(documents.values())[-3:])
    found = {
        uri: [d["message"] for d in diagnostics] for uri, diagnostics in server.check_all(documents).items()
    }
    assert {uri: messages for uri, messages in found.items() if messages} == {}
