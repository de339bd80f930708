"""A data folder, loaded: the one entry point every adapter uses."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mantelkaart.core import cores
from mantelkaart.core.catalogue import Catalogue, build_catalogue, with_hint
from mantelkaart.core.config import SiteConfig
from mantelkaart.core.drafts import draft_problems
from mantelkaart.core.freshness import StaleRecord, stale_problems, stale_records
from mantelkaart.core.guide_file import load_guide
from mantelkaart.core.plain_language import TOPIC, HardWords, language_problems, words_problem
from mantelkaart.core.problems import Problem, suggest
from mantelkaart.core.records import KINDS
from mantelkaart.core.validation import Progress, Source, known_ids, load_sources, no_cyclic_gc, record_files
from mantelkaart.core.vocabulary import Vocabularies, VocabularyError
from mantelkaart.core.yaml_trouble import YamlTrouble


@dataclass
class Dataset:
    root: Path
    config: SiteConfig
    catalogue: Catalogue
    sources: list[Source]
    problems: list[Problem] = field(default_factory=list)
    stale: list[StaleRecord] = field(default_factory=list)
    counts: tuple[int, int] = (0, 0)  # records and services read

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "fout"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "waarschuwing"]

    def ok(self, strict: bool = False) -> bool:
        """No errors; with ``strict`` no warnings either, except plain-language ones (never errors)."""
        return not (self.errors or (strict and any(p.topic != TOPIC for p in self.warnings)))

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
        if not any((root / kind).is_dir() for kind in KINDS):
            problem = Problem(
                str(root),
                1,
                1,
                "",
                "Hier staan geen mappen met records (providers/, respite-forms/, regulations/).",
                "Controleer 'data_dir' in mkdocs.yml of start het commando in de map van de site.",
            )
            return cls(root, config, Catalogue(config, Vocabularies.load(None)), [], [problem])
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
        files = record_files(root)
        words, words_trouble = _hard_words(root)
        with no_cyclic_gc():
            drafts: list[Source] = []
            sources, problems = load_sources(root, config, vocabularies, today, progress, files, drafts)
            catalogue, cross = build_catalogue(sources, config, vocabularies, known_ids(files), today)
            cross += draft_problems(drafts, catalogue, known_ids(files))  # records with errors
            stale = stale_records(sources, today, config.stale_after_months)
            catalogue.guide, guide_problems = load_guide(
                root, config, vocabularies, known_ids(files)["respite-forms"]
            )
        plain = [*words_trouble, *language_problems(sources, words)]
        all_problems = _sorted([*problems, *cross, *guide_problems, *stale_problems(sources, stale), *plain])
        return cls(
            root, config, catalogue, sources, all_problems, stale, (len(sources), len(catalogue.offers))
        )

    @classmethod
    def check(
        cls, root: Path, config: SiteConfig, today: date | None = None, workers: int | None = None
    ) -> Dataset:
        """Problems and stale records only, using a second core for large data sets.

        This process and a forked copy of it (:class:`cores.Copy`) take batches of files
        from a shared counter and validate them, and each checks between its own records
        (ids come from file names, so every reference can be resolved in either); the
        copy sends back only its problems, so no records cross process boundaries. The
        result has no catalogue. If the copy fails, this process validates its share.
        """
        today = today or date.today()
        files = record_files(root)
        workers = workers or cores.count()
        if workers < 2 or len(files) < PARALLEL_FROM or not cores.may_fork():
            return cls.load(root, config, today)
        try:
            vocabularies = Vocabularies.load(root / "vocabularies")
        except VocabularyError:
            return cls.load(root, config, today)  # reports the vocabulary problem
        known = known_ids(files)
        words, words_trouble = _hard_words(root)  # read once, before the copy is made
        count = -(-len(files) // BATCH)

        def batches(numbers: Iterable[int], taken: list[int]) -> Iterator[list[tuple[str, Path]]]:
            for number in numbers:
                taken.append(number)
                yield files[number * BATCH : (number + 1) * BATCH]

        def share(counter: Any) -> Share:
            return _check_share(
                root, config, vocabularies, today, batches(cores.claims(counter, count), []), known, words
            )

        copy = cores.Copy(share)
        try:
            mine: list[int] = []
            results = [
                _check_share(
                    root,
                    config,
                    vocabularies,
                    today,
                    batches(cores.claims(copy.counter, count), mine),
                    known,
                    words,
                )
            ]
            theirs = copy.result()
        finally:
            copy.close()
        if theirs is None:  # the copy failed: the batches it took are done here
            left = sorted(set(range(count)) - set(mine))
            theirs = _check_share(root, config, vocabularies, today, batches(left, []), known, words)
        results.append(theirs)
        guide_problems = load_guide(root, config, vocabularies, known["respite-forms"])[1]
        guide_problems += words_trouble
        # References across batches: a service named in another batch exists if some batch saw it.
        services = {key for result in results for key in result[4]}
        valid = {key.partition("/")[0] for key in services} | {p for result in results for p in result[5]}
        crossing = {
            with_hint(
                problem, suggest(key, [s for s in services if s.startswith(key.partition("/")[0] + "/")])
            )
            for result in results
            for key, problem in result[6]
            if key not in services and key.partition("/")[0] in valid
        }
        problems = _sorted([*guide_problems, *crossing, *(p for result in results for p in result[0])])
        stale = sorted((s for result in results for s in result[1]), key=lambda s: (s.group, s.field))
        counts = (sum(r[2] for r in results), sum(r[3] for r in results))
        return cls(root, config, Catalogue(config, vocabularies), [], problems, stale, counts)


PARALLEL_FROM = 2000
BATCH = 250  # files; the two processes take batches of this many until none are left
# problems, stale records, records, services, service keys, valid providers, pending references
Share = tuple[list[Problem], list[StaleRecord], int, int, set[str], set[str], list[tuple[str, Problem]]]


def _check_share(
    root: Path,
    config: SiteConfig,
    vocabularies: Vocabularies,
    today: date,
    batches: Iterable[list[tuple[str, Path]]],
    known: dict[str, set[str]],
    words: HardWords,
) -> Share:
    """Validate ``batches`` of files and check each record against ``known`` ids. A batch's
    records are dropped once checked (every check between records needs only the ids), so
    memory stays about that of one batch: 90 MB per process instead of 235 MB for 10,000
    provider files, in the same time."""
    problems: list[Problem] = []
    stale: list[StaleRecord] = []
    records = services = 0
    keys: set[str] = set()
    providers: set[str] = set()
    pending: list[tuple[str, Problem]] = []
    with no_cyclic_gc():
        for batch in batches:
            drafts: list[Source] = []
            sources, troubles = load_sources(root, config, vocabularies, today, None, batch, drafts)
            catalogue, cross = build_catalogue(sources, config, vocabularies, known, today)
            cross += draft_problems(drafts, catalogue, known)  # records with errors
            old = stale_records(sources, today, config.stale_after_months)
            problems += [*troubles, *cross, *stale_problems(sources, old), *language_problems(sources, words)]
            stale += old
            records += len(sources)
            services += len(catalogue.offers)
            keys.update(offer.key for offer in catalogue.offers)
            providers.update(catalogue.providers)
            pending += catalogue.pending
    return problems, stale, records, services, keys, providers, pending


def _hard_words(root: Path) -> tuple[HardWords, list[Problem]]:
    """The plain-language check's word list, and the problem with the site's own list, if any."""
    try:
        return HardWords.load(root), []
    except YamlTrouble as trouble:
        return HardWords.load(None), [words_problem(trouble)]


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.column))
