"""Issue 13, item 3: one run of `mantelkaart validate` reports every problem, in Dutch.

A record with nine mistakes (tests/fixtures/records/zorgboerderij-de-wilg.yaml) gets all nine
in one run: field errors, the checks of a time span with a wrong day, and its references
(respijtvorm, locaties, volgende_stap.door), although the record has field errors. A file
with a YAML error hides no other file's checks. The messages use Dutch lists and plurals,
hint at 16:00 for "16", at 'dementie' for "alzheimer" and at the `tijden:` shape; the help of
the command line is Dutch.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from recordkit import dump, load, provider, regulation, respite_form, service, write_site

from mantelkaart.cli import dutch_error
from mantelkaart.core.dates import time_guess
from mantelkaart.core.problems import count, dutch_list, suggest

TESTS = Path(__file__).parent
WILG = TESTS / "fixtures" / "records" / "zorgboerderij-de-wilg.yaml"
TODAY = "2026-11-23"
FILE = "providers/zorgboerderij-de-wilg.yaml"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


def site_with_wilg(tmp_path: Path, **files: str) -> Path:
    return write_site(
        tmp_path,
        {
            FILE: WILG.read_text(encoding="utf-8"),
            "respite-forms/dagopvang.yaml": dump(respite_form(naam="Dagopvang")),
            **files,
        },
    )


def line_of(text: str, needle: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text[: text.index(needle, start)].count("\n") + 1


# (field, what the message and hint say, the line's text in the fixture)
NINE = [
    ("locaties[1].postcode", "'33111 AB' is geen geldige Nederlandse postcode.", "postcode: 33111 AB"),
    (
        "diensten[1].respijtvorm",
        "De respijtvorm 'dagopvnag' bestaat niet. (Bedoelde u 'dagopvang'?)",
        "respijtvorm:",
    ),
    (
        "diensten[1].doelgroepen[1]",
        "'alzheimer' staat niet in de lijst 'doelgroepen'. (Bedoelde u 'dementie'? "
        "'alzheimer' is een zoekwoord bij 'dementie'.)",
        "doelgroepen:",
    ),
    (
        "diensten[1].locaties[1]",
        "De locatie 'boerdrij' bestaat niet bij deze aanbieder. (Bedoelde u 'boerderij'?)",
        "locaties: [boerdrij]",
    ),
    (
        "diensten[1].openingstijden.tijden[1].dagen[1]",
        "'maandag' is geen toegestane waarde. (Bedoelde u 'ma'? Kies uit: ma, di, wo, do, vr, za of zo.)",
        "dagen: [maandag",
    ),
    (
        "diensten[1].openingstijden.tijden[1].van",
        "'16' is geen geldige tijd. (Bedoelde u 16:00? Schrijf de tijd als uu:mm",
        'van: "16"',
    ),
    (
        "diensten[1].openingstijden.tijden[2].dagen[1]",
        "'woensdag' is geen toegestane waarde. (Bedoelde u 'wo'?",
        "dagen: [woensdag]",
    ),
    (
        "diensten[1].openingstijden.tijden[2]",
        "De eindtijd 10:00 ligt niet na de begintijd 14:00.",
        "- dagen: [woensdag]",
    ),
    (
        "diensten[1].volgende_stap.door",
        "De dienst 'gemeente-dordrecht/logeren' bij 'door' bestaat niet. "
        "(Bedoelde u 'gemeente-dordrecht/logeeropvang'?)",
        "door: gemeente-dordrecht/logeren",
    ),
]


def test_nine_mistakes_in_one_run(tmp_path: Path) -> None:
    root = site_with_wilg(tmp_path)
    text = WILG.read_text(encoding="utf-8")
    result = run(root, "validate", "--today", TODAY)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith(FILE)]
    assert len(lines) == 9, result.stdout
    for field, said, where in NINE:
        line = line_of(text, where, after="naam: Zorgboerderij")
        found = [x for x in lines if re.match(rf"{re.escape(FILE)}:{line}:\d+: {re.escape(field)}: ", x)]
        assert len(found) == 1, (field, line, result.stdout)
        assert said in found[0], found[0]
    assert ": 9 fouten, 0 waarschuwingen." in result.stderr
    # also with --strict, and as JSON: the same nine
    assert run(root, "validate", "--today", TODAY, "--strict").stdout == result.stdout
    assert run(root, "validate", "--today", TODAY, "--format", "json").stdout.count(f'"file": "{FILE}"') == 9


def test_fixed_record_is_valid(tmp_path: Path) -> None:
    """The nine, fixed as the hints say, leave nothing: the test above cannot pass on noise."""
    text = WILG.read_text(encoding="utf-8")
    for wrong, right in [
        ("33111 AB", "3311 AB"),
        ("dagopvnag", "dagopvang"),
        ("[alzheimer]", "[dementie]"),
        ("[boerdrij]", "[boerderij]"),
        ("[maandag, di]", "[ma, di]"),
        ('"16"', '"16:00"'),
        ("[woensdag]", "[wo]"),
        ('van: "14:00"\n          tot: "10:00"', 'van: "10:00"\n          tot: "14:00"'),
        ("gemeente-dordrecht/logeren", "gemeente-dordrecht/logeeropvang"),
    ]:
        assert wrong in text
        text = text.replace(wrong, right)
    root = site_with_wilg(tmp_path, **{FILE: text})
    result = run(root, "validate", "--today", TODAY, "--strict")
    assert result.returncode == 0, result.stdout
    assert ": 0 fouten, 0 waarschuwingen." in result.stderr


def test_a_yaml_error_hides_no_other_files_checks(tmp_path: Path) -> None:
    broken = "naam: Kapot\nsoort: [gemeente\n"
    wrong_reference = dump(regulation(respijtvormen=["logeeropvangg"]))
    root = site_with_wilg(
        tmp_path,
        **{"providers/kapot.yaml": broken, "regulations/tweede.yaml": wrong_reference},
    )
    result = run(root, "validate", "--today", TODAY)
    out = result.stdout
    assert re.search(r"^providers/kapot\.yaml:\d+:\d+: ", out, re.M), out
    assert "regulations/tweede.yaml" in out and "De respijtvorm 'logeeropvangg' bestaat niet." in out
    assert len([line for line in out.splitlines() if line.startswith(FILE)]) == 9


def test_references_of_a_record_with_errors(site) -> None:  # type: ignore[no-untyped-def]
    """A regulation with a field error still gets its issuer and respite forms checked; a
    reference to a record whose file exists but has errors is not reported again."""
    data = regulation(
        uitgever="gemeente-dordrech", respijtvormen=["logeeropvang", "logeeropvan"], bedrag="veel"
    )
    dataset = site.load({"regulations/fout.yaml": dump(data)})
    said = {(p.field, p.message, p.hint) for p in dataset.problems if p.file == "regulations/fout.yaml"}
    assert (
        "uitgever",
        "De uitgever 'gemeente-dordrech' bestaat niet.",
        "Bedoelde u 'gemeente-dordrecht'?",
    ) in said
    assert any(f == "respijtvormen[2]" and "'logeeropvan' bestaat niet" in m for f, m, _ in said)
    assert any(f == "bedrag" for f, _, _ in said)
    # a service of a provider that has errors itself: found in its raw data, so not reported
    other = dump(provider(naam="Ander", soort="onbekend", diensten=[service(id="oppas")]))
    mine = dump(provider(diensten=[service(volgende_stap={"door": "ander/oppas"}, doelgroepen=["x"])]))
    dataset = site.load({"providers/ander.yaml": other, "providers/gemeente-dordrecht.yaml": mine})
    assert not [p for p in dataset.problems if "volgende_stap" in p.field], dataset.problems
    mine = dump(provider(diensten=[service(volgende_stap={"door": "ander/opas"}, doelgroepen=["x"])]))
    dataset = site.load({"providers/ander.yaml": other, "providers/gemeente-dordrecht.yaml": mine})
    [step] = [p for p in dataset.problems if "volgende_stap" in p.field]
    assert step.hint == "Bedoelde u 'ander/oppas'?"


def test_consultant_reference_of_a_record_with_errors(site) -> None:  # type: ignore[no-untyped-def]
    mine = dump(provider(diensten=[service(volgende_stap={"door": "consulent"}, werkgebied=["nergens"])]))
    dataset = site.load({"providers/gemeente-dordrecht.yaml": mine})
    assert [p.message for p in dataset.problems if p.field.endswith("volgende_stap.door")] == [
        "Deze site heeft geen consulent."
    ]


def test_valid_record_problems_are_not_doubled(site) -> None:  # type: ignore[no-untyped-def]
    dataset = site.load(
        {"providers/gemeente-dordrecht.yaml": dump(provider(diensten=[service(respijtvorm="x")]))}
    )
    assert [p.field for p in dataset.problems] == ["diensten[1].respijtvorm"]


def test_the_parallel_check_says_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dataset.check (two processes on large sites) reports the same as Dataset.load, also for
    a reference from a record with errors to a service in another batch."""
    from recordkit import TODAY as today

    from mantelkaart.core import dataset
    from mantelkaart.core.mkdocs_yml import site_config

    root = site_with_wilg(tmp_path)
    config, data_root = site_config(root / "mkdocs.yml")
    loaded = dataset.Dataset.load(data_root, config, today=today).problems
    monkeypatch.setattr(dataset, "PARALLEL_FROM", 1)
    monkeypatch.setattr(dataset, "BATCH", 1)  # each file in its own batch
    checked = dataset.Dataset.check(data_root, config, today=today, workers=2).problems
    assert sorted(loaded, key=str) == sorted(checked, key=str)
    assert len([p for p in loaded if p.file == FILE]) == 9


@pytest.mark.parametrize(
    ("text", "guess"),
    [("16", "16:00"), ("9", "09:00"), ("9.30", "09:30"), ("9,30", "09:30"), ("930", "09:30"), ("16 uur", "16:00"),
     ("16u", "16:00"), ("24", "24:00"), ("25", None), ("ochtend", None), ("24.30", None)],
)  # fmt: skip
def test_time_guesses(text: str, guess: str | None) -> None:
    assert time_guess(text) == guess


def test_dutch_lists_and_counts() -> None:
    assert dutch_list(["ma", "di", "zo"]) == "ma, di of zo"
    assert dutch_list(["ja", "nee"], "en") == "ja en nee"
    assert dutch_list(["ja"]) == "ja"
    assert [count(n, "fout", "fouten") for n in (0, 1, 2)] == ["0 fouten", "1 fout", "2 fouten"]
    assert suggest("zaterdag", ["ma", "za", "zo"]) == "Bedoelde u 'za'?"


def test_no_english_or_in_any_choice_list(problems_for) -> None:  # type: ignore[no-untyped-def]
    data = provider(
        diensten=[
            service(
                status="open", openingstijden={"tijden": [{"dagen": ["x"], "van": "9:00", "tot": "10:00"}]}
            )
        ]
    )
    problems = problems_for({"providers/gemeente-dordrecht.yaml": dump(data)})
    hints = [p.hint for p in problems]
    assert "Kies uit: actief, tijdelijk-gesloten of gestopt." in hints
    assert "Kies uit: ma, di, wo, do, vr, za of zo." in hints
    assert not any(" or " in p.hint or " or " in p.message for p in problems)


@pytest.mark.parametrize(
    "hours",
    [
        [{"dagen": ["ma"], "van": "09:00", "tot": "17:00"}],  # the spans without 'tijden:'
        {"dagen": ["ma"], "van": "09:00", "tot": "17:00"},  # a span without 'tijden:'
        {"tijden": {"dagen": ["ma"], "van": "09:00", "tot": "17:00"}},  # a span that is no list
        "ma-vr 9-17",
    ],
)
def test_opening_hours_hint_shows_the_shape(problems_for, hours: object) -> None:  # type: ignore[no-untyped-def]
    problems = problems_for(
        {"providers/gemeente-dordrecht.yaml": dump(provider(diensten=[service(openingstijden=hours)]))}
    )
    about = [p for p in problems if "openingstijden" in p.field]
    assert about, problems
    assert all('tijden: [{dagen: [ma, di], van: "09:00", tot: "17:00"}]' in p.hint for p in about), about


def test_synonym_in_a_site_vocabulary_and_any_case(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "providers/gemeente-dordrecht.yaml": dump(provider(diensten=[service(doelgroepen=["Geheugenproblemen", "mantelzorgers-werk"])])),
        "vocabularies/doelgroepen.yaml": "werkende-mantelzorgers:\n  label: Werkende mantelzorgers\n  synoniemen: [mantelzorgers-werk]\n",
    })  # fmt: skip
    hints = [p.hint for p in load(root).problems]
    assert "Bedoelde u 'dementie'? 'Geheugenproblemen' is een zoekwoord bij 'dementie'." in hints
    assert (
        "Bedoelde u 'werkende-mantelzorgers'? 'mantelzorgers-werk' is een zoekwoord bij 'werkende-mantelzorgers'."
        in hints
    )


def test_singular_and_plural_in_the_summary(tmp_path: Path) -> None:
    data = provider(diensten=[service(indicatie=None)])
    data["diensten"][0].pop("indicatie")
    root = write_site(tmp_path, {"providers/gemeente-dordrecht.yaml": dump(data)})
    result = run(root, "validate", "--today", TODAY)
    assert result.stderr.strip() == "4 records gelezen (1 dienst): 0 fouten, 1 waarschuwing."


ENGLISH = [
    "usage:",
    "positional arguments",
    "options:",
    "show this help",
    "error:",
    "invalid choice",
    "required",
]
COMMANDS = ["validate", "build", "serve", "new", "schema", "report", "stale", "changes", "export", "import"]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_dutch(tmp_path: Path, command: str) -> None:
    result = run(tmp_path, *([command] if command else []), "-h")
    assert result.returncode == 0
    assert result.stdout.startswith("Gebruik: mantelkaart")
    assert "toon deze hulp en stop" in result.stdout and "opties:" in result.stdout
    assert not [word for word in ENGLISH if word in result.stdout.lower()], result.stdout


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "mantelkaart: fout: dit ontbreekt nog: OPDRACHT"),
        (["valideer"], "'valideer' bestaat niet; kies uit validate, build,"),
        (["new", "aanbieder", "X"], "kies uit provider, respite-form of regulation"),
        (["validate", "--streng"], "mantelkaart: fout: onbekend: --streng"),
        (["validate", "--today", "morgen"], "--today: 'morgen' is geen geldige waarde"),
        (["new", "provider"], "dit ontbreekt nog: NAAM"),
    ],
)
def test_usage_errors_are_dutch(tmp_path: Path, args: list[str], said: str) -> None:
    result = run(tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("Gebruik: mantelkaart")
    assert said in result.stderr, result.stderr
    assert not [word for word in ENGLISH if word in result.stderr.lower()], result.stderr


def test_unknown_argparse_message_passes_through() -> None:
    assert dutch_error("something new") == "something new"
