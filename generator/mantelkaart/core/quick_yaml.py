"""A quick first reading of ordinary record files with rapidyaml.

libyaml (:mod:`mantelkaart.core.loader`) is the authority on what a record file means
and on every error in it. But building its Python node tree costs about 0.5 ms
for a 4 kB record: two thirds of validating one. rapidyaml parses the same file
in C++ and writes it out as JSON, which Python's C decoder reads, in about a
third of that time.

rapidyaml follows YAML 1.2 and its JSON writer spells some plain scalars its own
way, so :func:`read` *declines* (returns :data:`DECLINED`) whenever its answer
could differ from libyaml's, and the caller then asks libyaml:

* rapidyaml finds a syntax error, or its JSON does not decode (a bare ``+5`` or
  ``0x1F`` it left unquoted, a control character it did not escape);
* a number whose text rapidyaml may have changed (``.5`` becomes ``0.5``, ``1.``
  becomes ``1.0``): any number starting with ``0.`` or ending in ``.0``;
* a text that libyaml reads differently: ``~``, ``Null`` and ``NULL`` are empty
  there, and rapidyaml writes ``nan`` and ``inf`` as ``.nan`` and ``.inf``;
* a duplicate key, an empty key, or nesting deeper than the loader allows.

Numbers come back as the text that was written; bare ``true`` and ``false``
become that text again, as every other plain scalar does in the loader. The
loader sends only files without anchors, aliases, tags, directives, document
markers, reserved indicators or tabs.
``tests/test_quick_yaml.py`` holds both readers to the same answer on generated YAML.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import ryml

DECLINED: Any = object()

_READ_OTHERWISE = frozenset({"~", "Null", "NULL", ".nan", ".inf", "-.inf"})  # as values
# Keys are written quoted, as typed, except these; an empty key may be a missing one.
_DOUBTFUL_KEYS = frozenset({".nan", ".inf", "-.inf", ""})


class _Decline(Exception):
    pass


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs) or not _DOUBTFUL_KEYS.isdisjoint(mapping):
        raise _Decline
    return mapping


def _number(text: str) -> str:
    if text.endswith(".0") or text.startswith(("0.", "-0.")):
        raise _Decline
    return text


_DECODER = json.JSONDecoder(object_pairs_hook=_mapping, parse_float=_number, parse_int=str)


def read(text: str, max_depth: int) -> Any:
    """The plain values of ``text`` as the loader would build them, or :data:`DECLINED`."""
    try:
        with _quiet_stderr():  # also one file at a time for the tree and buffer below
            written = _json(text.encode("utf-8"))
        value = _DECODER.decode(written)
        if value.__class__ is dict or value.__class__ is list:
            _settle(value, 0, max_depth)
        elif value.__class__ is bool or value in _READ_OTHERWISE:
            return DECLINED  # a document that is one bare word: rare, let libyaml say
        return value
    except Exception:  # any doubt at all: libyaml decides
        return DECLINED


# One tree and one output buffer serve every file: a new tree per file, and ryml's
# emit_json (which measures the output, then allocates and writes it), took twice the time
# of parsing into a cleared tree and writing into this buffer (58 against 33 µs a record).
_TREE = ryml.Tree()
_OUTPUT = bytearray(256 * 1024)


def _json(data: bytes) -> str:
    _TREE.clear()
    _TREE.clear_arena()
    ryml.parse_in_arena(data, _TREE)
    try:
        return ryml.emit_json_in_place(_TREE, _OUTPUT).tobytes().decode("utf-8")
    except IndexError:  # more JSON than the buffer holds: a rare, large file
        return ryml.emit_json(_TREE)


def _settle(container: dict[str, Any] | list[Any], depth: int, max_depth: int) -> None:
    """Check depth and ambiguous texts; turn bare true and false back into text."""
    if depth >= max_depth:
        raise _Decline
    items = container.items() if container.__class__ is dict else enumerate(container)
    for key, value in items:
        kind = value.__class__
        if kind is str:
            if value in _READ_OTHERWISE:
                raise _Decline
        elif kind is dict or kind is list:
            _settle(value, depth + 1, max_depth)
        elif kind is bool:
            container[key] = "true" if value else "false"  # type: ignore[index]


_STDERR_LOCK = threading.Lock()


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints each parse error to the process's stderr before raising it."""
    with _STDERR_LOCK:
        saved = os.dup(2)
        try:
            os.dup2(_devnull(), 2)
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


_DEVNULL: list[int] = []


def _devnull() -> int:
    if not _DEVNULL:
        _DEVNULL.append(os.open(os.devnull, os.O_WRONLY))
    return _DEVNULL[0]
