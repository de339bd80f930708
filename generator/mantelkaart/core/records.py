"""The record schema: the one source of truth for every field, and its three record kinds.

Attribute names are English (the code's language); aliases are the Dutch field
names editors write in YAML. Each field carries a Dutch description and an
example: validation, the JSON Schema, editor forms and the editors' field
reference are all produced from these models.
"""

from __future__ import annotations

from mantelkaart.core.fields import Line, Text
from mantelkaart.core.places import Location
from mantelkaart.core.record_parts import Contact, Record, Verification, field
from mantelkaart.core.regulations import Regulation, RespiteForm
from mantelkaart.core.services import Service
from mantelkaart.core.terms import ProviderKindId


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


KINDS: dict[str, type[Record]] = {
    "providers": Provider,
    "respite-forms": RespiteForm,
    "regulations": Regulation,
}
