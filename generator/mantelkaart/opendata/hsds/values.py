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

from mantelkaart.core import dates, fields, phones
from mantelkaart.core.native import details
from mantelkaart.opendata.hsds.input import Attribute, HsdsObject, Schedule, Term
from mantelkaart.opendata.hsds.terms import FIELDS, Taxonomies
from mantelkaart.opendata.hsds.text import DOMAIN, NOTHING, tidy
from mantelkaart.opendata.import_report import ImportReport

ADAPTERS: dict[str, TypeAdapter[Any]] = {
    "line": TypeAdapter(fields.Line),
    "text": TypeAdapter(fields.Text),
    "phone": TypeAdapter(phones.Phone),
    "email": TypeAdapter(fields.Email),
    "url": TypeAdapter(fields.Url),
    "postcode": TypeAdapter(fields.Postcode),
    "date": TypeAdapter(dates.Date),
    "age": TypeAdapter(fields.Age),
    "amount": TypeAdapter(fields.Amount),
    "time": TypeAdapter(dates.Time),
}
DAYS = {"MO": "ma", "TU": "di", "WE": "wo", "TH": "do", "FR": "vr", "SA": "za", "SU": "zo"}
TIME = re.compile(r"^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def written_phone(phone: str) -> str:
    """A valid number as editors write it: ``078 000 0101``, or ``+44 1234 234567`` from abroad."""
    number = phones.parse_phone(phone)
    dutch = phonenumbers.region_code_for_number(number) == "NL"
    style = phonenumbers.PhoneNumberFormat.NATIONAL if dutch else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def message(error: ValidationError) -> str:
    """The Dutch message of the first error (our field types raise Dutch messages)."""
    detail = details(error)[0]
    ctx = detail.get("ctx") or {}
    return str(ctx.get("message") or "ongeldige waarde")


class Values:
    """Cleans values with the record field types; counts each in the report under its field.

    ``country`` is the ISO code in which phone numbers without a country code are read
    (the address's country, the ``--land`` option, or NL).
    """

    def __init__(self, report: ImportReport, country: str = "NL") -> None:
        self.report = report
        self.country = country

    def clean(self, kind: str, value: Any, where: str, name: str) -> Any:
        if value is None or value == "":
            return None
        raw = value
        hows: list[str] = []
        if isinstance(value, str):
            if value.strip().casefold() in NOTHING:
                self.report.left(name, f"'{value.strip()}' betekent: niets ingevuld", where)
                return None
            if kind in ("line", "text"):
                value, hows = tidy(value)
                if kind == "line" and hows:
                    value = " ".join(value.split())  # a line has no line breaks
                if not value:
                    self.report.left(name, "alleen opmaak, geen tekst", raw)
                    return None
            elif kind == "url" and DOMAIN.match(value.strip()):
                value = "https://" + value.strip()
                hows.append("https:// ervoor gezet")
            elif kind == "phone":
                value, how = self.phone(value)
                if how:
                    hows.append(how)
        try:
            result = ADAPTERS[kind].validate_python(value)
        except ValidationError as error:
            shown = str(raw) if len(str(raw)) <= 60 else str(raw)[:57] + "…"
            self.report.left(name, message(error), f"{where}: {shown}")
            return None
        for how in hows:
            self.report.changed(name, how, raw)
        if not hows:
            if str(result) != str(raw).strip() and kind not in ("date", "line", "text"):
                self.report.changed(name, "in de schrijfwijze van Mantelkaart", f"{raw} → {result}")
            else:
                self.report.taken(name, raw)
        return result

    def phone(self, value: str) -> tuple[str, str | None]:
        """The number read in the data's country; from abroad in international form (+1 …)."""
        try:
            number = phonenumbers.parse(value, self.country)
        except phonenumbers.NumberParseException:
            return value, None
        if not phonenumbers.is_valid_number(number):
            return value, None
        if phonenumbers.region_code_for_number(number) == "NL":
            return value, None
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        if written.replace(" ", "") == value.replace(" ", ""):
            return written, None
        return written, f"buitenlands nummer ({self.country}) in internationale vorm"

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
                report.left(
                    "begrippen",
                    f"begrip '{label}' ({attribute.link_type or 'onbekende lijst'}) is onbekend",
                    where,
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
    report: ImportReport, kind: str, item: HsdsObject, where: str = "", ignore: frozenset[str] = frozenset()
) -> None:
    """Every field of ``item`` that the models do not know, as 'left out', with its value as example."""
    for name, value in item.extras().items():
        if name not in ignore:
            shown = value if isinstance(value, str | int | float) else "…"
            report.field(kind, name, f"{shown} ({where})" if where else shown)


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
