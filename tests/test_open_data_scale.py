"""The open-data round trip and HSDS validity at 5,000 providers (15,000 services).

The slowest test here (about half a minute on an idle two-core machine): it writes
the synthetic site of ``bench.synthetic``, exports it, validates every organization
and every CSV row against the official schemas (jsonschema-rs), imports the
HSDS JSON into an empty copy and exports again. ``python -m bench.export`` runs the
same and reports the timings (the export target is under 5 seconds).
"""

from __future__ import annotations

from pathlib import Path

from open_data_support import HSDS

from bench.export import measure


def test_round_trip_and_schemas_hold_for_5000_providers(tmp_path: Path) -> None:
    result = measure(tmp_path, 5000)
    assert result.services == 15_000
    assert result.files == 26
    assert result.round_trip_same, f"the round trip changed {result.different}"
    assert result.schema_errors == []
    if (HSDS / "schema").is_dir():
        assert result.validated.startswith("5000 organizations and the CSV tables")
    print(f"export of 5,000 providers: {result.export_s:.2f} s wall, {result.export_cpu_s:.2f} s CPU")
