"""Making a site's outputs on two cores.

MkDocs renders on one core. For 5,000 providers, making the outputs takes about
30 s of a three-minute build (page sources ~17 s, finder data ~6 s, open data
~5 s). With a second core, a forked copy of this process makes part of them while
this one makes the rest:

* here: every record page but the offers' own (lists of thousands of offers);
* there: everything the other producers make (finder, map, open data, reports …).
  Files it makes are written into a staging folder and come back as
  :class:`StagedFile` paths, so 140 MB of exports need not cross a pipe;
* then both make offer pages, a chunk at a time from a shared counter, until none
  are left; the copy's pages come back whole. So both cores finish at about the same
  time, whatever the shape of the data.

:func:`produce` yields what :func:`mantelkaart.build.outputs.site_outputs` yields, in the
same order, so the site is byte for byte the same. If the copy fails in any way,
this process makes its share itself; a real error then surfaces here, as it would
have without the copy. The copy is only forked when :func:`cores.may_fork` and
``MANTELKAART_PARALLEL`` is not ``never`` (``always`` forks even on one core, for tests).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mantelkaart.build.outputs import PRODUCERS, record_pages, site_outputs
from mantelkaart.core import cores
from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.site.page_kinds import offer_pages, other_pages
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Output, OutputFile, SiteContext

PARALLEL_FROM = 1000  # offers; below this, forking costs more than it saves
CHUNK = 100  # offer pages are shared out in chunks of this many
SETTING = "MANTELKAART_PARALLEL"  # "auto" (default), "always" or "never"


@dataclass(frozen=True)
class StagedFile:
    """A file for the site, already written to disk."""

    path: str  # where it goes in the site
    source: str  # where it is now


def parallel_wanted(catalogue: Catalogue) -> bool:
    """Whether :func:`produce` should fork a copy for ``catalogue``."""
    setting = os.environ.get(SETTING, "auto")
    if setting == "never":
        return False
    if setting == "always":
        return cores.may_fork(one_core_too=True)
    return len(catalogue.offers) >= PARALLEL_FROM and cores.may_fork()


def produce(
    catalogue: Catalogue, context: SiteContext, staging: Path | None
) -> Iterator[Output | StagedFile]:
    """Every output of the site; with a ``staging`` folder, on two cores."""
    if staging is None:
        yield from site_outputs(catalogue, context)
        return
    assert PRODUCERS[0] is record_pages, "the copy makes everything after the record pages"
    offers = catalogue.offers
    chunks = [offers[start : start + CHUNK] for start in range(0, len(offers), CHUNK)]
    copy = cores.Copy(lambda counter: _their_share(catalogue, context, chunks, counter, staging))
    try:
        maker = PageMaker(catalogue, context.site_url)
        rest = list(other_pages(maker))
        made = {
            number: list(offer_pages(maker, chunks[number]))
            for number in cores.claims(copy.counter, len(chunks))
        }
        answer = copy.result()
    finally:
        copy.close()
    if answer is None:  # the copy failed: its outputs are made here
        answer = {}, [output for producer in PRODUCERS[1:] for output in producer(catalogue, context)]
    theirs, their_outputs = answer
    made.update(theirs)
    for number, chunk in enumerate(chunks):
        yield from made[number] if number in made else offer_pages(maker, chunk)  # the copy's, if it failed
    yield from rest
    yield from their_outputs


def _their_share(
    catalogue: Catalogue, context: SiteContext, chunks: list[list[Offer]], counter: Any, staging: Path
) -> tuple[dict[int, list[Output]], list[Output | StagedFile]]:
    """In the copy: the other producers first, then offer pages until none are left."""
    outputs = [
        _staged(output, staging) if isinstance(output, OutputFile) else output
        for producer in PRODUCERS[1:]
        for output in producer(catalogue, context)
    ]
    maker = PageMaker(catalogue, context.site_url)
    pages = {
        number: list(offer_pages(maker, chunks[number])) for number in cores.claims(counter, len(chunks))
    }
    return pages, outputs


def _staged(output: OutputFile, staging: Path) -> StagedFile:
    target = staging / output.path
    target.parent.mkdir(parents=True, exist_ok=True)
    content = output.content
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return StagedFile(output.path, str(target))
