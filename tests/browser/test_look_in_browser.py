"""The look as a visitor sees it: the typeface loaded from the site, a dark heading, pills in
rows and cards apart on a desktop, the region's colour in the header."""

from __future__ import annotations

import itertools
from typing import Any

from mantelkaart.core.branding import contrast


def _rgb_hex(css: str) -> str:
    parts = css[css.index("(") + 1 : css.index(")")].split(",")
    return "#" + "".join(f"{int(float(p)):02x}" for p in parts[:3])


def test_home_page_look_on_a_desktop(page: Any, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('700 20px \"Atkinson Hyperlegible\"')")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert '"Atkinson Hyperlegible"' in loaded or "Atkinson Hyperlegible" in loaded
    assert page.outside_requests == []

    h1 = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('h1')); return [s.color, s.fontWeight] })()"
    )
    assert contrast(_rgb_hex(h1[0]), "#ffffff") >= 15 and int(h1[1]) >= 700

    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert _rgb_hex(header) == "#00636b"  # mkdocs.yml: colour

    lists = [
        pills.evaluate("list => [...list.children].map(li => li.getBoundingClientRect().top)")
        for pills in page.locator("ul.mk-inline").all()
    ]
    assert lists and all(tops for tops in lists) and max(len(tops) for tops in lists) > 3
    for tops in lists:  # a region of one municipality (Hoeksche Waard) has a list of one
        assert len(tops) == 1 or tops[0] == tops[1], "pills stack one per line"

    cards = page.evaluate(
        "[...document.querySelectorAll('ul.mk-grid > li.mk-card')].map(li => {"
        " const r = li.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom] })"
    )
    assert len(cards) > 4 and cards[0][1] == cards[1][1]  # side by side
    for first, second in itertools.pairwise(cards):
        if first[1] == second[1]:
            assert second[0] - first[2] >= 12, "cards in a row touch"
    rows = sorted({card[1] for card in cards})
    assert rows[1] - max(card[3] for card in cards if card[1] == rows[0]) >= 12, "rows of cards touch"


def test_footer_links_show_a_white_focus_ring_from_the_keyboard(page: Any, site_url: str) -> None:
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.locator(".mk-footer__links a").first.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # back to it, from the keyboard
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.textContent, s.outlineStyle, s.outlineColor, s.outlineWidth] })()"
    )
    assert ring == ["Privacy", "solid", "rgb(255, 255, 255)", "3px"]
