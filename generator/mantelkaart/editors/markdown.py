"""Record text inside Markdown that GitHub renders (issues, pull-request comments).

Record text is data, never markup: every character Markdown (or the HTML GitHub
allows in it) could read as syntax is escaped with a backslash or as an entity.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line."""
    one_line = " ".join(text.split())
    entities = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", entities)


def code(text: str) -> str:
    """``text`` as inline code (file paths, ids)."""
    one_line = " ".join(text.split())
    fence = "``" if "`" in one_line else "`"
    return f"{fence}{one_line}{fence}" if fence == "`" else f"{fence} {one_line} {fence}"
