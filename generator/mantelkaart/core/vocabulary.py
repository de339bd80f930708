"""National vocabularies shipped with the package, extendable per site.

A vocabulary maps a stable id (``dementie``) to a Dutch label and a one-line
explanation. A site extends or relabels terms with files of the same name in
its own ``vocabularies/`` folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mantelkaart.core.loader import Document, load_document, parse_text
from mantelkaart.core.yaml_trouble import YamlTrouble

NAMES = (
    "functies",
    "doelgroepen",
    "financiering",
    "toegang",
    "zorgfasen",
    "omgevingen",
    "talen",
    "soorten",
    "indicatie",
)


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    explanation: str = ""
    synonyms: tuple[str, ...] = ()  # other words people search with (the finder indexes them)


@dataclass
class Vocabulary:
    name: str
    terms: dict[str, Term] = field(default_factory=dict)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.terms

    def label(self, term_id: str) -> str:
        term = self.terms.get(term_id)
        return term.label if term else term_id

    def ids(self) -> list[str]:
        return list(self.terms)


class VocabularyError(Exception):
    """A site vocabulary file that cannot be used."""

    def __init__(self, path: Path, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line


def _synonyms(body: dict[str, Any], term_id: str, path: Path, document: Document | None) -> tuple[str, ...]:
    words = body.get("synoniemen")
    if words is None:
        return ()
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        line = document.position((term_id, "synoniemen"))[0] if document else 1
        raise VocabularyError(
            path,
            f"Term '{term_id}', veld 'synoniemen': verwacht een lijst met woorden, "
            "bijvoorbeeld [alzheimer, geheugenproblemen].",
            line,
        )
    return tuple(word.strip() for word in words)


def _terms(data: Any, path: Path, document: Document | None = None) -> dict[str, Term]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise VocabularyError(path, "Een vocabulaire is een lijst van 'id: {label: …}'.")
    terms: dict[str, Term] = {}
    for term_id, body in data.items():
        if not isinstance(body, dict) or not isinstance(body.get("label"), str):
            raise VocabularyError(path, f"Term '{term_id}' heeft geen 'label'.")
        unknown = set(body) - {"label", "uitleg", "synoniemen"}
        if unknown:
            raise VocabularyError(path, f"Term '{term_id}' heeft onbekende velden: {sorted(unknown)}.")
        synonyms = _synonyms(body, term_id, path, document)
        terms[term_id] = Term(term_id, body["label"], body.get("uitleg") or "", synonyms)
    return terms


@dataclass
class Vocabularies:
    by_name: dict[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.by_name[name]

    @classmethod
    def load(cls, site_folder: Path | None = None) -> Vocabularies:
        """The package's vocabularies, extended by ``site_folder`` if given."""
        package = resources.files("mantelkaart") / "vocabularies"
        by_name: dict[str, Vocabulary] = {}
        for name in NAMES:
            text = (package / f"{name}.yaml").read_text(encoding="utf-8")
            by_name[name] = Vocabulary(name, _terms(parse_text(text), Path(f"{name}.yaml")))
        if site_folder and site_folder.is_dir():
            for path in sorted(site_folder.glob("*.yaml")):
                name = path.stem
                if name not in by_name:
                    raise VocabularyError(
                        path, f"Onbekende vocabulaire '{name}'. Kies uit: {', '.join(NAMES)}."
                    )
                try:
                    document = load_document(path)
                except YamlTrouble as trouble:
                    raise VocabularyError(path, trouble.message, trouble.line) from None
                by_name[name].terms.update(_terms(document.data, path, document))
        return cls(by_name)
