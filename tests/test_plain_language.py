"""Issue 13, item 8: the plain-language check.

`validate` warns (never fails, not even with --strict) when a summary or description has a
sentence of more than 20 words or a hard word from the package's Dutch list (extended per
site by moeilijke-woorden.yaml beside mkdocs.yml), naming the plainer word in the hint.
The editors' report lists the texts with the most warnings. The example data has none.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from recordkit import TODAY, dump, load, provider, regulation, respite_form, service, write_site

from mantelkaart.core.plain_language import HardWords, sentences, text_warnings
from mantelkaart.editors.report import editorial_report, report_text

from support import MINI, REPO, copy_site, run_cli

LONG = (
    "U kunt bij ons terecht als u voor iemand zorgt en daarbij even hulp nodig heeft van een vrijwilliger "
    "uit de buurt."
)  # 22 words
WORDS = HardWords.load(None)


def validate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mantelkaart.cli", "validate", "--today", TODAY.isoformat(), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_long_sentence_and_hard_words() -> None:
    assert len(LONG.split()) == 22
    said = text_warnings(f"Kort. {LONG} Ook kort.", WORDS)
    assert said == [
        (
            "Een zin van 22 woorden: 'U kunt bij ons terecht als …'.",
            "Schrijf zinnen van hoogstens 20 woorden, met één boodschap per zin.",
        )
    ]
    said = text_warnings("De zorgvrager krijgt een maatwerkvoorziening van de gemeente.", WORDS)
    assert said == [
        (
            "'maatwerkvoorziening' is een moeilijk woord.",
            "Schrijf liever: hulp van de gemeente die bij u past.",
        ),
        ("'zorgvrager' is een moeilijk woord.", "Schrijf liever: uw naaste, of de persoon voor wie u zorgt."),
    ]
    # plurals of long words, any case, punctuation around them
    assert [
        m for m, _ in text_warnings("Zorgvragers, (respijtvoorzieningen) en Mantelzorgondersteuning!", WORDS)
    ] == [
        "'mantelzorgondersteuning' is een moeilijk woord.",
        "'respijtvoorzieningen' is een moeilijk woord.",
        "'zorgvragers' is een moeilijk woord.",
    ]
    # a short listed word matches only as written: "indienen" is everyday Dutch, "indien" is not
    assert text_warnings("U kunt de aanvraag indienen bij de gemeente.", WORDS) == []
    assert text_warnings("Bel ons indien u vragen heeft.", WORDS)[0][1] == "Schrijf liever: als."
    # exactly 20 words is fine
    assert text_warnings(" ".join(["woord"] * 20) + ".", WORDS) == []


def test_sentences_split_at_ends_and_lines() -> None:
    assert list(sentences("Een. Twee? Drie! Vier\nVijf")) == ["Een", "Twee", "Drie", "Vier", "Vijf"]
    assert list(sentences("Open van 9.00 tot 17.00 uur.")) == ["Open van 9.00 tot 17.00 uur."]


def test_validate_warns_with_field_line_and_hint_but_never_fails(tmp_path: Path) -> None:
    data = provider(diensten=[service(samenvatting="Voor elke zorgvrager in Dordrecht.", omschrijving=LONG)])
    text = dump(data)
    root = write_site(tmp_path, {"providers/gemeente-dordrecht.yaml": text})
    result = validate(root)
    assert result.returncode == 0, result.stdout
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "Voor elke zorgvrager" in t)
    assert re.search(
        rf"^providers/gemeente-dordrecht\.yaml:{line}:\d+: waarschuwing \(gewone taal\): diensten\[1\]\.samenvatting: "
        + re.escape(
            "'zorgvrager' is een moeilijk woord. (Schrijf liever: uw naaste, of de persoon voor wie u zorgt.)"
        )
        + "$",
        result.stdout,
        re.M,
    ), result.stdout
    assert re.search(r"diensten\[1\]\.omschrijving: Een zin van 22 woorden", result.stdout)
    assert result.stderr.strip().endswith(
        "0 fouten, 2 waarschuwingen (2 over gewone taal: die tellen nooit als fout, ook niet met --strict)."
    )
    assert validate(root, "--strict").returncode == 0  # never an error
    # another warning still counts with --strict
    data["diensten"][0].pop("indicatie")
    (root / "providers/gemeente-dordrecht.yaml").write_text(dump(data), encoding="utf-8")
    assert validate(root, "--strict").returncode == 1


def test_every_kind_of_text_is_read(site) -> None:  # type: ignore[no-untyped-def]
    dataset = site.load(
        {
            "providers/gemeente-dordrecht.yaml": dump(
                provider(omschrijving="Wij helpen middels vrijwilligers.")
            ),
            "respite-forms/logeeropvang.yaml": dump(respite_form(uitleg="U krijgt een verstrekking.")),
            "regulations/vervangende-mantelzorg.yaml": dump(regulation(wat_u_krijgt=LONG)),
        }
    )
    fields = {(p.file, p.field) for p in dataset.warnings if p.topic == "taal"}
    assert fields == {
        ("providers/gemeente-dordrecht.yaml", "omschrijving"),
        ("respite-forms/logeeropvang.yaml", "uitleg"),
        ("regulations/vervangende-mantelzorg.yaml", "wat_u_krijgt"),
    }
    assert dataset.ok(strict=True)


def test_site_list_adds_and_allows_words(tmp_path: Path) -> None:
    data = provider(samenvatting="Wij bieden zorgvrager en mantelzorger respijt via het wijkteam.")
    root = write_site(tmp_path, {"providers/gemeente-dordrecht.yaml": dump(data)})
    (root / "moeilijke-woorden.yaml").write_text(
        "# eigen woorden van deze regio\nzorgvrager: ~\nwijkteam: het team van hulpverleners in uw wijk\n",
        encoding="utf-8",
    )
    said = [(p.message, p.hint) for p in load(root).problems]
    assert said == [
        ("'wijkteam' is een moeilijk woord.", "Schrijf liever: het team van hulpverleners in uw wijk.")
    ]


def test_a_broken_site_list_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    (root / "moeilijke-woorden.yaml").write_text("- zorgvrager\n- indiceren\n", encoding="utf-8")
    result = validate(root)
    assert result.returncode == 1
    assert (
        "moeilijke-woorden.yaml:1:1: Dit bestand hoort een lijst te zijn van 'woord: wat u beter kunt schrijven'."
        in result.stdout
    )


def test_example_data_and_mini_site_have_no_language_warnings() -> None:
    for folder in (REPO, MINI):
        dataset = load(folder)
        assert [p.text() for p in dataset.problems if p.topic == "taal"] == []


def test_report_lists_the_texts_with_the_most_warnings(tmp_path: Path) -> None:
    two = service(
        id="twee", naam="Twee waarschuwingen", samenvatting="Voor de zorgvrager.", omschrijving=LONG
    )
    three = service(id="drie", naam="Drie waarschuwingen", omschrijving=f"{LONG} {LONG} Voor elke cliënt.")
    root = write_site(tmp_path, {"providers/gemeente-dordrecht.yaml": dump(provider(diensten=[two, three]))})
    report = editorial_report(load(root).catalogue, TODAY)
    assert [(w.name, w.field, len(w.warnings)) for w in report.language] == [
        ("Drie waarschuwingen", "diensten[2].omschrijving", 3),
        ("Twee waarschuwingen", "diensten[1].omschrijving", 1),
        ("Twee waarschuwingen", "diensten[1].samenvatting", 1),
    ]
    assert report.language[0].page == "aanbod/gemeente-dordrecht/drie.md"
    text = report_text(report)
    assert "Teksten met de meeste waarschuwingen over gewone taal:" in text
    assert "  - Drie waarschuwingen (providers/gemeente-dordrecht.yaml, diensten[2].omschrijving): 3" in text
    assert (
        "'cliënt' is een moeilijk woord. Schrijf liever: uw naaste, of de persoon voor wie u zorgt." in text
    )
    cli = run_cli("report", "--today", TODAY.isoformat(), cwd=root)
    assert cli.returncode == 0 and "Drie waarschuwingen (providers/gemeente-dordrecht.yaml" in cli.stdout


def test_report_page_lists_them_too(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path / "mini")
    record = folder / "providers" / "het-anker.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        re.sub(r"(?m)^samenvatting: .*$", "samenvatting: Voor elke <zorgvrager> & wijkteam.", text, count=1)
    )
    (folder / "moeilijke-woorden.yaml").write_text("wijkteam: het team in uw wijk\n", encoding="utf-8")
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    page = (folder / "site" / "redactie" / "rapport" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="gewone-taal"') :]
    assert "Gewone taal (1)" in section
    assert "&#39;wijkteam&#39; is een moeilijk woord. Schrijf liever: het team in uw wijk." in section
    assert "&#39;zorgvrager&#39; is een moeilijk woord." in section
    assert "<zorgvrager>" not in page


def test_package_list_is_lowercase_single_words() -> None:
    from importlib import resources

    import yaml

    text = (resources.files("mantelkaart") / "data" / "moeilijke-woorden.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert len(data) >= 40
    for word, plain in data.items():
        assert word == word.lower() and " " not in word and plain, word
        assert not text_warnings(plain, WORDS), (word, plain)  # the plainer word is plain itself
