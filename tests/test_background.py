"""Files made on the second core while MkDocs renders: the same files with and without the
copy, also when the copy fails, and in a real build."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from mantelkaart.build import background as background_module
from mantelkaart.build.background import Background
from mantelkaart.core import cores
from mantelkaart.site.site_output import OutputFile, SiteContext

from support import REPO, copy_site, load, run_cli

EXAMPLE = load(REPO)


def made(catalogue: Any, context: SiteContext) -> list[OutputFile]:
    return [OutputFile("folders/a.txt", "één"), OutputFile("folders/sub/b.bin", b"\x00\x01")]


def finished(tmp_path: Path, name: str) -> dict[str, bytes]:
    site = tmp_path / name
    site.mkdir()
    job = Background([made], EXAMPLE.catalogue, SiteContext("", REPO))
    job.finish(site)
    assert not job.folder.exists()  # no staging folder left behind
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_with_and_without_a_copy_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # fork beside test threads
    monkeypatch.setattr(cores, "count", lambda: 2)
    forked = finished(tmp_path, "forked")
    monkeypatch.setattr(cores, "may_fork", lambda one_core_too=False: False)
    here = finished(tmp_path, "here")
    assert forked == here == {"folders/a.txt": "één".encode(), "folders/sub/b.bin": b"\x00\x01"}


def test_a_failing_copy_leaves_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(cores, "count", lambda: 2)
    parent = os.getpid()
    made_here = background_module.Background._made

    def failing(self: Background, counter: Any = None) -> list[str]:
        if os.getpid() != parent:
            os._exit(3)  # the copy dies
        return made_here(self, counter)

    monkeypatch.setattr(background_module.Background, "_made", failing)
    assert set(finished(tmp_path, "site")) == {"folders/a.txt", "folders/sub/b.bin"}


def test_a_real_build_publishes_the_folders(tmp_path: Path) -> None:
    site = copy_site(REPO, tmp_path / "example")
    result = run_cli("build", cwd=site)
    assert result.returncode == 0, result.stderr
    pdfs = sorted((site / "site" / "folders").rglob("*.pdf"))
    expected = len(EXAMPLE.config.municipalities) + len(EXAMPLE.catalogue.respite_forms)
    assert len(pdfs) == expected and all(p.read_bytes().startswith(b"%PDF-") for p in pdfs)
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob("mantelkaart-achtergrond-*/folders"))
