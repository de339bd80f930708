"""What the PDF folders cost: ``python -m bench.leaflets [--runs 5] [--synthetic-runs 3] [--check]``.

Issue 12 asks that on the example site and on a synthetic site with 100 municipalities the
folders add at most 20 % to the build, and that their cost grows linearly. This measures:

* the build with folders against the same build with ``folders: false``, alternating
  runs, in wall time (what the target says) and in CPU time (user + system, the build's
  processes). The folders are made on the second core, so what they add depends on that
  core being free: work of other programs on this shared machine slows the builds with
  folders more than those without. The ratio judged is that of the fastest build of each
  kind (the runs least disturbed); the ratio of the medians is printed beside it;
* the folders alone (``leaflet_outputs``) on synthetic sites with 25, 50 and 100
  municipalities: seconds per folder should stay about the same.

``--check`` exits 1 when a ratio is above 1.20 or the cost per folder at 100
municipalities is more than 1.5 times that at 25.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.referrals.leaflet_press import leaflet_outputs
from mantelkaart.site.site_output import SiteContext

from bench import synthetic

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
LIMIT = 1.2  # build with folders / build without
GROWTH_LIMIT = 1.5  # seconds per folder at 100 municipalities / at 25
SIZES = (25, 50, 100)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


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


def example_site(folder: Path) -> Path:
    """A copy of this repository's example site (its records, docs and mkdocs.yml)."""
    shutil.copytree(REPO, folder, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "site"))
    return folder


def with_folders(site: Path, on: bool) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("      folders: false\n", "")
    if not on:
        text = text.replace("  - mantelkaart:\n", "  - mantelkaart:\n      folders: false\n", 1)
    config.write_text(text, encoding="utf-8")


def build_seconds(site: Path, out: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``mantelkaart build`` (CPU: user + system of the build and
    the copies it forked, which it waits for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", "build", "-d", str(out)],
        cwd=site,
        capture_output=True,
        text=True,
        env=ENV,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"build failed in {site}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


@dataclasses.dataclass
class Comparison:
    site: str
    folders: int
    on: list[float]  # wall seconds with folders, one per run
    off: list[float]
    on_cpu: list[float]
    off_cpu: list[float]

    @property
    def ratio(self) -> float:
        """The judged ratio: fastest build with folders / fastest build without."""
        return min(self.on) / min(self.off)

    @property
    def median_ratio(self) -> float:
        return statistics.median(self.on) / statistics.median(self.off)

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(self.on_cpu) / statistics.median(self.off_cpu)

    def row(self) -> str:
        return (
            f"| {self.site} ({self.folders} folders) | {min(self.off):.2f} s | {min(self.on):.2f} s "
            f"| **{self.ratio:.2f}** | {statistics.median(self.off):.2f} s | {statistics.median(self.on):.2f} s "
            f"| {self.median_ratio:.2f} | {self.cpu_ratio:.2f} |"
        )


def compare(name: str, site: Path, runs: int) -> Comparison:
    """Build seconds with and without folders, runs alternating (which goes first alternates too)."""
    result = Comparison(name, 0, [], [], [], [])
    for run in range(runs):
        for on in (run % 2 == 0, run % 2 != 0):
            with_folders(site, on)
            out = site.parent / f"out-{site.name}-{on}"
            wall, cpu = build_seconds(site, out)
            (result.on if on else result.off).append(wall)
            (result.on_cpu if on else result.off_cpu).append(cpu)
            if on:
                result.folders = sum(1 for _ in (out / "folders").rglob("*.pdf"))
            shutil.rmtree(out, ignore_errors=True)
    with_folders(site, True)
    return result


def folders_alone(site: Path) -> tuple[int, float]:
    """Folders made and seconds taken by ``leaflet_outputs`` in this process (WeasyPrint
    imported and its fonts read beforehand)."""
    config, root = site_config(site / "mkdocs.yml")
    catalogue = Dataset.load(root, config).catalogue
    context = SiteContext("https://example.org/", REPO)
    next(iter(leaflet_outputs(catalogue, context)))  # warm: WeasyPrint's import and fonts
    start = time.perf_counter()
    count = sum(1 for _ in leaflet_outputs(catalogue, context))
    return count, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="example builds with and without folders, alternating"
    )
    parser.add_argument("--synthetic-runs", type=int, default=3, help="the same for the synthetic site")
    parser.add_argument("--sites", default="example,synthetic", help="which builds to compare")
    parser.add_argument("--no-growth", action="store_true", help="skip the folders-alone measurement")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    sites = set(args.sites.split(","))
    comparisons: list[Comparison] = []
    growth: list[dict[str, Any]] = []
    started = time.perf_counter()
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="mantelkaart-leaflets-") as work:
        if "example" in sites:
            comparisons.append(compare("example site", example_site(Path(work) / "example"), args.runs))
        if "synthetic" in sites:
            big = synthetic_site(Path(work) / "synthetic-100", 100)
            comparisons.append(compare("synthetic, 100 municipalities", big, args.synthetic_runs))
        if not args.no_growth:
            for count in SIZES:
                site = Path(work) / f"synthetic-{count}"
                if not site.exists():
                    synthetic_site(site, count)
                made, seconds = folders_alone(site)
                growth.append({"municipalities": count, "folders": made, "seconds": seconds})
    print(
        "| site | fastest without folders | fastest with | **ratio** | median without | median with "
        "| ratio of medians | ratio (CPU, medians) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print("\n".join(c.row() for c in comparisons))
    if growth:
        print(
            "\n| municipalities | folders | seconds (folders alone) | per folder |\n| --- | --- | --- | --- |"
        )
        for g in growth:
            print(
                f"| {g['municipalities']} | {g['folders']} | {g['seconds']:.2f} "
                f"| {g['seconds'] / g['folders'] * 1000:.0f} ms |"
            )
    misses = [f"{c.site}: {c.ratio:.2f} > {LIMIT}" for c in comparisons if c.ratio > LIMIT]
    if len(growth) > 1:
        first, last = (g["seconds"] / g["folders"] for g in (growth[0], growth[-1]))
        if last > GROWTH_LIMIT * first:
            misses.append(
                f"per folder {last * 1000:.0f} ms at {SIZES[-1]}, {first * 1000:.0f} ms at {SIZES[0]}"
            )
    took = time.perf_counter() - started
    print(f"\n{took:.0f} s; load average at the start {load[0]:.2f}, at the end {os.getloadavg()[0]:.2f}")
    OUT.mkdir(parents=True, exist_ok=True)
    report = {
        "comparisons": [
            {
                **dataclasses.asdict(c),
                "ratio": c.ratio,
                "median_ratio": c.median_ratio,
                "cpu_ratio": c.cpu_ratio,
            }
            for c in comparisons
        ],
        "growth": growth,
        "seconds": took,
        "load": [load[0], os.getloadavg()[0]],
        "misses": misses,
    }
    (OUT / "leaflets.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    if args.check and misses:
        print("Target missed: " + "; ".join(misses), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
