"""Where a service is: a location with its address and coordinates, inside the Netherlands."""

from __future__ import annotations

from pydantic import ConfigDict, model_validator

from mantelkaart.core.fields import TRUE_PATTERN, Coordinate, Line, Postcode, Slug, YesNo, fail
from mantelkaart.core.record_parts import Record, field


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
