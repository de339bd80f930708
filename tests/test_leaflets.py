"""Folders for the waiting room: real PDFs made by WeasyPrint, read back as text and as QR codes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mantelkaart.core.config import SiteConfig
from mantelkaart.finder.cards import card
from mantelkaart.referrals.leaflet_estimate import Estimate
from mantelkaart.referrals.leaflet_press import (
    Press,
    chosen,
    fetcher,
    font_folder,
    leaflet_outputs,
    load_weasyprint,
    render_html,
)
from mantelkaart.referrals.leaflets import municipality_leaflets, respite_form_leaflets
from mantelkaart.site.site_output import OutputFile, SiteContext
from tests.recordkit import dump, provider, service, write_site

from support import REPO, load

SITE_URL = "https://example.org/mantelkaart/"
EXAMPLE = load(REPO)


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    outputs = leaflet_outputs(EXAMPLE.catalogue, SiteContext(SITE_URL, REPO))
    return {o.path: bytes(o.content) for o in outputs if isinstance(o, OutputFile)}


def text_of(pdf: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), squash(text)


def squash(text: str) -> str:
    """One space between words, and none after a hyphen (lines broken at hyphens)."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text))


def test_a_folder_per_municipality_and_per_respite_form(pdfs: dict[str, bytes]) -> None:
    catalogue = EXAMPLE.catalogue
    expected = {f"folders/gemeenten/{m}.pdf" for m in catalogue.config.municipalities}
    expected |= {f"folders/respijtzorg/{f}.pdf" for f in catalogue.respite_forms}
    assert set(pdfs) == expected
    assert all(pdf.startswith(b"%PDF-") for pdf in pdfs.values())


def test_each_folder_is_at_most_two_pages_and_names_its_services_and_numbers(pdfs: dict[str, bytes]) -> None:
    catalogue = EXAMPLE.catalogue
    for leaflet in (*municipality_leaflets(catalogue), *respite_form_leaflets(catalogue)):
        consultant = catalogue.consultant(list(leaflet.area) or None)  # a municipality's: its region's
        assert consultant is not None and consultant.phone
        pages, text = text_of(pdfs[leaflet.path])
        assert 1 <= pages <= 2, leaflet.path
        assert squash(leaflet.title) in text and consultant.phone in text, leaflet.path
        offers = [offer for _, items in leaflet.groups for offer in items]
        shown = [o for o in offers if squash(f"{o.service.name} · {o.provider.name}") in text]
        more = re.search(r"En nog (\d+) andere", text)
        left_out = int(more.group(1)) if more else 0
        assert len(shown) + left_out >= len(offers), leaflet.path  # the rest is said, not dropped
        assert left_out < len(offers), leaflet.path
        for offer in shown:
            number = card(catalogue, offer).phone_text
            assert not number or number in text, (leaflet.path, offer.key)
        assert "Voorbeeldgegevens" in text  # the example site says so, also on paper
        assert f"{catalogue.config.region} · " in text and f"Pagina {pages} van {pages}" in text  # the footer


def test_the_dordrecht_folder_lists_respite_with_the_consultants_number(pdfs: dict[str, bytes]) -> None:
    _, text = text_of(pdfs["folders/gemeenten/dordrecht.pdf"])
    for name in ("Logeerzorg in Het Parkhuis", "Logeerzorg De Merwelanden", "Vaste vrije middag (blokzorg)"):
        assert name in text
    assert "Bel Respijtconsulent: 078 000 0104" in text  # logeerzorg goes through the consultant
    assert "078 000 0107" not in text  # never Het Parkhuis' own number for a consultant's step
    assert "Tijdelijke dagopvang" not in text  # a closed service is not on paper
    assert "Logeerzorg MEE Plus" in text  # respite is the last to be shortened


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_the_qr_code_opens_the_folders_page(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    for path, page in (
        ("folders/gemeenten/zwijndrecht.pdf", "gemeenten/zwijndrecht/"),
        ("folders/respijtzorg/logeeropvang.pdf", "respijtzorg/logeeropvang/"),
    ):
        source = tmp_path / "folder.pdf"
        source.write_bytes(pdfs[path])
        subprocess.run(
            ["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(source), str(tmp_path / "p")],
            check=True,
        )
        image = Image.open(next(tmp_path.glob("p*.png")))
        found = [barcode.text for barcode in zxingcpp.read_barcodes(image)]
        assert found == [SITE_URL + page], path
        for png in tmp_path.glob("p*.png"):
            png.unlink()


def test_record_text_is_text_in_a_folder(tmp_path: Path) -> None:
    hostile = '<img src="https://evil.example/x.png"><script>alert(1)</script>'
    data = provider(naam="Zorg " + hostile, diensten=[service(naam="Logeren " + hostile)])
    root = write_site(tmp_path / "s", {"providers/gemeente-dordrecht.yaml": dump(data)})
    dataset = load(root)
    assert not dataset.errors, [p.text() for p in dataset.errors]
    leaflet = next(m for m in municipality_leaflets(dataset.catalogue) if m.path.endswith("/dordrecht.pdf"))
    html = render_html(dataset.catalogue, leaflet, SITE_URL, 10)
    assert "<script>" not in html and '<img src="https' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    outputs = list(leaflet_outputs(dataset.catalogue, SiteContext(SITE_URL, root)))
    _, text = text_of(bytes(next(o for o in outputs if o.path.endswith("/dordrecht.pdf")).content))
    assert "<script>alert(1)</script>" in text  # shown as the text the editor wrote


def test_nothing_is_fetched_from_outside() -> None:
    local = fetcher(None)
    for address in ("https://evil.example/x.png", "http://127.0.0.1/", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="niets van buiten"):
            local.fetch(address)


def test_folders_can_be_switched_off() -> None:
    config = SiteConfig.model_validate({**EXAMPLE.config.model_dump(by_alias=True), "folders": False})
    catalogue = EXAMPLE.catalogue
    original = catalogue.config
    catalogue.config = config
    try:
        assert list(leaflet_outputs(catalogue, SiteContext(SITE_URL, REPO))) == []
    finally:
        catalogue.config = original


def test_municipality_and_respite_form_pages_link_their_folder() -> None:
    from mantelkaart.site.pages import PageMaker

    pages = {page.path: page.body for page in PageMaker(EXAMPLE.catalogue).pages()}
    assert 'href="../../folders/gemeenten/dordrecht.pdf"' in pages["gemeenten/dordrecht.md"]
    assert 'href="../../folders/respijtzorg/logeeropvang.pdf"' in pages["respijtzorg/logeeropvang.md"]


def test_a_region_with_many_services_still_gets_two_page_folders(tmp_path: Path) -> None:
    from bench.leaflets import synthetic_site

    dataset = load(synthetic_site(tmp_path / "big", 6))  # 60 providers, 180 services
    leaflets = list(municipality_leaflets(dataset.catalogue))
    busiest = max(leaflets, key=lambda leaflet: sum(len(items) for _, items in leaflet.groups))
    assert sum(len(items) for _, items in busiest.groups) > 40
    made = {o.path: bytes(o.content) for o in leaflet_outputs(dataset.catalogue, SiteContext(SITE_URL, REPO))}
    pages, text = text_of(made[busiest.path])
    assert pages <= 2 and re.search(r"En nog \d+ andere", text)


def test_the_same_records_give_the_same_bytes(pdfs: dict[str, bytes]) -> None:
    """Byte for byte: the embedded font subsets carry the build's date, not the moment (which
    a second build in the same second would not show, so the date is read too)."""
    import calendar

    from fontTools.misc.timeTools import timestampSinceEpoch
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    again = leaflet_outputs(EXAMPLE.catalogue, SiteContext(SITE_URL, REPO))
    assert {o.path: bytes(o.content) for o in again if isinstance(o, OutputFile)} == pdfs
    build_date = timestampSinceEpoch(calendar.timegm(EXAMPLE.catalogue.today.timetuple()))
    reader = PdfReader(io.BytesIO(pdfs["folders/gemeenten/dordrecht.pdf"]))
    fonts: list[bytes] = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts.append(descriptor["/FontFile2"].get_object().get_data())
    assert fonts and all(TTFont(io.BytesIO(data))["head"].modified == build_date for data in fonts)


def test_the_footer_says_a_region_with_quotes_as_written() -> None:
    catalogue = EXAMPLE.catalogue
    original = catalogue.config
    region = 'Regio "Zuid" \\ Oost'
    catalogue.config = SiteConfig.model_validate({**original.model_dump(by_alias=True), "region": region})
    try:
        leaflet = next(iter(respite_form_leaflets(catalogue)))
        with Press(catalogue, SITE_URL, REPO) as press:
            _, text = text_of(press.pdf(leaflet))
    finally:
        catalogue.config = original
    assert f"{region} · " in text


def test_the_estimate_keeps_in_step_with_the_layout(tmp_path: Path) -> None:
    """The number of services tried first fits on two pages, and at most two more would have
    fitted: the folder is laid out once, and is about as full as it can be. (If this fails
    after a change to leaflet.css, change the sizes in referrals/leaflet_estimate.py with it.)"""
    from bench.leaflets import synthetic_site

    big = load(synthetic_site(tmp_path / "big", 4))
    for catalogue in (EXAMPLE.catalogue, big.catalogue):
        estimate = Estimate(catalogue, font_folder(REPO))
        with Press(catalogue, SITE_URL, REPO) as press:
            for leaflet in (*municipality_leaflets(catalogue), *respite_form_leaflets(catalogue)):
                total = sum(len(items) for _, items in leaflet.groups)
                budget = estimate.budget(leaflet, chosen, 40)
                pages = len(press.document(render_html(catalogue, leaflet, SITE_URL, budget)).pages)
                assert pages <= 2, leaflet.path
                if budget + 3 <= total:
                    more = render_html(catalogue, leaflet, SITE_URL, budget + 3)
                    assert len(press.document(more).pages) > 2, leaflet.path


def test_weasyprint_is_loaded_without_touching_ctypes_for_good() -> None:
    import ctypes.util

    before = ctypes.util.find_library
    load_weasyprint()
    assert ctypes.util.find_library is before
