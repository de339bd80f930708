"""HSDS services → the services of a provider record (dicts with the Dutch YAML keys)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.hours import TimeSpan
from mantelkaart.core.services import Eligibility
from mantelkaart.opendata.hsds.details import FREE, NATIONWIDE_NAME, OWN_CONTRIBUTION, generated_text
from mantelkaart.opendata.hsds.input import Language, Schedule, Service
from mantelkaart.opendata.hsds.terms import RESPITE_FORMS
from mantelkaart.opendata.hsds.text import dutch_language_name, language_codes, tidy
from mantelkaart.opendata.hsds.values import (
    Attributes,
    first_sentence,
    report_extras,
    schedule_span,
    strip_summary,
)

if TYPE_CHECKING:
    from mantelkaart.opendata.hsds.records import RecordMaker

Record = dict[str, Any]
STATUS = {"active": "actief", "temporarily closed": "tijdelijk-gesloten", "defunct": "gestopt"}


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

    def service(
        self,
        service: Service,
        attrs: Attributes,
        provider_where: str,
        provider_name: str,
        location_ids: dict[str, str],
        used: set[str],
    ) -> Record | None:
        """The service as the source says it; what the source does not say is left out (never guessed).

        A service that lacks a required value makes its provider a draft (see ``RecordMaker``).
        """
        clean = self.values
        where = f"{provider_where}, dienst '{service.name[:60]}'"
        name = clean.text("line", service.name, where, "dienst.naam")
        if name is None:
            self.report.skip(where, "de naam is geen bruikbare tekst")
            return None
        service_id = self.maker.slug(attrs.value("id"), name, used, where)
        where = f"{provider_where}, dienst '{service_id}'"
        report_extras(self.report, "dienst", service, where)
        area = self.area(service, where)
        if service.service_areas and not area:
            self.report.skip(where, "geen werkgebied dat in mkdocs.yml (municipalities) staat")
            return None
        extra: list[str] = []  # source text without a field of its own: kept in the description
        summary = clean.text("line", attrs.value("samenvatting"), where, "dienst.samenvatting")
        description = strip_summary(service.description, summary)
        if summary is None and service.description:
            summary = first_sentence(tidy(service.description)[0])
            if summary:
                self.report.changed("dienst.samenvatting", "eerste zin van de omschrijving", summary)
        forms = attrs.terms(RESPITE_FORMS)
        for form in forms[1:]:
            self.report.drop(where, f"tweede respijtvorm '{form}'", "dienst.respijtvorm")
        locations = []
        for link in service.service_at_locations:
            key = link.location_id or (link.location.id if link.location else None)
            if key in location_ids:
                locations.append(location_ids[key])
            else:
                self.report.drop(where, f"locatie '{key}' (onbekend bij deze organisatie)", "dienst.locaties")
        settings = attrs.terms("omgevingen")
        step = self.next_step(service, attrs, where, extra)
        status = STATUS.get(service.status or "active")
        if status is None:
            self.report.left("dienst.status", f"'{service.status}' is geen status van Mantelkaart", where)
            status = "actief"
        contact = self.maker.contact(
            service.phones, service.contacts, service.email, service.url, attrs, where
        )
        languages = self.language_ids(service.languages, where)
        hours = self.hours(service.schedules, where, extra)
        if extra:
            description = "\n\n".join(filter(None, (description, *extra)))
        paid = self.cost(service, attrs, where)
        data = _compact(
            {
                "id": service_id,
                "naam": name,
                "samenvatting": summary,
                "omschrijving": clean.text("text", description, where, "dienst.omschrijving"),
                "functies": attrs.terms("functies"),
                "respijtvorm": forms[0] if forms else None,
                "doelgroepen": attrs.terms("doelgroepen"),
                "zorgfasen": attrs.terms("zorgfasen"),
                "voor_wie": self.audience(service, attrs, where),
                "werkgebied": area,
                "omgeving": settings[0] if settings else None,
                "locaties": list(dict.fromkeys(locations)),
                "openingstijden": hours,
                "kosten": paid,
                "toegang": attrs.terms("toegang"),
                "volgende_stap": step,
                "wachttijd": clean.text("line", service.wait_time, where, "dienst.wait_time"),
                "indicatie": indication(attrs),
                "contact": contact or None,
                "status": None if status == "actief" else status,
                "gecontroleerd": self.maker.verified(attrs, where),
            }
        )
        # Only what the source says: no languages given is no languages, not Dutch by default.
        data["talen"] = languages
        return data

    def next_step(self, service: Service, attrs: Attributes, where: str, extra: list[str]) -> Record | None:
        """How to apply, as the source says it; a long text is kept whole in the description."""
        by = attrs.value("volgende_stap.door")
        text = self.values.text("text", service.application_process, where, "dienst.volgende_stap")
        if text is None:
            return {"door": by} if by else None
        line = " ".join(text.split())
        if len(line) > 200 or "\n" in text:
            extra.append(f"Aanmelden: {text}" if not text.lower().startswith("aanmeld") else text)
            line = first_sentence(line)
            self.report.changed(
                "dienst.volgende_stap",
                "lange tekst: eerste zin als stap, de hele tekst in de omschrijving",
                where,
            )
        return {"door": by or "aanbieder", "tekst": line}

    def area(self, service: Service, where: str) -> list[str]:
        found: list[str] = []
        for area in service.service_areas:
            report_extras(self.report, "werkgebied", area, where)
            key = self.areas.get((area.name or "").strip().casefold())
            if key is None:
                self.report.drop(
                    where,
                    f"werkgebied '{area.name}' (staat niet onder municipalities in mkdocs.yml)",
                    "dienst.werkgebied",
                )
            elif key not in found:
                found.append(key)
                self.report.taken("dienst.werkgebied", area.name)
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
                    "leeftijd_vanaf": clean.text(
                        "age", _whole(service.minimum_age), where, "dienst.minimum_age"
                    ),
                    "leeftijd_tot_en_met": clean.text(
                        "age", _whole(service.maximum_age), where, "dienst.maximum_age"
                    ),
                    "toelichting": clean.text(
                        "text", service.eligibility_description, where, "dienst.eligibility_description"
                    ),
                }
            )
            if rule:
                audience["zorgvrager"] = rule
                self.report.changed(
                    "dienst.minimum_age, maximum_age, eligibility_description",
                    "als voorwaarden voor de persoon die zorg krijgt (voor_wie.zorgvrager)",
                    where,
                )
        for who, rule in list(audience.items()):
            try:
                Eligibility.model_validate(rule)
            except ValidationError:
                self.report.drop(
                    where,
                    f"voorwaarden voor de {who}: de maximale leeftijd is lager dan de minimale",
                    "dienst.voor_wie",
                )
                del audience[who]
        return audience or None

    def hours(self, schedules: list[Schedule], where: str, extra: list[str]) -> Record | None:
        """Parsed times, with the source's own wording kept beside them (in the note or description)."""
        spans, notes = [], []
        for schedule in schedules:
            report_extras(self.report, "openingstijden", schedule, where)
            span = schedule_span(schedule)
            if span is not None:
                try:
                    TimeSpan.model_validate(span)
                    spans.append(span)
                    self.report.taken(
                        "openingstijden.tijden", f"{schedule.byday} {span['van']}–{span['tot']}"
                    )
                except ValidationError:
                    self.report.drop(
                        where,
                        f"openingstijd {span['van']}–{span['tot']} (eindtijd niet na begintijd)",
                        "openingstijden.tijden",
                    )
                if schedule.description and schedule.description != generated_text(span):
                    notes.append(schedule.description)
            elif schedule.description or schedule.opens_at or schedule.byday:
                text = schedule.description or " ".join(
                    filter(None, (schedule.byday, schedule.opens_at, schedule.closes_at))
                )
                notes.append(text)
                self.report.changed("openingstijden", "niet te lezen als vaste tijden: als toelichting", text)
            if schedule.notes:
                notes.append(schedule.notes)
        note = "; ".join(dict.fromkeys(" ".join(n.split()) for n in notes if n.strip()))
        if len(note) > 200:  # the note is one line: the whole text goes into the description
            extra.append(f"Openingstijden: {note}")
            self.report.changed("openingstijden.toelichting", "lange tekst in de omschrijving gezet", note)
            note = ""
        kept = self.values.text("line", note, where, "openingstijden.toelichting") if note else None
        hours = _compact({"tijden": spans, "toelichting": kept})
        return hours or None

    def cost(self, service: Service, attrs: Attributes, where: str) -> Record:
        clean = self.values
        paid = attrs.terms("financiering")
        own = None
        free = False
        extra = []
        for option in service.cost_options:
            report_extras(self.report, "kosten", option, where)
            if option.option == OWN_CONTRIBUTION and option.amount is None:
                own = clean.text("line", option.amount_description, where, "eigen bijdrage")
            elif option.amount == 0:
                free = True
                if option.option not in (None, FREE):
                    extra.append(option.option)
            else:
                amount = f"€ {option.amount:.2f}".replace(".", ",") if option.amount is not None else None
                extra.append(" ".join(filter(None, (option.option, amount, option.amount_description))))
        if not paid and free:
            paid = ["gratis"]
            self.report.changed("kosten.betaald_door", "kostenoptie van 0 als 'gratis'", where)
        note = "\n\n".join(filter(None, (service.fees_description, *extra)))
        if extra:
            self.report.changed("kosten.toelichting", "kostenopties in de toelichting gezet", where)
        return _compact(
            {
                "betaald_door": paid,
                "eigen_bijdrage": own,
                "toelichting": clean.text("text", note, where, "kosten.toelichting"),
            }
        )

    def language_ids(self, languages: list[Language], where: str) -> list[str]:
        """Our ids of the languages the source names, by ISO 639 code or English or Dutch name.

        A language the site's list 'talen' lacks is reported (with its Dutch name), never replaced.
        """
        found: list[str] = []
        for language in languages:
            report_extras(self.report, "taal", language, where)
            codes = language_codes(language.code, language.name)
            key = next((self.languages[code] for code in codes if code in self.languages), None)
            if key is None:
                key = self.languages.get((language.name or "").strip().casefold())
            given = language.name or language.code
            if key is None:
                known = dutch_language_name(codes)
                why = (
                    f"{known} staat niet in de lijst 'talen' van de site (voeg hem toe in vocabularies/talen.yaml)"
                    if known
                    else "onbekende taal"
                )
                self.report.left("dienst.talen", why, f"{given} ({where})")
            elif key not in found:
                found.append(key)
                self.report.taken("dienst.talen", given)
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
