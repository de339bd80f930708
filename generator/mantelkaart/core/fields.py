"""Field types shared by the record schema, each with a Dutch error message.

Every value arrives as text (the loader converts nothing), so each type here
parses text and says in Dutch what is wrong, with a hint. Validation that needs
the site (vocabularies, municipalities, today's date) reads it from the
validation context.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache, partial
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from mantelkaart.core.native import NativeFirst, matching, tidy_line

ERROR_TYPE = "mantelkaart"


def fail(message: str, hint: str = "") -> PydanticCustomError:
    """An error pydantic carries to :mod:`mantelkaart.core.problems` untouched."""
    return PydanticCustomError(ERROR_TYPE, "{message}", {"message": message, "hint": hint})


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# JSON Schema for each field type (see editors/json_schema.py). Patterns are written for both
# Python's re and JavaScript (editors, Decap CMS) and follow the validators below; the
# loader keeps every value as text, but editors' tools read YAML 1.2 types, so a type
# also accepts the number or boolean YAML makes of text the validator accepts.
# "x-kind" names the type for the editor form (editors/cms.py).
_CONTROL_CLASS = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"
TEXTUAL = ["string", "number", "boolean"]
LINE_PATTERN = rf"^(?=\s*\S)[^{_CONTROL_CLASS}\n\r\u2028\u2029]*$"
TEXT_PATTERN = rf"^(?=\s*\S)[^{_CONTROL_CLASS}]*$"


def json_type(kind: str, schema: dict[str, Any]) -> WithJsonSchema:
    return WithJsonSchema({**schema, "x-kind": kind})


def scalar_of(value: Any) -> str:
    """The text of a single value, or a clear error for an empty value, a list or a group."""
    if value is None:
        raise fail(
            "Hier ontbreekt een waarde.",
            "Vul een waarde in, of haal de regel weg als het veld niet verplicht is.",
        )
    if isinstance(value, (list, dict)):
        raise fail(
            "Hier hoort één waarde, geen lijst of groep.", "Zet de waarde direct achter de dubbele punt."
        )
    return str(value)


def text_of(value: Any, *, single_line: bool, limit: int) -> str:
    return _text_of(single_line, limit, value)


def _text_of(single_line: bool, limit: int, value: Any) -> str:
    """:func:`text_of` with the value last, for :func:`functools.partial` (one call per field, in C)."""
    # Fast path for the common case: already stripped, printable (so no line breaks or
    # control characters), NFC, within the limit. Everything else gets the full check.
    if (
        value.__class__ is str
        and 0 < len(value) <= limit
        and value.isprintable()
        and value[0] != " "
        and value[-1] != " "
        and (value.isascii() or unicodedata.is_normalized("NFC", value))
    ):
        return value
    if not isinstance(value, str):
        raise fail("Hier hoort tekst.", "Schrijf de tekst achter de dubbele punt.")
    text = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(text):
        raise fail("De tekst bevat onzichtbare stuurtekens.", "Typ de tekst opnieuw in.")
    if not text:
        raise fail("De tekst is leeg.", "Vul een tekst in of laat het veld weg.")
    if single_line and len(text.splitlines()) > 1:
        raise fail("Hier hoort één regel tekst.", "Haal de regelovergangen weg.")
    if len(text) > limit:
        raise fail(f"De tekst is te lang ({len(text)} tekens, maximaal {limit}).", "Maak hem korter.")
    return text


Line = Annotated[
    str,
    BeforeValidator(partial(_text_of, True, 200)),
    NativeFirst(tidy_line(200)),
    json_type("line", {"type": TEXTUAL, "minLength": 1, "maxLength": 200, "pattern": LINE_PATTERN}),
]
Text = Annotated[
    str,
    BeforeValidator(partial(_text_of, False, 5000)),
    NativeFirst(tidy_line(5000)),
    json_type("text", {"type": TEXTUAL, "minLength": 1, "maxLength": 5000, "pattern": TEXT_PATTERN}),
]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 80  # characters: an id is part of a file name and a web address


def slug_of(value: Any) -> str:
    value = scalar_of(value)
    if not SLUG.match(value):
        raise fail(
            f"'{value[:100]}' is geen geldige id.",
            "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'logeerhuis-dordrecht'.",
        )
    if len(value) > MAX_ID:
        raise fail(
            f"De id is te lang ({len(value)} tekens; hooguit {MAX_ID}).",
            "Kies een kortere id: hij wordt een deel van het webadres.",
        )
    return value


Slug = Annotated[
    str,
    BeforeValidator(slug_of),
    NativeFirst(matching(SLUG.pattern, MAX_ID)),
    json_type(
        "slug", {"type": ["string", "integer"], "pattern": SLUG.pattern, "minimum": 0, "maxLength": MAX_ID}
    ),
]


def _url(value: Any) -> str:
    text = text_of(value, single_line=True, limit=2000)
    try:
        parts = urlsplit(text)
    except ValueError:  # for example an unclosed IPv6 address: http://[::1
        parts = urlsplit("")
    if parts.scheme == "mailto" and "@" in parts.path:
        return text
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        guess = ""
        if not parts.scheme and "." in text.split("/")[0] and " " not in text and "@" not in text:
            guess = f"Bedoelde u https://{text}? "  # www.example.org
        raise fail(
            f"'{text}' is geen geldig webadres.",
            f"{guess}Een link begint met https:// (of mailto: voor e-mail); andere soorten links zijn niet toegestaan.",
        )
    return text


_HOST = r"(?:[^\s/?#\[\]]*\[[^\s/?#\[\]]*\][^\s/?#\[\]]*|[^\s/?#\[\]]+)"
URL_PATTERN = (
    rf"^\s*(?:[Hh][Tt][Tt][Pp][Ss]?://{_HOST}(?:[/?#][^\s{_CONTROL_CLASS}]*)?"
    rf"|[Mm][Aa][Ii][Ll][Tt][Oo]:[^?#{_CONTROL_CLASS}]*@[^{_CONTROL_CLASS}]*)\s*$"
)
Url = Annotated[str, BeforeValidator(_url), json_type("url", {"type": "string", "pattern": URL_PATTERN})]


# Plain ASCII addresses (the vast majority) skip email-validator's costly IDNA checks;
# anything else, and every reserved domain, gets the library's full verdict.
_PLAIN_EMAIL = re.compile(
    r"^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$"
)
_SPECIAL_TLDS = ("arpa", "invalid", "local", "localhost", "onion", "test", "internal", "home", "lan", "corp")


@lru_cache(maxsize=65536)
def _email_text(text: str) -> str:
    if len(text) <= 254 and _PLAIN_EMAIL.match(text) and not text.lower().endswith(_SPECIAL_TLDS):
        local, domain = text.rsplit("@", 1)
        if len(local) <= 64:
            return f"{local}@{domain.lower()}"
    from email_validator import EmailNotValidError, validate_email  # 15 ms to import; rarely needed

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        raise fail(f"'{text}' is geen geldig e-mailadres.", "Schrijf het als naam@voorbeeld.nl.") from None


def _email(value: Any) -> str:
    return _email_text(text_of(value, single_line=True, limit=254))


EMAIL_PATTERN = r"^\s*[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}\s*$"
Email = Annotated[
    str,
    BeforeValidator(_email),
    json_type("email", {"type": "string", "format": "email", "pattern": EMAIL_PATTERN}),
]


POSTCODE = re.compile(r"^([1-9]\d{3}) ?([A-Z]{2})$")


def _postcode(value: Any) -> str:
    match = POSTCODE.match(scalar_of(value).strip().upper())
    if not match or match.group(2) in {"SA", "SD", "SS"}:
        raise fail(
            f"'{value}' is geen geldige Nederlandse postcode.",
            "Schrijf vier cijfers en twee letters, bijvoorbeeld 3311 AB.",
        )
    return f"{match.group(1)} {match.group(2)}"


Postcode = Annotated[
    str,
    BeforeValidator(_postcode),
    NativeFirst(matching(r"^[1-9][0-9]{3} (?:[A-RT-Z][A-Z]|S[BCE-RT-Z])$")),  # as _postcode writes it
    json_type(
        "postcode", {"type": "string", "pattern": r"^\s*[1-9][0-9]{3} ?(?![Ss][AaDdSs])[A-Za-z]{2}\s*$"}
    ),
]

TRUE_WORDS = {"ja", "true", "waar", "yes"}
FALSE_WORDS = {"nee", "false", "onwaar", "no"}


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = scalar_of(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise fail(f"'{value}' is geen ja of nee.", "Schrijf ja of nee.")


def _any_case(words: Iterable[str]) -> str:
    return "|".join("".join(f"[{c.upper()}{c}]" for c in word) for word in sorted(words))


TRUE_PATTERN = rf"^\s*(?:{_any_case(TRUE_WORDS)})\s*$"
YES_NO_PATTERN = rf"^\s*(?:{_any_case(TRUE_WORDS | FALSE_WORDS)})\s*$"
YesNo = Annotated[
    bool,
    BeforeValidator(_boolean),
    json_type("yes-no", {"type": ["boolean", "string"], "pattern": YES_NO_PATTERN}),
]


# Whole numbers up to nine digits with at most two decimals: no exponents (1e999999
# would take minutes to turn into an integer or a page) and no thousands separators
# ("1.000" would silently be read as one).
NUMBER = re.compile(r"^[0-9]{1,9}(?:[.,][0-9]{1,2})?$")


def _number(value: Any) -> Decimal:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        value = str(value)
    text = scalar_of(value).strip()
    if not NUMBER.match(text):
        raise fail(
            f"'{text}' is geen getal.",
            "Schrijf alleen het getal, zonder punt voor duizendtallen, bijvoorbeeld 75, 1000 of 21,50.",
        )
    return Decimal(text.replace(",", "."))


AMOUNT_PATTERN = r"^\s*[0-9]{1,9}(?:[.,][0-9]{1,2})?\s*$"
Amount = Annotated[
    Decimal,
    BeforeValidator(_number),
    json_type(
        "amount",
        {"type": ["number", "string"], "pattern": AMOUNT_PATTERN, "minimum": 0, "maximum": 999_999_999.99},
    ),
]


def _age(value: Any) -> int:
    number = _number(value)
    if number > 120 or number != int(number):
        raise fail(
            f"'{value}' is geen geldige leeftijd.", "Schrijf een leeftijd in hele jaren, bijvoorbeeld 18."
        )
    return int(number)


AGE_PATTERN = r"^\s*(?=[0-9]{1,9}(?![0-9]))0*(?:[0-9]|[1-9][0-9]|1[01][0-9]|120)(?:[.,]0{1,2})?\s*$"
Age = Annotated[
    int,
    BeforeValidator(_age),
    json_type("age", {"type": ["integer", "string"], "pattern": AGE_PATTERN, "minimum": 0, "maximum": 120}),
]


def _coordinate(value: Any) -> float:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        value = scalar_of(value).strip().replace(",", ".")
    try:
        number = float(value)
        if number != number or abs(number) > 180:
            raise ValueError
        return number
    except (TypeError, ValueError):
        raise fail(
            f"'{value}' is geen geldige coördinaat.", "Schrijf een decimaal getal, bijvoorbeeld 51.8133."
        ) from None


COORDINATE_PATTERN = r"^\s*[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)\s*$"
Coordinate = Annotated[
    float,
    BeforeValidator(_coordinate),
    json_type("coordinate", {"type": ["number", "string"], "pattern": COORDINATE_PATTERN}),
]
