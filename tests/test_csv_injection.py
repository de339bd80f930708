"""No cell of any CSV the site or `mantelkaart export` writes can start a formula in a spreadsheet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from mantelkaart.opendata.exports import data_files
from mantelkaart.site.cells import safe_cell
from tests.recordkit import dump, load, provider, regulation, service, write_site

from support import run_cli

PAYLOADS = [
    '=HYPERLINK("http://evil.example/x","klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
RISKY = ("=", "+", "-", "@", "\t", "\r")


def hostile_site(folder: Path) -> Path:
    data = provider(
        naam=PAYLOADS[0],
        samenvatting=PAYLOADS[1],
        diensten=[
            service(
                naam=PAYLOADS[2],
                samenvatting=PAYLOADS[3],
                kosten={"betaald_door": ["wmo"], "toelichting": PAYLOADS[0]},
            ),
        ],
    )
    rule = regulation(naam=PAYLOADS[3], wetsartikel=PAYLOADS[1], voorwaarden=PAYLOADS[2])
    return write_site(
        folder,
        {
            "providers/gemeente-dordrecht.yaml": dump(data),
            "regulations/vervangende-mantelzorg.yaml": dump(rule),
        },
    )


def cells(text: str, delimiter: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def assert_inert(name: str, text: str) -> None:
    delimiter = ";" if name.endswith("aanbod.csv") else ","
    found = cells(text.lstrip("\ufeff"), delimiter)
    for cell in found:
        if cell.startswith(RISKY):
            assert safe_cell(cell) == cell, f"{name}: a live formula {cell!r}"  # only plain numbers
    for payload in PAYLOADS:
        if payload in text:
            assert "'" + payload in found or any(c.startswith("'") and payload in c for c in found), (
                name,
                payload,
            )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("\t=1+1", "'\t=1+1"),
        ("-2+3", "'-2+3"),
        ("-5", "-5"),
        ("+31780000104", "+31780000104"),
        ("4,5", "4,5"),
        ("@x", "'@x"),
        ("Gewone tekst = prima", "Gewone tekst = prima"),
    ],
)
def test_a_cell_that_would_be_a_formula_gets_an_apostrophe_and_numbers_stay(
    value: str, expected: str
) -> None:
    assert safe_cell(value) == expected


def test_every_csv_of_the_site_is_inert(tmp_path: Path) -> None:
    dataset = load(hostile_site(tmp_path / "site"))
    assert not dataset.errors, [p.text() for p in dataset.errors]
    tables = [f for f in data_files(dataset.catalogue, "https://example.org/") if f.path.endswith(".csv")]
    assert {"aanbod.csv", "hsds/csv/services.csv", "hsds/csv/organizations.csv"} <= {f.path for f in tables}
    seen = False
    for table in tables:
        text = table.content.decode("utf-8") if isinstance(table.content, bytes) else table.content
        seen |= any(p in text for p in PAYLOADS)
        assert_inert(table.path, text)
    assert seen  # the payloads are there, as text


def test_the_export_command_writes_inert_csv(tmp_path: Path) -> None:
    site = hostile_site(tmp_path / "site")
    result = run_cli("export", "--out", str(tmp_path / "out"), cwd=site)
    assert result.returncode == 0, result.stderr
    for path in (tmp_path / "out").rglob("*.csv"):
        assert_inert(path.name if path.name == "aanbod.csv" else "hsds", path.read_text(encoding="utf-8"))
