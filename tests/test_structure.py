"""The shape of the code: no import cycles (imports inside functions and under TYPE_CHECKING count),
and no module over 400 lines or function over 60 in core/, crawler/ (outside visits/) and jobs/.
The checks are the scripts benchmarks/imports.py and benchmarks/sizes.py, run on the source here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmarks_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_cycle_finder_finds_a_cycle_through_an_import_inside_a_function(tmp_path: Path) -> None:
    imports = script("imports")
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "a.py").write_text("from core.b import x\n", encoding="utf-8")
    (tmp_path / "core" / "b.py").write_text("def f():\n    from core import a\n", encoding="utf-8")
    for package in ("crawler", "jobs", "notifier"):
        (tmp_path / package).mkdir()
    found = imports.report(tmp_path)
    assert found["module level"] == []
    assert found["module level + in functions"] == [["core.a", "core.b"]]


def test_no_import_cycle_in_core_crawler_and_jobs() -> None:
    found = script("imports").report(ROOT)["+ TYPE_CHECKING"]
    outside_notifier = [g for g in found if not all(m.startswith("notifier.") for m in g)]
    assert outside_notifier == []


def test_no_module_over_400_lines_and_no_function_over_60() -> None:
    modules, functions = script("sizes").report(ROOT)
    assert (modules, functions) == ([], [])
