"""Modules over 400 lines and functions over 60 lines in core/, crawler/ (outside visits/) and jobs/.

    python benchmarks/sizes.py [--all]

A function's length runs from its ``def`` (decorators included) to its last
line. Migrations (table definitions) are not counted. ``--all`` also counts
notifier/ and crawler/visits/. Exit status 1 when something is over.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULE_LIMIT, FUNCTION_LIMIT = 400, 60
PACKAGES = ("core", "crawler", "jobs")
EXCLUDED = ("crawler/visits/", "core/db/migrations/")


def files(root: Path = ROOT, everything: bool = False) -> list[Path]:
    packages = (*PACKAGES, "notifier") if everything else PACKAGES
    out = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            skipped = EXCLUDED[1:] if everything else EXCLUDED
            if not relative.startswith(skipped):
                out.append(path)
    return out


def long_functions(path: Path) -> list[tuple[str, int]]:
    """(qualified name, lines) of each function over the limit."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                    length = (child.end_lineno or child.lineno) - first + 1
                    if length > FUNCTION_LIMIT:
                        found.append((name, length))
                visit(child, f"{name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


Sizes = list[tuple[str, int]]


def report(root: Path = ROOT, everything: bool = False) -> tuple[Sizes, Sizes]:
    """(modules over the limit, functions over the limit), each as (name, lines)."""
    modules, functions = [], []
    for path in files(root, everything):
        relative = path.relative_to(root).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MODULE_LIMIT:
            modules.append((relative, lines))
        functions += [(f"{relative}:{name}", n) for name, n in long_functions(path)]
    return modules, functions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="notifier/ and crawler/visits/ too")
    args = parser.parse_args()
    modules, functions = report(everything=args.all)
    print(f"{len(files(everything=args.all))} modules; over {MODULE_LIMIT} lines: {len(modules)}; "
          f"functions over {FUNCTION_LIMIT} lines: {len(functions)}")
    for name, lines in [*modules, *functions]:
        print(f"    {name}: {lines} lines")
    return 1 if modules or functions else 0


if __name__ == "__main__":
    raise SystemExit(main())
