"""The architecture holds: the import-linter contracts in pyproject.toml and no new import circles.

docs-dev/architecture.md draws the layers; these tests fail when an import crosses them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

# Import circles that exist today (imports under TYPE_CHECKING not counted), each to be broken
# and then removed from this list; a new circle, or a known one that grows, fails the test.
KNOWN_CIRCLES: list[set[str]] = []


@pytest.mark.parametrize("contract", ["mkdocs-in-adapters", "core-independent"])
def test_contract_is_kept(contract: str) -> None:
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--contract", contract, str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def circles(graph: grimp.ImportGraph) -> list[set[str]]:
    """The strongly connected parts of the package's import graph with more than one module."""
    modules = sorted(m for m in graph.modules if m.startswith("mantelkaart"))
    imported = {m: sorted(graph.find_modules_directly_imported_by(m) & set(modules)) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(module: str) -> None:  # Tarjan's algorithm
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in imported[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            part = set()
            while True:
                member = stack.pop()
                part.add(member)
                if member == module:
                    break
            if len(part) > 1:
                found.append(part)

    for module in modules:
        if module not in index:
            visit(module)
    return found


def test_no_new_import_circles() -> None:
    graph = grimp.build_graph("mantelkaart", exclude_type_checking_imports=True, cache_dir=None)
    found = circles(graph)
    unknown = [sorted(c) for c in found if c not in KNOWN_CIRCLES]
    assert not unknown, f"new or grown import circles: {unknown}"
    gone = [sorted(c) for c in KNOWN_CIRCLES if c not in found]
    assert not gone, f"these circles are gone: take them out of KNOWN_CIRCLES: {gone}"


def test_circles_are_found() -> None:
    """The search itself finds a circle in a graph that has one."""
    graph = grimp.ImportGraph()
    for module in ("mantelkaart.a", "mantelkaart.b", "mantelkaart.c"):
        graph.add_module(module)
    graph.add_import(importer="mantelkaart.a", imported="mantelkaart.b")
    graph.add_import(importer="mantelkaart.b", imported="mantelkaart.c")
    graph.add_import(importer="mantelkaart.c", imported="mantelkaart.a")
    assert circles(graph) == [{"mantelkaart.a", "mantelkaart.b", "mantelkaart.c"}]


def test_every_module_has_a_layer() -> None:
    """A new module is placed: in the core list of 'core-independent' or in its forbidden list."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "core-independent"]
    placed = set(contract["source_modules"]) | set(contract["forbidden_modules"])
    package = ROOT / "generator" / "mantelkaart"
    modules = {f"mantelkaart.{path.stem}" for path in package.glob("*.py") if path.stem != "__init__"}
    assert not modules - placed, (
        f"not in a layer (pyproject.toml, docs-dev/architecture.md): {sorted(modules - placed)}"
    )
    assert not placed - modules - {"mkdocs"}, f"listed but gone: {sorted(placed - modules - {'mkdocs'})}"


MAX_LINES = 400  # a module owns one noun; a longer one is split by responsibility


def test_no_module_is_too_long() -> None:
    package = ROOT / "generator" / "mantelkaart"
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in package.glob("*.py")}
    too_long = {name: lines for name, lines in lengths.items() if lines > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines: {too_long}"
