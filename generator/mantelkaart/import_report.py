"""What ``mantelkaart import hsds`` did and did not take over, as a Dutch report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportReport:
    source: str
    written: list[str] = field(default_factory=list)  # relative paths of the files written
    skipped: list[str] = field(default_factory=list)  # records not imported, with the reason
    dropped: list[str] = field(default_factory=list)  # values not taken over, with where
    filled: list[str] = field(default_factory=list)  # required values Mantelkaart filled in: check them
    unmapped: Counter[str] = field(default_factory=Counter)  # HSDS fields without a place in Mantelkaart

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(f"{where}: {reason}")

    def drop(self, where: str, what: str) -> None:
        self.dropped.append(f"{where}: {what}")

    def fill(self, where: str, what: str) -> None:
        self.filled.append(f"{where}: {what}")

    def field(self, kind: str, name: str) -> None:
        self.unmapped[f"{kind}: '{name}'"] += 1

    @property
    def clean(self) -> bool:
        return not (self.skipped or self.dropped or self.filled or self.unmapped)

    def text(self, providers: int, services: int, regulations: int) -> str:
        lines = [
            f"Import uit {self.source}: {providers} aanbieders met {services} diensten "
            f"en {regulations} regelingen geschreven."
        ]
        if self.clean:
            lines.append("Alles is overgenomen.")
            return "\n".join(lines)
        sections = [
            ("Niet geïmporteerd", self.skipped),
            ("Waarden niet overgenomen", self.dropped),
            ("Aangevuld door Mantelkaart; controleer dit", self.filled),
            (
                "Velden uit HSDS waar Mantelkaart geen plek voor heeft (niet overgenomen)",
                [f"{name} ({count} keer)" for name, count in sorted(self.unmapped.items())],
            ),
        ]
        for title, items in sections:
            if items:
                lines.append(f"\n{title} ({len(items)}):")
                lines.extend(f"  - {item}" for item in items)
        return "\n".join(lines)
