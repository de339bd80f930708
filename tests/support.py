"""Shared helpers for tests that build sites (imported by test modules)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from mantelkaart.core.catalogue import Offer
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.finder import dutch
from mantelkaart.finder.search_index import SERVICE_FIELDS, Words, service_document, service_documents

TESTS = Path(__file__).parent
REPO = TESTS.parent
MINI = TESTS / "fixtures" / "mini"
TODAY = date(2026, 11, 23)


def load(folder: Path, today: date = TODAY) -> Dataset:
    config, root = site_config(folder / "mkdocs.yml")
    return Dataset.load(root, config, today=today)


def canonical_index(offers: list[Offer], words: Words | None = None) -> dict[str, Any]:
    """lunr's own serialization of the finder's service index (``finder/search_index.py`` shortens it);
    ``words`` as :func:`mantelkaart.finder.search_index.index_words` gives them for the site."""
    builder = dutch.builder()
    builder.ref("i")
    for name, boost in SERVICE_FIELDS:
        builder.field(name, boost=boost)
    documents = service_documents(offers, words) if words else [service_document(o) for o in offers]
    for ref, document in enumerate(documents):
        builder.add({"i": str(ref), **document})
    result: dict[str, Any] = builder.build().serialize()
    return result


def copy_site(source: Path, target: Path) -> Path:
    """Copy a site (records, docs, its own theme overrides if any, mkdocs.yml) into ``target``."""
    for name in ("providers", "respite-forms", "regulations", "vocabularies", "docs", "overrides"):
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    if (source / "keuzehulp.yaml").is_file():
        shutil.copy(source / "keuzehulp.yaml", target / "keuzehulp.yaml")
    return target


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def run_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
