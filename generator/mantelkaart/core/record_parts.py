"""What every record kind is made of: the base model, the Dutch field, a contact and a verification.

Attribute names are English (the code's language); aliases are the Dutch field names editors
write in YAML. Each field carries a Dutch description and an example: validation, the JSON
Schema, editor forms and the editors' field reference are all produced from the models.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mantelkaart.core.dates import PastDate
from mantelkaart.core.fields import Email, Line, Url
from mantelkaart.core.phones import Phone

Day = Literal["ma", "di", "wo", "do", "vr", "za", "zo"]
Status = Literal["actief", "tijdelijk-gesloten", "gestopt"]
Need = Literal["nee", "ja", "soms"]
SELF, CONSULTANT = "aanbieder", "consulent"
PARTY = re.compile(r"^(?:aanbieder|consulent|[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*)$")


def field(alias: str, description: str, example: object, **kwargs: Any) -> Any:
    """A field with its Dutch name, description and an example for the guide."""
    return Field(alias=alias, description=description, examples=[example], **kwargs)


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
