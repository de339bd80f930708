"""Which pages the site has: one function per page kind, each yielding Pages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from mantelkaart.core.catalogue import Catalogue, Offer
from mantelkaart.core.config import NATIONWIDE
from mantelkaart.site import structured_data
from mantelkaart.site.site_output import Page

if TYPE_CHECKING:
    from mantelkaart.site.pages import PageMaker

BLOCKS = {
    "respijtvormen": "respite_forms",
    "voor-wie": "target_groups",
    "consulent": "consultant",
    "gemeenten": "municipalities",
    "zoeken": "search",
    "voorbeeldgegevens": "example_notice",
}


def sort_offers(offers: list[Offer]) -> list[Offer]:
    return sorted(offers, key=lambda o: (o.service.name.casefold(), o.provider.name.casefold()))


def finder_offers(catalogue: Catalogue) -> list[Offer]:
    """The services the finder knows, in their fixed order: active before temporarily
    closed, then by name (the order of the list without words or choices)."""
    return sorted(sort_offers(catalogue.active_offers()), key=lambda o: o.service.status != "actief")


def group_offers(
    maker: PageMaker, offers: list[Offer], attribute: str, vocabulary: str
) -> list[tuple[str, str, list[Offer]]]:
    """[(term id, label, offers)] in vocabulary order; each offer under each of its terms."""
    terms = maker.vocabularies[vocabulary].ids()
    groups: dict[str, list[Offer]] = {}
    for offer in offers:
        value = getattr(offer.service, attribute)
        for term in value if isinstance(value, list) else [value]:
            groups.setdefault(term, []).append(offer)
    return [
        (term, maker.vocabularies[vocabulary].label(term), sort_offers(groups[term]))
        for term in terms
        if term in groups
    ]


def _page(
    maker: PageMaker,
    template: str,
    path: str,
    title: str,
    description: str = "",
    source: str | None = None,
    in_search: bool = False,
    json_ld: dict[str, Any] | None = None,
    **values: object,
) -> Page:
    body = maker.render(template, path, title=title, **values)
    return Page(path, title, body, description, source, in_search, json_ld=json_ld)


def offer_pages(maker: PageMaker, offers: Iterable[Offer] | None = None) -> Iterator[Page]:
    """A page per offer (of ``offers``, or of the whole catalogue)."""
    catalogue = maker.catalogue
    for offer in catalogue.offers if offers is None else offers:
        path = maker.offer_path(offer)
        service = offer.service
        form = catalogue.respite_forms.get(service.respite_form or "")
        regulations = [
            (rid, r)
            for rid, r in catalogue.regulations_for_form(service.respite_form or "")
            if NATIONWIDE in r.municipalities
            or set(r.municipalities) & set(service.area)
            or NATIONWIDE in service.area
        ]
        yield _page(
            maker,
            "service.html",
            path,
            service.name,
            service.summary,
            offer.relpath,
            json_ld=structured_data.service_data(maker, offer),
            offer=offer,
            service=service,
            provider=offer.provider,
            form=form,
            regulations=regulations,
            report=maker.report_link(service.name, path, offer.relpath),
        )


def offers_overview(maker: PageMaker) -> Iterator[Page]:
    catalogue = maker.catalogue
    yield _page(
        maker,
        "offers.html",
        maker.path("offers"),
        "Alle hulp en ondersteuning",
        "Alle diensten voor mantelzorgers in de regio, per soort hulp.",
        groups=group_offers(maker, catalogue.active_offers(), "functions", "functies"),
    )


def provider_pages(maker: PageMaker) -> Iterator[Page]:
    catalogue = maker.catalogue
    for provider_id, provider in catalogue.providers.items():
        path = maker.path("providers", provider_id)
        source = catalogue.files[("providers", provider_id)]
        yield _page(
            maker,
            "provider.html",
            path,
            provider.name,
            provider.summary or "",
            source,
            json_ld=structured_data.provider_data(maker, provider_id, provider),
            provider_id=provider_id,
            provider=provider,
            offers=sort_offers(catalogue.offers_of(provider_id)),
            regulations=[(rid, r) for rid, r in catalogue.current_regulations() if r.issuer == provider_id],
            report=maker.report_link(provider.name, path, source),
        )
    providers = sorted(catalogue.providers.items(), key=lambda item: item[1].name.casefold())
    yield _page(
        maker,
        "providers.html",
        maker.path("providers"),
        "Aanbieders",
        "Alle organisaties op deze sociale kaart.",
        providers=providers,
    )


def respite_form_pages(maker: PageMaker) -> Iterator[Page]:
    catalogue = maker.catalogue
    by_form = catalogue.offers_by("respite_form")
    for form_id, form in catalogue.respite_forms.items():
        path = maker.path("respite-forms", form_id)
        source = catalogue.files[("respite-forms", form_id)]
        yield _page(
            maker,
            "respite_form.html",
            path,
            form.name,
            form.summary,
            source,
            in_search=True,
            form_id=form_id,
            form=form,
            offers=sort_offers(by_form.get(form_id, [])),
            regulations=catalogue.regulations_for_form(form_id),
            report=maker.report_link(form.name, path, source),
        )
    yield _page(
        maker,
        "respite_forms.html",
        maker.path("respite-forms"),
        "Respijtzorg: even vrij van de zorg",
        "Alle vormen van respijtzorg: wat het is, waar het is en wie betaalt.",
        in_search=True,
    )


def regulation_pages(maker: PageMaker) -> Iterator[Page]:
    catalogue = maker.catalogue
    for regulation_id, regulation in catalogue.regulations.items():
        path = maker.path("regulations", regulation_id)
        source = catalogue.files[("regulations", regulation_id)]
        yield _page(
            maker,
            "regulation.html",
            path,
            regulation.name,
            regulation.summary,
            source,
            regulation=regulation,
            expired=catalogue.expired(regulation),
            issuer=catalogue.providers.get(regulation.issuer),
            report=maker.report_link(regulation.name, path, source),
        )
    regulations = sorted(catalogue.current_regulations(), key=lambda item: item[1].name.casefold())
    yield _page(
        maker,
        "regulations.html",
        maker.path("regulations"),
        "Regelingen",
        "Regelingen en vergoedingen voor mantelzorgers.",
        regulations=regulations,
    )


def municipality_pages(maker: PageMaker) -> Iterator[Page]:
    catalogue = maker.catalogue
    for municipality_id, name in maker.config.municipalities.items():
        offers = catalogue.offers_in(municipality_id)
        yield _page(
            maker,
            "municipality.html",
            maker.path("municipalities", municipality_id),
            f"Hulp voor mantelzorgers in {name}",
            f"Alles wat inwoners van {name} en hun mantelzorgers kunnen gebruiken.",
            municipality_id=municipality_id,
            name=name,
            part=next((p for p in maker.regions if municipality_id in p.municipalities), None),
            groups=group_offers(maker, offers, "functions", "functies"),
            regulations=catalogue.regulations_in(municipality_id),
        )
    yield _page(
        maker,
        "municipalities.html",
        maker.path("municipalities"),
        "Gemeenten",
        "Kies de gemeente waar de persoon woont voor wie u zorgt.",
    )


def region_pages(maker: PageMaker) -> Iterator[Page]:
    """A page per region of a site with several (regions: in mkdocs.yml)."""
    catalogue = maker.catalogue
    for part in maker.regions:
        regulations = [
            (rid, r)
            for rid, r in sorted(catalogue.current_regulations(), key=lambda item: item[1].name.casefold())
            if set(r.municipalities) & set(part.municipalities)
        ]
        yield _page(
            maker,
            "region.html",
            maker.path("regions", part.id),
            f"Hulp voor mantelzorgers in de regio {part.name}",
            f"Hulp, regelingen en de consulent voor inwoners van de regio {part.name}.",
            part=part,
            regulations=regulations,
        )


def vocabulary_pages(
    maker: PageMaker, kind: str, attribute: str, vocabulary: str, title: str, intro: str
) -> Iterator[Page]:
    by_term = maker.catalogue.offers_by(attribute)
    terms = maker.vocabularies[vocabulary].terms
    for term_id, term in terms.items():
        yield _page(
            maker,
            "term.html",
            maker.path(kind, term_id),
            term.label,
            term.explanation,
            term=term,
            offers=sort_offers(by_term.get(term_id, [])),
        )
    listing = [(term_id, term, len(by_term.get(term_id, []))) for term_id, term in terms.items()]
    yield _page(maker, "terms.html", maker.path(kind), title, intro, kind=kind, terms=listing, intro=intro)


def all_pages(maker: PageMaker) -> Iterator[Page]:
    yield from offer_pages(maker)
    yield from other_pages(maker)


def other_pages(maker: PageMaker) -> Iterator[Page]:
    """Every record page but the offers' own."""
    yield from offers_overview(maker)
    yield from provider_pages(maker)
    yield from respite_form_pages(maker)
    yield from regulation_pages(maker)
    yield from municipality_pages(maker)
    yield from region_pages(maker)
    yield from vocabulary_pages(
        maker,
        "target-groups",
        "target_groups",
        "doelgroepen",
        "Voor wie",
        "Hulp voor mantelzorgers, per ziekte, beperking of situatie.",
    )
    yield from vocabulary_pages(
        maker,
        "functions",
        "functions",
        "functies",
        "Soorten hulp",
        "Alle soorten ondersteuning voor mantelzorgers.",
    )
