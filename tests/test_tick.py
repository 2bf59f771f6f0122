"""`inspectwatch tick` and the due-ness it is built on (schedules judged from the database)."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import func, select
from test_daemon import BIN, BROAD_WATCH, SECRET, add_subscribers, free_port, small_site, write_config

from core.config import Config, Settings, SourceConfig
from core.crawl_runs import last_crawl_starts, mark_interrupted
from core.db.engine import Database
from core.db.models import CrawlRun, Source
from jobs.demo.site import serve_demo_site
from jobs.demo.smtp import local_smtp
from jobs.job_specs import (
    DigestSlot,
    aware,
    crawl_due_at,
    crawl_specs,
    crawl_trigger,
    digest_specs,
    is_due,
)
from jobs.lock import DbLock

NOW = datetime(2026, 3, 2, 9, 0, 0)  # a Monday, naive UTC as stored


def source(schedule: str, tz: str = "Asia/Shanghai", name: str = "s") -> SourceConfig:
    return SourceConfig(name=name, cms="hanweb", start_urls=["https://example.org/"], schedule=schedule,
                        timezone=tz)


def test_interval_source_is_due_once_its_interval_has_passed():
    s = source("30m")
    assert is_due(s, None, NOW)  # never crawled: due at once
    assert not is_due(s, NOW - timedelta(minutes=29), NOW)
    assert is_due(s, NOW - timedelta(minutes=30), NOW)


def test_cron_source_is_due_at_next_fire_time_in_its_time_zone():
    s = source("0 8 * * *", tz="Asia/Shanghai")  # 08:00 Shanghai = 00:00 UTC
    assert crawl_due_at(s, datetime(2026, 3, 1, 23, 0)) == aware(datetime(2026, 3, 2, 0, 0))
    assert is_due(s, datetime(2026, 3, 1, 23, 0), NOW)
    assert not is_due(s, datetime(2026, 3, 2, 0, 5), NOW)  # crawled after today's 08:00 already


def test_crawl_specs_take_their_first_run_from_the_database():
    sources = [source("1h", name="fresh"), source("1h", name="recent"), source("1h", name="stale")]
    config = Config(Path("config"), Settings(), sources, {}, [])
    starts = {"recent": NOW - timedelta(minutes=20), "stale": NOW - timedelta(hours=3)}
    specs = {spec.id: spec for spec in crawl_specs(config, starts, NOW)}
    assert specs["crawl:fresh"].next_run_time == aware(NOW)
    assert specs["crawl:stale"].next_run_time == aware(NOW)
    assert specs["crawl:recent"].next_run_time == aware(NOW + timedelta(minutes=40))
    assert specs["crawl:recent"].misfire_grace_time == 3600
    options = specs["crawl:recent"].add_job_kwargs()
    assert options["replace_existing"] and options["coalesce"] and options["max_instances"] == 1


def test_triggers_carry_time_zone_and_jitter():
    trigger = crawl_trigger(source("0 */2 * * *", tz="Europe/Berlin"), jitter=30)
    assert isinstance(trigger, CronTrigger) and str(trigger.timezone) == "Europe/Berlin"
    assert trigger.jitter == 30


def test_digest_slots_are_cron_jobs_in_the_subscribers_time_zone():
    weekly = DigestSlot("weekly", "09:00", "Europe/Berlin", "mon")
    daily = DigestSlot("daily", "07:30", "America/New_York")
    specs = {spec.id: spec for spec in digest_specs([weekly, daily], NOW, 300)}
    assert set(specs) == {"digest:sweep", "digest:weekly:mon:09:00:Europe/Berlin",
                          "digest:daily:07:30:America/New_York"}
    fire = specs["digest:daily:07:30:America/New_York"].trigger.get_next_fire_time(None, aware(NOW))
    assert fire == aware(datetime(2026, 3, 2, 12, 30))  # 07:30 EST
    assert specs["digest:sweep"].next_run_time == aware(NOW)


def test_interrupted_runs_do_not_count_as_crawls(db_url):
    db = Database(db_url)
    try:
        with db.session() as session, session.begin():
            src = Source(name="s")
            session.add(src)
            session.flush()
            session.add(CrawlRun(source_id=src.id, started_at=NOW - timedelta(hours=2), status="ok",
                                 finished_at=NOW - timedelta(hours=2)))
            session.add(CrawlRun(source_id=src.id, started_at=NOW - timedelta(minutes=5), status="running"))
        assert last_crawl_starts(db) == {"s": NOW - timedelta(minutes=5)}
        assert mark_interrupted(db) == 1
        assert last_crawl_starts(db) == {"s": NOW - timedelta(hours=2)}
    finally:
        db.close()


def tick(config, db_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN), "--config", str(config), "--db", db_url, "tick"], capture_output=True,
                          text=True, timeout=180, env={**os.environ, "INSPECTWATCH_SECRET": SECRET})


def crawl_runs(db_url: str) -> int:
    db = Database(db_url, apply_migrations=False)
    try:
        with db.session() as session:
            return int(session.scalar(select(func.count()).select_from(CrawlRun)) or 0)
    finally:
        db.close()


def test_tick_twice_in_a_row_does_no_duplicate_work(tmp_path, db_url):
    add_subscribers(db_url, ["tick@example.org"], [BROAD_WATCH])
    with serve_demo_site(small_site(en=4, zh=0)) as url, local_smtp() as (port, handler):
        config = write_config(tmp_path / "config", site_url=url, smtp_port=port, sources={"demo-en": "1h"})
        first = tick(config, db_url)
        assert first.returncode == 0, first.stderr[-3000:]
        assert "tick: crawled 1 source(s) (demo-en)" in first.stdout and "sent 1 digest(s)" in first.stdout
        second = tick(config, db_url)
        assert second.returncode == 0, second.stderr[-3000:]
        assert "crawled 0 source(s) (none due)" in second.stdout and "sent 0 digest(s)" in second.stdout
    assert crawl_runs(db_url) == 1
    assert handler.count == 1


def test_tick_refuses_while_the_lock_is_held(tmp_path, db_url):
    config = write_config(tmp_path / "config", site_url="http://127.0.0.1:9", smtp_port=free_port(),
                          sources={"demo-en": "1h"})
    db = Database(db_url)
    holder = DbLock(db, owner="otherhost:77:abcd")
    holder.acquire()
    try:
        done = tick(config, db_url)
    finally:
        holder.release()
        db.close()
    assert done.returncode == 1
    assert done.stderr.startswith("Error: lock 'scheduler' is held by otherhost:77:abcd")
    assert crawl_runs(db_url) == 0


@pytest.mark.parametrize("command", ["run", "tick"])
def test_help_ends_with_an_example(command):
    done = subprocess.run([str(BIN), command, "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "Example:" in done.stdout and "inspectwatch " in done.stdout.split("Example:")[1]
