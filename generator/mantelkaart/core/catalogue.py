"""The catalogue: valid records, checked against each other, with the indexes pages need."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from mantelkaart.core import parties
from mantelkaart.core.config import NATIONWIDE, SiteConfig
from mantelkaart.core.guide_file import GuideSource
from mantelkaart.core.parties import Party
from mantelkaart.core.places import Location
from mantelkaart.core.problems import Problem, field_path, suggest
from mantelkaart.core.record_parts import CONSULTANT, Contact, Verification
from mantelkaart.core.records import Provider
from mantelkaart.core.regulations import Regulation, RespiteForm
from mantelkaart.core.services import Service
from mantelkaart.core.validation import Source
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.core.yaml_trouble import PathKey


@dataclass(frozen=True)
class Offer:
    """A service together with the provider that offers it."""

    provider_id: str
    provider: Provider
    service: Service
    relpath: str

    @property
    def key(self) -> str:
        return f"{self.provider_id}/{self.service.id}"

    @property
    def active(self) -> bool:
        return self.service.status != "gestopt"

    @cached_property  # asked for on every list an offer is in
    def contact(self) -> Contact:
        own = self.service.contact
        if own is None:
            return self.provider.contact
        merged = self.provider.contact.model_dump() | {
            k: v for k, v in own.model_dump().items() if v is not None
        }
        return Contact.model_construct(**merged)

    @property
    def verified(self) -> Verification:
        return self.service.verified or self.provider.verified

    @property
    def locations(self) -> list[Location]:
        by_id = {location.id: location for location in self.provider.locations}
        return [by_id[i] for i in self.service.locations if i in by_id]

    def serves(self, municipality: str) -> bool:
        return NATIONWIDE in self.service.area or municipality in self.service.area


@dataclass
class Catalogue:
    config: SiteConfig
    vocabularies: Vocabularies
    providers: dict[str, Provider] = field(default_factory=dict)
    respite_forms: dict[str, RespiteForm] = field(default_factory=dict)
    regulations: dict[str, Regulation] = field(default_factory=dict)
    offers: list[Offer] = field(default_factory=list)
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    guide: GuideSource | None = None  # the keuzehulp (set by Dataset.load)
    # References to services of providers not in this catalogue (another batch of a parallel
    # check, or a file with errors): (offer key, the problem if that service does not exist).
    pending: list[tuple[str, Problem]] = field(default_factory=list)
    today: date = field(default_factory=date.today)  # the build's date: which regulations still hold
    _by_provider: tuple[int, dict[str, list[Offer]]] = field(
        default=(-1, {}), init=False, repr=False, compare=False
    )
    _current: tuple[tuple[int, date] | None, list[tuple[str, Regulation]]] = field(
        default=(None, []), init=False, repr=False, compare=False
    )

    def active_offers(self) -> list[Offer]:
        return [offer for offer in self.offers if offer.active]

    def offers_by(self, attribute: str) -> dict[str, list[Offer]]:
        """Active offers grouped by a list attribute of the service (e.g. ``target_groups``)."""
        groups: dict[str, list[Offer]] = defaultdict(list)
        for offer in self.active_offers():
            value = getattr(offer.service, attribute)
            for key in value if isinstance(value, list) else [value]:
                if key is not None:
                    groups[key].append(offer)
        return groups

    def offers_in(self, municipality: str) -> list[Offer]:
        return [offer for offer in self.active_offers() if offer.serves(municipality)]

    def expired(self, regulation: Regulation) -> bool:
        """Past its 'geldig_tot' date: its page says so, and no list or answer shows it."""
        return regulation.valid_until is not None and regulation.valid_until < self.today

    def current_regulations(self) -> list[tuple[str, Regulation]]:
        if self._current[0] != (len(self.regulations), self.today):
            current = [(rid, r) for rid, r in self.regulations.items() if not self.expired(r)]
            self._current = ((len(self.regulations), self.today), current)
        return list(self._current[1])

    def regulations_for_form(self, form_id: str) -> list[tuple[str, Regulation]]:
        return [(rid, r) for rid, r in self.current_regulations() if form_id in r.respite_forms]

    def regulations_in(self, municipality: str) -> list[tuple[str, Regulation]]:
        return [
            (rid, r)
            for rid, r in self.current_regulations()
            if municipality in r.municipalities or NATIONWIDE in r.municipalities
        ]

    def offer(self, key: str) -> Offer | None:
        """The offer ``provider/service``, from the provider's offers."""
        provider_id, _, service_id = key.partition("/")
        return next((o for o in self.offers_of(provider_id) if o.service.id == service_id), None)

    def consultant(self, area: list[str] | None = None) -> Party | None:
        """The site's consultant (a service named in the configuration), for every page; for
        residents of ``area``, their region's consultant when the site has regions."""
        return parties.consultant(self, area)

    def next_party(self, offer: Offer) -> Party | None:
        """Who acts on the offer's next step: that party's contact, never another's."""
        return parties.next_party(self, offer)

    def offers_of(self, provider_id: str) -> list[Offer]:
        """A provider's offers, from an index: a scan per provider grows with the square of the data."""
        if self._by_provider[0] != len(self.offers):
            index: dict[str, list[Offer]] = defaultdict(list)
            for offer in self.offers:
                index[offer.provider_id].append(offer)
            self._by_provider = (len(self.offers), index)
        return list(self._by_provider[1].get(provider_id, ()))


def _problem(source: Source, key: PathKey, message: str, hint: str, severity: str = "fout") -> Problem:
    line, column = source.document.position(key)
    return Problem(source.relpath, line, column, field_path(key), message, hint, severity)


def _missing(
    source: Source, key: PathKey, what: str, value: str, known: Iterable[str], folder: str
) -> Problem:
    hint = suggest(value, known) or f"Maak {folder}{value}.yaml aan of controleer de id."
    return _problem(source, key, f"{what} '{value}' bestaat niet.", hint)


def build_catalogue(
    sources: list[Source],
    config: SiteConfig,
    vocabularies: Vocabularies,
    known: dict[str, set[str]] | None = None,
    today: date | None = None,
) -> tuple[Catalogue, list[Problem]]:
    """Put valid records together and check every reference between them.

    ``known`` holds every record id per kind, from the file names: a reference to a
    record whose file exists but has errors is not reported again (its own errors are).
    """
    catalogue = Catalogue(config, vocabularies, today=today or date.today())
    by_kind: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        by_kind[source.kind].append(source)
        catalogue.files[(source.kind, source.id)] = source.relpath
    catalogue.providers = {s.id: s.record for s in by_kind["providers"]}
    catalogue.respite_forms = {s.id: s.record for s in by_kind["respite-forms"]}
    catalogue.regulations = {s.id: s.record for s in by_kind["regulations"]}
    if known is None:
        known = {kind: {s.id for s in group} for kind, group in by_kind.items()}
    problems: list[Problem] = []
    references: list[tuple[str, Problem]] = []
    for source in by_kind["providers"]:
        problems.extend(_check_provider(source, catalogue, known.get("respite-forms", set()), references))
    if config.consultant:
        references.append((config.consultant, consultant_problem(config.consultant)))
    for region_id, region in config.regions.items():
        if region.consultant:
            field = f"regions.{region_id}.consultant"
            references.append((region.consultant, consultant_problem(region.consultant, field)))
    problems.extend(_resolve(catalogue, references, known.get("providers", set())))
    for source in by_kind["regulations"]:
        problems.extend(
            _check_regulation(source, known.get("providers", set()), known.get("respite-forms", set()))
        )
        if catalogue.expired(source.record):
            problems.append(
                _problem(
                    source,
                    ("geldig_tot",),
                    f"De regeling is verlopen op {source.record.valid_until.isoformat()}; "
                    "de site toont hem niet meer bij respijtvormen, gemeenten en in de keuzehulp.",
                    "Zet de nieuwe einddatum bij 'geldig_tot', of haal het bestand weg als de regeling "
                    "niet meer bestaat.",
                    "waarschuwing",
                )
            )
    return catalogue, problems


def _duplicates(source: Source, items: list[tuple[PathKey, str]], what: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for key, value in items:
        if value in seen:
            problems.append(
                _problem(
                    source,
                    key,
                    f"De id '{value}' komt twee keer voor bij {what}.",
                    "Geef elke id een eigen naam.",
                )
            )
        seen.add(value)
    return problems


def consultant_problem(key: str, field: str = "consultant") -> Problem:
    return Problem(
        "mkdocs.yml",
        1,
        1,
        field,
        f"De dienst '{key}' bij '{field}' bestaat niet.",
        "Zet bij 'consultant' de dienst van de consulent als aanbieder-id/dienst-id, "
        "bijvoorbeeld mee-drechtsteden/respijtconsulent.",
    )


def _resolve(
    catalogue: Catalogue, references: list[tuple[str, Problem]], providers: set[str]
) -> list[Problem]:
    """Problems for references to services that do not exist; undecidable ones wait in ``pending``."""
    problems = []
    for key, problem in references:
        provider_id = key.partition("/")[0]
        if provider_id in catalogue.providers:
            if catalogue.offer(key) is None:
                services = [o.key for o in catalogue.offers_of(provider_id)]
                problems.append(with_hint(problem, suggest(key, services)))
        elif provider_id in providers:
            catalogue.pending.append((key, problem))
        else:
            problems.append(with_hint(problem, suggest(provider_id, providers)))
    return problems


def with_hint(problem: Problem, hint: str) -> Problem:
    if not hint:
        return problem
    return Problem(problem.file, problem.line, problem.column, problem.field, problem.message, hint)


def _check_step(source: Source, catalogue: Catalogue, base: PathKey, service: Service) -> list[Problem]:
    """Next step and indicatie: who acts must exist, and a service says whether an indicatie is needed."""
    problems = []
    if service.next_step.party == CONSULTANT and not catalogue.config.consultant_for(service.area):
        problems.append(
            _problem(
                source,
                (*base, "volgende_stap", "door"),
                "Deze dienst is voor inwoners van meer dan één regio, en de site heeft geen eigen consulent."
                if catalogue.config.regions
                else "Deze site heeft geen consulent.",
                "Zet in mkdocs.yml bij 'consultant' de dienst van de consulent (aanbieder-id/dienst-id), "
                "of kies bij 'door' de aanbieder of een andere dienst.",
            )
        )
    if service.indication is None:
        problems.append(
            _problem(
                source,
                base,
                "Deze dienst zegt niet of een indicatie nodig is.",
                "Vul 'indicatie' in, bijvoorbeeld indicatie: {nodig: nee} of "
                "indicatie: {nodig: ja, van: [gemeente]}.",
                "waarschuwing",
            )
        )
    return problems


def _check_provider(
    source: Source, catalogue: Catalogue, forms: set[str], references: list[tuple[str, Problem]]
) -> list[Problem]:
    provider: Provider = source.record
    problems = _duplicates(
        source, [(("locaties", i, "id"), loc.id) for i, loc in enumerate(provider.locations)], "de locaties"
    )
    problems += _duplicates(
        source, [(("diensten", i, "id"), s.id) for i, s in enumerate(provider.services)], "de diensten"
    )
    location_ids = [location.id for location in provider.locations]
    for index, service in enumerate(provider.services):
        base: PathKey = ("diensten", index)
        catalogue.offers.append(Offer(source.id, provider, service, source.relpath))
        problems += _check_step(source, catalogue, base, service)
        party = service.next_step.party
        if "/" in party and party != f"{source.id}/{service.id}":
            key: PathKey = (*base, "volgende_stap", "door")
            message = f"De dienst '{party}' bij 'door' bestaat niet."
            hint = "Gebruik aanbieder-id/dienst-id van een bestaande dienst, of 'aanbieder' of 'consulent'."
            references.append((party, _problem(source, key, message, hint)))
        if service.respite_form and service.respite_form not in forms:
            problems.append(
                _missing(
                    source,
                    (*base, "respijtvorm"),
                    "De respijtvorm",
                    service.respite_form,
                    forms,
                    "respite-forms/",
                )
            )
        for position, location_id in enumerate(service.locations):
            if location_id not in location_ids:
                hint = (
                    suggest(location_id, location_ids)
                    or "Voeg de locatie toe onder 'locaties' van de aanbieder."
                )
                problems.append(
                    _problem(
                        source,
                        (*base, "locaties", position),
                        f"De locatie '{location_id}' bestaat niet bij deze aanbieder.",
                        hint,
                    )
                )
        if service.setting == "buitenshuis" and not service.locations:
            problems.append(
                _problem(
                    source,
                    (*base, "omgeving"),
                    "Deze dienst is buitenshuis maar heeft geen locatie.",
                    "Voeg onder 'locaties' de id van een locatie toe, zodat mensen weten waar het is.",
                    "waarschuwing",
                )
            )
        if provider.contact.phone is None and (service.contact is None or service.contact.phone is None):
            problems.append(
                _problem(
                    source,
                    (*base, "contact"),
                    "Deze dienst heeft geen telefoonnummer.",
                    "Mantelzorgers willen iemand kunnen bellen; vul 'telefoon' in bij het contact.",
                    "waarschuwing",
                )
            )
    return problems


def _check_regulation(source: Source, providers: set[str], forms: set[str]) -> list[Problem]:
    regulation: Regulation = source.record
    problems = []
    if regulation.issuer not in providers:
        problems.append(
            _missing(source, ("uitgever",), "De uitgever", regulation.issuer, providers, "providers/")
        )
    for index, form in enumerate(regulation.respite_forms):
        if form not in forms:
            problems.append(
                _missing(
                    source,
                    ("respijtvormen", index),
                    "De respijtvorm",
                    form,
                    forms,
                    "respite-forms/",
                )
            )
    return problems
