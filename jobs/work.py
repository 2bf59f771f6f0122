"""The work every job does, shared by the daemon and by the one-shot ``tick``.

* :func:`run_crawls` crawls sources together (a child process per batch of
  ``crawl.max_parallel_sources``; each source stopped alone at ``crawl.crawl_timeout``)
  and logs one line per source.
* :func:`run_digests` queues new matches and sends whatever digests are due;
  the deliveries ledger makes a repeat send nothing twice.
* :func:`tick` does what is due now, judged from the database alone, so
  running it twice in a row does no duplicate work.

Nothing here remembers what ran: a crawl catches up from the URLs already
stored, a digest from the ledger.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from core.config import Config
from core.crawl_runs import SourceRunStats, last_crawl_starts
from core.db.engine import Database, utcnow
from jobs.job_specs import is_due
from jobs.logging_setup import job_fields

if TYPE_CHECKING:
    from notifier.delivery import DigestReport

log = logging.getLogger("inspectwatch.jobs")


@dataclass
class Runtime:
    """What jobs work on: config, database, the link-signing secret; one digest run at a time
    (two at once could mail one pending row twice) and one crawl start at a time."""

    config: Config
    db: Database
    secret: str | None = None
    digest_lock: threading.Lock = field(default_factory=threading.Lock)
    # Crawl batches in one daemon run one after the other: one crawl process at a time bounds the
    # daemon's memory and CPU; the sources due together are crawled together, in one batch.
    crawl_lock: threading.RLock = field(default_factory=threading.RLock)
    # Asked before each digest is sent: does this process still hold the scheduler lock? (renews its lease)
    lease: Callable[[], bool] | None = None


@dataclass
class TickReport:
    due: list[str] = field(default_factory=list)
    visits_new: int = 0
    crawl_failures: list[str] = field(default_factory=list)  # "name: failed: reason", one per source
    digests_sent: int = 0
    digest_failures: int = 0

    @property
    def ok(self) -> bool:
        return not self.crawl_failures and not self.digest_failures


def crawl_failed(stats: SourceRunStats) -> bool:
    """Anything but ``ok``: failed (timed out, crashed, ended early) or interrupted."""
    return stats.failed


def run_crawls(runtime: Runtime, sources: list[str], job: str) -> list[SourceRunStats]:
    """Crawl ``sources`` now, together (a child process per batch of ``crawl.max_parallel_sources``);
    log a start and an end line per source."""
    from crawler.runner import crawl_sources

    with runtime.crawl_lock:
        for name in sources:
            log.info("job start %s", job, extra=job_fields(job=job, source=name, event="start"))
        started = time.monotonic()
        results = crawl_sources(runtime.config, runtime.db, sources=sources)
    seconds = round(time.monotonic() - started, 2)
    for stats in results:
        level = logging.ERROR if crawl_failed(stats) else logging.INFO
        log.log(level, "job end %s", job, extra=job_fields(
            job=job, source=stats.source, event="end", status=stats.status, seconds=seconds,
            articles_new=stats.articles_new, articles_updated=stats.articles_updated,
            visits_new=stats.visits_new, errors=stats.errors, parse_failures=stats.parse_failures,
            message=stats.message, broken=stats.broken))
    return results


def run_digests(runtime: Runtime, job: str, now: datetime | None = None) -> DigestReport:
    """Queue new matches and send the digests due at ``now``; one digest run at a time."""
    from notifier.delivery import send_due_digests
    from notifier.match_queue import queue_new_matches

    with runtime.digest_lock:
        now = now or utcnow()
        log.info("job start %s", job, extra=job_fields(job=job, event="start"))
        started = time.monotonic()
        queued = queue_new_matches(runtime.db, runtime.config.topic_keywords(), now,
                                   fresh_days=runtime.config.settings.digest.first_digest_days)
        report = send_due_digests(runtime.db, runtime.config, now, secret=runtime.secret, guard=runtime.lease)
        level = logging.WARNING if report.failures or report.deferred else logging.INFO
        log.log(level, "job end %s", job, extra=job_fields(
            job=job, event="end", seconds=round(time.monotonic() - started, 2), queued=queued,
            due=report.subscribers, sent=report.digests_sent, visits=report.visits_delivered,
            deferred=report.deferred, failures=report.failures, gave_up=report.gave_up))
        for error in report.errors[:5]:
            log.warning("digest error: %s", error, extra=job_fields(job=job))
        return report


def due_sources(runtime: Runtime, now: datetime) -> list[str]:
    """Enabled sources whose schedule has come since their last crawl start."""
    starts = last_crawl_starts(runtime.db)
    return [s.name for s in runtime.config.sources if s.enabled and is_due(s, starts.get(s.name), now)]


def _load_digest_code() -> None:
    """Import what :func:`run_digests` needs (about a quarter of a second) while the crawl
    processes' forkserver starts on another core, rather than after the crawl."""
    import notifier.delivery
    import notifier.match_queue  # noqa: F401


def tick(runtime: Runtime, now: datetime | None = None) -> TickReport:
    """Run every job due at ``now``: the due crawls, then the due digests."""
    now = now or utcnow()
    report = TickReport(due=due_sources(runtime, now))
    if report.due:
        from crawler.runner import start_crawl_server

        # it loads the crawl code while this process loads the digests'
        start_crawl_server(runtime.config, len(report.due))
        _load_digest_code()
        for stats in run_crawls(runtime, report.due, "tick:crawl"):
            report.visits_new += stats.visits_new
            if crawl_failed(stats):
                report.crawl_failures.append(stats.failure_line)
    else:
        log.info("no source is due", extra=job_fields(job="tick:crawl", event="skip"))
    digests = run_digests(runtime, "tick:digest", utcnow())
    report.digests_sent = digests.digests_sent
    report.digest_failures = digests.failures
    return report
