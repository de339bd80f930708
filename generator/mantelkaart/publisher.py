"""Atomic site builds: build into a fresh folder, swap it in only on success.

A failed build (bad records, a MkDocs warning under ``--strict``, a crash in a
theme) leaves the previous site exactly as it was.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError


class BuildFailed(Exception):
    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = False) -> Path:
    """Build the site for ``config_file``; returns the published folder."""
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    staging: Path | None = None
    try:
        try:
            config = load_config(str(config_file), strict=strict)
        except (ConfigurationError, Abort, PluginError) as error:
            # MkDocs logs what is wrong (e.g. "Config value 'docs_dir': …") and raises "Aborted …"
            raise BuildFailed(
                "\n".join(["mkdocs.yml klopt niet:", *collector.messages, str(error)])
            ) from None
        target = Path(site_dir or config.site_dir).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-nieuw-", dir=target.parent))
        config.site_dir = str(staging)
        try:
            build(config)
        except (PluginError, Abort, ConfigurationError) as error:
            raise BuildFailed("\n".join([*collector.messages, str(error)])) from None
        if strict and collector.messages:
            raise BuildFailed("Waarschuwingen (--strict):\n" + "\n".join(collector.messages))
        _swap(staging, target)
        staging = None
        return target
    finally:
        logger.removeHandler(collector)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    """Replace ``target`` with ``staging`` using renames (one moment without a site at most)."""
    staging.chmod(0o755)
    if not target.exists():
        staging.rename(target)
        return
    retired = target.with_name(f".{target.name}-oud")
    if retired.exists():
        shutil.rmtree(retired)
    target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)
