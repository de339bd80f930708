"""Phone numbers in a record: Dutch numbers read fast, every number checked by phonenumbers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

import phonenumbers
from pydantic import BeforeValidator

from mantelkaart.core.fields import fail, json_type, text_of


def parse_phone(text: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.parse(text, "NL")


def _phone(value: Any) -> str:
    return _phone_text(text_of(value, single_line=True, limit=40))


# A Dutch number written the usual way: 0, then nine digits, with spaces or dashes between.
# phonenumbers.parse reads those as country code 31 and the nine digits; building that number
# directly saves two thirds of the library's time (its parse is pure Python), and
# is_valid_number still gives the verdict. tests/test_validation.py holds the two to the same
# answer on random numbers.
_NATIONAL = re.compile(r"0[1-9](?:[ -]?[0-9]){8}")


def _dutch_number(text: str) -> phonenumbers.PhoneNumber:
    if _NATIONAL.fullmatch(text):
        return phonenumbers.PhoneNumber(
            country_code=31,
            national_number=int(text[1:].replace(" ", "").replace("-", "")),
            country_code_source=0,
        )
    return parse_phone(text)


@lru_cache(maxsize=65536)
def _phone_text(text: str) -> str:
    try:
        number = _dutch_number(text)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise fail(
            f"'{text}' is geen geldig telefoonnummer.",
            "Schrijf het nummer met netnummer, bijvoorbeeld 078 000 0000 of +31 78 000 0000.",
        )
    return text


# Only the shape: whether the number exists is phonenumbers' verdict (validator-only).
# Unquoted digits (0781234567) are an integer in YAML 1.2, so integers are accepted too.
PHONE_PATTERN = r"^\s*[+(]?[0-9][0-9 ()./-]{4,}[0-9]\s*$"
Phone = Annotated[
    str,
    BeforeValidator(_phone),
    json_type("phone", {"type": ["string", "integer"], "pattern": PHONE_PATTERN, "minimum": 10000}),
]
