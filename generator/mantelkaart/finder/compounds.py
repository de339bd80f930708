"""Dutch compound words, split against the index's own vocabulary.

Dutch writes "weekendopvang", "mantelzorgwaardering" and "dagbestedingsplek" as one word;
people search with the parts, or with a compound the records do not use. The index adds,
for each word of a record that splits into words the index already knows, the parts as
well ("mantelzorgwaardering" is also found with "mantelzorg waardering"); ``finder.js``
splits a query word the same way, against the terms of the index it loaded.

The method (see docs-dev/zoeken.md): a word of at least :data:`MIN_WORD` letters is cut
into a head and a tail of at least :data:`MIN_PART` letters each, the tail optionally after
a linking "s" or "e(n)"; the longest known head wins, and the tail may itself be a
compound. Only words of the vocabulary count, so "uitjes" is not "uit" + "jes". It is
linear in the number of words (each word is tried at most its length times, with a cache).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

MIN_PART = 3
MIN_WORD = 7
LINKS = ("s", "en", "e")


def split(word: str, known: Callable[[str], bool], depth: int = 2) -> list[str] | None:
    """``word``'s parts, each known, or None when it does not split (or is known whole)."""
    if len(word) < MIN_WORD:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, rest = word[:cut], word[cut:]
        if not known(head):
            continue
        for tail in _tails(rest):
            if len(tail) < MIN_PART:
                continue
            if known(tail):
                return [head, tail]
            if depth > 1:
                parts = split(tail, known, depth - 1)
                if parts:
                    return [head, *parts]
    return None


def _tails(rest: str) -> Iterable[str]:
    yield rest
    for link in LINKS:
        if rest.startswith(link):
            yield rest[len(link) :]


class Splitter:
    """Splits words against a fixed vocabulary, remembering each answer."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.vocabulary = {word for word in vocabulary if len(word) >= MIN_PART}
        self._cache: dict[str, list[str] | None] = {}

    def known(self, word: str) -> bool:
        return word in self.vocabulary

    def parts(self, word: str) -> list[str] | None:
        if word not in self._cache:
            self._cache[word] = split(word, self.known)
        return self._cache[word]
