"""`inspectwatch run`: the APScheduler daemon.

Jobs live in a SQLAlchemy job store in the project's database (table
``apscheduler_jobs``). At each start the daemon takes the scheduler lock,
closes crawl runs a dead process left open, then re-adds every job under its
fixed id with ``replace_existing`` (removing jobs nobody wants any more) and
a first run time taken from the database: a source never crawled, or overdue,
runs at once. The scheduler's own memory of what ran is never trusted.

Job callables are module-level functions named by import path (so the job
store can pickle them); they reach the running daemon through :data:`_DAEMON`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import threading
import time
from dataclasses import dataclass
from datetime import UTC, timedelta
from types import FrameType
from typing import Any

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED, JobEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler

from core.crawl_runs import last_crawl_starts, mark_interrupted
from core.db.engine import utcnow
from jobs.daemon_state import DaemonState
from jobs.job_specs import (
    JobSpec,
    crawl_batch,
    crawl_specs,
    crawled_lately,
    digest_slots,
    digest_specs,
)
from jobs.lock import DbLock, Heartbeat
from jobs.logging_setup import job_fields
from jobs.work import Runtime, crawl_failed, run_crawls, run_digests

log = logging.getLogger("inspectwatch.daemon")
JOBS_TABLE = "apscheduler_jobs"


@dataclass(frozen=True)
class DaemonOptions:
    host: str = "127.0.0.1"
    port: int = 8080
    health_host: str = "127.0.0.1"
    health_port: int = 8081
    grace: float = 60.0
    jitter: float = 0.0
    sweep_seconds: int = 300
    workers: int = 4
    lock_stale: float = 60.0


_DAEMON: Daemon | None = None


def _current() -> Daemon:
    if _DAEMON is None:
        raise RuntimeError("no daemon is running in this process (a job ran outside `inspectwatch run`)")
    return _DAEMON


def _run(job_id: str, source: str | None, work: Any) -> Any:
    """Run ``work()`` as job ``job_id``: counted, and logged with its source when it raises."""
    state = _current().state
    state.begin(job_id)
    try:
        result = work()
    except Exception as exc:
        log.error("job failed %s: %s", job_id, exc,
                  extra=job_fields(job=job_id, source=source, event="error", error=repr(exc)[:300]))
        state.end(job_id, repr(exc))
        raise
    state.end(job_id, result if isinstance(result, str) else None)
    return result


def crawl_job(source: str) -> None:
    """Scheduled crawl of one source, together with every other source due now (one batch, one
    crawl process); immediate digests follow when it stored new visits. A source a batch took
    along has nothing left to do when its own job comes."""
    daemon = _current()
    job_id = f"crawl:{source}"

    def work() -> str | None:
        with daemon.runtime.crawl_lock:  # waits while another batch is crawled
            batch = _batch_for(daemon, source)
            if not batch:
                return None
            results = run_crawls(daemon.runtime, batch, job_id)
        if sum(r.visits_new for r in results):
            with contextlib.suppress(Exception):  # logged and counted as the digest's failure
                _run("digest:immediate", None, lambda: _digest(daemon, "digest:immediate"))
        mine: str | None = None
        for stats in results:
            error = f"crawl failed: {stats.message}" if crawl_failed(stats) else None
            if stats.source == source:
                mine = error
            else:  # counted under the batch-mate's own job as well
                daemon.state.record(f"crawl:{stats.source}", error)
        return mine

    _run(job_id, source, work)


def _batch_for(daemon: Daemon, source: str) -> list[str]:
    """The sources a crawl job for ``source`` crawls now; empty when there is nothing to do."""
    job_id = f"crawl:{source}"
    if daemon.stop.is_set():
        log.info("job skipped %s (stopping)", job_id, extra=job_fields(job=job_id, source=source,
                                                                        event="skipped"))
        return []
    config, now = daemon.runtime.config, utcnow()
    starts = last_crawl_starts(daemon.runtime.db)
    if crawled_lately(config.source(source), starts.get(source), now):
        log.info("job skipped %s (crawled in another job's batch)", job_id, extra=job_fields(
            job=job_id, source=source, event="skipped"))
        return []
    return crawl_batch(config, starts, source, now)


def _digest(daemon: Daemon, job_id: str) -> str | None:
    report = run_digests(daemon.runtime, job_id)
    return f"{report.failures} digest(s) failed" if report.failures else None


def digest_job(slot: str) -> None:
    """Scheduled digests (a send slot, or the sweep): everything due now is sent."""
    daemon = _current()
    job_id = slot if slot.startswith("digest:") else f"digest:{slot}"
    _run(job_id, None, lambda: _digest(daemon, job_id))


def kill_children() -> int:
    """SIGKILL this process's children (crawls still running after the grace period)."""
    killed = 0
    me = str(os.getpid())
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                ppid = handle.read().rpartition(")")[2].split()[1]
            if ppid == me:
                os.kill(int(entry), signal.SIGKILL)
                killed += 1
        except (OSError, IndexError):
            continue
    return killed


class Daemon:
    """Lock, scheduler, health server and signal handling around the jobs."""

    def __init__(self, runtime: Runtime, options: DaemonOptions) -> None:
        self.runtime = runtime
        self.options = options
        self.state = DaemonState()
        self.stop = threading.Event()
        self.exit_code = 0
        self.lock = DbLock(runtime.db, stale_after=timedelta(seconds=options.lock_stale))
        self.scheduler: BackgroundScheduler | None = None
        self.server: Any = None

    def job_specs(self) -> list[JobSpec]:
        now = utcnow()
        specs = crawl_specs(self.runtime.config, last_crawl_starts(self.runtime.db), now, self.options.jitter)
        return specs + digest_specs(digest_slots(self.runtime.db), now, self.options.sweep_seconds)

    def _build_scheduler(self) -> BackgroundScheduler:
        store = SQLAlchemyJobStore(engine=self.runtime.db.engine, tablename=JOBS_TABLE)
        scheduler = BackgroundScheduler(
            jobstores={"default": store},
            executors={"default": ThreadPoolExecutor(max_workers=self.options.workers)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
            timezone=UTC,
        )
        scheduler.add_listener(self._on_missed, EVENT_JOB_MISSED | EVENT_JOB_MAX_INSTANCES)
        return scheduler

    def _on_missed(self, event: JobEvent) -> None:
        self.state.missed += 1
        log.warning("job skipped %s (missed its time or still running)", event.job_id,
                    extra=job_fields(job=event.job_id, event="skipped"))

    def sync_jobs(self, scheduler: BackgroundScheduler) -> list[JobSpec]:
        """Make the job store hold exactly the wanted jobs (same ids: replaced, never duplicated)."""
        specs = self.job_specs()
        wanted = {spec.id for spec in specs}
        for job in scheduler.get_jobs():
            if job.id not in wanted:
                scheduler.remove_job(job.id)
                log.info("removed job %s (no longer configured)", job.id, extra=job_fields(job=job.id))
        for spec in specs:
            scheduler.add_job(**spec.add_job_kwargs())
        for job in scheduler.get_jobs():
            log.info("job %s: next run %s", job.id, job.next_run_time,
                     extra=job_fields(job=job.id, next_run=str(job.next_run_time)))
        return specs

    def _signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.stop.is_set():
            log.warning("second %s: exiting now", signal.Signals(signum).name)
            self._hard_exit()
        log.info("%s received: stopping (grace %.0fs for running jobs)", signal.Signals(signum).name,
                 self.options.grace)
        self.stop.set()

    def _lost_lock(self) -> None:
        self.exit_code = 1
        self.stop.set()

    def _start_server(self) -> None:
        from jobs.http import start_http

        options = self.options
        self.server = start_http(self, options.host, options.port, options.health_host, options.health_port)

    def run(self) -> int:
        """Run until SIGTERM/SIGINT; return the exit status. Raises LockHeld if another daemon runs."""
        global _DAEMON
        self.lock.acquire()
        self.runtime.lease = self.lock.heartbeat  # each digest is sent only while the lease is ours
        heartbeat = Heartbeat(self.lock, max(1.0, self.options.lock_stale / 4), self._lost_lock)
        try:
            mark_interrupted(self.runtime.db)
            heartbeat.start()
            _DAEMON = self
            self.scheduler = self._build_scheduler()
            self.scheduler.start(paused=True)
            self.sync_jobs(self.scheduler)
            self._start_server()
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, self._signal)
            self.scheduler.resume()
            log.info("daemon started", extra=job_fields(event="daemon-start", owner=self.lock.owner))
            while not self.stop.wait(1.0):
                pass
            self._shutdown()
        finally:
            heartbeat.stop()
            self._close()
        return self.exit_code

    def _shutdown(self) -> None:
        assert self.scheduler is not None
        self.scheduler.pause()
        deadline = time.monotonic() + self.options.grace
        while self.state.running and time.monotonic() < deadline:
            time.sleep(0.2)
        left = list(self.state.running)
        self.scheduler.shutdown(wait=False)
        if left:
            log.warning("grace period over; abandoning running job(s) %s", ", ".join(left))
            self._hard_exit()
        log.info("daemon stopped", extra=job_fields(event="daemon-stop", failures=self.state.failures()))

    def _close(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        try:
            self.lock.release()
        except Exception:  # the database is gone: the lock goes stale on its own
            log.exception("could not release the scheduler lock")

    def _hard_exit(self) -> None:
        """Exit now: kill crawl children, release the lock, skip waiting for worker threads."""
        kill_children()
        self._close()
        logging.shutdown()
        os._exit(self.exit_code)
