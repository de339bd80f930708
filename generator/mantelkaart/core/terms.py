"""Fields whose value is a term of a vocabulary (functies, doelgroepen, …) or a municipality."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from mantelkaart.core.fields import SLUG, slug_of
from mantelkaart.core.native import NativeFirst, one_of
from mantelkaart.core.vocabulary import Vocabularies


class VocabularyRef:
    """Validates a field whose values must come from a named vocabulary: an id (see
    :func:`slug_of`) that the site's vocabulary has. (The package's own ids are settled by
    pydantic-core before this is called: :func:`_vocab_meta`.)"""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, value: Any, info: ValidationInfo) -> str:
        vocabularies = info.context.get("vocabularies") if info.context else None
        if vocabularies is None:
            return slug_of(value)
        vocabulary = vocabularies[self.name]
        if isinstance(value, str) and not SLUG.match(value) and term_for(vocabulary, value):
            value = value.strip()  # "Alzheimer": a synonym as people write it, answered below
        else:
            value = slug_of(value)
        if value not in vocabulary:
            raise PydanticCustomError(
                "vocabulary",
                "{message}",
                {
                    "message": f"'{value}' staat niet in de lijst '{self.name}'.",
                    "value": value,
                    "choices": vocabulary.ids(),
                    "term": term_for(vocabulary, value),
                },
            )
        return value


def term_for(vocabulary: Any, word: str) -> str:
    """The id of the term that has ``word`` as a synonym or label ("alzheimer" → "dementie"), or ""."""
    wanted = word.strip().lower().replace("-", " ")
    for term in vocabulary.terms.values():
        words = (term.label, *term.synonyms)
        if any(w.strip().lower().replace("-", " ") == wanted for w in words):
            return str(term.id)
    return ""


_BUILT_IN = Vocabularies.load(None)  # a site adds terms to these, never takes any away


def _vocab_meta(name: str) -> tuple[BeforeValidator, NativeFirst, Any]:
    ids = [term for term in _BUILT_IN[name].ids() if SLUG.match(term)]
    return (
        BeforeValidator(VocabularyRef(name)),
        NativeFirst(one_of(ids)),
        Field(json_schema_extra={"x-vocabulary": name}),
    )


FunctionId = Annotated[str, *_vocab_meta("functies")]
TargetGroupId = Annotated[str, *_vocab_meta("doelgroepen")]
FundingId = Annotated[str, *_vocab_meta("financiering")]
AccessId = Annotated[str, *_vocab_meta("toegang")]
CarePhaseId = Annotated[str, *_vocab_meta("zorgfasen")]
SettingId = Annotated[str, *_vocab_meta("omgevingen")]
LanguageId = Annotated[str, *_vocab_meta("talen")]
ProviderKindId = Annotated[str, *_vocab_meta("soorten")]
AssessorId = Annotated[str, *_vocab_meta("indicatie")]


def check_municipality(value: Any, info: ValidationInfo) -> str:
    """An id (see :func:`slug_of`) of one of the region's municipalities (or ``landelijk``)."""
    municipalities = info.context.get("municipalities") if info.context else None
    if (
        value.__class__ is str
        and municipalities is not None
        and value in municipalities
        and SLUG.match(value)
    ):
        return str(value)
    value = slug_of(value)
    if municipalities is not None and value not in municipalities:
        raise PydanticCustomError(
            "vocabulary",
            "{message}",
            {
                "message": f"De gemeente '{value}' hoort niet bij deze regio.",
                "value": value,
                "choices": sorted(municipalities),
            },
        )
    return value


Municipality = Annotated[
    str,
    BeforeValidator(check_municipality),
    Field(json_schema_extra={"x-vocabulary": "gemeenten"}),
]
