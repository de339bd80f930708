"""The parts of an HSDS service: phones, contacts, schedules, cost options, eligibility.

Functions of :mod:`mantelkaart.opendata.hsds.export`; each returns plain HSDS JSON for one record.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from mantelkaart.core.presentation import day_list, dutch_time
from mantelkaart.core.record_parts import Contact
from mantelkaart.core.services import Eligibility, Service
from mantelkaart.opendata.hsds.terms import Json, uid
from mantelkaart.site.structured_data import e164

STATUS = {"actief": "active", "tijdelijk-gesloten": "temporarily closed", "gestopt": "defunct"}
DAYS = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}
NATIONWIDE_NAME = "Heel Nederland"
CONFIDENTIAL_NOTE = "Het adres krijgt u als u zich aanmeldt."
OWN_CONTRIBUTION = "Eigen bijdrage"
FREE = "Gratis"
NO_CONTACT = Contact.model_construct()


def joined(summary: str | None, description: str | None) -> str | None:
    """The HSDS description: the record's own description, never the summary echoed before it.

    Only a record without a description gives its one-line summary (which also travels in the
    ``mantelkaart:samenvatting`` attribute), so that consumers without our taxonomy still read
    what the help is.
    """
    return description or summary


@lru_cache(maxsize=512)
def days_text(days: tuple[str, ...]) -> str:
    """``day_list`` for the few day combinations a region has, once each."""
    return day_list(list(days))


def unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def compact(data: Json) -> Json:
    return {key: value for key, value in data.items() if value is not None and value != []}


def phones(owner: str, parent_key: str, parent_id: str, contact: Contact) -> list[Json]:
    if not contact.phone:
        return []
    phone: Json = {
        "id": uid(f"phone/{owner}"),
        parent_key: parent_id,
        "number": e164(contact.phone),
        "type": "voice",
        "description": contact.reachable,
    }
    return [compact(phone)]


def contacts(owner: str, parent_key: str, parent_id: str, contact: Contact) -> list[Json]:
    if not contact.person:
        return []
    return [{"id": uid(f"contact/{owner}"), parent_key: parent_id, "name": contact.person}]


def schedules(owner: str, sid: str, service: Service) -> list[Json]:
    hours = service.hours
    if hours is None:
        return []
    if not hours.spans:
        return (
            [{"id": uid(f"schedule/{owner}/0"), "service_id": sid, "notes": hours.note}] if hours.note else []
        )
    schedules = []
    for index, span in enumerate(hours.spans):
        days = unique(span.days)
        schedule: Json = {
            "id": uid(f"schedule/{owner}/{index}"),
            "service_id": sid,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": ",".join(DAYS[day] for day in days),
            "opens_at": span.start,
            "closes_at": "00:00" if span.end == "24:00" else span.end,
            "description": f"{days_text(tuple(days)).capitalize()} van {dutch_time(span.start)} tot {dutch_time(span.end)} uur",
            "notes": hours.note,
        }
        schedules.append(compact(schedule))
    return schedules


def generated_text(span: dict[str, Any]) -> str:
    """The description :func:`schedules` writes for a span (``dagen``, ``van``, ``tot``)."""
    days = unique(span["dagen"])
    return f"{days_text(tuple(days)).capitalize()} van {dutch_time(span['van'])} tot {dutch_time(span['tot'])} uur"


def cost_options(owner: str, sid: str, service: Service) -> list[Json]:
    options = []
    if "gratis" in service.cost.paid_by:
        options.append(
            {
                "id": uid(f"cost_option/{owner}/gratis"),
                "service_id": sid,
                "option": FREE,
                "amount": 0,
                "currency": "EUR",
            }
        )
    if service.cost.own_contribution:
        options.append(
            {
                "id": uid(f"cost_option/{owner}/eigen-bijdrage"),
                "service_id": sid,
                "option": OWN_CONTRIBUTION,
                "amount_description": service.cost.own_contribution,
                "currency": "EUR",
            }
        )
    return options


def audience(service: Service) -> list[tuple[str, Eligibility]]:
    audience = service.audience
    if audience is None:
        return []
    pairs = [("zorgvrager", audience.care_recipient), ("mantelzorger", audience.caregiver)]
    return [(who, rule) for who, rule in pairs if rule is not None]


def eligibility(rule: Eligibility) -> list[tuple[str, str]]:
    values: list[tuple[str, Any]] = [
        ("leeftijd_vanaf", rule.min_age),
        ("leeftijd_tot_en_met", rule.max_age),
        ("toelichting", rule.note),
    ]
    return [(name, str(value)) for name, value in values if value is not None]


def eligibility_text(service: Service) -> str:
    """The conditions in plain Dutch, as the service page shows them."""
    parts = []
    for who, rule in audience(service):
        if rule.min_age is not None and rule.max_age is not None:
            ages = f"van {rule.min_age} tot en met {rule.max_age} jaar."
        elif rule.min_age is not None:
            ages = f"{rule.min_age} jaar of ouder."
        elif rule.max_age is not None:
            ages = f"tot en met {rule.max_age} jaar."
        else:
            ages = ""
        if ages or rule.note:
            label = "De persoon die zorg krijgt" if who == "zorgvrager" else "De mantelzorger"
            parts.append(" ".join(part for part in (f"{label}:", ages, rule.note or "") if part))
    return "\n".join(parts)
