"""What ``mantelkaart import hsds`` took over, changed and left out: a Dutch report by field.

Every value the importer reads is counted under the field it belongs to, in one of
three columns: taken over as it was, changed (and how), or left out (and why), each
with at most three examples. :meth:`ImportReport.markdown` is the full table, written
next to the data; :meth:`ImportReport.text` the summary on screen, short enough for a
thousand organizations (about 30 lines).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

EXAMPLES = 3
TAKEN, CHANGED, LEFT = "overgenomen", "veranderd", "weggelaten"


def shorten(text: object, limit: int = 120) -> str:
    """A value as one short line, with control characters shown escaped."""
    line = " ".join(str(text).split())
    line = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in line)
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass
class Tally:
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, example: str | None) -> None:
        self.count += 1
        if example is not None and len(self.examples) < EXAMPLES and example not in self.examples:
            self.examples.append(example)


@dataclass
class FieldRow:
    taken: Tally = field(default_factory=Tally)
    changed: dict[str, Tally] = field(default_factory=dict)  # how → tally
    left: dict[str, Tally] = field(default_factory=dict)  # why → tally

    def total(self, part: dict[str, Tally]) -> int:
        return sum(tally.count for tally in part.values())


@dataclass
class ImportReport:
    source: str
    written: list[str] = field(default_factory=list)  # relative paths of the files written
    drafts: dict[str, list[str]] = field(default_factory=dict)  # draft file → what an editor fills in
    outside: list[str] = field(default_factory=list)  # organizations outside the region
    skipped: list[str] = field(default_factory=list)  # records not imported, with the reason
    rows: dict[str, FieldRow] = field(default_factory=dict)

    # -- recording ------------------------------------------------------------------------
    def row(self, name: str) -> FieldRow:
        found = self.rows.get(name)
        if found is None:
            found = self.rows[name] = FieldRow()
        return found

    def taken(self, name: str, example: object = None) -> None:
        self.row(name).taken.add(None if example is None else shorten(example))

    def changed(self, name: str, how: str, example: object = None) -> None:
        self.row(name).changed.setdefault(how, Tally()).add(None if example is None else shorten(example))

    def left(self, name: str, why: str, example: object = None) -> None:
        self.row(name).left.setdefault(why, Tally()).add(None if example is None else shorten(example))

    def skip(self, where: str, reason: str) -> None:
        self.skipped.append(shorten(f"{where}: {reason}", 400))

    # The older names, used where a value is left out or filled in with its place as example.
    def drop(self, where: str, what: str, name: str = "overig") -> None:
        self.left(name, what, where)

    def field(self, kind: str, name: str, example: object = None) -> None:
        self.left(f"{kind}.{name}", "Mantelkaart heeft hier geen veld voor", example)

    @property
    def clean(self) -> bool:
        """Everything taken over as it was: nothing changed, left out or refused."""
        return not (
            self.skipped
            or self.outside
            or self.drafts
            or any(row.changed or row.left for row in self.rows.values())
        )

    # -- output -----------------------------------------------------------------------------
    def heading(self, providers: int, services: int, regulations: int) -> str:
        return (
            f"Import uit {self.source}: {providers} aanbieders met {services} diensten "
            f"en {regulations} regelingen geschreven."
        )

    def text(self, providers: int, services: int, regulations: int, details: str | None = None) -> str:
        """The summary on screen: counts, the fields with most changes and losses, where the rest is."""
        lines = [self.heading(providers, services, regulations)]
        if self.clean:
            lines.append("Alles is overgenomen.")
            return "\n".join(lines)
        if self.drafts:
            lines.append(
                "Als concept geschreven (niet op de site tot een redacteur ze aanvult): "
                + _count(len(self.drafts), "record", "records")
                + " in concepten/."
            )
        if self.outside:
            lines.append(
                "Buiten de gemeenten van deze site: "
                + _count(len(self.outside), "organisatie", "organisaties")
                + "."
            )
            lines.extend(f"  - {item}" for item in self.outside[:3])
        if self.skipped:
            lines.append(f"Niet geïmporteerd: {len(self.skipped)}.")
            lines.extend(f"  - {item}" for item in self.skipped[:3])
        taken = sum(row.taken.count for row in self.rows.values())
        changed = sum(row.total(row.changed) for row in self.rows.values())
        left = sum(row.total(row.left) for row in self.rows.values())
        lines.append(f"Waarden: {taken} overgenomen, {changed} veranderd, {left} weggelaten.")
        ranked = sorted(
            ((row.total(row.changed) + row.total(row.left), name) for name, row in self.rows.items()),
            reverse=True,
        )
        shown = [(count, name) for count, name in ranked if count][:12]
        if shown:
            lines.append("Velden met de meeste veranderingen en weglatingen:")
            for _, name in shown:
                row = self.rows[name]
                lines.append(
                    f"  - {shorten(name, 80)}: {row.taken.count} overgenomen, {row.total(row.changed)} veranderd, "
                    f"{row.total(row.left)} weggelaten"
                )
        if details:
            lines.append(f"Alles per veld, met voorbeelden: {details}")
        return "\n".join(lines)

    def markdown(self, providers: int, services: int, regulations: int) -> str:
        """The whole report as Markdown: a table by field, then the examples."""
        out = [
            f"# Importrapport: {_cell(self.source)}",
            "",
            self.heading(providers, services, regulations),
            "",
        ]
        if self.drafts:
            out += [
                "## Concepten",
                "",
                "Deze records staan in `concepten/` en komen niet op de site. De bron zegt niet alles wat "
                "een record nodig heeft; Mantelkaart vult niets zelf in. Vul aan wat ontbreekt en zet het "
                "bestand daarna in de map van zijn soort (bijvoorbeeld `providers/`).",
                "",
                "| bestand | vul nog in |",
                "| --- | --- |",
            ]
            out += [
                f"| {_cell(path)} | {_cell(', '.join(missing))} |" for path, missing in self.drafts.items()
            ]
            out.append("")
        for title, items in (
            ("Buiten de gemeenten van deze site", self.outside),
            ("Niet geïmporteerd", self.skipped),
        ):
            if items:
                out += [f"## {title} ({len(items)})", ""] + [f"- {_cell(item)}" for item in items] + [""]
        out += [
            "## Per veld",
            "",
            "| veld | overgenomen | veranderd | weggelaten |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name in sorted(self.rows):
            row = self.rows[name]
            out.append(
                f"| {_cell(name)} | {row.taken.count} | {row.total(row.changed)} | {row.total(row.left)} |"
            )
        out.append("")
        for name in sorted(self.rows):
            row = self.rows[name]
            if not (row.changed or row.left or row.taken.examples):
                continue
            out += [f"### {_cell(name)}", ""]
            if row.taken.count:
                out.append(f"- overgenomen ({row.taken.count}): " + _examples(row.taken))
            for label, part in (("veranderd", row.changed), ("weggelaten", row.left)):
                for reason, tally in sorted(part.items(), key=lambda item: -item[1].count):
                    out.append(f"- {label}, {_cell(reason)} ({tally.count}): " + _examples(tally))
            out.append("")
        return "\n".join(out)

    def counts(self) -> Counter[str]:
        """Totals per column, for tests and the summary."""
        totals: Counter[str] = Counter()
        for row in self.rows.values():
            totals[TAKEN] += row.taken.count
            totals[CHANGED] += row.total(row.changed)
            totals[LEFT] += row.total(row.left)
        return totals


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _cell(text: str) -> str:
    return shorten(text, 400).replace("|", "\\|").replace("<", "&lt;")


def _examples(tally: Tally) -> str:
    shown = [_cell(example).replace("`", "'") for example in tally.examples]
    return "; ".join(f"`{example}`" for example in shown) or "–"
