"""What people type, and what the finder must put on top: the real index, in real Chromium.

Each query lists the services that must fill the top of the result list (in any
order); ``only`` means nothing else may be found; a municipality in the query
means every result must be for people living there. The queries cover synonyms
(the word is not in the service's text), Dutch stemming, typos of one letter and
municipality names, on the example region's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from finder_driver import OFFERS, open_finder

from mantelkaart.core.config import NATIONWIDE

LOGEREN = {"Logeerzorg MEE Plus", "Logeerzorg De Merwelanden", "Logeerzorg in Het Parkhuis"}
DAY_CARE = {
    "Dagbesteding op de boerderij",
    "Tijdelijke dagopvang bij ernstige dementie",
    "Inloop in het Odensehuis",
    "Zaterdagclub voor kinderen",
}
ALZHEIMER = {"Alzheimer Café Dordrecht", "Alzheimer Café Sliedrecht"}


def tagged(target_group: str) -> set[str]:
    return {o.service.name for o in OFFERS if target_group in o.service.target_groups}


def paid_by(payer: str) -> set[str]:
    return {o.service.name for o in OFFERS if payer in o.service.cost.paid_by}


@dataclass(frozen=True)
class Query:
    text: str
    top: set[str]  # these services, in any order, fill the top of the list
    only: bool = False  # and nothing else is found
    place: str | None = None  # every result is for people living here
    why: str = ""
    extra: set[str] = field(default_factory=set)  # also found, anywhere in the list


QUERIES = [
    # Words in the services' own text, with Dutch stemming.
    Query("logeeropvang", LOGEREN),
    Query("dagbesteding", {"Dagbesteding op de boerderij"}, extra=DAY_CARE - {"Zaterdagclub voor kinderen"}),
    Query("zorgboerderijen", {"Zaterdagclub voor kinderen", "Dagbesteding op de boerderij"}, why="plural"),
    Query("verpleeghuizen", {"Gespreksgroep na de zorg"}, only=True, why="plural of verpleeghuis"),
    Query("mantelzorgers", {"Dordtpas voor mantelzorgers", "Weekend weg voor mantelzorgers"}),
    Query("luisterlijn", {"De Luisterlijn, 24 uur per dag"}, only=True),
    Query("wijkverpleging", {"Wijkverpleging"}, only=True),
    Query("parkeren", {"Mantelzorgparkeren"}, only=True, why="part of a compound word"),
    Query("dordtpas", {"Dordtpas voor mantelzorgers"}, why="first; other services' texts name it too"),
    Query("Odensehuis", {"Inloop in het Odensehuis"}, only=True),
    Query("respijtconsulent", {"Respijtconsulent (helpmijzorgen.nl)"}),
    Query("cursus", {"Cursus Werk en zorg in balans"}),
    Query(
        "vervangende mantelzorg",
        {"Vergoeding voor vervangende mantelzorg", "Vervangende mantelzorg aan huis"},
    ),
    Query("jonge mantelzorgers", {"Club voor jonge mantelzorgers"}),
    # Synonyms: the word is not in the service's text.
    Query(
        "logeren",
        LOGEREN,
        extra={"Wmo-loket Zwijndrecht"},
        why="'ook bekend als' of the respite form; the Wmo-loket's text names logeeropvang",
    ),
    Query("dagopvang", DAY_CARE, only=True, why="name of the respite form"),
    Query(
        "alzheimer",
        ALZHEIMER,
        extra={"Inloop in het Odensehuis", "Wijkverpleging"},
        why="synonym of dementie",
    ),
    Query("geheugenproblemen", ALZHEIMER, extra={"Logeerzorg in Het Parkhuis"}, why="synonym of dementie"),
    Query(
        "oppas",
        {"Ervaren oppas voor uw kind", "Vrijwillige oppas thuis"},
        why="first: others only mention it",
    ),
    Query(
        "zorgoppas",
        {"Ervaren oppas voor uw kind"},
        only=True,
        why="respite form of a service named otherwise",
    ),
    Query("vakantie", {"Mantelzorgvakantie", "Weekend weg voor mantelzorgers"}, only=True),
    Query("nachtzorg", {"Nacht- en weekendzorg", "Zorg in de laatste levensfase"}, only=True),
    Query("thuiszorg", {"Wijkverpleging"}, extra={"Zorg in de laatste levensfase"}),
    Query("hersenletsel", tagged("nah"), only=True, why="label of the target group NAH"),
    Query("beroerte", tagged("nah"), only=True, why="synonym of NAH"),
    Query("NAH", {"Logeerzorg MEE Plus"}, extra=tagged("nah"), why="in the summary, and the target group"),
    Query("pgb", paid_by("pgb"), only=True, why="label of a payer"),
    Query("luisterend oor", {"Een vrijwilliger die naar u luistert"}),
    # A typo of one letter in a word of five letters or more.
    Query("logeeropvnag", LOGEREN, why="two letters swapped"),
    Query(
        "dementei",
        {"Inloop in het Odensehuis", "Logeerzorg in Het Parkhuis"},
        extra=ALZHEIMER | {"Tijdelijke dagopvang bij ernstige dementie"},
        why="the closed day care matches best, but active services come first",
    ),
    Query(
        "zorgboerdrij", {"Zaterdagclub voor kinderen", "Dagbesteding op de boerderij"}, why="letter missing"
    ),
    Query("wijkverpleeging", {"Wijkverpleging"}, only=True, why="letter too many"),
    Query("alzhiemer", ALZHEIMER),
    Query("oppaz", {"Ervaren oppas voor uw kind", "Vrijwillige oppas thuis"}, why="wrong letter"),
    Query("respijtconsulnet", {"Respijtconsulent (helpmijzorgen.nl)"}),
    Query("Sliedrech", {"Alzheimer Café Sliedrecht"}, why="a town name with a typo is searched as a word"),
    # Municipality names filter on where the person cared for lives.
    Query(
        "Zwijndrecht",
        {"Wmo-loket Zwijndrecht", "Jeugdteam Zwijndrecht"},
        place="zwijndrecht",
        extra={"Alzheimer Café Dordrecht", "De Luisterlijn, 24 uur per dag"},
        why="without other words: the municipality's own services first, nationwide ones last",
    ),
    Query("logeren Dordrecht", LOGEREN, place="dordrecht"),
    Query("dagbesteding Sliedrecht", {"Dagbesteding op de boerderij"}, place="sliedrecht"),
    Query(
        "Hendrik-Ido-Ambacht dementie",
        {"Inloop in het Odensehuis", "Alzheimer Café Dordrecht"},
        place="hendrik-ido-ambacht",
        extra={"Gespreksgroep na de zorg"},
    ),
    Query(
        "oppas papendrecht", {"Vrijwillige oppas thuis", "Ervaren oppas voor uw kind"}, place="papendrecht"
    ),
]

SEARCH = """(text) => {
    history.pushState(null, '', '?zoek=' + encodeURIComponent(text));
    dispatchEvent(new PopStateEvent('popstate'));
}"""
DONE = """(text) => {
    const root = document.getElementById('mk-finder');
    return root.dataset.query === text && root.dataset.state === 'ready';
}"""


def run(page: Any, text: str) -> list[int]:
    page.evaluate(SEARCH, text)
    page.wait_for_function(DONE, arg=text)
    count = int(page.get_attribute("#mk-finder", "data-results"))
    while page.is_visible(".mk-finder__more"):
        page.click(".mk-finder__more")
    numbers = page.eval_on_selector_all(
        ".mk-finder__results > [data-i]", "e => e.map(i => Number(i.dataset.i))"
    )
    assert len(numbers) == count
    return numbers


def problems(query: Query, numbers: list[int]) -> list[str]:
    names = [OFFERS[number].service.name for number in numbers]
    found: list[str] = []
    if set(names[: len(query.top)]) != query.top:
        found.append(f"top {len(query.top)} is {names[: len(query.top)]}")
    if query.only and len(names) != len(query.top):
        found.append(f"also found {names[len(query.top) :]}")
    if not query.extra <= set(names):
        found.append(f"missing {sorted(query.extra - set(names))}")
    if query.place:
        elsewhere = [
            OFFERS[n].service.name
            for n in numbers
            if not {query.place, NATIONWIDE} & set(OFFERS[n].service.area)
        ]
        if elsewhere:
            found.append(f"not for {query.place}: {elsewhere}")
    return found


def test_query_list_finds_the_expected_services(page: Any, site_url: str) -> None:
    assert len(QUERIES) >= 30
    open_finder(page, site_url)
    failures = {}
    for query in QUERIES:
        trouble = problems(query, run(page, query.text))
        if trouble:
            failures[query.text] = trouble
    passed = len(QUERIES) - len(failures)
    print(f"finder query list: {passed}/{len(QUERIES)} pass")
    assert failures == {}, f"{passed}/{len(QUERIES)} pass; failing: {failures}"
