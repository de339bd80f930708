"""Build hooks: the wheel carries the front-end files a site needs (see
generator/mantelkaart/data/bundled-files.txt), copied from node_modules (`npm ci`), so a
region needs neither Node nor npm; and the editors' guide (docs/redactie/), which
`mantelkaart init` gives every new site. Everything else is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "generator" / "mantelkaart" / "data" / "bundled-files.txt"
GUIDE = HERE / "docs" / "redactie"


def bundled_files(node_modules: Path) -> list[Path]:
    """The files the manifest names, relative to ``node_modules``; every pattern must match."""
    found: list[Path] = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        matches = sorted(path for path in node_modules.glob(pattern) if path.is_file())
        if not matches:
            raise SystemExit(
                f"node_modules/{pattern} ontbreekt. Voer eerst 'npm ci' uit in {HERE} "
                "(de wheel neemt de front-end-bestanden mee)."
            )
        found += [path.relative_to(node_modules) for path in matches]
    return found


def copy_bundle(node_modules: Path, target: Path) -> None:
    for relative in bundled_files(node_modules):
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(node_modules / relative, destination)


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):  # a checkout reads its own files
            package = Path(self.build_lib) / "mantelkaart"
            copy_bundle(HERE / "node_modules", package / "vendor")
            shutil.copytree(GUIDE, package / "starter" / "redactie", dirs_exist_ok=True)


class Sdist(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        copy_bundle(HERE / "node_modules", Path(base_dir) / "node_modules")  # for a wheel built from it
        shutil.copytree(GUIDE, Path(base_dir) / "docs" / "redactie", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
