"""``mantelkaart validate`` on two cores (:meth:`Dataset.check`) says what one core says."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mantelkaart.core import cores
from mantelkaart.core import dataset as dataset_module
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config

from bench.synthetic import TODAY, write_site


def broken_site(folder: Path) -> Path:
    """A synthetic site of 40 providers with a problem of each kind in some of its files."""
    write_site(folder, 40, seed=3)
    providers = sorted((folder / "providers").iterdir())
    providers[0].write_text("naam: [niet gesloten\n", encoding="utf-8")  # YAML
    providers[5].write_text(providers[5].read_text(encoding="utf-8") + "onbekend_veld: x\n", encoding="utf-8")
    text = providers[11].read_text(encoding="utf-8")
    providers[11].write_text(text.replace("respijtvorm: ", "respijtvorm: bestaat-niet-", 1), encoding="utf-8")
    text = providers[23].read_text(encoding="utf-8")
    providers[23].write_text(text.replace("  op: 2026-", "  op: 2024-", 1), encoding="utf-8")  # stale
    (folder / "providers" / "Geen Id.yaml").write_bytes(providers[30].read_bytes())
    (folder / "providers" / "binair.yaml").write_bytes(b"\x00\x01naam: x\n")
    return folder


def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even beside the threads other tests leave behind (a browser test's web server),
    and on one core, with seven batches to share out."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(cores, "count", lambda: 2)
    monkeypatch.setattr(dataset_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(dataset_module, "BATCH", 7)


def both(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Dataset, Dataset]:
    config, root = site_config(folder / "mkdocs.yml")
    one = Dataset.load(root, config, today=TODAY)
    two_cores(monkeypatch)
    copies: list[cores.Copy] = []
    made = cores.Copy.__init__

    def noted(copy: cores.Copy, work: Any) -> None:
        copies.append(copy)
        made(copy, work)

    monkeypatch.setattr(cores.Copy, "__init__", noted)
    two = Dataset.check(root, config, today=TODAY, workers=2)
    assert len(copies) == 1  # the second core was used
    return one, two


def same(one: Dataset, two: Dataset) -> None:
    assert [p.text() for p in two.problems] == [p.text() for p in one.problems]
    assert two.stale == one.stale
    assert two.counts == one.counts


def test_two_cores_report_every_problem_one_core_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = both(broken_site(tmp_path), monkeypatch)
    assert {"fout", "waarschuwing"} <= {p.severity for p in one.problems}
    assert len({p.file for p in one.errors}) >= 5 and one.stale
    same(one, two)


@pytest.mark.parametrize("how", ["raises", "dies"])
def test_a_failing_copy_leaves_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """If the copy raises or dies, this process validates the batches it had taken."""
    folder = broken_site(tmp_path)
    parent, check_share = os.getpid(), dataset_module._check_share

    def failing(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != parent:
            next(iter(args[4]))  # the copy takes a batch first, so this process must do it
            if how == "dies":
                os._exit(3)
            raise RuntimeError("kapot in de kopie")
        return check_share(*args, **kwargs)

    monkeypatch.setattr(dataset_module, "_check_share", failing)
    same(*both(folder, monkeypatch))


def test_today_decides_what_is_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The date is passed to the copy too: a year later, every record is stale in both."""
    folder = broken_site(tmp_path)
    config, root = site_config(folder / "mkdocs.yml")
    later = date(TODAY.year + 1, TODAY.month, TODAY.day)
    two_cores(monkeypatch)
    two = Dataset.check(root, config, today=later, workers=2)
    assert len(two.stale) > len(Dataset.load(root, config, today=TODAY).stale)
    assert len(two.stale) == len(Dataset.load(root, config, today=later).stale)
