"""The right number: a service's next step names who acts, and the page shows that party only.

Also the consultant as one service record (named in mkdocs.yml) and the indicatie line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from mantelkaart.core.catalogue import Catalogue
from mantelkaart.core.config import ConfigError, SiteConfig
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.indication import indication_line
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.problems import Problem
from mantelkaart.core.services import Indication
from mantelkaart.core.vocabulary import Vocabularies
from mantelkaart.site.pages import PageMaker
from tests.recordkit import MKDOCS_YML, Site, assert_dutch, dump, one, provider, service, write_site

REPO = Path(__file__).resolve().parents[1]
CONSULTANT_YML = MKDOCS_YML + "      consultant: mee/respijtconsulent\n"


def consultant_provider() -> dict[str, object]:
    advice = service(
        id="respijtconsulent",
        naam="Respijtconsulent",
        samenvatting="De consulent zoekt met u uit wat past.",
        functies=["advies-en-begeleiding"],
        omgeving="op-afstand",
        locaties=[],
        contact={"contactpersoon": "Respijtconsulent"},
    )
    del advice["respijtvorm"]
    return provider(
        naam="MEE",
        soort="welzijnsorganisatie",
        contact={"telefoon": "078 000 0104", "email": "consulent@example.org", "bereikbaar": "Op werkdagen"},
        diensten=[advice],
    )


def with_step(by: str, text: str = "Bel voor een afspraak", **changes: object) -> dict[str, object]:
    return provider(
        contact={"telefoon": "078 000 0107", "email": "info@parkhuis.example.org"},
        diensten=[service(volgende_stap={"door": by, "tekst": text}, **changes)],
    )


def consultant_site(site: Site, files: dict[str, str | bytes | None]) -> Path:
    root = site.write({"providers/mee.yaml": dump(consultant_provider()), **files})
    (root / "mkdocs.yml").write_text(CONSULTANT_YML, encoding="utf-8")
    return root


def loaded(root: Path) -> Dataset:
    config, data = site_config(root / "mkdocs.yml")
    return Dataset.load(data, config)


def service_page(catalogue: Catalogue, key: str) -> str:
    maker = PageMaker(catalogue)
    path = f"aanbod/{key}.md"
    return next(page.body for page in maker.pages() if page.path == path)


def next_section(body: str) -> str:
    return body[body.index('<section class="mk-next"') : body.index("</section>")]


def first_match(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.search(text)
    assert found is not None
    return found.group(1)


def phones(html: str) -> set[str]:
    return set(re.findall(r'href="tel:([^"]+)"', html))


# --- pages -------------------------------------------------------------------------


def test_a_step_by_the_consultant_shows_the_consultants_number_and_not_the_providers(site: Site) -> None:
    """The observed bug: 'Bel de respijtconsulent' above the provider's own number."""
    root = consultant_site(site, {"providers/gemeente-dordrecht.yaml": dump(with_step("consulent"))})
    dataset = loaded(root)
    assert not dataset.errors, [p.text() for p in dataset.errors]
    body = service_page(dataset.catalogue, "gemeente-dordrecht/logeeropvang")
    assert phones(next_section(body)) == {"+31780000104"}
    assert "+31780000107" not in body  # the provider's number is nowhere on the page
    assert "consulent@example.org" in next_section(body)
    assert "info@parkhuis.example.org" not in body
    assert "Respijtconsulent" in next_section(body) and "Op werkdagen" in next_section(body)
    # the consultant is the next step: no second consultant box below it
    assert body.count('class="mk-consultant"') == 0


def test_a_step_by_the_provider_shows_its_own_number_and_the_consultant_below(site: Site) -> None:
    root = consultant_site(site, {"providers/gemeente-dordrecht.yaml": dump(with_step("aanbieder"))})
    body = service_page(loaded(root).catalogue, "gemeente-dordrecht/logeeropvang")
    assert phones(next_section(body)) == {"+31780000107"}
    assert "Bel voor een afspraak" in next_section(body)
    consultant_box = body[body.index('class="mk-consultant"') :]
    assert phones(consultant_box) == {"+31780000104"}


def test_a_step_by_another_service_shows_that_service_and_links_to_it(site: Site) -> None:
    other = provider(
        naam="Gemeente Zwijndrecht",
        contact={"telefoon": "078 000 0200"},
        diensten=[service(id="wmo-loket", naam="Wmo-loket Zwijndrecht", contact={"telefoon": "14 078"})],
    )
    files = {
        "providers/gemeente-dordrecht.yaml": dump(with_step("gemeente-zwijndrecht/wmo-loket")),
        "providers/gemeente-zwijndrecht.yaml": dump(other),
    }
    body = service_page(loaded(consultant_site(site, files)).catalogue, "gemeente-dordrecht/logeeropvang")
    section = next_section(body)
    assert phones(section) == {"+3114078"}
    assert "Wmo-loket Zwijndrecht" in section and "aanbod/gemeente-zwijndrecht/wmo-loket/" in section
    assert "+31780000107" not in body


def test_the_example_site_never_shows_a_providers_number_under_a_consultant_step() -> None:
    """Every example service whose step is the consultant's shows only the consultant's number."""
    config, root = site_config(REPO / "mkdocs.yml")
    catalogue = Dataset.load(root, config).catalogue
    consultant = catalogue.consultant()
    assert consultant is not None and consultant.phone
    maker = PageMaker(catalogue)
    pages = {page.path: page.body for page in maker.pages()}
    checked = 0
    for offer in catalogue.active_offers():
        if offer.service.status != "actief":
            continue
        section = next_section(pages[maker.offer_path(offer)])
        party = catalogue.next_party(offer)
        assert party is not None
        assert phones(section) <= {f"+31{party.phone.replace(' ', '')[1:]}"} if party.phone else True
        if offer.service.next_step.by == "consulent":
            checked += 1
            assert "tel:+31780000104" in section, offer.key
            own = offer.contact.phone
            if own and own != consultant.phone:
                assert own.replace(" ", "")[1:] not in section.replace(" ", ""), offer.key
    assert checked >= 5  # Het Parkhuis, De Merwelanden, MEE Plus, De Mantelaar, …


def test_every_page_kind_has_the_consultant_box() -> None:
    from tests.test_pages import PAGES

    kinds = {
        "aanbod/gemeente-dordrecht/luisterlijn.md",  # service
        "aanbieders/het-anker.md",  # provider
        "regelingen/logeren-dordrecht.md",  # regulation
        "respijtzorg/logeeropvang.md",  # respite form
        "respijtzorg/index.md",
        "gemeenten/dordrecht.md",  # municipality
        "voor-wie/dementie.md",  # target group
        "ondersteuning/respijtzorg.md",  # function
    }
    for path in kinds:
        body = PAGES[path].body
        box = body[body.index('class="mk-consultant"') :]
        assert 'href="tel:+31780000001"' in box, path


def test_dead_ends_name_the_consultant() -> None:
    """A temporarily closed service and a stopped one: the consultant instead of a next step."""
    from tests.test_pages import PAGES

    body = PAGES["aanbod/het-anker/dagopvang.md"].body
    assert "tijdelijk gesloten" in body and 'class="mk-next"' not in body
    assert 'href="tel:+31780000001"' in body[body.index('class="mk-consultant"') :]


# --- validation --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("by", "message", "hint"),
    [
        ("bestaat-niet/dienst", "'bestaat-niet/dienst' bij 'door' bestaat niet", ""),
        ("mee/respijtconsulnet", "'mee/respijtconsulnet' bij 'door' bestaat niet", "mee/respijtconsulent"),
        ("Bel maar", "'Bel maar' is geen geldige waarde voor 'door'", "aanbieder"),
    ],
)
def test_a_step_pointing_at_nothing_is_refused(site: Site, by: str, message: str, hint: str) -> None:
    root = consultant_site(site, {"providers/gemeente-dordrecht.yaml": dump(with_step(by))})
    problem = one(
        loaded(root).problems, "providers/gemeente-dordrecht.yaml", "diensten[1].volgende_stap.door"
    )
    assert message in problem.message and hint in problem.hint
    assert problem.line > 1


def test_a_step_by_the_consultant_needs_a_consultant(site: Site) -> None:
    problems = site.load({"providers/gemeente-dordrecht.yaml": dump(with_step("consulent"))}).problems
    problem = one(problems, "providers/gemeente-dordrecht.yaml", "diensten[1].volgende_stap.door")
    assert "geen consulent" in problem.message and "consultant" in problem.hint


def test_the_old_one_line_step_gets_the_new_shape_as_hint(site: Site) -> None:
    data = provider(diensten=[service(volgende_stap="Bel de respijtconsulent")])
    problems = site.load({"providers/gemeente-dordrecht.yaml": dump(data)}).problems
    problem = one(problems, "providers/gemeente-dordrecht.yaml", "diensten[1].volgende_stap")
    assert "door" in problem.message and "tekst: Bel de respijtconsulent" in problem.hint


def test_the_consultant_must_be_an_existing_service(site: Site) -> None:
    root = site.write()
    (root / "mkdocs.yml").write_text(MKDOCS_YML + "      consultant: gemeente-dordrecht/consulent\n")
    problem = one(loaded(root).problems, "mkdocs.yml", "consultant")
    assert "'gemeente-dordrecht/consulent'" in problem.message
    assert "gemeente-dordrecht/logeeropvang" in problem.hint  # the provider's services are suggested


@pytest.mark.parametrize("value", [{"naam": "Consulent", "telefoon": "078 000 0001"}, "mee", "MEE/Consulent"])
def test_the_consultant_setting_is_a_service_reference(value: object) -> None:
    with pytest.raises(ConfigError) as caught:
        SiteConfig.from_options({"consultant": value})
    assert "geen verwijzing naar een dienst" in str(caught.value)
    assert "aanbieder-id/dienst-id" in str(caught.value)


def test_two_cores_check_references_across_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A step or consultant naming a service in another batch: found if it exists, refused if not."""
    from tests.test_parallel_check import both

    from bench.synthetic import write_site as synthetic_site

    folder = tmp_path / "site"
    synthetic_site(folder, 40, seed=3)
    files = sorted((folder / "providers").glob("*.yaml"))
    first, last = files[0], files[-1]
    service_id = re.compile(r"diensten:\n  - id: (\S+)")
    keys = [
        f"{path.stem}/{first_match(service_id, path.read_text(encoding='utf-8'))}" for path in (first, last)
    ]
    text = first.read_text(encoding="utf-8")
    step = re.compile(r"volgende_stap:\n\s+door: aanbieder")
    first.write_text(step.sub(f"volgende_stap:\n      door: {keys[1]}", text, count=1), encoding="utf-8")
    text = last.read_text(encoding="utf-8")
    last.write_text(
        step.sub("volgende_stap:\n      door: " + keys[0] + "-weg", text, count=1), encoding="utf-8"
    )
    one_core, two = both(folder, monkeypatch)
    assert [p.text() for p in two.problems] == [p.text() for p in one_core.problems]
    refused = [p for p in two.errors if p.field.endswith("volgende_stap.door")]
    assert [p.file for p in refused] == [f"providers/{last.name}"], [p.text() for p in two.problems]


# --- indicatie ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indication", "field", "words"),
    [
        ({"nodig": "ja"}, "indicatie", "wie de indicatie geeft"),
        ({"nodig": "soms", "van": ["gemeente"]}, "indicatie", "uitleg"),
        ({"nodig": "nee", "van": ["ciz"]}, "indicatie", "niemand"),
        ({"nodig": "misschien"}, "indicatie.nodig", "nee, ja"),
        ({"nodig": "ja", "van": ["gemeentte"]}, "indicatie.van[1]", "gemeentte"),
    ],
)
def test_indicatie_must_say_it_straight(
    problems_for: Callable[..., list[Problem]], indication: dict[str, object], field: str, words: str
) -> None:
    data = provider(diensten=[service(indicatie=indication)])
    problem = one(
        problems_for({"providers/gemeente-dordrecht.yaml": dump(data)}),
        "providers/gemeente-dordrecht.yaml",
        f"diensten[1].{field}",
    )
    assert words in problem.message + problem.hint


def test_a_service_without_indicatie_gets_a_warning_not_an_error(site: Site) -> None:
    data = provider(diensten=[service(indicatie=None)])
    data["diensten"][0].pop("indicatie")  # type: ignore[index]
    problems = site.load({"providers/gemeente-dordrecht.yaml": dump(data)}).problems
    warnings = [p for p in problems if p.severity == "waarschuwing" and "indicatie" in p.message]
    assert len(warnings) == 1 and "indicatie: {nodig: nee}" in warnings[0].hint
    assert_dutch(warnings[0])
    assert not [p for p in problems if p.severity == "fout"]


@pytest.mark.parametrize(
    ("data", "long", "short"),
    [
        ({"nodig": "nee"}, "Geen indicatie nodig: u kunt zelf contact opnemen.", "Geen indicatie nodig"),
        ({"nodig": "ja", "van": ["gemeente"]}, "Indicatie nodig van de gemeente (Wmo).", None),
        (
            {"nodig": "ja", "van": ["gemeente", "ciz"]},
            "Indicatie nodig van de gemeente (Wmo) of het CIZ (Wlz).",
            None,
        ),
        (
            {"nodig": "soms", "van": ["jeugdteam"], "toelichting": "Alleen via de Jeugdwet."},
            "Soms een indicatie nodig. Alleen via de Jeugdwet.",
            "Soms een indicatie nodig",
        ),
    ],
)
def test_indicatie_in_one_plain_line(data: dict[str, object], long: str, short: str | None) -> None:
    vocabularies = Vocabularies.load(None)
    indication = Indication.model_validate(data, context={"vocabularies": vocabularies})
    assert indication_line(indication, vocabularies) == long
    assert indication_line(indication, vocabularies, short=True) == (short or long.rstrip("."))
    assert indication_line(None, vocabularies) == ""


def test_every_example_service_says_whether_an_indicatie_is_needed() -> None:
    config, root = site_config(REPO / "mkdocs.yml")
    dataset = Dataset.load(root, config)
    assert not dataset.problems, [p.text() for p in dataset.problems]
    assert all(offer.service.indication is not None for offer in dataset.catalogue.offers)
    needed = {
        offer.service.indication.needed for offer in dataset.catalogue.offers if offer.service.indication
    }
    assert needed == {"nee", "ja", "soms"}


def test_the_written_fixture_has_a_consultant_with_a_phone(tmp_path: Path) -> None:
    root = write_site(tmp_path / "s", {"providers/mee.yaml": dump(consultant_provider())})
    (root / "mkdocs.yml").write_text(CONSULTANT_YML, encoding="utf-8")
    party = loaded(root).catalogue.consultant()
    assert party is not None and party.phone == "078 000 0104" and party.name == "Respijtconsulent"
    assert party.organisation == "MEE" and party.reachable == "Op werkdagen"
