"""How many services fit on a folder's two pages, estimated before WeasyPrint lays it out.

Laying a folder out is most of its cost, and a folder that does not fit is laid out twice
(once to see by how much it is too long). Most folders of a large region are too long. So
before the first layout this estimates, from the font's own glyph widths (fontTools reads
the same font files WeasyPrint embeds), how many lines each block takes and so how many
services fit, with the sizes of ``templates/leaflet.css``. The estimate only chooses where
to start: the layout still decides (:meth:`mantelkaart.referrals.leaflet_press.Press.pdf` shortens a
folder that is still too long), so a wrong estimate costs time or a service less on paper,
never a third page. Without the font files (the PDF viewer's sans-serif) every character is
taken as half an em wide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mantelkaart.finder.cards import card

if TYPE_CHECKING:
    from mantelkaart.core.catalogue import Catalogue
    from mantelkaart.referrals.leaflets import Leaflet

MM = 72 / 25.4  # points
WIDTH = 210 * MM - 30 * MM - 12  # A4 less the page margins and the body's 8 px on both sides
HEIGHT = 297 * MM - 30 * MM  # less the top and bottom page margins
BODY = 10.5  # pt, line height 1.35 times the font size everywhere
Chooser = Callable[["Leaflet", int], list[tuple[str, list[Any]]]]


class Widths:
    """Text widths in points from the advance widths of the folder's two faces."""

    def __init__(self, fonts: Path | None) -> None:
        self.faces: dict[bool, tuple[dict[str, float], float]] = {}
        if fonts is not None:
            from fontTools.ttLib import TTFont

            for bold, weight in ((False, 400), (True, 700)):
                font = TTFont(fonts / f"atkinson-hyperlegible-latin-{weight}-normal.woff", lazy=True)
                units = font["head"].unitsPerEm
                advances = font["hmtx"].metrics
                glyphs = font.getBestCmap()
                widths = {chr(code): advances[name][0] / units for code, name in glyphs.items()}
                self.faces[bold] = (widths, max(widths.values()))

    def of(self, text: str, size: float, bold: bool = False) -> float:
        if bold not in self.faces:
            return 0.5 * size * len(text)
        widths, widest = self.faces[bold]
        return size * sum(widths.get(character, widest) for character in text)

    def lines(self, runs: Iterable[tuple[str, bool]], size: float, width: float) -> int:
        """Lines that ``runs`` (text, bold) take at ``size`` in ``width``, broken at spaces."""
        space = self.of(" ", size)
        count, used = 1, 0.0
        for text, bold in runs:
            for word in text.split():
                wide = self.of(word, size, bold)
                if used and used + space + wide > width:
                    count, used = count + 1, wide
                else:
                    used += (space if used else 0.0) + wide
        return count


class Estimate:
    """The height of a folder's blocks, and the most services that fit on two pages."""

    def __init__(self, catalogue: Catalogue, fonts: Path | None) -> None:
        self.catalogue = catalogue
        self.widths = Widths(fonts)
        self._items: dict[str, float] = {}

    def text(self, runs: Iterable[tuple[str, bool]], size: float, width: float = WIDTH) -> float:
        return self.widths.lines(runs, size, width) * size * 1.35

    def header(self, leaflet: Leaflet) -> float:
        beside = WIDTH - 34 * MM  # beside the QR code
        height = self.text([(leaflet.title, True)], 20, beside) + 4
        height += self.text([(leaflet.intro, False)], BODY, beside) + 4
        consultant = self.catalogue.consultant(list(leaflet.area) or None)
        if consultant is not None:
            inner = beside - 19  # the box's border and padding
            said = f"Weet u niet wat past? Bel {consultant.name} ({consultant.organisation}). Die denkt met u mee."
            height += 6 + 3 + 10 + self.text([(said, True)], BODY, inner) + 4
            if consultant.phone:
                height += 15 * 1.35 + 4
            for line in (consultant.reachable, consultant.email):
                if line:
                    height += self.text([(f"Bereikbaar: {line}", False)], BODY, inner) + 4
        return max(height, 38 * MM) + 6  # the QR code's column; the body's top margin

    def item(self, offer: Any) -> float:
        """One service: name and provider, place and cost, who to call."""
        if offer.key not in self._items:
            c = card(self.catalogue, offer)
            height = self.text([(offer.service.name, True), (f"· {offer.provider.name}", False)], BODY)
            facts = " · ".join(part for part in (c.place, c.cost, c.indication) if part)
            height += self.text([(facts, False)], BODY) + BODY * 1.35 + 4
            self._items[offer.key] = height
        return self._items[offer.key]

    def pages(self, leaflet: Leaflet, groups: list[tuple[str, list[Any]]], left_out: int) -> int:
        """Pages the folder takes with ``groups``: blocks fill a page in order, a service is
        never split, a heading stays with what follows it."""
        heading = 10 + 13 * 1.35 + 1.5 + 3
        blocks: list[float] = [self.header(leaflet)]
        for _, items in groups:
            heights = [self.item(offer) for offer in items]
            blocks += [heading + heights[0], *heights[1:]] if heights else [heading]  # a group left empty
        if left_out:
            blocks.append(BODY * 1.35 + 4)
        regulations = [
            self.text([(name, True), (f": {summary}", False)], BODY) + 4
            for name, summary in leaflet.regulations[:8]
        ]
        if regulations:
            blocks += [heading + regulations[0], *regulations[1:]]
        blocks.append(8 + 1 + 3 + 2 * 8.5 * 1.35 + 6)  # the notice; the body's bottom margin
        pages, used = 1, 0.0
        for block in blocks:
            if used and used + block > HEIGHT:
                pages, used = pages + 1, block
            else:
                used += block
        return pages

    def budget(self, leaflet: Leaflet, chosen: Chooser, most: int) -> int:
        """The most services (at most ``most``) that are estimated to fit on two pages."""
        total = sum(len(items) for _, items in leaflet.groups)
        low, high = 1, max(1, min(most, total))
        while low < high:  # the pages only grow with the budget
            middle = (low + high + 1) // 2
            shown = chosen(leaflet, middle)
            if self.pages(leaflet, shown, total - sum(len(i) for _, i in shown)) <= 2:
                low = middle
            else:
                high = middle - 1
        return low
