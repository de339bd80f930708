"""What a change (a pull request) does to the records, compared with a git revision.

``mantelkaart changes origin/main`` prints Markdown for a pull-request comment:
records added, changed and removed (for a provider also its services), records whose
contact, hours, cost or access changed without a new ``gecontroleerd`` date, the
errors and warnings in the changed files, and a link to the built preview.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mantelkaart.core.config import SiteConfig
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.loader import parse_text
from mantelkaart.core.problems import Problem, dutch_list
from mantelkaart.core.records import KINDS
from mantelkaart.core.validation import record_files
from mantelkaart.core.yaml_trouble import YamlTrouble
from mantelkaart.editors.markdown import code, escape

MARKER = "<!-- mantelkaart-changes -->"
KIND_LABELS = {"providers": "Aanbieder", "respite-forms": "Vorm van respijtzorg", "regulations": "Regeling"}
STATUS_TITLES = {"added": "Toegevoegd", "changed": "Gewijzigd", "removed": "Verwijderd"}


# Fields whose change means someone checked the record again (so 'gecontroleerd' should move):
# contact, hours, cost and access. A service without its own 'gecontroleerd' has the provider's.
CHECKED_FIELDS = {
    "providers": ("contact",),
    "diensten": ("contact", "openingstijden", "kosten", "toegang", "volgende_stap", "indicatie"),
    "regulations": ("bedrag", "uren", "voorwaarden", "aanvragen"),
    "respite-forms": ("betaling", "aanvragen"),
}


class ChangesError(Exception):
    """The comparison cannot be made; the message is Dutch."""


@dataclass
class RecordChange:
    kind: str
    relpath: str
    status: str  # added, changed, removed
    name: str
    fields: list[str] = field(default_factory=list)  # changed top-level fields
    services: list[tuple[str, str]] = field(default_factory=list)  # (status, service name)
    unverified: list[str] = field(default_factory=list)  # Markdown lines: changed, same 'gecontroleerd'


def _checked_on(data: Any) -> Any:
    verified = _get(data, "gecontroleerd")
    return _get(verified, "op")


def _changed(old: Any, new: Any, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if _get(old, name) != _get(new, name)]


def _unverified(kind: str, relpath: str, old: Any, new: Any) -> list[str]:
    """A line for the record, and for each of its services, whose contact, hours, cost or access
    changed while its 'gecontroleerd' date stayed the same."""
    lines = []
    where = code(relpath)
    fields = _changed(old, new, CHECKED_FIELDS[kind])
    moved = _checked_on(old) != _checked_on(new)
    if fields and not moved:
        at = " (bij de aanbieder)" if kind == "providers" else ""
        name = escape(_name(new, relpath.rpartition("/")[2].removesuffix(".yaml")))
        lines.append(f"- {KIND_LABELS[kind]} **{name}** ({where}): {_fresh(fields)}{at}.")
    if kind != "providers":
        return lines
    before = _by_id(old)
    for service_id, after in _by_id(new).items():
        if service_id not in before:
            continue
        fields = _changed(before[service_id], after, CHECKED_FIELDS["diensten"])
        own = _get(after, "gecontroleerd") is not None
        moved_here = _checked_on(before[service_id]) != _checked_on(after) if own else moved
        if fields and not moved_here:
            at = "bij de dienst" if own else "bij de dienst of de aanbieder"
            lines.append(
                f"- Dienst **{escape(_name(after, service_id))}** ({where}): {_fresh(fields)} ({at})."
            )
    return lines


def _fresh(fields: list[str]) -> str:
    said = dutch_list((code(name) for name in fields), "en")
    return f"{said} gewijzigd zonder nieuwe controledatum: zet 'gecontroleerd' op vandaag"


def _by_id(data: Any) -> dict[str, Any]:
    items = data.get("diensten") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return {}
    return {str(s.get("id")): s for s in items if isinstance(s, dict)}


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ChangesError("Het programma git is niet gevonden.") from None
    if result.returncode != 0:
        raise ChangesError(result.stderr.strip() or "git gaf een fout.")
    return result.stdout


def _base_files(root: Path, base: str) -> dict[str, str]:
    """Every record file at ``base``, by path relative to ``root``, with its text."""
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except ChangesError:
        raise ChangesError(
            f"De versie '{base}' bestaat niet in deze git-repository.",
        ) from None
    listing = _git(root, "ls-tree", "-r", "--name-only", base, "--", *KINDS)
    files = {}
    for relpath in listing.splitlines():
        if relpath.endswith(".yaml") and relpath.count("/") == 1:
            files[relpath] = _git(root, "show", f"{base}:./{relpath}")
    return files


def _parse(text: str) -> Any:
    try:
        return parse_text(text)
    except YamlTrouble:
        return None


def _name(data: Any, fallback: str) -> str:
    name = data.get("naam") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name.strip() else fallback


def _services(old: Any, new: Any) -> list[tuple[str, str]]:
    before, after = _by_id(old), _by_id(new)
    found = [("added", _name(after[i], i)) for i in after if i not in before]
    found += [("changed", _name(after[i], i)) for i in after if i in before and after[i] != before[i]]
    found += [("removed", _name(before[i], i)) for i in before if i not in after]
    return found


def record_changes(root: Path, base: str) -> list[RecordChange]:
    """Records added, changed and removed between ``base`` and the files in ``root``."""
    before = _base_files(root, base)
    after: dict[str, str] = {}
    for kind, path in record_files(root):
        if path.suffix == ".yaml" and path.is_file():
            after[f"{kind}/{path.name}"] = path.read_text(encoding="utf-8", errors="replace")
    changes = []
    for relpath in sorted(set(before) | set(after)):
        kind, name = relpath.split("/")
        fallback = name.removesuffix(".yaml")
        old = _parse(before[relpath]) if relpath in before else None
        new = _parse(after[relpath]) if relpath in after else None
        if relpath not in before:
            changes.append(RecordChange(kind, relpath, "added", _name(new, fallback)))
        elif relpath not in after:
            changes.append(RecordChange(kind, relpath, "removed", _name(old, fallback)))
        elif before[relpath] != after[relpath]:
            keys = [*(old if isinstance(old, dict) else {}), *(new if isinstance(new, dict) else {})]
            fields = list(dict.fromkeys(k for k in keys if _get(old, k) != _get(new, k)))
            change = RecordChange(kind, relpath, "changed", _name(new, _name(old, fallback)), fields)
            change.services = _services(old, new)
            change.unverified = _unverified(kind, relpath, old, new)
            changes.append(change)
    return changes


def _get(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _line(change: RecordChange) -> str:
    text = f"- {KIND_LABELS[change.kind]} **{escape(change.name)}** ({code(change.relpath)})"
    details = []
    if change.fields:
        details.append("velden " + ", ".join(code(f) for f in change.fields))
    for status, name in change.services:
        details.append(f"dienst {STATUS_TITLES[status].lower()}: {escape(name)}")
    if change.status == "changed" and not change.fields:
        details.append("alleen de opmaak")
    return text + (": " + "; ".join(details) if details else "")


def _problem_line(problem: Problem) -> str:
    where = code(f"{problem.file}:{problem.line}")
    subject = f"{escape(problem.field)}: " if problem.field else ""
    return f"- {where} {subject}{escape(problem.message)}"


def changes_markdown(
    changes: list[RecordChange], problems: list[Problem], base: str, preview_url: str | None = None
) -> str:
    counts = {status: sum(1 for c in changes if c.status == status) for status in STATUS_TITLES}
    lines = [MARKER, "## Wijzigingen in de records", ""]
    if not changes:
        lines.append(f"Deze wijziging verandert geen records (vergeleken met {code(base)}).")
    else:
        summary = ", ".join(f"{counts[s]} {STATUS_TITLES[s].lower()}" for s in STATUS_TITLES)
        lines.append(f"**{summary}** (vergeleken met {code(base)}).")
        for status, title in STATUS_TITLES.items():
            group = [c for c in changes if c.status == status]
            if group:
                lines += ["", f"### {title}", "", *(_line(c) for c in group)]
    unverified = [line for c in changes for line in c.unverified]
    if unverified:
        lines += ["", "### Controledatum", "", *unverified]
    touched = {c.relpath for c in changes if c.status != "removed"}
    errors = [p for p in problems if p.severity == "fout"]
    warnings = [p for p in problems if p.severity == "waarschuwing" and p.file in touched]
    lines += ["", "### Controle", ""]
    if not errors and not warnings:
        lines.append("Geen fouten en geen waarschuwingen in de gewijzigde records.")
    if errors:
        lines += [
            f"**{len(errors)} {'fout' if len(errors) == 1 else 'fouten'}**: de site wordt niet bijgewerkt.",
            "",
        ]
        lines += [_problem_line(p) for p in errors]
    if warnings:
        label = "waarschuwing" if len(warnings) == 1 else "waarschuwingen"
        lines += ["", f"{len(warnings)} {label} in de gewijzigde records:", ""]
        lines += [_problem_line(p) for p in warnings]
    if preview_url and preview_url.startswith("https://") and not set(preview_url) & set(" ()<>[]"):
        lines += [
            "",
            "### Voorbeeld",
            "",
            f"[Download de gebouwde site]({preview_url}) en open `index.html`.",
        ]
    return "\n".join(lines) + "\n"


def describe_changes(
    root: Path, config: SiteConfig, base: str, preview_url: str | None = None, today: date | None = None
) -> str:
    changes = record_changes(root, base)
    dataset = Dataset.load(root, config, today=today)
    return changes_markdown(changes, dataset.problems, base, preview_url)
