"""The record schema: the one source of truth for every field.

Attribute names are English (the code's language); aliases are the Dutch field
names editors write in YAML. Each field carries a Dutch description and an
example: validation, the JSON Schema, editor forms and the editors' field
reference are all produced from these models.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from mantelkaart.fields import (
    TRUE_PATTERN,
    AccessId,
    Age,
    Amount,
    AssessorId,
    CarePhaseId,
    Coordinate,
    Date,
    Email,
    FunctionId,
    FundingId,
    LanguageId,
    Line,
    Municipality,
    PastDate,
    Phone,
    Postcode,
    ProviderKindId,
    SettingId,
    Slug,
    TargetGroupId,
    Text,
    Time,
    Url,
    YesNo,
    fail,
)
from mantelkaart.native import NativeFirst, matching

Day = Literal["ma", "di", "wo", "do", "vr", "za", "zo"]
Status = Literal["actief", "tijdelijk-gesloten", "gestopt"]
Need = Literal["nee", "ja", "soms"]
SELF, CONSULTANT = "aanbieder", "consulent"
PARTY = re.compile(r"^(?:aanbieder|consulent|[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*)$")


def field(alias: str, description: str, example: object, **kwargs: Any) -> Any:
    """A field with its Dutch name, description and an example for the guide."""
    return Field(alias=alias, description=description, examples=[example], **kwargs)


def in_netherlands(lat: float, lon: float) -> bool:
    """A generous box around the European Netherlands (with the Wadden Islands)."""
    return 50.70 <= lat <= 53.60 and 3.30 <= lon <= 7.25


# The same box for the JSON Schema: bounds for numbers, patterns for text.
LATITUDE = {
    "pattern": r"^\s*\+?5(?:0[.,][7-9][0-9]*|[12](?:[.,][0-9]*)?|3(?:[.,](?:[0-5][0-9]*|60*)?)?)\s*$",
    "minimum": 50.70,
    "maximum": 53.60,
}
LONGITUDE = {
    "pattern": r"^\s*\+?(?:3[.,][3-9][0-9]*|[456](?:[.,][0-9]*)?|7(?:[.,](?:[01][0-9]*|2(?:[0-4][0-9]*|50*)?)?)?)\s*$",
    "minimum": 3.30,
    "maximum": 7.25,
}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class Verification(Record):
    on: PastDate = field(
        "op", "Datum waarop iemand de gegevens heeft gecontroleerd (jjjj-mm-dd).", "2026-09-01"
    )
    by: Line = field("door", "Wie de gegevens heeft gecontroleerd (naam of functie).", "Respijtconsulent MEE")


class Contact(Record):
    phone: Phone | None = field("telefoon", "Telefoonnummer met netnummer.", "078 000 0101", default=None)
    reachable: Line | None = field(
        "bereikbaar",
        "Wanneer de telefoon wordt opgenomen.",
        "Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
        default=None,
    )
    email: Email | None = field("email", "E-mailadres.", "info@example.org", default=None)
    website: Url | None = field(
        "website", "Webadres, beginnend met https://.", "https://example.org", default=None
    )
    person: Line | None = field(
        "contactpersoon",
        "Naam of functie van de persoon die u kunt bellen.",
        "Respijtconsulent",
        default=None,
    )


class Coordinates(Record):
    lat: Coordinate = field(
        "breedtegraad",
        "Breedtegraad (WGS84), tussen 50,7 en 53,6 in Nederland.",
        "51.8133",
        json_schema_extra=LATITUDE,
    )
    lon: Coordinate = field(
        "lengtegraad",
        "Lengtegraad (WGS84), tussen 3,3 en 7,3 in Nederland.",
        "4.6901",
        json_schema_extra=LONGITUDE,
    )

    @model_validator(mode="after")
    def _in_netherlands(self) -> Coordinates:
        if not (in_netherlands(self.lat, self.lon)):
            hint = "Controleer de coördinaten, bijvoorbeeld met een kaart."
            if in_netherlands(self.lon, self.lat):
                hint = "Het lijkt erop dat breedtegraad en lengtegraad zijn verwisseld."
            raise fail(f"Het punt ({self.lat}, {self.lon}) ligt niet in Nederland.", hint)
        return self


class Location(Record):
    # _address_needs_postcode for the JSON Schema: an address without 'vertrouwelijk: ja' needs a postcode.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {
                "required": ["adres"],
                "properties": {
                    "adres": {"not": {"type": "null"}},
                    "vertrouwelijk": {"not": {"anyOf": [{"const": True}, {"pattern": TRUE_PATTERN}]}},
                },
            },
            "then": {"required": ["postcode"], "properties": {"postcode": {"not": {"type": "null"}}}},
        }
    )

    id: Slug = field("id", "Korte naam van de locatie, uniek binnen deze aanbieder.", "hoofdlocatie")
    name: Line | None = field("naam", "Naam van het gebouw of de locatie.", "Het Parkhuis", default=None)
    address: Line | None = field("adres", "Straat en huisnummer.", "Voorbeeldstraat 1", default=None)
    postcode: Postcode | None = field("postcode", "Postcode.", "3311 AA", default=None)
    city: Line = field("plaats", "Plaats.", "Dordrecht")
    coordinates: Coordinates | None = field(
        "coordinaten", "Plek op de kaart.", {"breedtegraad": "51.8133", "lengtegraad": "4.6901"}, default=None
    )
    confidential: YesNo = field(
        "vertrouwelijk",
        "ja: adres en kaartpunt worden niet getoond (bijvoorbeeld een opvangadres).",
        "nee",
        default=False,
    )
    accessibility: Line | None = field(
        "toegankelijkheid",
        "Toegankelijkheid van het gebouw.",
        "Rolstoeltoegankelijk, invalidentoilet",
        default=None,
    )

    @model_validator(mode="after")
    def _address_needs_postcode(self) -> Location:
        if self.address and not self.postcode and not self.confidential:
            raise fail("Bij een adres hoort een postcode.", "Vul 'postcode' in, bijvoorbeeld 3311 AB.")
        return self


class TimeSpan(Record):
    days: list[Day] = field("dagen", "Dagen: ma, di, wo, do, vr, za, zo.", ["ma", "di"], min_length=1)
    start: Time = field("van", "Begintijd (uu:mm).", "09:00")
    end: Time = field("tot", "Eindtijd (uu:mm); 24:00 voor tot middernacht.", "12:30")

    @model_validator(mode="after")
    def _ordered(self) -> TimeSpan:
        if self.end <= self.start:
            raise fail(
                f"De eindtijd {self.end} ligt niet na de begintijd {self.start}.",
                "Zet de vroegste tijd bij 'van'.",
            )
        return self


class OpeningHours(Record):
    spans: list[TimeSpan] = field(
        "tijden",
        "Tijdvakken; een dag kan meerdere tijdvakken hebben.",
        [{"dagen": ["ma", "wo"], "van": "09:00", "tot": "12:30"}],
        default_factory=list,
    )
    note: Line | None = field(
        "toelichting",
        "Toelichting, bijvoorbeeld 'op afspraak' of 'niet op feestdagen'.",
        "Alleen op afspraak",
        default=None,
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


# pydantic-core settles a well-formed value itself; only anything else calls Python (native.py).
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


class Provider(Record):
    name: Line = field("naam", "Naam van de organisatie.", "De Mantelaar")
    kind: ProviderKindId = field("soort", "Soort organisatie (lijst 'soorten').", "vrijwilligersorganisatie")
    summary: Line | None = field(
        "samenvatting",
        "Eén zin over de organisatie.",
        "Vrijwilligers die de zorg thuis even overnemen.",
        default=None,
    )
    description: Text | None = field(
        "omschrijving", "Meer over de organisatie.", "Wij werken in de hele Drechtsteden.", default=None
    )
    contact: Contact = field(
        "contact",
        "Algemeen contact van de organisatie.",
        {"telefoon": "078 000 0101", "email": "info@example.org"},
    )
    locations: list[Location] = field(
        "locaties",
        "Adressen van de organisatie.",
        [{"id": "hoofdlocatie", "plaats": "Dordrecht"}],
        default_factory=list,
    )
    services: list[Service] = field(
        "diensten",
        "Wat de organisatie aanbiedt.",
        [{"id": "logeeropvang", "naam": "Logeeropvang"}],
        default_factory=list,
    )
    verified: Verification = field(
        "gecontroleerd",
        "Laatste controle van dit record.",
        {"op": "2026-09-01", "door": "Respijtconsulent MEE"},
    )


class Payment(Record):
    by: FundingId = field("door", "Wie betaalt (lijst 'financiering').", "wmo")
    explanation: Text = field(
        "uitleg", "Wat dit betekent voor de mantelzorger.", "U heeft een indicatie van de gemeente nodig."
    )


class RespiteForm(Record):
    name: Line = field("naam", "Naam van de vorm van respijtzorg.", "Logeeropvang")
    aliases: list[Line] = field(
        "ook_bekend_als",
        "Andere woorden die mensen gebruiken.",
        ["logeerzorg", "logeren"],
        default_factory=list,
    )
    summary: Line = field(
        "samenvatting", "Eén zin in gewone taal.", "Uw naaste logeert een paar dagen ergens anders."
    )
    explanation: Text = field(
        "uitleg",
        "Uitleg in gewone taal (B1).",
        "Bij logeeropvang slaapt de persoon voor wie u zorgt een of meer nachten ergens anders.",
    )
    setting: SettingId = field("omgeving", "Waar het plaatsvindt (lijst 'omgevingen').", "buitenshuis")
    duration: Line = field("duur", "Hoe lang of hoe vaak, meestal.", "Een weekend tot enkele weken per jaar")
    payments: list[Payment] = field(
        "betaling",
        "Wie betaalt, onder welke wet, en wat dat betekent.",
        [{"door": "wmo", "uitleg": "Vraag het aan bij de gemeente."}],
        min_length=1,
    )
    how_to_apply: Text = field(
        "aanvragen", "Hoe u het aanvraagt.", "Bel de respijtconsulent of vraag een Wmo-indicatie aan."
    )
    notes: Text | None = field(
        "opmerkingen",
        "Opmerkingen, bijvoorbeeld of dagopvang hier als respijtzorg telt.",
        "Dagbesteding telt in deze regio ook als respijtzorg.",
        default=None,
    )
    verified: Verification = field(
        "gecontroleerd",
        "Laatste controle van dit record.",
        {"op": "2026-09-01", "door": "Respijtconsulent MEE"},
    )


class Application(Record):
    explanation: Text = field(
        "uitleg",
        "Hoe u het aanvraagt, in gewone taal.",
        "Vul het formulier in op de website van de gemeente.",
    )
    link: Url | None = field(
        "link",
        "Link naar de officiële bron of het aanvraagformulier.",
        "https://example.org/aanvragen",
        default=None,
    )
    phone: Phone | None = field("telefoon", "Telefoonnummer voor de aanvraag.", "14 078", default=None)


class Regulation(Record):
    name: Line = field("naam", "Naam van de regeling.", "Vervangende mantelzorg: 48 uur per jaar")
    summary: Line = field(
        "samenvatting",
        "Eén zin in gewone taal.",
        "De gemeente betaalt 48 uur per jaar iemand die de zorg overneemt.",
    )
    issuer: Slug = field(
        "uitgever",
        "Wie de regeling geeft: de id van een bestand in providers/ (gemeente of verzekeraar).",
        "gemeente-dordrecht",
        json_schema_extra={"x-reference": "providers"},
    )
    municipalities: list[Municipality] = field(
        "gemeenten",
        "Voor inwoners van welke gemeenten (waar de zorgvrager woont); 'landelijk' voor heel Nederland.",
        ["dordrecht"],
        min_length=1,
    )
    legal_basis: FundingId = field(
        "grondslag", "Op grond van welke wet of regeling (lijst 'financiering').", "wmo"
    )
    legal_reference: Line | None = field(
        "wetsartikel", "Wetsartikel of verordening.", "Wmo 2015, artikel 2.2.2", default=None
    )
    benefit: Text = field(
        "wat_u_krijgt", "Wat u krijgt, in gewone taal.", "48 uur per jaar vervangende mantelzorg aan huis."
    )
    amount: Amount | None = field("bedrag", "Bedrag in euro, als het om geld gaat.", "75", default=None)
    hours: Amount | None = field("uren", "Aantal uren, als het om tijd gaat.", "48", default=None)
    conditions: Text = field(
        "voorwaarden", "Wie er recht op heeft.", "U zorgt voor iemand die in Dordrecht woont."
    )
    application: Application = field(
        "aanvragen",
        "Hoe u het aanvraagt.",
        {"uitleg": "Bel de respijtconsulent.", "link": "https://example.org"},
    )
    application_window: Line | None = field(
        "aanvraagperiode", "Wanneer u het kunt aanvragen.", "Het hele jaar", default=None
    )
    valid_from: Date | None = field(
        "geldig_vanaf", "Vanaf wanneer de regeling geldt.", "2026-01-01", default=None
    )
    valid_until: Date | None = field(
        "geldig_tot",
        "Tot en met wanneer de regeling geldt. Daarna staat hij niet meer in lijsten en in de "
        "keuzehulp; zijn eigen pagina zegt dat hij verlopen is.",
        "2026-12-31",
        default=None,
    )
    respite_forms: list[Slug] = field(
        "respijtvormen",
        "Ids van vormen van respijtzorg die hiermee betaald kunnen worden.",
        ["vervangende-mantelzorg-aan-huis"],
        default_factory=list,
        json_schema_extra={"x-reference": "respite-forms"},
    )
    functions: list[FunctionId] = field(
        "functies", "Soort ondersteuning (lijst 'functies').", ["financiele-tegemoetkoming"], min_length=1
    )
    verified: Verification = field(
        "gecontroleerd",
        "Laatste controle van dit record.",
        {"op": "2026-09-01", "door": "Gemeente Dordrecht"},
    )

    @field_validator("valid_until")
    @classmethod
    def _period(cls, valid_until: date | None, info: ValidationInfo) -> date | None:
        # A field validator, so that the problem points at 'geldig_tot' itself.
        valid_from = info.data.get("valid_from")
        if valid_from and valid_until and valid_until <= valid_from:
            raise fail("'geldig_tot' ligt niet na 'geldig_vanaf'.", "Controleer de twee datums.")
        return valid_until


KINDS: dict[str, type[Record]] = {
    "providers": Provider,
    "respite-forms": RespiteForm,
    "regulations": Regulation,
}

__all__ = ["KINDS", "Decimal", "Provider", "Regulation", "RespiteForm", "Service", "date"]
