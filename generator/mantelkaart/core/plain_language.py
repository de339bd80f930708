"""The plain-language check: long sentences and hard words in summaries and descriptions.

Mantelzorgers read on their phones, often tired; the site writes at level B1. ``validate``
warns when a summary or description (``samenvatting``, ``omschrijving``, a respite form's
``uitleg``, a regulation's ``wat_u_krijgt``) has a sentence of more than
:data:`MAX_WORDS` words, or uses a word from the list of hard words, with the plainer
word in the hint. These warnings never fail a run, not even with ``--strict``
(``Problem.topic`` is :data:`TOPIC`): whether a sentence reads well is for people to judge.

The hard words are data: ``data/moeilijke-woorden.yaml`` in the package, extended by
the site's own ``moeilijke-woorden.yaml`` beside mkdocs.yml (a word with an empty value
is allowed there). The check uses str methods and one set lookup per word, about 2 µs per
text, so it adds little to validating 10,000 records.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from mantelkaart.core.loader import load_document, parse_text
from mantelkaart.core.problems import Problem, field_path
from mantelkaart.core.yaml_trouble import PathKey, YamlTrouble

MAX_WORDS = 20
TOPIC = "taal"
SITE_FILE = "moeilijke-woorden.yaml"
_PUNCTUATION = str.maketrans({c: " " for c in ".,;:!?()[]{}<>\"'“”‘’«»/…•*–—&+="})
# Plural and inflected forms of a listed word of 8 letters or more (zorgvragers, ambulante);
# shorter words only as listed ("indien" + "en" would be "indienen", an everyday word).
_ENDINGS = ("", "s", "en", "n", "e")
_LONG = 8
_LEADS = ("", "(", '"', "'", "‘", "“", "[")
_TRAILS = ("", ",", ".", ";", ":", "!", "?", ")", '"', "'", "’", "”", "]", ").", "),", '".', '",', "…")


@dataclass(frozen=True)
class HardWords:
    """Every form of every hard word (``zorgvragers``), with its listed word and the plainer one."""

    forms: dict[str, tuple[str, str]]
    # Every form also with punctuation around it ("(zorgvragers),"): whether a text has a hard
    # word at all is then one isdisjoint() over its split() words, without cleaning the text first.
    written: frozenset[str] = frozenset()

    @classmethod
    def load(cls, root: Path | None = None) -> HardWords:
        """The package's list, extended by ``root/moeilijke-woorden.yaml``; raises
        :class:`~mantelkaart.core.yaml_trouble.YamlTrouble` (in Dutch) for a site file it cannot use."""
        text = (resources.files("mantelkaart") / "data" / SITE_FILE).read_text(encoding="utf-8")
        words = _entries(parse_text(text))
        path = root / SITE_FILE if root else None
        if path is not None and path.is_file():
            words.update(_entries(load_document(path).data))
        forms: dict[str, tuple[str, str]] = {}
        for word, plain in words.items():
            if plain:
                for ending in _ENDINGS if len(word) >= _LONG else ("",):
                    forms.setdefault(word + ending, (word, plain))
        written = {f"{lead}{form}{trail}" for form in forms for lead in _LEADS for trail in _TRAILS}
        return cls(forms, frozenset(written))


def _entries(data: Any) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) or v is None for v in data.values()):
        raise YamlTrouble(
            "Dit bestand hoort een lijst te zijn van 'woord: wat u beter kunt schrijven'.",
            "Bijvoorbeeld:  zorgvrager: uw naaste",
        )
    return {str(word).strip().lower(): (plain or "").strip() for word, plain in data.items()}


def sentences(text: str) -> Iterator[str]:
    """The sentences of a text: split at line ends and at . ? ! followed by a space."""
    for line in text.replace("? ", ". ").replace("! ", ". ").splitlines():
        yield from line.split(". ")


def text_warnings(text: str, words: HardWords) -> list[tuple[str, str]]:
    """(message, hint) for each long sentence and each hard word in ``text``."""
    found = []
    for sentence in sentences(text) if text.count(" ") >= MAX_WORDS else ():  # n words: n - 1 spaces
        if sentence.count(" ") >= MAX_WORDS:
            count = len(sentence.split())
            if count > MAX_WORDS:
                start = " ".join(sentence.split()[:6])
                found.append(
                    (
                        f"Een zin van {count} woorden: '{start} …'.",
                        f"Schrijf zinnen van hoogstens {MAX_WORDS} woorden, met één boodschap per zin.",
                    )
                )
    lower = text.lower()
    if words.written.isdisjoint(lower.split()):
        return found
    tokens = set(lower.translate(_PUNCTUATION).split())
    for form in sorted(words.forms.keys() & tokens):
        plain = words.forms[form][1]
        found.append((f"'{form}' is een moeilijk woord.", f"Schrijf liever: {plain}."))
    return found


TEXT_FIELDS = {
    "providers": (("samenvatting", "summary"), ("omschrijving", "description")),
    "diensten": (("samenvatting", "summary"), ("omschrijving", "description")),
    "respite-forms": (("samenvatting", "summary"), ("uitleg", "explanation")),
    "regulations": (("samenvatting", "summary"), ("wat_u_krijgt", "benefit")),
}


def record_texts(kind: str, record: Any) -> Iterator[tuple[PathKey, str, str]]:
    """(where, whose text, the text) for every text of a record that the check reads."""
    for alias, attribute in TEXT_FIELDS[kind]:
        text = getattr(record, attribute, None)
        if text:
            yield (alias,), record.name, text
    if kind == "providers":
        for index, service in enumerate(record.services):
            for alias, attribute in TEXT_FIELDS["diensten"]:
                text = getattr(service, attribute, None)
                if text:
                    yield ("diensten", index, alias), service.name, text


def language_problems(sources: list[Any], words: HardWords) -> list[Problem]:
    """Warnings for the texts of valid records (``validation.Source``)."""
    problems = []
    for source in sources:
        for key, _, text in record_texts(source.kind, source.record):
            warnings = text_warnings(text, words)
            if warnings:
                line, column = source.document.position(key)
                problems += [
                    Problem(
                        source.relpath, line, column, field_path(key), message, hint, "waarschuwing", TOPIC
                    )
                    for message, hint in warnings
                ]
    return problems


def words_problem(trouble: YamlTrouble) -> Problem:
    return Problem(SITE_FILE, trouble.line, trouble.column, "", trouble.message, trouble.hint)
