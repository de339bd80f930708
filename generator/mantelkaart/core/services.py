"""A service of a provider: who it is for, what it costs, the next step and whether an indicatie is needed."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, model_validator

from mantelkaart.core.fields import Age, Line, Slug, Text, fail
from mantelkaart.core.hours import OpeningHours
from mantelkaart.core.native import NativeFirst, matching
from mantelkaart.core.record_parts import PARTY, Contact, Need, Record, Status, Verification, field
from mantelkaart.core.terms import (
    AccessId,
    AssessorId,
    CarePhaseId,
    FunctionId,
    FundingId,
    LanguageId,
    Municipality,
    SettingId,
    TargetGroupId,
)


class Eligibility(Record):
    min_age: Age | None = field("leeftijd_vanaf", "Minimale leeftijd.", "18", default=None)
    max_age: Age | None = field("leeftijd_tot_en_met", "Maximale leeftijd.", "24", default=None)
    note: Text | None = field(
        "toelichting",
        "Andere voorwaarden, in gewone taal.",
        "Alleen als de zorgvrager in Dordrecht woont.",
        default=None,
    )

    @model_validator(mode="after")
    def _ordered(self) -> Eligibility:
        if self.min_age is not None and self.max_age is not None and self.max_age < self.min_age:
            raise fail(
                "De maximale leeftijd is lager dan de minimale.",
                "Controleer 'leeftijd_vanaf' en 'leeftijd_tot_en_met'.",
            )
        return self


class Audience(Record):
    care_recipient: Eligibility | None = field(
        "zorgvrager", "Voorwaarden voor de persoon die zorg krijgt.", {"leeftijd_vanaf": "65"}, default=None
    )
    caregiver: Eligibility | None = field(
        "mantelzorger",
        "Voorwaarden voor de mantelzorger.",
        {"toelichting": "U zorgt minstens 8 uur per week."},
        default=None,
    )


class Cost(Record):
    paid_by: list[FundingId] = field(
        "betaald_door",
        "Wie betaalt (lijst 'financiering').",
        ["wmo", "aanvullende-verzekering"],
        min_length=1,
    )
    own_contribution: Line | None = field(
        "eigen_bijdrage",
        "Wat de zorgvrager of mantelzorger zelf betaalt.",
        "€ 21 per maand via het CAK",
        default=None,
    )
    note: Text | None = field(
        "toelichting",
        "Uitleg over de kosten.",
        "De eerste 48 uur per jaar betaalt de gemeente.",
        default=None,
    )


def _party(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else value
    if not isinstance(text, str) or not PARTY.match(text):
        raise fail(
            f"'{value}' is geen geldige waarde voor 'door'.",
            "Kies 'aanbieder', 'consulent' of een dienst als aanbieder-id/dienst-id, "
            "bijvoorbeeld mee-drechtsteden/respijtconsulent.",
        )
    return text


# pydantic-core settles a well-formed value itself; only anything else calls Python (core/native.py).
Party = Annotated[str, BeforeValidator(_party), NativeFirst(matching(PARTY.pattern))]


class NextStep(Record):
    """Who acts on a service's first step, so that the page shows that party's number."""

    by: Party = field(
        "door",
        "Wie u belt of waar u zich meldt: 'aanbieder' (deze dienst zelf), 'consulent' (de consulent "
        "van de site) of een andere dienst als aanbieder-id/dienst-id.",
        "aanbieder",
        json_schema_extra={"pattern": PARTY.pattern, "x-reference": "diensten"},
    )
    text: Line | None = field(
        "tekst",
        "Wat u doet, als korte opdracht. Zonder tekst staat er 'Bel …' met de naam van wie u belt.",
        "Bel voor een kennismaking",
        default=None,
    )

    @property
    def party(self) -> str:
        """``aanbieder``, ``consulent`` or an offer key ``provider/service``."""
        return self.by


class Indication(Record):
    """Whether someone needs an assessment (indicatie) or a referral before getting the help."""

    needed: Need = field("nodig", "Is een indicatie of verwijzing nodig? nee, ja of soms.", "ja")
    by: list[AssessorId] = field(
        "van",
        "Wie de indicatie of verwijzing geeft (lijst 'indicatie'); leeg bij 'nodig: nee'.",
        ["gemeente"],
        default_factory=list,
    )
    note: Line | None = field(
        "toelichting",
        "Eén zin: wanneer het wel en wanneer het niet nodig is (verplicht bij 'nodig: soms').",
        "Alleen voor meer dan 48 uur per jaar is een indicatie nodig.",
        default=None,
    )

    @model_validator(mode="after")
    def _consistent(self) -> Indication:
        if self.needed == "ja" and not self.by:
            raise fail(
                "Bij 'nodig: ja' hoort wie de indicatie geeft.",
                "Vul 'van' in, bijvoorbeeld van: [gemeente]. Kies uit de lijst 'indicatie'.",
            )
        if self.needed == "soms" and not self.note:
            raise fail(
                "Bij 'nodig: soms' hoort één zin uitleg.",
                "Vul 'toelichting' in: wanneer is een indicatie nodig en wanneer niet?",
            )
        if self.needed == "nee" and self.by:
            raise fail(
                "Bij 'nodig: nee' geeft niemand een indicatie.",
                "Haal 'van' weg, of kies 'nodig: ja' of 'nodig: soms'.",
            )
        return self


class Service(Record):
    id: Slug = field(
        "id", "Korte naam van de dienst, uniek binnen deze aanbieder. Deel van het webadres.", "logeeropvang"
    )
    name: Line = field("naam", "Naam van de dienst.", "Logeeropvang in Het Parkhuis")
    summary: Line = field(
        "samenvatting",
        "Eén zin in gewone taal (B1): wat is het?",
        "Uw naaste logeert een paar dagen bij ons, zodat u kunt uitrusten.",
    )
    description: Text | None = field(
        "omschrijving",
        "Meer uitleg in gewone taal. Een lege regel begint een nieuwe alinea.",
        "U kunt een weekend of een week weg.",
        default=None,
    )
    functions: list[FunctionId] = field(
        "functies", "Soort ondersteuning (lijst 'functies').", ["respijtzorg"], min_length=1
    )
    respite_form: Slug | None = field(
        "respijtvorm",
        "Vorm van respijtzorg: de id van een bestand in respite-forms/.",
        "logeeropvang",
        default=None,
        json_schema_extra={"x-reference": "respite-forms"},
    )
    target_groups: list[TargetGroupId] = field(
        "doelgroepen", "Voor wie (lijst 'doelgroepen').", ["dementie", "nah"], min_length=1
    )
    care_phases: list[CarePhaseId] = field(
        "zorgfasen", "In welke fase van de zorg (lijst 'zorgfasen').", ["zorg-thuis"], default_factory=list
    )
    audience: Audience | None = field(
        "voor_wie",
        "Voorwaarden voor zorgvrager en mantelzorger.",
        {"zorgvrager": {"leeftijd_vanaf": "18"}},
        default=None,
    )
    area: list[Municipality] = field(
        "werkgebied",
        "Gemeenten waar de zorgvrager moet wonen; 'landelijk' voor heel Nederland.",
        ["dordrecht", "zwijndrecht"],
        min_length=1,
    )
    setting: SettingId = field("omgeving", "Waar de hulp plaatsvindt (lijst 'omgevingen').", "buitenshuis")
    locations: list[Slug] = field(
        "locaties",
        "Ids van de locaties van de aanbieder waar deze dienst is.",
        ["hoofdlocatie"],
        default_factory=list,
        json_schema_extra={"x-reference": "locaties"},
    )
    hours: OpeningHours | None = field(
        "openingstijden",
        "Wanneer de dienst open of beschikbaar is.",
        {"tijden": [{"dagen": ["ma"], "van": "09:00", "tot": "17:00"}]},
        default=None,
    )
    cost: Cost = field("kosten", "Kosten en wie betaalt.", {"betaald_door": ["wmo"]})
    access: list[AccessId] = field(
        "toegang", "Hoe komt u eraan (lijst 'toegang').", ["via-mantelzorgconsulent"], min_length=1
    )
    next_step: NextStep = field(
        "volgende_stap",
        "De eerste stap: wie u belt of waar u zich meldt, en wat u doet. De pagina toont het nummer "
        "van wie bij 'door' staat, en geen ander nummer.",
        {"door": "consulent", "tekst": "Bel de respijtconsulent"},
    )
    waiting_time: Line | None = field(
        "wachttijd",
        "Hoe lang mensen nu meestal wachten, met de maand erbij. Alleen als u het weet.",
        "Ongeveer 4 weken (november 2026)",
        default=None,
    )
    indication: Indication | None = field(
        "indicatie",
        "Is een indicatie of verwijzing nodig, en van wie?",
        {"nodig": "ja", "van": ["gemeente"]},
        default=None,
    )
    languages: list[LanguageId] = field(
        "talen", "Talen waarin de hulp wordt gegeven (lijst 'talen').", ["nl"], default_factory=lambda: ["nl"]
    )
    contact: Contact | None = field(
        "contact",
        "Contact voor deze dienst; vervangt het contact van de aanbieder.",
        {"telefoon": "078 000 0102"},
        default=None,
    )
    status: Status = field("status", "actief, tijdelijk-gesloten of gestopt.", "actief", default="actief")
    verified: Verification | None = field(
        "gecontroleerd",
        "Laatste controle van deze dienst; zonder dit veld geldt die van de aanbieder.",
        {"op": "2026-09-01", "door": "Respijtconsulent MEE"},
        default=None,
    )
