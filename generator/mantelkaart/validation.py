"""Load every record file and validate it against the schema, collecting all problems.

This is the per-file half of validation; checks between records live in
:mod:`mantelkaart.catalogue`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mantelkaart.config import SiteConfig
from mantelkaart.fields import SLUG
from mantelkaart.loader import Document, YamlTrouble, parse_text, read_text
from mantelkaart.native import details
from mantelkaart.problems import Problem, from_validation
from mantelkaart.records import KINDS, Record
from mantelkaart.vocabulary import Vocabularies

IGNORED_NAMES = {"README.md", ".gitkeep"}


@dataclass
class Source:
    """One valid record with the file it came from."""

    kind: str
    id: str
    relpath: str
    document: Document
    record: Any


Progress = Callable[[int, int], None]


def record_files(root: Path) -> list[tuple[str, Path]]:
    """Every file in the data folders, as (kind, path), sorted."""
    files: list[tuple[str, Path]] = []
    for kind in KINDS:
        folder = root / kind
        if folder.is_dir():
            files.extend(
                (kind, folder / name)
                for name in sorted(os.listdir(folder))  # names, not Paths: 10,000 sort five times faster
                if name not in IGNORED_NAMES and not name.startswith(".")  # .DS_Store, editor swap files
            )
    return files


def known_ids(files: list[tuple[str, Path]]) -> dict[str, set[str]]:
    """Every record id per kind, from the file names (valid or not)."""
    known: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, path in files:
        if path.suffix == ".yaml":
            known[kind].add(path.stem)
    return known


def _context(config: SiteConfig, vocabularies: Vocabularies, today: date) -> dict[str, Any]:
    return {"vocabularies": vocabularies, "municipalities": config.municipality_ids(), "today": today}


def load_sources(
    root: Path,
    config: SiteConfig,
    vocabularies: Vocabularies,
    today: date | None = None,
    progress: Progress | None = None,
    files: list[tuple[str, Path]] | None = None,
) -> tuple[list[Source], list[Problem]]:
    """Parse and validate every record under ``root`` (or just ``files``); never raises for bad data.

    Files go through in batches, one step at a time for the whole batch (read, parse,
    validate): each step's code then stays in the processor's caches, which makes
    10,000 records about a tenth faster than taking them one by one.
    """
    context = _context(config, vocabularies, today or date.today())
    sources: list[Source] = []
    problems: list[Problem] = []
    files = record_files(root) if files is None else files
    with no_cyclic_gc():
        for start in range(0, len(files), BATCH):
            if progress and start:
                progress(start, len(files))
            batch = [_File(kind, path, f"{kind}/{path.name}") for kind, path in files[start : start + BATCH]]
            for step in (_read, _parse, _validate):
                for item in batch:
                    if not item.problems or step is _validate:
                        step(item, context)
            for item in batch:
                problems.extend(item.problems)
                if item.record is not None and not item.problems:
                    sources.append(
                        Source(item.kind, item.path.stem, item.relpath, item.document, item.record)
                    )
    return sources, problems


BATCH = 250


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Records are trees: nothing to collect, yet every GC pass walks all of them.

    Pausing the cyclic collector while loading (and freezing what was loaded)
    saves about half of the load time on 10,000 records.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


@dataclass
class _File:
    """One record file on its way through :func:`load_sources`."""

    kind: str
    path: Path
    relpath: str
    text: str = ""
    document: Document | None = None
    record: Record | None = None
    problems: list[Problem] = field(default_factory=list)

    def problem(self, message: str, hint: str, line: int = 1, column: int = 1) -> None:
        self.problems.append(Problem(self.relpath, line, column, "", message, hint))


def _read(item: _File, context: dict[str, Any]) -> None:
    if item.path.suffix != ".yaml":
        if item.path.is_dir():
            item.problem("Hier hoort geen map.", f"Zet records direct in {item.kind}/.")
        else:
            item.problem(
                "Dit bestand is geen record (de naam eindigt niet op .yaml).",
                "Geef het bestand de extensie .yaml of haal het weg.",
            )
        return
    try:
        item.text = read_text(item.path)
    except YamlTrouble as trouble:
        if item.path.is_dir():
            item.problem("Hier hoort geen map.", f"Zet records direct in {item.kind}/.")
        else:
            item.problem(trouble.message, trouble.hint, trouble.line, trouble.column)


def _parse(item: _File, context: dict[str, Any]) -> None:
    try:
        item.document = Document(item.path, item.text, parse_text(item.text))
    except YamlTrouble as trouble:
        item.problem(trouble.message, trouble.hint, trouble.line, trouble.column)


def _validate(item: _File, context: dict[str, Any]) -> None:
    """The record's schema (if it was read), and its file name as an id."""
    if item.document is not None:
        if not isinstance(item.document.data, dict):
            item.problem(
                "Het bestand bevat geen record.",
                "Een record begint met velden als 'naam: …'. Gebruik 'mantelkaart new' voor een voorbeeld.",
            )
        else:
            model = KINDS[item.kind]
            try:
                item.record = model.model_validate(item.document.data, context=context)
                item.document.data = None  # the record holds it now; freed, its memory serves the next files
            except ValidationError as error:
                item.problems += from_validation(item.document, item.relpath, model, details(error))
    if item.path.suffix == ".yaml" and not SLUG.match(item.path.stem):
        item.problems.insert(
            0,
            Problem(
                item.relpath,
                1,
                1,
                "",
                f"De bestandsnaam '{item.path.name}' is geen geldige id.",
                "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'het-parkhuis.yaml'.",
            ),
        )
