"""Hard words explained in plain words where a page first uses them.

Wmo, Wlz, CIZ, CAK, pgb and the like mean nothing to many caregivers. The first time a
page uses one in running text, a short explanation follows it in brackets (an ``abbr``
title alone does not reach phones or most screen readers). The words and their
explanations are data: ``data/woordenlijst.yaml`` in the package.

Pages are escaped HTML made by our own templates, so the explanation (our own text,
escaped too) goes into a text node: never inside a tag, a link, a heading or a button.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from mantelkaart.core.loader import parse_text

# Elements whose text gets no explanation: a link's or heading's words must stay short.
_SKIP = ("a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "option", "script", "style", "strong")


@dataclass(frozen=True)
class Entry:
    word: str  # as written on pages, e.g. "Wmo"
    explanation: str  # plain Dutch, no full stop, e.g. "Wet maatschappelijke ondersteuning: …"


@cache
def entries() -> tuple[Entry, ...]:
    text = (resources.files("mantelkaart") / "data" / "woordenlijst.yaml").read_text(encoding="utf-8")
    data = parse_text(text)
    return tuple(Entry(word, str(explanation)) for word, explanation in data.items())


@cache
def _pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(entry.word) for entry in sorted(entries(), key=lambda e: -len(e.word)))
    # the word alone or as the first part of a compound: Wmo, Wmo-indicatie, Wlz-zorg
    return re.compile(rf"(?<![\w-])({words})((?:-\w+)*)(?![\w])")


def _inside(body: str, position: int, tag: str) -> bool:
    opened = max(body.rfind(f"<{tag}>", 0, position), body.rfind(f"<{tag} ", 0, position))
    return opened > body.rfind(f"</{tag}>", 0, position)


def _in_text(body: str, position: int) -> bool:
    if body.rfind("<", 0, position) > body.rfind(">", 0, position):
        return False  # inside a tag's attributes
    return not any(_inside(body, position, tag) for tag in _SKIP)


def _in_brackets(body: str, position: int) -> bool:
    text = body[body.rfind(">", 0, position) + 1 : position]
    return text.count("(") > text.count(")")


def explain(body: str) -> str:
    """``body`` with each glossary word explained after its first use in running text."""
    meaning = {entry.word: entry.explanation for entry in entries()}
    done: set[str] = set()
    insertions: list[tuple[int, str]] = []
    for match in _pattern().finditer(body):
        word = match.group(1)
        if word in done or not _in_text(body, match.start()):
            continue
        done.add(word)
        end = match.end()
        text = html.escape(meaning[word])
        whole = match.group(0)
        bracketed = body[match.start() - 1 : match.start()] == "(" and body[end : end + 1] == ")"
        if bracketed:  # "(Wmo)" becomes "(Wmo: Wet maatschappelijke ondersteuning, …)"
            insertions.append((end, f'<span class="mk-explain">: {text}</span>'))
        elif _in_brackets(body, match.start()):  # "(het keukentafelgesprek, een gesprek …)"
            insertions.append((end, f'<span class="mk-explain">, {text}</span>'))
        elif whole != word:  # "Wmo-indicatie (Wmo: …)"
            insertions.append((end, f'<span class="mk-explain"> ({html.escape(word)}: {text})</span>'))
        else:
            insertions.append((end, f'<span class="mk-explain"> ({text})</span>'))
        if len(done) == len(meaning):
            break
    for position, addition in reversed(insertions):
        body = body[:position] + addition + body[position:]
    return body
