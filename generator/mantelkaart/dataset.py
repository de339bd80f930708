"""A data folder, loaded: the one entry point every adapter uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mantelkaart.catalogue import Catalogue, build_catalogue
from mantelkaart.config import SiteConfig
from mantelkaart.freshness import StaleRecord, stale_problems, stale_records
from mantelkaart.problems import Problem
from mantelkaart.validation import Progress, Source, load_sources
from mantelkaart.vocabulary import Vocabularies, VocabularyError


@dataclass
class Dataset:
    root: Path
    config: SiteConfig
    catalogue: Catalogue
    sources: list[Source]
    problems: list[Problem] = field(default_factory=list)
    stale: list[StaleRecord] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "fout"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "waarschuwing"]

    def ok(self, strict: bool = False) -> bool:
        return not (self.errors or (strict and self.warnings))

    @classmethod
    def load(
        cls,
        root: Path,
        config: SiteConfig,
        today: date | None = None,
        progress: Progress | None = None,
    ) -> Dataset:
        """Load, validate and cross-check everything under ``root``. Never raises for bad data."""
        today = today or date.today()
        try:
            vocabularies = Vocabularies.load(root / "vocabularies")
        except VocabularyError as error:
            relpath = error.path.relative_to(root).as_posix() if error.path.is_absolute() else str(error.path)
            vocabularies = Vocabularies.load(None)
            problem = Problem(
                relpath, error.line, 1, "", error.message, "Zie de redactiehandleiding, vocabulaires."
            )
            catalogue = Catalogue(config, vocabularies)
            return cls(root, config, catalogue, [], [problem])
        sources, problems = load_sources(root, config, vocabularies, today, progress)
        catalogue, cross = build_catalogue(sources, config, vocabularies)
        stale = stale_records(sources, today, config.stale_after_months)
        all_problems = sorted(
            [*problems, *cross, *stale_problems(sources, stale)],
            key=lambda p: (p.file, p.line, p.column),
        )
        return cls(root, config, catalogue, sources, all_problems, stale)
