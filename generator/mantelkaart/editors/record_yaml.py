"""Record dicts (Dutch keys, text values) written as YAML that editors can read.

Everything is text, as the strict loader reads it back; text with line breaks is
written as a literal block (``|-``). No anchors or aliases, which the loader refuses.
"""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.CSafeDumper):
    """libyaml's emitter: the pure-Python one took 45 ms per provider file."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: yaml.CSafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.CSafeDumper, value: list[Any]) -> yaml.SequenceNode:
    """Short lists of words on one line (``[dementie, nah]``), everything else as a block."""
    short = all(isinstance(item, str) and "\n" not in item for item in value) and sum(map(len, value)) < 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(list, _list)


def record_yaml(data: dict[str, Any], header: str = "") -> str:
    """YAML text for one record, keys in the order of ``data``."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return comment + body
