"""`./dev screenshots` writes a phone and a desktop picture of each page a reader should see."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from bench.screenshots import PAGES, SCREENS, shoot


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_screenshots_show_every_page_on_a_phone_and_a_desktop(
    example_site: Path, tmp_path: Path, browser: Any
) -> None:
    written = shoot(example_site, tmp_path, browser)
    assert {path.name for path in written} == {f"{p}-{s}.png" for p in PAGES for s in SCREENS}
    for path in written:
        screen = SCREENS[path.stem.rsplit("-", 1)[1]]
        assert png_size(path) == (screen["width"], screen["height"])
        assert path.stat().st_size > 10_000  # a page, not an empty picture
