"""The ``mantelkaart`` command line: validate, build, serve, new, schema, export, import, migrate."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from mantelkaart.core.config import ConfigError
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.plain_language import TOPIC
from mantelkaart.core.problems import count, dutch_list, render
from mantelkaart.opendata import exchange


def _load(args: argparse.Namespace) -> Dataset:
    config, root = site_config(Path(args.config))
    dataset = Dataset.check(root, config, today=getattr(args, "today", None))
    return dataset


def _summary(dataset: Dataset) -> str:
    records, services = dataset.counts
    return (
        f"{count(records, 'record', 'records')} gelezen ({count(services, 'dienst', 'diensten')}): "
        f"{count(len(dataset.errors), 'fout', 'fouten')}, "
        f"{count(len(dataset.warnings), 'waarschuwing', 'waarschuwingen')}{_language_note(dataset)}."
    )


def _language_note(dataset: Dataset) -> str:
    language = sum(1 for p in dataset.warnings if p.topic == TOPIC)
    if not language:
        return ""
    return f" ({language} over gewone taal: die tellen nooit als fout, ook niet met --strict)"


def cmd_validate(args: argparse.Namespace) -> int:
    dataset = _load(args)
    problems = dataset.problems
    if args.format == "json":
        print(render(problems, "json"))
    else:
        if problems:
            print(render(problems, args.format))
        if dataset.stale and args.format == "text":
            print(
                "\nNiet gecontroleerd in de afgelopen "
                f"{dataset.config.stale_after_months} maanden, per record:"
            )
            current = ""
            for item in dataset.stale:
                if item.group != current:
                    current = item.group
                    print(f"  {item.relpath}")
                print(f"    - {item.name}: {item.verified_on.isoformat()} ({item.verified_by})")
        print(_summary(dataset), file=sys.stderr)
    return 0 if dataset.ok(args.strict) else 1


def cmd_build(args: argparse.Namespace) -> int:
    from mantelkaart.publisher import BuildFailed, BuildInterrupted, build_site

    try:
        target = build_site(
            Path(args.config), Path(args.site_dir) if args.site_dir else None, args.strict, args.regio
        )
    except BuildInterrupted:
        print("Het bouwen is afgebroken. De vorige site is niet veranderd.", file=sys.stderr)
        return 130
    except BuildFailed as failure:
        print(failure.report, file=sys.stderr)
        print("De site is niet bijgewerkt; de vorige versie staat er nog.", file=sys.stderr)
        return 1
    print(f"De site staat in {target}.", file=sys.stderr)
    return 0


def cmd_regions(args: argparse.Namespace) -> int:
    from mantelkaart.region_sites import MissingRegions, regions_json, write_overview

    config, _ = site_config(Path(args.config))
    if args.voorpagina is None:
        print(regions_json(config))  # one line: a GitHub Actions matrix reads it
        return 0
    try:
        page = write_overview(config, Path(args.voorpagina))
    except MissingRegions as error:
        print(error, file=sys.stderr)
        return 1
    print(f"De voorpagina staat in {page}.", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    serve(config_file=args.config, open_in_browser=False, dev_addr=args.dev_addr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from mantelkaart.editors.skeleton import SkeletonError, write_skeleton

    config, root = site_config(Path(args.config))
    try:
        path = write_skeleton(root, args.kind, args.name, config)
    except SkeletonError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Nieuw record: {path}. Vul het aan en controleer het met 'mantelkaart validate'.")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from mantelkaart.editors.starter import StarterError, write_schema, write_starter

    target = Path(args.map)
    try:
        written = write_starter(target, args.regio, args.gemeenten)
    except StarterError as error:
        print(f"{error.message}\n  Tip: {error.hint}", file=sys.stderr)
        return 1
    written += write_schema(target)
    print(
        f"Nieuwe site in {target}: {len(written)} bestanden. De records zijn voorbeelden.\n"
        f"Bekijk hem met:  cd {target} && mantelkaart serve",
        file=sys.stderr,
    )
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from mantelkaart.core.vocabulary import Vocabularies, VocabularyError
    from mantelkaart.editors.json_schema import FOLDER, outdated_schemas, write_schemas

    config, root = site_config(Path(args.config))
    try:
        vocabularies = Vocabularies.load(root / "vocabularies")
    except VocabularyError as error:
        print(f"{error.path}:{error.line}: {error.message}", file=sys.stderr)
        return 1
    folder = Path(args.out) if args.out else root / FOLDER
    if args.check:
        outdated = outdated_schemas(folder, vocabularies, config)
        for path in outdated:
            print(f"{path} is niet actueel. Maak het opnieuw met 'mantelkaart schema'.", file=sys.stderr)
        return 1 if outdated else 0
    changed = write_schemas(folder, vocabularies, config)
    print(f"JSON Schema in {folder}: {len(changed)} bestanden bijgewerkt.", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from mantelkaart.core.plain_language import HardWords
    from mantelkaart.editors.report import editorial_report, overdue_markdown, report_text

    config, root = site_config(Path(args.config))
    dataset = Dataset.load(root, config, today=args.today)
    if dataset.errors:
        print(render(dataset.errors, "text"), file=sys.stderr)
        print("Het rapport gaat over geldige records; los eerst de fouten op.", file=sys.stderr)
        return 1
    report = editorial_report(dataset.catalogue, args.today, HardWords.load(root), root=root)
    print(overdue_markdown(report) if args.command == "stale" else report_text(report))
    return 0


def cmd_changes(args: argparse.Namespace) -> int:
    from mantelkaart.editors.changes import ChangesError, describe_changes

    config, root = site_config(Path(args.config))
    try:
        print(describe_changes(root, config, args.base, args.preview_url, args.today), end="")
    except ChangesError as error:
        print(f"De wijzigingen kunnen niet worden bepaald: {error}", file=sys.stderr)
        return 2
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from mantelkaart.editors.migration import exit_code, migrate, report

    outcome = migrate(Path(args.config), [Path(name) for name in args.bestanden], args.controleer)
    print(report(outcome, args.controleer))
    return exit_code(outcome, args.controleer)


class DutchFormatter(argparse.HelpFormatter):
    """argparse's help with Dutch words where it has English ones ("usage:")."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


# argparse's own error messages (Python 3.11 and later), in Dutch.
ERRORS = [
    (re.compile(r"the following arguments are required: (.*)"), "dit ontbreekt nog: {0}"),
    (re.compile(r"invalid choice: '(.*)' \(choose from (.*)\)"), "'{0}' bestaat niet; kies uit {1}"),
    (re.compile(r"unrecognized arguments: (.*)"), "onbekend: {0}"),
    (re.compile(r"invalid \w+ value: '(.*)'"), "'{0}' is geen geldige waarde"),
    (re.compile(r"expected one argument"), "hier hoort een waarde achter"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), "{0} kan meer betekenen: {1}"),
    (re.compile(r"not allowed with argument (.*)"), "niet samen met {0}"),
    (re.compile(r"argument (\S+): (.*)"), "{0}: {1}"),
]


def dutch_error(message: str) -> str:
    for pattern, dutch in ERRORS:
        match = pattern.fullmatch(message)
        if match:
            parts = [_choices(part) for part in match.groups()]
            return dutch.format(*[dutch_error(part) for part in parts])
    return message


def _choices(text: str) -> str:
    """``'a', 'b', 'c'`` (argparse's list of choices) → ``a, b of c``."""
    if re.fullmatch(r"'[^']*'(?:, '[^']*')+", text):
        return dutch_list(word.strip("'") for word in text.split(", "))
    return text


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Dutch: section titles, -h, usage and error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DutchFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch_error(message)}\n")


def parser() -> argparse.ArgumentParser:
    main = DutchParser(prog="mantelkaart", description="Sociale kaart en respijtwijzer.")
    main.add_argument(
        "-f", "--config", default="mkdocs.yml", metavar="BESTAND", help="instellingenbestand (mkdocs.yml)"
    )
    sub = main.add_subparsers(
        dest="command",
        required=True,
        title="opdrachten",
        metavar="OPDRACHT",
        help="zie 'mantelkaart OPDRACHT -h'",
    )
    validate = sub.add_parser("validate", help="controleer alle records")
    validate.add_argument(
        "--strict",
        action="store_true",
        help="waarschuwingen tellen als fouten (behalve die over gewone taal: die tellen nooit als fout)",
    )
    validate.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="text (standaard), github (meldingen bij de regels in een pull request) of json",
    )
    validate.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    validate.set_defaults(run=cmd_validate)
    build = sub.add_parser("build", help="bouw de site (de vorige blijft staan bij een fout)")
    build.add_argument("--strict", action="store_true", help="waarschuwingen tellen als fouten")
    build.add_argument(
        "-d", "--site-dir", metavar="MAP", help="map voor de site (standaard: site_dir uit mkdocs.yml)"
    )
    build.add_argument(
        "--regio", metavar="ID", help="bouw de site van één regio uit 'regions' in mkdocs.yml (regio-id)"
    )
    build.set_defaults(run=cmd_build)
    regions = sub.add_parser(
        "regions", help="de regio-id's uit mkdocs.yml, als JSON (voor een bouw per regio)"
    )
    regions.add_argument(
        "--voorpagina",
        metavar="MAP",
        help="schrijf MAP/index.html met een link naar elke regio (de sites staan in MAP/<regio-id>/)",
    )
    regions.set_defaults(run=cmd_regions)
    serve = sub.add_parser("serve", help="bekijk de site terwijl u werkt")
    serve.add_argument(
        "-a",
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="ADRES",
        help="adres (standaard: 127.0.0.1:8000)",
    )
    serve.set_defaults(run=cmd_serve)
    init = sub.add_parser("init", help="begin een nieuwe site voor een regio, klaar om te bouwen")
    init.add_argument("map", metavar="MAP", help="de map voor de nieuwe site (nieuw of leeg)")
    init.add_argument(
        "--regio", required=True, metavar="NAAM", help='naam van de regio, bijvoorbeeld "Hoeksche Waard"'
    )
    init.add_argument(
        "--gemeenten",
        required=True,
        nargs="+",
        metavar="GEMEENTE",
        help='de gemeenten van de regio, gescheiden door komma\'s: "Dordrecht, Zwijndrecht"',
    )
    init.set_defaults(run=cmd_init)
    new = sub.add_parser("new", help="maak een nieuw record")
    new.add_argument(
        "kind",
        metavar="SOORT",
        choices=["provider", "respite-form", "regulation"],
        help="provider (aanbieder), respite-form (vorm van respijtzorg) of regulation (regeling)",
    )
    new.add_argument("name", metavar="NAAM", help='naam, bijvoorbeeld "Het Parkhuis"')
    new.set_defaults(run=cmd_new)
    schema = sub.add_parser("schema", help="schrijf het JSON Schema van de records (voor editors)")
    schema.add_argument(
        "--out", metavar="MAP", help="map voor de schema's (standaard: schema/ naast providers/)"
    )
    schema.add_argument("--check", action="store_true", help="alleen controleren of de schema's actueel zijn")
    schema.set_defaults(run=cmd_schema)
    report = sub.add_parser(
        "report", help="rapport voor redacteuren: aanbod, verouderde records, wat ontbreekt"
    )
    report.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    report.set_defaults(run=cmd_report)
    stale = sub.add_parser(
        "stale", help="verouderde records per aanbieder, in Markdown (voor een GitHub-issue)"
    )
    stale.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    stale.set_defaults(run=cmd_report)
    changes = sub.add_parser("changes", help="wat een wijziging aan de records verandert, in Markdown")
    changes.add_argument(
        "base", metavar="VERSIE", help="git-versie om mee te vergelijken, bijvoorbeeld origin/main"
    )
    changes.add_argument("--preview-url", metavar="ADRES", help="link naar de gebouwde site (voorbeeld)")
    changes.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    changes.set_defaults(run=cmd_changes)
    migrate = sub.add_parser(
        "migrate", help="zet records van een oudere versie om naar de huidige vorm (zie de CHANGELOG)"
    )
    migrate.add_argument(
        "bestanden", nargs="*", metavar="BESTAND", help="alleen deze records (standaard: alle records)"
    )
    migrate.add_argument(
        "--controleer",
        "--check",
        dest="controleer",
        action="store_true",
        help="verander niets; stop met code 1 als er iets om te zetten is (voor CI)",
    )
    migrate.set_defaults(run=cmd_migrate)
    exchange.add_commands(sub)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
