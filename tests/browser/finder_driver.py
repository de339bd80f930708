"""Driving the finder page in tests: open it, wait for a render, read what it shows."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mantelkaart.core.catalogue import Offer
from mantelkaart.site.page_kinds import finder_offers

from support import REPO, copy_site, load, run_cli

CATALOGUE = load(REPO).catalogue
OFFERS: list[Offer] = finder_offers(CATALOGUE)  # data-i numbers the services in this order

WAIT_FOR_RENDER = """([before, query]) => {
    const root = document.getElementById('mk-finder');
    return root && root.dataset.state === 'ready' && root.dataset.render !== before
        && (query === null || root.dataset.query === query);
}"""


def open_finder(page: Any, site_url: str, query: str = "") -> None:
    page.goto(site_url + "zoeken/" + query)
    page.wait_for_function(WAIT_FOR_RENDER, arg=[None, None])


def rendered(page: Any, action: Callable[[], object], query: str | None = None) -> None:
    """Run ``action`` and wait until the finder has rendered again (for ``query``, if given)."""
    before = page.get_attribute("#mk-finder", "data-render")
    action()
    page.wait_for_function(WAIT_FOR_RENDER, arg=[before, query])


def open_filters(page: Any) -> None:
    """Unfold the filters behind the "Filters (n)" button (a small screen); no-op when wide."""
    toggle = page.locator(".mk-finder__filters-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def shown(page: Any) -> list[int]:
    """Service numbers in the result list, in order."""
    return page.eval_on_selector_all(
        ".mk-finder__results > [data-i]", "items => items.map(item => Number(item.dataset.i))"
    )


def shown_names(page: Any) -> list[str]:
    return [OFFERS[number].service.name for number in shown(page)]


def result_count(page: Any) -> int:
    return int(page.get_attribute("#mk-finder", "data-results"))


def numbers_where(test: Callable[[Offer], bool]) -> list[int]:
    return [number for number, offer in enumerate(OFFERS) if test(offer)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def instant_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site built for the address it is served at.

    mkdocs-material's instant navigation only takes over links that are in the
    sitemap, and it matches them on the full address (port and path included), so
    it stays off on a site built for another address (like https://example.org/…).
    """
    folder = copy_site(REPO, tmp_path_factory.mktemp("instant-site"))
    handler = functools.partial(_QuietHandler, directory=str(folder / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    settings = folder / "mkdocs.yml"
    text = re.sub(r"^site_url: .*$", f"site_url: {url}", settings.read_text(encoding="utf-8"), flags=re.M)
    settings.write_text(text, encoding="utf-8")
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


__all__ = ["Path", "instant_site_url"]
