"""Regulations and respite forms: the municipal arrangements and the kinds of respite care."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationInfo, field_validator

from mantelkaart.core.dates import Date
from mantelkaart.core.fields import Amount, Line, Slug, Text, Url, fail
from mantelkaart.core.phones import Phone
from mantelkaart.core.record_parts import Record, Verification, field
from mantelkaart.core.terms import FunctionId, FundingId, Municipality, SettingId


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
