"""Hostile files in the data folders: a FIFO, a symlink out of the folder, a reserved or an
overlong id, control characters in names and text. Each gets a Dutch message, nothing hangs,
nothing outside the folder is read, and the terminal shows control characters escaped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.recordkit import dump, load, one, provider, service, write_site


def run_validate(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", "validate"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_fifo_named_like_a_record_is_refused_without_hanging(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s")
    os.mkfifo(site / "providers" / "pijp.yaml")
    result = run_validate(site)  # before: still running after 30 s
    assert result.returncode == 1
    assert "providers/pijp.yaml" in result.stdout + result.stderr
    assert "geen gewoon bestand" in result.stdout + result.stderr


def test_a_symlink_out_of_the_data_folder_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "elders.yaml"
    secret.write_text(dump(provider(naam="Geheime organisatie")), encoding="utf-8")
    site = write_site(tmp_path / "s")
    (site / "providers" / "link.yaml").symlink_to(secret)
    (site / "providers" / "nul.yaml").symlink_to("/dev/zero")
    dataset = load(site)
    assert "Geheime organisatie" not in {p.name for p in dataset.catalogue.providers.values()}
    for name in ("link", "nul"):
        problem = one(dataset.problems, f"providers/{name}.yaml")
        assert "snelkoppeling" in problem.message
        assert "Too many levels" not in problem.message + problem.hint


def test_a_reserved_or_overlong_id_is_refused(tmp_path: Path) -> None:
    long_id = "a" * 300
    files = {
        "providers/index.yaml": dump(provider()),
        f"providers/{'b' * 90}.yaml": dump(provider()),
        "providers/lange-dienst.yaml": dump(provider(diensten=[service(id=long_id)])),
    }
    dataset = load(write_site(tmp_path / "s", files))
    assert "gereserveerd" in one(dataset.problems, "providers/index.yaml").message
    assert "te lang" in one(dataset.problems, f"providers/{'b' * 90}.yaml").message
    problem = one(dataset.problems, "providers/lange-dienst.yaml", "diensten[1].id")
    assert "te lang" in problem.message


def test_control_characters_reach_the_terminal_escaped(tmp_path: Path) -> None:
    bad = "x\x1b[2Jmk\x1b]0;pwned\x07"
    site = write_site(tmp_path / "s", {"providers/goed.yaml": dump(provider(soort=bad))})
    result = run_validate(site)
    output = result.stdout + result.stderr
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b[2J" in output and "\\x07" in output
