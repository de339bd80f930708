"""Spreadsheet cells that cannot turn into formulas, for every CSV the site writes.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return as a formula (CSV injection). Record text is data, so such a cell gets a leading
apostrophe, unless it is a plain number (``-5``, ``+31780000104``), which stays a number.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
RISKY = frozenset(FORMULA_START)
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def safe_cell(value: str) -> str:
    """``value``, or ``'value`` when a spreadsheet would read it as a formula."""
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
