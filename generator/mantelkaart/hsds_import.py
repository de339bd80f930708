"""``mantelkaart import hsds PATH``: HSDS 3.0 organizations become provider and regulation records.

An export of Mantelkaart comes back unchanged (the attributes of the
``mantelkaart`` taxonomy carry what HSDS has no field for). Other HSDS data is
mapped as far as it goes; required values that HSDS does not have are filled in
with a neutral choice, and everything that is filled in, left out or skipped is
listed in the Dutch report (:class:`ImportReport`). Each record is validated with
the site's own rules before anything is written; existing files are only
overwritten with ``force``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mantelkaart.dataset import Dataset
from mantelkaart.hsds_input import HsdsInputError, Organization, read_organizations, read_terms
from mantelkaart.hsds_records import RecordMaker
from mantelkaart.hsds_terms import Taxonomies
from mantelkaart.import_report import ImportReport
from mantelkaart.record_yaml import record_yaml


@dataclass
class ImportResult:
    report: ImportReport
    files: dict[str, str] = field(default_factory=dict)  # relative path → YAML text
    counts: tuple[int, int, int] = (0, 0, 0)  # providers, services, regulations

    def summary(self) -> str:
        return self.report.text(*self.counts)


def plan_import(dataset: Dataset, source: Path, today: date | None = None) -> ImportResult:
    """Read ``source`` and turn it into record files for ``dataset``'s site; writes nothing."""
    organizations: list[Organization] = read_organizations(source)
    report = ImportReport(source.name)
    terms = []
    beside = source.with_name("taxonomy_terms.json")
    if beside.is_file() and beside != source:
        try:
            terms = read_terms(beside)
        except HsdsInputError as error:
            report.drop(beside.name, str(error))
    taxonomies = Taxonomies(dataset.catalogue)
    maker = RecordMaker(dataset, taxonomies, terms, report, today or date.today())
    records = maker.records(organizations)
    header = f"Geïmporteerd uit {source.name} (HSDS 3.0) met 'mantelkaart import hsds'."
    files = {
        f"{kind}/{record_id}.yaml": record_yaml(data, header) for (kind, record_id), data in records.items()
    }
    providers = [data for (kind, _), data in records.items() if kind == "providers"]
    counts = (
        len(providers),
        sum(len(data.get("diensten", [])) for data in providers),
        sum(1 for kind, _ in records if kind == "regulations"),
    )
    return ImportResult(report, files, counts)


def write_import(root: Path, result: ImportResult, force: bool = False) -> list[str]:
    """Write the planned files under ``root``. Without ``force``, existing files stop everything.

    Returns the files that already existed (nothing was written then).
    """
    existing = sorted(relpath for relpath in result.files if (root / relpath).exists())
    if existing and not force:
        return existing
    for relpath, text in result.files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        result.report.written.append(relpath)
    return []


def import_hsds(
    dataset: Dataset, source: Path, force: bool = False, today: date | None = None
) -> tuple[ImportResult, list[str]]:
    """Plan and write; raises :class:`HsdsInputError` for input that is not HSDS."""
    result = plan_import(dataset, source, today)
    return result, write_import(dataset.root, result, force)
