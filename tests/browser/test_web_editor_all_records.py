"""Every example record opens in the web editor, takes a change in one field and saves.

One Chromium page and one decap-server for all records: each record is opened, its name
changed and saved; the save lands on the record's own branch (``cms/<kind>/<slug>``, a
pull request on GitHub) and must differ from the record in exactly that line, with the
``yaml-language-server`` line on top kept. Then every saved record together passes
``mantelkaart validate --strict``. Optional parts a record leaves out (a service without
``gecontroleerd``, ``indicatie`` or ``voor_wie``) must not block the save (decap-cms
issues #2103 and #7748; see docs-dev/web-editor.md).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from browsing import axe_violations, describe
from decap_editor import Editor, changed_lines, git, log_in, open_record, running_editor

from mantelkaart.core.records import KINDS
from mantelkaart.editors.json_schema import schema_comment

from support import REPO, run_cli

RECORDS = [(kind, path.stem) for kind in KINDS for path in sorted((REPO / kind).glob("*.yaml"))]
SUFFIX = " (bijgewerkt)"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    with running_editor(tmp_path_factory.mktemp("cms-all")) as running:
        yield running


def record_name(path: Path) -> str:
    return str(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["naam"])


def save_new_name(page: Any, editor: Editor, kind: str, slug: str) -> str:
    """Open the record, add SUFFIX to its name, save; returns what went wrong, or ''."""
    name = record_name(editor.repo / kind / f"{slug}.yaml")
    # A fresh load per record: Decap keeps the open entry when only the address's # part
    # changes, and going by way of the list let a save hang now and then on a busy machine.
    page.goto(f"{editor.admin_url}?record={kind}-{slug}#/collections/{kind}/entries/{slug}")
    field = page.locator('input[id^="naam-field-"]').first
    try:
        page.wait_for_function(
            "name => { const f = document.querySelector('input[id^=\"naam-field-\"]'); return f && f.value === name; }",
            arg=name,
            timeout=30000,
        )
    except Exception:
        return "the record did not open"
    field.fill(name + SUFFIX)
    page.get_by_role("button", name="Opslaan").click()
    branch = f"cms/{kind}/{slug}"
    deadline = time.monotonic() + 30
    while branch not in git(editor.repo, "branch", "--list"):
        if time.monotonic() > deadline:
            errors = page.locator('[class*="ControlErrorsList"] li').all_text_contents()
            return f"not saved: {errors or page.locator('body').inner_text()[:300]}"
        time.sleep(0.1)
    page.get_by_text("Status: Concept").wait_for()
    page.wait_for_load_state("networkidle")  # Decap reads the saved entry back
    return ""


def test_every_example_record_saves_with_a_one_line_change(page: Any, editor: Editor) -> None:
    assert len(RECORDS) >= 30
    page.on("dialog", lambda dialog: dialog.accept())
    trouble: list[str] = []  # what the browser saw go wrong, shown if a record does not save
    page.on("console", lambda message: trouble.append(message.text) if message.type == "error" else None)
    page.on(
        "response",
        lambda response: (
            trouble.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    page.on("requestfailed", lambda request: trouble.append(f"failed: {request.url} {request.failure}"))
    log_in(page, editor)
    failures = {}
    for kind, slug in RECORDS:
        problem = save_new_name(page, editor, kind, slug)
        if problem.startswith(("not saved", "the record did not open")) and f"cms/{kind}/{slug}" not in git(
            editor.repo, "branch", "--list"
        ):
            # decap-server now and then leaves a save hanging, or an entry unloaded for 30 s, on a
            # loaded machine: one fresh try; a record Decap refuses or cannot open fails both times.
            problem = save_new_name(page, editor, kind, slug)
        if problem:
            failures[f"{kind}/{slug}"] = problem[:200]
    assert failures == {}, "\n".join(trouble[-20:])

    for kind, slug in RECORDS:
        file = f"{kind}/{slug}.yaml"
        original = (editor.repo / file).read_text(encoding="utf-8")
        saved = git(editor.repo, "show", f"cms/{kind}/{slug}:{file}")
        name = record_name(editor.repo / file)
        lines = changed_lines(original, saved)
        assert len(lines) == 2 and lines[0] == f"-{original.splitlines()[1]}", (file, lines)
        assert yaml.load(lines[1][1:], Loader=yaml.BaseLoader) == {"naam": name + SUFFIX}, (file, lines)
        assert saved.splitlines()[0] == f"# {schema_comment(kind)}", file  # the modeline stays on top
        assert (
            git(editor.repo, "log", "-1", "--format=%s", f"cms/{kind}/{slug}")
            .strip()
            .startswith("Bijgewerkt in ")
        )
        (editor.repo / file).write_text(saved, encoding="utf-8")  # as if every change were published

    result = run_cli("validate", "--strict", cwd=editor.repo)
    assert result.returncode == 0, result.stdout + result.stderr
    git(editor.repo, "checkout", "-q", "--", ".")
    assert page.outside_requests == []


def test_a_new_record_starts_without_empty_items(page: Any, editor: Editor) -> None:
    """A new provider has no pre-made location or service whose empty fields would block saving."""
    log_in(page, editor)
    page.goto(f"{editor.admin_url}#/collections/providers/new")
    page.locator('input[id^="naam-field-"]').first.wait_for()
    assert page.locator('[class*="SortableListItem"]').count() == 0
    page.locator('input[id^="naam-field-"]').first.fill("Zorgboerderij De Test")
    page.get_by_role("button", name="Opslaan").click()
    page.locator('[class*="ControlErrorsList"] li').first.wait_for()
    errors = page.locator('[class*="ControlErrorsList"] li').all_text_contents()
    # Only the provider's own required fields are asked for, none of a location or a service.
    assert errors and all(error.split(" is ")[0] in {"Naam", "Soort", "Op", "Door"} for error in errors), (
        errors
    )
    assert len(errors) <= 4, errors


def test_the_editor_with_a_record_open_is_accessible(page: Any, editor: Editor) -> None:
    """axe on the form with folded list items (every icon button has a Dutch name), and after a save."""
    open_record(page, editor, "de-mantelaar")
    page.locator('input[value="078 000 0101"]').wait_for(state="attached")
    page.wait_for_function("() => document.querySelector('[class*=\"TopBar\"] > button[aria-label]')")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    names = page.evaluate(
        "() => [...document.querySelectorAll('[class*=\"TopBar\"] > [aria-label]')]"
        ".map(b => b.getAttribute('aria-label'))"
    )
    assert "Verwijder: kantoor: Dordrecht" in names
    assert "Open of sluit: kantoor: Dordrecht" in names
    assert "Verplaats: kantoor: Dordrecht" in names
    assert "Verwijder: Vervangende mantelzorg aan huis" in names
    assert page.get_by_role("button", name="Verwijder: Vervangende mantelzorg aan huis").count() == 1

    # After a save: the message "Item opgeslagen" and the status and publish controls.
    page.locator('input[value="078 000 0101"]').fill("078 000 0191")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Status: Concept").wait_for()
    page.locator(".Toastify__toast").first.wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
