"""Stable HSDS ids and the taxonomies of the HSDS export.

Every HSDS ``id`` is a UUID: version 5 of one fixed project namespace and a path of
our slugs (``provider/het-parkhuis``, ``service/het-parkhuis/logeren``), so the same
record always gets the same id, in every export and on every machine.

Our vocabularies (and the respite forms) become HSDS taxonomies whose terms are
linked to organizations, services and locations through HSDS attributes. Values
that have no HSDS field of their own (a summary, who verified a record, the
record's id) travel as attributes of the ``mantelkaart`` taxonomy, with the value
in ``attribute.value``. The mapping is documented in docs-dev/hsds-mapping.md.
"""

from __future__ import annotations

import uuid
from hashlib import sha1
from typing import Any

from mantelkaart.core.catalogue import Catalogue

NAMESPACE = uuid.UUID("0a81bd48-f2e9-48e3-8df5-e38afb7606ef")  # never change: ids would change
_NAMESPACE_BYTES = NAMESPACE.bytes


def uid(path: str) -> str:
    """``str(uuid.uuid5(NAMESPACE, path))``, about three times faster (exports make many)."""
    h = sha1(_NAMESPACE_BYTES + path.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}  # RFC 4122 variant bits


# Vocabulary name → (taxonomy description, page folder of its terms on the site, if any).
VOCABULARY_TAXONOMIES: dict[str, tuple[str, str | None]] = {
    "soorten": ("Soorten organisaties.", None),
    "functies": (
        "Soorten ondersteuning voor mantelzorgers: de acht basisfuncties, plus waardering en nazorg.",
        "ondersteuning",
    ),
    "doelgroepen": ("Voor wie: ziekte, beperking of situatie van zorgvrager of mantelzorger.", "voor-wie"),
    "zorgfasen": ("In welke fase van de zorg de hulp past.", None),
    "omgevingen": ("Waar de hulp plaatsvindt.", None),
    "financiering": ("Wie betaalt: wetten, verzekeringen en regelingen.", None),
    "toegang": ("Hoe iemand aan de hulp komt.", None),
}
RESPITE_FORMS = "respijtvormen"
FIELDS = "mantelkaart"

# Values without an HSDS field of their own: attribute code → (name, description).
FIELD_TERMS: dict[str, tuple[str, str]] = {
    "id": ("id", "De id in Mantelkaart: de bestandsnaam, of de id binnen de aanbieder."),
    "recordsoort": ("Soort record", "'regeling': deze dienst is een regeling (een record in regulations/)."),
    "samenvatting": ("Samenvatting", "Eén zin in gewone taal; het begin van de omschrijving."),
    "gecontroleerd.op": ("Gecontroleerd op", "Datum waarop iemand de gegevens heeft gecontroleerd."),
    "gecontroleerd.door": ("Gecontroleerd door", "Wie de gegevens heeft gecontroleerd."),
    "contact.bereikbaar": ("Bereikbaar", "Wanneer de organisatie bereikbaar is."),
    "plaats": ("Plaats", "Plaats van een locatie zonder (openbaar) adres."),
    "vertrouwelijk": ("Vertrouwelijk", "'ja': het adres van deze locatie wordt niet gepubliceerd."),
    "voor_wie.zorgvrager.leeftijd_vanaf": (
        "Zorgvrager vanaf leeftijd",
        "Minimale leeftijd van de zorgvrager.",
    ),
    "voor_wie.zorgvrager.leeftijd_tot_en_met": (
        "Zorgvrager tot en met leeftijd",
        "Maximale leeftijd van de zorgvrager.",
    ),
    "voor_wie.zorgvrager.toelichting": (
        "Voorwaarden zorgvrager",
        "Voorwaarden voor de persoon die zorg krijgt.",
    ),
    "voor_wie.mantelzorger.leeftijd_vanaf": (
        "Mantelzorger vanaf leeftijd",
        "Minimale leeftijd van de mantelzorger.",
    ),
    "voor_wie.mantelzorger.leeftijd_tot_en_met": (
        "Mantelzorger tot en met leeftijd",
        "Maximale leeftijd van de mantelzorger.",
    ),
    "voor_wie.mantelzorger.toelichting": ("Voorwaarden mantelzorger", "Voorwaarden voor de mantelzorger."),
    "volgende_stap.door": (
        "Volgende stap door",
        "Wie u belt of waar u zich meldt: 'aanbieder', 'consulent' of een dienst (aanbieder-id/dienst-id).",
    ),
    "indicatie.nodig": ("Indicatie nodig", "Is een indicatie of verwijzing nodig: nee, ja of soms."),
    "indicatie.van": ("Indicatie van", "Wie de indicatie of verwijzing geeft (lijst 'indicatie')."),
    "indicatie.toelichting": ("Indicatie toelichting", "Wanneer een indicatie wel en niet nodig is."),
    "wetsartikel": ("Wetsartikel", "Wetsartikel of verordening van een regeling."),
    "bedrag": ("Bedrag", "Bedrag in euro dat een regeling geeft."),
    "uren": ("Uren", "Aantal uren dat een regeling geeft."),
    "aanvraagperiode": ("Aanvraagperiode", "Wanneer u een regeling kunt aanvragen."),
    "geldig_vanaf": ("Geldig vanaf", "Vanaf wanneer een regeling geldt."),
    "geldig_tot": ("Geldig tot", "Tot wanneer een regeling geldt."),
}

Json = dict[str, Any]


def term_code(taxonomy: str, key: str) -> str:
    """Codes are unique over all taxonomies (HSDS's tabular format asks for that)."""
    return f"{taxonomy}:{key}"


class Taxonomies:
    """The taxonomies and terms of one catalogue, and attributes that link to them."""

    def __init__(self, catalogue: Catalogue, site_url: str = "") -> None:
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.taxonomies: dict[str, Json] = {}
        self.terms: dict[tuple[str, str], Json] = {}
        vocabularies = catalogue.vocabularies
        for name, (description, folder) in VOCABULARY_TAXONOMIES.items():
            self._taxonomy(name, description)
            for term_id, term in vocabularies[name].terms.items():
                page = f"{folder}/{term_id}/" if folder else None
                self._term(name, term_id, term.label, term.explanation or term.label, page)
        self._taxonomy(RESPITE_FORMS, "Vormen van respijtzorg: iemand neemt de zorg tijdelijk over.")
        for form_id, form in catalogue.respite_forms.items():
            self._term(RESPITE_FORMS, form_id, form.name, form.summary, f"respijtzorg/{form_id}/")
        self._taxonomy(
            FIELDS, "Gegevens uit Mantelkaart zonder eigen HSDS-veld; de waarde staat in het attribuut."
        )
        for code, (label, description) in FIELD_TERMS.items():
            self._term(FIELDS, code, label, description, None)

    def _taxonomy(self, name: str, description: str) -> None:
        self.taxonomies[name] = {"id": uid(f"taxonomy/{name}"), "name": name, "description": description}

    def _term(self, taxonomy: str, key: str, name: str, description: str, page: str | None) -> None:
        term: Json = {
            "id": uid(f"taxonomy_term/{taxonomy}/{key}"),
            "code": term_code(taxonomy, key),
            "name": name,
            "description": description,
            "taxonomy": taxonomy,
            "taxonomy_id": self.taxonomies[taxonomy]["id"],
            "language": "nl",
        }
        if page and self.site_url:
            term["term_uri"] = self.site_url + page
        self.terms[(taxonomy, key)] = term

    def attribute(self, owner: str, taxonomy: str, key: str, value: str | None = None) -> Json:
        """An HSDS attribute of the object at slug path ``owner``, linking it to a term.

        Nested in its object, the attribute leaves out ``link_id`` and ``link_entity``
        (the tabular form fills them in) and refers to its term by id only: the terms
        are in ``taxonomy_terms.json``. Embedding them made 5,000 providers' export
        three times larger.
        """
        attribute: Json = {
            "id": uid(f"attribute/{owner}/{taxonomy}/{key}"),
            "link_type": taxonomy,
            "taxonomy_term_id": self.terms[(taxonomy, key)]["id"],
        }
        if value is not None:
            attribute["value"] = value
        return attribute

    def attributes(self, owner: str, taxonomy: str, keys: list[str]) -> list[Json]:
        """:meth:`attribute` for each of ``keys`` (once each): a service's target groups, for example."""
        terms = self.terms
        prefix = f"attribute/{owner}/{taxonomy}/"
        return [
            {"id": uid(prefix + key), "link_type": taxonomy, "taxonomy_term_id": terms[(taxonomy, key)]["id"]}
            for key in dict.fromkeys(keys)
        ]

    def term_list(self) -> list[Json]:
        """Every term with its taxonomy (``taxonomy_detail``), for ``taxonomy_terms.json``."""
        return [
            {**term, "taxonomy_detail": self.taxonomies[term["taxonomy"]]} for term in self.terms.values()
        ]
