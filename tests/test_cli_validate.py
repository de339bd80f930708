"""`mantelkaart validate` as editors and CI run it: exit codes, formats, no tracebacks."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from recordkit import dump, provider, regulation, respite_form, service, write_site

from mantelkaart.core.problems import Problem

from support import MINI, copy_site

TODAY = "2026-11-23"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in its own process; it must never show a Python traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    return result


def validate(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(cwd, "validate", "--today", TODAY, *args)


def test_good_data_exits_0(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    result = validate(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "4 records gelezen (1 dienst): 0 fouten, 0 waarschuwingen." in result.stderr
    assert validate(root, "--strict").returncode == 0


def test_config_file_elsewhere(tmp_path: Path) -> None:
    write_site(tmp_path / "site")
    result = run(tmp_path, "-f", "site/mkdocs.yml", "validate", "--today", TODAY)
    assert result.returncode == 0
    assert "4 records gelezen" in result.stderr


def test_errors_exit_1_with_file_line_and_field(tmp_path: Path) -> None:
    text = dump(provider(diensten=[service(doelgroepen=["dementia"])]))
    root = write_site(tmp_path, {"providers/mantelaar.yaml": text})
    result = validate(root)
    assert result.returncode == 1
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "- dementia" in t)
    assert (
        f"providers/mantelaar.yaml:{line}:5: diensten[1].doelgroepen[1]: "
        "'dementia' staat niet in de lijst 'doelgroepen'. (Bedoelde u 'dementie'? 'dementia' is een zoekwoord bij 'dementie'.)"
    ) in result.stdout.splitlines()
    assert ": 1 fout, 0 waarschuwingen." in result.stderr


def test_warnings_exit_1_only_with_strict(tmp_path: Path) -> None:
    old = {"op": "2025-10-23", "door": "Respijtconsulent MEE"}
    root = write_site(tmp_path, {"respite-forms/logeeropvang.yaml": dump(respite_form(gecontroleerd=old))})
    result = validate(root)
    assert result.returncode == 0
    assert "waarschuwing: gecontroleerd:" in result.stdout
    assert "Niet gecontroleerd in de afgelopen 12 maanden, per record:" in result.stdout
    assert "  respite-forms/logeeropvang.yaml\n    - Logeeropvang: 2025-10-23 (Respijtconsulent MEE)" in (
        result.stdout
    )
    assert "0 fouten, 1 waarschuwing." in result.stderr
    assert validate(root, "--strict").returncode == 1


def test_github_format(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "regulations/vervangende-mantelzorg.yaml": dump(regulation(uitgever="gemeente-dordrect")),
            "providers/zonder-telefoon.yaml": dump(provider(contact={"email": "info@example.org"})),
            "providers/komma,en:dubbele-punt.yaml": "naam: [kapot\n",
        },
    )
    result = validate(root, "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for line in lines:
        assert re.fullmatch(r"::(error|warning) file=[^,:]+,line=\d+,col=\d+::.+", line), line
    assert any(
        line.startswith("::error file=regulations/vervangende-mantelzorg.yaml,line=3,col=1::uitgever: ")
        and "Bedoelde u 'gemeente-dordrecht'?" in line
        for line in lines
    )
    assert any(line.startswith("::warning file=providers/zonder-telefoon.yaml,") for line in lines)
    assert any("file=providers/komma%2Cen%3Adubbele-punt.yaml," in line for line in lines)


def test_json_format(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "providers/bakker.yaml": dump(provider(soort="bakkerij")),
            "providers/kapot.yaml": b"\x00\x01\x02",
        },
    )
    result = validate(root, "--format", "json")
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert isinstance(problems, list) and len(problems) == 2
    names = {f.name for f in fields(Problem)}
    for item in problems:
        assert set(item) == names
        Problem(**item)  # every field can be read back
    assert {(p["file"], p["field"], p["severity"]) for p in problems} == {
        ("providers/bakker.yaml", "soort", "fout"),
        ("providers/kapot.yaml", "", "fout"),
    }


def test_json_format_of_good_data_is_an_empty_list(tmp_path: Path) -> None:
    result = validate(write_site(tmp_path), "--format", "json")
    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_missing_mkdocs_yml_exits_2_in_dutch(tmp_path: Path) -> None:
    result = validate(tmp_path)
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr
    assert result.stdout == ""


def test_unusable_config_files_exit_2(tmp_path: Path) -> None:
    cases = {
        "map": None,
        "geen-plugin.yml": "site_name: x\nplugins:\n  - search\n",
        "lijst.yml": "site_name: x\nplugins:\n  - mantelkaart: [a, b]\n",
        "kapot.yml": "site_name: [x\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        if text is None:
            path.mkdir()
        else:
            path.write_text(text, encoding="utf-8")
        result = run(tmp_path, "-f", name, "validate")
        assert result.returncode == 2, (name, result.stderr)
        assert "mkdocs" in result.stderr or name in result.stderr


def test_bad_today_is_a_usage_error(tmp_path: Path) -> None:
    result = run(write_site(tmp_path), "validate", "--today", "morgen")
    assert result.returncode == 2


def test_random_garbage_in_every_record_folder(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    files: dict[str, str | bytes | None] = {}
    for folder in ("providers", "respite-forms", "regulations"):
        files[f"{folder}/binair.yaml"] = rng.randbytes(3000)
        files[f"{folder}/tekens.yaml"] = "".join(rng.choice("[]{}-:?,!&*|>'\"#% \n\tabc") for _ in range(400))
        files[f"{folder}/diep.yaml"] = "- " * 50_000
        files[f"{folder}/latin.yaml"] = "naam: Curaçao\n".encode("latin-1")
        files[f"{folder}/lijst.yaml"] = "- a\n- b\n"
        files[f"{folder}/Geen Id.yml"] = "naam: x\n"
    root = write_site(tmp_path, files)
    (root / "regulations" / "map.yaml").mkdir()
    for fmt in ("text", "json"):
        result = validate(root, "--format", fmt)
        assert result.returncode == 1
    problems = json.loads(result.stdout)
    reported = {p["file"] for p in problems}
    assert reported >= {name for name in files if name.endswith("binair.yaml")}
    assert reported >= {name for name in files if name.endswith("diep.yaml")}
    assert "regulations/map.yaml" in reported


@pytest.mark.parametrize(
    ("option", "words"),
    [
        ("finder_list_limit: veel", "finder_list_limit: 'veel' is hier niet goed; verwacht: een heel getal."),
        ("finder_list_limit: -5", "finder_list_limit: '-5' is te klein; het moet minstens 0 zijn."),
        ("stale_after_months: 500", "stale_after_months: '500' is te groot; het mag hoogstens 120 zijn."),
        ("licence: gratis", "mantelkaart.licence:"),
        ("province: [a, b]", "mantelkaart.province:"),
    ],
)
def test_garbage_plugin_options_stop_the_build_in_dutch(tmp_path: Path, option: str, words: str) -> None:
    """MkDocs lets every value through to the one schema (SiteConfig), which names the option."""
    root = copy_site(MINI, tmp_path / "mini")
    settings = root / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8").replace(
        "  - mantelkaart:\n", f"  - mantelkaart:\n      {option}\n"
    )
    settings.write_text(text, encoding="utf-8")
    for command in ("build", "validate"):
        result = run(root, command)
        assert result.returncode != 0
        assert words in result.stderr, result.stderr
        assert "Expected type" not in result.stderr and "Input should" not in result.stderr
    assert not (root / "site").exists()


def test_build_names_what_mkdocs_finds_wrong_in_mkdocs_yml(tmp_path: Path) -> None:
    root = write_site(tmp_path)  # records and mkdocs.yml, but no docs/ folder
    result = run(root, "build")
    assert result.returncode != 0
    assert "mkdocs.yml klopt niet:" in result.stderr and "docs_dir" in result.stderr, result.stderr
    assert not (root / "site").exists()
