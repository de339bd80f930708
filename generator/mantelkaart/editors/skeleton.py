"""``mantelkaart new``: a valid, commented record to start from."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from mantelkaart.core.config import SiteConfig
from mantelkaart.core.placeholders import PLACEHOLDERS, PROMPT
from mantelkaart.editors.json_schema import schema_comment

__all__ = ["PLACEHOLDERS", "PROMPT", "SkeletonError", "skeleton_text", "slugify", "write_skeleton"]

FOLDERS = {"provider": "providers", "respite-form": "respite-forms", "regulation": "regulations"}


class SkeletonError(Exception):
    pass


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _issuer(root: Path) -> str:
    """A provider to name as issuer: preferably a municipality, so the skeleton validates."""
    providers = sorted((root / "providers").glob("*.yaml"))
    for path in providers:
        if re.search(r"^soort:\s*gemeente\s*$", path.read_text(encoding="utf-8", errors="replace"), re.M):
            return path.stem
    return providers[0].stem if providers else "gemeente-voorbeeld"


def skeleton_text(
    kind: str, name: str, config: SiteConfig, today: date, issuer: str = "gemeente-voorbeeld"
) -> str:
    municipality = next(iter(config.municipalities), "landelijk")
    values = {
        "name": _quote(name),
        "today": today.isoformat(),
        "municipality": municipality,
        "issuer": issuer,
    }
    # First line: where editors' tools (the YAML extension of VS Code, for example) find the schema.
    return f"# {schema_comment(FOLDERS[kind])}\n" + TEMPLATES[kind].format(**values)


def write_skeleton(root: Path, kind: str, name: str, config: SiteConfig, today: date | None = None) -> Path:
    slug = slugify(name)
    if not slug or not name.strip() or "\n" in name:
        raise SkeletonError(f"'{name}' is geen bruikbare naam. Gebruik letters of cijfers.")
    folder = root / FOLDERS[kind]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.yaml"
    if path.exists():
        raise SkeletonError(f"{path} bestaat al. Kies een andere naam of pas dat bestand aan.")
    text = skeleton_text(kind, name, config, today or date.today(), _issuer(root))
    path.write_text(text, encoding="utf-8")
    return path


PROVIDER = """\
# Aanbieder: een organisatie met de diensten die zij aanbiedt.
# De bestandsnaam is de id. Alle velden staan in de redactiehandleiding (Alle velden).
naam: {name}
soort: zorgaanbieder            # lijst 'soorten', bijvoorbeeld gemeente, welzijnsorganisatie
# Elke waarde die begint met 'Vul in:' en de voorbeeldnummers en -adressen hieronder
# vervangt u; 'mantelkaart validate' weigert ze tot dan. Een veld dat u niet weet, haalt u weg.
samenvatting: "Vul in: één zin over wat deze organisatie doet"
contact:
  telefoon: 0000 000 000        # met netnummer, bijvoorbeeld 078 123 4567; wordt een belknop
  email: vul-in@example.org
  website: https://vul-in.example.org
locaties:
  - id: hoofdlocatie
    adres: "Vul in: straat en huisnummer"
    postcode: 9999 ZZ
    plaats: "Vul in: plaats"
    # coordinaten: {{breedtegraad: 51.8133, lengtegraad: 4.6901}}   # plek op de kaart
    vertrouwelijk: nee           # ja: adres en kaartpunt blijven verborgen
diensten:
  - id: eerste-dienst            # deel van het webadres; kleine letters en streepjes
    naam: "Vul in: naam van de dienst"
    samenvatting: "Vul in: één zin in gewone taal over wat de dienst is"
    functies: [respijtzorg]      # lijst 'functies'
    doelgroepen: [iedereen]      # lijst 'doelgroepen'
    werkgebied: [{municipality}]  # gemeenten waar de zorgvrager woont, of landelijk
    omgeving: buitenshuis        # thuis, buitenshuis, samen, weg of op-afstand
    locaties: [hoofdlocatie]
    kosten:
      betaald_door: [wmo]        # lijst 'financiering'
    toegang: [via-mantelzorgconsulent]
    volgende_stap:
      door: aanbieder            # wie u belt: aanbieder, consulent of aanbieder-id/dienst-id
      tekst: "Vul in: wat mensen als eerste doen, bijvoorbeeld Bel voor een kennismaking"
    indicatie:
      nodig: nee                 # nee, ja of soms; bij ja: van: [gemeente] (lijst 'indicatie')
gecontroleerd:
  op: {today}
  door: "Vul in: uw naam of functie"
"""

RESPITE_FORM = """\
# Vorm van respijtzorg: uitleg voor mantelzorgers in gewone taal (B1).
naam: {name}
ook_bekend_als: []               # andere woorden die mensen gebruiken
samenvatting: "Vul in: één zin over wat het is"
uitleg: |
  Vul in: leg in korte zinnen uit wat het is en hoe het werkt.
omgeving: buitenshuis            # thuis, buitenshuis, samen, weg of op-afstand
duur: "Vul in: hoe lang of hoe vaak, bijvoorbeeld een dagdeel per week"
betaling:
  - door: wmo                    # lijst 'financiering'
    uitleg: "Vul in: wat dit betekent voor de mantelzorger"
aanvragen: "Vul in: hoe vraagt u het aan?"
gecontroleerd:
  op: {today}
  door: "Vul in: uw naam of functie"
"""

REGULATION = """\
# Regeling: een gemeentelijke regeling, verzekering of landelijke voorziening.
naam: {name}
samenvatting: "Vul in: één zin over wat u krijgt"
uitgever: {issuer}     # id van de gemeente of verzekeraar in providers/
gemeenten: [{municipality}]       # waar de zorgvrager woont
grondslag: wmo                   # lijst 'financiering'
wat_u_krijgt: "Vul in: wat u krijgt, in gewone taal"
voorwaarden: "Vul in: wie er recht op heeft"
aanvragen:
  uitleg: "Vul in: hoe u het aanvraagt"
  link: https://vul-in.example.org   # officiële bron
functies: [financiele-tegemoetkoming]
gecontroleerd:
  op: {today}
  door: "Vul in: uw naam of functie"
"""

TEMPLATES = {"provider": PROVIDER, "respite-form": RESPITE_FORM, "regulation": REGULATION}
