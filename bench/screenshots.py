"""Screenshots of the example site on a phone and a desktop, for readers who do not build it.

``./dev screenshots`` (or ``python -m bench.screenshots``) builds the example site into a
temporary folder, serves it on loopback, opens it in Debian's Chromium and writes one PNG
per page and screen size into ``docs-dev/screenshots/`` (committed). Each picture is the
first screen a visitor sees, so it shows what matters first: the next step, the number to
call, the first result.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from bench.finder import served

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs-dev" / "screenshots"

# name → (path on the site, text that shows the page is ready)
PAGES = {
    "home": ("", "h1"),
    "zoeken-logeren": ("zoeken/?zoek=logeren", "li.mk-item"),
    "dienst-logeerzorg": ("aanbod/het-parkhuis/logeerzorg/", ".mk-next"),
    "keuzehulp-uitkomst": (
        "keuzehulp/?mantelzorger=25-of-ouder&naaste=oudere&wat=dementie&pauze=nacht"
        "&waar=buitenshuis&gemeente=dordrecht",
        "[data-mk-guide-result] .mk-consultant",
    ),
}
SCREENS = {"telefoon": {"width": 390, "height": 844}, "computer": {"width": 1280, "height": 900}}


def build(folder: Path) -> Path:
    site = folder / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", "build", "-d", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"mantelkaart build failed:\n{done.stdout}{done.stderr}")
    return site


def shoot(site: Path, out: Path, browser: Any = None) -> list[Path]:
    """The screenshots of ``site`` into ``out``; with a running ``browser`` (a test's), or
    with a Chromium of its own."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return shoot(site, out, own)
            finally:
                own.close()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with served(site) as url:
        for screen, size in SCREENS.items():
            context = browser.new_context(viewport=size, locale="nl-NL")
            page = context.new_page()
            for name, (path, ready) in PAGES.items():
                page.goto(url + path)
                page.locator(ready).first.wait_for(state="visible", timeout=15_000)
                page.wait_for_load_state("networkidle")
                target = out / f"{name}-{screen}.png"
                page.screenshot(path=str(target))
                written.append(target)
            context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Screenshots of the example site (phone and desktop).")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mantelkaart-screenshots-") as folder:
        for path in shoot(build(Path(folder)), args.out):
            print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
