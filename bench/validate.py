"""``mantelkaart validate`` on 10,000 provider files: ``python -m bench.validate [--check]``.

Issue 2's target: under 2 seconds on this machine, start-up included. A synthetic site
(:func:`bench.synthetic.write_site`) is validated by the command line, as an editor runs
it, ``--runs`` times; the fastest run counts (a busy moment only adds time). Fixed work of
the same kind (:func:`bench.calibration.validate_probe_seconds`) is timed before and after,
and ``--check`` judges the fastest run divided by how much slower than usual that work
ran, never by less than the raw time (``bench/calibration.py``). Exit 1 when the judged time
misses the target or the synthetic data has problems.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import calibration
from bench.synthetic import TODAY, write_site

OUT = Path(__file__).resolve().parent / "out"
LIMIT_S = 2.0
PROVIDERS = 10_000


@dataclass
class Result:
    providers: int
    runs_s: list[float] = field(default_factory=list)
    best_s: float = 0.0
    probe_s: float = 0.0
    slowness: float = 1.0
    judged_s: float = 0.0
    summary: str = ""


def command() -> list[str]:
    """``mantelkaart validate`` from the same environment as this Python."""
    script = Path(sys.executable).with_name("mantelkaart")
    start = [str(script)] if script.exists() else [sys.executable, "-m", "mantelkaart.cli"]
    return [*start, "-f", "mkdocs.yml", "validate", "--today", TODAY.isoformat()]


def run_once(site: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run(command(), cwd=site, capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - start, done


def judged(result: Result) -> tuple[float, float]:
    """How much slower than usual the machine ran (the probe against its usual time, at least
    1), and the fastest run divided by that."""
    slowness = round(calibration.slowness(result.probe_s, calibration.VALIDATE_USUAL_S), 2)
    return slowness, result.best_s / slowness


def measure(site: Path, providers: int, runs: int) -> Result:
    write_site(site, providers)
    result = Result(providers)
    before = calibration.validate_probe_seconds()
    for _ in range(runs):
        seconds, done = run_once(site)
        if done.returncode != 0:
            raise SystemExit(f"mantelkaart validate failed (exit {done.returncode}):\n{done.stdout[-2000:]}")
        result.runs_s.append(round(seconds, 3))
        result.summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    result.probe_s = (before + calibration.validate_probe_seconds()) / 2
    result.best_s = min(result.runs_s)
    result.slowness, result.judged_s = judged(result)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.validate", description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=PROVIDERS)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if validate takes {LIMIT_S} s or more")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mantelkaart-validate-") as folder:
        result = measure(Path(folder) / "site", args.providers, args.runs)
    runs = ", ".join(f"{seconds:.2f} s" for seconds in result.runs_s)
    print(
        f"`mantelkaart validate` on {result.providers:,} provider files: runs {runs}; fastest {result.best_s:.2f} s."
    )
    print(f"  {result.summary}")
    print(
        f"At this machine's usual speed: **{result.judged_s:.2f} s** (fixed work of the same kind took "
        f"{result.probe_s:.3f} s, {result.slowness}× its usual {calibration.VALIDATE_USUAL_S} s; "
        "bench/calibration.py)."
    )
    OUT.mkdir(exist_ok=True)
    (OUT / "validate.json").write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    if args.check and result.judged_s >= LIMIT_S:
        print(
            f"CHECK FAILED: validate took {result.judged_s:.2f} s at the machine's usual speed "
            f"({result.best_s:.2f} s measured); target under {LIMIT_S} s",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
