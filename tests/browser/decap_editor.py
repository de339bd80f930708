"""The web editor for real: the example site in a temporary git repository, decap-server over it.

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
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browsing import serve

from support import REPO, copy_site, run_cli

DECAP_SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"


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
    log: Path  # decap-server's output


@contextmanager
def running_editor(folder: Path) -> Iterator[Editor]:
    """The example site as a git repository in ``folder``/repo, built, served, with decap-server."""
    if not DECAP_SERVER.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the web editor tests, but node_modules/decap-server is missing (npm ci)")
        pytest.skip("node_modules/decap-server is missing (npm ci)")
    port = free_port()
    repo = copy_site(REPO, folder / "repo")
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
    # Its log goes to a file: a pipe nobody reads fills up after some saves and blocks the server.
    log = folder / "decap-server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            ["node", str(DECAP_SERVER)], env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, log.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "decap-server did not start"
                time.sleep(0.2)
        url, http = serve(site)
        try:
            yield Editor(repo, url + "admin/", log)
        finally:
            http.shutdown()
    finally:
        server.terminate()
        server.wait(timeout=10)


def log_in(page: Any, editor: Editor) -> None:
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(editor.admin_url)
    page.get_by_role("button", name="Inloggen").click()


def open_record(page: Any, editor: Editor, slug: str, collection: str = "providers") -> None:
    log_in(page, editor)
    page.goto(f"{editor.admin_url}#/collections/{collection}/entries/{slug}")


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]
