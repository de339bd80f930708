"""The editors' report: what the catalogue covers and where it needs work.

Counts per municipality and per respite form, records past their verification
date (with who last verified them), and gaps: services without a phone number or
opening hours, outdoor services without a location, regulations past 'geldig_tot',
respite forms nobody offers; and the texts with the most plain-language warnings
(:mod:`mantelkaart.core.plain_language`). Shown by ``mantelkaart report`` (text) and on the
page /redactie/rapport/ (``templates/report.html``); the overdue list alone, in
Markdown and grouped by provider, feeds the weekly GitHub issue (``mantelkaart stale``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.core.freshness import months_between
from mantelkaart.core.plain_language import HardWords, record_texts, text_warnings
from mantelkaart.core.problems import field_path
from mantelkaart.core.record_parts import Verification
from mantelkaart.editors.markdown import code, escape
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page

if TYPE_CHECKING:
    from mantelkaart.site.site_output import Output, SiteContext

PAGE = "redactie/rapport.md"
STALE_MARKER = "<!-- mantelkaart-verouderd: {count} -->"


@dataclass(frozen=True)
class Tally:
    key: str
    label: str
    services: int
    regulations: int


@dataclass(frozen=True)
class Finding:
    """One record or service with a gap; ``page`` is its page in the site, if any."""

    relpath: str
    name: str
    detail: str = ""
    page: str | None = None


@dataclass(frozen=True)
class Gap:
    key: str
    title: str
    explanation: str
    findings: list[Finding]


@dataclass(frozen=True)
class Overdue:
    group: str  # the provider the record belongs to (a regulation: its issuer)
    relpath: str
    name: str
    verified_on: date
    verified_by: str
    months: int


@dataclass(frozen=True)
class Wording:
    """A text with plain-language warnings: whose text, which field, what to change."""

    relpath: str
    name: str
    field: str
    warnings: list[str]
    page: str | None = None


LANGUAGE_LIMIT = 10  # texts listed, the most warnings first


@dataclass
class EditorialReport:
    today: date
    stale_after_months: int
    municipalities: list[Tally] = field(default_factory=list)
    respite_forms: list[Tally] = field(default_factory=list)
    overdue: list[Overdue] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    language: list[Wording] = field(default_factory=list)  # texts with the most plain-language warnings

    def overdue_by_group(self) -> dict[str, list[Overdue]]:
        groups: dict[str, list[Overdue]] = {}
        for item in self.overdue:
            groups.setdefault(item.group, []).append(item)
        return groups


def editorial_report(
    catalogue: Catalogue, today: date | None = None, words: HardWords | None = None, root: Path | None = None
) -> EditorialReport:
    today = today or catalogue.today
    config = catalogue.config
    report = EditorialReport(today, config.stale_after_months)
    active = catalogue.active_offers()
    for municipality in [*config.municipalities, NATIONWIDE]:
        services = sum(1 for offer in active if municipality in offer.service.area)
        regulations = sum(1 for _, r in catalogue.current_regulations() if municipality in r.municipalities)
        report.municipalities.append(
            Tally(municipality, config.municipality_label(municipality), services, regulations)
        )
    for form_id, form in sorted(catalogue.respite_forms.items(), key=lambda item: item[1].name):
        services = sum(1 for offer in active if offer.service.respite_form == form_id)
        report.respite_forms.append(
            Tally(form_id, form.name, services, len(catalogue.regulations_for_form(form_id)))
        )
    report.overdue = sorted(_overdue(catalogue, today), key=lambda o: (o.group.lower(), o.relpath, o.name))
    report.gaps = [gap for gap in [*_gaps(catalogue, today), drafts_gap(root)] if gap.findings]
    report.language = _language(catalogue, words or HardWords.load(None))
    return report


def _language(catalogue: Catalogue, words: HardWords) -> list[Wording]:
    """The texts with the most plain-language warnings (at most :data:`LANGUAGE_LIMIT`)."""
    found: list[Wording] = []
    kinds = (("providers", catalogue.providers), ("respite-forms", catalogue.respite_forms),
             ("regulations", catalogue.regulations))  # fmt: skip
    for kind, records in kinds:
        for record_id, record in records.items():
            relpath = catalogue.files[(kind, record_id)]
            for key, name, text in record_texts(kind, record):
                warnings = text_warnings(text, words)
                if not warnings:
                    continue
                page = PageMaker.path(kind, record_id)
                if key[0] == "diensten":  # a service's text: its own page
                    offer = catalogue.offer(f"{record_id}/{record.services[int(key[1])].id}")
                    page = PageMaker.offer_path(offer) if offer else page
                said = [f"{message} {hint}" for message, hint in warnings]
                found.append(Wording(relpath, name, field_path(key), said, page))
    found.sort(key=lambda w: (-len(w.warnings), w.relpath, w.name, w.field))
    return found[:LANGUAGE_LIMIT]


def _overdue(catalogue: Catalogue, today: date) -> Iterator[Overdue]:
    limit = catalogue.config.stale_after_months

    def check(group: str, relpath: str, name: str, verified: Verification) -> Iterator[Overdue]:
        months = months_between(verified.on, today)
        if months >= limit:
            yield Overdue(group, relpath, name, verified.on, verified.by, months)

    for provider_id, provider in catalogue.providers.items():
        relpath = catalogue.files[("providers", provider_id)]
        yield from check(provider.name, relpath, provider.name, provider.verified)
        for service in provider.services:
            if service.verified is not None:
                yield from check(provider.name, relpath, service.name, service.verified)
    for regulation_id, regulation in catalogue.regulations.items():
        issuer = catalogue.providers.get(regulation.issuer)
        group = issuer.name if issuer else regulation.issuer
        yield from check(
            group, catalogue.files[("regulations", regulation_id)], regulation.name, regulation.verified
        )
    for form_id, form in catalogue.respite_forms.items():
        relpath = catalogue.files[("respite-forms", form_id)]
        yield from check("Vormen van respijtzorg", relpath, form.name, form.verified)


def _offer_finding(offer: Offer, detail: str = "") -> Finding:
    name = f"{offer.service.name} ({offer.provider.name})"
    return Finding(offer.relpath, name, detail, PageMaker.offer_path(offer))


def _gaps(catalogue: Catalogue, today: date) -> Iterator[Gap]:
    active = catalogue.active_offers()

    def offers(title: str, key: str, explanation: str, test: Callable[[Offer], bool]) -> Gap:
        found = [_offer_finding(offer) for offer in active if test(offer)]
        return Gap(key, title, explanation, found)

    yield offers(
        "Diensten zonder telefoonnummer",
        "geen-telefoon",
        "Mantelzorgers willen iemand kunnen bellen. Vul 'telefoon' in bij de dienst of de aanbieder.",
        lambda offer: offer.contact.phone is None,
    )
    yield offers(
        "Diensten zonder openingstijden",
        "geen-openingstijden",
        "Vul 'openingstijden' in, of een toelichting zoals 'op afspraak'.",
        lambda offer: (
            offer.service.hours is None or not (offer.service.hours.spans or offer.service.hours.note)
        ),
    )
    yield offers(
        "Diensten buitenshuis zonder locatie",
        "geen-locatie",
        "Bij hulp buitenshuis willen mensen weten waar het is. Voeg een locatie toe.",
        lambda offer: offer.service.setting == "buitenshuis" and not offer.service.locations,
    )
    yield offers(
        "Tijdelijk gesloten diensten",
        "tijdelijk-gesloten",
        "Kijk of deze diensten weer open zijn, of zet ze op 'gestopt'.",
        lambda offer: offer.service.status == "tijdelijk-gesloten",
    )
    yield Gap(
        "verlopen-regelingen",
        "Regelingen na hun einddatum",
        "De datum bij 'geldig_tot' is voorbij. Werk de regeling bij of haal haar weg.",
        [
            Finding(catalogue.files[("regulations", rid)], r.name, f"geldig tot {r.valid_until.isoformat()}",
                    PageMaker.path("regulations", rid))
            for rid, r in catalogue.regulations.items()
            if catalogue.expired(r)
        ],
    )  # fmt: skip
    yield Gap(
        "toekomstige-regelingen",
        "Regelingen die nog niet gelden",
        "De datum bij 'geldig_vanaf' ligt in de toekomst. Controleer of dat klopt.",
        [
            Finding(catalogue.files[("regulations", rid)], r.name, f"geldig vanaf {r.valid_from.isoformat()}",
                    PageMaker.path("regulations", rid))
            for rid, r in catalogue.regulations.items()
            if r.valid_from is not None and r.valid_from > today
        ],
    )  # fmt: skip
    offered = {offer.service.respite_form for offer in active}
    yield Gap(
        "respijtvorm-zonder-aanbod",
        "Vormen van respijtzorg zonder diensten",
        "Geen enkele actieve dienst noemt deze vorm bij 'respijtvorm'.",
        [
            Finding(
                catalogue.files[("respite-forms", fid)], form.name, "", PageMaker.path("respite-forms", fid)
            )
            for fid, form in catalogue.respite_forms.items()
            if fid not in offered
        ],
    )
    issuers = {regulation.issuer for regulation in catalogue.regulations.values()}
    yield Gap(
        "aanbieder-zonder-aanbod",
        "Aanbieders zonder diensten of regelingen",
        "Deze organisaties bieden niets aan op de site. Voeg een dienst toe of haal het record weg.",
        [
            Finding(catalogue.files[("providers", pid)], provider.name, "", PageMaker.path("providers", pid))
            for pid, provider in catalogue.providers.items()
            if not catalogue.offers_of(pid) and pid not in issuers
        ],
    )


# --- text and Markdown ---------------------------------------------------------------


DRAFTS = "concepten"  # written by 'mantelkaart import hsds'; never built


def drafts_gap(root: Path | None) -> Gap:
    """The drafts an import wrote into concepten/: not on the site until an editor fills them in."""
    findings = []
    folder = root / DRAFTS if root else None
    if folder is not None and folder.is_dir() and not folder.is_symlink():
        for path in sorted(folder.rglob("*.yaml")):
            if path.is_symlink() or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")[:8000]
            name = re.search(r"(?m)^naam: *(.+)$", text)
            missing = re.search(r"(?m)^# CONCEPT: .*?Vul nog in: *(.+?)\.?$", text)
            findings.append(
                Finding(
                    path.relative_to(root).as_posix() if root else path.name,
                    name.group(1).strip("'\"") if name else path.stem,
                    f"vul nog in: {missing.group(1)}" if missing else "",
                )
            )
    return Gap(
        "concepten",
        "Concepten uit een import (nog niet op de site)",
        "De bron zei niet alles wat een record nodig heeft; Mantelkaart vult niets zelf in. Vul aan wat "
        "ontbreekt en zet het bestand in de map van zijn soort (bijvoorbeeld providers/).",
        findings,
    )


def _counts(tally: Tally) -> str:
    services = "1 dienst" if tally.services == 1 else f"{tally.services} diensten"
    regulations = "1 regeling" if tally.regulations == 1 else f"{tally.regulations} regelingen"
    return f"{services}, {regulations}"


def report_text(report: EditorialReport) -> str:
    lines = [f"Rapport voor redacteuren ({report.today.isoformat()})", ""]
    lines.append("Per gemeente (actieve diensten, regelingen):")
    lines += [f"  {t.label}: {_counts(t)}" for t in report.municipalities]
    lines += ["", "Per vorm van respijtzorg (actieve diensten, regelingen):"]
    lines += [f"  {t.label}: {_counts(t)}" for t in report.respite_forms]
    lines += [
        "",
        f"Niet gecontroleerd in de afgelopen {report.stale_after_months} maanden: {len(report.overdue)}",
    ]
    for group, items in report.overdue_by_group().items():
        lines.append(f"  {group}")
        lines += [
            f"    - {o.name} ({o.relpath}): {o.verified_on.isoformat()}, {o.months} maanden geleden, "
            f"door {o.verified_by}"
            for o in items
        ]
    for gap in report.gaps:
        lines += ["", f"{gap.title}: {len(gap.findings)}"]
        lines += [f"  - {f.name} ({f.relpath}){': ' + f.detail if f.detail else ''}" for f in gap.findings]
    if not report.gaps:
        lines += ["", "Geen ontbrekende gegevens gevonden."]
    lines += ["", "Teksten met de meeste waarschuwingen over gewone taal:"]
    if not report.language:
        lines.append("  Geen: alle samenvattingen en omschrijvingen hebben korte zinnen en gewone woorden.")
    for wording in report.language:
        lines.append(f"  - {wording.name} ({wording.relpath}, {wording.field}): {len(wording.warnings)}")
        lines += [f"      {warning}" for warning in wording.warnings]
    return "\n".join(lines)


def overdue_markdown(report: EditorialReport) -> str:
    """The overdue records for the weekly issue, grouped by provider, in Markdown."""
    lines = [STALE_MARKER.format(count=len(report.overdue))]
    if not report.overdue:
        lines.append(f"Alle records zijn in de afgelopen {report.stale_after_months} maanden gecontroleerd.")
        return "\n".join(lines) + "\n"
    lines += [
        f"Deze {len(report.overdue)} records en diensten zijn {report.stale_after_months} maanden of langer "
        f"niet gecontroleerd (stand van {report.today.isoformat()}).",
        "Bel of mail de aanbieder, werk de gegevens bij en zet de datum van vandaag bij `gecontroleerd.op`.",
    ]
    for group, items in report.overdue_by_group().items():
        lines += ["", f"### {escape(group)}", ""]
        lines += [
            f"- [ ] {escape(o.name)} ({code(o.relpath)}): laatst gecontroleerd op {o.verified_on.isoformat()} "
            f"door {escape(o.verified_by)}, {o.months} maanden geleden"
            for o in items
        ]
    return "\n".join(lines) + "\n"


def report_outputs(catalogue: Catalogue, context: SiteContext) -> Iterator[Output]:
    """Producer: /redactie/rapport/, out of the navigation and the search, not for search engines."""
    words = HardWords.load(catalogue.config.data_path(context.config_dir))
    report = editorial_report(catalogue, words=words, root=catalogue.config.data_path(context.config_dir))
    body = PageMaker(catalogue, context.site_url).render("report.html", PAGE, report=report)
    yield Page(
        PAGE,
        "Rapport voor redacteuren",
        body,
        "Wat ontbreekt en wat moet worden gecontroleerd.",
        robots="noindex",
    )
