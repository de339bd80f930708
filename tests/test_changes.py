"""`mantelkaart changes BASE`: the pull-request comment, compared with a real git history."""

from __future__ import annotations

import subprocess
from pathlib import Path

from recordkit import dump, provider, regulation, service, write_site

from support import run_cli

PREVIEW = "https://github.com/regio/kaart/actions/runs/1/artifacts/2"


def git(root: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=Redactie", "-c", "user.email=redactie@example.org", "-C", str(root)]
    subprocess.run([*command, *args], check=True, capture_output=True)


def history(tmp_path: Path) -> Path:
    root = write_site(tmp_path / "repo", {"providers/weg.yaml": dump(provider(naam="Verdwenen organisatie"))})
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    return root


def test_added_changed_and_removed_records_with_services_and_warnings(tmp_path: Path) -> None:
    root = history(tmp_path)
    (root / "providers" / "weg.yaml").unlink()
    changed = provider(
        contact={"email": "info@example.org"},  # no phone any more: a warning for each service
        diensten=[service(naam="Logeren [nieuw]"), service(id="dagopvang", naam="Dagopvang *extra*")],
    )
    (root / "providers" / "gemeente-dordrecht.yaml").write_text(dump(changed), encoding="utf-8")
    (root / "regulations" / "nieuw.yaml").write_text(
        dump(regulation(naam="Nieuwe <regeling>")), encoding="utf-8"
    )
    result = run_cli("changes", "main", "--preview-url", PREVIEW, "--today", "2026-11-23", cwd=root)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("<!-- mantelkaart-changes -->\n## Wijzigingen in de records\n")
    assert "**1 toegevoegd, 1 gewijzigd, 1 verwijderd** (vergeleken met `main`)." in text
    assert "### Toegevoegd\n\n- Regeling **Nieuwe &lt;regeling&gt;** (`regulations/nieuw.yaml`)" in text
    assert (
        "- Aanbieder **Gemeente Dordrecht** (`providers/gemeente-dordrecht.yaml`): velden `contact`, `diensten`; "
        r"dienst toegevoegd: Dagopvang \*extra\*; dienst gewijzigd: Logeren \[nieuw\]"
    ) in text
    assert "### Verwijderd\n\n- Aanbieder **Verdwenen organisatie** (`providers/weg.yaml`)" in text
    assert "2 waarschuwingen in de gewijzigde records:" in text
    assert r"diensten\[2\]\.contact: Deze dienst heeft geen telefoonnummer\." in text
    assert f"[Download de gebouwde site]({PREVIEW})" in text
    assert "<regeling>" not in text


def test_errors_are_listed(tmp_path: Path) -> None:
    root = history(tmp_path)
    (root / "providers" / "weg.yaml").write_text(dump(provider(soort="bakkerij")), encoding="utf-8")
    text = run_cli("changes", "main", "--today", "2026-11-23", cwd=root).stdout
    assert "**1 fout**: de site wordt niet bijgewerkt." in text
    assert "`providers/weg.yaml:2` soort: 'bakkerij' staat niet in de lijst 'soorten'\\." in text
    assert "### Voorbeeld" not in text


def test_only_formatting_and_no_changes(tmp_path: Path) -> None:
    root = history(tmp_path)
    assert "Deze wijziging verandert geen records" in run_cli("changes", "main", cwd=root).stdout
    path = root / "providers" / "weg.yaml"
    path.write_text("# Een opmerking\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    text = run_cli("changes", "main", "--today", "2026-11-23", cwd=root).stdout
    assert "(`providers/weg.yaml`): alleen de opmaak" in text
    assert "Geen fouten en geen waarschuwingen in de gewijzigde records." in text


def test_unknown_base_is_a_dutch_error(tmp_path: Path) -> None:
    root = history(tmp_path)
    result = run_cli("changes", "bestaat-niet", cwd=root)
    assert result.returncode == 2
    assert "De versie 'bestaat-niet' bestaat niet" in result.stderr
    outside = run_cli("changes", "main", cwd=write_site(tmp_path / "geen-git"))
    assert outside.returncode == 2 and "Traceback" not in outside.stderr


def test_a_broken_file_still_gives_a_summary(tmp_path: Path) -> None:
    root = history(tmp_path)
    (root / "providers" / "weg.yaml").write_text("naam: [niet gesloten\n", encoding="utf-8")
    result = run_cli("changes", "main", "--today", "2026-11-23", cwd=root)
    assert result.returncode == 0
    assert "- Aanbieder **Verdwenen organisatie** (`providers/weg.yaml`)" in result.stdout
    assert "De YAML is ongeldig" in result.stdout


FRESH = "gewijzigd zonder nieuwe controledatum: zet 'gecontroleerd' op vandaag"


def changes_after(tmp_path: Path, files: dict[str, str]) -> str:
    root = history(tmp_path)
    for relpath, text in files.items():
        (root / relpath).write_text(text, encoding="utf-8")
    result = run_cli("changes", "main", "--today", "2026-11-23", cwd=root)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_changed_phone_without_new_date_is_flagged(tmp_path: Path) -> None:
    phone = {"telefoon": "078 000 0999", "email": "info@example.org", "website": "https://example.org"}
    text = changes_after(tmp_path, {"providers/gemeente-dordrecht.yaml": dump(provider(contact=phone))})
    assert (
        "### Controledatum\n\n- Aanbieder **Gemeente Dordrecht** (`providers/gemeente-dordrecht.yaml`): "
        f"`contact` {FRESH} (bij de aanbieder)."
    ) in text
    # the same change with today's date: nothing to say
    checked = provider(contact=phone, gecontroleerd={"op": "2026-11-23", "door": "Respijtconsulent MEE"})
    text = changes_after(tmp_path / "2", {"providers/gemeente-dordrecht.yaml": dump(checked)})
    assert "Controledatum" not in text and FRESH not in text
    assert "velden `contact`, `gecontroleerd`" in text


def test_changed_hours_cost_and_access_of_a_service(tmp_path: Path) -> None:
    changed = service(
        openingstijden={"tijden": [{"dagen": ["ma"], "van": "09:00", "tot": "12:00"}]},
        kosten={"betaald_door": ["eigen-kosten"]},
        volgende_stap={"door": "aanbieder", "tekst": "Mail voor een kennismaking"},
    )
    text = changes_after(tmp_path, {"providers/gemeente-dordrecht.yaml": dump(provider(diensten=[changed]))})
    assert (
        "- Dienst **Logeeropvang in het stadskantoor** (`providers/gemeente-dordrecht.yaml`): "
        f"`openingstijden`, `kosten` en `volgende_stap` {FRESH} (bij de dienst of de aanbieder)."
    ) in text
    assert "- Aanbieder **Gemeente Dordrecht**" not in text.split("### Controledatum")[1]


def test_a_service_with_its_own_date_needs_that_date_moved(tmp_path: Path) -> None:
    own = {"op": "2026-09-01", "door": "Respijtconsulent MEE"}
    root = history(tmp_path)
    (root / "providers/gemeente-dordrecht.yaml").write_text(
        dump(provider(diensten=[service(gecontroleerd=own)])), encoding="utf-8"
    )
    git(root, "commit", "-q", "-am", "own date")
    moved_provider = {"op": "2026-11-23", "door": "Redactie"}
    after = provider(
        gecontroleerd=moved_provider, diensten=[service(gecontroleerd=own, toegang=["vrij-toegankelijk"])]
    )
    (root / "providers/gemeente-dordrecht.yaml").write_text(dump(after), encoding="utf-8")
    text = run_cli("changes", "main", "--today", "2026-11-23", cwd=root).stdout
    assert (
        f"- Dienst **Logeeropvang in het stadskantoor** (`providers/gemeente-dordrecht.yaml`): `toegang` {FRESH} (bij de dienst)."
        in text
    )
    after["diensten"][0]["gecontroleerd"] = moved_provider
    (root / "providers/gemeente-dordrecht.yaml").write_text(dump(after), encoding="utf-8")
    assert FRESH not in run_cli("changes", "main", "--today", "2026-11-23", cwd=root).stdout


def test_other_changes_need_no_new_date(tmp_path: Path) -> None:
    renamed = provider(samenvatting="De gemeente helpt u.", diensten=[service(naam="Logeren")])
    text = changes_after(tmp_path, {"providers/gemeente-dordrecht.yaml": dump(renamed)})
    assert "Gewijzigd" in text and FRESH not in text


def test_regulation_amount_without_new_date(tmp_path: Path) -> None:
    text = changes_after(tmp_path, {"regulations/vervangende-mantelzorg.yaml": dump(regulation(bedrag="75"))})
    assert (
        "- Regeling **Vervangende mantelzorg: 48 uur per jaar** (`regulations/vervangende-mantelzorg.yaml`): "
        f"`bedrag` {FRESH}."
    ) in text
