"""What pydantic-core settles itself (:mod:`mantelkaart.core.native`) is what the Python validators
would have given back unchanged; everything else still gets their verdict and Dutch message."""

from __future__ import annotations

import itertools
import unicodedata
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from pydantic_core import CoreSchema, PydanticCustomError, SchemaValidator

from mantelkaart.core import dates, fields, native, terms
from mantelkaart.core.vocabulary import NAMES, Vocabularies

PLAIN = [chr(code) for low, high in native.PLAIN_RANGES for code in range(low, high + 1)]
# Characters near the edges of the plain set, and ones that would break its promises:
# spaces of other kinds, line breaks, control and format characters, combining marks and
# characters that compose with what comes before them.
TRICKY = (
    " \t\n\r\x0b\x0c\x1f\x7f\x85\x9f\xa0\xad\u0300\u0301\u0308\u0327\u034f\u1100\u1161\u11a8"
    "\u0b47\u0b3e\u200b\u200d\u200e\u2028\u2029\u202a\u202f\u205f\u2060\u2066\u20ab\u20ad\ufeff"
    "\ufffd\U0001f600e\u00e9\u00eb\u0133\u20ac\u2013\u2019\u2026"
)
TEXT = st.text(alphabet=st.sampled_from(PLAIN + list(TRICKY)), max_size=12)


def accepts(schema: CoreSchema, value: Any) -> bool:
    try:
        SchemaValidator(schema).validate_python(value)
    except ValidationError:
        return False
    return True


def test_plain_characters_are_printable_composed_and_compose_with_nothing() -> None:
    """Every character is printable, not a space, in normal form C with no combining class,
    and no pair of them turns into something else under NFC (so a tidy line is NFC as it is)."""
    for character in PLAIN:
        assert character.isprintable() and character != " ", hex(ord(character))
        assert unicodedata.is_normalized("NFC", character) and unicodedata.combining(character) == 0
    for first, second in itertools.product([*PLAIN, " "], repeat=2):
        assert unicodedata.is_normalized("NFC", first + second), (hex(ord(first)), hex(ord(second)))


@given(TEXT)
@settings(max_examples=3000)
def test_a_tidy_line_is_what_the_text_validator_gives_back(text: str) -> None:
    for single_line, limit in ((True, 200), (False, 5000), (True, 5)):
        if accepts(native.tidy_line(limit), text):
            assert fields._text_of(single_line, limit, text) == text


@pytest.mark.parametrize(
    ("text", "tidy"),
    [
        ("Logeren in Het Parkhuis", True),
        ("Café € 21,50 – ‘ja’ … ĳs", True),
        ("x", True),
        ("", False),
        (" voor", False),
        ("na ", False),
        ("regel\nregel", False),
        ("tab\there", False),
        ("cafe\u0301", False),  # not composed
        ("no\xa0break", False),
        ("zacht\xadstreepje", False),
        ("a" * 201, False),
    ],
)
def test_tidy_lines(text: str, tidy: bool) -> None:
    assert accepts(native.tidy_line(200), text) is tidy


@given(st.text(alphabet=st.sampled_from("az09-AZ _:.\n é"), max_size=12))
@settings(max_examples=2000)
def test_slugs_times_and_postcodes_are_what_their_validators_give_back(text: str) -> None:
    slug, time, postcode = (
        fields.Slug.__metadata__[1],
        dates.Time.__metadata__[1],
        fields.Postcode.__metadata__[1],
    )
    if accepts(slug.fast, text):
        assert fields.slug_of(text) == text
    if accepts(time.fast, text):
        assert dates._time(text) == text
    if accepts(postcode.fast, text):
        assert fields._postcode(text) == text


SHORT = ("09:30", "00:00", "23:59", "24:00", "3311 AB", "3312 SB", "logeren")
LONG_WAY = ("9:30", "24:01", "3311 ab", "3311 SA", "3311 SS", "Logeren", "a--b")


@pytest.mark.parametrize(("value", "native_"), [*((v, True) for v in SHORT), *((v, False) for v in LONG_WAY)])
def test_which_values_pydantic_core_settles(value: str, native_: bool) -> None:
    """The usual forms are settled natively; anything to tidy or refuse goes to Python."""
    schemas = [
        dates.Time.__metadata__[1].fast,
        fields.Postcode.__metadata__[1].fast,
        fields.Slug.__metadata__[1].fast,
    ]
    assert any(accepts(schema, value) for schema in schemas) is native_


def test_built_in_vocabulary_ids_pass_the_full_check_too() -> None:
    """The fast branch knows the package's ids; each is one the Python validator accepts with
    the vocabularies a site has (which only add terms)."""

    class Info:
        context: ClassVar[dict[str, Any]] = {"vocabularies": Vocabularies.load(None)}

    for name in NAMES:
        for term in Vocabularies.load(None)[name].ids():
            assert terms.VocabularyRef(name)(term, Info()) == term  # type: ignore[arg-type]


class Sample(BaseModel):
    naam: fields.Line
    tijden: list[dates.Time] = []
    doelgroep: terms.TargetGroupId | None = None


def test_errors_are_the_python_validators_at_the_field_itself() -> None:
    with pytest.raises(ValidationError) as caught:
        Sample.model_validate(
            {"naam": " ", "tijden": ["09:00", "25:00"], "doelgroep": "dementia"},
            context={"vocabularies": Vocabularies.load(None)},
        )
    found = [(detail["loc"], detail["type"]) for detail in native.details(caught.value)]
    assert found == [
        (("naam",), "mantelkaart"),
        (("tijden", 1), "mantelkaart"),
        (("doelgroep",), "vocabulary"),
    ]
    assert len(caught.value.errors()) == 6  # both branches of each union, before details()


def test_values_the_python_validators_tidy_still_come_out_tidy() -> None:
    sample = Sample.model_validate({"naam": "  Café\u0301  ", "tijden": ["9:30"]})
    assert sample.naam == "Café\u0301".replace("e\u0301", "é").strip() and sample.tijden == ["09:30"]


def test_a_custom_error_keeps_its_message() -> None:
    error = fields.fail("Hier klopt iets niet.", "Een hint.")
    assert isinstance(error, PydanticCustomError) and error.context == {
        "message": "Hier klopt iets niet.",
        "hint": "Een hint.",
    }
