"""The wheel's front-end files: data/bundled-files.txt names every file a site copies from
node_modules, so `pip install mantelkaart` is all a region needs (issue 16). The wheel
itself is built and used in tests/browser/test_installed_wheel.py."""

from __future__ import annotations

import re

import pytest

from mantelkaart.editors.cms import _library_files
from mantelkaart.referrals import saved_list
from mantelkaart.site import frontend

from support import REPO

MANIFEST = REPO / "generator" / "mantelkaart" / "data" / "bundled-files.txt"
NODE_MODULES = REPO / "node_modules"

pytestmark = pytest.mark.skipif(not NODE_MODULES.is_dir(), reason="node_modules is missing (npm ci)")


def bundled() -> set[str]:
    found: set[str] = set()
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        pattern = line.strip()
        if pattern and not pattern.startswith("#"):
            matches = {
                p.relative_to(NODE_MODULES).as_posix() for p in NODE_MODULES.glob(pattern) if p.is_file()
            }
            assert matches, f"{pattern} matches nothing in node_modules"
            found |= matches
    return found


def copied() -> set[str]:
    """Every node_modules file a built site takes (libraries, fonts, the web editor)."""
    wanted = {
        *frontend.SEARCH_LIBRARIES.values(),
        *frontend.MAP_LIBRARIES.values(),
        *frontend.FONTS.values(),
        *saved_list.QR_LIBRARY.values(),
    }
    leaflet = (REPO / "generator" / "mantelkaart" / "templates" / "leaflet.html").read_text(encoding="utf-8")
    wanted |= {
        f"@fontsource/atkinson-hyperlegible/files/{name}" for name in re.findall(r"[\w-]+\.woff2?", leaflet)
    }
    decap = {name for name, _ in _library_files(REPO)}
    wanted |= {f"decap-cms/dist/{name}" for name in decap if not name.startswith("yaml/")}
    wanted |= {
        "yaml/browser/index.js"
        if name == "yaml/index.js"
        else "yaml/LICENSE"
        if name == "yaml/LICENSE"
        else "yaml/browser/dist/" + name.removeprefix("yaml/dist/")
        for name in decap
        if name.startswith("yaml/")
    }
    return wanted


def test_every_file_a_site_copies_is_in_the_wheel() -> None:
    missing = sorted(copied() - bundled())
    assert not missing, f"add these to {MANIFEST.name}: {missing}"


def test_every_library_goes_with_its_licence() -> None:
    files = bundled()
    for library in (
        "lunr",
        "lunr-languages",
        "leaflet",
        "leaflet.markercluster",
        "yaml",
        "@fontsource/atkinson-hyperlegible",
    ):
        assert any(re.fullmatch(rf"{re.escape(library)}/(LICEN[SC]E|MIT-LICENCE\.txt)", f) for f in files), (
            library
        )
    assert "decap-cms/dist/decap-cms.js.LICENSE.txt" in files
    qr = (NODE_MODULES / "qrcode-generator/dist/qrcode.js").read_text(encoding="utf-8")[:2000]
    assert "MIT" in qr  # its licence is its header


def test_the_wheel_takes_no_source_maps_or_test_files() -> None:
    assert not [f for f in bundled() if f.endswith(".map") or "/test" in f]
