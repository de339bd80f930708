"""The schema of ``keuzehulp.yaml``: the questions, answers and rules of the respite guide.

Like the record schema, attribute names are English and aliases are the Dutch keys
editors write; every field has a Dutch description and an example, so validation and
the field reference (``/redactie/velden/``) come from this one place. References
between parts of the file (a rule naming a question or answer) and to records
(respite forms) are checked in :mod:`mantelkaart.core.guide_file`, where each problem
can point at the exact line.
"""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from mantelkaart.core.fields import Age, Line, Slug, Text, YesNo, fail
from mantelkaart.core.record_parts import Record, field
from mantelkaart.core.terms import FunctionId, Municipality, TargetGroupId

QuestionKind = Literal["keuze", "gemeente"]
Person = Literal["naaste", "mantelzorger"]  # whom a question is about

DEFAULT_NO_ANSWER = "Weet ik niet"
DEFAULT_NO_RESULT = (
    "Wij vinden geen hulp die precies past bij uw antwoorden. "
    "Beantwoord minder vragen, of bel de consulent. Die denkt met u mee."
)
RESERVED_IDS = frozenset({"stap"})  # the guide's own URL parameter: the question on screen


class AgeRange(Record):
    low: Age | None = field("vanaf", "Vanaf deze leeftijd (in jaren).", "18", default=None)
    high: Age | None = field("tot_en_met", "Tot en met deze leeftijd (in jaren).", "24", default=None)

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.low is not None and self.high is not None and self.high < self.low:
            raise fail(
                "De leeftijd 'tot_en_met' is lager dan 'vanaf'.", "Controleer 'vanaf' en 'tot_en_met'."
            )
        return self


class Answer(Record):
    id: Slug = field("id", "Korte naam van het antwoord. Komt in het webadres van de uitkomst.", "nacht")
    label: Line = field("label", "Het antwoord zoals de bezoeker het ziet.", "Een nacht of langer")
    sentence: Line = field(
        "zin",
        "Eén zin die de uitkomst uitlegt als dit antwoord is gekozen, met 'u'.",
        "U zoekt een pauze van een nacht of langer.",
    )
    target_groups: list[TargetGroupId] = field(
        "doelgroepen",
        "Alleen aanbod voor deze doelgroepen tonen (lijst 'doelgroepen'). "
        "Aanbod voor 'iedereen' past altijd. Leeg: geen filter.",
        ["dementie"],
        default_factory=list,
        max_length=20,
    )
    ages: AgeRange | None = field(
        "leeftijd",
        "Alleen bij een vraag met 'over': de leeftijd van die persoon bij dit antwoord. "
        "Aanbod, regelingen en betalers die niet bij die leeftijd passen, toont de keuzehulp dan niet.",
        {"tot_en_met": "17"},
        default=None,
    )
    note: Line | None = field(
        "toelichting",
        "Eén zin die de bezoeker bij de volgende vragen en bij de uitkomst leest als dit antwoord is gekozen.",
        "U beantwoordt de vragen voor de mantelzorger die u doorverwijst.",
        default=None,
    )


class Question(Record):
    id: Slug = field(
        "id",
        "Korte naam van de vraag. Komt in het webadres van de uitkomst, bijvoorbeeld ?pauze=nacht.",
        "pauze",
    )
    question: Line = field("vraag", "De vraag, in gewone taal (B1).", "Wat voor pauze zoekt u?")
    explanation: Line | None = field(
        "uitleg", "Korte uitleg onder de vraag.", "Kies wat het meest lijkt op wat u zoekt.", default=None
    )
    kind: QuestionKind = field(
        "soort",
        "keuze: de antwoorden staan hieronder. gemeente: de antwoorden zijn de gemeenten uit mkdocs.yml.",
        "keuze",
        default="keuze",
    )
    answers: list[Answer] = field(
        "antwoorden",
        "De antwoorden waaruit de bezoeker kiest (alleen bij soort 'keuze').",
        [
            {
                "id": "nacht",
                "label": "Een nacht of langer",
                "zin": "U zoekt een pauze van een nacht of langer.",
            }
        ],
        default_factory=list,
        max_length=40,
    )
    about: Person | None = field(
        "over",
        "Over wie de vraag gaat: 'naaste' (de persoon voor wie gezorgd wordt) of 'mantelzorger'. "
        "Nodig als de antwoorden een 'leeftijd' hebben.",
        "naaste",
        default=None,
    )
    only_if: dict[str, list[Slug]] = field(
        "alleen_als",
        "Stel deze vraag alleen als een eerdere vraag een van deze antwoorden heeft (per vraag-id de antwoord-ids).",
        {"pauze": ["nacht", "vakantie"]},
        default_factory=dict,
    )
    municipalities: list[Municipality] = field(
        "gemeenten",
        "Alleen bij soort 'gemeente': welke gemeenten, in deze volgorde. Leeg: alle gemeenten van de regio.",
        ["dordrecht", "zwijndrecht"],
        default_factory=list,
        max_length=100,
    )
    no_answer: Line = field(
        "geen_antwoord",
        "Het antwoord voor wie niet kiest. Dit antwoord telt niet mee in de regels.",
        DEFAULT_NO_ANSWER,
        default=DEFAULT_NO_ANSWER,
    )


class Rule(Record):
    respite_form: Slug | None = field(
        "respijtvorm",
        "Deze vorm van respijtzorg tonen: de id van een bestand in respite-forms/. "
        "Gebruik 'respijtvorm' of 'functie', niet allebei.",
        "logeeropvang",
        default=None,
    )
    function: FunctionId | None = field(
        "functie",
        "Of: al het aanbod met deze soort ondersteuning tonen (lijst 'functies').",
        "emotionele-steun",
        default=None,
    )
    conditions: dict[str, list[Slug]] = field(
        "als",
        "Wanneer deze regel past: per vraag-id de antwoord-ids die passen. "
        "Een vraag die hier niet staat, of die de bezoeker niet beantwoordt, telt niet mee.",
        {"pauze": ["nacht", "vakantie"], "waar": ["buitenshuis"]},
        default_factory=dict,
    )
    needs_answers: YesNo = field(
        "alleen_met_antwoord",
        "ja: de regel past alleen als de bezoeker elke vraag uit 'als' heeft beantwoord. "
        "Anders telt een vraag zonder antwoord als passend.",
        "ja",
        default=False,
    )
    conclusion: Line = field(
        "conclusie",
        "De zin na de zinnen van de gekozen antwoorden: waarom dit past.",
        "Logeeropvang past daarbij: uw naaste logeert een of meer nachten ergens anders.",
    )


class Guide(Record):
    title: Line = field("titel", "Titel van de pagina.", "Keuzehulp respijtzorg")
    intro: Text = field(
        "inleiding",
        "Uitleg boven de vragen. Een lege regel begint een nieuwe alinea.",
        "Beantwoord een paar vragen. U ziet dan welke hulp bij u past.",
    )
    questions: list[Question] = field(
        "vragen",
        "De vragen, in de volgorde waarin ze op de pagina staan.",
        [{"id": "pauze", "vraag": "Wat voor pauze zoekt u?"}],
        min_length=1,
        max_length=12,
    )
    rules: list[Rule] = field(
        "regels",
        "Welke hulp bij welke antwoorden past. Een vorm kan in meer regels staan; de eerste regel die past, geeft de uitleg.",
        [
            {
                "respijtvorm": "logeeropvang",
                "als": {"pauze": ["nacht"]},
                "conclusie": "Logeeropvang past daarbij.",
            }
        ],
        min_length=1,
        max_length=300,
    )
    no_result: Text = field(
        "geen_uitkomst",
        "Wat de bezoeker leest als er niets past.",
        DEFAULT_NO_RESULT,
        default=DEFAULT_NO_RESULT,
    )


__all__ = ["Answer", "Guide", "Question", "QuestionKind", "Rule"]
