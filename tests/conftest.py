"""Fixtures shared by all tests. The helpers live in recordkit.py (import them from there:
with a second conftest.py in tests/browser/, ``import conftest`` is ambiguous)."""

from recordkit import problems_for, site

__all__ = ["problems_for", "site"]
