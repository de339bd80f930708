"""keuzehulp.yaml fed garbage: every bad input gives a Dutch problem with file, line, column and field."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from recordkit import MKDOCS_YML, Site, assert_dutch, dump, errors_in, line_of, load, one, write_site

from mantelkaart.core import dataset as dataset_module
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.guide_file import GUIDE_FILE
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.core.problems import Problem

from support import MINI, copy_site, run_cli

GUIDE = GUIDE_FILE


def guide(**changes: Any) -> dict[str, Any]:
    """A small valid guide for the base set of conftest (two respite forms, three municipalities)."""
    data: dict[str, Any] = {
        "titel": "Keuzehulp",
        "inleiding": "Beantwoord een paar vragen.",
        "vragen": [
            {
                "id": "pauze",
                "vraag": "Wat voor pauze zoekt u?",
                "antwoorden": [
                    {"id": "uren", "label": "Een paar uur", "zin": "U zoekt een pauze van een paar uur."},
                    {"id": "nacht", "label": "Een nacht", "zin": "U zoekt een pauze van een nacht."},
                ],
            },
            {
                "id": "voor",
                "vraag": "Voor wie zorgt u?",
                "antwoorden": [
                    {
                        "id": "dementie",
                        "label": "Iemand met dementie",
                        "zin": "U zorgt voor iemand met dementie.",
                        "doelgroepen": ["dementie"],
                    },
                    {
                        "id": "kind",
                        "label": "Mijn kind",
                        "zin": "U zorgt voor uw kind.",
                        "doelgroepen": ["kinderen-met-beperking"],
                    },
                ],
            },
            {"id": "gemeente", "vraag": "Waar woont uw naaste?", "soort": "gemeente"},
        ],
        "regels": [
            {"respijtvorm": "logeeropvang", "als": {"pauze": ["nacht"]}, "conclusie": "Logeeropvang past."},
            {
                "respijtvorm": "vervangende-mantelzorg-aan-huis",
                "als": {"pauze": ["uren"], "gemeente": ["dordrecht"]},
                "conclusie": "Vervangende mantelzorg past.",
            },
            {"functie": "emotionele-steun", "conclusie": "Er zijn mensen die luisteren."},
        ],
    }
    data.update(changes)
    return data


def problems_with(site: Site, content: str | bytes) -> list[Problem]:
    return site.load({GUIDE: content}).problems


def error(
    site: Site, data: dict[str, Any] | str, field: str, needle: str | None = None, nth: int = 1
) -> Problem:
    """The one error in keuzehulp.yaml at ``field``; on the line of ``needle`` if given."""
    text = data if isinstance(data, str) else dump(data)
    problem = one(problems_with(site, text), GUIDE, field)
    assert problem.file == GUIDE
    assert problem.column >= 1
    if needle is not None:
        assert problem.line == line_of(text, needle, nth), problem.text()
    return problem


def changed(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = guide()
    target: Any = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


# --- the good cases -----------------------------------------------------------------


def test_valid_site_guide_has_no_problems(site: Site) -> None:
    dataset = site.load({GUIDE: dump(guide())})
    assert dataset.problems == [], "\n".join(p.text() for p in dataset.problems)
    assert dataset.catalogue.guide is not None
    assert dataset.catalogue.guide.relpath == GUIDE
    assert dataset.catalogue.guide.guide.title == "Keuzehulp"


def test_without_a_site_guide_the_default_is_used_without_problems(site: Site) -> None:
    dataset = site.load()
    assert dataset.problems == []
    source = dataset.catalogue.guide
    assert source is not None and source.relpath is None
    forms = {rule.respite_form for rule in source.guide.rules} - {None}
    assert forms == {"logeeropvang", "vervangende-mantelzorg-aan-huis"}  # the others do not exist here


def test_every_example_in_the_guide_schema_is_valid(site: Site) -> None:
    from recordkit import example_record

    from mantelkaart.core.guide_schema import Guide

    data = example_record(Guide)
    data["vragen"][0]["antwoorden"].append({"id": "vakantie", "label": "Vakantie", "zin": "U wilt weg."})
    data["regels"][0]["als"] = {"pauze": ["nacht"]}
    data["vragen"][0].pop("gemeenten")
    data["regels"][0].pop("functie")
    # 'alleen_als' names an earlier question: a second question asked after the example's answers
    follow_up = copy.deepcopy({**data["vragen"][0], "id": "waar", "vraag": "Waar?", "over": "mantelzorger"})
    data["vragen"][0].pop("alleen_als")
    data["vragen"].append(follow_up)
    dataset = site.load({GUIDE: dump(data)})
    assert dataset.problems == [], "\n".join(p.text() for p in dataset.problems)


# --- files that are no guide ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("titel: [niet afgesloten\n", "De YAML is ongeldig"),
        ("titel: a\ntitel: b\n", "twee keer"),
        ("titel: &x a\ninleiding: *x\n", "ankers"),
        ("titel: !!python/object:os.system a\n", "tag"),
        ("titel: a\n---\ntitel: b\n", "meer dan één YAML-document"),
        (b"titel: \x00\x01", "geen tekstbestand"),
        (b"titel: \xff\xfe\n", "UTF-8"),
        (b"#" * 1_100_000, "te groot"),
        ("", "geen keuzehulp"),
        ("- titel\n- vragen\n", "geen keuzehulp"),
        ("gewoon een zin\n", "geen keuzehulp"),
        ("a: " + "[" * 200 + "]" * 200 + "\n", "te diep"),
    ],
)
def test_files_that_are_no_guide(site: Site, content: str | bytes, needle: str) -> None:
    problem = one(problems_with(site, content), GUIDE)
    assert needle in problem.message, problem.text()


def test_a_folder_named_keuzehulp_yaml(site: Site) -> None:
    root = site.write()
    (root / GUIDE).mkdir()
    problem = one(load(root).problems, GUIDE)
    assert "map" in problem.message


# --- the schema ------------------------------------------------------------------------------


def test_missing_required_field(site: Site) -> None:
    data = guide()
    del data["titel"]
    assert "verplicht" in error(site, data, "titel").message


def test_unknown_field_suggests_the_right_name(site: Site) -> None:
    data = guide()
    data["vraagen"] = data.pop("vragen")
    problems = errors_in(problems_with(site, dump(data)), GUIDE)
    unknown = next(p for p in problems if p.field == "vraagen")
    assert unknown.hint == "Bedoelde u 'vragen'?"
    assert {p.field for p in problems} == {"vraagen", "vragen"}


def test_unknown_field_in_an_answer(site: Site) -> None:
    data = guide()
    data["vragen"][0]["antwoorden"][1]["zinn"] = "x"
    problem = error(site, data, "vragen[1].antwoorden[2].zinn", "zinn:")
    assert problem.hint == "Bedoelde u 'zin'?"


@pytest.mark.parametrize(
    ("path", "value", "field", "words"),
    [
        (("vragen",), "pauze", "vragen", "lijst"),
        (("vragen",), [], "vragen", "leeg"),
        (("vragen", 0), "Wat voor pauze?", "vragen[1]", "velden"),
        (("vragen", 0, "id"), "Pauze!", "vragen[1].id", "geen geldige id"),
        (("vragen", 0, "soort"), "meerkeuze", "vragen[1].soort", "geen toegestane waarde"),
        (("vragen", 0, "vraag"), "Twee\nregels", "vragen[1].vraag", "één regel"),
        (("vragen", 0, "antwoorden", 0, "label"), None, "vragen[1].antwoorden[1].label", "tekst"),
        (
            ("vragen", 1, "antwoorden", 0, "doelgroepen"),
            "dementie",
            "vragen[2].antwoorden[1].doelgroepen",
            "lijst",
        ),
        (("regels",), {"respijtvorm": "logeeropvang"}, "regels", "lijst"),
        (("regels", 0, "als"), "pauze", "regels[1].als", "velden"),
        (("regels", 0, "als"), {"pauze": "nacht"}, "regels[1].als.pauze", "lijst"),
        (("regels", 0, "als"), {"pauze": ["Nacht!"]}, "regels[1].als.pauze[1]", "geen geldige id"),
        (("regels", 0, "conclusie"), "x" * 201, "regels[1].conclusie", "te lang"),
        (("regels", 0, "conclusie"), "Past\u202e", "regels[1].conclusie", "stuurtekens"),
        (("inleiding",), ["a"], "inleiding", "tekst"),
    ],
)
def test_wrong_values(site: Site, path: tuple[str | int, ...], value: Any, field: str, words: str) -> None:
    problem = error(site, changed(path, value), field)
    assert words in problem.message, problem.text()


def test_too_many_questions(site: Site) -> None:
    question = guide()["vragen"][0]
    questions = [dict(copy.deepcopy(question), id=f"vraag-{n}") for n in range(13)]
    assert "te lang" in error(site, guide(vragen=questions), "vragen").message


def test_unknown_target_group_with_suggestion(site: Site) -> None:
    data = changed(("vragen", 1, "antwoorden", 0, "doelgroepen"), ["dementi"])
    problem = error(site, data, "vragen[2].antwoorden[1].doelgroepen[1]", "- dementi")
    assert problem.message == "'dementi' staat niet in de lijst 'doelgroepen'."
    assert problem.hint == "Bedoelde u 'dementie'?"


def test_unknown_function_with_suggestion(site: Site) -> None:
    data = changed(("regels", 2, "functie"), "emotionele-stuen")
    problem = error(site, data, "regels[3].functie", "functie: emotionele-stuen")
    assert problem.hint == "Bedoelde u 'emotionele-steun'?"


def test_unknown_municipality_in_a_municipality_question(site: Site) -> None:
    data = changed(("vragen", 2, "gemeenten"), ["dordrecht", "rotterdam"])
    problem = error(site, data, "vragen[3].gemeenten[2]", "- rotterdam")
    assert "hoort niet bij deze regio" in problem.message


# --- references inside the file and to the records ----------------------------------------


def test_duplicate_question_id(site: Site) -> None:
    data = changed(("vragen", 1, "id"), "pauze")
    problem = error(site, data, "vragen[2].id", "id: pauze", 2)
    assert "twee keer" in problem.message


def test_duplicate_answer_id(site: Site) -> None:
    data = changed(("vragen", 0, "antwoorden", 1, "id"), "uren")
    problem = error(site, data, "vragen[1].antwoorden[2].id", "id: uren", 2)
    assert "twee keer" in problem.message


def test_choice_question_needs_two_answers(site: Site) -> None:
    data = guide()
    data["vragen"][0]["antwoorden"].pop()
    data["regels"][0]["als"] = {"pauze": ["uren"]}
    problem = error(site, data, "vragen[1].antwoorden", "antwoorden:")
    assert "minstens twee" in problem.message


def test_municipality_question_has_no_own_answers(site: Site) -> None:
    answers = [{"id": "dordrecht", "label": "Dordrecht", "zin": "U woont in Dordrecht."}]
    problem = error(
        site, changed(("vragen", 2, "antwoorden"), answers), "vragen[3].antwoorden", "antwoorden:", 3
    )
    assert "geen eigen antwoorden" in problem.message


def test_only_one_municipality_question(site: Site) -> None:
    data = guide()
    data["vragen"].append({"id": "woonplaats", "vraag": "Waar woont u?", "soort": "gemeente"})
    problem = error(site, data, "vragen[4].soort", "soort: gemeente", 2)
    assert "al een vraag" in problem.message


def test_municipalities_only_on_a_municipality_question(site: Site) -> None:
    problem = error(
        site, changed(("vragen", 0, "gemeenten"), ["dordrecht"]), "vragen[1].gemeenten", "gemeenten:"
    )
    assert "soort: gemeente" in problem.message


@pytest.mark.parametrize(
    ("municipalities", "words"), [(["landelijk"], "landelijk"), (["dordrecht"] * 2, "twee keer")]
)
def test_bad_municipality_list(site: Site, municipalities: list[str], words: str) -> None:
    data = changed(("vragen", 2, "gemeenten"), municipalities)
    problems = errors_in(problems_with(site, dump(data)), GUIDE)
    assert [words in p.message for p in problems] == [True], "\n".join(p.text() for p in problems)
    assert_dutch(problems[0])


def test_municipality_question_without_municipalities_in_the_config(site: Site) -> None:
    config = MKDOCS_YML.split("      municipalities:")[0]
    root = site.write({"mkdocs.yml": config, GUIDE: dump(guide(regels=[guide()["regels"][0]]))})
    problem = one(load(root).problems, GUIDE, "vragen[3].soort")
    assert "geen gemeenten" in problem.message


def test_rule_with_both_a_form_and_a_function(site: Site) -> None:
    data = changed(("regels", 0, "functie"), "emotionele-steun")
    assert "óf" in error(site, data, "regels[1]").message


def test_rule_with_neither_a_form_nor_a_function(site: Site) -> None:
    data = guide()
    del data["regels"][2]["functie"]
    assert "óf" in error(site, data, "regels[3]").message


def test_unknown_respite_form_with_suggestion(site: Site) -> None:
    data = changed(("regels", 0, "respijtvorm"), "logeeropvan")
    problem = error(site, data, "regels[1].respijtvorm", "respijtvorm: logeeropvan")
    assert problem.message == "De respijtvorm 'logeeropvan' bestaat niet."
    assert problem.hint == "Bedoelde u 'logeeropvang'?"


def test_unknown_respite_form_without_suggestion(site: Site) -> None:
    data = changed(("regels", 0, "respijtvorm"), "zwemles")
    assert "respite-forms/zwemles.yaml" in error(site, data, "regels[1].respijtvorm").hint


def test_rule_naming_a_broken_form_reports_only_the_broken_form(site: Site) -> None:
    problems = site.load({GUIDE: dump(guide()), "respite-forms/logeeropvang.yaml": "naam: [kapot\n"}).problems
    assert errors_in(problems, GUIDE) == []
    assert errors_in(problems, "respite-forms/logeeropvang.yaml")


def test_rule_with_unknown_question(site: Site) -> None:
    data = changed(("regels", 0, "als"), {"pauz": ["nacht"]})
    problem = error(site, data, "regels[1].als.pauz", "pauz:")
    assert problem.message == "De vraag 'pauz' bestaat niet."
    assert problem.hint == "Bedoelde u 'pauze'?"


def test_rule_with_unknown_answer(site: Site) -> None:
    data = changed(("regels", 0, "als"), {"pauze": ["uren", "nachten"]})
    problem = error(site, data, "regels[1].als.pauze[2]", "- nachten")
    assert problem.message == "Het antwoord 'nachten' hoort niet bij de vraag 'pauze'."
    assert problem.hint == "Bedoelde u 'nacht'?"


def test_rule_with_answer_of_another_question(site: Site) -> None:
    data = changed(("regels", 0, "als"), {"pauze": ["dementie"]})
    problem = error(site, data, "regels[1].als.pauze[1]", "- dementie", 2)
    assert problem.hint == "Kies uit: uren, nacht."


def test_rule_with_empty_answer_list(site: Site) -> None:
    data = changed(("regels", 0, "als"), {"pauze": []})
    assert "leeg" in error(site, data, "regels[1].als.pauze", "pauze: []").message


def test_rule_with_municipality_outside_the_question(site: Site) -> None:
    data = changed(("vragen", 2, "gemeenten"), ["zwijndrecht", "papendrecht"])
    problem = error(site, data, "regels[2].als.gemeente[1]", "- dordrecht")
    assert "hoort niet bij de vraag 'gemeente'" in problem.message


def test_all_problems_at_once(site: Site) -> None:
    data = guide()
    data["regels"][0]["respijtvorm"] = "zwemles"
    data["regels"][1]["als"] = {"pauz": ["uren"]}
    data["vragen"][1]["id"] = "pauze"
    problems = errors_in(problems_with(site, dump(data)), GUIDE)
    assert len(problems) == 3
    for problem in problems:
        assert_dutch(problem)


# --- where the problems show up: validate, build, the parallel check ----------------------


def test_validate_reports_guide_problems_with_file_line_and_field(tmp_path: Path) -> None:
    text = dump(changed(("regels", 0, "respijtvorm"), "logeeropvan"))
    root = write_site(tmp_path, {GUIDE: text})
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    line = line_of(text, "respijtvorm: logeeropvan")
    assert f"keuzehulp.yaml:{line}:" in result.stdout
    assert (
        "regels[1].respijtvorm: De respijtvorm 'logeeropvan' bestaat niet. (Bedoelde u 'logeeropvang'?)"
        in (result.stdout)
    )


def test_build_stops_on_a_broken_guide_and_keeps_the_previous_site(tmp_path: Path) -> None:
    root = copy_site(MINI, tmp_path)
    rules = [guide()["regels"][0], guide()["regels"][2]]  # the mini site has no vervangende mantelzorg
    (root / GUIDE).write_text(dump(guide(regels=rules)), encoding="utf-8")
    assert run_cli("build", cwd=root).returncode == 0
    page = root / "site" / "keuzehulp" / "index.html"
    before = page.read_bytes()
    (root / GUIDE).write_text(dump(changed(("regels", 0, "als"), {"pauz": ["nacht"]})), encoding="utf-8")
    result = run_cli("build", cwd=root)
    assert result.returncode == 1
    assert "keuzehulp.yaml" in result.stderr and "regels[1].als.pauz" in result.stderr
    assert page.read_bytes() == before


def test_parallel_check_reports_guide_problems_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_site(tmp_path, {GUIDE: dump(changed(("regels", 0, "respijtvorm"), "zwemles"))})
    monkeypatch.setattr(dataset_module, "PARALLEL_FROM", 1)
    config, data_root = site_config(root / "mkdocs.yml")
    checked = Dataset.check(data_root, config, workers=2)
    assert [p.field for p in checked.problems] == ["regels[1].respijtvorm"]


# --- v2: ages, questions asked after some answers ---------------------------------------


def test_ages_of_an_answer_need_a_question_about_someone(site: Site) -> None:
    data = changed(("vragen", 1, "antwoorden", 1, "leeftijd"), {"tot_en_met": "17"})
    problem = error(site, data, "vragen[2].antwoorden[2].leeftijd", "leeftijd:")
    assert "'over'" in problem.message
    data["vragen"][1]["over"] = "naaste"
    assert problems_with(site, dump(data)) == []


def test_ages_in_the_wrong_order(site: Site) -> None:
    data = changed(("vragen", 1, "antwoorden", 1, "leeftijd"), {"vanaf": "18", "tot_en_met": "17"})
    data["vragen"][1]["over"] = "naaste"
    problem = error(site, data, "vragen[2].antwoorden[2].leeftijd", "leeftijd:")
    assert "lager" in problem.message
    assert_dutch(problem)


def test_unknown_person_a_question_is_about(site: Site) -> None:
    problem = error(site, changed(("vragen", 1, "over"), "buurman"), "vragen[2].over", "over:")
    assert_dutch(problem)


def test_only_if_names_an_earlier_question_and_its_answers(site: Site) -> None:
    later = changed(("vragen", 0, "alleen_als"), {"voor": ["kind"]})
    problem = error(site, later, "vragen[1].alleen_als.voor", "voor:")
    assert "niet vóór deze vraag" in problem.message
    unknown = changed(("vragen", 1, "alleen_als"), {"pauze": ["nacht", "weekend"]})
    problem = error(site, unknown, "vragen[2].alleen_als.pauze[2]", "- weekend")
    assert "hoort niet bij de vraag 'pauze'" in problem.message and problem.hint == "Kies uit: uren, nacht."
    fine = changed(("vragen", 1, "alleen_als"), {"pauze": ["nacht"]})
    assert problems_with(site, dump(fine)) == []


def test_the_guides_own_url_parameter_is_no_question_id(site: Site) -> None:
    data = changed(("vragen", 1, "id"), "stap")
    data["regels"] = [r for r in data["regels"] if "voor" not in r.get("als", {})]
    problem = error(site, data, "vragen[2].id", "id: stap")
    assert "webadres" in problem.message
