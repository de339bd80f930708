"""Load every record file and validate it against the schema, collecting all problems.

This is the per-file half of validation; checks between records live in
:mod:`mantelkaart.catalogue`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from mantelkaart.config import SiteConfig
from mantelkaart.fields import SLUG
from mantelkaart.loader import Document, YamlTrouble, load_document
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
            files.extend((kind, path) for path in sorted(folder.iterdir()) if path.name not in IGNORED_NAMES)
    return files


def _context(config: SiteConfig, vocabularies: Vocabularies, today: date) -> dict[str, Any]:
    return {"vocabularies": vocabularies, "municipalities": config.municipality_ids(), "today": today}


def load_sources(
    root: Path,
    config: SiteConfig,
    vocabularies: Vocabularies,
    today: date | None = None,
    progress: Progress | None = None,
) -> tuple[list[Source], list[Problem]]:
    """Parse and validate every record under ``root``; never raises for bad data."""
    context = _context(config, vocabularies, today or date.today())
    sources: list[Source] = []
    problems: list[Problem] = []
    files = record_files(root)
    collecting = gc.isenabled()
    gc.disable()  # thousands of small containers survive; cyclic GC passes only cost time here
    try:
        for number, (kind, path) in enumerate(files, 1):
            if progress and number % 500 == 0:
                progress(number, len(files))
            relpath = path.relative_to(root).as_posix()
            source, found = _load_one(kind, path, relpath, context)
            problems.extend(found)
            if source:
                sources.append(source)
    finally:
        if collecting:
            gc.enable()
    return sources, problems


def _load_one(
    kind: str, path: Path, relpath: str, context: dict[str, Any]
) -> tuple[Source | None, list[Problem]]:
    if path.is_dir():
        return None, [Problem(relpath, 1, 1, "", "Hier hoort geen map.", f"Zet records direct in {kind}/.")]
    if path.suffix != ".yaml":
        return None, [
            Problem(
                relpath,
                1,
                1,
                "",
                "Dit bestand is geen record (de naam eindigt niet op .yaml).",
                "Geef het bestand de extensie .yaml of haal het weg.",
            )
        ]
    problems = []
    if not SLUG.match(path.stem):
        problems.append(
            Problem(
                relpath,
                1,
                1,
                "",
                f"De bestandsnaam '{path.name}' is geen geldige id.",
                "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'het-parkhuis.yaml'.",
            )
        )
    try:
        document = load_document(path)
    except YamlTrouble as trouble:
        return None, [
            *problems,
            Problem(relpath, trouble.line, trouble.column, "", trouble.message, trouble.hint),
        ]
    if not isinstance(document.data, dict):
        return None, [
            *problems,
            Problem(
                relpath,
                1,
                1,
                "",
                "Het bestand bevat geen record.",
                "Een record begint met velden als 'naam: …'. Gebruik 'mantelkaart new' voor een voorbeeld.",
            ),
        ]
    model = KINDS[kind]
    try:
        record: Record = model.model_validate(document.data, context=context)
    except ValidationError as error:
        return None, [*problems, *from_validation(document, relpath, model, error.errors())]
    if problems:
        return None, problems
    return Source(kind, path.stem, relpath, document, record), []
