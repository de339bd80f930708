"""The HSDS files of a catalogue: ``organizations.json``, ``taxonomy_terms.json`` and the CSV package.

The providers are made in chunks of :data:`CHUNK`. On a large site (thousands of
providers), when :func:`cores.may_fork`, a forked copy of this process starts on the
chunks at once, while this process writes the other exports (the spreadsheet, the
GeoJSON) and then takes chunks too, from a shared counter (:func:`cores.claims`), so
both finish at about the same time. The chunks are joined in provider order, so the
files are the same bytes either way (a test compares them). If the copy fails, this
process makes its chunks itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from mantelkaart.core import cores
from mantelkaart.core.catalogue import Catalogue
from mantelkaart.opendata.hsds.export import HsdsExport
from mantelkaart.opendata.hsds.tables import COLUMNS, TABLES, csv_rows, datapackage_text, flatten
from mantelkaart.opendata.hsds.terms import Json

PARALLEL_FROM = 1000  # providers; below this a second process costs more than it saves
CHUNK = 250  # providers per chunk of work


@dataclass(frozen=True)
class Part:
    organizations: bytes  # a JSON array
    tables: dict[str, bytes]  # table → CSV lines without the header, UTF-8 (made where the rows are)


def make_part(
    catalogue: Catalogue, site_url: str, provider_ids: list[str], terms: list[Json] | None = None
) -> Part:
    organizations = HsdsExport(catalogue, site_url).organizations(provider_ids)
    rows = flatten(organizations, terms or [])
    return Part(orjson.dumps(organizations), {table: csv_rows(rows[table]).encode() for table in TABLES})


class HsdsFiles:
    """Starts the copy at once (on a large site); :meth:`files` makes the rest and joins."""

    def __init__(self, catalogue: Catalogue, site_url: str = "", parallel: bool | None = None) -> None:
        self.catalogue = catalogue
        self.site_url = site_url
        self.export = HsdsExport(catalogue, site_url)
        ids = list(catalogue.providers)
        self.chunks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
        if parallel is None:
            parallel = len(ids) >= PARALLEL_FROM and cores.may_fork()
        self.copy: cores.Copy | None = None  # the forked copy, while it runs
        if parallel and len(self.chunks) > 1:
            self.copy = cores.Copy(lambda counter: _their_parts(catalogue, site_url, self.chunks, counter))

    def close(self) -> None:
        if self.copy is not None:
            self.copy.close()
            self.copy = None

    def files(self, title: str, licence: Json | None) -> dict[str, bytes]:
        """File name (``organizations.json``, ``csv/services.csv``, …) → bytes."""
        terms = self.export.taxonomy_terms()
        try:
            made: dict[int, Part] = {}
            if self.copy is not None:
                for number in cores.claims(self.copy.counter, len(self.chunks)):
                    made[number] = make_part(self.catalogue, self.site_url, self.chunks[number])
                made.update(self.copy.result() or {})  # nothing if the copy failed
        finally:
            self.close()
        parts = [
            made[number] if number in made else make_part(self.catalogue, self.site_url, chunk)
            for number, chunk in enumerate(self.chunks)  # here: every chunk, or the copy's if it failed
        ]
        parts.append(make_part(self.catalogue, self.site_url, [], terms))  # the taxonomy tables
        # The parts' arrays joined into one, copied once (70 MB at 5,000 providers).
        arrays = [memoryview(part.organizations)[1:-1] for part in parts if part.organizations != b"[]"]
        pieces: list[bytes | memoryview] = [b"["]
        for array in arrays:
            pieces += [b",", array] if len(pieces) > 1 else [array]
        pieces.append(b"]\n")
        files = {
            "organizations.json": b"".join(pieces),
            "taxonomy_terms.json": orjson.dumps(terms) + b"\n",
            "csv/datapackage.json": datapackage_text(title, licence).encode(),
        }
        for table, (path, _) in TABLES.items():
            header = csv_rows([COLUMNS[table]]).encode()
            files[f"csv/{path}"] = b"".join([header, *(part.tables[table] for part in parts)])
        return files


def _their_parts(
    catalogue: Catalogue, site_url: str, chunks: list[list[str]], counter: Any
) -> dict[int, Part]:
    """In the copy: chunks until none are left."""
    return {
        number: make_part(catalogue, site_url, chunks[number])
        for number in cores.claims(counter, len(chunks))
    }
