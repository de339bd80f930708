"""`mantelkaart init`: a new region's site that validates as written, and bad requests refused
in Dutch without writing anything (issue 16). The wheel-installed init is tested in
tests/browser/test_installed_wheel.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from mantelkaart.editors.starter import StarterError, municipalities, write_starter

from support import run_cli

TODAY = date(2026, 12, 4)


def test_a_new_site_validates_without_errors_or_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "regio"
    result = run_cli(
        "init",
        str(folder),
        "--regio",
        "Hoeksche Waard",
        "--gemeenten",
        "Hoeksche Waard, Korendijk",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    for name in (
        "mkdocs.yml", "README.md", "requirements.txt", ".gitignore", ".vscode/settings.json",
        "docs/index.md", "docs/over.md", "docs/toegankelijkheid.md", "docs/privacy.md", "docs/redactie/index.md",
        "providers/steunpunt-mantelzorg.yaml", "respite-forms/logeeropvang.yaml",
        "regulations/mantelzorgwaardering-hoeksche-waard.yaml", ".github/workflows/controle.yml",
        ".github/workflows/publiceren.yml", "schema/provider.json",
    ):  # fmt: skip
        assert (folder / name).is_file(), name
    checked = run_cli("validate", cwd=folder)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 fouten, 0 waarschuwingen" in checked.stderr
    assert run_cli("schema", "--check", cwd=folder).returncode == 0
    for path in folder.glob("*/*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# VOORBEELD"), path  # marked as examples
    settings = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(p["mantelkaart"] for p in settings["plugins"] if isinstance(p, dict) and "mantelkaart" in p)
    assert plugin["example_data"] is True
    assert plugin["municipalities"] == {"hoeksche-waard": "Hoeksche Waard", "korendijk": "Korendijk"}
    workflows = (folder / ".github/workflows/controle.yml").read_text(encoding="utf-8")
    assert "npm" not in workflows and "requirements.txt" in workflows  # a region needs no Node


def test_names_are_data_in_the_settings(tmp_path: Path) -> None:
    """Quotes, colons, hashes and brackets in a name stay text: YAML never reads them as syntax."""
    region = 'Regio "Zuid": #1 [test] <test> & {x}'
    names = ["'s-Hertogenbosch", "Bergen (NH.)", "Súdwest-Fryslân"]
    write_starter(tmp_path / "s", region, [", ".join(names)], TODAY)
    settings = yaml.safe_load((tmp_path / "s" / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(p["mantelkaart"] for p in settings["plugins"] if isinstance(p, dict) and "mantelkaart" in p)
    assert plugin["region"] == region
    assert list(plugin["municipalities"].values()) == names
    assert list(plugin["municipalities"]) == ["s-hertogenbosch", "bergen-nh", "sudwest-fryslan"]
    assert "<test>" not in (tmp_path / "s" / "docs" / "over.md").read_text(encoding="utf-8")
    checked = run_cli("validate", cwd=tmp_path / "s")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.parametrize(
    ("region", "names", "said"),
    [
        ("", ["Dordrecht"], "De naam van de regio"),
        ("x" * 81, ["Dordrecht"], "hooguit 80 tekens"),
        ("Regio\x07", ["Dordrecht"], "gewone tekst"),
        ("Regio", [" , "], "geen gemeenten"),
        ("Regio", ["Dordrecht, dordrecht"], "dubbel"),
        ("Regio", ["!!!"], "geen letters"),
    ],
)
def test_a_bad_request_is_refused_and_writes_nothing(
    tmp_path: Path, region: str, names: list[str], said: str
) -> None:
    with pytest.raises(StarterError) as error:
        write_starter(tmp_path / "s", region, names, TODAY)
    assert said in error.value.message and error.value.hint
    assert not (tmp_path / "s").exists()


def test_an_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "bestaat"
    folder.mkdir()
    (folder / "mkdocs.yml").write_text("site_name: Eigen\n", encoding="utf-8")
    result = run_cli("init", str(folder), "--regio", "Regio", "--gemeenten", "Dordrecht", cwd=tmp_path)
    assert result.returncode == 1
    assert "bestaat al en is niet leeg" in result.stderr and "Traceback" not in result.stderr
    assert (folder / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Eigen\n"
    assert [p.name for p in folder.iterdir()] == ["mkdocs.yml"]


def test_municipalities_keep_their_order_and_accept_several_arguments() -> None:
    assert municipalities(["Dordrecht, Zwijndrecht", "Papendrecht"]) == [
        ("dordrecht", "Dordrecht"),
        ("zwijndrecht", "Zwijndrecht"),
        ("papendrecht", "Papendrecht"),
    ]
