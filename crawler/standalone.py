"""A crawl started by Scrapy's own commands: ``scrapy crawl news -a source=NAME``, or a Scrapyd job.

The CLI and the daemon hand the news spider a ready :class:`~crawler.crawl_context.CrawlContext`;
Scrapy's commands give only spider arguments. :func:`standalone_context` opens the
config and database the project settings name (:mod:`crawler.project_settings`)
and opens one crawl run per source, owned by this process, exactly as
:func:`crawler.runner.crawl_sources` does; when the spider closes, the runs it did
not record are failed, each source's health is judged and the admin alerted about
newly broken sources, as after a crawl by the CLI. A Scrapyd job
(:mod:`crawler.scrapyd_backend`) instead names the run its scheduler opened
(``-a run=ID -a owner=...``) and records only that; its scheduler does the rest.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import date
from typing import Any

from core.config import Config, ConfigError, load_config
from core.crawl_runs import fail_unfinished, start_runs
from core.db.engine import Database
from core.owner import make_owner
from crawler.alerts import alert_broken
from crawler.crawl_context import CrawlContext, select_sources
from crawler.settings import CONFIG_DIR, DB_URL
from crawler.source_health import judge

logger = logging.getLogger(__name__)
NOT_A_PROJECT = (f"the news spider needs the inspectwatch Scrapy project: run scrapy from the directory "
                 f"holding scrapy.cfg (settings {CONFIG_DIR} and {DB_URL} are missing)")


class SpiderArgumentError(ValueError):
    """A spider argument or the project's config is wrong; the message says which and why."""


def parse_since(since: str | None) -> date | None:
    if not since:
        return None
    try:
        return date.fromisoformat(since)
    except ValueError:
        raise SpiderArgumentError(f"spider argument since={since!r}: expected a date, YYYY-MM-DD") from None


def parse_run(run: str, owner: str | None, names: list[str] | None) -> int:
    """The crawl run a Scrapyd job records (its scheduler opened it), from the spider arguments."""
    if not names or len(names) != 1:
        raise SpiderArgumentError(f"spider argument run={run!r}: expected exactly one source with it")
    if not owner:
        raise SpiderArgumentError(f"spider argument run={run!r}: expected the run's owner too (owner=...)")
    try:
        return int(run)
    except ValueError:
        raise SpiderArgumentError(f"spider argument run={run!r}: expected a crawl run id") from None


def standalone_context(settings: Any, source: str | None, since: str | None, *, run: str | None = None,
                       owner: str | None = None) -> CrawlContext:
    """The context of a crawl of ``source`` (a name, or names joined by commas; default: every
    enabled source), with its runs opened. Raises SpiderArgumentError for bad arguments or config.

    A Scrapyd job names the ``run`` (and its ``owner``) that its scheduler opened for its one
    source (:mod:`crawler.scrapyd_backend`): the job records that run, and the scheduler, which
    migrated the database, judges health and alerts once every job has ended.
    """
    directory, db_url = settings.get(CONFIG_DIR), settings.get(DB_URL)
    if not directory or not db_url:
        raise SpiderArgumentError(NOT_A_PROJECT)
    try:
        config = load_config(directory)
        names = [n.strip() for n in source.split(",") if n.strip()] if source else None
        chosen = select_sources(config, names)
    except ConfigError as exc:
        raise SpiderArgumentError("; ".join(exc.problems)) from None
    if not chosen:
        raise SpiderArgumentError(f"{config.directory / 'sources.toml'}: no enabled sources to crawl")
    start = parse_since(since)
    assigned = parse_run(run, owner, names) if run is not None else None
    if assigned is not None:
        db = Database(db_url, apply_migrations=False)  # the scheduler migrated it
        run_ids = {chosen[0].name: assigned}
    else:
        db = Database(db_url)
        owner = make_owner()
        run_ids = start_runs(db, chosen, owner)
    context = CrawlContext(db=db, sources=chosen, run_ids=run_ids, since=start,
                           max_pages=config.settings.crawl.max_pages_per_source,
                           topics=config.topic_keywords(), owner=owner)
    context.on_close = lambda: finish(config, context, judge_health=assigned is None)
    return context


def context_or_exit(settings: Any, source: str | None, since: str | None, *, run: str | None = None,
                    owner: str | None = None) -> CrawlContext:
    """:func:`standalone_context`, or ``Error: ...`` on stderr and exit status 2 for bad arguments
    or config (nothing has been opened yet; Scrapy would print a traceback and exit 0)."""
    try:
        return standalone_context(settings, source, since, run=run, owner=owner)
    except SpiderArgumentError as exc:
        logger.error("Error: %s", exc)
        sys.stderr.write(f"Error: {exc}\n")
        sys.stderr.flush()
        os._exit(2)


def finish(config: Config, context: CrawlContext, judge_health: bool = True) -> None:
    """After the spider recorded its runs: fail what it did not record, judge health, alert, close."""
    db = context.db
    try:
        fail_unfinished(db, context.run_ids, "the crawl ended without recording its figures")
        if not judge_health:
            return
        for name, reason in judge(db, list(context.run_ids), config.settings.crawl.broken_after_runs):
            alert_broken(db, config.settings, name, reason)
    finally:
        db.close()
