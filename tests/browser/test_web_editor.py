"""The web editor for real: Decap CMS at /admin/ in Chromium, saving through decap-server.

decap-server (npm, the local backend Decap CMS talks to instead of GitHub) runs on a
free loopback port over a temporary git copy of the example site; the site is built
with ``cms.local_backend`` pointing at it. With the editorial workflow, decap-server
saves each change on its own branch ``cms/<collection>/<slug>`` (on GitHub: a pull
request); publishing merges that branch into ``main``.
"""

from __future__ import annotations

import difflib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from browsing import serve

from mantelkaart.cms import cms_config
from mantelkaart.mkdocs_yml import site_config
from mantelkaart.vocabulary import Vocabularies

from support import REPO, copy_site, run_cli

DECAP_SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"
RECORD = "providers/het-parkhuis.yaml"
OLD_PHONE, NEW_PHONE = "078 000 0107", "078 000 0199"
BRANCH = "cms/providers/het-parkhuis"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", "-C", str(repo)]
    return subprocess.run([*command, *args], check=True, capture_output=True, text=True).stdout


@dataclass
class Editor:
    repo: Path
    admin_url: str


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    if not DECAP_SERVER.exists():
        pytest.skip("node_modules/decap-server is missing (npm ci)")
    port = free_port()
    repo = copy_site(REPO, tmp_path_factory.mktemp("cms") / "repo")
    shutil.copytree(REPO / "schema", repo / "schema")
    settings = repo / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    backend = f"  - mantelkaart:\n      cms:\n        local_backend: http://127.0.0.1:{port}/api/v1\n"
    settings.write_text(text.replace("  - mantelkaart:\n", backend, 1), encoding="utf-8")
    git(repo.parent, "init", "-q", "-b", "main", str(repo))
    git(repo, "config", "user.name", "Redactie")  # decap-server commits as the repository's user
    git(repo, "config", "user.email", "redactie@example.org")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Voorbeeldsite")
    site = repo.parent / "site"  # outside the repository: decap-server commits with 'git add .'
    built = run_cli("build", "-d", str(site), cwd=repo)
    assert built.returncode == 0, built.stderr
    env = {
        **os.environ,
        "MODE": "git",
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "GIT_REPO_DIRECTORY": str(repo),
    }
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "decap-server did not start"
                time.sleep(0.2)
        url, http = serve(site)
        yield Editor(repo, url + "admin/")
        http.shutdown()
    finally:
        server.terminate()
        server.wait(timeout=10)


def open_record(page: Any, editor: Editor, slug: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(editor.admin_url)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{editor.admin_url}#/collections/providers/entries/{slug}")


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


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
