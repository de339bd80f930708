"""The keuzehulp rules engine on the example region, and the page built from it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from mantelkaart.core.guide_file import GUIDE_FILE, default_text
from mantelkaart.core.guide_schema import Guide
from mantelkaart.core.loader import parse_text
from mantelkaart.keuzehulp.page import GuideSite, guide_body
from mantelkaart.keuzehulp.rules import Advisor, matches

from support import MINI, REPO, copy_site, load, run_cli

EXAMPLE = load(REPO)
ADVISOR = Advisor(EXAMPLE.catalogue.guide.guide, EXAMPLE.catalogue)  # type: ignore[union-attr]


def summary(answers: dict[str, str]) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """{option key: (reasons, offer keys, regulation ids)} for the example region."""
    advice = ADVISOR.advise(answers)
    return {
        fit.option.key: (fit.reasons, [o.key for o in fit.offers], [rid for rid, _ in fit.regulations])
        for fit in advice.fits
    }


def test_example_uses_the_default_guide_with_every_rule() -> None:
    assert EXAMPLE.problems == []
    source = EXAMPLE.catalogue.guide
    assert source is not None and source.relpath is None
    default = Guide.model_validate(parse_text(default_text()))
    assert source.guide == default  # every form the default names exists in the example region
    assert [q.id for q in ADVISOR.questions] == [
        "wie", "mantelzorger", "werk", "naaste", "wat", "pauze", "waar", "hoe-vaak", "gemeente",
    ]  # fmt: skip
    assert [c.id for c in ADVISOR.questions[-1].choices] == list(EXAMPLE.config.municipalities)


def test_the_example_from_the_brief() -> None:
    """A night or longer, away from home, dementia, Dordrecht: logeeropvang, and why."""
    result = summary({"wat": "dementie", "pauze": "nacht", "waar": "buitenshuis", "gemeente": "dordrecht"})
    assert list(result) == ["respijtvorm-logeeropvang", "respijtvorm-mantelzorgvakantie"]
    reasons, offers, regulations = result["respijtvorm-logeeropvang"]
    assert reasons == [
        "U wilt een nacht of een weekend weg.",
        "Uw naaste mag ergens anders naartoe.",
        "Logeeropvang past daarbij: uw naaste logeert een of meer nachten ergens anders.",
    ]
    # MEE Plus takes people with brain injury or a physical illness, not dementia.
    assert offers == ["de-merwelanden/logeerzorg", "het-parkhuis/logeerzorg"]
    assert regulations == []  # Zwijndrecht's Wmo scheme is for residents of Zwijndrecht only


def test_where_the_care_recipient_lives_decides_offers_and_regulations() -> None:
    answers = {"pauze": "nacht", "waar": "buitenshuis"}
    dordrecht = summary({**answers, "gemeente": "dordrecht"})["respijtvorm-logeeropvang"]
    zwijndrecht = summary({**answers, "gemeente": "zwijndrecht"})["respijtvorm-logeeropvang"]
    assert "mee-drechtsteden/logeerzorg-mee-plus" in dordrecht[1]
    assert zwijndrecht[1] == []  # nobody offers logeeropvang to residents of Zwijndrecht
    assert zwijndrecht[2] == ["wmo-respijtzorg-zwijndrecht"]


def test_nationwide_offers_and_regulations_fit_every_municipality() -> None:
    result = summary({"pauze": "uren", "waar": "thuis", "gemeente": "papendrecht"})
    _, offers, regulations = result["respijtvorm-vervangende-mantelzorg-aan-huis"]
    assert offers == ["vgz/vergoeding-respijtzorg"]
    assert regulations == ["vgz-aanvullende-verzekering-respijtzorg"]


def test_offers_for_everyone_fit_every_target_group() -> None:
    result = summary({"naaste": "kind", "pauze": "uren", "waar": "thuis", "gemeente": "dordrecht"})
    assert "respijtvorm-zorgoppas" in result
    _, offers, _ = result["respijtvorm-vervangende-mantelzorg-aan-huis"]
    assert set(offers) == {
        "de-mantelaar/vervangende-mantelzorg",  # 'iedereen' among its target groups
        "vgz/vergoeding-respijtzorg",
        "zorgmies/vervangende-mantelzorg",
    }


def test_later_rules_give_the_reason_when_the_first_does_not_fit() -> None:
    result = summary({"pauze": "uitval", "waar": "buitenshuis"})
    assert list(result) == ["respijtvorm-logeeropvang"]
    assert (
        result["respijtvorm-logeeropvang"][0][0]
        == "U kunt de zorg nu zelf niet doen en iemand moet het overnemen."
    )


def test_someone_to_talk_to_lists_emotional_support() -> None:
    result = summary({"pauze": "praten", "gemeente": "papendrecht"})
    assert list(result) == ["functie-emotionele-steun"]
    offers = result["functie-emotionele-steun"][1]
    assert "de-luisterlijn/luisterlijn" in offers  # nationwide
    assert "humanitas-drechtsteden/steun-voor-mantelzorgers" not in offers  # not in Papendrecht


def test_unanswered_and_unknown_answers_allow_everything() -> None:
    assert ADVISOR.answers({"pauze": "bestaat-niet", "x": "y", "waar": ""}) == {}
    advice = ADVISOR.advise({"pauze": "bestaat-niet"})
    assert advice.empty
    # every option, but those only for visitors who gave a certain answer (alleen_met_antwoord)
    assert [fit.option for fit in advice.fits] == [
        o for o in ADVISOR.options if any(not case.needs for case in o.cases)
    ]
    assert [o.key for o in ADVISOR.options if all(case.needs for case in o.cases)] == ["functie-educatie"]
    assert matches({"pauze": frozenset({"nacht"})}, {}) is True
    assert matches({"pauze": frozenset({"nacht"})}, {"pauze": "uren"}) is False
    assert matches({}, {"pauze": "uren"}) is True


def test_without_a_municipality_only_nationwide_offers_are_listed() -> None:
    result = summary({"pauze": "uren", "waar": "thuis"})
    assert result["respijtvorm-vervangende-mantelzorg-aan-huis"][1] == ["vgz/vergoeding-respijtzorg"]
    assert result["respijtvorm-zorgoppas"][1] == ["zorgoppas/zorgoppas"]


def test_offers_files_split_the_offers_by_municipality() -> None:
    files = dict(GuideSite(EXAMPLE.catalogue).offers_files())
    assert set(files) == {f"keuzehulp/aanbod/{m}.json" for m in [*EXAMPLE.config.municipalities, "landelijk"]}
    dordrecht = files["keuzehulp/aanbod/dordrecht.json"]["respijtvorm-logeeropvang"]
    assert [o["key"] for o in dordrecht] == [
        "de-merwelanden/logeerzorg",
        "het-parkhuis/logeerzorg",
        "mee-drechtsteden/logeerzorg-mee-plus",
    ]
    mee = dordrecht[2]
    assert mee["when"] == {  # the municipality is the file; the Wmo pays, so not for children
        "naaste": ["oudere", "volwassene"],
        "wat": ["hersenletsel", "ziek-of-oud"],
    }
    assert mee["href"] == "../aanbod/mee-drechtsteden/logeerzorg-mee-plus/"
    assert mee["phone"]["href"].startswith("tel:+31")
    assert mee["facts"].startswith("Voor: Niet-aangeboren hersenletsel (NAH), Lichamelijke ziekte")
    nationwide = files["keuzehulp/aanbod/landelijk.json"]
    assert "respijtvorm-logeeropvang" not in nationwide
    # Every offer in a file is one that Python itself would show for that municipality.
    for path, content in files.items():
        area = path.rsplit("/", 1)[1].removesuffix(".json")
        for option in ADVISOR.options:
            expected = [offer.key for offer, _ in ADVISOR.offers_in(option, area)]
            assert [o["key"] for o in content.get(option.key, [])] == expected


def test_stopped_services_are_left_out_and_closed_ones_marked() -> None:
    files = dict(GuideSite(EXAMPLE.catalogue).offers_files())
    offers = {o["key"]: o for content in files.values() for group in content.values() for o in group}
    assert offers["het-parkhuis/tijdelijke-dagopvang-dementie"]["closed"] is True
    assert offers["de-mantelaar/blokzorg"]["closed"] is False
    stopped = {o.key for o in EXAMPLE.catalogue.offers if not o.active}
    assert not stopped & set(offers)


def test_mini_site_leaves_out_default_rules_for_forms_it_lacks() -> None:
    mini = load(MINI)
    assert mini.problems == []
    advisor = Advisor(mini.catalogue.guide.guide, mini.catalogue)  # type: ignore[union-attr]
    assert [o.key for o in advisor.options] == [
        "respijtvorm-dagopvang",
        "respijtvorm-logeeropvang",
        "functie-emotionele-steun",
        "functie-educatie",
    ]


def test_page_carries_the_compiled_conditions() -> None:
    body = guide_body(EXAMPLE.catalogue, "https://example.org/mantelkaart/") or ""
    for option in ADVISOR.options:
        assert f'data-mk-option="{option.key}"' in body
    found = [json.loads(html.unescape(v)) for v in re.findall(r'data-mk-when="([^"]*)"', body)]
    cases = sum(len(o.cases) for o in ADVISOR.options)
    regulations = sum(len(o.regulations) for o in ADVISOR.options)
    payments = sum(len(o.payments) for o in ADVISOR.options)
    assert len(found) == cases + regulations + payments  # offers are in the files of the municipalities
    assert {"pauze": ["nacht", "vakantie"], "waar": ["buitenshuis"]} in found
    asked_after = [json.loads(html.unescape(v)) for v in re.findall(r'data-mk-only-if="([^"]*)"', body)]
    assert asked_after == [
        {"pauze": ["dag", "nacht", "uitval", "uren", "vakantie"]},
        {"pauze": ["dag", "uren"]},
    ]
    assert 'action="./"' in body and 'method="get"' in body


def test_editors_text_in_the_guide_is_escaped(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>\"' & {{ 7*7 }}"
    data = parse_text(default_text())
    data["titel"] = hostile
    kind = next(a for q in data["vragen"] for a in q.get("antwoorden", []) if a["id"] == "kind")
    kind["label"] = kind["zin"] = hostile
    data["regels"][0]["conclusie"] = hostile
    folder = copy_site(REPO, tmp_path)
    (folder / GUIDE_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dataset = load(folder)
    assert dataset.problems == []
    body = guide_body(dataset.catalogue) or ""
    assert "<script>alert" not in body
    assert body.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4
    assert "{{ 7*7 }}" in html.unescape(body) and "49" not in body


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_site(REPO, tmp_path_factory.mktemp("guide-site"))
    result = run_cli("build", "--strict", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "site"


def test_guide_page_is_built_in_the_nav_and_linked_from_home(built: Path) -> None:
    page = (built / "keuzehulp" / "index.html").read_text(encoding="utf-8")
    assert "Keuzehulp respijtzorg" in page
    assert (built / "assets/mantelkaart/keuzehulp.js").is_file()
    assert (built / "assets/mantelkaart/keuzehulp.css").is_file()
    offers = json.loads((built / "keuzehulp/aanbod/dordrecht.json").read_text(encoding="utf-8"))
    assert "respijtvorm-logeeropvang" in offers
    assert "assets/mantelkaart/keuzehulp.js" in page and "assets/mantelkaart/keuzehulp.css" in page
    home = (built / "index.html").read_text(encoding="utf-8")
    assert '<a href="keuzehulp/" class="md-nav__link">' in home
    assert re.search(r'<a class="md-button md-button--primary" href="keuzehulp/">', home)


def test_field_reference_lists_every_guide_field(built: Path) -> None:
    page = (built / "redactie/velden/index.html").read_text(encoding="utf-8")
    schema = Guide.model_json_schema(by_alias=True)

    def paths(node: dict[str, object], prefix: str = "") -> set[str]:
        found: set[str] = set()
        if "$ref" in node:
            node = schema["$defs"][str(node["$ref"]).rsplit("/", 1)[-1]]
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            return paths(node["items"], prefix[:-1] + "[].")  # type: ignore[arg-type]
        for name, child in node.get("properties", {}).items():  # type: ignore[union-attr]
            found |= {prefix + name, *paths(child, prefix + name + ".")}
        return found

    fields = paths(schema)
    assert {"regels[].als", "vragen[].antwoorden[].zin", "vragen[].soort"} <= fields
    for path in fields:
        assert f'<tr id="keuzehulp-{path}">' in page, path
    assert "Het standaardbestand" in page and "regels:" in page


def test_the_editors_guide_example_is_a_valid_guide(tmp_path: Path) -> None:
    text = (REPO / "docs" / "redactie" / "index.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# keuzehulp\.yaml\n.*?)```", text, re.S)
    assert example, "the editors' guide has no keuzehulp.yaml example"
    folder = copy_site(REPO, tmp_path)
    (folder / GUIDE_FILE).write_text(example.group(1), encoding="utf-8")
    dataset = load(folder)
    assert dataset.problems == [], "\n".join(p.text() for p in dataset.problems)
    assert dataset.catalogue.guide is not None and dataset.catalogue.guide.relpath == GUIDE_FILE


def test_a_guide_without_a_municipality_question_lists_every_offer(tmp_path: Path) -> None:
    data = parse_text(default_text())
    data["vragen"] = [q for q in data["vragen"] if q.get("soort") != "gemeente"]
    folder = copy_site(REPO, tmp_path)
    (folder / GUIDE_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    dataset = load(folder)
    assert dataset.problems == []
    site = GuideSite(dataset.catalogue)
    files = dict(site.offers_files())
    assert list(files) == ["keuzehulp/aanbod/landelijk.json"]
    logeren = files["keuzehulp/aanbod/landelijk.json"]["respijtvorm-logeeropvang"]
    assert len(logeren) == 3  # all of them, wherever their clients live
    assert 'data-mk-area=""' in site.body()


# --- v2: who the caregiver and the person cared for are -------------------------------------

DAUGHTER = {  # working, her father (over 65) has dementia, a weekend off, Dordrecht
    "wie": "zelf", "mantelzorger": "25-of-ouder", "werk": "ja", "naaste": "oudere", "wat": "dementie",
    "pauze": "nacht", "waar": "buitenshuis", "gemeente": "dordrecht",
}  # fmt: skip
PARENT = {  # a parent in Zwijndrecht of a child with a disability, a few hours at home
    "wie": "zelf", "mantelzorger": "25-of-ouder", "naaste": "kind", "wat": "verstandelijke-beperking",
    "pauze": "uren", "waar": "thuis", "gemeente": "zwijndrecht",
}  # fmt: skip
TEENAGER = {  # 16, caring for an ill mother in Sliedrecht
    "wie": "zelf", "mantelzorger": "jonger-dan-18", "werk": "nee", "naaste": "volwassene",
    "wat": "ziek-of-oud", "pauze": "uren", "waar": "thuis", "gemeente": "sliedrecht",
}  # fmt: skip


def everything(answers: dict[str, str]) -> tuple[set[str], set[str], set[str], set[str]]:
    """(option keys, offer keys, regulation ids, payers of ways of paying) shown for ``answers``."""
    fits = ADVISOR.advise(answers).fits
    return (
        {fit.option.key for fit in fits},
        {offer.key for fit in fits for offer in fit.offers},
        {rid for fit in fits for rid, _ in fit.regulations},
        {payment.by for fit in fits for payment in fit.payments},
    )


def test_a_night_or_a_weekend_away_offers_logeren_holidays_and_night_care() -> None:
    options, *_ = everything({"pauze": "nacht"})
    assert {
        "respijtvorm-logeeropvang", "respijtvorm-mantelzorgvakantie", "respijtvorm-nacht-en-weekendzorg",
    } <= options  # fmt: skip
    label = ADVISOR.question("pauze").label("nacht")
    assert label == "Een nacht of een weekend weg"


def test_the_working_daughter_gets_logeren_in_dordrecht_and_nothing_for_children() -> None:
    options, offers, _, payers = everything(DAUGHTER)
    assert {"de-merwelanden/logeerzorg", "het-parkhuis/logeerzorg"} <= offers
    assert "mee-drechtsteden/logeerzorg-mee-plus" not in offers  # not for dementia
    assert "jeugdwet" not in payers  # her father is no child
    assert not any(
        EXAMPLE.catalogue.offer(key).service.target_groups == ["jonge-mantelzorgers"] for key in offers
    )
    assert "functie-emotionele-steun" not in options  # young carers' support is for young carers


def test_the_parent_of_a_child_gets_the_jeugdwet_and_not_the_adult_wmo() -> None:
    options, offers, regulations, payers = everything(PARENT)
    assert "respijtvorm-zorgoppas" in options and "zorgoppas/zorgoppas" in offers
    assert "jeugdwet" in payers and "wmo" not in payers
    # Zwijndrecht's Wmo respite care is a Wmo provision (grondslag: wmo): for adults
    assert EXAMPLE.catalogue.regulations["wmo-respijtzorg-zwijndrecht"].legal_basis == "wmo"
    assert "wmo-respijtzorg-zwijndrecht" not in regulations
    adult = everything({**PARENT, "naaste": "volwassene", "pauze": "nacht", "waar": "buitenshuis"})
    assert "wmo-respijtzorg-zwijndrecht" in adult[2]


def test_the_young_carer_gets_the_young_carers_club_and_no_offer_for_adults() -> None:
    _, offers, _, _ = everything(TEENAGER)
    assert "steunpunt-mantelzorg-voorbeeldwaard/jonge-mantelzorgers" in offers
    for key in offers:
        caregiver = EXAMPLE.catalogue.offer(key).service.audience
        minimum = caregiver.caregiver.min_age if caregiver and caregiver.caregiver else None
        assert minimum is None or minimum < 18, key
    assert "respijtvorm-mantelzorgvakantie" not in everything({**TEENAGER, "pauze": "nacht"})[0]


def test_the_referrer_gets_the_same_outcome() -> None:
    assert everything({**DAUGHTER, "wie": "doorverwijzen"}) == everything(DAUGHTER)
    note = next(c.note for c in ADVISOR.question("wie").choices if c.id == "doorverwijzen")
    assert note and "link" in note


def all_answers(seed: int, count: int) -> list[dict[str, str]]:
    import random

    chance = random.Random(seed)
    values = {ask.id: ["", *(c.id for c in ask.choices)] for ask in ADVISOR.questions}
    return [{q: chance.choice(v) for q, v in values.items()} for _ in range(count)]


def test_no_law_or_offer_for_another_age_in_any_outcome() -> None:
    from mantelkaart.keuzehulp.audience import LAW_AGES

    catalogue = EXAMPLE.catalogue
    checked = 0
    for raw in all_answers(20261204, 600):
        answers = ADVISOR.answers(raw)
        naaste = answers.get("naaste")
        carer = answers.get("mantelzorger")
        for fit in ADVISOR.advise(answers).fits:
            for payment in fit.payments:
                if naaste == "kind":
                    assert payment.by != "wmo"
                elif naaste:
                    assert payment.by != "jeugdwet"
            for rid, _ in fit.regulations:
                law = catalogue.regulations[rid].legal_basis
                assert not (naaste == "kind" and law == "wmo") and not (
                    naaste and naaste != "kind" and law == "jeugdwet"
                )
            for offer in fit.offers:
                checked += 1
                audience = offer.service.audience
                if carer == "jonger-dan-18" and audience and audience.caregiver:
                    assert (audience.caregiver.min_age or 0) < 18, offer.key
                if carer == "25-of-ouder":
                    assert offer.service.target_groups != ["jonge-mantelzorgers"], offer.key
                if naaste and naaste != "kind":
                    assert set(offer.service.cost.paid_by) - {"pgb"} != {"jeugdwet"}, offer.key
                    assert "kinderen-met-beperking" not in offer.service.target_groups or (
                        "iedereen" in offer.service.target_groups
                    ), offer.key
    assert checked > 500 and set(LAW_AGES) == {"jeugdwet", "wmo"}


def test_questions_asked_only_after_some_answers() -> None:
    assert ADVISOR.answers({"pauze": "praten", "waar": "thuis", "hoe-vaak": "vast"}) == {"pauze": "praten"}
    assert ADVISOR.answers({"pauze": "nacht", "waar": "thuis", "hoe-vaak": "vast"}) == {
        "pauze": "nacht",
        "waar": "thuis",
    }
    assert ADVISOR.answers({"waar": "thuis"}) == {}  # not asked without a break chosen


def test_ages_from_records_and_laws() -> None:
    from mantelkaart.keuzehulp.audience import Ages, ages, combined, payer_ages

    assert payer_ages(["jeugdwet", "pgb"]) == Ages(0, 17)
    assert payer_ages(["wmo"]) == Ages(18, 120)
    assert payer_ages(["wmo", "jeugdwet"]) is None  # both laws: every age
    assert payer_ages(["wmo", "eigen-kosten"]) is None  # anyone can pay themselves
    assert payer_ages(["pgb"]) is None
    assert ages(None, None) is None and ages(18, None) == Ages(18, 120)
    assert combined(Ages(6, 17), Ages(18, 120)) == Ages(18, 17)  # empty: fits nobody
    assert not Ages(18, 17).overlaps(Ages(0, 120))


def test_the_introduction_names_only_answers_and_buttons_that_exist() -> None:
    guide = EXAMPLE.catalogue.guide.guide  # type: ignore[union-attr]
    quoted = re.findall(r"'([^']+)'", guide.intro)
    assert quoted, "the introduction quotes no answer"
    labels = {q.no_answer for q in guide.questions} | {a.label for q in guide.questions for a in q.answers}
    body = guide_body(EXAMPLE.catalogue) or ""
    for text in quoted:
        assert text in labels or f">{text}</button>" in body or f'data-next="{text}"' in body, text
    assert all(q.no_answer.casefold().startswith(("weet ik niet", "maakt niet uit", "iets anders"))
               for q in guide.questions)  # fmt: skip
    assert all("weet ik niet" in q.no_answer.casefold() for q in guide.questions)
