"""Changes to a record file's text that leave every other character as the editor wrote it.

``mantelkaart migrate`` changes a few values in files that people wrote by hand. A YAML
library that writes the whole file again would also change comments, quoting, blank lines
or the order of keys. So the text is parsed once with positions (PyYAML's pure-Python
composer, whose marks are character offsets into the text), each change replaces only the
characters of one value, and :mod:`mantelkaart.editors.migration` parses the result again and
compares it with the data the change should give.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from mantelkaart.core.yaml_trouble import PathKey

_LINE_START = re.compile(r"\n(?=[^\r\n])")  # a line break followed by a line with text


class EditRefused(Exception):
    """A change that cannot be made by editing the text (Dutch reason)."""


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    new: str


class RecordText:
    """One record file's text, the positions of its values and the changes to be made."""

    def __init__(self, text: str) -> None:
        self.text = text
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is None:
            raise EditRefused("Het bestand is leeg.")
        self.root: yaml.Node = root
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.step = _indent_step(self.root)
        self._edits: list[_Edit] = []

    def _find(self, path: PathKey) -> tuple[yaml.Node, yaml.Node, yaml.Node]:
        """(parent, key node, value node) of the field at ``path``."""
        parent: yaml.Node | None = None
        key: yaml.Node | None = None
        node: yaml.Node = self.root
        for part in path:
            parent = node
            if isinstance(part, int) and isinstance(node, yaml.SequenceNode):
                key, node = node, node.value[part]
            elif isinstance(part, str) and isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if k.value == part), None)
                if pair is None:
                    raise EditRefused("Dit veld staat niet waar het verwacht werd.")
                key, node = pair
            else:
                raise EditRefused("Dit veld staat niet waar het verwacht werd.")
        if parent is None or key is None:
            raise EditRefused("Het hele bestand kan niet worden omgezet.")
        return parent, key, node

    def line(self, path: PathKey) -> int:
        """The line (from 1) where the field at ``path`` starts."""
        return int(self._find(path)[1].start_mark.line) + 1

    def wrap(self, path: PathKey, key: str, faithful: bool = True) -> None:
        """Make the text value at ``path`` the value of ``key`` in a block under it::

            volgende_stap: Bel ons    →    volgende_stap:
                                             tekst: Bel ons

        ``faithful`` keeps the value as written (quotes, block style, line breaks);
        otherwise it is written as one double-quoted line.
        """
        parent, name, value = self._find(path)
        if getattr(parent, "flow_style", False) or not isinstance(value, yaml.ScalarNode):
            raise EditRefused("Het veld staat tussen { } of [ ]; zet het zelf om.")
        start, end = value.start_mark.index, value.end_mark.index
        while start > 0 and self.text[start - 1] in " \t\r\n":  # also a value on the next line
            start -= 1
        pad = " " * (name.start_mark.column + self.step)
        if faithful:
            written = self.text[value.start_mark.index : end]
            written = _LINE_START.sub("\n" + " " * self.step, written)
        else:
            tail = self.text[value.start_mark.index : end]
            written = json.dumps(value.value, ensure_ascii=False) + tail[len(tail.rstrip("\r\n")) :]
        self._edits.append(_Edit(start, end, f"{self.newline}{pad}{key}: {written}"))

    def line_after(self, line: int) -> int:
        """Where ``line`` of the original text is in :meth:`result`."""
        moved = 0
        for edit in self._edits:
            if self.text.count("\n", 0, edit.start) + 1 < line:
                moved += edit.new.count("\n") - self.text.count("\n", edit.start, edit.end)
        return line + moved

    def result(self) -> str:
        """The text with every change made (from the end, so earlier offsets stay right)."""
        text = self.text
        for edit in sorted(self._edits, key=lambda e: e.start, reverse=True):
            text = text[: edit.start] + edit.new + text[edit.end :]
        return text


def _indent_step(root: yaml.Node | None) -> int:
    """How far this file indents a block under its key (2 unless it does otherwise)."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                nested = isinstance(value, yaml.MappingNode) and not value.flow_style
                if nested and value.start_mark.line > key.start_mark.line:
                    step = int(value.start_mark.column - key.start_mark.column)
                    if step > 0:
                        return step
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return 2
