"""Synthetic Mantelkaart sites of any size, for benchmarks.

:func:`write_site` writes a complete site into a folder: ``providers/`` (each
provider with three services), ``respite-forms/``, ``regulations/``, a
``mkdocs.yml`` like the example site's and a minimal ``docs/index.md``. The text
is Dutch at B1 level, composed from word lists with ``random.Random(seed)``, so
the same arguments always give the same bytes. All records are valid on
:data:`TODAY` (run ``python -m bench.synthetic`` for the self-check).
"""

from __future__ import annotations

import json
import random
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 23)
HEADER = "# Synthetische gegevens voor benchmarks: verzonnen namen en contactgegevens.\n"


# -- the region ----------------------------------------------------------------


@dataclass(frozen=True)
class Town:
    id: str
    name: str
    lat: float
    lon: float
    postcodes: tuple[int, int]  # first and last four-digit postcode number
    area_code: str  # "078" or "010"


TOWNS: tuple[Town, ...] = (
    Town("dordrecht", "Dordrecht", 51.8133, 4.6901, (3311, 3329), "078"),
    Town("zwijndrecht", "Zwijndrecht", 51.8175, 4.6390, (3331, 3338), "078"),
    Town("papendrecht", "Papendrecht", 51.8318, 4.6872, (3351, 3356), "078"),
    Town("sliedrecht", "Sliedrecht", 51.8214, 4.7733, (3361, 3364), "078"),
    Town("hendrik-ido-ambacht", "Hendrik-Ido-Ambacht", 51.8440, 4.6393, (3341, 3344), "078"),
    Town("alblasserdam", "Alblasserdam", 51.8653, 4.6606, (2951, 2954), "078"),
    Town("hardinxveld-giessendam", "Hardinxveld-Giessendam", 51.8249, 4.8443, (3371, 3373), "078"),
    Town("gorinchem", "Gorinchem", 51.8306, 4.9742, (4201, 4207), "078"),
    Town("molenlanden", "Molenlanden", 51.8760, 4.8410, (2965, 2977), "078"),
    Town("rotterdam", "Rotterdam", 51.9225, 4.4792, (3011, 3089), "010"),
    Town("barendrecht", "Barendrecht", 51.8566, 4.5342, (2991, 2994), "010"),
    Town("ridderkerk", "Ridderkerk", 51.8720, 4.6030, (2981, 2987), "010"),
    Town("albrandswaard", "Albrandswaard", 51.8600, 4.4060, (3161, 3162), "010"),
    Town("capelle-aan-den-ijssel", "Capelle aan den IJssel", 51.9292, 4.5778, (2901, 2909), "010"),
    Town("krimpen-aan-den-ijssel", "Krimpen aan den IJssel", 51.9167, 4.5944, (2921, 2926), "010"),
    Town("hoeksche-waard", "Hoeksche Waard", 51.7700, 4.4300, (3261, 3299), "010"),
    Town("lansingerland", "Lansingerland", 51.9900, 4.4900, (2651, 2671), "010"),
    Town("schiedam", "Schiedam", 51.9192, 4.3989, (3111, 3125), "010"),
    Town("vlaardingen", "Vlaardingen", 51.9122, 4.3419, (3131, 3138), "010"),
    Town("nissewaard", "Nissewaard", 51.8500, 4.3100, (3201, 3211), "010"),
)
REGION = "Drechtsteden en Rijnmond"

STREETS = (
    "Voorstraat",
    "Kerkstraat",
    "Molenweg",
    "Dijkstraat",
    "Lindelaan",
    "Parkweg",
    "Merwedestraat",
    "Noordendijk",
    "Oranjelaan",
    "Beatrixstraat",
    "Julianaweg",
    "Wilhelminastraat",
    "Marktplein",
    "Havenkade",
    "Stationsweg",
    "Schoolstraat",
    "Burgemeester de Raadtsingel",
    "Laan van Europa",
    "Rozenstraat",
    "Tulpstraat",
    "Eikenlaan",
    "Berkenhof",
    "Wilgendonk",
    "Zuidwal",
    "Nieuweweg",
    "Polderweg",
    "Rijksstraatweg",
    "Sportlaan",
    "Zorgpad",
    "Dokter Zamenhofstraat",
)

# -- providers ------------------------------------------------------------------

PREFIXES: tuple[tuple[str, str], ...] = (
    ("Zorgboerderij", "zorgaanbieder"),
    ("Logeerhuis", "zorgaanbieder"),
    ("Dagcentrum", "zorgaanbieder"),
    ("Ontmoetingscentrum", "welzijnsorganisatie"),
    ("Odensehuis", "vrijwilligersorganisatie"),
    ("Zorggroep", "zorgaanbieder"),
    ("Thuiszorg", "zorgaanbieder"),
    ("Stichting", "vrijwilligersorganisatie"),
    ("Vrijwilligerscentrale", "vrijwilligersorganisatie"),
    ("Steunpunt Mantelzorg", "steunpunt-mantelzorg"),
    ("Welzijn", "welzijnsorganisatie"),
    ("Buurtteam", "welzijnsorganisatie"),
    ("Hospice", "zorgaanbieder"),
    ("Woonzorgcentrum", "zorgaanbieder"),
    ("Patiëntenvereniging", "patientenvereniging"),
)
CORES = (
    "De Linde",
    "Het Anker",
    "De Vlinder",
    "Het Baken",
    "De Waterlelie",
    "De Zonnebloem",
    "Het Veerhuis",
    "De Merwe",
    "De Brug",
    "Het Kompas",
    "De Horst",
    "De Eik",
    "Het Lichtpunt",
    "De Hoeve",
    "De Regenboog",
    "Het Klaverblad",
    "De Wilgenhof",
    "De Schakel",
    "Het Dorpshuis",
    "De Boomgaard",
    "De Notenbalk",
    "Het Zonnehuis",
    "De Kastanje",
    "De Meander",
    "Het Rozenhof",
    "De Stroom",
    "De Vuurtoren",
    "Het Open Erf",
    "De Lindenhof",
    "De Parel",
    "Het Spoor",
    "De Haven",
    "Het Wiel",
    "De Molen",
    "De Kolk",
    "Het Ooievaarsnest",
    "De Bijenkorf",
    "Het Zwaluwnest",
    "De Lelie",
    "De Dijk",
)
SUMMARY_BY_KIND = {
    "zorgaanbieder": (
        "Wij bieden zorg en begeleiding, zodat u als mantelzorger even op adem kunt komen.",
        "Een kleine zorgorganisatie met vaste begeleiders en veel aandacht voor uw naaste.",
        "Zorg dicht bij huis, voor een dagdeel, een nacht of een paar dagen.",
    ),
    "welzijnsorganisatie": (
        "Wij helpen inwoners en mantelzorgers met vragen over welzijn, zorg en geld.",
        "Een plek in de wijk waar u terecht kunt voor steun, advies en activiteiten.",
    ),
    "vrijwilligersorganisatie": (
        "Vrijwilligers die de zorg thuis even overnemen, zodat u tijd voor uzelf heeft.",
        "Getrainde vrijwilligers bieden gezelschap, een luisterend oor en praktische hulp.",
    ),
    "steunpunt-mantelzorg": (
        "Het steunpunt helpt mantelzorgers met informatie, advies en een luisterend oor.",
        "Alles voor mantelzorgers op één plek: advies, cursussen en even vrij.",
    ),
    "patientenvereniging": (
        "Een vereniging van en voor mensen met een ziekte en hun naasten.",
        "Lotgenoten helpen elkaar met informatie, steun en gezellige bijeenkomsten.",
    ),
}
ABOUT = (
    "Wij werken al meer dan {years} jaar in de regio.",
    "Onze medewerkers en vrijwilligers kennen de buurt goed.",
    "U kunt altijd eerst vrijblijvend kennismaken.",
    "Wij werken samen met de huisarts, de wijkverpleging en de gemeente.",
    "Bij ons staat uw naaste centraal, maar wij denken ook aan u.",
    "Wij hebben een vaste groep begeleiders, zodat uw naaste steeds bekende gezichten ziet.",
    "Heeft u een vraag? Bel ons gerust, ook als u nog twijfelt.",
)

# -- services ----------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceType:
    id: str
    name: str  # "{place}" is the provider's name
    summaries: tuple[str, ...]
    sentences: tuple[str, ...]
    functions: tuple[str, ...]
    extra_functions: tuple[str, ...]
    settings: tuple[str, ...]
    respite_form: str | None
    funding: tuple[str, ...]
    access: tuple[str, ...]
    next_steps: tuple[str, ...]


SERVICE_TYPES: tuple[ServiceType, ...] = (
    ServiceType(
        "logeeropvang",
        "Logeeropvang in {place}",
        (
            "Uw naaste logeert een paar dagen bij ons, zodat u kunt uitrusten.",
            "Een weekend of een week logeren in een huiselijke omgeving.",
            "Uw naaste slaapt een of meer nachten bij ons; u heeft even vrij.",
        ),
        (
            "Uw naaste slaapt in een eigen kamer en eet samen met de andere gasten.",
            "Er is dag en nacht begeleiding aanwezig.",
            "U kunt een weekend, een midweek of een hele week boeken.",
            "Wij maken vooraf kennis, zodat uw naaste weet waar hij of zij naartoe gaat.",
            "Medicijnen en verzorging lopen gewoon door, net als thuis.",
        ),
        ("respijtzorg",),
        ("emotionele-steun",),
        ("buitenshuis",),
        "logeeropvang",
        ("wmo", "wlz", "pgb", "aanvullende-verzekering", "eigen-kosten"),
        ("via-wmo-indicatie", "via-wlz-indicatie", "via-mantelzorgconsulent", "via-casemanager-dementie"),
        ("Bel voor een kennismaking", "Vraag een indicatie aan bij de gemeente", "Bel de respijtconsulent"),
    ),
    ServiceType(
        "dagbesteding",
        "Dagbesteding bij {place}",
        (
            "Uw naaste gaat overdag naar een plek met activiteiten en begeleiding.",
            "Een of meer dagen per week met anderen bezig zijn, buiten de deur.",
            "Overdag tuinieren, koken en wandelen in een kleine groep.",
        ),
        (
            "Er is plek voor ongeveer tien deelnemers per dag.",
            "Uw naaste doet mee met koken, tuinieren, wandelen of muziek.",
            "De begeleiders letten op wat uw naaste nog wel kan.",
            "Vervoer van en naar huis kan vaak worden geregeld.",
            "Voor u betekent het een vaste dag voor uzelf.",
        ),
        ("respijtzorg",),
        ("praktische-hulp",),
        ("buitenshuis",),
        "dagopvang",
        ("wmo", "wlz", "pgb", "jeugdwet"),
        ("via-wmo-indicatie", "via-wlz-indicatie", "via-casemanager-dementie"),
        ("Vraag een proefdag aan", "Bel voor een rondleiding", "Vraag een indicatie aan bij de gemeente"),
    ),
    ServiceType(
        "vervangende-mantelzorg",
        "Vervangende mantelzorg van {place}",
        (
            "Een vaste hulp neemt de zorg thuis van u over, overdag of 's avonds.",
            "Iemand komt bij uw naaste thuis, zodat u een paar uur weg kunt.",
        ),
        (
            "Een hulp komt bij uw naaste thuis en neemt uw zorgtaken over.",
            "U bepaalt zelf wanneer: overdag, 's avonds of in het weekend.",
            "De meeste mantelzorgers kiezen 2 tot 4 uur per week.",
            "Steeds dezelfde hulp komt bij u thuis.",
        ),
        ("respijtzorg",),
        (),
        ("thuis",),
        "vervangende-mantelzorg-aan-huis",
        ("wmo", "gemeentelijke-regeling", "aanvullende-verzekering", "pgb"),
        ("via-mantelzorgconsulent", "via-wmo-indicatie", "vrij-toegankelijk"),
        ("Bel de respijtconsulent", "Meld u aan via het formulier op de website"),
    ),
    ServiceType(
        "aanwezigheidszorg",
        "Vrijwillige oppas van {place}",
        (
            "Een vrijwilliger is bij uw naaste thuis, zodat u even weg kunt.",
            "Gezelschap aan huis: een vrijwilliger drinkt koffie met uw naaste.",
        ),
        (
            "De vrijwilliger is er voor gezelschap en veiligheid.",
            "Samen koffie drinken, een praatje maken of een spelletje doen.",
            "De vrijwilliger doet geen verzorging, zoals wassen of medicijnen geven.",
            "Meestal komt de vrijwilliger een keer per week of om de week.",
        ),
        ("respijtzorg",),
        ("emotionele-steun",),
        ("thuis",),
        "aanwezigheidszorg",
        ("gratis", "wmo"),
        ("vrij-toegankelijk", "via-mantelzorgconsulent"),
        ("Bel de coördinator vrijwilligers", "Vul het aanmeldformulier in"),
    ),
    ServiceType(
        "nachtzorg",
        "Nacht- en weekendzorg van {place}",
        (
            "Iemand waakt 's nachts bij uw naaste, zodat u kunt doorslapen.",
            "Zorg in de nacht of het weekend, bij uw naaste thuis.",
        ),
        (
            "Een ervaren hulp blijft de hele nacht bij uw naaste.",
            "U kunt zelf gewoon slapen, ook als uw naaste onrustig is.",
            "Ook in het weekend kan iemand de zorg een dag overnemen.",
        ),
        ("respijtzorg",),
        (),
        ("thuis",),
        "nacht-en-weekendzorg",
        ("wmo", "wlz", "zvw", "pgb"),
        ("via-wmo-indicatie", "via-wlz-indicatie", "via-huisarts"),
        ("Bel de planning", "Vraag het aan via de huisarts"),
    ),
    ServiceType(
        "mantelzorgvakantie",
        "Vakantie met zorg door {place}",
        (
            "Samen op vakantie, terwijl een ander de zorg overneemt.",
            "Een week er even tussenuit, met zorg voor uw naaste in de buurt.",
        ),
        (
            "U gaat samen met uw naaste op vakantie in een aangepast vakantiehuis.",
            "Vrijwilligers en verpleegkundigen nemen de zorg van u over.",
            "Er zijn uitstapjes, maar u mag ook gewoon uitrusten.",
        ),
        ("respijtzorg",),
        ("emotionele-steun",),
        ("weg", "samen"),
        "mantelzorgvakantie",
        ("eigen-kosten", "aanvullende-verzekering", "wlz"),
        ("vrij-toegankelijk", "via-zorgverzekeraar"),
        ("Vraag de vakantiegids aan", "Bel voor beschikbare weken"),
    ),
    ServiceType(
        "zorgoppas",
        "Zorgoppas van {place}",
        ("Een betaalde oppas met zorgervaring past op uw naaste.",),
        (
            "De oppas heeft een zorgopleiding en kan ook helpen met eten en naar het toilet gaan.",
            "U spreekt zelf de tijden af met de oppas.",
            "De eerste keer komt de oppas kennismaken terwijl u thuis bent.",
        ),
        ("respijtzorg",),
        (),
        ("thuis",),
        "zorgoppas",
        ("pgb", "eigen-kosten", "aanvullende-verzekering"),
        ("vrij-toegankelijk", "via-zorgverzekeraar"),
        ("Vraag een oppas aan", "Bel voor een kennismaking"),
    ),
    ServiceType(
        "gespreksgroep",
        "Gespreksgroep voor mantelzorgers bij {place}",
        (
            "Praat met andere mantelzorgers die hetzelfde meemaken.",
            "Elke maand een avond met lotgenoten, koffie en een onderwerp.",
        ),
        (
            "In de groep zitten zes tot tien mantelzorgers.",
            "Een ervaren begeleider leidt het gesprek.",
            "U deelt ervaringen en tips, en u merkt dat u niet de enige bent.",
            "U hoeft niets te vertellen als u dat niet wilt.",
        ),
        ("emotionele-steun",),
        ("informatie", "nazorg"),
        ("buitenshuis",),
        None,
        ("gratis", "gemeentelijke-regeling"),
        ("vrij-toegankelijk", "via-mantelzorgconsulent"),
        ("Meld u aan voor de volgende bijeenkomst", "Kom een keer kijken"),
    ),
    ServiceType(
        "cursus",
        "Cursus voor mantelzorgers bij {place}",
        (
            "In vier avonden leert u beter omgaan met de zorg en met uzelf.",
            "Een korte cursus over zorgen zonder over uw grens te gaan.",
        ),
        (
            "U leert hoe u uw grenzen aangeeft en hulp vraagt.",
            "Een deskundige vertelt over de ziekte van uw naaste.",
            "U oefent met lastige situaties in een kleine groep.",
        ),
        ("educatie",),
        ("informatie", "emotionele-steun"),
        ("buitenshuis",),
        None,
        ("gratis", "gemeentelijke-regeling", "eigen-kosten"),
        ("vrij-toegankelijk",),
        ("Schrijf u in voor de cursus", "Bel voor de data"),
    ),
    ServiceType(
        "advies",
        "Advies voor mantelzorgers van {place}",
        (
            "Een consulent denkt met u mee over de zorg en wat u nodig heeft.",
            "Bel of mail met al uw vragen over mantelzorg.",
        ),
        (
            "Een consulent luistert naar uw verhaal en zoekt samen met u naar oplossingen.",
            "U krijgt uitleg over regelingen, vergoedingen en respijtzorg.",
            "Het gesprek kan bij u thuis, op kantoor of aan de telefoon.",
        ),
        ("advies-en-begeleiding",),
        ("informatie", "emotionele-steun"),
        ("op-afstand", "thuis"),
        None,
        ("gratis",),
        ("vrij-toegankelijk",),
        ("Bel voor een gesprek", "Stuur een e-mail met uw vraag"),
    ),
    ServiceType(
        "klussendienst",
        "Klussen en vervoer door {place}",
        (
            "Vrijwilligers helpen met kleine klussen, boodschappen en vervoer.",
            "Hulp bij klusjes in huis en een ritje naar het ziekenhuis.",
        ),
        (
            "Vrijwilligers helpen met een lamp ophangen, de tuin of een kapotte kraan.",
            "Zij rijden ook mee naar de huisarts of het ziekenhuis.",
            "U betaalt alleen een kleine vergoeding voor de kilometers.",
        ),
        ("praktische-hulp",),
        ("materiele-hulp",),
        ("thuis",),
        None,
        ("gratis", "eigen-kosten"),
        ("vrij-toegankelijk",),
        ("Bel de vrijwilligerscentrale", "Vraag hulp aan via de website"),
    ),
    ServiceType(
        "ontmoeting",
        "Ontmoetingsgroep in {place}",
        (
            "Een gezellige middag voor uw naaste en voor u, samen met anderen.",
            "Samen koffie drinken, bewegen en praten in een vaste groep.",
        ),
        (
            "U komt samen met uw naaste, maar u kunt ook even apart zitten.",
            "Er is elke week een activiteit, zoals zingen of bewegen.",
            "Begeleiders en vrijwilligers zorgen voor een fijne sfeer.",
        ),
        ("emotionele-steun",),
        ("respijtzorg", "informatie"),
        ("samen", "buitenshuis"),
        "respijtzorg-light",
        ("gratis", "wmo"),
        ("vrij-toegankelijk", "via-casemanager-dementie"),
        ("Loop eens binnen", "Bel voor de tijden"),
    ),
)

MUNICIPAL_SERVICES: tuple[ServiceType, ...] = (
    ServiceType(
        "mantelzorgconsulent",
        "Mantelzorgconsulent van de {place}",
        ("De mantelzorgconsulent helpt u de weg te vinden in zorg en regelingen.",),
        (
            "De consulent komt bij u thuis of belt u op.",
            "Samen maakt u een plan, zodat u het langer volhoudt.",
            "De consulent helpt ook bij het aanvragen van respijtzorg.",
        ),
        ("advies-en-begeleiding",),
        ("informatie",),
        ("thuis", "op-afstand"),
        None,
        ("gratis",),
        ("vrij-toegankelijk",),
        ("Bel de mantelzorgconsulent",),
    ),
    ServiceType(
        "wmo-loket",
        "Wmo-loket van de {place}",
        ("Hier vraagt u ondersteuning aan, zoals dagbesteding of huishoudelijke hulp.",),
        (
            "U meldt zich bij het Wmo-loket en maakt een afspraak.",
            "Daarna volgt een gesprek, het keukentafelgesprek.",
            "Binnen zes weken hoort u wat de gemeente beslist.",
        ),
        ("informatie",),
        ("advies-en-begeleiding",),
        ("op-afstand",),
        None,
        ("gratis",),
        ("vrij-toegankelijk",),
        ("Bel het Wmo-loket",),
    ),
    ServiceType(
        "mantelzorgwaardering",
        "Mantelzorgwaardering van de {place}",
        ("Eén keer per jaar krijgt u een blijk van waardering voor uw zorg.",),
        (
            "U vraagt de waardering aan via het formulier op de website.",
            "Iedere mantelzorger van een inwoner kan meedoen.",
            "U krijgt een cadeaubon voor een winkel of activiteit in de buurt.",
        ),
        ("mantelzorgwaardering",),
        ("financiele-tegemoetkoming",),
        ("op-afstand",),
        None,
        ("gemeentelijke-regeling",),
        ("vrij-toegankelijk",),
        ("Vraag de waardering aan",),
    ),
)

TARGET_GROUPS = (
    "iedereen",
    "dementie",
    "nah",
    "ggz",
    "verslaving",
    "verstandelijke-beperking",
    "autisme",
    "lichamelijke-ziekte",
    "terminale-zorg",
    "kinderen-met-beperking",
    "jonge-mantelzorgers",
    "werkende-mantelzorgers",
    "oudere-mantelzorgers",
    "mantelzorgers-met-migratieachtergrond",
)
CARE_PHASES = ("begin", "zorg-thuis", "overgang-naar-instelling", "terminale-fase", "na-de-zorg")
LANGUAGES = ("en", "de", "tr", "ar", "ber", "pl", "es", "pap", "srn", "uk", "ngt")
DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
REACHABLE = (
    "Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
    "Op werkdagen van 8.30 tot 12.30 uur",
    "Maandag, woensdag en vrijdag van 9.00 tot 16.00 uur",
    "Elke dag van 8.00 tot 20.00 uur",
)
HOURS_NOTES = (
    "Niet op feestdagen.",
    "Alleen op afspraak.",
    "In de zomer beperkt open.",
    "Andere tijden in overleg.",
)
ACCESSIBILITY = (
    "Rolstoeltoegankelijk, invalidentoilet",
    "Gelijkvloers, met parkeerplaats voor de deur",
    "Lift aanwezig; ringleiding in de grote zaal",
)
OWN_CONTRIBUTION = (
    "€ 21 per maand via het CAK",
    "€ 5 per dagdeel voor koffie en lunch",
    "Een kleine vergoeding voor reiskosten",
    "€ 45 per nacht",
)
COST_NOTES = (
    "Vraag bij uw zorgverzekeraar of uw aanvullende verzekering dit vergoedt.",
    "De eerste kennismaking is altijd gratis.",
    "Met een indicatie betaalt de gemeente het grootste deel.",
)
CARE_RECIPIENT_NOTES = (
    "Uw naaste woont in de regio.",
    "Uw naaste kan nog een deel van de dag zelfstandig zijn.",
    "Uw naaste heeft geen verpleging in de nacht nodig.",
)
CAREGIVER_NOTES = (
    "U zorgt minstens 8 uur per week voor uw naaste.",
    "U zorgt al langer dan drie maanden.",
)
VERIFIERS = (
    "Respijtconsulent MEE",
    "Steunpunt mantelzorg",
    "Redactie sociale kaart",
    "Mantelzorgconsulent gemeente",
    "Coördinator vrijwilligers",
)

# -- respite forms and regulations --------------------------------------------------

RESPITE_FORMS: tuple[tuple[str, str, str, str], ...] = (
    # id, name, setting, summary
    (
        "aanwezigheidszorg",
        "Aanwezigheidszorg",
        "thuis",
        "Een vrijwilliger is bij uw naaste thuis, zodat u even weg kunt.",
    ),
    ("blokzorg", "Blokzorg", "thuis", "Iemand neemt de zorg thuis over in een vast blok van 3 tot 4 uur."),
    (
        "dagopvang",
        "Dagopvang en dagbesteding",
        "buitenshuis",
        "Uw naaste gaat overdag naar een plek met activiteiten en begeleiding.",
    ),
    (
        "logeeropvang",
        "Logeeropvang",
        "buitenshuis",
        "Uw naaste logeert een paar dagen ergens anders, zodat u kunt uitrusten.",
    ),
    (
        "mantelzorgvakantie",
        "Mantelzorgvakantie",
        "weg",
        "U gaat er even tussenuit, alleen of samen met uw naaste.",
    ),
    (
        "nacht-en-weekendzorg",
        "Nacht- en weekendzorg",
        "thuis",
        "Iemand neemt de zorg 's nachts of in het weekend over.",
    ),
    (
        "professionele-thuiszorg",
        "Professionele thuiszorg",
        "thuis",
        "Een verzorgende of verpleegkundige neemt een deel van de zorg over.",
    ),
    (
        "respijtzorg-light",
        "Respijtzorg light",
        "samen",
        "Samen met uw naaste ergens naartoe, waar een ander even de zorg overneemt.",
    ),
    (
        "vervangende-mantelzorg-aan-huis",
        "Vervangende mantelzorg aan huis",
        "thuis",
        "Een vaste hulp neemt de zorg thuis van u over.",
    ),
    ("zorgoppas", "Zorgoppas", "thuis", "Een oppas met zorgervaring past op uw naaste."),
)
FORM_PAYMENTS = ("wmo", "wlz", "pgb", "aanvullende-verzekering", "gratis", "gemeentelijke-regeling")
PAYMENT_TEXT = {
    "wmo": "Meestal betaalt de gemeente via de Wmo. Uw naaste heeft dan een indicatie nodig.",
    "wlz": "Heeft uw naaste een Wlz-indicatie van het CIZ? Dan valt dit vaak onder die zorg.",
    "pgb": "Met een persoonsgebonden budget kiest uw naaste zelf een aanbieder.",
    "aanvullende-verzekering": "Sommige aanvullende zorgverzekeringen vergoeden dit. Kijk in uw polis.",
    "gratis": "Vrijwilligers komen meestal gratis. Soms vragen ze een kleine vergoeding.",
    "gemeentelijke-regeling": "Sommige gemeenten betalen een aantal uren per jaar, zonder indicatie.",
}
REGULATION_TYPES: tuple[tuple[str, str, str, str, str], ...] = (
    # id, name, legal basis, benefit, unit ("uren", "bedrag")
    (
        "vervangende-mantelzorg",
        "Vervangende mantelzorg: {n} uur per jaar",
        "gemeentelijke-regeling",
        "{n} uur per jaar neemt iemand de zorg thuis van u over.",
        "uren",
    ),
    (
        "mantelzorgwaardering",
        "Mantelzorgwaardering {year}",
        "gemeentelijke-regeling",
        "Een cadeaubon van € {n} als dank voor uw zorg.",
        "bedrag",
    ),
    (
        "respijtzorg-wmo",
        "Respijtzorg via de Wmo",
        "wmo",
        "Logeeropvang of dagbesteding voor uw naaste, betaald door de gemeente.",
        "",
    ),
    (
        "parkeervergunning-mantelzorg",
        "Parkeervergunning voor mantelzorgers",
        "gemeentelijke-regeling",
        "U parkeert voor € {n} per jaar in de straat van uw naaste.",
        "bedrag",
    ),
    (
        "respijtbudget",
        "Respijtbudget voor mantelzorgers",
        "gemeentelijke-regeling",
        "Een budget van € {n} per jaar voor respijtzorg naar keuze.",
        "bedrag",
    ),
    (
        "logeerweekend",
        "Logeerweekend voor kinderen met een beperking",
        "jeugdwet",
        "Uw kind logeert één weekend per maand, betaald door de gemeente.",
        "",
    ),
)

# -- writing ------------------------------------------------------------------------


_PLAIN = re.compile(r"[A-Za-z0-9€À-ÿ(][^\n#]*")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FLOW_KEYS = ({"breedtegraad", "lengtegraad"}, {"dagen", "van", "tot"})


def _scalar(value: str) -> str:
    """A plain scalar where YAML allows one (every value stays text for our loader), else quoted."""
    if _PLAIN.fullmatch(value) and ": " not in value and not value.endswith((":", " ")):
        return value
    return json.dumps(value, ensure_ascii=False)


def _flow(value: str | list[str]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return value if _SLUG.fullmatch(value) else json.dumps(value, ensure_ascii=False)


def _emit_mapping(data: dict[str, Any], indent: str, lines: list[str], first: str | None = None) -> None:
    for number, (key, value) in enumerate(data.items()):
        prefix = first if first is not None and number == 0 else indent
        _emit(f"{prefix}{key}: ", value, indent + "  ", lines)


def _emit(head: str, value: Any, child: str, lines: list[str]) -> None:
    """Append ``head`` + ``value`` as block YAML, like the hand-written example records."""
    if isinstance(value, str) and "\n" in value:
        lines.append(f"{head}|-")
        lines.extend(f"{child}{line}" if line else "" for line in value.split("\n"))
    elif isinstance(value, str):
        lines.append(f"{head}{_scalar(value)}")
    elif isinstance(value, list) and all(isinstance(item, str) and _SLUG.fullmatch(item) for item in value):
        lines.append(f"{head}{_flow(value)}")
    elif isinstance(value, list):
        lines.append(head.rstrip())
        for item in value:
            if isinstance(item, dict) and set(item) not in _FLOW_KEYS:
                _emit_mapping(item, child + "  ", lines, first=child + "- ")
            else:
                _emit(f"{child}- ", item, child + "  ", lines)
    elif isinstance(value, dict) and set(value) in _FLOW_KEYS:
        pairs = ", ".join(f"{key}: {_flow(item)}" for key, item in value.items())
        lines.append(f"{head}{{{pairs}}}")
    elif isinstance(value, dict):
        lines.append(head.rstrip())
        _emit_mapping(value, child, lines)
    else:
        raise TypeError(f"cannot write {type(value).__name__} as a record value")


def dump(data: dict[str, Any]) -> str:
    """A record as YAML text (all values are strings, lists or mappings)."""
    lines: list[str] = []
    _emit_mapping(data, "", lines)
    return HEADER + "\n".join(lines) + "\n"


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class _Writer:
    """Composes the records of one site from a seeded random generator."""

    def __init__(self, seed: int, towns: tuple[Town, ...] | None = None, nationwide: float = 0.05) -> None:
        self.rng = random.Random(seed)
        self.used_ids: set[str] = set()
        self.towns = TOWNS if towns is None else towns  # read at call time: bench/leaflets.py swaps TOWNS
        self.nationwide = nationwide  # the share of services for all of the Netherlands (landelijk)
        self.neighbours: dict[str, list[Town]] = {}  # towns with the same area code, by area code
        for town in self.towns:
            self.neighbours.setdefault(town.area_code, []).append(town)

    # -- small pieces --
    def pick(self, items: tuple[str, ...], low: int, high: int) -> list[str]:
        count = self.rng.randint(low, min(high, len(items)))
        chosen = set(self.rng.sample(items, count))
        return [item for item in items if item in chosen]  # vocabulary order, like editors

    def verified(self) -> dict[str, str]:
        on = TODAY - timedelta(days=self.rng.randint(0, 330))
        return {"op": on.isoformat(), "door": self.rng.choice(VERIFIERS)}

    def phone(self, town: Town) -> str:
        return f"{town.area_code} 000 {self.rng.randint(0, 9999):04d}"

    def postcode(self, town: Town) -> str:
        letters = "ABCDEFGHJKLMNPRTVWXZ"
        while True:
            pair = self.rng.choice(letters) + self.rng.choice(letters)
            if pair not in {"SA", "SD", "SS"}:
                return f"{self.rng.randint(*town.postcodes)} {pair}"

    def location(self, location_id: str, town: Town, name: str | None) -> dict[str, Any]:
        rng = self.rng
        data: dict[str, Any] = {"id": location_id}
        if name:
            data["naam"] = name
        data["adres"] = f"{rng.choice(STREETS)} {rng.randint(1, 250)}"
        data["postcode"] = self.postcode(town)
        data["plaats"] = town.name
        data["coordinaten"] = {
            "breedtegraad": f"{town.lat + rng.uniform(-0.02, 0.02):.4f}",
            "lengtegraad": f"{town.lon + rng.uniform(-0.03, 0.03):.4f}",
        }
        if rng.random() < 0.5:
            data["toegankelijkheid"] = rng.choice(ACCESSIBILITY)
        return data

    def hours(self) -> dict[str, Any]:
        rng = self.rng
        spans = []
        for _ in range(rng.randint(1, 3)):
            first = rng.randint(0, 4)
            days = list(DAYS[first : first + rng.randint(1, 5)])
            if rng.random() < 0.2:
                days += ["za"] if "za" not in days else []
            start = rng.choice((8, 9, 10, 13))
            end = start + rng.choice((3, 4, 8))
            spans.append(
                {"dagen": days, "van": f"{start:02d}:{rng.choice(('00', '30'))}", "tot": f"{end:02d}:00"}
            )
        data: dict[str, Any] = {"tijden": spans}
        if rng.random() < 0.4:
            data["toelichting"] = rng.choice(HOURS_NOTES)
        return data

    def description(self, sentences: tuple[str, ...]) -> str:
        chosen = self.rng.sample(sentences, self.rng.randint(2, min(3, len(sentences))))
        if len(chosen) == 3 and self.rng.random() < 0.5:
            return f"{chosen[0]} {chosen[1]}\n\n{chosen[2]}"
        return " ".join(chosen)

    def unique_id(self, base: str) -> str:
        """``base``, or ``base-2``, ``base-3`` … if it is taken."""
        candidate, number = base, 1
        while candidate in self.used_ids:
            number += 1
            candidate = f"{base}-{number}"
        self.used_ids.add(candidate)
        return candidate

    def provider_id(self, name: str, town: Town) -> tuple[str, str]:
        """A free id for ``name``; a second one in the region gets its town (and a number) added."""
        base = slugify(name)
        if base not in self.used_ids:
            self.used_ids.add(base)
            return base, name
        provider_id = self.unique_id(f"{base}-{town.id}")
        suffix = provider_id.removeprefix(f"{base}-{town.id}").replace("-", " ")
        return provider_id, f"{name} {town.name}{suffix}"

    # -- records --
    def service(
        self, kind: ServiceType, place: str, town: Town, location_ids: list[str], domain: str
    ) -> dict[str, Any]:
        rng = self.rng
        setting = rng.choice(kind.settings)
        data: dict[str, Any] = {
            "id": kind.id,
            "naam": kind.name.format(place=place),
            "samenvatting": rng.choice(kind.summaries),
            "omschrijving": self.description(kind.sentences),
            "functies": [*kind.functions, *self.pick(kind.extra_functions, 0, 1)],
        }
        if kind.respite_form:
            data["respijtvorm"] = kind.respite_form
        data["doelgroepen"] = self.pick(TARGET_GROUPS, 1, 4)
        if rng.random() < 0.7:
            data["zorgfasen"] = self.pick(CARE_PHASES, 1, 2)
        if rng.random() < 0.3:
            audience: dict[str, Any] = {"zorgvrager": {"leeftijd_vanaf": rng.choice(("18", "55", "65"))}}
            if rng.random() < 0.5:
                audience["zorgvrager"]["toelichting"] = rng.choice(CARE_RECIPIENT_NOTES)
            if rng.random() < 0.5:
                audience["mantelzorger"] = {"toelichting": rng.choice(CAREGIVER_NOTES)}
            data["voor_wie"] = audience
        if rng.random() < self.nationwide:
            data["werkgebied"] = ["landelijk"]
        else:
            nearby = [t.id for t in self.neighbours[town.area_code] if t.id != town.id]
            data["werkgebied"] = [town.id, *rng.sample(nearby, rng.randint(0, min(3, len(nearby))))]
        data["omgeving"] = setting
        if setting in ("buitenshuis", "samen") or rng.random() < 0.3:
            data["locaties"] = rng.sample(location_ids, rng.randint(1, len(location_ids)))
        if rng.random() < 0.85:
            data["openingstijden"] = self.hours()
        cost: dict[str, Any] = {"betaald_door": self.pick(kind.funding, 1, 2)}
        if rng.random() < 0.3:
            cost["eigen_bijdrage"] = rng.choice(OWN_CONTRIBUTION)
        if rng.random() < 0.4:
            cost["toelichting"] = rng.choice(COST_NOTES)
        data["kosten"] = cost
        data["toegang"] = self.pick(kind.access, 1, 3)
        data["volgende_stap"] = {"door": "aanbieder", "tekst": rng.choice(kind.next_steps)}
        data["indicatie"] = {"nodig": "nee"}
        if rng.random() < 0.15:
            data["talen"] = ["nl", *self.pick(LANGUAGES, 1, 3)]
        if rng.random() < 0.3:
            data["contact"] = {
                "telefoon": self.phone(town),
                "email": f"{kind.id}@{domain}",
                "contactpersoon": rng.choice(("Coördinator", "Planner", "Teamleider", "Consulent")),
            }
        roll = rng.random()
        if roll < 0.03:
            data["status"] = "gestopt"
        elif roll < 0.08:
            data["status"] = "tijdelijk-gesloten"
        if rng.random() < 0.25:
            data["gecontroleerd"] = self.verified()
        return data

    def provider(self, town: Town, municipal: bool) -> tuple[str, dict[str, Any]]:
        rng = self.rng
        if municipal:
            name = town.name if town.name.startswith("Gemeente ") else f"Gemeente {town.name}"
            kind, place = "gemeente", f"gemeente {town.name.removeprefix('Gemeente ')}"
            types = list(MUNICIPAL_SERVICES)
            summary = f"De gemeente {town.name} helpt mantelzorgers met advies, regelingen en waardering."
        else:
            prefix, kind = rng.choice(PREFIXES)
            core = rng.choice(CORES)
            name, place = f"{prefix} {core}", core
            types = rng.sample(SERVICE_TYPES, 3)
            summary = rng.choice(SUMMARY_BY_KIND[kind])
        provider_id, name = self.provider_id(name, town)
        domain = f"{provider_id[:40].rstrip('-')}.example.org"  # a DNS label has at most 63 characters
        about = rng.sample(ABOUT, 2)
        label = "Wijkpunt" if municipal else place
        locations = [self.location("hoofdlocatie", town, None if municipal else place)]
        others = [t for t in self.neighbours[town.area_code] if t != town]
        if others and rng.random() < 0.35:
            other = rng.choice(others)
            locations.append(self.location(f"locatie-{other.id}", other, f"{label} {other.name}"))
        location_ids = [location["id"] for location in locations]
        contact: dict[str, Any] = {"telefoon": self.phone(town), "bereikbaar": rng.choice(REACHABLE)}
        contact["email"] = f"info@{domain}"
        contact["website"] = f"https://{domain}"
        data: dict[str, Any] = {
            "naam": name,
            "soort": kind,
            "samenvatting": summary,
            "omschrijving": " ".join(about).format(years=rng.randint(5, 40)),
            "contact": contact,
            "locaties": locations,
            "diensten": [self.service(t, place, town, location_ids, domain) for t in types],
            "gecontroleerd": self.verified(),
        }
        return provider_id, data

    def respite_form(self, form_id: str, name: str, setting: str, summary: str) -> dict[str, Any]:
        rng = self.rng
        payments = self.pick(FORM_PAYMENTS, 1, 3)
        return {
            "naam": name,
            "ook_bekend_als": [f"{name.lower()} in de buurt", "respijt", "even vrij"][: rng.randint(1, 3)],
            "samenvatting": summary,
            "uitleg": f"{summary}\nZo heeft u tijd voor uzelf.\n\n"
            "Vraag de respijtconsulent welke aanbieder bij u en uw naaste past.",
            "omgeving": setting,
            "duur": rng.choice(
                (
                    "Een paar uur per week",
                    "Een weekend tot enkele weken per jaar",
                    "Eén of meer dagdelen per week",
                )
            ),
            "betaling": [{"door": p, "uitleg": PAYMENT_TEXT[p]} for p in payments],
            "aanvragen": "Bel de respijtconsulent. Die helpt u met de aanvraag.",
            "opmerkingen": "Twijfelt u of dit bij u past? Vraag het gerust.",
            "gecontroleerd": self.verified(),
        }

    def regulation(self, issuer: str, town: Town, form_ids: list[str]) -> tuple[str, dict[str, Any]]:
        rng = self.rng
        type_id, name, basis, benefit, unit = rng.choice(REGULATION_TYPES)
        amount = rng.choice((25, 50, 75, 100, 150)) if unit == "bedrag" else rng.choice((24, 48, 72))
        regulation_id = self.unique_id(f"{type_id}-{town.id}")
        data: dict[str, Any] = {
            "naam": f"{name.format(n=amount, year=TODAY.year)} ({town.name})",
            "samenvatting": f"Voor mantelzorgers van inwoners van {town.name}.",
            "uitgever": issuer,
            "gemeenten": [town.id],
            "grondslag": basis,
        }
        if basis == "wmo":
            data["wetsartikel"] = "Wmo 2015, artikel 2.2.2"
        data["wat_u_krijgt"] = benefit.format(n=amount)
        if unit == "bedrag":
            data["bedrag"] = str(amount)
        elif unit == "uren":
            data["uren"] = str(amount)
        data["voorwaarden"] = (
            f"U zorgt voor iemand die in {town.name} woont.\nU zorgt minstens 8 uur per week of langer dan drie maanden."
        )
        data["aanvragen"] = {
            "uitleg": "Vul het formulier in op de website van de gemeente of bel het Wmo-loket.",
            "link": f"https://{issuer}.example.org/aanvragen",
            "telefoon": self.phone(town),
        }
        data["aanvraagperiode"] = rng.choice(("Het hele jaar", "Van 1 september tot en met 30 november"))
        data["geldig_vanaf"] = f"{TODAY.year}-01-01"
        data["geldig_tot"] = f"{TODAY.year}-12-31"
        data["respijtvormen"] = rng.sample(form_ids, rng.randint(1, 3))
        data["functies"] = ["financiele-tegemoetkoming", *(["respijtzorg"] if unit != "bedrag" else [])]
        data["gecontroleerd"] = self.verified()
        return regulation_id, data


def municipal_count(providers: int) -> int:
    """How many of the providers are municipalities (they issue the regulations)."""
    return min(len(TOWNS), max(1, providers // 10))


def mkdocs_yml(
    municipalities: dict[str, str], nav: bool = True, consultant: str = "", region: str = REGION
) -> str:
    """The site's mkdocs.yml: the example site's settings, ~20 municipalities."""
    towns = "\n".join(f"        {key}: {value}" for key, value in municipalities.items())
    text = f"""\
site_name: Mantelkaart {region} (synthetisch)
site_description: Synthetische sociale kaart voor benchmarks
site_url: https://example.org/mantelkaart/
edit_uri: https://github.com/mantelkaart/mantelkaart/edit/main/docs/

theme:
  name: material
  language: nl
  font: false
  features:
    - navigation.instant
    - content.action.edit
    - search.highlight

plugins:
  - search:
      lang: nl
  - mantelkaart:
      region: {region}
      example_data: true
      stale_after_months: 12
      municipalities:
{towns}
{"      consultant: " + consultant if consultant else ""}
      report:
        github: mantelkaart/mantelkaart
      licence:
        naam: CC BY 4.0
        url: https://creativecommons.org/licenses/by/4.0/deed.nl
      province: Zuid-Holland

markdown_extensions:
  - attr_list
  - toc:
      permalink: false
"""
    return text + (NAV if nav else "")


NAV = """
nav:
  - Home: index.md
  - Zoeken: zoeken/index.md
  - Keuzehulp: keuzehulp/index.md
  - Respijtzorg: respijtzorg/index.md
  - Aanbod: aanbod/index.md
  - Regelingen: regelingen/index.md
  - Gemeenten: gemeenten/index.md
  - Voor wie: voor-wie/index.md
  - Soorten hulp: ondersteuning/index.md
  - Aanbieders: aanbieders/index.md
  - Over deze site:
      - Open data: open-data/index.md
      - Alle velden: redactie/velden.md
"""

INDEX_MD = """\
---
title: Hulp voor mantelzorgers
description: Even vrij van de zorg? Vind hulp en respijtzorg in de regio.
---

# Even vrij van de zorg

Zorgt u voor iemand uit uw omgeving? Dan bent u mantelzorger. Soms heeft u even rust nodig.
Hier vindt u hulp in de buurt: wat er is, voor wie, en wie het betaalt.

<!-- mantelkaart: respijtvormen -->

## Waar woont de persoon voor wie u zorgt?

<!-- mantelkaart: gemeenten -->
"""


@dataclass(frozen=True)
class SiteSummary:
    folder: Path
    providers: int
    services: int
    respite_forms: int
    regulations: int

    @property
    def records(self) -> int:
        return self.providers + self.respite_forms + self.regulations


def write_site(folder: Path, providers: int, seed: int = 1) -> SiteSummary:
    """Write a complete synthetic site with ``providers`` providers (3 services each) into ``folder``."""
    if providers < 1:
        raise ValueError("providers must be at least 1")
    writer = _Writer(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for sub in ("providers", "respite-forms", "regulations", "docs"):
        (folder / sub).mkdir(exist_ok=True)

    form_ids = [form[0] for form in RESPITE_FORMS]
    for form in RESPITE_FORMS:
        (folder / "respite-forms" / f"{form[0]}.yaml").write_text(
            dump(writer.respite_form(*form)), encoding="utf-8"
        )

    municipal = municipal_count(providers)
    issuers: list[tuple[str, Town]] = []
    services = 0
    for number in range(providers):
        is_municipal = number < municipal
        town = TOWNS[number] if is_municipal else writer.rng.choice(TOWNS)
        provider_id, data = writer.provider(town, is_municipal)
        if is_municipal:
            issuers.append((provider_id, town))
        if number == 0:  # the consultant every page names: the first municipality's first service
            consultant = f"{provider_id}/{data['diensten'][0]['id']}"
        services += len(data["diensten"])
        (folder / "providers" / f"{provider_id}.yaml").write_text(dump(data), encoding="utf-8")

    regulations = max(5, providers // 50)
    for number in range(regulations):
        issuer, town = issuers[number % len(issuers)]
        regulation_id, data = writer.regulation(issuer, town, form_ids)
        (folder / "regulations" / f"{regulation_id}.yaml").write_text(dump(data), encoding="utf-8")

    municipalities = {town.id: town.name for town in TOWNS}
    (folder / "mkdocs.yml").write_text(mkdocs_yml(municipalities, consultant=consultant), encoding="utf-8")
    (folder / "docs" / "index.md").write_text(INDEX_MD, encoding="utf-8")
    return SiteSummary(folder, providers, services, len(RESPITE_FORMS), regulations)


def self_check(providers: int = 300, seed: int = 1) -> None:
    """Write a site, load it like ``mantelkaart validate`` and assert it is clean and deterministic."""
    from mantelkaart.core.dataset import Dataset
    from mantelkaart.core.loader import parse_text
    from mantelkaart.core.mkdocs_yml import site_config

    writer = _Writer(seed)
    for number in range(200):
        _, data = writer.provider(TOWNS[number % len(TOWNS)], number < len(TOWNS))
        assert parse_text(dump(data)) == data, f"the YAML writer changed a record:\n{dump(data)}"
    with tempfile.TemporaryDirectory(prefix="mantelkaart-synthetic-") as tmp:
        first, second = Path(tmp) / "a", Path(tmp) / "b"
        summary = write_site(first, providers, seed)
        write_site(second, providers, seed)
        for path in sorted(first.rglob("*")):
            if path.is_file():
                twin = second / path.relative_to(first)
                assert path.read_bytes() == twin.read_bytes(), f"not deterministic: {path}"
        config, root = site_config(first / "mkdocs.yml")
        dataset = Dataset.load(root, config, today=TODAY)
        problems = "\n".join(problem.text() for problem in dataset.problems[:20])
        assert not dataset.errors, f"{len(dataset.errors)} errors:\n{problems}"
        assert not dataset.warnings, f"{len(dataset.warnings)} warnings:\n{problems}"
        catalogue = dataset.catalogue
        assert len(catalogue.providers) == providers
        assert len(catalogue.offers) == summary.services == 3 * providers
        assert len(catalogue.respite_forms) == summary.respite_forms
        assert len(catalogue.regulations) == summary.regulations
    print(
        f"self-check ok: {providers} providers, {summary.services} services, "
        f"{summary.regulations} regulations, {summary.respite_forms} respite forms; 0 problems",
        file=sys.stderr,
    )


if __name__ == "__main__":
    self_check(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
