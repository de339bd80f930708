"""Dates and times of day in a record: ISO dates, dates not in the future, times like 09:00."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ValidationInfo

from mantelkaart.core.fields import fail, json_type, scalar_of
from mantelkaart.core.native import NativeFirst, one_of


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    text = scalar_of(value).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise fail(
            f"'{value}' is geen geldige datum.",
            "Schrijf de datum als jaar-maand-dag, bijvoorbeeld 2026-03-15.",
        ) from None


def _not_future(value: date, info: ValidationInfo) -> date:
    today = (info.context or {}).get("today") or date.today()
    if value > today:
        raise fail(
            f"De datum {value.isoformat()} ligt in de toekomst.",
            "Vul de datum in waarop u het record echt hebt gecontroleerd.",
        )
    return value


DATE_PATTERN = r"^\s*[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])\s*$"
_DATE_SCHEMA = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
Date = Annotated[date, BeforeValidator(_date), json_type("date", _DATE_SCHEMA)]
PastDate = Annotated[
    date,
    BeforeValidator(_date),
    AfterValidator(_not_future),
    json_type("date", _DATE_SCHEMA),
]

TIME = re.compile(r"^([01]?\d|2[0-4]):([0-5]\d)$")
_TIMES = [f"{hour:02d}:{minute:02d}" for hour in range(24) for minute in range(60)] + [
    "24:00"
]  # as _time writes them


def _time(value: Any) -> str:
    match = TIME.match(scalar_of(value).strip())
    if not match or (match.group(1) == "24" and match.group(2) != "00"):
        guess = time_guess(str(value))
        hint = f"Bedoelde u {guess}? " if guess else ""
        raise fail(
            f"'{value}' is geen geldige tijd.", f"{hint}Schrijf de tijd als uu:mm, bijvoorbeeld 09:30."
        )
    return f"{int(match.group(1)):02d}:{match.group(2)}"


_LOOSE_TIME = re.compile(r"^([01]?\d|2[0-4])(?:\s*(?:[.,hu:]|uur)\s*([0-5]\d)?)?(?:\s*uur)?$")


def time_guess(text: str) -> str | None:
    """The time someone probably meant: ``16`` → ``16:00``, ``9.30`` → ``09:30``, ``16 uur``."""
    text = text.strip().lower()
    if len(text) in (3, 4) and text.isdigit():  # 930, 0930
        text = f"{text[:-2]}:{text[-2:]}"
    match = _LOOSE_TIME.match(text)
    if not match:
        return None
    hour, minute = int(match.group(1)), match.group(2) or "00"
    if hour == 24 and minute != "00":
        return None
    return f"{hour:02d}:{minute}"


TIME_PATTERN = r"^\s*(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)\s*$"
Time = Annotated[
    str,
    BeforeValidator(_time),
    NativeFirst(one_of(_TIMES)),
    json_type("time", {"type": "string", "pattern": TIME_PATTERN}),
]
