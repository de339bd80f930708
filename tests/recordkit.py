"""Shared helpers for record tests (import them from here; conftest.py only re-exports fixtures).

Records are built as plain dicts (the Dutch field names editors write), turned
into YAML text with :func:`dump`, and written into ``tmp_path`` together with a
``mkdocs.yml`` that configures the mantelkaart plugin. Tests then load the folder
exactly as ``mantelkaart validate`` does.
"""

from __future__ import annotations

import copy
import re
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from mantelkaart.core import fields, phones
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.problems import Problem

TODAY = date(2026, 11, 23)

MKDOCS_YML = """\
site_name: Testkaart
theme:
  name: material
plugins:
  - search
  - mantelkaart:
      region: Testregio
      stale_after_months: 12
      municipalities:
        dordrecht: Dordrecht
        zwijndrecht: Zwijndrecht
        papendrecht: Papendrecht
"""

VERIFIED = {"op": "2026-09-01", "door": "Respijtconsulent MEE"}


def provider(**changes: Any) -> dict[str, Any]:
    """A small valid provider (``gemeente-dordrecht``) with one location and one service."""
    data: dict[str, Any] = {
        "naam": "Gemeente Dordrecht",
        "soort": "gemeente",
        "samenvatting": "De gemeente helpt mantelzorgers.",
        "contact": {
            "telefoon": "078 000 0101",
            "email": "info@example.org",
            "website": "https://example.org",
        },
        "locaties": [
            {
                "id": "stadskantoor",
                "adres": "Spuiboulevard 300",
                "postcode": "3311 GR",
                "plaats": "Dordrecht",
                "coordinaten": {"breedtegraad": "51.8133", "lengtegraad": "4.6901"},
            }
        ],
        "diensten": [service()],
        "gecontroleerd": dict(VERIFIED),
    }
    data.update(changes)
    return data


def service(**changes: Any) -> dict[str, Any]:
    """A valid service for :func:`provider`."""
    data: dict[str, Any] = {
        "id": "logeeropvang",
        "naam": "Logeeropvang in het stadskantoor",
        "samenvatting": "Uw naaste logeert een paar dagen bij ons.",
        "functies": ["respijtzorg"],
        "respijtvorm": "logeeropvang",
        "doelgroepen": ["dementie"],
        "werkgebied": ["dordrecht"],
        "omgeving": "buitenshuis",
        "locaties": ["stadskantoor"],
        "kosten": {"betaald_door": ["wmo"]},
        "toegang": ["via-mantelzorgconsulent"],
        "volgende_stap": {"door": "aanbieder", "tekst": "Bel voor een kennismaking"},
        "indicatie": {"nodig": "nee"},
    }
    data.update(changes)
    return data


def respite_form(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "naam": "Logeeropvang",
        "samenvatting": "Uw naaste logeert een paar dagen ergens anders.",
        "uitleg": "Bij logeeropvang slaapt de persoon voor wie u zorgt ergens anders.",
        "omgeving": "buitenshuis",
        "duur": "Een weekend tot enkele weken per jaar",
        "betaling": [{"door": "wmo", "uitleg": "Vraag het aan bij de gemeente."}],
        "aanvragen": "Bel de respijtconsulent.",
        "gecontroleerd": dict(VERIFIED),
    }
    data.update(changes)
    return data


def regulation(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "naam": "Vervangende mantelzorg: 48 uur per jaar",
        "samenvatting": "De gemeente betaalt 48 uur per jaar iemand die de zorg overneemt.",
        "uitgever": "gemeente-dordrecht",
        "gemeenten": ["dordrecht"],
        "grondslag": "wmo",
        "wat_u_krijgt": "48 uur per jaar vervangende mantelzorg aan huis.",
        "voorwaarden": "U zorgt voor iemand die in Dordrecht woont.",
        "aanvragen": {"uitleg": "Bel de respijtconsulent.", "link": "https://example.org/aanvragen"},
        "respijtvormen": ["logeeropvang"],
        "functies": ["financiele-tegemoetkoming"],
        "gecontroleerd": dict(VERIFIED),
    }
    data.update(changes)
    return data


def dump(data: Any) -> str:
    """YAML text for a record dict, in the order the dict was written."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


BASE_FILES: dict[str, Callable[[], dict[str, Any]]] = {
    "providers/gemeente-dordrecht.yaml": provider,
    "respite-forms/logeeropvang.yaml": respite_form,
    "respite-forms/vervangende-mantelzorg-aan-huis.yaml": lambda: respite_form(
        naam="Vervangende mantelzorg aan huis", omgeving="thuis"
    ),
    "regulations/vervangende-mantelzorg.yaml": regulation,
}

Files = dict[str, "str | bytes | None"]


def write_site(root: Path, files: Files | None = None, base: bool = True) -> Path:
    """Write ``mkdocs.yml``, the valid base records (unless ``base`` is false) and ``files``.

    A value of ``None`` in ``files`` removes that base file.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for folder in ("providers", "respite-forms", "regulations"):
        (root / folder).mkdir(exist_ok=True)
    todo: dict[str, str | bytes | None] = {}
    if base:
        todo.update({name: dump(make()) for name, make in BASE_FILES.items()})
    todo.update(files or {})
    for relpath, content in todo.items():
        path = root / relpath
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def load(root: Path, today: date = TODAY) -> Dataset:
    """Load a written site folder the way the command line does."""
    config, data_root = site_config(root / "mkdocs.yml")
    return Dataset.load(data_root, config, today=today)


class Site:
    """A fresh data folder per call, so one test can load several variants."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.count = 0

    def write(self, files: Files | None = None, base: bool = True) -> Path:
        self.count += 1
        return write_site(self.tmp_path / f"site{self.count}", files, base)

    def load(self, files: Files | None = None, today: date = TODAY, base: bool = True) -> Dataset:
        return load(self.write(files, base), today)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


@pytest.fixture
def problems_for(site: Site) -> Callable[..., list[Problem]]:
    """``problems_for({"providers/x.yaml": text}, today=…)``: every problem of base set + files."""

    def run(files: Files, today: date = TODAY, base: bool = True) -> list[Problem]:
        return site.load(files, today=today, base=base).problems

    return run


# --- looking at problems -----------------------------------------------------------

ENGLISH = re.compile(
    r"Field required|Input should|Value error|Extra inputs|String should|List should|"
    r"validation error|Traceback|Exception|object has no attribute|is not valid|invalid",
)
DUTCH = re.compile(
    r"\b(de|het|een|geen|niet|hoort|veld|bestaat|ligt|staat|deze|dit|hier|bij|onbekend|"
    r"onbekende|ongeldig|ongeldige|verplicht|maanden|tekst|lijst|gemeente|bestand|kies|waarde|ontbreekt)\b",
    re.IGNORECASE,
)


def assert_dutch(problem: Problem) -> None:
    """The message (and hint) is Dutch, not pydantic's or Python's English."""
    for text in (problem.message, problem.hint):
        assert not ENGLISH.search(text), f"English text in {problem}"
    assert DUTCH.search(problem.message), f"message does not read as Dutch: {problem.message!r}"


def errors_in(problems: list[Problem], file: str) -> list[Problem]:
    return [p for p in problems if p.file == file and p.severity == "fout"]


def one(problems: list[Problem], file: str, field: str | None = None) -> Problem:
    """The single error in ``file`` (at ``field`` if given); fails with the full list otherwise."""
    found = [p for p in errors_in(problems, file) if field is None or p.field == field]
    assert len(found) == 1, f"expected one error in {file} at {field!r}, got:\n" + "\n".join(
        p.text() for p in problems
    )
    assert_dutch(found[0])
    return found[0]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based number of the line holding the ``nth`` occurrence of ``needle``."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise AssertionError(f"{needle!r} not in text")


# --- walking the schema ------------------------------------------------------------

TEXT_TYPES = {"line": fields.Line, "text": fields.Text}
LINK_TYPES = {"url": fields.Url, "email": fields.Email, "phone": phones.Phone}

Key = tuple[str | int, ...]


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """The item type inside ``X | None`` and ``list[X]``, and whether it was a list."""
    is_list = False
    while True:
        origin = typing.get_origin(hint)
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if origin in (typing.Union, types.UnionType) and len(args) == 1:
            hint = args[0]
        elif origin is list:
            hint, is_list = args[0], True
        else:
            return hint, is_list


def _kind(hint: Any) -> str:
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return "model"
    for name, candidate in {**TEXT_TYPES, **LINK_TYPES}.items():
        if hint == candidate:
            return name
    return "other"


def schema_fields(model: type[BaseModel], key: Key = ()) -> Iterator[tuple[Key, str, bool]]:
    """Every field of ``model`` and its sub-models as (YAML key path, kind, is_list).

    Lists of models are entered at their first item, so a path always exists in a
    record built by :func:`example_record`.
    """
    hints = typing.get_type_hints(model, include_extras=True)
    for name, info in model.model_fields.items():
        inner, is_list = _unwrap(hints[name])
        path = (*key, info.alias or name)
        kind = _kind(inner)
        yield path, kind, is_list
        if kind == "model":
            yield from schema_fields(inner, (*path, 0) if is_list else path)


def example_record(model: type[BaseModel]) -> dict[str, Any]:
    """A complete record, every field filled from the examples in the schema."""
    hints = typing.get_type_hints(model, include_extras=True)
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        inner, is_list = _unwrap(hints[name])
        if _kind(inner) == "model":
            value: Any = example_record(inner)
            data[info.alias or name] = [value] if is_list else value
        else:
            assert info.examples, f"{model.__name__}.{name} has no example"
            data[info.alias or name] = copy.deepcopy(info.examples[0])
    return data


def get_at(data: Any, key: Key) -> Any:
    for part in key:
        data = data[part]
    return data


def set_at(data: Any, key: Key, value: Any) -> None:
    get_at(data, key[:-1])[key[-1]] = value
