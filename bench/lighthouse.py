"""Lighthouse 12 on the example site, as a phone sees it: ``python -m bench.lighthouse [--check]``.

The example site is built into a temporary folder (or ``--site DIR`` is used as built), served
on loopback by a small static server that compresses text with gzip as any real host does,
and measured by Lighthouse from ``node_modules`` (npm ``lighthouse``) driving Debian's
Chromium: mobile form factor, simulated slow 4G and a 4× slower processor (Lighthouse's
defaults). Each page is measured ``--runs`` times; its median performance score counts.

Targets (issue 10): accessibility 100 and best practices 100 on every page measured, and
performance at least 90. Results are printed as Markdown and written to
``bench/out/lighthouse.json``. Not a timed test: Lighthouse's performance score moves with
the machine's load; the numbers in bench/README.md say where they were measured.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from bench.chromium import CHROMIUM

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": "",
    "finder": "zoeken/",
    "service": "aanbod/het-parkhuis/logeerzorg/",
    "keuzehulp": "keuzehulp/",
}
CATEGORIES = ("performance", "accessibility", "best-practices")
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 100}
METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
}
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; text gzip-compressed when the browser accepts it (as GitHub Pages does)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or not path.is_file()
            or path.suffix not in COMPRESSED
            or not self.path.split("?")[0].endswith(("/", *COMPRESSED))
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def build(target: Path) -> Path:
    """The example site (this checkout's records, docs and mkdocs.yml), built into ``target``."""
    site = target / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mantelkaart.cli", "build", "-d", str(site)]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"De voorbeeldsite is niet gebouwd:\n{result.stderr}")
    return site


def measure(url: str) -> dict[str, Any]:
    """One Lighthouse run: the category scores (0–100), metrics and the audits that lost points."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{name}: {audit['id']} ({audit.get('displayValue') or audit['score']})")
    metrics = {short: report["audits"][key].get("displayValue", "") for key, short in METRICS.items()}
    return {"scores": scores, "metrics": metrics, "lost": lost, "version": report["lighthouseVersion"]}


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median performance score (the others are kept in the JSON)."""
    ordered = sorted(runs, key=lambda run: run["scores"]["performance"])
    return ordered[(len(ordered) - 1) // 2]


def misses(results: dict[str, dict[str, Any]]) -> list[str]:
    found = []
    for page, result in results.items():
        for name, target in TARGETS.items():
            score = result["median"]["scores"][name]
            if score < target:
                found.append(f"{page}: {name} {score} < {target}")
    return found


def table(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "| page | performance (runs) | accessibility | best practices | FCP | LCP | TBT | CLS |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page, result in results.items():
        median = result["median"]
        runs = ", ".join(str(run["scores"]["performance"]) for run in result["runs"])
        m = median["metrics"]
        lines.append(
            f"| {page} (`/{PAGES[page]}`) | {median['scores']['performance']} ({runs}) "
            f"| {median['scores']['accessibility']} | {median['scores']['best-practices']} "
            f"| {m['FCP']} | {m['LCP']} | {m['TBT']} | {m['CLS']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median counts)")
    parser.add_argument("--site", type=Path, help="a built site to measure instead of building the example")
    parser.add_argument("--pages", default=",".join(PAGES), help="which pages: " + ", ".join(PAGES))
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        sys.exit("node_modules/lighthouse ontbreekt: voer 'npm ci' uit.")
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} ontbreekt (apt-get install chromium).")
    pages = [page for page in args.pages.split(",") if page]
    unknown = set(pages) - set(PAGES)
    if unknown:
        sys.exit(f"Onbekende pagina's: {', '.join(sorted(unknown))}; kies uit {', '.join(PAGES)}.")
    folder = Path(tempfile.mkdtemp(prefix="mantelkaart-lighthouse-"))
    try:
        site = args.site or build(folder)
        url, server = serve(site)
        results: dict[str, dict[str, Any]] = {}
        try:
            for page in pages:
                runs = [measure(url + PAGES[page]) for _ in range(args.runs)]
                results[page] = {"median": median_run(runs), "runs": runs}
                print(
                    f"[lighthouse] {page}: {results[page]['median']['scores']}", file=sys.stderr, flush=True
                )
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    OUT.mkdir(exist_ok=True)
    (OUT / "lighthouse.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    version = next(iter(results.values()))["median"]["version"] if results else "?"
    print(f"Lighthouse {version}, mobile (simulated slow 4G, 4× CPU slowdown), median of {args.runs} runs:\n")
    print(table(results))
    for page, result in results.items():
        for line in result["median"]["lost"]:
            print(f"- {page}: {line}")
    missed = misses(results)
    if missed:
        print("\nTargets missed: " + "; ".join(missed))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
