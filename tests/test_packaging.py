"""What an installed copy needs: the wheel built from what the Dockerfile copies carries the
default config, templates, migrations and the demo snapshot; the systemd units' links resolve."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["core", "crawler", "jobs", "notifier"]


def dockerfile_copies() -> list[str]:
    """What the Dockerfile copies into its build directory before ``pip install``."""
    dockerfile = (ROOT / "config" / "deploy" / "Dockerfile").read_text()
    install = dockerfile.index('RUN pip install ".[postgres]"')
    return [name for copied in re.findall(r"^COPY (.+) \S+$", dockerfile[:install], re.MULTILINE)
            for name in copied.split()]


def test_the_dockerfile_build_gives_a_wheel_with_config_templates_migrations_and_demo(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in dockerfile_copies():
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(path, source / name)
    assert {*PACKAGES, "config", "pyproject.toml"} <= set(dockerfile_copies())
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(source)], check=True, cwd=tmp_path)
    (wheel,) = (tmp_path / "dist").glob("inspectwatch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for config in ("inspectwatch", "sources", "topics", "subscribers"):
        assert f"jobs/defaults/{config}.toml" in names
    assert "notifier/templates/digest.html.j2" in names
    assert "core/db/migrations/versions/0001_initial_schema.py" in names
    assert {"jobs/demo/content/en.jsonl", "jobs/demo/content/zh.jsonl"} <= names


def test_systemd_units_point_at_files_that_exist():
    for unit in (ROOT / "config" / "deploy").glob("*.service"):
        for target in re.findall(r"file:///opt/inspectwatch/(\S+)", unit.read_text()):
            assert (ROOT / target).is_file(), f"{unit.name}: {target}"
