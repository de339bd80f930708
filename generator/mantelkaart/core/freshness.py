"""Which records have not been verified for too long, grouped the way editors work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from mantelkaart.core.problems import Problem, field_path
from mantelkaart.core.validation import Source


def months_between(earlier: date, later: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)


@dataclass(frozen=True)
class StaleRecord:
    group: str
    relpath: str
    field: str
    name: str
    verified_on: date
    verified_by: str
    months: int


def stale_records(sources: list[Source], today: date, limit_months: int) -> list[StaleRecord]:
    """Every record (and service with its own check) older than ``limit_months``."""
    found = []
    for source in sources:
        record = source.record
        group = f"{source.kind}/{source.id}"
        entries: list[tuple[tuple[str | int, ...], str, Any]] = [((), record.name, record.verified)]
        for index, service in enumerate(getattr(record, "services", [])):
            if service.verified is not None:
                entries.append((("diensten", index, "gecontroleerd"), service.name, service.verified))
        for key, name, verified in entries:
            months = months_between(verified.on, today)
            if months >= limit_months:
                path = key or ("gecontroleerd",)
                found.append(
                    StaleRecord(
                        group, source.relpath, field_path(path), name, verified.on, verified.by, months
                    )
                )
    return sorted(found, key=lambda s: (s.group, s.field))


def stale_problems(sources: list[Source], stale: list[StaleRecord]) -> list[Problem]:
    documents = {source.relpath: source.document for source in sources}
    problems = []
    for item in stale:
        key = tuple(
            int(p) - 1 if p.isdigit() else p for p in item.field.replace("[", ".").replace("]", "").split(".")
        )
        line, column = documents[item.relpath].position(key)
        problems.append(
            Problem(
                item.relpath,
                line,
                column,
                item.field,
                f"'{item.name}' is {item.months} maanden niet gecontroleerd (laatst op "
                f"{item.verified_on.isoformat()} door {item.verified_by}).",
                "Controleer de gegevens en zet de datum van vandaag bij 'gecontroleerd.op'.",
                "waarschuwing",
            )
        )
    return problems
