"""The crawl processes run the installed code, whatever directory the command starts in.

Each command that crawls (`crawl`, `tick`, `run`) is started as the venv's
console script from a directory holding its own `crawler/`, `core/` and `jobs/`
packages, each of which leaves a marker file when imported. No marker may
appear, and the crawl must succeed. (The venv's install is editable, so the
installed code is this checkout's; the marked packages are what must not run.)
"""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select
from test_daemon import BIN, SECRET, finished_runs, free_port, scalar, small_site, wait_for, write_config

from core.db.engine import Database
from core.db.models import CrawlRun
from jobs.demo.site import serve_demo_site

PACKAGES = ("crawler", "core", "jobs")


def decoy_directory(tmp_path: Path) -> tuple[Path, Path]:
    """A working directory with marked packages, and the directory their markers go to."""
    cwd, markers = tmp_path / "cwd", tmp_path / "markers"
    markers.mkdir()
    for name in PACKAGES:
        (cwd / name).mkdir(parents=True)
        (cwd / name / "__init__.py").write_text(
            f"import os\nopen(os.path.join({str(markers)!r}, '{name}-' + str(os.getpid())), 'w').close()\n")
    return cwd, markers


@pytest.fixture
def setting(tmp_path: Path):
    with serve_demo_site(small_site(en=2, zh=0)) as url:
        config = write_config(tmp_path / "config", site_url=url, smtp_port=free_port(),
                              sources={"demo-en": "1h"})
        db_url = f"sqlite:///{tmp_path / 'cwd.db'}"
        Database(db_url).close()
        cwd, markers = decoy_directory(tmp_path)
        env = {**os.environ, "INSPECTWATCH_SECRET": SECRET}
        yield [str(BIN), "--config", str(config), "--db", db_url], db_url, cwd, markers, env


def ok_runs(db_url: str) -> int:
    return int(scalar(db_url, select(func.count()).select_from(CrawlRun).where(CrawlRun.status == "ok")))


@pytest.mark.parametrize("command", ["crawl", "tick"])
def test_crawl_and_tick_ignore_packages_in_the_working_directory(setting, command):
    base, db_url, cwd, markers, env = setting
    done = subprocess.run([*base, command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert sorted(p.name for p in markers.iterdir()) == []
    assert done.returncode == 0, done.stdout + done.stderr
    assert ok_runs(db_url)


def test_the_daemon_ignores_packages_in_the_working_directory(setting, tmp_path):
    base, db_url, cwd, markers, env = setting
    log = tmp_path / "run.log"
    with log.open("wb") as out:
        daemon = subprocess.Popen([*base, "run", "--port", str(free_port())], cwd=cwd, env=env, stdout=out,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: finished_runs(db_url) >= 1 or daemon.poll() is not None, 120, "a crawl", log)
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(60) == 0, log.read_text()[-3000:]
    finally:
        if daemon.poll() is None:
            os.killpg(daemon.pid, signal.SIGKILL)
            daemon.wait()
    assert sorted(p.name for p in markers.iterdir()) == []
    assert ok_runs(db_url), log.read_text()[-3000:]
