"""What can be wrong with a record file as YAML, said in Dutch, and the bounds the loader keeps.

:mod:`mantelkaart.core.loader` raises these; validation turns a :class:`YamlTrouble` into a problem
with its line and column.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_BYTES = 1_000_000
MAX_DEPTH = 30
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})

PathKey = tuple[str | int, ...]


class YamlTrouble(Exception):
    """A file that cannot be read as a record, with a Dutch message."""

    def __init__(self, message: str, hint: str = "", line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column


TOO_DEEP = (
    f"De gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus).",
    "Een record heeft maar een paar niveaus nodig; controleer de inspringing.",
)
NO_ANCHORS = (
    "YAML-ankers en -verwijzingen (& en *) worden niet ondersteund.",
    "Schrijf de waarde gewoon uit op elke plek waar u hem nodig heeft.",
)
PLAIN_KEYS = ("Een veldnaam moet gewone tekst zijn.", "Schrijf 'veldnaam: waarde'.")


def twice(key: str) -> tuple[str, str]:
    return (
        f"Het veld '{key}' staat twee keer in dezelfde groep.",
        "Verwijder een van de twee; anders is niet duidelijk welke waarde geldt.",
    )


def at(node_or_event: Any, message: str, hint: str) -> YamlTrouble:
    """A problem at the start of a node or event."""
    mark = node_or_event.start_mark
    return YamlTrouble(message, hint, mark.line + 1, mark.column + 1)


def trouble(error: yaml.YAMLError, text: str) -> YamlTrouble:
    """A libyaml error as a Dutch :class:`YamlTrouble` with its position."""
    if isinstance(error, yaml.reader.ReaderError):
        # libyaml reports the position as a byte offset in the UTF-8 text.
        line = text.encode("utf-8")[: error.position].count(b"\n") + 1
        return YamlTrouble(
            f"Het bestand bevat een teken dat niet in een tekstbestand hoort (U+{error.character:04X}).",
            "Typ de tekst op deze regel opnieuw in; het teken is vaak onzichtbaar.",
            line,
        )
    if isinstance(error, yaml.MarkedYAMLError):
        if "expected a single document" in str(error):
            mark = error.problem_mark
            return YamlTrouble(
                "Het bestand bevat meer dan één YAML-document (---).",
                "Zet één record per bestand.",
                mark.line + 1 if mark else 1,
            )
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if error.problem == "exceeded maximum nesting depth":  # libyaml's own bound (PyYAML 6.0.3 and up)
            return YamlTrouble(*TOO_DEEP, line, column)
        return YamlTrouble(
            f"De YAML is ongeldig: {error.problem or error.context}.",
            "Controleer inspringing, dubbele punten en aanhalingstekens rond deze regel.",
            line,
            column,
        )
    return YamlTrouble(f"De YAML is ongeldig: {error}.")
