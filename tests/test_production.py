"""Making the outputs on two cores gives exactly what one core gives."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mantelkaart.build import outputs, production
from mantelkaart.build.outputs import site_outputs
from mantelkaart.core.catalogue import Catalogue
from mantelkaart.opendata.hsds import files as hsds_files
from mantelkaart.site.site_output import OutputFile, Page, SiteContext

from support import MINI, REPO, copy_site, load, run_cli, tree_digest

CONTEXT = SiteContext("https://voorbeeld.example.org/", REPO)


def comparable(items: Iterable[Any]) -> list[Any]:
    """Pages as they are; files as (path, bytes), whether staged on disk or in memory."""
    result: list[Any] = []
    for item in items:
        if isinstance(item, Page):
            result.append(item)
        elif isinstance(item, production.StagedFile):
            result.append((item.path, Path(item.source).read_bytes()))
        else:
            content = item.content.encode("utf-8") if isinstance(item.content, str) else item.content
            result.append((item.path, content))
    return result


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load(MINI).catalogue


@pytest.mark.parametrize("chunk", [1, 7, 100])
def test_two_cores_make_the_same_outputs_in_the_same_order(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(production, "CHUNK", chunk)
    one = comparable(site_outputs(catalogue, CONTEXT))
    two = list(production.produce(catalogue, CONTEXT, tmp_path))
    assert any(isinstance(item, production.StagedFile) for item in two)  # the copy really made files
    assert comparable(two) == one
    assert len(one) > 40


def test_the_copy_makes_its_share_even_where_a_producer_would_fork_again(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The open-data export forks a helper of its own on large sites; not inside the copy."""
    monkeypatch.setattr(hsds_files, "PARALLEL_FROM", 1)
    made = list(production.produce(catalogue, CONTEXT, tmp_path))
    assert any(isinstance(item, production.StagedFile) for item in made)
    assert comparable(made) == comparable(site_outputs(catalogue, CONTEXT))


def _fails_in_the_copy(parent: int, how: str) -> outputs.Producer:
    def producer(catalogue: Catalogue, context: SiteContext) -> Iterator[OutputFile]:
        if os.getpid() != parent:
            if how == "dies":
                os._exit(3)  # as if the copy were killed
            raise RuntimeError("kapot in de kopie")
        yield OutputFile("extra.txt", "gemaakt")

    return producer


@pytest.mark.parametrize("how", ["raises", "dies"])
def test_when_the_copy_fails_this_process_makes_its_share(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    monkeypatch.setattr(outputs, "PRODUCERS", [*outputs.PRODUCERS, _fails_in_the_copy(os.getpid(), how)])
    monkeypatch.setattr(production, "PRODUCERS", outputs.PRODUCERS)
    one = comparable(site_outputs(catalogue, CONTEXT))
    two = comparable(production.produce(catalogue, CONTEXT, tmp_path))
    assert two == one
    assert one[-1] == ("extra.txt", b"gemaakt")


def test_when_the_copy_dies_halfway_its_offer_pages_are_made_here(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent, made = os.getpid(), []
    real = production.offer_pages

    def dies_at_its_second_chunk(maker: Any, offers: Any) -> Any:
        if os.getpid() == parent:  # wait until the copy has taken two chunks and died
            deadline = time.monotonic() + 60
            while not (tmp_path / "died").exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        else:
            made.append(1)
            if len(made) == 2:
                (tmp_path / "died").touch()
                os._exit(3)
        return real(maker, offers)

    monkeypatch.setattr(production, "CHUNK", 1)
    monkeypatch.setattr(production, "offer_pages", dies_at_its_second_chunk)
    one = comparable(site_outputs(catalogue, CONTEXT))
    assert comparable(production.produce(catalogue, CONTEXT, tmp_path)) == one
    assert (tmp_path / "died").exists()


def test_an_error_in_a_producer_still_surfaces(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(catalogue: Catalogue, context: SiteContext) -> Iterator[OutputFile]:
        raise ValueError("echt kapot")
        yield  # a generator, like the others

    monkeypatch.setattr(production, "PRODUCERS", [*outputs.PRODUCERS, broken])
    with pytest.raises(ValueError, match="echt kapot"):
        list(production.produce(catalogue, CONTEXT, tmp_path))


@pytest.mark.parametrize(
    ("setting", "threads", "expected"),
    [("never", 1, False), ("always", 1, True), ("always", 3, False), ("auto", 3, False), ("onzin", 1, False)],
)
def test_the_setting_decides_but_never_next_to_threads(
    catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch, setting: str, threads: int, expected: bool
) -> None:
    """Threads (mkdocs serve; here also those other tests leave behind) always mean one core.
    Any other value counts as ``auto``: the mini site is too small for two cores."""
    monkeypatch.setenv(production.SETTING, setting)
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    assert production.parallel_wanted(catalogue) is expected


def test_small_sites_stay_on_one_core(catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(production.SETTING, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(production.cores, "count", lambda: 2)
    assert len(catalogue.offers) < production.PARALLEL_FROM
    assert production.parallel_wanted(catalogue) is False
    monkeypatch.setattr(production, "PARALLEL_FROM", len(catalogue.offers))
    assert production.parallel_wanted(catalogue) is True


def test_a_build_on_two_cores_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole way through MkDocs: staged files are copied in, then the staging folder goes."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    sites = {}
    for setting in ("never", "always"):
        monkeypatch.setenv(production.SETTING, setting)
        site = copy_site(MINI, tmp_path / setting)
        result = run_cli("-f", "mkdocs.yml", "build", "--strict", cwd=site)
        assert result.returncode == 0, result.stderr
        sites[setting] = tree_digest(site / "site")
    assert sites["always"] == sites["never"]
    assert list(temporary.iterdir()) == []
