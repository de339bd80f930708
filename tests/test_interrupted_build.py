"""Builds stopped by Ctrl-C, SIGTERM or SIGKILL leave the previous site and no debris behind,
and the second process never outlives the build (issue 14, 'Interruptions leave nothing behind')."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.synthetic import write_site
from support import tree_digest

PROVIDERS = 400  # a build of some seconds, so a signal lands in the middle of it


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_site(tmp_path_factory.mktemp("interrupted") / "site", PROVIDERS).folder
    done = subprocess.run(command(), cwd=site, env=environ(site), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return site


def command() -> list[str]:
    return [sys.executable, "-m", "mantelkaart.cli", "build"]


def environ(site: Path) -> dict[str, str]:
    scratch = site.parent / "tmp"
    scratch.mkdir(exist_ok=True)
    return {
        **os.environ,
        "TMPDIR": str(scratch),
        "MANTELKAART_PARALLEL": "always",
        "NO_MKDOCS_2_WARNING": "1",
    }


def debris(site: Path) -> list[str]:
    beside = [p.name for p in site.iterdir() if p.name.startswith((".site-nieuw-", ".site-oud"))]
    scratch = [p.name for p in (site.parent / "tmp").iterdir() if p.name.startswith("mantelkaart-")]
    return beside + scratch


def start(site: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command(), cwd=site, env=environ(site), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_for_staging(site: Path, process: subprocess.Popen[str], seconds: float) -> None:
    """Until the build has made its staging folder, then ``seconds`` longer."""
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".site-nieuw-") for p in site.iterdir()):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(seconds)
    assert process.poll() is None, "the build ended before the signal; make the site larger"


@pytest.mark.parametrize(
    ("how", "after"), [(signal.SIGINT, 0.2), (signal.SIGINT, 2.5), (signal.SIGTERM, 1.5)]
)
def test_ctrl_c_or_sigterm_keep_the_previous_site_and_leave_nothing(
    built: Path, how: signal.Signals, after: float
) -> None:
    before = tree_digest(built / "site")
    process = start(built)
    wait_for_staging(built, process, after)
    process.send_signal(how)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "afgebroken" in err and "vorige site is niet veranderd" in err
    assert "Traceback" not in err
    assert tree_digest(built / "site") == before
    assert debris(built) == []


def test_a_killed_build_orphans_nothing_and_the_next_build_cleans_up(built: Path) -> None:
    before = tree_digest(built / "site")
    process = start(built)
    wait_for_staging(built, process, 2.0)
    process.kill()
    start_wait = time.monotonic()
    process.stdout.read()  # type: ignore[union-attr]  # EOF only when no copy holds the pipe open
    assert time.monotonic() - start_wait < 10
    process.wait(timeout=10)
    assert tree_digest(built / "site") == before
    assert debris(built)  # SIGKILL leaves its folders …
    again = subprocess.run(command(), cwd=built, env=environ(built), capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert debris(built) == []  # … and the next build removes them
