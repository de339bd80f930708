"""What goes with the code: the licence text, the changelog with upgrade notes, the flow picture."""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET

from support import REPO


def test_the_licence_named_in_pyproject_goes_with_the_code() -> None:
    licence = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert licence == "EUPL-1.2"
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "Appendix" in text and len(text) > 12_000  # the whole text, with the compatible licences


def test_the_changelog_has_an_upgrade_note_for_each_record_format_change() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    notes = text[text.index("### Upgrade notes") :]
    for change in ("volgende_stap", "consultant", "indicatie"):
        assert f"`{change}" in notes, change


def test_the_editors_guide_shows_how_a_change_goes_live() -> None:
    guide = (REPO / "docs" / "redactie" / "index.md").read_text(encoding="utf-8")
    assert "### Zo gaat een wijziging live" in guide
    assert "](zo-gaat-een-wijziging-live.svg)" in guide
    svg = ET.parse(REPO / "docs" / "redactie" / "zo-gaat-een-wijziging-live.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    assert (
        svg.get("role") == "img" and svg.find(f"{ns}title") is not None and svg.find(f"{ns}desc") is not None
    )
