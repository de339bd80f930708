"""A region adopts Mantelkaart with pip alone (issue 16): the wheel and sdist are built with
`python -m build`, the wheel goes into a fresh virtual environment, `mantelkaart init` starts
a site with no node_modules anywhere, it validates and builds, and its finder works in
Chromium with the bundled scripts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import axe_violations, describe, serve
from finder_driver import WAIT_FOR_RENDER

from support import REPO

pytestmark = pytest.mark.skipif(
    not (REPO / "node_modules").is_dir(), reason="node_modules is missing (npm ci)"
)


def _environment() -> dict[str, str]:
    """Without this checkout on the path: the fresh environment must stand on its own."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def venv(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fresh") / "venv"
    python = shutil.which("python3") or sys.executable
    subprocess.run([python, "-m", "venv", str(folder)], check=True, env=_environment())
    wheel = next(dist.glob("mantelkaart-*.whl"))
    done = subprocess.run(
        [
            str(folder / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=_environment(),
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return folder


def test_the_wheel_carries_the_front_end_files_with_their_licences(dist: Path) -> None:
    assert len(list(dist.glob("mantelkaart-*.tar.gz"))) == 1
    names = set(zipfile.ZipFile(next(dist.glob("mantelkaart-*.whl"))).namelist())
    for name in (
        "lunr/lunr.min.js", "lunr/LICENSE", "leaflet/dist/leaflet.js", "leaflet/LICENSE",
        "decap-cms/dist/decap-cms.js", "decap-cms/dist/decap-cms.js.LICENSE.txt",
        "@fontsource/atkinson-hyperlegible/LICENSE", "qrcode-generator/dist/qrcode.js",
    ):  # fmt: skip
        assert f"mantelkaart/vendor/{name}" in names, name
    assert not [n for n in names if n.endswith(".map")]


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(venv / "bin" / "mantelkaart"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**_environment(), "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="module")
def region_site(venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A new region as a municipal team starts it: init, validate, build; no node_modules."""
    parent = tmp_path_factory.mktemp("region")
    folder = parent / "hoeksche-waard"
    assert not any((p / "node_modules").exists() for p in (folder, *folder.parents))
    done = _run(
        venv, "init", str(folder), "--regio", "Hoeksche Waard", "--gemeenten", "Hoeksche Waard", cwd=parent
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (folder / "docs/redactie/index.md").is_file()  # the guide came with the wheel
    done = _run(venv, "validate", cwd=folder)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "0 fouten, 0 waarschuwingen" in done.stderr
    done = _run(venv, "build", cwd=folder)
    assert done.returncode == 0, done.stderr[-3000:]
    site = folder / "site"
    assert (site / "assets/mantelkaart/vendor/lunr/lunr.min.js").is_file()
    assert (site / "admin/decap-cms.js").is_file()
    assert list((site / "folders").rglob("*.pdf"))
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'name="search" action="zoeken/"' in home  # the package's theme: one search, the finder
    assert "Voorbeeldgegevens." in home  # and the example-data banner
    assert "Bijvoorbeeld: logeren dementie Hoeksche Waard." in home  # the region's own place, no other's
    assert "Zwijndrecht" not in home and "openbare bronnen" not in home
    url, server = serve(site)
    yield url
    server.shutdown()


def test_a_region_builds_with_pip_alone_and_its_finder_answers(page: Any, region_site: str) -> None:
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.url.endswith(".js") else None)
    page.goto(region_site + "zoeken/?zoek=respijtconsulent")
    page.wait_for_function(WAIT_FOR_RENDER, arg=[None, None])
    assert int(page.get_attribute("#mk-finder", "data-results")) > 0
    assert any(url.endswith("vendor/lunr/lunr.min.js") for url in scripts)


def test_a_new_regions_pages_pass_axe(page: Any, region_site: str) -> None:
    for path in ("", "zoeken/?zoek=respijtconsulent", "over/", "toegankelijkheid/", "privacy/", "redactie/"):
        page.goto(region_site + path)
        violations = axe_violations(page)
        assert not violations, f"{path}: {describe(violations)}"
