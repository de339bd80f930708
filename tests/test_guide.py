"""The keuzehulp rules engine on the example region, and the page built from it."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from mantelkaart.guide import Advisor, matches
from mantelkaart.guide_file import GUIDE_FILE, default_text
from mantelkaart.guide_page import GuideSite, guide_body
from mantelkaart.guide_schema import Guide
from mantelkaart.loader import parse_text

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
    assert [q.id for q in ADVISOR.questions] == ["voor", "pauze", "waar", "hoe-vaak", "gemeente"]
    assert [c.id for c in ADVISOR.questions[-1].choices] == list(EXAMPLE.config.municipalities)


def test_the_example_from_the_brief() -> None:
    """A night or longer, away from home, dementia, Dordrecht: logeeropvang, and why."""
    result = summary({"voor": "dementie", "pauze": "nacht", "waar": "buitenshuis", "gemeente": "dordrecht"})
    assert list(result) == ["respijtvorm-logeeropvang"]
    reasons, offers, regulations = result["respijtvorm-logeeropvang"]
    assert reasons == [
        "U zoekt een pauze van een nacht of langer.",
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
    result = summary({"voor": "kind", "pauze": "uren", "waar": "thuis", "gemeente": "dordrecht"})
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
    assert len(advice.fits) == len(ADVISOR.options)
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
    assert mee["when"] == {"voor": ["hersenletsel", "ziek-of-oud"]}  # the municipality is the file
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
    ]


def test_page_carries_the_compiled_conditions() -> None:
    body = guide_body(EXAMPLE.catalogue, "https://example.org/mantelkaart/") or ""
    for option in ADVISOR.options:
        assert f'data-mk-option="{option.key}"' in body
    found = [json.loads(html.unescape(v)) for v in re.findall(r'data-mk-when="([^"]*)"', body)]
    cases = sum(len(o.cases) for o in ADVISOR.options)
    regulations = sum(len(o.regulations) for o in ADVISOR.options)
    assert len(found) == cases + regulations  # offers are in the files of the municipalities
    assert {"pauze": ["nacht", "vakantie"], "waar": ["buitenshuis"]} in found
    assert 'action="./"' in body and 'method="get"' in body


def test_editors_text_in_the_guide_is_escaped(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>\"' & {{ 7*7 }}"
    data = parse_text(default_text())
    data["titel"] = hostile
    kind = data["vragen"][0]["antwoorden"][6]
    assert kind["id"] == "kind"  # the zorgoppas rule uses it, so its sentence is on the page
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
