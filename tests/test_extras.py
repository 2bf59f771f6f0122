"""aiosmtpd is a demo and test extra, not a dependency: only the demo's loopback SMTP server
(jobs/demo/smtp.py) imports it, and without it `inspectwatch demo` says which extra to install."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCK = "import sys\nsys.modules['aiosmtpd'] = None  # as if not installed\n"


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BLOCK + code], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)


def test_aiosmtpd_comes_with_the_demo_and_test_extras_and_make_installs_both() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in project["dependencies"] if d.startswith("aiosmtpd")]
    for extra in ("demo", "test"):
        assert [d for d in project["optional-dependencies"][extra] if d.startswith("aiosmtpd")], extra
    assert 'pip install --quiet -e ".[test,demo]"' in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_every_module_but_the_demo_imports_without_aiosmtpd() -> None:
    code = """
import importlib, pathlib
names = []
for package in ("core", "crawler", "jobs", "notifier"):
    for path in sorted(pathlib.Path(package).rglob("*.py")):
        name = ".".join(path.with_suffix("").parts).removesuffix(".__init__")
        if not name.startswith("jobs.demo.") and "migrations" not in name:
            names.append(name)
for name in names:
    importlib.import_module(name)
print(len(names))
"""
    done = run(code)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 100


def test_the_demo_without_aiosmtpd_names_the_extra_to_install(tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    code = f"from jobs.cli import main\nsys.argv = ['inspectwatch', 'demo', '--out', {out!r}]\nmain()"
    done = run(code)
    assert done.returncode == 2, (done.stdout, done.stderr[-2000:])
    assert "Error: the demo delivers its digests to a local SMTP server, aiosmtpd, which is not installed: " \
           "install the demo extra, pip install 'inspectwatch[demo]'" in done.stderr
    assert not (tmp_path / "out").exists()
