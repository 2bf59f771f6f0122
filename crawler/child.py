"""The crawl process: :func:`run_in_process` crawls a batch of sources with Scrapy in this process.

The reactor cannot restart, so each crawl needs a fresh process:
:func:`crawler.runner.crawl_sources` forks one per call and runs
:func:`child_main` in it, which relays log records and progress to the
parent through a queue. The crawl process dies with the process that started
it (:mod:`core.lifeline`), and writes only the runs that process gave it, as
their ``owner``, while they are still running.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.forkserver
import os
from datetime import date
from logging.handlers import QueueHandler
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from core.config import Config, SourceConfig
from core.lifeline import die_with_parent, watch

if TYPE_CHECKING:  # Scrapy is imported by the crawl process only, not by the process starting it
    from scrapy.crawler import Crawler

    from crawler.offload import Offload

logger = logging.getLogger(__name__)


def source_groups(sources: list[SourceConfig]) -> list[list[SourceConfig]]:
    """Sources that share a domain, together: each group is one crawler, so that the per-domain
    limit (two requests at once) holds for the whole batch."""
    groups: list[tuple[set[str], list[SourceConfig]]] = []
    for source in sources:
        domains = _domains([source])
        joined = [g for g in groups if g[0] & domains]
        for group in joined:
            groups.remove(group)
            domains |= group[0]
        groups.append((domains, [s for g in joined for s in g[1]] + [source]))
    return [members for _, members in groups]


def _no_queue_behind_politeness(crawler: Crawler, group: list[SourceConfig]) -> None:
    """As many requests at once as the group's domains allow (two each): no more wait in the
    downloader, so a crawler closed at its timeout has only those in flight to finish, not a
    queue of fetches it took on before (which kept a timed-out crawl running for many seconds)."""
    per_domain = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
    crawler.settings.set("CONCURRENT_REQUESTS", per_domain * max(1, len(_domains(group))), priority="spider")


def _domains(sources: list[SourceConfig]) -> set[str]:
    """The registrable domains the sources' start URLs are on (the unit of politeness)."""
    from crawler.middlewares import base_domain

    return {base_domain(urlsplit(u).hostname or "") for s in sources for u in s.start_urls}


def time_out(crawler: Crawler, seconds: float) -> None:
    """Close one crawler that is still running after ``seconds``; the others in its process go on.
    Requests it has in flight end within ``download_timeout``; no new one starts."""
    from scrapy.utils.defer import deferred_from_coro

    engine = crawler.engine
    if not crawler.crawling or engine is None or engine.spider is None:
        return
    logger.warning("%s: still crawling after %gs (crawl.crawl_timeout); stopping it",
                   ", ".join(getattr(engine.spider, "sources", {})), seconds)
    reason = f"timed out after {seconds:g}s (crawl.crawl_timeout)"
    deferred_from_coro(engine.close_spider_async(reason=reason))


def stop_after(crawler: Crawler, seconds: float) -> None:
    """Time the crawler out ``seconds`` after its spider opens."""
    from scrapy import signals

    def opened() -> None:
        from twisted.internet import reactor  # the one CrawlerProcess installed

        cast(Any, reactor).callLater(seconds, time_out, crawler, seconds)

    crawler.signals.connect(opened, signal=signals.spider_opened, weak=False)


def run_in_process(config: Config, db_url: str, run_ids: dict[str, int], *, since: date | None = None,
                   progress: Any = None, overrides: dict[str, Any] | None = None,
                   log_level: int | None = None, owner: str | None = None,
                   offload: Offload | None = None) -> None:
    """Run one crawl of the sources in ``run_ids`` here (a fresh process: the reactor starts here).

    Sources are crawled together, one crawler per group of sources sharing a domain
    (:func:`source_groups`), each closed alone after ``crawl.crawl_timeout`` seconds.
    ``run_ids`` maps source names to their ``crawl_runs`` rows, which get the figures if they are
    still running and owned by ``owner``. The database is migrated already
    (:func:`crawler.runner.crawl_sources` did it). ``offload``: the crawl's worker
    (:func:`start_worker`); without one pages are read and articles stored in this process.
    """
    from scrapy.crawler import CrawlerProcess

    from core.db.engine import Database
    from crawler.crawl_context import CrawlContext, no_worker
    from crawler.settings import build_settings
    from crawler.spider import NewsSpider

    level = logging.getLevelName(log_level or logging.getLogger().getEffectiveLevel())
    settings = build_settings(config.settings.crawl, log_level=level, overrides=overrides)
    offload = offload or no_worker()
    db = Database(db_url, apply_migrations=False)  # crawl_sources, which started this process, migrated
    timeout = config.settings.crawl.crawl_timeout
    try:
        process = CrawlerProcess(settings)
        for group in source_groups([config.source(n) for n in run_ids]):
            context = CrawlContext(db=db, sources=group, run_ids={s.name: run_ids[s.name] for s in group},
                                   since=since, max_pages=config.settings.crawl.max_pages_per_source,
                                   topics=config.topic_keywords(), progress=progress, owner=owner,
                                   offload=offload)
            crawler = process.create_crawler(NewsSpider)
            _no_queue_behind_politeness(crawler, group)
            stop_after(crawler, timeout)
            process.crawl(crawler, context=context)
        process.start()
    finally:
        db.close()


def start_worker(db_url: str) -> Offload:
    """The crawl's worker process (:mod:`crawler.offload`), started; without one (it could not be
    forked), the crawl reads and stores in this process.

    Call it first thing in a crawl process: forked before this process has a thread of its own
    or a database connection, and while its memory is still what the forkserver preloaded, which
    the worker then shares with both (a page this process wrote before the fork would be copied
    again at its next write, about a quarter of a second per crawl process with the extraction
    preloaded)."""
    from crawler.crawl_context import no_worker

    offload = no_worker()
    try:
        offload.start(db_url)
    except OSError as exc:
        logger.warning("the crawl's worker process could not start (%s); reading and storing here", exc)
    return offload


class RelayHandler(QueueHandler):
    """Sends plain, picklable copies of log records (Scrapy attaches spiders and crawlers to them).

    Messages are cut to 2,000 characters, so each fits one atomic pipe write: a crawl
    process killed mid-log cannot leave half a message in the queue.
    """

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
        keep = ("name", "levelno", "levelname", "pathname", "lineno", "funcName", "created", "msecs",
                "process", "processName", "thread", "threadName", "module", "filename")
        fields = {k: getattr(record, k, None) for k in keep}
        return logging.makeLogRecord({**fields, "msg": message[:2000]})


def forsake_forkserver() -> None:
    """Close this process's copy of the write end of the forkserver's alive pipe.

    A forkserver child inherits it (to start processes of its own, which a crawl never does);
    while any copy is open, the forkserver outlives the program that started it, and so does a
    death signal tied to the forkserver.
    """
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    fd = getattr(server, "_forkserver_alive_fd", None)
    if isinstance(fd, int) and multiprocessing.parent_process() is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]


def child_main(config: Config, db_url: str, run_ids: dict[str, int], since: date | None, events: Any,
               want_progress: bool, overrides: dict[str, Any] | None, log_level: int, owner: str,
               lifeline: Connection) -> None:
    """Entry point of the crawl process: log records and progress go to the parent via ``events``;
    the process kills itself when ``lifeline`` says the parent is gone."""
    forsake_forkserver()
    die_with_parent()  # the forkserver, under one: it ends once the parent and its crawls are gone
    root = logging.getLogger()
    relay = RelayHandler(events)
    relay.setLevel(log_level)  # Scrapy resets the root logger's level; the handler keeps ours
    root.handlers[:] = [relay]
    root.setLevel(log_level)
    offload = start_worker(db_url)  # before any thread of this process; it logs through ``events`` too
    try:
        watch(lifeline)  # the parent itself
        settings = {**(overrides or {}), "LOG_INSTALL_ROOT_HANDLER": False}
        run_in_process(config, db_url, run_ids, since=since, progress=events if want_progress else None,
                       overrides=settings, log_level=log_level, owner=owner, offload=offload)
    finally:
        offload.close()
