"""``mantelkaart import hsds PATH``: HSDS 3.0 organizations become provider and regulation records.

An export of Mantelkaart comes back unchanged (the attributes of the
``mantelkaart`` taxonomy carry what HSDS has no field for). Other HSDS data is
mapped as far as it goes and nothing is made up: a record that lacks a value the
site requires (a target group, who pays, ...) is written as a draft into
``concepten/``, which is never built, until an editor fills it in. Organizations
outside the site's municipalities are refused (or, with ``keep_outside``, written
to ``concepten/buiten-regio/``). What was taken over, changed and left out is
counted per field in the Dutch report (:class:`ImportReport`), also written as
Markdown next to the data. Each record is validated with the site's own rules
before anything is written; existing files are only overwritten with ``force``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mantelkaart.core.dataset import Dataset
from mantelkaart.editors.record_yaml import record_yaml
from mantelkaart.opendata.hsds.input import HsdsInputError, Organization, read_organizations, read_terms
from mantelkaart.opendata.hsds.records import DRAFTS, OUTSIDE, RecordMaker
from mantelkaart.opendata.hsds.terms import Taxonomies
from mantelkaart.opendata.import_report import ImportReport


@dataclass
class ImportResult:
    report: ImportReport
    files: dict[str, str] = field(default_factory=dict)  # relative path → YAML text
    counts: tuple[int, int, int] = (0, 0, 0)  # providers, services, regulations (drafts not counted)
    report_file: str | None = None  # where the Markdown report was written, relative to the site

    def summary(self) -> str:
        return self.report.text(*self.counts, details=self.report_file)

    def markdown(self) -> str:
        return self.report.markdown(*self.counts)


REPORT_FILE = "import-rapport.md"


def plan_import(
    dataset: Dataset,
    source: Path,
    today: date | None = None,
    country: str = "NL",
    keep_outside: bool = False,
) -> ImportResult:
    """Read ``source`` and turn it into record files for ``dataset``'s site; writes nothing."""
    organizations: list[Organization] = read_organizations(source)
    report = ImportReport(source.name)
    terms = []
    beside = source.with_name("taxonomy_terms.json")
    if beside.is_file() and beside != source:
        try:
            terms = read_terms(beside)
        except HsdsInputError as error:
            report.left("taxonomy_terms.json", str(error), beside.name)
    taxonomies = Taxonomies(dataset.catalogue)
    maker = RecordMaker(dataset, taxonomies, terms, report, today or date.today(), country, keep_outside)
    records = maker.records(organizations)
    header = f"Geïmporteerd uit {source.name} (HSDS 3.0) met 'mantelkaart import hsds'."
    files = {
        f"{kind}/{record_id}.yaml": record_yaml(data, header) for (kind, record_id), data in records.items()
    }
    for (kind, record_id), _ in records.items():
        if kind.startswith("concepten"):
            files[f"{kind}/{record_id}.yaml"] = record_yaml(
                records[(kind, record_id)],
                header
                + "\nCONCEPT: komt niet op de site. Vul nog in: "
                + ", ".join(report.drafts.get(f"{kind}/{record_id}.yaml", []))
                + f".\nZet het bestand daarna in {kind.rsplit('/', 1)[-1]}/.",
            )
    providers = [data for (kind, _), data in records.items() if kind == "providers"]
    counts = (
        len(providers),
        sum(len(data.get("diensten", [])) for data in providers),
        sum(1 for kind, _ in records if kind == "regulations"),
    )
    return ImportResult(report, files, counts)


def published(relpath: str) -> str | None:
    """Where a draft goes once an editor has filled it in: ``concepten/providers/x.yaml`` → ``providers/x.yaml``."""
    for folder in (OUTSIDE, DRAFTS):
        if relpath.startswith(folder + "/"):
            return relpath[len(folder) + 1 :]
    return None


class OutsideDataFolder(HsdsInputError):
    """A file to write would land outside the site's folder (through a symbolic link)."""


def inside(root: Path, relpath: str) -> None:
    """Refuse a file whose folder leads outside ``root`` through a symbolic link."""
    folder = (root / relpath).parent
    while not folder.exists():
        folder = folder.parent
    if not folder.resolve().is_relative_to(root.resolve()):
        raise OutsideDataFolder(
            f"'{relpath}' zou buiten de map van de site terechtkomen (via een snelkoppeling)."
        )


def write_inside(root: Path, relpath: str, text: str) -> None:
    """Write ``relpath`` under ``root`` as a new regular file: a symbolic link in its place is
    replaced, never written through, and a folder that leads outside ``root`` is refused."""
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.parent.resolve().is_relative_to(root.resolve()):
        raise OutsideDataFolder(
            f"'{relpath}' zou buiten de map van de site terechtkomen (via een snelkoppeling)."
        )
    if path.is_symlink():
        path.unlink()
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)


def write_import(root: Path, result: ImportResult, force: bool = False) -> list[str]:
    """Write the planned files under ``root``. Without ``force``, existing files stop everything.

    Returns the files that already existed (nothing was written then).
    """
    existing = sorted(
        path
        for relpath in result.files
        for path in (relpath, published(relpath))
        if path and (root / path).exists()
    )
    if existing and not force:
        return existing
    for relpath in result.files:  # all refused before one is written
        inside(root, relpath)
    for relpath, text in result.files.items():
        write_inside(root, relpath, text)
        result.report.written.append(relpath)
    write_inside(root, REPORT_FILE, result.markdown())
    result.report_file = REPORT_FILE
    return []


def import_hsds(
    dataset: Dataset,
    source: Path,
    force: bool = False,
    today: date | None = None,
    country: str = "NL",
    keep_outside: bool = False,
) -> tuple[ImportResult, list[str]]:
    """Plan and write; raises :class:`HsdsInputError` for input that is not HSDS."""
    result = plan_import(dataset, source, today, country, keep_outside)
    return result, write_import(dataset.root, result, force)
