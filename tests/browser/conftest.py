"""Browser tests: the example site built once, served on loopback, opened in real headless Chromium.

Chromium is Debian's (/usr/bin/chromium); Playwright only drives it (it never downloads a
browser). axe-core comes from node_modules (npm ci). In CI both are installed by ./dev test;
elsewhere, tests are skipped with a reason when either is missing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import AXE, serve

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from support import REPO, copy_site, run_cli


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    if not AXE.exists():
        return "node_modules is missing (npm ci)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _missing()
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if reason:
                if os.environ.get("CI"):
                    raise pytest.UsageError(f"CI must run the browser tests, but {reason}")
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site, built with `mantelkaart build` into a temporary folder."""
    folder = copy_site(REPO, tmp_path_factory.mktemp("browser-site"))
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(scope="session")
def site_url(example_site: Path) -> Iterator[str]:
    url, server = serve(example_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page in its own context; requests to anything but loopback are recorded."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    tab = context.new_page()
    tab.outside_requests = outside  # type: ignore[attr-defined]
    yield tab
    context.close()
