"""Field values that pydantic-core settles itself, without a call into Python.

Every field type in :mod:`mantelkaart.core.fields` has a Python validator that reads text,
normalises it and says in Dutch what is wrong. Most values editors write are already
in their final form (a tidy line of text, a known vocabulary id, ``09:30``), and for
those the validator gives back the value unchanged. Calling into Python for each of
the 200-odd values of a provider record took two thirds of validating it (97 µs of
which 34 µs remain without the calls, measured on 10,000 synthetic records).

So a field type can put :class:`NativeFirst` last in its ``Annotated`` metadata: a
schema that pydantic-core checks in Rust and that accepts only values the Python
validator would give back unchanged. Anything else falls through to the Python
validator, which decides as before. The union this makes reports the errors of both
branches; :func:`details` keeps what the Python validator said, at the field's own
location, so editors see exactly the messages they saw before.
"""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationError
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, ErrorDetails, core_schema

# Union branch labels; a NUL cannot be in a record (the loader refuses binary files), so
# no field name an editor writes can look like one.
FAST = "\x00snel"
FULL = "\x00volledig"


class NativeFirst:
    """Try ``fast`` in pydantic-core first; what it refuses goes to the type's own validator."""

    def __init__(self, fast: CoreSchema) -> None:
        self.fast = fast

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        full = handler(source)
        return core_schema.union_schema([(self.fast, FAST), (full, FULL)], mode="left_to_right")

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return handler(schema["choices"][1][0])


def details(error: ValidationError) -> list[ErrorDetails]:
    """``error.errors()`` as editors should see them: where a value went through a
    :class:`NativeFirst` union, only what the Python validator said, at the field itself."""
    kept: list[ErrorDetails] = []
    for detail in error.errors():
        loc = detail["loc"]
        if FAST in loc:
            continue
        if FULL in loc:
            detail["loc"] = tuple(part for part in loc if part != FULL)
        kept.append(detail)
    return kept


# Characters a tidy line of text may hold: printable, in normal form C, and no two of them
# compose into another (tests/test_native.py checks each and every pair). ASCII without
# the space, Latin-1 without the no-break space and soft hyphen, Latin Extended-A, general
# punctuation (dashes, quotes, …) and the euro sign: what Dutch text is written with.
PLAIN_RANGES = (
    (0x21, 0x7E),
    (0xA1, 0xAC),
    (0xAE, 0x17F),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20AC, 0x20AC),
)


def _rust_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "[" + "".join(f"\\x{{{low:X}}}-\\x{{{high:X}}}" for low, high in ranges) + "]"


_PLAIN = _rust_class(PLAIN_RANGES)
_PLAIN_OR_SPACE = _rust_class(((0x20, 0x20), *PLAIN_RANGES))


def tidy_line(limit: int) -> CoreSchema:
    """Text already in its final form: plain characters, single spaces or more between them,
    none at either end, at most ``limit`` characters (what ``fields._text_of`` gives back as is)."""
    return core_schema.str_schema(
        strict=True, max_length=limit, pattern=f"^{_PLAIN}(?:{_PLAIN_OR_SPACE}*{_PLAIN})?$"
    )


def matching(pattern: str, max_length: int | None = None) -> CoreSchema:
    """Text that matches ``pattern`` (Rust's regular expressions) exactly as written."""
    return core_schema.str_schema(strict=True, pattern=pattern, max_length=max_length)


def one_of(values: list[str]) -> CoreSchema:
    """One of ``values``, as written."""
    return core_schema.literal_schema(sorted(values))
