"""``mantelkaart migrate``: records from an older Mantelkaart brought into the current format.

Every change to the record format has an upgrade note in CHANGELOG.md and one :class:`Step`
here (``tests/test_migration.py`` checks that the two lists match). A step with a
:class:`Rewrite` is made automatically, but only where its result is certain: it never
invents a fact. What needs a person (a value nobody can derive from the old one) is listed
as "niet automatisch", with what to do. Everything the step does not change stays as the
editor wrote it (comments, key order, quoting), and each file is replaced in one go.
"""

from __future__ import annotations

import copy
import os
import re
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mantelkaart.core.config import CONSULTANT_HINT
from mantelkaart.core.loader import Document, parse_text, read_bytes, text_of
from mantelkaart.core.mkdocs_yml import plugin_options
from mantelkaart.core.problems import count, field_path
from mantelkaart.core.records import KINDS
from mantelkaart.core.validation import record_files
from mantelkaart.core.yaml_trouble import PathKey, YamlTrouble
from mantelkaart.editors.record_edit import EditRefused, RecordText

SETTINGS = "mkdocs.yml"
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Rewrite:
    """An automatic change of one value: the new value, and the same change made in the text."""

    value: Callable[[Any], Any]
    text: Callable[[RecordText, PathKey, bool], None]


def wrap_in(key: str) -> Rewrite:
    """A text value becomes the value of ``key`` in a block (``a: x`` → ``a: {key: x}``)."""
    return Rewrite(lambda old: {key: old}, lambda text, path, faithful: text.wrap(path, key, faithful))


@dataclass(frozen=True)
class Step:
    """One change to the record format, as its upgrade note in CHANGELOG.md names it."""

    field: str  # the field the upgrade note names first (between backticks)
    kind: str  # a data folder ('providers', 'respite-forms', 'regulations') or 'mkdocs.yml'
    description: str  # Dutch: what changes (automatic) or what the editor does (by hand)
    places: Callable[[Any], list[PathKey]]  # where a record (or the plugin settings) has the old form
    rewrite: Rewrite | None = None  # None: only a person can make this change
    todo: str = ""  # Dutch: what a person still does after the automatic change


def _services(data: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    services = data.get("diensten")
    return [(i, s) for i, s in enumerate(services or []) if isinstance(s, dict)]


def _one_line_steps(data: dict[str, Any]) -> list[PathKey]:
    return [
        ("diensten", i, "volgende_stap")
        for i, service in _services(data)
        if isinstance(service.get("volgende_stap"), str) and service["volgende_stap"].strip()
    ]


def _no_indication(data: dict[str, Any]) -> list[PathKey]:
    return [("diensten", i) for i, service in _services(data) if service.get("indicatie") is None]


def _old_consultant(options: dict[str, Any]) -> list[PathKey]:
    value = options.get("consultant")
    reference = isinstance(value, str) and re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", value)
    return [] if value is None or reference else [("consultant",)]


STEPS = [
    Step(
        "volgende_stap",
        "providers",
        "'volgende_stap' is nu een blok; de tekst staat onder 'tekst'.",
        _one_line_steps,
        wrap_in("tekst"),
        todo="Vul zelf 'door' in: wie de mantelzorger belt (aanbieder, consulent of aanbieder-id/dienst-id).",
    ),
    Step("consultant", SETTINGS, CONSULTANT_HINT, _old_consultant),
    Step(
        "indicatie",
        "providers",
        "Nieuw, niet verplicht: 'indicatie' bij een dienst (nodig: nee, ja of soms; van wie). "
        "Vul het in waar u het weet; 'mantelkaart validate' waarschuwt zolang het ontbreekt.",
        _no_indication,
    ),
    Step(
        "report.email",
        SETTINGS,
        "Nieuw, niet verplicht: 'report.email' in mkdocs.yml, het adres voor 'Klopt er iets niet?'.",
        lambda options: [],
    ),
]


@dataclass
class Finding:
    """One place in one file: changed (automatic), or to be done by a person."""

    relpath: str
    line: int
    where: str  # the field, as validate names it
    message: str
    automatic: bool


@dataclass
class Outcome:
    """What ``migrate`` did, or would do with ``--controleer``."""

    changed: list[str] = field(default_factory=list)
    current: int = 0
    findings: list[Finding] = field(default_factory=list)
    trouble: list[Finding] = field(default_factory=list)


def migrate(config_file: Path, only: list[Path], dry_run: bool) -> Outcome:
    """Bring the records (all, or ``only`` these files) into the current format."""
    options = plugin_options(config_file)
    base = config_file.parent.resolve()
    data_dir = options.get("data_dir")
    root = (base / (data_dir if isinstance(data_dir, str) else ".")).resolve()
    outcome = Outcome()
    if not only:
        outcome.findings += _settings(config_file, options)
    for kind, path in _chosen(root, only, outcome):
        _record(root, kind, path, dry_run, outcome)
    return outcome


def _chosen(root: Path, only: list[Path], outcome: Outcome) -> list[tuple[str, Path]]:
    if not only:
        return [(kind, path) for kind, path in record_files(root) if path.suffix == ".yaml"]
    chosen = []
    for given in only:
        path = given.absolute()
        kind = path.parent.name
        if kind in KINDS and path.parent.resolve() == (root / kind).resolve() and path.suffix == ".yaml":
            chosen.append((kind, root / kind / path.name))
        else:
            folders = ", ".join(f"{k}/" for k in KINDS)
            message = f"Dit is geen record van deze site; migrate verandert alleen .yaml in {folders}."
            outcome.trouble.append(Finding(str(given), 0, "", message, False))
    return chosen


def _settings(config_file: Path, options: dict[str, Any]) -> list[Finding]:
    text = config_file.read_text(encoding="utf-8", errors="replace")
    findings = []
    for step in (s for s in STEPS if s.kind == SETTINGS):
        for place in step.places(options):
            name = str(place[-1])
            found = re.search(rf"^\s*{re.escape(name)}\s*:", text, re.MULTILINE)
            line = text.count("\n", 0, found.start()) + 1 if found else 0
            findings.append(Finding(SETTINGS, line, field_path(place), step.description, False))
    return findings


def _record(root: Path, kind: str, path: Path, dry_run: bool, outcome: Outcome) -> None:
    relpath = path.relative_to(root).as_posix()
    try:
        raw = read_bytes(path)
        text = text_of(raw)
        data = parse_text(text)
    except YamlTrouble as trouble:
        message = f"{trouble.message} {trouble.hint}".strip()
        outcome.trouble.append(Finding(relpath, trouble.line, "", message, False))
        return
    if not isinstance(data, dict):
        message = "Dit is geen record: er horen velden (naam: waarde) in. Zie de redactiehandleiding."
        outcome.trouble.append(Finding(relpath, 1, "", message, False))
        return
    document = Document(path, text, data)
    steps = [s for s in STEPS if s.kind == kind]
    for step in (s for s in steps if not s.rewrite):
        for place in step.places(data):
            line = document.position(place)[0]
            outcome.findings.append(Finding(relpath, line, field_path(place), step.description, False))
    planned = [(step, place) for step in steps if step.rewrite for place in step.places(data)]
    if not planned:
        outcome.current += 1
        return
    new_text, done = _rewritten(text, data, planned)
    for step, place, before, after in done:
        line = before if dry_run else after
        message = f"{step.description} {step.todo}".strip()
        outcome.findings.append(Finding(relpath, line, field_path(place), message, True))
    for step, place in planned:
        if not any(place == d[1] for d in done):
            message = f"Dit kan migrate niet veilig omzetten; doe het zelf. {step.description} {step.todo}"
            line = document.position(place)[0]
            outcome.findings.append(Finding(relpath, line, field_path(place), message.strip(), False))
    if not done:
        outcome.current += 1
        return
    outcome.changed.append(relpath)
    if not dry_run:
        try:
            _replace(path, new_text, raw.startswith(BOM))
        except OSError as error:
            outcome.changed.remove(relpath)
            message = f"Opslaan lukte niet ({error.strerror}); het bestand is niet veranderd."
            outcome.trouble.append(Finding(relpath, 0, "", message, False))


def _rewritten(
    text: str, data: dict[str, Any], planned: list[tuple[Step, PathKey]]
) -> tuple[str, list[tuple[Step, PathKey, int, int]]]:
    """The new text and what was done (step, place, line before and after). Each attempt is
    checked by reading the new text back: as written first, else as double-quoted text."""
    for faithful in (True, False):
        try:
            edit = RecordText(text)
        except (yaml.YAMLError, EditRefused):
            return text, []
        expected = copy.deepcopy(data)
        done = []
        for step, place in planned:
            assert step.rewrite is not None
            try:
                step.rewrite.text(edit, place, faithful)
            except EditRefused:
                continue
            *parents, last = place
            owner = expected
            for part in parents:
                owner = owner[part]
            owner[last] = step.rewrite.value(owner[last])
            done.append((step, place, edit.line(place)))
        new_text = edit.result()
        try:
            if parse_text(new_text) == expected:
                return new_text, [(s, p, line, edit.line_after(line)) for s, p, line in done]
        except YamlTrouble:
            pass
    return text, []


def _replace(path: Path, text: str, bom: bool) -> None:
    """Write ``text`` to a hidden file beside ``path`` and swap it in: never half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".nieuw")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write((BOM if bom else b"") + text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def report(outcome: Outcome, dry_run: bool, shown: int = 20) -> str:
    """The Dutch report: per file what changed, then what a person must do, then a summary."""
    lines = []
    for relpath in outcome.changed:
        lines.append(f"{relpath}: {'moet worden bijgewerkt' if dry_run else 'bijgewerkt'}")
        for item in (f for f in outcome.findings if f.automatic and f.relpath == relpath):
            lines.append(f"  regel {item.line}, {item.where}: {item.message}")
    manual = [f for f in outcome.findings if not f.automatic]
    if manual:
        lines.append("Niet automatisch (doe dit zelf):")
        by_message: dict[str, list[Finding]] = {}
        for item in manual:
            by_message.setdefault(item.message, []).append(item)
        for message, items in by_message.items():
            lines.append(f"  {message}")
            lines += [f"    {f.relpath}, regel {f.line}: {f.where}" for f in items[:shown]]
            if len(items) > shown:
                lines.append(f"    … en nog {len(items) - shown} (zie 'mantelkaart validate')")
    for item in outcome.trouble:
        at = f", regel {item.line}" if item.line else ""
        lines.append(f"{item.relpath}{at}: {item.message} Dit bestand is niet veranderd.")
    files = count(len(outcome.changed), "bestand", "bestanden")
    if not outcome.changed and outcome.trouble:
        skipped = count(len(outcome.trouble), "bestand", "bestanden")
        lines.append(f"{skipped} overgeslagen (zie hierboven); verder is er niets om te zetten.")
    elif not outcome.changed:
        lines.append("Alle records hebben de huidige vorm; er is niets veranderd.")
    elif dry_run:
        verb = "moet" if len(outcome.changed) == 1 else "moeten"
        lines.append(f"{files} {verb} worden bijgewerkt: voer 'mantelkaart migrate' uit.")
    else:
        lines.append(f"{files} bijgewerkt, {count(outcome.current, 'record', 'records')} al in orde.")
        if any(f.automatic for f in outcome.findings):
            lines.append("Kijk de bijgewerkte bestanden na en controleer ze met 'mantelkaart validate'.")
    return "\n".join(lines)


def exit_code(outcome: Outcome, dry_run: bool) -> int:
    """1 when a file could not be read or changed, or (``--controleer``) when one would change."""
    return 1 if outcome.trouble or (dry_run and outcome.changed) else 0
