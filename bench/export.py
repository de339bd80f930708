"""Open-data exports at scale: ``python -m bench.export [--providers 5000] [--check] [--full]``.

On a synthetic site (:func:`bench.synthetic.write_site`) this measures how long
the open-data export takes (``open_data.data_files``: HSDS JSON, the HSDS CSV
package, GeoJSON and the spreadsheet CSV), then checks the round trip: the
HSDS JSON imported into an empty copy of the site and exported again gives the
same bytes, every file. With the HSDS 3.0 schemas beside the repository
(``../shared/hsds/3.0``) every organization is validated against
``compiled/organization.json`` and every CSV row against ``compiled/tabular.json``
(with jsonschema-rs; ``jsonschema`` would take minutes); ``--full`` adds
Frictionless's validation of the whole CSV package (slow: about half a minute
per 100,000 rows).

Results go to stdout and to ``bench/out/export.json``; ``--check`` exits 1 when
the export takes longer than the target, forgiving the machine as much as the load of
the same site, timed before and after the export, was slower than usual (see
``bench/calibration.py``), or the round trip or a schema fails.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.opendata.exports import data_files
from mantelkaart.opendata.hsds.importer import plan_import, write_import

from bench import calibration
from bench.synthetic import TODAY, write_site

OUT = Path(__file__).resolve().parent / "out"
HSDS = Path(__file__).resolve().parent.parent.parent / "shared" / "hsds" / "3.0"
EXPORT_LIMIT = 5.0  # seconds for every open-data file of 5,000 providers
SITE_URL = "https://example.org/kaart/"


@dataclass
class Result:
    providers: int
    services: int = 0
    load_s: float = 0.0
    export_s: float = 0.0
    export_cpu_s: float = 0.0  # CPU time of this process: steadier than wall time on a shared machine
    export_child_cpu_s: float = 0.0  # CPU time of the second process (sites of 1,000 providers or more)
    export_mb: float = 0.0
    load_again_s: float = 0.0  # the same number of providers loaded after the export (the round trip's copy)
    slowness: float = 1.0  # the loads around the export ÷ their usual time, at least 1 (bench/calibration.py)
    export_usual_s: float = 0.0  # export_s ÷ slowness: the export at the machine's usual speed
    files: int = 0
    import_s: float = 0.0
    round_trip_same: bool = False
    different: list[str] = field(default_factory=list)
    schema_errors: list[str] = field(default_factory=list)
    validated: str = "not validated: HSDS 3.0 schemas not found"


def load(site: Path, empty: bool = False) -> Dataset:
    """The site's data; ``empty``: before an import, when the consultant it names is not there yet."""
    config, root = site_config(site / "mkdocs.yml")
    dataset = Dataset.load(root, config, today=TODAY)
    errors = [p for p in dataset.errors if not (empty and p.file == "mkdocs.yml")]
    if errors:
        raise SystemExit("the site has errors:\n" + "\n".join(p.text() for p in errors[:10]))
    return dataset


def export(dataset: Dataset) -> dict[str, bytes]:
    return {f.path: f.content for f in data_files(dataset.catalogue, SITE_URL)}


def tabular(files: dict[str, bytes]) -> dict[str, list[dict[str, Any]]]:
    """The CSV package as typed rows per table, the document ``compiled/tabular.json`` describes."""
    package = json.loads(files["hsds/csv/datapackage.json"])
    document: dict[str, list[dict[str, Any]]] = {}
    for table in package["resources"]:
        numbers = {f["name"] for f in table["schema"]["fields"] if f["type"] == "number"}
        reader = csv.DictReader(io.StringIO(files[f"hsds/csv/{table['path']}"].decode(), newline=""))
        document[table["name"]] = [
            {k: float(v) if k in numbers else v for k, v in row.items() if v != ""} for row in reader
        ]
    return document


def validate(files: dict[str, bytes], full: bool = False) -> tuple[str, list[str]]:
    """Errors against the official HSDS 3.0 schemas (empty list: valid)."""
    if not (HSDS / "schema" / "compiled" / "organization.json").is_file():
        return "not validated: HSDS 3.0 schemas not found", []
    import jsonschema_rs

    def retrieve(uri: str) -> Any:  # compiled/tabular.json refers to the plain schemas by file name
        return json.loads((HSDS / "schema" / uri.rsplit("/", 1)[-1]).read_text(encoding="utf-8"))

    def validator(name: str) -> Any:
        schema = json.loads((HSDS / "schema" / "compiled" / name).read_text(encoding="utf-8"))
        return jsonschema_rs.Draft202012Validator(
            schema, validate_formats=True, base_uri=f"https://hsds.test/schema/{name}", retriever=retrieve
        )

    errors: list[str] = []
    organization = validator("organization.json")
    organizations = json.loads(files["hsds/organizations.json"])
    for org in organizations:
        errors += [f"{org.get('name')}: {e.message}" for e in organization.iter_errors(org)][:3]
    errors += [f"tabular: {e.message}" for e in validator("tabular.json").iter_errors(tabular(files))][:10]
    done = f"{len(organizations)} organizations and the CSV tables (jsonschema-rs)"
    if full:
        from frictionless import validate as frictionless_validate

        with tempfile.TemporaryDirectory() as folder:
            for path, content in files.items():
                if path.startswith("hsds/csv/"):
                    (Path(folder) / Path(path).name).write_bytes(content)
            shutil.copy(HSDS / "datapackage.json", Path(folder) / "datapackage.json")
            report = frictionless_validate(str(Path(folder) / "datapackage.json"))
            errors += [
                f"frictionless: {row[0]}: {row[1]}" for row in report.flatten(["type", "message"])[:10]
            ]
        done += "; the CSV package with Frictionless against HSDS's datapackage.json"
    return done, errors[:20]


def measure(folder: Path, providers: int, seed: int = 1, full: bool = False) -> Result:
    """Write a site into ``folder``, export it, validate, import into an empty copy, export again."""
    site = folder / "site"
    write_site(site, providers, seed)
    result = Result(providers)
    start = time.perf_counter()
    dataset = load(site)
    result.load_s = time.perf_counter() - start
    result.services = len(dataset.catalogue.offers)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    start, cpu = time.perf_counter(), time.process_time()
    first = export(dataset)
    result.export_s = time.perf_counter() - start
    result.export_cpu_s = time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.export_child_cpu_s = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    result.files = len(first)
    result.export_mb = sum(map(len, first.values())) / 1_000_000
    result.validated, result.schema_errors = validate(first, full)

    copy = folder / "copy"
    copy.mkdir()
    shutil.copy(site / "mkdocs.yml", copy / "mkdocs.yml")
    shutil.copytree(site / "respite-forms", copy / "respite-forms")
    source = folder / "organizations.json"
    source.write_bytes(first["hsds/organizations.json"])
    start = time.perf_counter()
    planned = plan_import(load(copy, empty=True), source, TODAY)
    write_import(copy, planned)
    result.import_s = time.perf_counter() - start
    start = time.perf_counter()
    again = load(copy)  # as many providers as the first load: the machine's speed after the export
    result.load_again_s = time.perf_counter() - start
    result.slowness, result.export_usual_s = judged(result)
    second = export(again)
    result.different = sorted(
        path for path in first.keys() | second.keys() if first.get(path) != second.get(path)
    )
    result.round_trip_same = not result.different
    return result


def judged(result: Result) -> tuple[float, float]:
    """How much slower than usual the machine ran around the export (the mean of the two
    loads against their usual time), and the export's time divided by that."""
    usual = calibration.LOAD_USUAL_S_PER_PROVIDER * result.providers
    slowness = round(calibration.slowness((result.load_s + result.load_again_s) / 2, usual), 2)
    return slowness, result.export_s / slowness


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--check", action="store_true", help=f"exit 1 if the export takes over {EXPORT_LIMIT} s or fails"
    )
    parser.add_argument(
        "--full", action="store_true", help="also validate the CSV package with Frictionless (slow)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mantelkaart-export-") as folder:
        result = measure(Path(folder), args.providers, args.seed, args.full)
    print(
        "| Providers | Services | Load | Export | Export CPU | Size | Files | Import | Round trip | Schemas |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {result.providers} | {result.services} | {result.load_s:.2f} s | **{result.export_s:.2f} s** | "
        f"{result.export_cpu_s:.2f} s + {result.export_child_cpu_s:.2f} s | "
        f"{result.export_mb:.1f} MB | {result.files} | {result.import_s:.2f} s | "
        f"{'same bytes' if result.round_trip_same else 'DIFFERENT: ' + ', '.join(result.different)} | "
        f"{'valid' if not result.schema_errors else f'{len(result.schema_errors)} errors'} |"
    )
    print(
        f"\nAt this machine's usual speed: **{result.export_usual_s:.2f} s** (it took {result.slowness}× "
        "its usual time to load the site around the export; bench/calibration.py)."
    )
    print(f"\nValidated: {result.validated}.")
    for error in result.schema_errors:
        print(f"  {error}")
    OUT.mkdir(exist_ok=True)
    (OUT / "export.json").write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    if not args.check:
        return 0
    failures = []
    if result.export_usual_s > EXPORT_LIMIT and args.providers <= 5000:
        failures.append(
            f"export took {result.export_usual_s:.2f} s at the machine's usual speed "
            f"({result.export_s:.2f} s measured, {result.slowness}× slower than usual; target {EXPORT_LIMIT} s)"
        )
    if not result.round_trip_same:
        failures.append("the round trip changed " + ", ".join(result.different))
    if result.schema_errors:
        failures.append("the export is not valid HSDS 3.0")
    for failure in failures:
        print(f"CHECK FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
