"""Strict YAML loading.

Records are parsed with libyaml's C event parser and built into plain Python
values by a small builder of our own, so that:

* every scalar stays the text the editor wrote (``9:30``, ``0781234567``, ``010``
  and ``no`` are strings); only an empty value, ``~`` and ``null`` become ``None``;
* duplicate keys, anchors/aliases and explicit tags (``!!python/object`` …) are
  refused instead of silently resolved;
* nesting depth and file size are bounded, so garbage cannot exhaust the stack or
  memory (libyaml's own composer segfaults on 100,000 nested brackets);
* positions (line, column) can be recorded per field path when a file has errors.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mantelkaart.core import quick_yaml, yaml_trouble
from mantelkaart.core.yaml_trouble import (
    MAX_BYTES,
    MAX_DEPTH,
    NO_ANCHORS,
    NULL_WORDS,
    PLAIN_KEYS,
    TOO_DEEP,
    PathKey,
    YamlTrouble,
)


@dataclass
class Document:
    """One record file: its text, its data and (on request) field positions."""

    path: Path
    text: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def position(self, key: PathKey) -> tuple[int, int]:
        """Line and column of the field at ``key``, or of its nearest parent."""
        if not self.positions:
            self.positions = _Builder(self.text, record_positions=True).build()[1]
        probe = tuple(key)
        while probe:
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


def read_text(path: Path) -> str:
    """Read a record file as UTF-8 text, refusing binary and oversized files, and anything
    that is not a regular file: a symbolic link is not followed (it could point outside the
    data folder), and a FIFO, socket or device is not opened for reading (it could hang)."""
    return text_of(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """The bytes of a record file, checked as :func:`read_text` says; :func:`text_of` makes
    them text. (Searching for a few words is ten times faster in the bytes than in the text.)"""
    try:  # os.read: two thirds of open()'s time, which also asks the size and sets up a buffer
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            status = os.fstat(handle)
            if not stat.S_ISREG(status.st_mode):
                raise YamlTrouble(
                    "Dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat).",
                    "Zet alleen YAML-bestanden in de map van de records.",
                )
            raw = _read_up_to_limit(handle, status.st_size)
        finally:
            os.close(handle)
    except OSError as error:
        raise _unreadable(error) from None
    if len(raw) > MAX_BYTES:
        size = path.stat().st_size
        raise YamlTrouble(
            f"Het bestand is te groot ({size // 1024} kB; maximaal {MAX_BYTES // 1000} kB).",
            "Eén record hoort maar een paar kilobyte te zijn. Is dit wel een YAML-record?",
        )
    if b"\x00" in raw:
        raise YamlTrouble(
            "Dit is geen tekstbestand (het bevat binaire gegevens).",
            "Sla het record op als platte tekst (UTF-8) met de extensie .yaml.",
        )
    return raw


def text_of(raw: bytes) -> str:
    """The UTF-8 text of a file's bytes, without a byte order mark; raises :class:`YamlTrouble`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlTrouble(
            "Het bestand is niet in UTF-8 opgeslagen.",
            "Sla het bestand opnieuw op met tekencodering UTF-8.",
            line=line,
        ) from None
    return text.removeprefix("\ufeff")


def _read_up_to_limit(handle: int, size: int) -> bytes:
    """The file's bytes, or :data:`MAX_BYTES` and one more (a huge file is not read whole).

    Asking for the size the file has (plus one) is half the time of asking for the limit:
    os.read allocates what it is asked for. A file that grows meanwhile is read on.
    """
    wanted = min(size, MAX_BYTES) + 1
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(handle, wanted - total):
        chunks.append(chunk)
        total += len(chunk)
        if total == wanted:
            if total > MAX_BYTES:
                break
            wanted = MAX_BYTES + 1
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _unreadable(error: OSError) -> YamlTrouble:
    """A Dutch message for a file that cannot be opened (never the system's English)."""
    if error.errno == errno.ELOOP:
        return YamlTrouble(
            "Dit is een snelkoppeling (symbolische link); die volgt Mantelkaart niet.",
            "Zet het record zelf in de map, niet een link naar een bestand ergens anders.",
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return YamlTrouble("U heeft geen toegang tot dit bestand.", "Controleer de rechten van het bestand.")
    if error.errno == errno.ENOENT:
        return YamlTrouble(
            "Het bestand kan niet worden gelezen: het bestaat niet (meer).",
            "Is het net weggehaald of hernoemd?",
        )
    code = errno.errorcode.get(error.errno or 0, "onbekend")
    return YamlTrouble(f"Het bestand kan niet worden gelezen (foutcode {code}).")


def load_document(path: Path) -> Document:
    """Read and parse one record file. Raises :class:`YamlTrouble`."""
    text = read_text(path)
    return Document(path=path, text=text, data=parse_text(text))


def parse_text(text: str) -> Any:
    """Parse YAML text strictly.

    Ordinary records take the fast path: rapidyaml reads them
    (:mod:`mantelkaart.core.quick_yaml`) unless its answer could differ from libyaml's,
    and otherwise libyaml composes the node tree in C and :func:`_walk` turns it
    into plain values. Anything unusual (anchors, tags, lots of brackets or dashes
    that could nest deeply) goes through the event builder, which bounds the depth
    before libyaml's recursive composer could overflow the C stack, and names the
    exact problem.
    """
    if "<<" in text or _starts_a_node(text, _PROPERTIES):
        return _Builder(text, record_positions=False).build()[0]
    if _quick_suits(text):
        value = quick_yaml.read(text, MAX_DEPTH)
        if value is not quick_yaml.DECLINED:
            return value
    if text.count("[") + text.count("{") > 500 or text.count("- ") > 3000:
        return _Builder(text, record_positions=False).build()[0]
    return _fast_parse(text)


# Where YAML allows an anchor (&), alias (*), tag (!) or complex key (?); merge keys (<<)
# are looked for anywhere. Prose often has these characters too, elsewhere on a line.
_PROPERTIES = "&*!?"
# What rapidyaml reads as text but libyaml refuses at the start of a value: the reserved
# indicators @ and `, the directive sign % and closing flow indicators.
_RESERVED = "@`%]},"
_DOCUMENT_MARKERS = ("---", "...", "%")
# The same at the start of a later line: one search from each line break (3 µs for a record;
# three `in` tests took 10 µs, as Dutch text with € or – is stored two bytes a character).
_MARKER_LINE = re.compile(r"\n(?:---|\.\.\.|%)")


def _starts_a_node(text: str, characters: str) -> bool:
    return any(True for _ in _node_starts(text, characters))


def _node_starts(text: str, characters: str) -> Iterator[int]:
    """Where one of ``characters`` stands where a YAML node can start.

    That is at the start of a line (after any of libyaml's line breaks), after ``[``,
    ``{``, ``,`` or ``:``, or after a dash and a space, with only spaces or tabs in
    between. (``str.find`` is several times faster here than a regular expression,
    which tries every position; most often the character before is a letter, and then
    that one character settles it.)
    """
    for character in characters:
        start = text.find(character)
        while start >= 0:
            previous = text[start - 1] if start else "\n"
            if previous != " " and previous != "\t":
                if previous == "\n" or previous in _NODE_BEFORE:
                    yield start
            else:
                prefix = text[text.rfind("\n", 0, start) + 1 : start]
                before = prefix.rstrip(" \t")
                if not before or before[-1] in _NODE_BEFORE or before[-1] == "-":
                    yield start
            start = text.find(character, start + 1)


_NODE_BEFORE = "[{,:\r\x85\u2028\u2029"  # \n is where the prefix starts
# A block scalar's header as records have it: | or > with a chomping sign, then a comment.
_PLAIN_HEADER = re.compile(r"[-+]?(?: +(?:#.*)?)?")


def _quick_suits(text: str) -> bool:
    """Whether rapidyaml may read ``text`` first.

    Not where the two readers are known to differ: tabs, YAML 1.1 line breaks (NEL,
    LS, PS), directives, document markers, reserved indicators, odd block scalars
    (:func:`_odd_block`), and a last line without a line break (rapidyaml adds
    one to a block scalar there).
    """
    return not (
        not text.endswith("\n")
        or "\t" in text
        or "\x85" in text
        or "\u2028" in text
        or "\u2029" in text
        or text.startswith(_DOCUMENT_MARKERS)
        or _MARKER_LINE.search(text) is not None
        or _starts_a_node(text, _RESERVED)
        or any(_odd_block(text, start) for start in _node_starts(text, "|>"))
    )


def _odd_block(text: str, start: int) -> bool:
    """A block scalar with an indentation number, or the whole document (libyaml wants
    the text of that one indented, rapidyaml does not)."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" ") or not _PLAIN_HEADER.fullmatch(
        text, start + 1, text.find("\n", start)
    )


_STR = "tag:yaml.org,2002:str"


class _FastLoader(yaml.CBaseLoader):
    """libyaml's C parser and composer; every implicit scalar is a string."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return _STR


def _fast_parse(text: str) -> Any:
    loader = _FastLoader(text.encode("utf-8"))  # bytes: libyaml reads them directly, ~40 % faster
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as error:
        raise yaml_trouble.trouble(error, text) from None
    finally:
        loader.dispose()
    return None if node is None else _walk(node, 0, set())


def _walk(node: Any, depth: int, seen: set[int]) -> Any:
    """Plain values from a composed node; depth, duplicate keys and shared nodes are checked too."""
    kind = node.__class__
    if kind is yaml.ScalarNode:
        if not node.style and node.value in NULL_WORDS:  # plain style is "" in libyaml
            return None
        return node.value
    if depth >= MAX_DEPTH:
        raise yaml_trouble.at(node, *TOO_DEEP)
    if id(node) in seen:  # an alias the pre-check missed: never expand it
        raise yaml_trouble.at(node, *NO_ANCHORS)
    seen.add(id(node))
    if kind is yaml.SequenceNode:
        return [_walk(item, depth + 1, seen) for item in node.value]
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.__class__ is not yaml.ScalarNode:
            raise yaml_trouble.at(key_node, *PLAIN_KEYS)
        key = key_node.value
        if key in mapping:
            raise yaml_trouble.at(key_node, *yaml_trouble.twice(key))
        mapping[key] = _walk(value_node, depth + 1, seen)
    return mapping


class _Builder:
    """Builds Python values from libyaml events, enforcing our rules."""

    def __init__(self, text: str, record_positions: bool) -> None:
        self.text = text
        self.parser = yaml.CSafeLoader(text)
        self.record = record_positions
        self.positions: dict[PathKey, tuple[int, int]] = {}

    def build(self) -> tuple[Any, dict[PathKey, tuple[int, int]]]:
        try:
            return self._build_stream(), self.positions
        except yaml.YAMLError as error:
            raise yaml_trouble.trouble(error, self.text) from None
        finally:
            self.parser.dispose()

    def _next(self) -> Any:
        return self.parser.get_event()

    def _build_stream(self) -> Any:
        self._next()  # StreamStart
        event = self._next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        value = self._build_node(self._next(), (), 0)
        end = self._next()  # DocumentEnd
        if not isinstance(self._next(), yaml.StreamEndEvent):
            raise YamlTrouble(
                "Het bestand bevat meer dan één YAML-document (---).",
                "Zet één record per bestand.",
                end.end_mark.line + 1,
            )
        return value

    def _where(self, event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def _check(self, event: Any) -> None:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml_trouble.at(event, *NO_ANCHORS)
        tag = getattr(event, "tag", None)
        if tag and tag not in {"tag:yaml.org,2002:str", "!"}:
            raise YamlTrouble(
                f"De YAML-tag '{tag}' is niet toegestaan.",
                "Laat tags als !!python/… of !!int weg; schrijf alleen de waarde.",
                *self._where(event),
            )

    def _build_node(self, event: Any, path: PathKey, depth: int) -> Any:
        self._check(event)
        if self.record:
            self.positions.setdefault(path, self._where(event))
        if isinstance(event, yaml.ScalarEvent):
            if event.implicit[0] and event.value in NULL_WORDS:
                return None
            return event.value
        if depth >= MAX_DEPTH:
            raise yaml_trouble.at(event, *TOO_DEEP)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(nxt := self._next(), yaml.SequenceEndEvent):
                items.append(self._build_node(nxt, (*path, len(items)), depth + 1))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self._build_mapping(path, depth)
        raise YamlTrouble("Onverwachte YAML-structuur.", line=self._where(event)[0])

    def _build_mapping(self, path: PathKey, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        while not isinstance(key_event := self._next(), yaml.MappingEndEvent):
            self._check(key_event)
            if not isinstance(key_event, yaml.ScalarEvent):
                raise yaml_trouble.at(key_event, *PLAIN_KEYS)
            key = key_event.value
            if key == "<<":
                raise YamlTrouble(
                    "Samenvoegen met '<<' wordt niet ondersteund.",
                    "Schrijf alle velden uit.",
                    *self._where(key_event),
                )
            if key in mapping:
                raise yaml_trouble.at(key_event, *yaml_trouble.twice(key))
            if self.record:
                self.positions[(*path, key)] = self._where(key_event)
            mapping[key] = self._build_node(self._next(), (*path, key), depth + 1)
        return mapping
