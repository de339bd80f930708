"""Reading values out of HSDS objects for the importer: terms, attributes, text, times.

Every value goes through the same field types the records use, so what the
importer writes is valid; a value that does not pass is reported, not written.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import phonenumbers
from pydantic import TypeAdapter, ValidationError

from mantelkaart import fields
from mantelkaart.hsds_input import Attribute, HsdsObject, Schedule, Term
from mantelkaart.hsds_terms import FIELDS, Taxonomies
from mantelkaart.import_report import ImportReport
from mantelkaart.native import details

ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "line": TypeAdapter(fields.Line),
    "text": TypeAdapter(fields.Text),
    "phone": TypeAdapter(fields.Phone),
    "email": TypeAdapter(fields.Email),
    "url": TypeAdapter(fields.Url),
    "postcode": TypeAdapter(fields.Postcode),
    "date": TypeAdapter(fields.Date),
    "age": TypeAdapter(fields.Age),
    "amount": TypeAdapter(fields.Amount),
    "time": TypeAdapter(fields.Time),
}
DAYS = {"MO": "ma", "TU": "di", "WE": "wo", "TH": "do", "FR": "vr", "SA": "za", "SU": "zo"}
TIME = re.compile(r"^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def written_phone(phone: str) -> str:
    """A valid number as editors write it: ``078 000 0101``, or ``+44 1234 234567`` from abroad."""
    number = fields.parse_phone(phone)
    dutch = phonenumbers.region_code_for_number(number) == "NL"
    style = phonenumbers.PhoneNumberFormat.NATIONAL if dutch else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def message(error: ValidationError) -> str:
    """The Dutch message of the first error (our field types raise Dutch messages)."""
    detail = details(error)[0]
    ctx = detail.get("ctx") or {}
    return str(ctx.get("message") or "ongeldige waarde")


class Values:
    """Cleans values with the record field types; reports what does not pass."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report

    def clean(self, kind: str, value: Any, where: str, name: str) -> Any:
        if value is None or value == "":
            return None
        try:
            return ADAPTERS[kind].validate_python(value)
        except ValidationError as error:
            shown = str(value) if len(str(value)) <= 60 else str(value)[:57] + "…"
            self.report.drop(where, f"{name} '{shown}': {message(error)}")
            return None

    def text(self, kind: str, value: Any, where: str, name: str) -> str | None:
        cleaned = self.clean(kind, value, where, name)
        if cleaned is not None and kind == "phone":
            return written_phone(cleaned)
        return None if cleaned is None else str(cleaned)


class TermIndex:
    """Finds our (taxonomy, key) for an HSDS attribute: by term id, code, or label."""

    def __init__(self, taxonomies: Taxonomies, extra: list[Term]) -> None:
        self.known = set(taxonomies.terms)
        self.by_id = {term["id"]: key for key, term in taxonomies.terms.items()}
        self.by_code = {term["code"]: key for key, term in taxonomies.terms.items()}
        self.by_label = {
            (taxonomy, term["name"].casefold()): (taxonomy, key)
            for (taxonomy, key), term in taxonomies.terms.items()
        }
        self.extra = {term.id: term for term in extra if term.id}

    def find(self, term: Term) -> tuple[str, str] | None:
        if term.id in self.by_id:
            return self.by_id[term.id]
        if term.code in self.by_code:
            return self.by_code[term.code]
        taxonomy = term.taxonomy or ""
        if term.code and (taxonomy, term.code) in self.known:
            return (taxonomy, term.code)
        if term.name:
            return self.by_label.get((taxonomy, term.name.casefold()))
        return None

    def term(self, attribute: Attribute) -> Term | None:
        """The attribute's term: embedded, or from a ``taxonomy_terms.json`` beside the import."""
        return attribute.taxonomy_term or self.extra.get(attribute.taxonomy_term_id)

    def resolve(self, attribute: Attribute) -> tuple[str, str] | None:
        if attribute.taxonomy_term_id in self.by_id:
            return self.by_id[attribute.taxonomy_term_id]
        term = self.term(attribute)
        return self.find(term) if term else None


class Attributes:
    """The attributes of one HSDS object, by taxonomy: ``terms('doelgroepen')``, ``value('samenvatting')``."""

    def __init__(
        self, index: TermIndex, attributes: list[Attribute], where: str, report: ImportReport
    ) -> None:
        self.keys: dict[str, list[str]] = defaultdict(list)
        self.values: dict[str, str] = {}
        for attribute in attributes:
            found = index.resolve(attribute)
            if found is None:
                term = index.term(attribute)
                label = (term.name or term.code) if term else attribute.taxonomy_term_id
                report.drop(
                    where, f"begrip '{label}' ({attribute.link_type or 'onbekende lijst'}) is onbekend"
                )
                continue
            taxonomy, key = found
            if taxonomy == FIELDS:
                if attribute.value is not None:
                    self.values[key] = attribute.value
            elif key not in self.keys[taxonomy]:
                self.keys[taxonomy].append(key)

    def terms(self, taxonomy: str) -> list[str]:
        return list(self.keys.get(taxonomy, []))

    def value(self, key: str) -> str | None:
        return self.values.get(key)


def report_extras(
    report: ImportReport, kind: str, item: HsdsObject, ignore: frozenset[str] = frozenset()
) -> None:
    """Every field of ``item`` that the models do not know, as 'not taken over'."""
    for name in item.extras():
        if name not in ignore:
            report.field(kind, name)


def strip_summary(description: str | None, summary: str | None) -> str | None:
    """The export writes summary + blank line + description; take the summary off again."""
    if not description:
        return None
    if summary:
        if description.strip() == summary:
            return None
        if description.startswith(summary + "\n\n"):
            return description[len(summary) + 2 :] or None
    return description


def first_sentence(text: str) -> str:
    """A one-line summary from a longer text: its first sentence, at most 200 characters."""
    line = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", line)
    sentence = match.group(1) if match else line
    return sentence if len(sentence) <= 200 else sentence[:199].rstrip() + "…"


def hhmm(value: str | None) -> str | None:
    match = TIME.match(value or "")
    return f"{match.group(1)}:{match.group(2)}" if match else None


def schedule_span(schedule: Schedule) -> dict[str, Any] | None:
    """``{dagen, van, tot}`` for a plain weekly schedule; ``None`` for anything else."""
    if (schedule.freq or "WEEKLY").upper() != "WEEKLY" or not schedule.byday:
        return None
    days = [DAYS.get(day.strip().upper()) for day in schedule.byday.split(",")]
    start, end = hhmm(schedule.opens_at), hhmm(schedule.closes_at)
    if not all(days) or not start or not end:
        return None
    if end == "00:00":
        end = "24:00"  # the export writes midnight closing as 00:00
    return {"dagen": days, "van": start, "tot": end}
