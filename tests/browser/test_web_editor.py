"""The web editor for real: Decap CMS at /admin/ in Chromium, saving through decap-server.

How decap-server and the example site are set up: tests/browser/decap_editor.py.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from decap_editor import Editor, changed_lines, git, open_record, running_editor

from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.editors.cms import cms_config

from support import REPO, run_cli

RECORD = "providers/het-parkhuis.yaml"
OLD_PHONE, NEW_PHONE = "078 000 0107", "078 000 0199"
BRANCH = "cms/providers/het-parkhuis"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    with running_editor(tmp_path_factory.mktemp("cms")) as running:
        yield running


def test_changing_a_phone_number_changes_one_line_and_stays_valid(page: Any, editor: Editor) -> None:
    original = (editor.repo / RECORD).read_text(encoding="utf-8")
    page.on("dialog", lambda dialog: dialog.accept())  # "Weet u zeker dat u dit item wil publiceren?"
    open_record(page, editor, "het-parkhuis")

    phone = page.locator(f'input[value="{OLD_PHONE}"]')
    phone.wait_for(state="attached")
    phone.fill(NEW_PHONE)  # the provider's own number, not inside a folded list item
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Status: Concept").wait_for()

    # Saved as a proposal: on its own branch, main and the file on disk are untouched.
    assert BRANCH in git(editor.repo, "branch", "--list")
    proposed = git(editor.repo, "show", f"{BRANCH}:{RECORD}")
    assert changed_lines(original, proposed) == [
        f"-  telefoon: {OLD_PHONE}",
        f"+  telefoon: {NEW_PHONE}",
    ]
    assert (editor.repo / RECORD).read_text(encoding="utf-8") == original
    assert (
        git(editor.repo, "log", "-1", "--format=%s", BRANCH).strip()
        == "Bijgewerkt in Aanbieder: het-parkhuis"
    )

    # Approve and publish: the branch is merged, the file on disk changes in that one line.
    page.get_by_text("Status: Concept").click()
    page.get_by_role("menuitem", name="Klaar").click()
    page.get_by_text("Status: Klaar").wait_for()
    page.get_by_role("button", name="Publiceer", exact=True).click()
    page.get_by_role("menuitem", name="Publiceer nu").click()
    deadline = time.monotonic() + 30
    while (editor.repo / RECORD).read_text(encoding="utf-8") == original or BRANCH in git(
        editor.repo, "branch", "--list"
    ):  # decap-server merges the branch, then deletes it
        assert time.monotonic() < deadline, "publishing did not reach main"
        time.sleep(0.2)
    published = (editor.repo / RECORD).read_text(encoding="utf-8")
    assert changed_lines(original, published) == [
        f"-  telefoon: {OLD_PHONE}",
        f"+  telefoon: {NEW_PHONE}",
    ]

    result = run_cli("validate", "--strict", cwd=editor.repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert page.outside_requests == []


def test_published_editor_files(example_site: Path) -> None:
    """The production build: config generated from the schema, Decap and yaml self-hosted."""
    admin = example_site / "admin"
    config, root = site_config(REPO / "mkdocs.yml")
    expected = cms_config(
        Vocabularies.load(root / "vocabularies"), config, "https://example.org/mantelkaart/"
    )
    assert yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8")) == expected
    bundle = REPO / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
    assert (admin / "decap-cms.js").read_bytes() == bundle.read_bytes()
    assert (admin / "yaml" / "index.js").is_file() and (admin / "yaml" / "dist" / "index.js").is_file()
    index = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in index
    assert "http" not in index.replace("http-equiv", "")  # every script is local
    for name in ("provider.json", "respite-form.json", "regulation.json"):
        assert (example_site / "schema" / name).read_bytes() == (REPO / "schema" / name).read_bytes()
