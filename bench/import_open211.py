"""The import of a real directory: ``python -m bench.import_open211 [--check] [--runs 3]``.

Converts Open211 Miami (../shared/external-hsds/open211-miami, 1,074 organizations and 3,642
services; see bench/open211.py) to HSDS 3.0 JSON in a temporary folder and runs
``mantelkaart import hsds`` on it from the command line, in a site whose municipalities are
four of Miami's cities (the issue's setting: most organizations become drafts, the rest are
outside the region). It measures the wall time of the whole command (start-up, the import and
the validation of the site afterwards) and the peak memory (maximum resident set size) of that
process. The fastest of ``--runs`` counts for the time, the largest for memory.

``--check`` exits 1 when the import takes more than **15 seconds** or **300 MB** (issue 14).
Without the package beside the repository it says so and exits 0. Results go to stdout and
``bench/out/import_open211.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.open211 import ZIP, convert, miami_site

TARGET_SECONDS = 15.0
TARGET_MB = 300.0
OUT = Path(__file__).resolve().parent / "out" / "import_open211.json"


def run_once(source: Path, folder: Path) -> tuple[float, float, str]:
    """One import into a fresh site: (seconds, peak MB, the command's output)."""
    site = miami_site(folder)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mantelkaart.cli", "import", "hsds", str(source)]
    start = time.perf_counter()
    # A helper process of its own, so that RUSAGE_CHILDREN holds this import's peak alone.
    probe = (
        "import resource, subprocess, sys; "
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "sys.stdout.write(r.stdout); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
        "sys.exit(r.returncode)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=site, capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"Het importeren mislukte:\n{result.stdout}\n{result.stderr}")
    lines = result.stdout.rstrip().splitlines()
    return seconds, int(lines[-1]) / 1024, "\n".join(lines[:-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--runs", type=int, default=3, help="imports to time (default 3)")
    args = parser.parse_args(argv)
    if not ZIP.is_file():
        print(f"Open211 Miami staat niet op {ZIP}; niets gemeten.")
        return 0
    with tempfile.TemporaryDirectory(prefix="mantelkaart-open211-") as temporary:
        folder = Path(temporary)
        organizations, left_out = convert(ZIP)
        source = folder / "organizations.json"
        source.write_text(json.dumps(organizations), encoding="utf-8")
        runs = [run_once(source, folder / f"site-{number}") for number in range(args.runs)]
    seconds = min(run[0] for run in runs)
    megabytes = max(run[1] for run in runs)
    services = sum(len(org.get("services", [])) for org in organizations)
    print(runs[0][2])
    print(
        f"\nOpen211 Miami: {len(organizations)} organizations, {services} services; import "
        f"{seconds:.1f} s (fastest of {args.runs}: {', '.join(f'{r[0]:.1f}' for r in runs)}), "
        f"peak {megabytes:.0f} MB (targets: {TARGET_SECONDS:.0f} s, {TARGET_MB:.0f} MB)"
    )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "organizations": len(organizations),
                "services": services,
                "converter_left_out": left_out,
                "seconds": [round(run[0], 2) for run in runs],
                "peak_mb": [round(run[1], 1) for run in runs],
                "machine_load": os.getloadavg()[0],
                "own_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    missed = []
    if seconds > TARGET_SECONDS:
        missed.append(f"de import duurde {seconds:.1f} s (doel: hoogstens {TARGET_SECONDS:.0f} s)")
    if megabytes > TARGET_MB:
        missed.append(f"de import gebruikte {megabytes:.0f} MB (doel: hoogstens {TARGET_MB:.0f} MB)")
    for miss in missed:
        print("Doel niet gehaald: " + miss, file=sys.stderr)
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
