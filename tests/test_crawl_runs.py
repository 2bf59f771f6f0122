"""Crawl runs (core.crawl_runs): a run cut short is recorded one way, ``interrupted``, whoever closes
it, and rows stored the older way (``failed``, "interrupted: ...") are rewritten by migration 0005."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import create_engine, select, text

from core.config import SourceConfig
from core.crawl_runs import (
    FAILED,
    INTERRUPTED,
    OK,
    fail_unfinished,
    last_crawl_starts,
    mark_interrupted,
    read_runs,
    record_run,
    start_runs,
)
from core.db.engine import MIGRATIONS, Database, utcnow
from core.db.models import CrawlRun


def source(name: str = "s") -> SourceConfig:
    return SourceConfig(name=name, cms="hanweb", start_urls=["http://127.0.0.1:9/list.html"])


def statuses(db: Database) -> list[tuple[str, str | None]]:
    with db.session() as session:
        return [(r.status, r.message) for r in session.scalars(select(CrawlRun).order_by(CrawlRun.id))]


def test_a_run_left_running_is_interrupted_when_its_source_is_crawled_again(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        [first] = start_runs(db, [source()]).values()  # its crawl process killed: left running
        [second] = start_runs(db, [source()]).values()
        record_run(db, second, {"articles_new": 3}, OK, None)
        [(status, message), _] = statuses(db)
        assert (status, message) == (INTERRUPTED, "interrupted: the crawl process did not finish")
        with db.session() as session:
            started = {r.id: r.started_at for r in session.scalars(select(CrawlRun))}
        assert last_crawl_starts(db) == {"s": started[second]}
        assert first != second
    finally:
        db.close()


def test_interrupted_runs_do_not_count_as_crawl_starts_and_others_do(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        ids = start_runs(db, [source("a"), source("b")])
        fail_unfinished(db, {"a": ids["a"]}, "crawl timed out")
        assert mark_interrupted(db) == 1  # b's
        assert mark_interrupted(db) == 0
        runs = {r.source: r for r in read_runs(db, ids)}
        assert (runs["a"].status, runs["a"].failed) == (FAILED, True)
        assert (runs["b"].status, runs["b"].failed) == (INTERRUPTED, True)
        assert set(last_crawl_starts(db)) == {"a"}
    finally:
        db.close()


def _alembic(connection: object) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def test_migration_0005_rewrites_runs_stored_failed_as_interrupted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(_alembic(connection), "0004")
        connection.execute(text("INSERT INTO sources (name, cms, language) VALUES ('s', 'hanweb', 'zh')"))
        started = utcnow() - timedelta(hours=1)
        rows = [("failed", "interrupted: the crawl process did not finish"), ("failed", "interrupted"),
                ("failed", "crawl timed out after 1s; the crawl process was killed"), ("ok", None)]
        for status, message in rows:
            connection.execute(text(
                "INSERT INTO crawl_runs (source_id, started_at, status, message, list_pages, not_modified,"
                " list_items, requests, articles_new, articles_updated, visits_new, parse_failures, errors,"
                " bytes) VALUES (1, :started, :status, :message, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)"),
                {"started": started, "status": status, "message": message})
    engine.dispose()
    db = Database(url)  # migrates to the newest revision
    try:
        assert [s for s, _ in statuses(db)] == [INTERRUPTED, INTERRUPTED, FAILED, OK]
    finally:
        db.close()
