"""Import cycles among the project's modules (core, crawler, jobs, notifier), read from the source.

    python benchmarks/imports.py [--list]

Every ``import`` and ``from ... import`` naming a project module is an edge, in
three kinds: at module level, inside a function (run on first call), and under
``if TYPE_CHECKING:`` (for mypy only). A cycle is a strongly connected group of
two or more modules (or a module importing itself). Printed per graph: module
level only; module level and in-function (what runs); all three. Exit status 1
when the second or third graph has a cycle.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "crawler", "jobs", "notifier")
KINDS = ("module", "function", "typing")


def modules(root: Path = ROOT) -> dict[str, Path]:
    """Dotted name -> file, for every module of the packages (``pkg/__init__.py`` is ``pkg``)."""
    out: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _walk(node: ast.AST, kind: str) -> Iterator[tuple[ast.Import | ast.ImportFrom, str]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, kind
        elif isinstance(child, ast.If) and _is_type_checking(child):
            for sub in child.body:
                yield from _walk(ast.Module(body=[sub], type_ignores=[]), "typing")
            for sub in child.orelse:
                yield from _walk(ast.Module(body=[sub], type_ignores=[]), kind)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _walk(child, "typing" if kind == "typing" else "function")
        else:
            yield from _walk(child, kind)


def _targets(node: ast.Import | ast.ImportFrom, name: str, is_package: bool,
             known: dict[str, Path]) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    base = node.module or ""
    if node.level:
        anchor = name.split(".") if is_package else name.split(".")[:-1]
        anchor = anchor[:len(anchor) - (node.level - 1)]
        base = ".".join([*anchor, base] if base else anchor)
    for alias in node.names:
        full = f"{base}.{alias.name}"
        yield full if full in known else base


def edges(root: Path = ROOT) -> dict[str, dict[str, set[str]]]:
    """kind -> module -> the project modules it imports that way."""
    known = modules(root)
    graph: dict[str, dict[str, set[str]]] = {k: {m: set() for m in known} for k in KINDS}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node, kind in _walk(tree, "module"):
            for target in _targets(node, name, path.name == "__init__.py", known):
                while target and target not in known:  # ``import a.b.c`` of a name: its module
                    target = target.rpartition(".")[0]
                if target and target.split(".")[0] in PACKAGES:
                    graph[kind][name].add(target)
    return graph


def combined(graph: dict[str, dict[str, set[str]]], kinds: tuple[str, ...]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {m: set() for m in graph["module"]}
    for kind in kinds:
        for module, targets in graph[kind].items():
            out[module] |= targets
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules, or a module importing itself (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


GRAPHS = {"module level": ("module",), "module level + in functions": ("module", "function"),
          "+ TYPE_CHECKING": KINDS}


def report(root: Path = ROOT) -> dict[str, list[list[str]]]:
    graph = edges(root)
    return {label: cycles(combined(graph, kinds)) for label, kinds in GRAPHS.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the modules of each cycle")
    args = parser.parse_args()
    graph = edges()
    print(f"{len(graph['module'])} modules; import edges: "
          + ", ".join(f"{k} {sum(len(t) for t in graph[k].values())}" for k in KINDS))
    results = report()
    for label, found in results.items():
        print(f"{label}: {len(found)} cycle(s)")
        if args.list:
            for group in found:
                print("    " + " <-> ".join(group))
    return 1 if results["module level + in functions"] or results["+ TYPE_CHECKING"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
