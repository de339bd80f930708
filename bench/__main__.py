"""Run the Mantelkaart benchmarks: ``python -m bench [--sizes 100,1000] [--check]``.

For each size N (providers, 3 services each) a synthetic site is written into a
temporary folder and measured:

* validate: ``Dataset.load`` in this process, and ``mantelkaart validate`` as a
  subprocess (with start-up);
* build: ``mantelkaart build`` as a subprocess;
* baseline: ``mkdocs build`` of the same pages written out as ready-made Markdown,
  without the mantelkaart plugin (same theme and search settings);
* ratio: build / baseline, the generator's own overhead.

Then validate is measured once more at 10,000 provider files, the acceptance
target. Results go to stdout as Markdown and to ``bench/out/results.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config

from mantelkaart.build.outputs import site_outputs
from mantelkaart.core.dataset import Dataset
from mantelkaart.core.mkdocs_yml import site_config
from mantelkaart.plugin import BLOCK
from mantelkaart.site.pages import PageMaker
from mantelkaart.site.site_output import Page, SiteContext

from bench.synthetic import TODAY, SiteSummary, write_site

OUT = Path(__file__).resolve().parent / "out"
DEFAULT_SIZES = (100, 1000, 5000)
VALIDATE_RECORDS = 10_000
VALIDATE_LIMIT = 2.0  # seconds, `mantelkaart validate` (CLI) on 10,000 records
RATIO_LIMIT = 1.2  # full build / baseline build at the largest size
BEST_OF = 3  # repetitions of validate for N ≤ 1000
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def tool(name: str) -> str:
    """A console script of the environment this benchmark runs in."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise SystemExit(f"{path} not found: install the project into this environment first")
    return str(path)


# -- measuring ---------------------------------------------------------------------


@dataclass
class Timed:
    seconds: float  # wall time
    cpu_seconds: float  # user + system time of the process and its children
    peak_mb: float
    returncode: int


# Runs a command in a fresh child and reports its rusage. The benchmark process holds
# whole catalogues in memory; Linux carries a process's peak RSS across fork and exec,
# so a command started from it directly would report at least the benchmark's own size.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execv(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as out:
    out.write(f"{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_timed(command: list[str], cwd: Path, log_file: Path) -> Timed:
    """Run ``command``: its wall time, CPU time (with its children) and peak resident memory."""
    usage_file = log_file.with_suffix(".usage")
    launcher = [sys.executable, "-c", _LAUNCHER, str(usage_file), *command]
    with log_file.open("wb") as output:
        process = subprocess.run(launcher, cwd=cwd, stdout=output, stderr=subprocess.STDOUT, env=ENV)
    wall, cpu, peak_kb = usage_file.read_text(encoding="utf-8").split()
    usage_file.unlink()
    return Timed(float(wall), float(cpu), int(peak_kb) / 1024, process.returncode)


def checked(timed: Timed, what: str, log_file: Path) -> Timed:
    if timed.returncode != 0:
        tail = log_file.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{what} failed (exit {timed.returncode}):\n{tail}")
    return timed


def runs_for(providers: int) -> int:
    return BEST_OF if providers <= 1000 else 1


def time_load(site: Path, runs: int, method: str = "load") -> tuple[float, Dataset]:
    """Best wall time of ``Dataset.load`` (or ``.check``) over ``runs`` runs; fails on any problem."""
    config, root = site_config(site / "mkdocs.yml")
    loader = getattr(Dataset, method)
    best, dataset = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        dataset = loader(root, config, today=TODAY)
        best = min(best, time.perf_counter() - start)
    assert dataset is not None
    if dataset.problems:
        shown = "\n".join(problem.text() for problem in dataset.problems[:10])
        raise SystemExit(f"the synthetic data has {len(dataset.problems)} problems:\n{shown}")
    return best, dataset


def time_cli_validate(site: Path, runs: int) -> Timed:
    command = [tool("mantelkaart"), "-f", "mkdocs.yml", "validate", "--today", TODAY.isoformat()]
    log_file = site / "validate.log"
    results = [
        checked(run_timed(command, site, log_file), "mantelkaart validate", log_file) for _ in range(runs)
    ]
    return min(results, key=lambda timed: timed.seconds)


def profile_load(site: Path, top: int = 15) -> str:
    """cProfile of one ``Dataset.load``: the top functions by cumulative time."""
    config, root = site_config(site / "mkdocs.yml")
    profiler = cProfile.Profile()
    profiler.enable()
    Dataset.load(root, config, today=TODAY)
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    return text.getvalue()


# -- the baseline ------------------------------------------------------------------


def plugin_settings(site: Path) -> dict[str, Any]:
    """What the mantelkaart plugin's ``on_config`` adds to the MkDocs config.

    Runs the plugins' ``on_config`` on the site's loaded config, as a build does, and
    returns the stylesheets and scripts it added and ``extra``.
    """
    config = load_config(str(site / "mkdocs.yml"))
    css_before = [str(item) for item in config.extra_css]
    js_before = [_script_path(item) for item in config.extra_javascript]
    config = config.plugins.on_config(config)
    return {
        "extra_css": [str(item) for item in config.extra_css if str(item) not in css_before],
        "extra_javascript": [
            _script_setting(item) for item in config.extra_javascript if _script_path(item) not in js_before
        ],
        "extra": dict(config.extra),
    }


def _script_path(item: Any) -> str:
    return str(getattr(item, "path", item))


def _script_setting(item: Any) -> str | dict[str, Any]:
    """An ``extra_javascript`` entry as mkdocs.yml spells it."""
    if isinstance(item, str):
        return item
    setting = {"path": item.path, "type": item.type, "defer": item.defer, "async": item.async_}
    return item.path if not (item.type or item.defer or item.async_) else setting


def write_baseline(site: Path, dataset: Dataset) -> tuple[Path, int, float, float]:
    """The same site as plain MkDocs input: everything the plugin generates, written out as files.

    Returns the baseline's mkdocs.yml, the number of pages written, and the wall and
    CPU seconds it took to produce all outputs in memory (``site_outputs``, as in ``on_files``).
    """
    base = site / "baseline"
    shutil.copytree(site / "docs", base / "docs")
    docs = base / "docs"
    settings: dict[str, Any] = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    site_url = settings.get("site_url", "")
    added = plugin_settings(site)

    start, start_cpu = time.perf_counter(), time.process_time()
    outputs: list[tuple[str, str | bytes, bool]] = []  # path, content, is a page
    for output in site_outputs(dataset.catalogue, SiteContext(site_url, site)):
        if isinstance(output, Page):
            outputs.append((output.path, output.markdown(), True))
        else:
            outputs.append((output.path, output.content, False))
    render_s, render_cpu_s = time.perf_counter() - start, time.process_time() - start_cpu

    pages = 0
    page_folders: set[str] = set()
    for path, content, is_page in outputs:
        target = docs / path
        if is_page and target.exists():
            continue  # a hand-written page with the same path wins, as in the plugin
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        if is_page:
            pages += 1
            if "/" in path:
                page_folders.add(path.split("/")[0])

    # Hand-written pages get their <!-- mantelkaart:… --> blocks filled in, as on_page_markdown does.
    maker = PageMaker(dataset.catalogue, site_url)
    for markdown_file in docs.rglob("*.md"):
        text = markdown_file.read_text(encoding="utf-8")
        if "mantelkaart:" in text:
            here = markdown_file.relative_to(docs).as_posix()
            filled = BLOCK.sub(lambda match, here=here: "\n" + maker.block(match.group(1), here) + "\n", text)
            markdown_file.write_text(filled, encoding="utf-8")

    settings["plugins"] = [p for p in settings["plugins"] if not (isinstance(p, dict) and "mantelkaart" in p)]
    settings["plugins"] = [p for p in settings["plugins"] if p != "mantelkaart"]
    settings["extra_css"] = [*settings.get("extra_css", []), *added["extra_css"]]
    settings["extra_javascript"] = [*settings.get("extra_javascript", []), *added["extra_javascript"]]
    settings["extra"] = added["extra"]
    # The plugin adds its pages as NOT_IN_NAV; for plain files that is `not_in_nav`.
    settings["not_in_nav"] = "\n".join(f"/{folder}/" for folder in sorted(page_folders))
    config_file = base / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file, pages, render_s, render_cpu_s


def count_html(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


# -- one size ----------------------------------------------------------------------


@dataclass
class SizeResult:
    providers: int
    records: int
    services: int
    pages: int
    generate_s: float
    validate_runs: int
    validate_inprocess_s: float
    validate_cli_s: float
    build_s: float
    build_cpu_s: float
    build_peak_mb: float
    generate_outputs_s: float  # site_outputs() in-process: what on_files spends
    generate_outputs_cpu_s: float
    baseline_s: float
    baseline_cpu_s: float
    baseline_peak_mb: float
    ratio: float
    ratio_cpu: float
    html_files_build: int
    html_files_baseline: int
    pair_ratios: list[float] = field(default_factory=list)  # build / baseline of each pair, in order
    pair_ratios_cpu: list[float] = field(default_factory=list)


@dataclass
class ValidateResult:
    providers: int
    records: int
    services: int
    generate_s: float
    validate_inprocess_s: float
    validate_cli_s: float
    validate_cli_cpu_s: float
    validate_cli_peak_mb: float
    check_inprocess_s: float | None = None  # Dataset.check (what the CLI runs), if the core has it
    profile_top15: str = ""


@dataclass
class Results:
    started: str
    machine: dict[str, Any]
    sizes: list[SizeResult] = field(default_factory=list)
    validate: ValidateResult | None = None
    targets: dict[str, Any] = field(default_factory=dict)
    error: str = ""  # why the run stopped early, if it did


def generate(folder: Path, providers: int) -> tuple[SiteSummary, float]:
    start = time.perf_counter()
    summary = write_site(folder, providers)
    return summary, time.perf_counter() - start


def measure_size(work: Path, providers: int, keep: bool = False, pairs: int = 1) -> SizeResult:
    site = work / f"site-{providers}"
    log(f"N={providers}: writing the synthetic site")
    summary, generate_s = generate(site, providers)
    runs = runs_for(providers)

    log(f"N={providers}: validate in-process (best of {runs})")
    load_s, dataset = time_load(site, runs)
    log(f"N={providers}: validate CLI (best of {runs})")
    cli = time_cli_validate(site, runs)

    log(f"N={providers}: generating and writing the baseline files")
    base_config, pages, render_s, render_cpu_s = write_baseline(site, dataset)
    full_out, base_out = work / "out-build", work / "out-baseline"
    full_log, base_log = site / "build.log", site / "baseline.log"
    builds: list[Timed] = []
    baselines: list[Timed] = []
    for pair in range(1, pairs + 1):  # alternately, so a slow spell of the machine hits both
        log(f"N={providers}: mantelkaart build ({pair} of {pairs})")
        command = [tool("mantelkaart"), "-f", "mkdocs.yml", "build", "-d", str(full_out)]
        builds.append(checked(run_timed(command, site, full_log), "mantelkaart build", full_log))
        html_build = count_html(full_out)
        shutil.rmtree(full_out)
        log(f"N={providers}: plain mkdocs build of {pages} ready-made pages ({pair} of {pairs})")
        command = [tool("mkdocs"), "build", "-f", "mkdocs.yml", "-d", str(base_out)]
        baseline_run = run_timed(command, base_config.parent, base_log)
        baselines.append(checked(baseline_run, "mkdocs build (baseline)", base_log))
        html_baseline = count_html(base_out)
        shutil.rmtree(base_out)
    _warn_about_log(base_log, "baseline")
    _warn_about_log(full_log, "build")
    if not keep:
        shutil.rmtree(site)
    ratios = [b.seconds / a.seconds for b, a in zip(builds, baselines, strict=True)]
    ratios_cpu = [b.cpu_seconds / a.cpu_seconds for b, a in zip(builds, baselines, strict=True)]
    worst = ratios.index(max(ratios))  # the target is judged on the worst pair
    build, baseline = builds[worst], baselines[worst]

    result = SizeResult(
        providers=providers,
        records=len(dataset.sources),
        services=summary.services,
        pages=pages,
        generate_s=generate_s,
        validate_runs=runs,
        validate_inprocess_s=load_s,
        validate_cli_s=cli.seconds,
        build_s=build.seconds,
        build_cpu_s=build.cpu_seconds,
        build_peak_mb=build.peak_mb,
        generate_outputs_s=render_s,
        generate_outputs_cpu_s=render_cpu_s,
        baseline_s=baseline.seconds,
        baseline_cpu_s=baseline.cpu_seconds,
        baseline_peak_mb=baseline.peak_mb,
        ratio=ratios[worst],
        ratio_cpu=ratios_cpu[worst],
        pair_ratios=[round(ratio, 3) for ratio in ratios],
        pair_ratios_cpu=[round(ratio, 3) for ratio in ratios_cpu],
        html_files_build=html_build,
        html_files_baseline=html_baseline,
    )
    log(
        f"N={providers}: validate {load_s:.2f} s / CLI {cli.seconds:.2f} s, build {build.seconds:.1f} s, "
        f"baseline {baseline.seconds:.1f} s, ratio {result.ratio:.2f}"
    )
    return result


def _warn_about_log(log_file: Path, what: str) -> None:
    """Show WARNING lines of a build log (a flood of INFO lines would distort the timing)."""
    lines = log_file.read_text(encoding="utf-8", errors="replace").splitlines()
    warnings = [line for line in lines if re.search(r"\bWARNING\b", line)]
    if warnings:
        log(f"{what}: {len(warnings)} warnings in its log, e.g. {warnings[0][:200]}")
    if len(lines) > 50:
        log(f"{what}: its log has {len(lines)} lines")


def measure_validate(work: Path, providers: int, profile: bool, keep: bool = False) -> ValidateResult:
    site = work / f"validate-{providers}"
    log(f"validate at {providers} providers: writing the synthetic site")
    summary, generate_s = generate(site, providers)
    runs = runs_for(providers)
    log(f"validate at {providers} providers: in-process (best of {runs})")
    load_s, dataset = time_load(site, runs)
    log(f"validate at {providers} providers: CLI (best of {runs})")
    cli = time_cli_validate(site, runs)
    result = ValidateResult(
        providers=providers,
        records=len(dataset.sources),
        services=summary.services,
        generate_s=generate_s,
        validate_inprocess_s=load_s,
        validate_cli_s=cli.seconds,
        validate_cli_cpu_s=cli.cpu_seconds,
        validate_cli_peak_mb=cli.peak_mb,
    )
    if hasattr(Dataset, "check"):
        log(f"validate at {providers} providers: Dataset.check in-process (best of {runs})")
        result.check_inprocess_s = time_load(site, runs, "check")[0]
    if profile:
        log(f"validate at {providers} providers: profiling Dataset.load")
        result.profile_top15 = profile_load(site)
    if not keep:
        shutil.rmtree(site)
    log(f"validate at {providers} providers: in-process {load_s:.2f} s, CLI {cli.seconds:.2f} s")
    return result


# -- reporting ---------------------------------------------------------------------


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "pydantic": version("pydantic"),
    }


def evaluate(results: Results) -> list[str]:
    """The failed targets, in words; also fills ``results.targets``."""
    failures = []
    if results.validate is not None:
        seconds = results.validate.validate_cli_s
        passed = seconds < VALIDATE_LIMIT
        results.targets["validate"] = {
            "records": results.validate.providers,
            "limit_s": VALIDATE_LIMIT,
            "cli_s": round(seconds, 3),
            "passed": passed,
        }
        if not passed:
            failures.append(
                f"validate on {results.validate.providers:,} provider files took {seconds:.2f} s "
                f"(CLI), target < {VALIDATE_LIMIT:.1f} s"
            )
    if results.sizes:
        largest = max(results.sizes, key=lambda size: size.providers)
        passed = largest.ratio <= RATIO_LIMIT  # the issue: at most 1.2
        results.targets["ratio"] = {
            "providers": largest.providers,
            "limit": RATIO_LIMIT,
            "ratio": round(largest.ratio, 3),
            "passed": passed,
        }
        if not passed:
            failures.append(
                f"build/baseline ratio at N={largest.providers:,} is {largest.ratio:.2f}, "
                f"target at most {RATIO_LIMIT:.1f}"
            )
    return failures


def markdown(results: Results) -> str:
    lines = [
        f"## Mantelkaart benchmarks ({results.started})",
        "",
        f"Python {results.machine['python']}, {results.machine['cpus']} CPUs, "
        f"MkDocs {results.machine['mkdocs']}, Material {results.machine['mkdocs-material']}, "
        f"pydantic {results.machine['pydantic']}.",
        "",
    ]
    if results.sizes:
        lines += [
            "| Providers | Records | Services | Pages | Validate in-process | Validate CLI "
            "| Build | Baseline | Ratio | Ratio (CPU) | Generate outputs | Peak MB build / baseline |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for size in results.sizes:
            best = f" (best of {size.validate_runs})" if size.validate_runs > 1 else ""
            lines.append(
                f"| {size.providers:,} | {size.records:,} | {size.services:,} | {size.pages:,} "
                f"| {size.validate_inprocess_s:.2f} s{best} | {size.validate_cli_s:.2f} s{best} "
                f"| {size.build_s:.1f} s | {size.baseline_s:.1f} s | {size.ratio:.2f} "
                f"| {size.ratio_cpu:.2f} | {size.generate_outputs_s:.1f} s "
                f"| {size.build_peak_mb:.0f} / {size.baseline_peak_mb:.0f} |"
            )
        lines.append("")
        mismatched = [s for s in results.sizes if s.html_files_build != s.html_files_baseline]
        for size in mismatched:
            lines.append(
                f"Note: N={size.providers:,} built {size.html_files_build} HTML files, "
                f"the baseline {size.html_files_baseline}."
            )
        if mismatched:
            lines.append("")
    if results.validate is not None:
        v = results.validate
        check = (
            "" if v.check_inprocess_s is None else f"`Dataset.check` in-process {v.check_inprocess_s:.2f} s, "
        )
        lines += [
            f"Validate at {v.providers:,} provider files ({v.records:,} records, {v.services:,} services): "
            f"`Dataset.load` in-process {v.validate_inprocess_s:.2f} s, {check}"
            f"CLI {v.validate_cli_s:.2f} s (CPU {v.validate_cli_cpu_s:.2f} s, peak {v.validate_cli_peak_mb:.0f} MB).",
            "",
        ]
    if results.targets:
        lines += ["| Target | Limit | Measured | |", "|---|---:|---:|---|"]
        if "validate" in results.targets:
            target = results.targets["validate"]
            lines.append(
                f"| `mantelkaart validate` on {target['records']:,} provider files (CLI) | < {target['limit_s']} s "
                f"| {target['cli_s']:.2f} s | {'pass' if target['passed'] else 'FAIL'} |"
            )
        if "ratio" in results.targets:
            target = results.targets["ratio"]
            lines.append(
                f"| build / baseline at N={target['providers']:,} | ≤ {target['limit']} "
                f"| {target['ratio']:.2f} | {'pass' if target['passed'] else 'FAIL'} |"
            )
        lines.append("")
    if results.validate is not None and results.validate.profile_top15:
        lines += [
            f"Profile of `Dataset.load` at {results.validate.providers:,} providers "
            "(top 15 by cumulative time):",
            "",
            "```",
            results.validate.profile_top15.strip(),
            "```",
            "",
        ]
    return "\n".join(lines)


# -- main --------------------------------------------------------------------------


def sizes_option(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(prog="python -m bench", description="Mantelkaart benchmarks.")
    cli.add_argument(
        "--sizes",
        type=sizes_option,
        default=list(DEFAULT_SIZES),
        help="numbers of providers to build, comma-separated (default: 100,1000,5000)",
    )
    cli.add_argument(
        "--validate-at",
        type=int,
        default=VALIDATE_RECORDS,
        help="providers for the validate target (default: 10000; 0 skips it)",
    )
    cli.add_argument(
        "--check",
        action="store_true",
        help=f"exit 1 if validate ≥ {VALIDATE_LIMIT} s or the ratio > {RATIO_LIMIT}",
    )
    cli.add_argument(
        "--pairs",
        type=positive,
        default=1,
        help="build and baseline this many times each, alternately; the worst pair counts (default: 1)",
    )
    cli.add_argument("--profile", action="store_true", help="add a cProfile of Dataset.load at --validate-at")
    cli.add_argument(
        "--keep",
        action="store_true",
        help="keep the synthetic sites (not the built sites); the folder is printed",
    )
    return cli


def save(results: Results) -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(asdict(results), indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["finder"]:  # the finder's own benchmark (bench/finder.py)
        from bench.finder import main as finder_main

        return finder_main(argv[1:])
    if argv[:1] == ["national"]:  # the country built per region (bench/national.py)
        from bench.national import main as national_main

        return national_main(argv[1:])
    args = parser().parse_args(argv)
    results = Results(started=datetime.now().isoformat(timespec="seconds"), machine=machine())
    work = Path(tempfile.mkdtemp(prefix="mantelkaart-bench-"))
    try:
        for providers in args.sizes:
            results.sizes.append(measure_size(work, providers, args.keep, args.pairs))
            save(results)  # a later failure keeps what was measured
        if args.validate_at > 0:
            results.validate = measure_validate(work, args.validate_at, args.profile, args.keep)
    except SystemExit as stop:
        results.error = str(stop.code)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    failures = evaluate(results)
    print(markdown(results))
    save(results)
    log(f"results written to {OUT / 'results.json'}")
    if results.error:
        print(f"STOPPED: {results.error}", file=sys.stderr)
        return 2
    if args.check and failures:
        for failure in failures:
            print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
