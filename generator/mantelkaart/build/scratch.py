"""Scratch folders of a build, and the leftovers of builds that were killed.

A build stages its work in folders of its own (the new site beside the old one, files made
on the second core in the temporary folder). Each holds the id of the process that made it;
a later build removes the folders whose process is gone, so a build stopped by SIGKILL
leaves nothing behind for long. A running build's folders are left alone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

OWNER = ".eigenaar"  # the process id of the build that made the folder


def make(prefix: str, folder: Path | None = None) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=folder))
    (path / OWNER).write_text(str(os.getpid()), encoding="ascii")
    return path


def release(path: Path) -> None:
    """The folder is the build's result now (a published site keeps no owner file)."""
    (path / OWNER).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def clean(prefix: str, folder: Path | None = None) -> list[Path]:
    """Remove the ``prefix*`` folders in ``folder`` (default: the temporary folder) whose
    build is no longer running; returns what was removed."""
    base = Path(folder or tempfile.gettempdir())
    removed: list[Path] = []
    try:
        candidates = [
            p for p in base.iterdir() if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink()
        ]
    except OSError:
        return removed
    for path in candidates:
        try:
            pid = int((path / OWNER).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            continue  # not ours, or from before owner files: leave it
        if pid != os.getpid() and not _alive(pid):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed
