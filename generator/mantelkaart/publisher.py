"""Atomic site builds: build into a fresh folder, swap it in only on success.

A failed build (bad records, a MkDocs warning under ``--strict``, a crash in a
theme) leaves the previous site exactly as it was.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from mantelkaart.build import scratch


class BuildFailed(Exception):
    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


class BuildInterrupted(BuildFailed):
    """Ctrl-C or SIGTERM during the build: nothing was published."""

    def __init__(self) -> None:
        super().__init__("Het bouwen is afgebroken.")


@contextlib.contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """SIGTERM stops the build like Ctrl-C, so its scratch folders are removed on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _tidy(config: Any, error: BaseException) -> None:
    """MkDocs tells plugins of ordinary errors only; after Ctrl-C or a crash ours cleans up too."""
    plugin = config.plugins.get("mantelkaart") if hasattr(config, "plugins") else None
    if plugin is not None:
        with contextlib.suppress(Exception):
            plugin.on_build_error(error if isinstance(error, Exception) else RuntimeError("afgebroken"))


def _crash_report(config: Any, error: Exception) -> str:
    """A Dutch message naming the page (and record) being made when the build broke."""
    plugin = config.plugins.get("mantelkaart") if hasattr(config, "plugins") else None
    where = getattr(plugin, "current_page", None)
    about = f" bij de pagina {where}" if where else ""
    return (
        f"Er ging iets mis bij het maken van de site{about}: {type(error).__name__}: {error}\n"
        "Controleer dat record, of meld dit aan de beheerder van Mantelkaart."
    )


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(
    config_file: Path, site_dir: Path | None = None, strict: bool = False, region: str | None = None
) -> Path:
    """Build the site for ``config_file`` (for one of its regions alone: ``region``, as the
    plugin option ``build_region``); returns the published folder."""
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
        if region is not None:
            plugin = config.plugins.get("mantelkaart")
            if plugin is None:
                raise BuildFailed(f"In {config_file} staat de plugin 'mantelkaart' niet onder 'plugins'.")
            plugin.config["build_region"] = region
        target = Path(site_dir or config.site_dir).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        for prefix, folder in ((f".{target.name}-nieuw-", target.parent), ("mantelkaart-", None)):
            scratch.clean(prefix, folder)  # what builds killed before left behind
        staging = scratch.make(f".{target.name}-nieuw-", target.parent)
        config.site_dir = str(staging)
        with _stopped_by_sigterm():
            try:
                build(config)
            except (PluginError, Abort, ConfigurationError) as error:
                raise BuildFailed("\n".join([*collector.messages, str(error)])) from None
            except KeyboardInterrupt as error:
                _tidy(config, error)
                raise BuildInterrupted() from None
            except Exception as error:  # a page that could not be rendered: say which, not a traceback
                _tidy(config, error)
                raise BuildFailed(_crash_report(config, error)) from None
        if strict and collector.messages:
            raise BuildFailed("Waarschuwingen (--strict):\n" + "\n".join(collector.messages))
        scratch.release(staging)
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
