"""The GitHub workflows: linted with actionlint (jactionlint, with shellcheck), and wired
to the tested commands (validate, build, changes, stale) and the official Pages actions."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from recordkit import dump, provider, write_site

from mantelkaart.editors.changes import MARKER
from mantelkaart.editors.report import STALE_MARKER

from support import REPO, run_cli

WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("jactionlint", path=str(BIN)) or shutil.which("jactionlint")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("jactionlint is missing: pip install -e '.[dev]'")
        pytest.skip("jactionlint is missing (pip install -e '.[dev]')")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # shellcheck from the venv
    # The correctness profile is what actionlint checks; online checks would ask GitHub's API.
    command = [binary, "--no-online", "--no-color", "--profile", "correctness", *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO)


def workflow(name: str) -> dict[Any, Any]:
    return dict(yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8")))


def steps(name: str) -> list[dict[str, Any]]:
    return [step for job in workflow(name)["jobs"].values() for step in job.get("steps", [])]


def test_workflows_pass_actionlint() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == [
        "publish.yml",
        "pull-request.yml",
        "regions.yml",
        "release.yml",
        "verification.yml",
    ]
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_mistakes(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yml"
    broken.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.titel }}\n"
        '      - run: for f in $(ls *.yaml); do echo "$f"; done\n',
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode != 0
    assert "titel" in result.stdout  # a property that does not exist
    assert "SC2045" in result.stdout  # shellcheck runs on 'run:' scripts


def test_pull_request_workflow_checks_builds_and_comments() -> None:
    assert "pull_request" in workflow("pull-request.yml")[True]  # YAML 1.1 reads 'on' as True
    runs = "\n".join(step.get("run", "") for step in steps("pull-request.yml"))
    assert "mantelkaart validate --format github" in runs
    assert "mantelkaart build" in runs
    assert 'mantelkaart changes "$BASE"' in runs and "--preview-url" in runs
    script = next(
        s["with"]["script"] for s in steps("pull-request.yml") if "github-script" in s.get("uses", "")
    )
    assert MARKER in script  # the comment is found again and updated, not repeated
    uses = [s.get("uses", "") for s in steps("pull-request.yml")]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)


def test_publish_workflow_deploys_to_pages() -> None:
    data = workflow("publish.yml")
    assert data[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for s in steps("publish.yml")]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert data["jobs"]["publiceren"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "mantelkaart build -d site" in "\n".join(s.get("run", "") for s in steps("publish.yml"))


def test_regions_workflow_builds_a_matrix_of_regions_and_publishes_them_together() -> None:
    data = workflow("regions.yml")
    jobs = data["jobs"]
    assert data[True]["push"]["branches"] == ["main"]
    # The matrix is the list `mantelkaart regions` prints (tests/test_national.py runs it).
    listing = jobs["regios"]
    assert 'echo "regios=$(mantelkaart regions)" >> "$GITHUB_OUTPUT"' in [
        s.get("run") for s in listing["steps"]
    ]
    assert listing["outputs"]["regios"] == "${{ steps.lijst.outputs.regios }}"
    build = jobs["bouwen"]
    assert build["needs"] == "regios"
    assert build["strategy"]["matrix"]["regio"] == "${{ fromJSON(needs.regios.outputs.regios) }}"
    runs = "\n".join(s.get("run", "") for s in build["steps"])
    assert 'mantelkaart build --regio "$REGIO" -d "site/$REGIO"' in runs
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "regio-${{ matrix.regio }}"
    # The publish job waits for every region's build (a matrix job is done when all are)
    # and refuses a tree with a region missing (`--voorpagina` checks each folder).
    merge = jobs["samenvoegen"]
    assert set(merge["needs"]) == {"regios", "bouwen"}
    download = next(s for s in merge["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["pattern"] == "regio-*"
    assert "mantelkaart regions --voorpagina site" in "\n".join(s.get("run", "") for s in merge["steps"])
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in merge["steps"])
    assert jobs["publiceren"]["needs"] == "samenvoegen"
    # Least permissions: only deploying writes, nothing else does.
    assert data["permissions"] == {}
    for name, job in jobs.items():
        expected = {"pages": "write", "id-token": "write"} if name == "publiceren" else {"contents": "read"}
        assert job["permissions"] == expected, name
    # One of the two publishes: the variable switches publish.yml off and this one on.
    switch = "vars.MANTELKAART_PER_REGIO"
    assert jobs["regios"]["if"].startswith(f"{switch} == 'true'")
    assert workflow("publish.yml")["jobs"]["bouwen"]["if"] == f"{switch} != 'true'"
    assert data["concurrency"]["group"] == workflow("publish.yml")["concurrency"]["group"]


def test_weekly_workflow_reads_the_count_the_stale_command_writes(tmp_path: Path) -> None:
    data = workflow("verification.yml")
    assert data[True]["schedule"] == [{"cron": "0 6 * * 1"}]
    script = next(s["run"] for s in steps("verification.yml") if "gh issue" in s.get("run", ""))
    sed = re.search(r"sed -n '([^']*)' verouderd\.md", script)
    assert sed is not None and "mantelkaart stale > verouderd.md" in steps("verification.yml")[-2]["run"]
    old = provider(gecontroleerd={"op": "2025-01-02", "door": "Redactie"})
    root = write_site(tmp_path, {"providers/oud.yaml": dump(old)})
    output = run_cli("stale", "--today", "2026-11-23", cwd=root).stdout
    assert output.startswith(STALE_MARKER.format(count=1))
    count = subprocess.run(["sed", "-n", sed.group(1)], input=output, capture_output=True, text=True).stdout
    assert count.strip() == "1"


def zizmor(*paths: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("zizmor", path=str(BIN)) or shutil.which("zizmor")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("zizmor is missing: pip install -e '.[dev]'")
        pytest.skip("zizmor is missing (pip install -e '.[dev]')")
    command = [binary, "--offline", "--no-progress", "--format", "plain", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO)


def test_workflows_pass_zizmor_at_its_default_persona() -> None:
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_zizmor_finds_an_unpinned_action(tmp_path: Path) -> None:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "los.yml").write_text(
        "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n",
        encoding="utf-8",
    )
    result = zizmor(folder)
    assert result.returncode != 0 and "unpinned" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_on_the_node_24_runtime() -> None:
    for name in ("publish.yml", "pull-request.yml", "regions.yml", "verification.yml"):
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        uses = re.findall(r"uses: (\S+)(.*)", text)
        assert uses
        for action, comment in uses:
            assert re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", action), action
            assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}: the version it is pinned at"
        assert 'node-version: "20"' not in text
        assert "pip install --quiet -c constraints.txt" in text  # installs constrained


def test_a_pull_request_from_a_fork_is_checked_and_never_fails_for_a_comment() -> None:
    comment = next(s for s in steps("pull-request.yml") if "github-script" in s.get("uses", ""))
    assert comment["continue-on-error"] is True
    assert "github.event.pull_request.head.repo.full_name == github.repository" in comment["if"]
    runs = "\n".join(step.get("run", "") for step in steps("pull-request.yml"))
    assert '>> "$GITHUB_STEP_SUMMARY"' in runs  # the summary is always in the job summary
    setup = next(s for s in steps("pull-request.yml") if "setup-python" in s.get("uses", ""))
    assert setup["with"]["cache"] == "pip"


def test_dependabot_keeps_actions_pip_and_npm_current() -> None:
    data = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in data["updates"]} == {"github-actions", "pip", "npm"}
    assert (REPO / "constraints.txt").is_file()


STARTER = REPO / "generator" / "mantelkaart" / "starter" / "workflows"


def test_a_new_regions_workflows_pass_actionlint_and_zizmor(tmp_path: Path) -> None:
    """What `mantelkaart init` gives a region: the same checks, installed from requirements.txt."""
    files = sorted(STARTER.glob("*.yml"))
    assert len(files) == 3
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    folder = tmp_path / ".github" / "workflows"
    shutil.copytree(STARTER, folder)
    result = zizmor(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "npm" not in text and "setup-node" not in text
        assert "constraints.txt" not in text


def test_release_workflow_tests_the_wheel_and_publishes_only_when_switched_on() -> None:
    data = workflow("release.yml")
    assert data[True] == {"release": {"types": ["published"]}}
    runs = "\n".join(step.get("run", "") for step in steps("release.yml"))
    assert "python -m build" in runs and "npm ci" in runs  # the front-end files go into the wheel
    assert 'pip install --quiet -c constraints.txt "${wheel}[dev]"' in runs and "pytest" in runs
    assert "gh release upload" in runs
    jobs = data["jobs"]
    assert jobs["bouwen"]["permissions"] == {"contents": "read"}
    assert jobs["bijvoegen"]["permissions"] == {"contents": "write"}
    assert jobs["pypi"]["if"] == "vars.PYPI_PUBLISH == 'true'"
    assert jobs["pypi"]["permissions"] == {"id-token": "write"}
    for action in re.findall(r"uses: (\S+)", (WORKFLOWS / "release.yml").read_text(encoding="utf-8")):
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", action), action
