"""Dutch text analysis for search indexes, identical to lunr-languages' ``lunr.nl``.

The finder's index is built here in Python and searched in the browser by lunr.js
with ``lunr.nl``. Both sides must turn a word into the same term, so this module
copies ``lunr.nl``'s pipeline exactly:

* the trimmer strips characters outside ``lunr.nl.wordCharacters`` from both ends
  of a token (so digits are trimmed away, as in the browser);
* the stop-word filter drops the words of ``lunr.nl.stopWordFilter`` (the list is
  data, in ``data/stopwords-nl.txt``, copied from lunr-languages 1.14.0);
* the stemmer is Snowball's original Dutch (Porter) algorithm, which lunr.nl
  implements; ``snowballstemmer`` calls it ``dutch_porter``. Its newer ``dutch``
  algorithm gives different stems for many words (``mantelzorgers``, ``logeren``).

The functions are registered under the names lunr.nl registers (``trimmer-nl``,
``stopWordFilter-nl``, ``stemmer-nl``), so a serialized index names a pipeline that
lunr.js can load. No NLTK: lunr's own Dutch support downloads data and fails offline.
``tests/browser/test_dutch_stemming.py`` proves the equality in real Chromium.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token

# lunr.nl.wordCharacters, verbatim (lunr-languages 1.14.0, lunr.nl.js).
WORD_CHARACTERS = (
    "A-Za-z\xaa\xba\xc0-\xd6\xd8-\xf6\xf8-\u02b8\u02e0-\u02e4\u1d00-\u1d25\u1d2c-\u1d5c"
    "\u1d62-\u1d65\u1d6b-\u1d77\u1d79-\u1dbe\u1e00-\u1eff\u2071\u207f\u2090-\u209c\u212a"
    "\u212b\u2132\u214e\u2160-\u2188\u2c60-\u2c7f\ua722-\ua787\ua78b-\ua7ad\ua7b0-\ua7b7"
    "\ua7f7-\ua7ff\uab30-\uab5a\uab5c-\uab64\ufb00-\ufb06\uff21-\uff3a\uff41-\uff5a"
)
_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+\\Z")
SNOWBALL_ALGORITHM = "dutch_porter"


def _stop_words() -> frozenset[str]:
    text = (resources.files("mantelkaart") / "data" / "stopwords-nl.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


STOP_WORDS = _stop_words()
_SNOWBALL = snowballstemmer.stemmer(SNOWBALL_ALGORITHM)


def trim(word: str) -> str:
    return _TRAILING.sub("", _LEADING.sub("", word))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_SNOWBALL.stemWord(word))


def trimmer(token: Token, i: int | None = None, tokens: Any = None) -> Token:
    return token.update(lambda word, metadata=None: trim(word))


def stop_word_filter(token: Token, i: int | None = None, tokens: Any = None) -> Token | None:
    # lunr.nl's list is split from a string that starts with a space, so it holds ""
    # too: a token the trimmer emptied is dropped here.
    word = str(token)
    return None if not word or word in STOP_WORDS else token


def stemmer(token: Token, i: int | None = None, tokens: Any = None) -> Token:
    return token.update(lambda word, metadata=None: stem(word))


Pipeline.register_function(trimmer, "trimmer-nl")
Pipeline.register_function(stop_word_filter, "stopWordFilter-nl")
Pipeline.register_function(stemmer, "stemmer-nl")


# lunr.tokenizer.separator is /[\s\-]+/; these are the characters of JavaScript's \s.
_SEPARATOR = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff-]+")


def tokens(text: str) -> list[str]:
    """lunr.js's tokenizer: lower case, split on white space and hyphens."""
    return [token for token in _SEPARATOR.split(text.lower()) if token]


@lru_cache(maxsize=200_000)
def term(token: str) -> str | None:
    """One token through lunr.nl's pipeline (trimmer, stop words, stemmer); None if dropped."""
    processed = Pipeline()
    processed.add(trimmer, stop_word_filter, stemmer)
    result = processed.run([Token(token)])
    return str(result[0]) if result else None


def terms(text: str) -> list[str]:
    """The index terms of ``text``, as lunr.js with lunr.nl makes them."""
    return [t for t in map(term, tokens(text)) if t is not None]


def builder() -> Builder:
    """A lunr builder for documents whose fields are lists of :func:`terms`.

    The text is analysed here (with a cache, far faster than lunr's character-by-character
    tokenizer); the builder only collects postings, frequencies and lengths. Its search
    pipeline is lunr.nl's (the stemmer), so a query is stemmed as the index was.
    """
    index_builder = Builder()
    index_builder.search_pipeline.add(stemmer)
    return index_builder
