"""The command-line side of open data: ``mantelkaart export`` and ``mantelkaart import hsds``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any


def add_commands(sub: Any) -> None:
    export = sub.add_parser("export", help="schrijf de open data (HSDS, CSV, GeoJSON) naar een map")
    export.add_argument(
        "--out", default="open-data", metavar="MAP", help="map voor de bestanden (standaard: open-data)"
    )
    export.set_defaults(run=cmd_export)
    imports = sub.add_parser("import", help="maak records van gegevens uit een ander systeem")
    imports.add_argument(
        "format", metavar="FORMAAT", choices=["hsds"], help="hsds: HSDS 3.0-JSON (Open Referral)"
    )
    imports.add_argument("path", metavar="BESTAND", help="het JSON-bestand, bijvoorbeeld organizations.json")
    imports.add_argument("--force", action="store_true", help="bestaande records overschrijven")
    imports.add_argument(
        "--land",
        default="NL",
        metavar="LAND",
        help="land waarin telefoonnummers zonder landcode gelezen worden als het adres geen land noemt "
        "(ISO-code of naam, standaard NL)",
    )
    imports.add_argument(
        "--buiten-regio",
        dest="buiten_regio",
        action="store_true",
        help="organisaties buiten de gemeenten van de site als concept in concepten/buiten-regio/ zetten",
    )
    imports.set_defaults(run=cmd_import)


def _dataset(args: argparse.Namespace) -> Any:
    from mantelkaart.core.dataset import Dataset
    from mantelkaart.core.mkdocs_yml import site_config

    config, root = site_config(Path(args.config))
    return Dataset.load(root, config)


def cmd_export(args: argparse.Namespace) -> int:
    from mantelkaart.core.mkdocs_yml import site_url
    from mantelkaart.core.problems import render
    from mantelkaart.opendata.exports import data_files

    dataset = _dataset(args)
    if dataset.errors:
        print(render(dataset.errors, "text"), file=sys.stderr)
        print("De records bevatten fouten; er is niets geëxporteerd.", file=sys.stderr)
        return 1
    start = time.perf_counter()
    out = Path(args.out)
    count = size = 0
    try:
        for data_file in data_files(dataset.catalogue, site_url(Path(args.config))):
            path = out / data_file.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data_file.content)
            count += 1
            size += len(data_file.content)
    except OSError as error:
        print(f"Kan niet schrijven in {out}: {error.strerror}.", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    print(
        f"{count} bestanden ({size / 1_000_000:.1f} MB) geschreven in {out} in {seconds:.1f} s.",
        file=sys.stderr,
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from mantelkaart.core.dataset import Dataset
    from mantelkaart.core.mkdocs_yml import site_config
    from mantelkaart.core.problems import render
    from mantelkaart.core.records import KINDS
    from mantelkaart.opendata.hsds.importer import HsdsInputError, import_hsds

    _, root = site_config(Path(args.config))
    if not any((root / kind).is_dir() for kind in KINDS):
        (root / "providers").mkdir(parents=True)  # a new site starts from the imported data
    dataset = _dataset(args)
    # The consultant may be among the records still to import: only the records must be sound.
    errors = [problem for problem in dataset.errors if problem.file != "mkdocs.yml"]
    if errors:
        print(render(errors, "text"), file=sys.stderr)
        print("Los eerst de fouten in de bestaande records op; er is niets geïmporteerd.", file=sys.stderr)
        return 1
    from mantelkaart.opendata.hsds.text import country_code

    country = country_code(args.land)
    if country is None:
        print(
            f"'{args.land}' is geen land dat Mantelkaart kent; geef bijvoorbeeld --land US.", file=sys.stderr
        )
        print("Er is niets geïmporteerd.", file=sys.stderr)
        return 2
    try:
        result, existing = import_hsds(
            dataset, Path(args.path), force=args.force, country=country, keep_outside=args.buiten_regio
        )
    except HsdsInputError as error:
        print(error, file=sys.stderr)
        print("Er is niets geïmporteerd.", file=sys.stderr)
        return 1
    if existing:
        shown = "\n".join(f"  - {path}" for path in existing[:20])
        more = f"\n  … en nog {len(existing) - 20}." if len(existing) > 20 else ""
        print(f"Deze bestanden bestaan al:\n{shown}{more}", file=sys.stderr)
        print("Er is niets geïmporteerd. Gebruik --force om ze te overschrijven.", file=sys.stderr)
        return 1
    print(result.summary())
    check = Dataset.load(dataset.root, dataset.config)
    errors = [problem for problem in check.errors if problem.file != "mkdocs.yml"]
    print(f"Controle van alle records: {len(errors)} fouten, {len(check.warnings)} waarschuwingen.")
    if errors:
        print(render(errors, "text"))
        return 1
    for problem in check.errors:  # the site's settings: the import itself went well
        print("Let op, in de instellingen: " + problem.text())
    return 0
