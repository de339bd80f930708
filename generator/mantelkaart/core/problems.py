"""Problems found in records, in Dutch, and the formats they are printed in."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from mantelkaart.core.fields import ERROR_TYPE
from mantelkaart.core.loader import Document
from mantelkaart.core.yaml_trouble import PathKey

Severity = Literal["fout", "waarschuwing"]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = "fout"
    topic: str = ""  # "taal": a plain-language warning, which never counts as an error (--strict)

    def text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        label = "" if self.severity == "fout" else "waarschuwing: "
        if self.topic == "taal":
            label = "waarschuwing (gewone taal): "
        subject = f"{self.field}: " if self.field else ""
        hint = f" ({self.hint})" if self.hint else ""
        return visible(f"{where}: {label}{subject}{self.message}{hint}")

    def github(self) -> str:
        level = "error" if self.severity == "fout" else "warning"
        body = f"{self.field}: {self.message}" if self.field else self.message
        if self.hint:
            body += f" {self.hint}"
        body = _escape(visible(body))
        file = _escape(self.file).replace(":", "%3A").replace(",", "%2C")
        return f"::{level} file={file},line={self.line},col={self.column}::{body}"


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Control characters from record text or file names escaped (``\\x1b``), so nothing an
    editor wrote can move the cursor, clear the screen or retitle the terminal."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text
    )


def _escape(text: str) -> str:
    """Escape text for a GitHub Actions workflow command (properties also need : and ,)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def field_path(key: PathKey) -> str:
    """``('diensten', 0, 'kosten')`` → ``diensten[1].kosten`` (counting from 1)."""
    text = ""
    for part in key:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def suggest(word: str, choices: Iterable[str]) -> str:
    """A Dutch "did you mean" hint, or an empty string. A word that starts with exactly one
    of short choices ("maandag" for "ma") gets that one too."""
    choices = list(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        lower = word.strip().lower()
        close = [choice for choice in choices if len(choice) < len(lower) and lower.startswith(choice)]
    return f"Bedoelde u '{close[0]}'?" if len(close) == 1 else ""


def dutch_list(items: Iterable[object], last: str = "of") -> str:
    """``a, b of c``: a list as Dutch writes it (``en`` or ``of`` before the last item)."""
    words = [str(item) for item in items]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def count(number: int, one: str, many: str) -> str:
    """``1 fout``, ``2 fouten``, ``0 fouten``."""
    return f"{number} {one if number == 1 else many}"


# The shape of opening hours, for hints about them (one line, as the text format prints hints).
HOURS_SHAPE = 'openingstijden: {tijden: [{dagen: [ma, di], van: "09:00", tot: "17:00"}]}'
_STRUCTURE = {
    "missing",
    "extra_forbidden",
    "list_type",
    "model_type",
    "model_attributes_type",
    "dict_type",
    "too_short",
}


def _model_at(model: type[BaseModel], key: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that owns the field at ``key`` (for field-name hints)."""
    current: Any = model
    for part in key:
        if isinstance(part, int):
            continue
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        info = fields.get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
        if current is None:
            return None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _aliases(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def translate(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc = error["loc"]
    value = error.get("input")
    if kind == ERROR_TYPE:
        return ctx["message"], ctx.get("hint", "")
    if kind == "vocabulary":
        term = ctx.get("term")
        if term:
            return ctx["message"], f"Bedoelde u '{term}'? '{ctx['value']}' is een zoekwoord bij '{term}'."
        hint = suggest(str(ctx["value"]), ctx["choices"])
        choices = list(ctx["choices"])
        listed = dutch_list(choices) if len(choices) <= 20 else ", ".join(choices[:20]) + ", …"
        return ctx["message"], hint or f"Kies uit: {listed}."
    if kind == "missing" and tuple(loc[-2:]) == ("volgende_stap", "door"):  # e.g. after 'migrate'
        return (
            "Bij 'volgende_stap' ontbreekt 'door': wie de mantelzorger belt of waar die zich meldt.",
            "Vul in: door: aanbieder (deze dienst), door: consulent (de consulent van de site) of "
            "door: aanbieder-id/dienst-id. De pagina toont alleen het nummer van wie hier staat.",
        )
    if kind == "missing":
        return "Dit veld is verplicht maar ontbreekt.", "Voeg het veld toe; zie de redactiehandleiding."
    if kind == "extra_forbidden":
        owner = _model_at(model, loc[:-1])
        hint = suggest(str(loc[-1]), _aliases(owner)) if owner else ""
        return (
            f"Onbekend veld '{loc[-1]}'.",
            hint or "Haal het weg of controleer de spelling; onbekende velden worden niet gebruikt.",
        )
    if kind == "literal_error":
        expected = [
            c.strip() for c in str(ctx.get("expected", "")).replace("'", "").replace(" or ", ",").split(",")
        ]
        pick = f"Kies uit: {dutch_list(expected)}."
        if not isinstance(value, str):
            return "Hier hoort één waarde uit een vaste lijst.", pick
        hint = suggest(value, expected)
        return f"'{value}' is geen toegestane waarde.", f"{hint} {pick}" if hint else pick
    if kind in ("list_type", "tuple_type"):
        return "Hier hoort een lijst.", "Zet elke waarde op een eigen regel die begint met '- '."
    if kind == "model_type" and loc and loc[-1] == "volgende_stap" and isinstance(value, str):
        return (
            "'volgende_stap' is een blok met 'door' en 'tekst', zodat de site het goede nummer toont.",
            "Schrijf bijvoorbeeld:  volgende_stap: {door: aanbieder, tekst: "
            + value.strip()[:60]
            + "}  ('door' is aanbieder, consulent of aanbieder-id/dienst-id).",
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (
            "Hier horen velden (naam: waarde) op de regels eronder.",
            "Spring de velden in onder deze regel.",
        )
    if kind == "too_short":
        return "Deze lijst mag niet leeg zijn.", "Vul minstens één waarde in."
    if kind == "too_long":
        return "Deze lijst is te lang.", "Haal waarden weg."
    if kind in ("string_type", "str_type"):
        return "Hier hoort tekst.", "Schrijf de tekst achter de dubbele punt."
    if kind in BOUNDS:
        limit = next(iter(ctx.values()), "")
        return f"'{value}' is {BOUNDS[kind]} {limit} zijn.", ""
    return f"Ongeldige waarde ({error['msg']}).", ""


BOUNDS = {
    "greater_than_equal": "te klein; het moet minstens",
    "greater_than": "te klein; het moet meer dan",
    "less_than_equal": "te groot; het mag hoogstens",
    "less_than": "te groot; het moet minder dan",
}


def from_validation(
    document: Document, relpath: str, model: type[BaseModel], errors: list[ErrorDetails]
) -> list[Problem]:
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        message, hint = translate(error, model)
        if error["type"] in _STRUCTURE and "openingstijden" in loc:
            hint = f"{hint} Zo ziet het eruit: {HOURS_SHAPE}".strip()
        line, column = document.position(loc)
        problems.append(Problem(relpath, line, column, field_path(loc), message, hint))
    return problems


def render(problems: Sequence[Problem], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(p.github() for p in problems)
    return "\n".join(p.text() for p in problems)
