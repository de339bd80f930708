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


@pytest.mark.parametrize("contract", ["mkdocs-in-adapters", "core-independent", "layers"])
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


def test_no_import_circles() -> None:
    """No module imports itself through others (imports under TYPE_CHECKING not counted)."""
    graph = grimp.build_graph("mantelkaart", exclude_type_checking_imports=True, cache_dir=None)
    found = [sorted(c) for c in circles(graph)]
    assert not found, f"import circles: {found}"


def test_circles_are_found() -> None:
    """The search itself finds a circle in a graph that has one."""
    graph = grimp.ImportGraph()
    for module in ("mantelkaart.a", "mantelkaart.b", "mantelkaart.c"):
        graph.add_module(module)
    graph.add_import(importer="mantelkaart.a", imported="mantelkaart.b")
    graph.add_import(importer="mantelkaart.b", imported="mantelkaart.c")
    graph.add_import(importer="mantelkaart.c", imported="mantelkaart.a")
    assert circles(graph) == [{"mantelkaart.a", "mantelkaart.b", "mantelkaart.c"}]


def test_every_part_has_a_layer() -> None:
    """Every subpackage and every module at the top is placed in the 'layers' contract, and
    every module lives in a subpackage except the adapters at the top."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    placed = {part.strip() for layer in contract["layers"] for part in layer.split("|")}
    package = ROOT / "generator" / "mantelkaart"
    parts = {f"mantelkaart.{path.stem}" for path in package.glob("*.py") if path.stem != "__init__"}
    parts |= {f"mantelkaart.{path.parent.name}" for path in package.glob("*/__init__.py")}
    assert not parts - placed, (
        f"not in a layer (pyproject.toml, docs-dev/architecture.md): {sorted(parts - placed)}"
    )
    assert not placed - parts, f"listed but gone: {sorted(placed - parts)}"
    top = sorted(path.stem for path in package.glob("*.py") if path.stem != "__init__")
    assert top == ["cli", "plugin", "publisher", "region_sites"], top


MAX_LINES = 400  # a module owns one noun; a longer one is split by responsibility


def test_no_module_is_too_long() -> None:
    package = ROOT / "generator" / "mantelkaart"
    lengths = {
        str(path.relative_to(package)): len(path.read_text(encoding="utf-8").splitlines())
        for path in package.rglob("*.py")
    }
    assert len(lengths) > 100, "the package's modules were not found"
    too_long = {name: lines for name, lines in lengths.items() if lines > MAX_LINES}
    assert not too_long, f"modules over {MAX_LINES} lines: {too_long}"
