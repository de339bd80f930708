"""The Nu Html Checker (vnu.jar from npm's vnu-jar, run with Java) finds no error on any page.

Java is installed by ./dev test (Debian's default-jre-headless, as root); outside CI the test
is skipped with a reason when it is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from support import REPO, copy_site, run_cli

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _java() -> str:
    java = shutil.which("java")
    missing = None if java else "java is not installed (apt-get install default-jre-headless)"
    if not VNU.is_file():
        missing = "node_modules/vnu-jar is missing (npm ci)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Nu Html Checker, but {missing}")
        pytest.skip(missing)
    assert java
    return java


def check(java: str, files: list[Path]) -> list[dict[str, object]]:
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    return [message for message in report["messages"] if message["type"] != "info"]


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_site(REPO, tmp_path_factory.mktemp("vnu"))
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def test_every_page_of_the_example_site_is_valid_html(example_site: Path) -> None:
    java = _java()
    pages = sorted(example_site.rglob("*.html"))
    assert (
        len(pages) > 100 and example_site / "404.html" in pages and example_site / "admin/index.html" in pages
    )
    problems = check(java, pages)
    assert problems == [], "\n".join(
        f"{str(m.get('url', '')).removeprefix('file:')}:{m.get('lastLine')}: {m['message']}" for m in problems
    )


def test_the_checker_does_find_errors(tmp_path: Path) -> None:
    """The check above can fail: the theme's checkbox with autocomplete is an error to vnu."""
    java = _java()
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>x</title></head><body>'
        '<input type="checkbox" id="__drawer" autocomplete="off"></body></html>',
        encoding="utf-8",
    )
    problems = check(java, [page])
    assert [m["type"] for m in problems] == ["error"]
    assert "autocomplete" in str(problems[0]["message"])
