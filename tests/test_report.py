"""The editors' report: counts, overdue records with who verified them, and gaps.

As text (``mantelkaart report``), as Markdown for the weekly issue (``mantelkaart
stale``) and as the page /redactie/rapport/ (out of the nav and the search, noindex).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from recordkit import dump, load, provider, regulation, respite_form, service, write_site

from mantelkaart.editors.report import STALE_MARKER, editorial_report, overdue_markdown, report_text

from support import MINI, copy_site, run_cli

TODAY = date(2026, 11, 23)
OLD = {"op": "2025-06-01", "door": "Respijtconsulent *MEE*"}


def gap_site(tmp_path: Path) -> Path:
    no_phone = provider(
        naam="Zorg [zonder] telefoon",
        contact={"email": "info@example.org"},
        diensten=[service(id="stil", naam="Stille dienst", locaties=[])],
        gecontroleerd=OLD,
    )
    files: dict[str, Any] = {
        "providers/zonder-telefoon.yaml": dump(no_phone),
        "providers/leeg.yaml": dump(provider(naam="Lege organisatie", diensten=[])),
        "providers/gemeente-dordrecht.yaml": dump(
            provider(
                diensten=[
                    service(
                        openingstijden={"toelichting": "Op afspraak"}, werkgebied=["dordrecht", "zwijndrecht"]
                    ),
                    service(id="dicht", naam="Dichte dienst", status="tijdelijk-gesloten", gecontroleerd=OLD),
                    service(id="weg", naam="Gestopte dienst", status="gestopt", werkgebied=["papendrecht"]),
                ]
            )
        ),
        "regulations/verlopen.yaml": dump(regulation(naam="Oude regeling", geldig_tot="2026-01-31")),
        "regulations/straks.yaml": dump(regulation(naam="Nieuwe regeling", geldig_vanaf="2027-01-01")),
        "regulations/oud-gecontroleerd.yaml": dump(regulation(naam="Vergeten regeling", gecontroleerd=OLD)),
        "respite-forms/blokzorg.yaml": dump(
            respite_form(naam="Blokzorg", omgeving="thuis", gecontroleerd=OLD)
        ),
    }
    return write_site(tmp_path, files)


@pytest.fixture
def report(tmp_path: Path) -> Any:
    dataset = load(gap_site(tmp_path), TODAY)
    assert dataset.errors == [], dataset.errors
    return editorial_report(dataset.catalogue, TODAY)


def test_counts_per_municipality_and_respite_form(report: Any) -> None:
    municipalities = {t.key: (t.services, t.regulations) for t in report.municipalities}
    # gemeente-dordrecht: 2 active services in dordrecht (the stopped one is not counted), zonder-telefoon: 1
    # counts are what visitors see: the expired regulation is left out (it is listed as a gap)
    assert municipalities["dordrecht"] == (3, 3)
    assert municipalities["zwijndrecht"] == (1, 0)
    assert municipalities["papendrecht"] == (0, 0)
    assert municipalities["landelijk"] == (0, 0)
    forms = {t.key: (t.services, t.regulations) for t in report.respite_forms}
    assert forms == {"logeeropvang": (3, 3), "vervangende-mantelzorg-aan-huis": (0, 0), "blokzorg": (0, 0)}


def test_overdue_records_with_who_verified_them(report: Any) -> None:
    overdue = {(o.group, o.name): (o.verified_by, o.months) for o in report.overdue}
    assert overdue == {
        ("Zorg [zonder] telefoon", "Zorg [zonder] telefoon"): ("Respijtconsulent *MEE*", 17),
        ("Gemeente Dordrecht", "Dichte dienst"): ("Respijtconsulent *MEE*", 17),
        ("Gemeente Dordrecht", "Vergeten regeling"): ("Respijtconsulent *MEE*", 17),  # grouped by issuer
        ("Vormen van respijtzorg", "Blokzorg"): ("Respijtconsulent *MEE*", 17),
    }


def test_gaps(report: Any) -> None:
    gaps = {gap.key: [f.name for f in gap.findings] for gap in report.gaps}
    assert gaps["geen-telefoon"] == ["Stille dienst (Zorg [zonder] telefoon)"]
    assert "Logeeropvang in het stadskantoor (Gemeente Dordrecht)" not in gaps["geen-openingstijden"]
    assert "Dichte dienst (Gemeente Dordrecht)" in gaps["geen-openingstijden"]
    assert "Gestopte dienst (Gemeente Dordrecht)" not in gaps["geen-openingstijden"]
    assert gaps["geen-locatie"] == ["Stille dienst (Zorg [zonder] telefoon)"]
    assert gaps["tijdelijk-gesloten"] == ["Dichte dienst (Gemeente Dordrecht)"]
    assert gaps["verlopen-regelingen"] == ["Oude regeling"]
    assert gaps["toekomstige-regelingen"] == ["Nieuwe regeling"]
    assert gaps["respijtvorm-zonder-aanbod"] == ["Blokzorg", "Vervangende mantelzorg aan huis"]
    assert gaps["aanbieder-zonder-aanbod"] == ["Lege organisatie"]
    expired = next(g for g in report.gaps if g.key == "verlopen-regelingen").findings[0]
    assert (expired.relpath, expired.detail, expired.page) == (
        "regulations/verlopen.yaml",
        "geldig tot 2026-01-31",
        "regelingen/verlopen.md",
    )


def test_a_complete_site_has_no_gaps(tmp_path: Path) -> None:
    data = provider(
        diensten=[service(openingstijden={"tijden": [{"dagen": ["ma"], "van": "9:00", "tot": "17:00"}]})]
    )
    files = {
        "providers/gemeente-dordrecht.yaml": dump(data),
        "respite-forms/vervangende-mantelzorg-aan-huis.yaml": None,
    }
    dataset = load(write_site(tmp_path, files), TODAY)
    report = editorial_report(dataset.catalogue, TODAY)
    assert report.gaps == [] and report.overdue == []
    assert "Geen ontbrekende gegevens gevonden." in report_text(report)
    assert overdue_markdown(report).startswith(STALE_MARKER.format(count=0))


def test_text_report(report: Any) -> None:
    text = report_text(report)
    assert text.startswith("Rapport voor redacteuren (2026-11-23)")
    assert "  Dordrecht: 3 diensten, 3 regelingen" in text
    assert "  Zwijndrecht: 1 dienst, 0 regelingen" in text
    assert "Niet gecontroleerd in de afgelopen 12 maanden: 4" in text
    assert "    - Dichte dienst (providers/gemeente-dordrecht.yaml): 2025-06-01, 17 maanden geleden, door Respijtconsulent *MEE*" in text  # fmt: skip
    assert (
        "Regelingen na hun einddatum: 1\n  - Oude regeling (regulations/verlopen.yaml): geldig tot 2026-01-31"
        in text
    )


def test_overdue_markdown_grouped_by_provider_and_escaped(report: Any) -> None:
    markdown = overdue_markdown(report)
    assert markdown.splitlines()[0] == "<!-- mantelkaart-verouderd: 4 -->"
    headings = re.findall(r"^### (.*)$", markdown, re.M)
    assert headings == ["Gemeente Dordrecht", "Vormen van respijtzorg", r"Zorg \[zonder\] telefoon"]
    assert (
        r"- [ ] Vergeten regeling (`regulations/oud-gecontroleerd.yaml`): laatst gecontroleerd op 2025-06-01 "
        r"door Respijtconsulent \*MEE\*, 17 maanden geleden"
    ) in markdown


def test_report_and_stale_commands(tmp_path: Path) -> None:
    root = gap_site(tmp_path)
    text = run_cli("report", "--today", "2026-11-23", cwd=root)
    assert text.returncode == 0, text.stderr
    assert "Diensten zonder telefoonnummer: 1" in text.stdout
    stale = run_cli("stale", "--today", "2026-11-23", cwd=root)
    assert stale.returncode == 0 and stale.stdout.startswith("<!-- mantelkaart-verouderd: 4 -->")
    fresh = run_cli("stale", "--today", "2026-11-23", cwd=write_site(tmp_path / "vers"))
    assert "<!-- mantelkaart-verouderd: 0 -->" in fresh.stdout


def test_report_refuses_a_site_with_errors(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"providers/kapot.yaml": dump(provider(soort="bakkerij"))})
    result = run_cli("report", cwd=root)
    assert result.returncode == 1
    assert "los eerst de fouten op" in result.stderr and "bakkerij" in result.stderr


# --- the page ---------------------------------------------------------------------


def test_report_page_is_built_hidden_and_escaped(tmp_path: Path) -> None:
    folder = copy_site(MINI, tmp_path / "mini")  # the package's theme writes the meta tag
    record = folder / "providers" / "het-anker.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        re.sub(r"(?m)^naam: .*$", 'naam: "<script>alert(1)</script> Anker"', text, count=1), "utf-8"
    )
    result = run_cli("build", cwd=folder)
    assert result.returncode == 0, result.stderr
    page = (folder / "site" / "redactie" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert "Rapport voor redacteuren" in page and "Aanbod per gemeente" in page
    assert "<script>alert(1)" not in page
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "redactie/rapport/" not in home  # not in the navigation
    index = json.loads((folder / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc for doc in index["docs"] if doc["location"].startswith("redactie/rapport")]
    other = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert 'name="robots"' not in other
