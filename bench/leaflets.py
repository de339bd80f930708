"""What the PDF folders cost: ``python -m bench.leaflets [--runs 3]``.

Issue 12 asks that on the example site and on a synthetic site with 100 municipalities the
folders add at most 20 % to the build, and that their cost grows linearly. This measures:

* the build with folders against the same build with ``folders: false``, alternating
  runs, the median of each (so a slow moment of the machine hits both alike);
* the folders alone (``leaflet_outputs``) on synthetic sites with 25, 50 and 100
  municipalities: seconds per folder should stay about the same.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mantelkaart.dataset import Dataset
from mantelkaart.leaflets import leaflet_outputs
from mantelkaart.mkdocs_yml import site_config
from mantelkaart.outputs import SiteContext

from bench import synthetic

REPO = Path(__file__).resolve().parents[1]
LIMIT = 1.2  # build with folders / build without


def many_towns(count: int) -> tuple[synthetic.Town, ...]:
    """The synthetic region's towns, repeated under new names until there are ``count``."""
    base = synthetic.TOWNS
    towns = list(base[:count])
    number = 0
    while len(towns) < count:
        town = base[number % len(base)]
        number += 1
        towns.append(
            dataclasses.replace(
                town,
                id=f"{town.id}-{number}",
                name=f"{town.name} {number}",
                lat=round(town.lat + 0.01 * (number % 7), 4),
                lon=round(town.lon - 0.01 * (number % 5), 4),
            )
        )
    return tuple(towns)


def synthetic_site(folder: Path, municipalities: int) -> Path:
    """A synthetic site with ``municipalities`` municipalities, ten providers each."""
    saved = synthetic.TOWNS
    synthetic.TOWNS = many_towns(municipalities)
    try:
        synthetic.write_site(folder, municipalities * 10)
    finally:
        synthetic.TOWNS = saved
    return folder


def with_folders(site: Path, on: bool) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("      folders: false\n", "")
    if not on:
        text = text.replace("  - mantelkaart:\n", "  - mantelkaart:\n      folders: false\n", 1)
    config.write_text(text, encoding="utf-8")


def build_seconds(site: Path, out: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", "build", "-d", str(out)],
        cwd=site,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"build failed in {site}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return time.perf_counter() - start


def compare(site: Path, runs: int) -> tuple[float, float]:
    """Median build seconds with and without folders, runs alternating."""
    timings: dict[bool, list[float]] = {True: [], False: []}
    for run in range(runs):
        for on in (run % 2 == 0, run % 2 != 0):
            with_folders(site, on)
            timings[on].append(build_seconds(site, site.parent / f"out-{on}"))
    with_folders(site, True)
    return statistics.median(timings[True]), statistics.median(timings[False])


def folders_alone(site: Path) -> tuple[int, float]:
    config, root = site_config(site / "mkdocs.yml")
    catalogue = Dataset.load(root, config).catalogue
    context = SiteContext("https://example.org/", REPO)
    list(leaflet_outputs(catalogue, context))  # warm: WeasyPrint's import and fonts
    start = time.perf_counter()
    count = sum(1 for _ in leaflet_outputs(catalogue, context))
    return count, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds with and without folders, alternating")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="mantelkaart-leaflets-") as work:
        example = Path(work) / "example"
        shutil.copytree(REPO, example, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site"))
        big = synthetic_site(Path(work) / "synthetic-100", 100)
        for name, site in (("example site", example), ("synthetic, 100 municipalities", big)):
            on, off = compare(site, args.runs)
            rows.append(f"| {name} | {off:.2f} s | {on:.2f} s | {on / off:.2f} |")
        print("| site | build without folders | with folders | ratio |\n| --- | --- | --- | --- |")
        print("\n".join(rows))
        print("\n| municipalities | folders | seconds | per folder |\n| --- | --- | --- | --- |")
        for count in (25, 50, 100):
            site = big if count == 100 else synthetic_site(Path(work) / f"synthetic-{count}", count)
            made, seconds = folders_alone(site)
            print(f"| {count} | {made} | {seconds:.2f} | {seconds / made * 1000:.0f} ms |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
