"""What an installed copy needs: the wheel carries the default config, templates, migrations
and the demo snapshot, and the Dockerfile copies everything the wheel is built from."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ["core", "crawler", "jobs", "notifier"]


def test_the_wheel_carries_config_templates_migrations_and_demo(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, cwd=tmp_path)
    (wheel,) = tmp_path.glob("inspectwatch-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for config in ("inspectwatch", "sources", "topics", "subscribers"):
        assert f"jobs/defaults/{config}.toml" in names
    assert "notifier/templates/digest.html.j2" in names
    assert "core/db/migrations/versions/0001_initial_schema.py" in names
    assert {"jobs/demo/content/en.jsonl", "jobs/demo/content/zh.jsonl"} <= names


def test_the_dockerfile_copies_what_the_wheel_is_built_from():
    dockerfile = (ROOT / "config" / "deploy" / "Dockerfile").read_text()
    copied = set(re.findall(r"^COPY (\S+) ", dockerfile, re.MULTILINE))
    assert {*PACKAGES, "config", "pyproject.toml"} <= copied
    install = dockerfile.index('RUN pip install ".[postgres]"')
    assert all(dockerfile.index(f"COPY {name} ") < install for name in [*PACKAGES, "config"])


def test_systemd_units_point_at_files_that_exist():
    for unit in (ROOT / "config" / "deploy").glob("*.service"):
        for target in re.findall(r"file:///opt/inspectwatch/(\S+)", unit.read_text()):
            assert (ROOT / target).is_file(), f"{unit.name}: {target}"
