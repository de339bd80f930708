"""When a service is open: time spans on days of the week."""

from __future__ import annotations

from pydantic import model_validator

from mantelkaart.core.dates import Time
from mantelkaart.core.fields import Line, fail
from mantelkaart.core.record_parts import Day, Record, field


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
