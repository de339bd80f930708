"""HSDS services → the services of a provider record (dicts with the Dutch YAML keys)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from mantelkaart.config import NATIONWIDE
from mantelkaart.hsds_details import FREE, NATIONWIDE_NAME, OWN_CONTRIBUTION
from mantelkaart.hsds_input import Language, Schedule, Service
from mantelkaart.hsds_terms import RESPITE_FORMS
from mantelkaart.hsds_values import Attributes, first_sentence, report_extras, schedule_span, strip_summary
from mantelkaart.records import Eligibility, TimeSpan

if TYPE_CHECKING:
    from mantelkaart.hsds_records import RecordMaker

Record = dict[str, Any]
STATUS = {"active": "actief", "temporarily closed": "tijdelijk-gesloten", "defunct": "gestopt"}
ISO_639_2 = {
    "nld": "nl",
    "dut": "nl",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "tur": "tr",
    "ara": "ar",
    "pol": "pl",
    "spa": "es",
    "ukr": "uk",
    "fry": "fy",
}
# Required values HSDS has no field for: a neutral choice, always reported.
DEFAULTS = {
    "functies": ["informatie"],
    "doelgroepen": ["iedereen"],
    "toegang": ["vrij-toegankelijk"],
    "financiering": ["eigen-kosten"],
}


def _compact(data: Record) -> Record:
    return {key: value for key, value in data.items() if value not in (None, [], {}, "")}


class ServiceMaker:
    def __init__(self, maker: RecordMaker) -> None:
        self.maker = maker
        self.report = maker.report
        self.values = maker.values
        config = maker.config
        self.areas = {NATIONWIDE: NATIONWIDE, NATIONWIDE_NAME.casefold(): NATIONWIDE, "nederland": NATIONWIDE}
        self.areas.update({label.casefold(): key for key, label in config.municipalities.items()})
        self.areas.update({key: key for key in config.municipalities})
        languages = maker.context["vocabularies"]["talen"]
        self.languages = {term.label.casefold(): key for key, term in languages.terms.items()}
        self.languages.update({key: key for key in languages.terms})

    def terms(self, attrs: Attributes, taxonomy: str, where: str, what: str) -> list[str]:
        found = attrs.terms(taxonomy)
        if not found and taxonomy in DEFAULTS:
            found = list(DEFAULTS[taxonomy])
            self.report.fill(where, f"{what}: {', '.join(found)}")
        return found

    def service(
        self,
        service: Service,
        attrs: Attributes,
        provider_where: str,
        provider_name: str,
        location_ids: dict[str, str],
        used: set[str],
    ) -> Record | None:
        clean = self.values
        where = f"{provider_where}, dienst '{service.name[:60]}'"
        name = clean.text("line", service.name, where, "naam")
        if name is None:
            self.report.skip(where, "de naam is geen bruikbare tekst")
            return None
        service_id = self.maker.slug(attrs.value("id"), name, used, where)
        where = f"{provider_where}, dienst '{service_id}'"
        report_extras(self.report, "dienst", service)
        area = self.area(service, where)
        if not area:
            self.report.skip(where, "geen werkgebied dat in mkdocs.yml (municipalities) staat")
            return None
        summary = clean.text("line", attrs.value("samenvatting"), where, "samenvatting")
        description = strip_summary(service.description, summary)
        if summary is None:
            summary = first_sentence(service.description) if service.description else name
            self.report.fill(
                where, "samenvatting gemaakt uit de " + ("omschrijving" if service.description else "naam")
            )
        forms = attrs.terms(RESPITE_FORMS)
        for form in forms[1:]:
            self.report.drop(where, f"tweede respijtvorm '{form}'")
        locations = []
        for link in service.service_at_locations:
            key = link.location_id or (link.location.id if link.location else None)
            if key in location_ids:
                locations.append(location_ids[key])
            else:
                self.report.drop(where, f"locatie '{key}' (onbekend bij deze organisatie)")
        settings = attrs.terms("omgevingen")
        setting = settings[0] if settings else ("buitenshuis" if locations else "thuis")
        if not settings:
            self.report.fill(where, f"omgeving: {setting}")
        step = clean.text("line", service.application_process, where, "volgende stap")
        if step is None:
            step = f"Neem contact op met {provider_name}"[:200]
            self.report.fill(where, f"volgende stap: '{step}'")
        status = STATUS.get(service.status or "active")
        if status is None:
            status = "tijdelijk-gesloten" if service.status == "inactive" else "actief"
            self.report.fill(where, f"status '{status}' voor '{service.status}'")
        contact = self.maker.contact(
            service.phones, service.contacts, service.email, service.url, attrs, where
        )
        languages = self.language_ids(service.languages, where)
        return _compact(
            {
                "id": service_id,
                "naam": name,
                "samenvatting": summary,
                "omschrijving": clean.text("text", description, where, "omschrijving"),
                "functies": self.terms(attrs, "functies", where, "functies"),
                "respijtvorm": forms[0] if forms else None,
                "doelgroepen": self.terms(attrs, "doelgroepen", where, "doelgroepen"),
                "zorgfasen": attrs.terms("zorgfasen"),
                "voor_wie": self.audience(service, attrs, where),
                "werkgebied": area,
                "omgeving": setting,
                "locaties": list(dict.fromkeys(locations)),
                "openingstijden": self.hours(service.schedules, where),
                "kosten": self.cost(service, attrs, where),
                "toegang": self.terms(attrs, "toegang", where, "toegang"),
                "volgende_stap": {"door": attrs.value("volgende_stap.door") or "aanbieder", "tekst": step},
                "indicatie": indication(attrs),
                "talen": None if languages in ([], ["nl"]) else languages,
                "contact": contact or None,
                "status": None if status == "actief" else status,
                "gecontroleerd": self.maker.verified(attrs, where),
            }
        )

    def area(self, service: Service, where: str) -> list[str]:
        found: list[str] = []
        for area in service.service_areas:
            report_extras(self.report, "werkgebied", area)
            key = self.areas.get((area.name or "").strip().casefold())
            if key is None:
                self.report.drop(
                    where, f"werkgebied '{area.name}' (staat niet onder municipalities in mkdocs.yml)"
                )
            elif key not in found:
                found.append(key)
        return found

    def audience(self, service: Service, attrs: Attributes, where: str) -> Record | None:
        clean = self.values
        audience: Record = {}
        for who in ("zorgvrager", "mantelzorger"):
            rule = _compact(
                {
                    "leeftijd_vanaf": clean.text(
                        "age", attrs.value(f"voor_wie.{who}.leeftijd_vanaf"), where, "leeftijd"
                    ),
                    "leeftijd_tot_en_met": clean.text(
                        "age", attrs.value(f"voor_wie.{who}.leeftijd_tot_en_met"), where, "leeftijd"
                    ),
                    "toelichting": clean.text(
                        "text", attrs.value(f"voor_wie.{who}.toelichting"), where, "toelichting"
                    ),
                }
            )
            if rule:
                audience[who] = rule
        if not any(key.startswith("voor_wie.") for key in attrs.values):
            rule = _compact(
                {
                    "leeftijd_vanaf": clean.text("age", _whole(service.minimum_age), where, "minimum_age"),
                    "leeftijd_tot_en_met": clean.text(
                        "age", _whole(service.maximum_age), where, "maximum_age"
                    ),
                    "toelichting": clean.text("text", service.eligibility_description, where, "voorwaarden"),
                }
            )
            if rule:
                audience["zorgvrager"] = rule
                self.report.fill(where, "leeftijden en voorwaarden gelden nu voor de zorgvrager")
        for who, rule in list(audience.items()):
            try:
                Eligibility.model_validate(rule)
            except ValidationError:
                self.report.drop(
                    where, f"voorwaarden voor de {who}: de maximale leeftijd is lager dan de minimale"
                )
                del audience[who]
        return audience or None

    def hours(self, schedules: list[Schedule], where: str) -> Record | None:
        spans, notes = [], []
        for schedule in schedules:
            report_extras(self.report, "openingstijden", schedule)
            span = schedule_span(schedule)
            if span is not None:
                try:
                    TimeSpan.model_validate(span)
                    spans.append(span)
                except ValidationError:
                    self.report.drop(
                        where, f"openingstijd {span['van']}–{span['tot']} (eindtijd niet na begintijd)"
                    )
            elif schedule.description or schedule.opens_at or schedule.byday:
                text = schedule.description or " ".join(
                    filter(None, (schedule.byday, schedule.opens_at, schedule.closes_at))
                )
                notes.append(text)
                self.report.fill(where, f"openingstijden '{text[:60]}' als toelichting overgenomen")
            if schedule.notes:
                notes.append(schedule.notes)
        note = self.values.text(
            "line", " ".join(dict.fromkeys(notes)), where, "toelichting bij openingstijden"
        )
        hours = _compact({"tijden": spans, "toelichting": note})
        return hours or None

    def cost(self, service: Service, attrs: Attributes, where: str) -> Record:
        clean = self.values
        paid = attrs.terms("financiering")
        own = None
        free = False
        extra = []
        for option in service.cost_options:
            report_extras(self.report, "kosten", option)
            if option.option == OWN_CONTRIBUTION and option.amount is None:
                own = clean.text("line", option.amount_description, where, "eigen bijdrage")
            elif option.amount == 0:
                free = True
                if option.option not in (None, FREE):
                    extra.append(option.option)
            else:
                amount = f"€ {option.amount:.2f}".replace(".", ",") if option.amount is not None else None
                extra.append(" ".join(filter(None, (option.option, amount, option.amount_description))))
        if not paid:
            paid = ["gratis"] if free else self.terms(attrs, "financiering", where, "betaald door")
        note = "\n\n".join(filter(None, (service.fees_description, *extra)))
        if extra:
            self.report.fill(where, "kostenopties in de toelichting bij de kosten gezet")
        return _compact(
            {
                "betaald_door": paid,
                "eigen_bijdrage": own,
                "toelichting": clean.text("text", note, where, "toelichting bij de kosten"),
            }
        )

    def language_ids(self, languages: list[Language], where: str) -> list[str]:
        found: list[str] = []
        for language in languages:
            report_extras(self.report, "taal", language)
            code = (language.code or "").strip().lower()
            key = self.languages.get(ISO_639_2.get(code, code)) or self.languages.get(
                (language.name or "").casefold()
            )
            if key is None:
                self.report.drop(
                    where, f"taal '{language.code or language.name}' (staat niet in de lijst 'talen')"
                )
            elif key not in found:
                found.append(key)
        return found


def _whole(number: float | None) -> str | None:
    if number is None or not math.isfinite(number):
        return None if number is None else str(number)
    return str(int(number)) if number == int(number) else str(number)


def indication(attrs: Attributes) -> dict[str, object] | None:
    """Our own export's indicatie attributes; a source that does not say it gets none (never guessed)."""
    needed = attrs.value("indicatie.nodig")
    if not needed:
        return None
    by = [part.strip() for part in (attrs.value("indicatie.van") or "").split(",") if part.strip()]
    return _compact({"nodig": needed, "van": by or None, "toelichting": attrs.value("indicatie.toelichting")})
