"""`inspectwatch run`: real daemon processes against a loopback news site and SMTP server.

The helpers here (config directories, starting and stopping daemons, waiting
on the database) are shared with tests/test_crash.py.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sites.server import free_port
from sqlalchemy import func, select, text

from core.config import SubscriberConfig
from core.db.engine import Database
from core.db.models import ArticleRow, CrawlRun, Delivery, Source
from jobs.demo.site import DemoSite, load_articles, serve_demo_site

BIN = Path(sys.executable).parent / "inspectwatch"
SECRET = "test-secret-for-unsubscribe-links"
BROAD_WATCH = "Jinan OR county OR district OR city OR 济南 OR 调研"



def write_config(folder: Path, *, site_url: str, smtp_port: int, sources: dict[str, str],
                 crawl_timeout: float = 120) -> Path:
    """A config directory: loopback SMTP, private networks allowed, ``sources`` name -> schedule."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inspectwatch.toml").write_text(f"""
[smtp]
host = "127.0.0.1"
port = {smtp_port}
security = "none"
timeout = 5
sender = "inspectwatch <digest@iw.example.org>"
[crawl]
allow_private_networks = true
obey_robots = false
delay = 0
max_pages_per_source = 20
download_timeout = 10
crawl_timeout = {crawl_timeout}
[digest]
base_url = "http://127.0.0.1:8080"
first_digest_days = 36500  # the demo snapshot's visits are from 2023: new to these tests
""")
    entries = []
    for name, schedule in sources.items():
        column = 2002 if name.endswith("zh") else 2001
        language = "zh" if name.endswith("zh") else "en"
        entries.append(f'[[sources]]\nname = "{name}"\ncms = "hanweb"\nlanguage = "{language}"\n'
                       f'schedule = "{schedule}"\ntimezone = "UTC"\n'
                       f'start_urls = ["{site_url}/col/col{column}/index.html"]\n')
    (folder / "sources.toml").write_text("\n".join(entries))
    (folder / "topics.toml").write_text('[topics.carbon]\nen = ["carbon", "graphite"]\nzh = ["炭素"]\n')
    return folder


def add_subscribers(db_url: str, emails: list[str], watches: list[str], frequency: str = "immediate") -> None:
    from notifier.subscribers import import_subscribers

    db = Database(db_url)
    try:
        import_subscribers(db, [SubscriberConfig(email=e, frequency=frequency, timezone="UTC",
                                                 watches=watches) for e in emails])
    finally:
        db.close()


class DaemonProcess:
    """`inspectwatch run` in its own process group, logging JSON to a file."""

    def __init__(self, config: Path, db_url: str, log: Path, *args: str) -> None:
        self.port = free_port()
        self.health_port = free_port()
        self.log = log
        env = {**os.environ, "INSPECTWATCH_SECRET": SECRET, "PYTHONUNBUFFERED": "1"}
        command = [str(BIN), "--config", str(config), "--db", db_url, "run", "--port", str(self.port),
                   "--health-port", str(self.health_port), "--log-format", "json", "--grace", "20", *args]
        with log.open("ab") as out:
            self.proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env,
                                         start_new_session=True)

    def health(self) -> dict[str, Any] | None:
        """The detailed report, from the admin address."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.health_port}/healthz", timeout=5) as reply:
                return dict(json.load(reply))
        except urllib.error.HTTPError as exc:
            return dict(json.load(exc))
        except (OSError, ValueError):
            return None

    def public_health(self) -> tuple[int, str]:
        """What anyone who reaches the unsubscribe port learns from /healthz."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5) as reply:
                return reply.status, reply.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def wait_healthy(self, timeout: float = 60) -> dict[str, Any]:
        wait_for(lambda: self.proc.poll() is not None or (self.health() or {}).get("status") == "ok",
                 timeout, "daemon healthy", self.log)
        assert self.proc.poll() is None, self.log.read_text()[-3000:]
        return self.health() or {}

    def kill9(self) -> None:
        """Kill the whole process group (daemon and crawl children), as a power cut would."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def terminate(self, timeout: float = 60) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout)

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib_suppress():
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def log_lines(self) -> list[dict[str, Any]]:
        lines = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("{"):
                with contextlib_suppress():
                    lines.append(json.loads(line))
        return lines


def contextlib_suppress() -> Any:
    import contextlib

    return contextlib.suppress(Exception)


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, log: Path | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    raise AssertionError(f"timed out after {timeout}s waiting for {what}\n{tail}")


def scalar(db_url: str, query: Any) -> Any:
    db = Database(db_url, apply_migrations=False)
    try:
        with db.session() as session:
            return session.scalar(query)
    finally:
        db.close()


def finished_runs(db_url: str, source: str | None = None) -> int:
    query = select(func.count()).select_from(CrawlRun).where(CrawlRun.finished_at.is_not(None))
    if source:
        query = query.join(Source, Source.id == CrawlRun.source_id).where(Source.name == source)
    return int(scalar(db_url, query) or 0)


def article_count(db_url: str) -> int:
    return int(scalar(db_url, select(func.count()).select_from(ArticleRow)) or 0)


def job_ids(db_url: str) -> list[str]:
    db = Database(db_url, apply_migrations=False)
    try:
        with db.session() as session:
            return sorted(session.scalars(text("SELECT id FROM apscheduler_jobs")))
    finally:
        db.close()


@contextmanager
def daemon(config: Path, db_url: str, log: Path, *args: str) -> Iterator[DaemonProcess]:
    process = DaemonProcess(config, db_url, log, *args)
    try:
        yield process
    finally:
        process.stop()


class SlowSite(DemoSite):
    """Article pages (and, if set, list pages) answer after a pause, so that a crawl is long enough
    to be killed mid-way."""

    delay = 0.3
    list_delay = 0.0

    def get(self, path: str) -> tuple[int, str, str]:
        if path.startswith("/art/"):
            time.sleep(self.delay)
        elif path != "/robots.txt":
            time.sleep(self.list_delay)
        return super().get(path)


def small_site(en: int = 6, zh: int = 4, site_class: type[DemoSite] = DemoSite) -> DemoSite:
    """The demo snapshot cut to a few articles per column, so that a crawl takes seconds."""
    columns = load_articles()
    return site_class(columns={2001: columns[2001][:en], 2002: columns.get(2002, [])[:zh]})


@pytest.fixture
def site() -> Iterator[str]:
    with serve_demo_site(small_site()) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


def test_first_start_crawls_every_source_then_follows_schedule(tmp_path, site, sqlite_url):
    db_url = sqlite_url
    config = write_config(tmp_path / "config", site_url=site, smtp_port=free_port(),
                          sources={"demo-en": "3s", "demo-zh": "1h"})
    with daemon(config, db_url, tmp_path / "daemon.log") as proc:
        proc.wait_healthy()
        wait_for(lambda: finished_runs(db_url, "demo-en") >= 2 and finished_runs(db_url, "demo-zh") >= 1,
                 90, "first crawls and a scheduled one", proc.log)
        health = proc.wait_healthy()
        assert {j["id"] for j in health["jobs"]} >= {"crawl:demo-en", "crawl:demo-zh", "digest:sweep"}
        assert health["sources"]["demo-en"]["last_run"]["status"] in ("ok", "running"), health
        assert proc.public_health() == (200, "ok\n")  # no jobs, errors or sources on the public port
        assert proc.terminate() == 0
    assert finished_runs(db_url, "demo-zh") == 1  # hourly: once at first start, not again
    lines = proc.log_lines()
    ends = [line for line in lines if line.get("event") == "end" and line.get("source") == "demo-en"]
    assert ends and all("visits_new" in line and "seconds" in line for line in ends)
    assert any(line.get("event") == "daemon-stop" for line in lines)
    assert scalar(db_url, text("SELECT count(*) FROM locks")) == 0  # released on exit


def test_restart_replaces_jobs_and_drops_removed_sources(tmp_path, site, db_url):
    config = write_config(tmp_path / "config", site_url=site, smtp_port=free_port(),
                          sources={"demo-en": "1h", "demo-zh": "1h"})
    with daemon(config, db_url, tmp_path / "a.log") as proc:
        proc.wait_healthy()
        wait_for(lambda: finished_runs(db_url) >= 2, 90, "first crawls", proc.log)
        assert proc.terminate() == 0
    assert job_ids(db_url) == ["crawl:demo-en", "crawl:demo-zh", "digest:sweep"]
    add_subscribers(db_url, ["daily@example.org"], ["carbon"], frequency="daily")
    write_config(config, site_url=site, smtp_port=free_port(), sources={"demo-en": "2h"})
    with daemon(config, db_url, tmp_path / "b.log") as proc:
        health = proc.wait_healthy()
        assert proc.terminate() == 0
    assert job_ids(db_url) == ["crawl:demo-en", "digest:daily:08:00:UTC", "digest:sweep"]
    assert finished_runs(db_url) == 2  # not due again after a restart within the hour
    assert health["status"] == "ok"


def test_second_daemon_on_same_database_refuses(tmp_path, site, db_url):
    config = write_config(tmp_path / "config", site_url=site, smtp_port=free_port(),
                          sources={"demo-en": "1h"})
    with daemon(config, db_url, tmp_path / "a.log") as first:
        first.wait_healthy()
        second = subprocess.run([str(BIN), "--config", str(config), "--db", db_url, "run", "--port", "0"],
                                capture_output=True, text=True, timeout=60,
                                env={**os.environ, "INSPECTWATCH_SECRET": SECRET})
        assert second.returncode == 1
        assert "Error: lock 'scheduler' is held by" in second.stderr and "refusing to run" in second.stderr
        assert first.terminate() == 0


def test_missing_secret_is_a_usage_error(tmp_path, site):
    config = write_config(tmp_path / "config", site_url=site, smtp_port=free_port(),
                          sources={"demo-en": "1h"})
    env = {k: v for k, v in os.environ.items() if k != "INSPECTWATCH_SECRET"}
    done = subprocess.run([str(BIN), "--config", str(config), "--db", f"sqlite:///{tmp_path}/x.db", "run"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: environment variable INSPECTWATCH_SECRET is not set")


def test_immediate_digest_follows_a_crawl_with_new_visits(tmp_path, site, sqlite_url):
    db_url = sqlite_url
    from jobs.demo.smtp import local_smtp

    with local_smtp() as (smtp_port, handler):
        config = write_config(tmp_path / "config", site_url=site, smtp_port=smtp_port,
                              sources={"demo-en": "1h"})
        add_subscribers(db_url, ["now@example.org"], [BROAD_WATCH])
        with daemon(config, db_url, tmp_path / "d.log", "--digest-every", "1h") as proc:
            proc.wait_healthy()
            wait_for(lambda: handler.count >= 1, 120, "an immediate digest", proc.log)
            sent = scalar(db_url, select(func.count()).select_from(Delivery).where(Delivery.state == "sent"))
            assert sent >= 1
            assert proc.terminate() == 0
        assert any(line.get("job") == "digest:immediate" and line.get("event") == "end"
                   for line in proc.log_lines())


def test_sigterm_lets_the_running_crawl_finish_then_exits_0(tmp_path, sqlite_url):
    site = SlowSite(columns=small_site(en=8, zh=0).columns)
    with serve_demo_site(site) as url:
        config = write_config(tmp_path / "config", site_url=url, smtp_port=free_port(),
                              sources={"demo-en": "1h"})
        with daemon(config, sqlite_url, tmp_path / "d.log") as proc:
            proc.wait_healthy()
            wait_for(lambda: article_count(sqlite_url) >= 1, 60, "a crawl under way", proc.log)
            assert proc.terminate() == 0
    assert article_count(sqlite_url) == site.article_count  # the crawl was let finish
    statuses = scalar(sqlite_url, select(func.group_concat(CrawlRun.status)))
    assert statuses == "ok"
    assert scalar(sqlite_url, text("SELECT count(*) FROM locks")) == 0


def _counted(health: dict[str, Any], job: str, failures: int) -> dict[str, Any] | None:
    return health if health["counts"][job]["failures"] >= failures else None


def test_a_hanging_crawl_is_killed_counted_and_the_daemon_goes_on(tmp_path, sqlite_url):
    site = SlowSite(columns=small_site(en=30, zh=0).columns)
    site.list_delay = 7.0  # the list page outlasts the 5 s timeout: every crawl hangs
    with serve_demo_site(site) as url:
        config = write_config(tmp_path / "config", site_url=url, smtp_port=free_port(),
                              sources={"demo-en": "2s"}, crawl_timeout=5)
        with daemon(config, sqlite_url, tmp_path / "d.log") as proc:
            proc.wait_healthy()
            wait_for(lambda: finished_runs(sqlite_url) >= 2, 90, "two timed-out crawls", proc.log)
            # the run's row is closed before the job returns and the daemon counts it: wait for both
            health = wait_for(lambda: _counted(proc.wait_healthy(), "crawl:demo-en", 2), 30,
                              "the daemon to count two crawl failures", proc.log)
            assert health["counts"]["crawl:demo-en"]["failures"] >= 2
            assert "timed out" in health["counts"]["crawl:demo-en"]["last_error"]
            assert health["sources"]["demo-en"]["last_run"]["status"] in ("failed", "running")
            assert proc.terminate() == 0
    failed = [line for line in proc.log_lines() if line.get("source") == "demo-en"
              and line.get("event") == "end" and line.get("status") == "failed"]
    assert len(failed) >= 2 and failed[0]["level"] == "error" and "timed out" in failed[0]["message"]


def test_log_formats_carry_job_figures():
    import logging

    from jobs.logging_setup import JsonFormatter, TextFormatter, job_fields

    record = logging.LogRecord("inspectwatch.jobs", logging.INFO, __file__, 1, "job end %s", ("crawl:a",),
                               None)
    record.__dict__.update(job_fields(job="crawl:a", source="a", visits_new=3))
    entry = json.loads(JsonFormatter().format(record))
    assert entry["msg"] == "job end crawl:a" and entry["visits_new"] == 3 and entry["level"] == "info"
    assert TextFormatter().format(record).endswith("job end crawl:a job=crawl:a source=a visits_new=3")
