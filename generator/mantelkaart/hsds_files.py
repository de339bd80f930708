"""The HSDS files of a catalogue: ``organizations.json``, ``taxonomy_terms.json`` and the CSV package.

A large site (thousands of providers) is split in two: a forked process makes
the HSDS JSON and CSV rows of the second part while this process makes the first
part and the other exports (:class:`HsdsFiles`), when :func:`cores.may_fork`. The parts are joined in provider
order, so the files are the same bytes either way (a test compares them).
"""

from __future__ import annotations

import multiprocessing as mp
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

import orjson

from mantelkaart import cores
from mantelkaart.catalogue import Catalogue
from mantelkaart.hsds import HsdsExport
from mantelkaart.hsds_tables import COLUMNS, TABLES, csv_rows, datapackage_text, flatten
from mantelkaart.hsds_terms import Json

PARALLEL_FROM = 1000  # providers; below this a second process costs more than it saves
FIRST_SHARE = 0.35  # this process also writes the spreadsheet and the GeoJSON meanwhile


@dataclass(frozen=True)
class Part:
    organizations: bytes  # a JSON array
    tables: dict[str, str]  # table → CSV lines without the header


def make_part(catalogue: Catalogue, site_url: str, provider_ids: list[str], terms: list[Json]) -> Part:
    organizations = HsdsExport(catalogue, site_url).organizations(provider_ids)
    rows = flatten(organizations, terms)
    return Part(orjson.dumps(organizations), {table: csv_rows(rows[table]) for table in TABLES})


_SHARED: tuple[Catalogue, str] | None = None  # what a forked worker reads (never pickled)


def _forked_part(provider_ids: list[str]) -> Part:
    assert _SHARED is not None
    return make_part(*_SHARED, provider_ids, [])


class HsdsFiles:
    """Starts the second part at once (on a large site); :meth:`files` makes the rest and joins."""

    def __init__(self, catalogue: Catalogue, site_url: str = "", parallel: bool | None = None) -> None:
        global _SHARED
        self.catalogue = catalogue
        self.site_url = site_url
        self.export = HsdsExport(catalogue, site_url)
        ids = list(catalogue.providers)
        if parallel is None:
            parallel = len(ids) >= PARALLEL_FROM and cores.may_fork()
        split = int(len(ids) * FIRST_SHARE) if parallel else len(ids)
        self.first, rest = ids[:split], ids[split:]
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future[Part] | None = None
        if rest:
            _SHARED = (catalogue, site_url)
            self.pool = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"))
            self.future = self.pool.submit(_forked_part, rest)

    def close(self) -> None:
        global _SHARED
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None
        _SHARED = None

    def files(self, title: str, licence: Json | None) -> dict[str, bytes]:
        """File name (``organizations.json``, ``csv/services.csv``, …) → bytes."""
        terms = self.export.taxonomy_terms()
        try:
            parts = [make_part(self.catalogue, self.site_url, self.first, terms)]
            if self.future is not None:
                parts.append(self.future.result())
        finally:
            self.close()
        arrays = [part.organizations[1:-1] for part in parts if part.organizations != b"[]"]
        files = {
            "organizations.json": b"[" + b",".join(arrays) + b"]\n",
            "taxonomy_terms.json": orjson.dumps(terms) + b"\n",
            "csv/datapackage.json": datapackage_text(title, licence).encode(),
        }
        for table, (path, _) in TABLES.items():
            header = csv_rows([COLUMNS[table]])
            files[f"csv/{path}"] = (header + "".join(part.tables[table] for part in parts)).encode()
        return files
