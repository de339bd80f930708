"""A synthetic country, built per region: ``python -m bench national``.

:func:`write_country` writes one data folder for all of the Netherlands: 342 municipalities
(``gemeente-001`` … ``gemeente-342``, invented, no real names or CBS codes) in 35 regions
(``regio-01`` … ``regio-35``) of 3 to 17 municipalities, each region with its own consultant
(the first municipality's consultant service), and about 100,000 services (``--scale``
multiplies that). Providers are spread over the municipalities by an uneven weight, as
people are, so regions differ in size; 3 % of the providers also serve a neighbouring
region (one record, in both builds) and 0.3 % of the services are ``landelijk`` (in every
region's build). The records come from :mod:`bench.synthetic`'s writer.

The benchmark then builds regions one after the other (``mantelkaart build --regio``, as a
GitHub Actions matrix job does; the 2 cores here are shared, so at once they would only
measure each other), the largest and smallest first, and the publish step (every built
site copied into one tree, ``/<region-id>/``, plus the overview page, then packed as
upload-pages-artifact does). It reports the wall time of the whole country built as a
matrix (slowest region + publish) and on one machine (the sum).

Options: ``--scale 0.1`` (a smaller country), ``--regions 2`` (only a sample: the largest,
the smallest, then the others by size), ``--data DIR`` (write the country there once and
reuse it), ``--check`` (exit 1 if a region takes 2 minutes or more). Results go to stdout
as Markdown and to ``bench/out/national.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.region_sites import assemble

from bench import synthetic
from bench.synthetic import Town, dump

OUT = Path(__file__).resolve().parent / "out"
MUNICIPALITIES = 342
REGIONS = 35
SERVICES = 100_000
LIMIT = 120.0  # seconds: every region's build, on this machine
NATIONWIDE = 0.003  # share of the services for all of the Netherlands (in every regional build)
TWO_REGIONS = 0.03  # share of the providers whose services also reach a neighbouring region
GRID = 5  # regions per row of the made-up map
# One area code per region (the writer groups a region's towns by it). Valid three-digit
# codes: the 32 geographic ones and three non-geographic ones (084, 085, 087).
_GEOGRAPHIC = (10, 13, 15, 18, 20, 23, 24, 26, 30, 32, 33, 35, 36, 38, 40, 43, 45, 46, 50, 53, 55, 57, 58)
AREA_CODES = tuple(f"0{n}" for n in (*_GEOGRAPHIC, *range(70, 80), 84, 85, 87))


@dataclass
class Region:
    id: str
    name: str
    area_code: str
    towns: list[Town]
    consultant: str = ""
    services: int = 0  # services a build of this region shows (its own, shared and landelijk)


@dataclass
class Country:
    folder: Path
    regions: list[Region]
    providers: int
    services: int
    regulations: int
    nationwide: int  # services for all of the Netherlands
    shared_providers: int  # providers serving two regions

    @property
    def municipalities(self) -> int:
        return sum(len(region.towns) for region in self.regions)


def region_sizes(rng: random.Random) -> list[int]:
    """35 numbers of municipalities from 3 to 17 that add up to 342."""
    sizes = [rng.randint(3, 17) for _ in range(REGIONS)]
    while sum(sizes) != MUNICIPALITIES:
        index = rng.randrange(REGIONS)
        step = 1 if sum(sizes) < MUNICIPALITIES else -1
        if 3 <= sizes[index] + step <= 17:
            sizes[index] += step
    return sizes


def make_regions(rng: random.Random) -> list[Region]:
    """The regions and their towns on a made-up map of the Netherlands (7 rows of 5)."""
    regions, number = [], 0
    for index, size in enumerate(region_sizes(rng)):
        row, column = divmod(index, GRID)
        lat, lon = 51.0 + 0.35 * row, 4.0 + 0.55 * column
        towns = []
        for _ in range(size):
            number += 1
            first = 1000 + 25 * (number - 1)  # four-digit postcodes, 25 numbers per town
            towns.append(
                Town(
                    f"gemeente-{number:03d}",
                    f"Gemeente {number:03d}",
                    round(lat + rng.uniform(-0.12, 0.12), 4),
                    round(lon + rng.uniform(-0.2, 0.2), 4),
                    (first, first + 24),
                    AREA_CODES[index],
                )
            )
        rid = f"regio-{index + 1:02d}"
        regions.append(Region(rid, f"Regio {index + 1:02d}", towns[0].area_code, towns))
    return regions


def neighbour(regions: list[Region], index: int) -> Region:
    """The region next to this one on the made-up map (same row, else the row above)."""
    column = index % GRID
    if column + 1 < GRID and index + 1 < len(regions):
        return regions[index + 1]
    return regions[index - 1]


def regions_yaml(regions: list[Region]) -> str:
    lines = ["      regions:"]
    for region in regions:
        lines += [
            f"        {region.id}:",
            f"          naam: {region.name}",
            f"          municipalities: [{', '.join(t.id for t in region.towns)}]",
            f"          consultant: {region.consultant}",
        ]
    return "\n".join(lines) + "\n"


def write_country(folder: Path, scale: float = 1.0, seed: int = 1) -> Country:
    """Write the synthetic country into ``folder`` (same arguments, same bytes)."""
    rng = random.Random(seed)
    regions = make_regions(rng)
    towns = tuple(town for region in regions for town in region.towns)
    region_of = {town.id: region for region in regions for town in region.towns}
    by_id = {region.id: region for region in regions}
    writer = synthetic._Writer(seed, towns=towns, nationwide=NATIONWIDE)
    for sub in ("providers", "respite-forms", "regulations", "docs"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    form_ids = [form[0] for form in synthetic.RESPITE_FORMS]
    for form in synthetic.RESPITE_FORMS:
        (folder / "respite-forms" / f"{form[0]}.yaml").write_text(dump(writer.respite_form(*form)), "utf-8")

    services = nationwide = shared = regulations = 0

    def write(provider_id: str, data: dict[str, Any]) -> None:
        nonlocal services, nationwide
        for service in data["diensten"]:
            area = service["werkgebied"]
            nationwide += area == ["landelijk"]
            for rid in {region_of[m].id for m in area if m in region_of}:
                by_id[rid].services += 1
        services += len(data["diensten"])
        (folder / "providers" / f"{provider_id}.yaml").write_text(dump(data), encoding="utf-8")

    for region in regions:  # every municipality runs its own consultant service; the first is the region's
        for town in region.towns:
            provider_id, data = writer.provider(town, municipal=True)
            if not region.consultant:
                region.consultant = f"{provider_id}/{data['diensten'][0]['id']}"
            write(provider_id, data)
            for _ in range(2):
                regulation_id, regulation = writer.regulation(provider_id, town, form_ids)
                (folder / "regulations" / f"{regulation_id}.yaml").write_text(dump(regulation), "utf-8")
                regulations += 1

    weights = [rng.lognormvariate(0, 0.9) for _ in towns]
    others = max(0, round(SERVICES * scale / 3) - len(towns))
    for town in rng.choices(towns, weights=weights, k=others):
        provider_id, data = writer.provider(town, municipal=False)
        if rng.random() < TWO_REGIONS:  # also works in the next region: one record, two builds
            home = regions.index(region_of[town.id])
            extra = [t.id for t in rng.sample(neighbour(regions, home).towns, 2)]
            for service in data["diensten"]:
                if service["werkgebied"] != ["landelijk"]:
                    service["werkgebied"] = [*service["werkgebied"], *extra]
            shared += 1
        write(provider_id, data)
    for region in regions:
        region.services += nationwide

    municipalities = {town.id: town.name for town in towns}
    text = synthetic.mkdocs_yml(municipalities, consultant=regions[0].consultant, region="Nederland")
    text = text.replace("      report:\n", regions_yaml(regions) + "      report:\n", 1)
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    (folder / "docs" / "index.md").write_text(synthetic.INDEX_MD, encoding="utf-8")
    providers = len(towns) + others
    return Country(folder, regions, providers, services, regulations, nationwide, shared)


# -- measuring ---------------------------------------------------------------------------


@dataclass
class RegionResult:
    id: str
    municipalities: int
    services: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    pages: int
    site_mb: float


@dataclass
class Result:
    when: str
    host: str
    load_before: str
    load_after: str
    scale: float
    municipalities: int
    regions: int
    providers: int
    services: int
    nationwide_services: int
    shared_providers: int
    generate_seconds: float
    measured: list[RegionResult] = field(default_factory=list)
    publish_seconds: float = 0.0
    publish_mb: float = 0.0
    own_records: dict[str, Any] = field(default_factory=dict)  # --own-records

    @property
    def slowest(self) -> float:
        return max(r.seconds for r in self.measured)

    @property
    def matrix_wall(self) -> float:
        return self.slowest + self.publish_seconds


def uptime() -> str:
    load = os.getloadavg()
    return f"{load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}"


def folder_mb(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, sum(1 for p in files if p.name == "index.html")


def build_region(data: Path, region: Region, target: Path, logs: Path) -> RegionResult:
    from bench.__main__ import checked, tool  # the benchmark's launcher (peak memory of the build alone)
    from bench.__main__ import run_timed as timed_run

    command = [tool("mantelkaart"), "-f", "mkdocs.yml", "build", "--regio", region.id, "-d", str(target)]
    log_file = logs / f"{region.id}.log"
    timed = checked(timed_run(command, data, log_file), f"build of {region.id}", log_file)
    megabytes, pages = folder_mb(target)
    return RegionResult(
        region.id,
        len(region.towns),
        region.services,
        round(timed.seconds, 2),
        round(timed.cpu_seconds, 2),
        round(timed.peak_mb),
        pages,
        round(megabytes, 1),
    )


def publish(data: Path, sites: dict[str, Path], target: Path) -> tuple[float, float]:
    """The publish job: the regions' sites into one tree with the overview page, then the
    tar that upload-pages-artifact makes. Returns seconds and the tree's megabytes."""
    config, _ = site_config(data / "mkdocs.yml")
    config = config.model_copy(update={"regions": {rid: config.regions[rid] for rid in sites}})
    start = time.perf_counter()
    assemble(config, sites, target)
    archive = target.parent / "artifact.tar"
    subprocess.run(
        ["tar", "--dereference", "--hard-dereference", "-C", str(target), "-cf", str(archive), "."],
        check=True,
    )
    seconds = time.perf_counter() - start
    archive.unlink()
    return seconds, folder_mb(target)[0]


def own_records(data: Path, region: Region, consultants: set[str], target: Path) -> Path:
    """A copy of the data folder with only what ``region``'s build shows: its providers and
    those serving all of the Netherlands, the other regions' consultants (mkdocs.yml names
    them), its municipalities' regulations and every respite form. Building from it
    measures what reading the whole data folder costs a regional build (docs-dev/scale.md)."""
    from mantelkaart.core.loader import parse_text

    keep = {town.id for town in region.towns} | {"landelijk"}
    shutil.copytree(data, target, ignore=shutil.ignore_patterns("providers", "regulations"))
    for sub, key in (("providers", "diensten"), ("regulations", "gemeenten")):
        (target / sub).mkdir()
        for path in (data / sub).iterdir():
            record = parse_text(path.read_text(encoding="utf-8"))
            if sub == "providers":
                areas = {m for service in record[key] for m in service["werkgebied"]}
                wanted = bool(areas & keep) or path.stem in consultants
            else:
                wanted = bool(set(record[key]) & keep)
            if wanted:
                shutil.copy2(path, target / sub / path.name)
    return target


def sample(regions: list[Region], count: int | None) -> list[Region]:
    """The regions to build: the largest, the smallest, then the rest from large to small."""
    by_size = sorted(regions, key=lambda r: (-r.services, r.id))
    order = [by_size[0], by_size[-1], *by_size[1:-1]]
    return order if count is None else order[:count]


def table(result: Result) -> str:
    lines = [
        "| region | municipalities | services shown | build (s) | CPU (s) | peak MB | pages | site MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result.measured:
        lines.append(
            f"| {r.id} | {r.municipalities} | {r.services:,} | {r.seconds:.1f} | {r.cpu_seconds:.1f} | "
            f"{r.peak_mb:.0f} | {r.pages:,} | {r.site_mb:.1f} |"
        )
    total = sum(r.seconds for r in result.measured)
    lines += [
        "",
        f"Country: {result.municipalities} municipalities, {result.regions} regions, {result.providers:,} providers, "
        f"{result.services:,} services ({result.nationwide_services} landelijk, {result.shared_providers} providers "
        f"in two regions); "
        + (
            f"generated in {result.generate_seconds:.0f} s."
            if result.generate_seconds
            else "reused (--data)."
        ),
        f"Publish ({len(result.measured)} regions, {result.publish_mb:.0f} MB): {result.publish_seconds:.1f} s.",
        f"Matrix wall time (slowest region + publish): {result.matrix_wall:.1f} s.",
        f"One machine, regions one after another (measured regions): {total:.1f} s.",
        f"Load average before / after: {result.load_before} / {result.load_after}.",
    ]
    if result.own_records:
        own = result.own_records
        lines.append(
            f"{own['region']} built from a folder with only its {own['provider_files']:,} provider files: "
            f"{own['seconds']:.1f} s (CPU {own['cpu_seconds']:.1f} s, peak {own['peak_mb']:.0f} MB)."
        )
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench national", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 100,000 services (default 1)")
    parser.add_argument("--regions", type=int, help="build only this many regions (largest, smallest, …)")
    parser.add_argument("--data", type=Path, help="the country's folder: written if empty, else reused")
    parser.add_argument(
        "--check", action="store_true", help=f"exit 1 if a region takes {LIMIT:.0f} s or more"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--own-records",
        action="store_true",
        help="also build the largest region from a folder with only the records it shows",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mantelkaart-national-") as tmp:
        data = args.data or Path(tmp) / "country"
        start = time.perf_counter()
        reuse = (data / "mkdocs.yml").is_file() and (data / "country.json").is_file()
        if reuse:
            country = load_country(data)
        else:
            country = write_country(data, args.scale, args.seed)
            save_country(country)
        generated = 0.0 if reuse else time.perf_counter() - start  # 0: written by an earlier run
        print(
            f"[national] country in {data} ({'reused' if reuse else f'written in {generated:.0f} s'})",
            file=sys.stderr,
        )
        result = Result(
            datetime.now().isoformat(timespec="seconds"),
            platform.node(),
            uptime(),
            "",
            country_scale(country),
            country.municipalities,
            len(country.regions),
            country.providers,
            country.services,
            country.nationwide,
            country.shared_providers,
            round(generated, 1),
        )
        sites: dict[str, Path] = {}
        logs = Path(tmp) / "logs"
        logs.mkdir()
        for region in sample(country.regions, args.regions):
            target = Path(tmp) / "sites" / region.id
            measured = build_region(data, region, target, logs)
            result.measured.append(measured)
            sites[region.id] = target
            print(
                f"[national] {region.id}: {measured.services:,} services in {measured.seconds:.1f} s",
                file=sys.stderr,
            )
        if args.own_records:  # what the rest of the country's records cost the largest region
            largest = sample(country.regions, 1)[0]
            consultants = {r.consultant.split("/")[0] for r in country.regions}
            alone = own_records(data, largest, consultants, Path(tmp) / "own-records")
            files = sum(1 for _ in (alone / "providers").iterdir())
            measured = build_region(alone, largest, Path(tmp) / "own-site", logs)
            result.own_records = {"region": largest.id, "provider_files": files, **asdict(measured)}
            print(
                f"[national] {largest.id} from its own {files} provider files: {measured.seconds:.1f} s",
                file=sys.stderr,
            )
        seconds, megabytes = publish(data, sites, Path(tmp) / "published" / "site")
        result.publish_seconds, result.publish_mb = round(seconds, 2), round(megabytes, 1)
        result.load_after = uptime()
    print(table(result))
    payload = {**asdict(result), "matrix_wall_seconds": result.matrix_wall, "limit_seconds": LIMIT}
    (OUT / "national.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
    slow = [r.id for r in result.measured if r.seconds >= LIMIT]
    if args.check and slow:
        print(f"Target missed: {', '.join(slow)} took {LIMIT:.0f} s or more", file=sys.stderr)
        return 1
    return 0


# -- reusing a written country (the full data set takes minutes to write) -----------------


def save_country(country: Country) -> None:
    summary = asdict(country)
    summary["folder"] = str(country.folder)
    (country.folder / "country.json").write_text(json.dumps(summary), encoding="utf-8")


def load_country(folder: Path) -> Country:
    data = json.loads((folder / "country.json").read_text(encoding="utf-8"))
    regions = [
        Region(
            r["id"],
            r["name"],
            r["area_code"],
            [Town(**{**t, "postcodes": tuple(t["postcodes"])}) for t in r["towns"]],
            r["consultant"],
            r["services"],
        )
        for r in data.pop("regions")
    ]
    data["folder"] = folder
    return Country(regions=regions, **data)


def country_scale(country: Country) -> float:
    return round(country.services / SERVICES, 3)


if __name__ == "__main__":
    sys.exit(main())
