"""Placeholders: what ``mantelkaart new`` writes where only the editor knows the answer.

``validate`` refuses each of them ("Vul dit in: ...") until it is replaced, so a new
record cannot reach the site with a made-up name, number or address:

* text that starts with :data:`PROMPT` says what to fill in, after the colon;
* the values in :data:`PLACEHOLDERS` keep the shape of their field (editors' tools check
  the skeleton against the JSON Schema) and are refused as they are. None of them is a
  real number or address, and neither the example data nor the benchmark's synthetic data
  can hold one (those use numbers such as 078 000 0101: fictional, but valid).

Where a placeholder stands, only "Vul dit in" is said, not also that the value is invalid.
"""

from __future__ import annotations

from typing import Any

from mantelkaart.core.yaml_trouble import PathKey

PROMPT = "Vul in:"
PLACEHOLDERS = {
    "0000 000 000": "het telefoonnummer",
    "vul-in@example.org": "het e-mailadres",
    "https://vul-in.example.org": "het webadres",
    "9999 ZZ": "de postcode",
}
# Every placeholder holds one of these: a file's text without any of them is not walked
# (a few substring searches cost microseconds; walking every value of a record would not).
MARKERS = (PROMPT, "vul-in", *(value for value in PLACEHOLDERS if "vul-in" not in value))

HINT = (
    "Een voorbeeld uit 'mantelkaart new': vervang het, of haal de regel weg als het veld niet verplicht is."
)


_MARKER_BYTES = tuple(marker.encode() for marker in MARKERS)


def may_hold_placeholders(raw: bytes) -> bool:
    """Whether a file's bytes hold a marker (in bytes: four searches of a Dutch text took
    9 µs a record, as Python stores such a text two bytes a character)."""
    return any(marker in raw for marker in _MARKER_BYTES)


def what_to_fill_in(value: str) -> str | None:
    """What a placeholder asks for ("naam van de dienst"), or None for a real value."""
    if value.startswith(PROMPT):
        return value[len(PROMPT) :].strip().rstrip(".?") or "deze waarde"
    return PLACEHOLDERS.get(value.strip())


def find_placeholders(data: Any, key: PathKey = ()) -> list[tuple[PathKey, str]]:
    """Every placeholder in a parsed record: (where, what to fill in)."""
    found: list[tuple[PathKey, str]] = []
    if isinstance(data, dict):
        for name, value in data.items():
            found += find_placeholders(value, (*key, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += find_placeholders(value, (*key, index))
    elif isinstance(data, str):
        wanted = what_to_fill_in(data)
        if wanted:
            found.append((key, wanted))
    return found
