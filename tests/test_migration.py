"""``mantelkaart migrate``: old record forms into the current format, through the real command line.

Only what is certain changes (``volgende_stap``'s text goes to ``tekst``; ``door`` is left to
the editor, and ``validate`` then names it); every other byte stays; garbage is reported in
Dutch and left alone; and every upgrade note in CHANGELOG.md has its migration step.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mantelkaart.cli import main
from mantelkaart.core.loader import parse_text
from mantelkaart.editors.migration import STEPS
from tests.support import MINI, REPO, run_cli

ANKER = "providers/het-anker.yaml"
NEW_STEP_1 = "    volgende_stap: {door: consulent, tekst: Vraag een Wmo-indicatie aan}\n"
NEW_STEP_2 = "    volgende_stap: {door: aanbieder, tekst: Bel ons}\n"
OLD_STEP_1 = (
    "    # De eerste stap: altijd via de gemeente\n"
    "    volgende_stap: Vraag een Wmo-indicatie aan   # zie ook de Wmo-pagina\n"
)
MIGRATED_1 = (
    "    # De eerste stap: altijd via de gemeente\n"
    "    volgende_stap:\n"
    "      tekst: Vraag een Wmo-indicatie aan   # zie ook de Wmo-pagina\n"
)
OLD_STEP_2 = "    volgende_stap: >-\n      Bel ons op werkdagen,\n      liefst 's ochtends\n\n    # einde\n"
MIGRATED_2 = "    volgende_stap:\n      tekst: >-\n        Bel ons op werkdagen,\n        liefst 's ochtends\n\n    # einde\n"


def old_site(tmp_path: Path) -> Path:
    """The mini site with its two next steps in the old one-line (and folded) form."""
    root = tmp_path / "site"
    shutil.copytree(MINI, root)
    text = (root / ANKER).read_text(encoding="utf-8")
    assert NEW_STEP_1 in text and NEW_STEP_2 in text
    (root / ANKER).write_text(text.replace(NEW_STEP_1, OLD_STEP_1).replace(NEW_STEP_2, OLD_STEP_2))
    return root


def migrate(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["-f", str(root / "mkdocs.yml"), "migrate", *args])
    return code, capsys.readouterr().out


def errors(root: Path) -> list[dict[str, object]]:
    result = run_cli("validate", "--format", "json", cwd=root)
    assert "Traceback" not in result.stderr
    return [p for p in json.loads(result.stdout) if p["severity"] == "fout"]


def test_the_text_goes_to_tekst_and_every_other_byte_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = old_site(tmp_path)
    before = (root / ANKER).read_text(encoding="utf-8")
    code, out = migrate(root, capsys)
    after = (root / ANKER).read_text(encoding="utf-8")
    assert code == 0
    assert after == before.replace(OLD_STEP_1, MIGRATED_1).replace(OLD_STEP_2, MIGRATED_2)
    first, second = (i + 1 for i, line in enumerate(after.splitlines()) if "volgende_stap" in line)
    assert f"{ANKER}: bijgewerkt" in out
    assert f"regel {first}, diensten[1].volgende_stap:" in out
    assert f"regel {second}, diensten[2].volgende_stap:" in out  # a line of the new file
    assert "Vul zelf 'door' in" in out
    assert not [name for name in os.listdir(root / "providers") if name.startswith(".")]


def test_validate_then_names_the_missing_door_and_accepts_it_once_filled_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = old_site(tmp_path)
    old_errors = errors(root)
    assert {e["field"] for e in old_errors} == {"diensten[1].volgende_stap", "diensten[2].volgende_stap"}
    migrate(root, capsys)
    new_errors = errors(root)
    assert {e["field"] for e in new_errors} == {
        "diensten[1].volgende_stap.door",
        "diensten[2].volgende_stap.door",
    }
    lines = (root / ANKER).read_text(encoding="utf-8").splitlines()
    for error in new_errors:
        assert str(error["file"]) == ANKER and "ontbreekt 'door'" in str(error["message"])
        assert "door: consulent" in str(error["hint"])
        assert "volgende_stap:" in lines[int(str(error["line"])) - 1]
    text = (root / ANKER).read_text(encoding="utf-8")
    text = text.replace("volgende_stap:\n      tekst", "volgende_stap:\n      door: aanbieder\n      tekst")
    (root / ANKER).write_text(text, encoding="utf-8")
    assert errors(root) == []


def test_a_second_run_changes_nothing_and_the_check_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = old_site(tmp_path)
    migrate(root, capsys)
    once = (root / ANKER).read_bytes()
    code, out = migrate(root, capsys)
    assert code == 0 and (root / ANKER).read_bytes() == once
    assert "er is niets veranderd" in out
    assert migrate(root, capsys, "--controleer")[0] == 0


def test_the_check_changes_nothing_and_fails_while_something_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = old_site(tmp_path)
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    code, out = migrate(root, capsys, "--controleer")
    assert code == 1
    assert f"{ANKER}: moet worden bijgewerkt" in out and "voer 'mantelkaart migrate' uit" in out
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == before
    assert migrate(root, capsys, "--check")[0] == 1  # the English name of the option, as 'schema --check'


@pytest.mark.parametrize(
    ("old", "text"),
    [
        ("volgende_stap: 'Bel ''s ochtends' # c", "Bel 's ochtends"),
        ('volgende_stap: "Bel \\"ons\\" #1"', 'Bel "ons" #1'),
        ("volgende_stap: Bel ons\n      of mail ons", "Bel ons of mail ons"),
        ("volgende_stap: # uitleg\n      Bel ons", "Bel ons"),
        ("volgende_stap: |\n      Bel ons.\n        Of mail.\n", "Bel ons.\n  Of mail.\n"),
    ],
)
def test_every_way_of_writing_the_text_keeps_it_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, text: str
) -> None:
    root = tmp_path / "site"
    shutil.copytree(MINI, root)
    path = root / ANKER
    source = path.read_text(encoding="utf-8").replace(NEW_STEP_2, f"    {old}\n")
    path.write_text(source, encoding="utf-8")
    assert migrate(root, capsys)[0] == 0
    data = parse_text(path.read_text(encoding="utf-8"))
    assert data["diensten"][1]["volgende_stap"] == {"tekst": text}
    assert old.split("volgende_stap: ")[1].split("\n")[0].strip() in path.read_text(encoding="utf-8")
    assert migrate(root, capsys, "--controleer")[0] == 0


def test_line_endings_byte_order_mark_and_indentation_of_the_file_are_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "site"
    shutil.copytree(MINI, root)
    path = root / "providers" / "vier.yaml"
    lines = ["naam: Vier", "diensten:", "    -   id: a", "        volgende_stap: Bel ons", "        kosten:"]
    lines += ["            betaald_door: [wmo]", ""]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode())
    assert migrate(root, capsys)[0] == 0
    lines[3:4] = ["        volgende_stap:", "            tekst: Bel ons"]
    assert path.read_bytes() == b"\xef\xbb\xbf" + "\r\n".join(lines).encode()


def test_what_needs_a_person_is_listed_not_made(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "site"
    shutil.copytree(MINI, root)
    settings = (root / "mkdocs.yml").read_text(encoding="utf-8")
    old = settings.replace(
        "      consultant: gemeente-dordrecht/respijtconsulent\n",
        "      consultant:\n        naam: Consulent\n        telefoon: 078 000 0001\n",
    )
    assert old != settings
    (root / "mkdocs.yml").write_text(old, encoding="utf-8")
    flow = "  - {id: x, naam: X, volgende_stap: Bel ons}\n"
    (root / "providers" / "stroom.yaml").write_text(f"naam: Stroom\ndiensten:\n{flow}", encoding="utf-8")
    before = {path: path.read_bytes() for path in root.rglob("*") if path.is_file()}
    code, out = migrate(root, capsys)
    assert code == 0
    assert {path: path.read_bytes() for path in root.rglob("*") if path.is_file()} == before
    manual = out.split("Niet automatisch (doe dit zelf):\n")[1]
    line = old.splitlines().index("      consultant:") + 1
    assert f"mkdocs.yml, regel {line}: consultant" in manual and "aanbieder-id/dienst-id" in manual
    assert "providers/stroom.yaml, regel 3: diensten[1].volgende_stap" in manual
    assert "providers/stroom.yaml, regel 3: diensten[1]\n" in manual + "\n"  # no indicatie yet
    assert migrate(root, capsys, "--controleer")[0] == 0  # nothing migrate itself would change


def garbage(root: Path, name: str) -> Path:
    path = root / "providers" / f"{name}.yaml"
    if name == "ongeldig":
        path.write_text("naam: [Het Anker\nvolgende_stap: Bel ons\n", encoding="utf-8")
    elif name == "lijst":
        path.write_text("- naam: Het Anker\n  volgende_stap: Bel ons\n", encoding="utf-8")
    elif name == "binair":
        path.write_bytes(b"naam: \x00\xff\nvolgende_stap: Bel ons\n")
    elif name == "pijp":
        os.mkfifo(path)
    elif name == "link":
        path.symlink_to(root / ANKER)
    return path


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ongeldig", "providers/ongeldig.yaml, regel 2: De YAML is ongeldig"),
        ("lijst", "providers/lijst.yaml, regel 1: Dit is geen record"),
        ("binair", "providers/binair.yaml, regel 1: Dit is geen tekstbestand"),
        ("pijp", "providers/pijp.yaml, regel 1: Dit is geen gewoon bestand"),
        ("link", "providers/link.yaml, regel 1: Dit is een snelkoppeling"),
    ],
)
def test_garbage_is_named_in_dutch_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    root = old_site(tmp_path)
    path = garbage(root, name)
    before = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    result = run_cli("migrate", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
    assert message in result.stdout and "Dit bestand is niet veranderd." in result.stdout
    if before is not None:
        assert path.read_bytes() == before
    # the other files are still migrated
    assert "tekst: Vraag een Wmo-indicatie aan" in (root / ANKER).read_text(encoding="utf-8")


def test_a_file_outside_the_data_folders_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = old_site(tmp_path)
    outside = root / "docs" / "oud.yaml"
    outside.write_text("naam: X\ndiensten:\n  - volgende_stap: Bel ons\n", encoding="utf-8")
    before = outside.read_bytes()
    code, out = migrate(root, capsys, str(outside), str(root / ANKER))
    assert code == 1 and outside.read_bytes() == before
    assert f"{outside}: Dit is geen record van deze site" in out
    assert "providers/, respite-forms/, regulations/" in out
    assert "tekst: Vraag een Wmo-indicatie aan" in (root / ANKER).read_text(encoding="utf-8")


def test_a_file_that_cannot_be_written_stays_whole(tmp_path: Path) -> None:
    """A full disk, imitated by a limit on file size: the new file cannot be written."""
    root = old_site(tmp_path)
    before = (root / ANKER).read_bytes()
    limit = len(before) // 2

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", "migrate"],
        cwd=root,
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{ANKER}: Opslaan lukte niet" in result.stdout and "niet veranderd" in result.stdout
    assert (root / ANKER).read_bytes() == before
    assert not [name for name in os.listdir(root / "providers") if name.startswith(".")]


def upgrade_notes() -> list[str]:
    """The bullets under 'Upgrade notes' of the Unreleased section of CHANGELOG.md."""
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    unreleased = text.split("\n## Unreleased\n", 1)[1].split("\n## ", 1)[0]
    section = unreleased.split("\n### Upgrade notes", 1)[1].split("\n### ", 1)[0]
    return re.split(r"\n(?=- )", section[section.index("\n- ") + 1 :])


def test_every_upgrade_note_has_its_migration_step_and_says_whether_it_is_automatic() -> None:
    notes = upgrade_notes()
    assert len(notes) >= 4
    named = {}
    for note in notes:
        title = re.match(r"- \*\*(.+?)\*\*", note)
        assert title, f"an upgrade note starts with its title in bold: {note[:60]}"
        field = re.search(r"`([^`]+)`", title.group(1))
        assert field, f"the title names the field between backticks: {title.group(1)}"
        named[field.group(1)] = note
    steps = {step.field: step for step in STEPS}
    assert set(named) == set(steps), "every upgrade note needs a step in editors/migration.py, and vice versa"
    for name, note in named.items():
        marker = "*Automatic:*" if steps[name].rewrite else "*By hand"
        assert marker in note, f"the upgrade note on '{name}' should say {marker}"
        assert ("*Automatic:*" in note) != ("*By hand" in note), name
