"""Outputs made on the second core while the renderer renders the pages.

Some files take long to make and nothing in the build reads them: the PDF folders (60–140 ms
each with WeasyPrint, plus 0.2 s to import it). A forked copy of this process makes them
into a staging folder while the pages are made, and :meth:`Background.finish` moves them
into the site at the end. The plugin starts it as soon as the records are loaded, so that
on a small site (two seconds of build) the folders are done before MkDocs is; on a large
site, whose build forks its own copy to make the pages on both cores, it starts once those
pages are made, beside MkDocs' rendering, which is then the longest part of the build. Where forking is not safe or useful (``mkdocs serve``, one core)
or the copy fails, this process makes them itself at the end: the same files either way.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mantelkaart.build import scratch
from mantelkaart.core import cores

if TYPE_CHECKING:
    from mantelkaart.core.catalogue import Catalogue
    from mantelkaart.site.site_output import OutputFile, SiteContext

Producer = Callable[["Catalogue", "SiteContext"], Iterable["OutputFile"]]


class Background:
    def __init__(self, producers: list[Producer], catalogue: Catalogue, context: SiteContext) -> None:
        self.producers = producers
        self.catalogue = catalogue
        self.context = context
        self.folder = scratch.make("mantelkaart-achtergrond-")
        self.copy: cores.Copy | None = cores.Copy(self._made) if producers and cores.may_fork() else None

    def _made(self, counter: Any = None) -> list[str]:
        paths = []
        for producer in self.producers:
            for output in producer(self.catalogue, self.context):
                target = self.folder / output.path
                target.parent.mkdir(parents=True, exist_ok=True)
                data = output.content if isinstance(output.content, bytes) else output.content.encode("utf-8")
                target.write_bytes(data)
                paths.append(output.path)
        return paths

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for the files (or make them here) and move them into ``site_dir``."""
        try:
            paths = None
            if self.copy is not None:
                paths = self.copy.result()
                self.copy.close()
                self.copy = None
            if paths is None:  # no copy, or it failed: make them here
                shutil.rmtree(self.folder, ignore_errors=True)
                self.folder = scratch.make("mantelkaart-achtergrond-")
                paths = self._made()
            for path in paths:
                target = site_dir / path
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(self.folder / path), str(target))
            return list(paths)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop the copy (a failed build) and remove the staging folder."""
        if self.copy is not None:
            self.copy.close()
            self.copy = None
        shutil.rmtree(self.folder, ignore_errors=True)
