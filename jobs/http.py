"""The daemon's HTTP listeners: the public web app of :mod:`notifier.web`, and the admin health report.

On the public address ``GET /healthz`` says only ``ok`` (200) or ``failing``
(503): the scheduler runs and the lock is still ours. On the admin address
(``--health-host``/``--health-port``, loopback by default) ``GET /healthz``
answers JSON with the same status code: the jobs with their next run times,
the jobs running now, runs, failures and last errors per job since start, and
each configured source's last crawl run from the database.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from apscheduler.schedulers.base import STATE_RUNNING, BaseScheduler
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from core.crawl_runs import latest_runs
from core.db.engine import Database, utcnow
from jobs.daemon_state import DaemonState
from jobs.lock import DbLock
from jobs.work import Runtime
from notifier.web.app import WebContext, create_app
from notifier.web.database import open_web_database
from notifier.web.limits import WebLimits
from notifier.web.middleware import SecurityHeaders
from notifier.web.server import RunningServer, bind, start_in_thread

log = logging.getLogger(__name__)
RUN_FIELDS = ("status", "articles_new", "articles_updated", "visits_new", "errors", "message")


class DaemonView(Protocol):
    """What the listeners read of the running daemon (:class:`jobs.daemon.Daemon`)."""

    @property
    def scheduler(self) -> BaseScheduler | None: ...

    @property
    def stop(self) -> threading.Event: ...

    @property
    def lock(self) -> DbLock: ...

    @property
    def state(self) -> DaemonState: ...

    @property
    def runtime(self) -> Runtime: ...


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def last_runs(db: Database, names: list[str]) -> dict[str, dict[str, Any]]:
    """Each source's last crawl run (or None), by name."""
    latest = latest_runs(db, names)
    runs: dict[str, dict[str, Any]] = {name: {"last_run": None} for name in names}
    for name, run in latest.items():
        entry = {key: getattr(run, key) for key in RUN_FIELDS}
        entry.update(started_at=_iso(run.started_at), finished_at=_iso(run.finished_at))
        runs[name] = {"last_run": entry}
    return runs


def _jobs(daemon: DaemonView) -> list[dict[str, Any]]:
    scheduler = daemon.scheduler
    if scheduler is None:
        return []
    return [{"id": job.id, "next_run": _iso(job.next_run_time)} for job in scheduler.get_jobs()]


def health_report(daemon: DaemonView) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON body) of ``/healthz``."""
    scheduler = daemon.scheduler
    alive = scheduler is not None and scheduler.state == STATE_RUNNING and not daemon.stop.is_set()
    holder = daemon.lock.holder()
    ours = holder is not None and holder[0] == daemon.lock.owner
    with daemon.state.guard:
        running = {job: _iso(since) for job, since in daemon.state.running.items()}
        failures = sum(c.failures for c in daemon.state.counts.values())
        counts = {job: {"runs": c.runs, "failures": c.failures, "last_error": c.last_error,
                        "last_end": _iso(c.last_end)} for job, c in daemon.state.counts.items()}
    names = [s.name for s in daemon.runtime.config.sources if s.enabled]
    body = {
        "status": "ok" if alive and ours else "failing",
        "scheduler": "running" if alive else "stopped",
        "lock": {"owner": daemon.lock.owner, "held": ours,
                 "heartbeat_at": _iso(holder[1]) if holder else None},
        "started_at": _iso(daemon.state.started_at), "now": _iso(utcnow()),
        "running": running, "jobs": _jobs(daemon), "counts": counts,
        "failures": failures, "skipped": daemon.state.missed,
        "sources": last_runs(daemon.runtime.db, names),
    }
    return (200 if alive and ours else 503), body


def is_healthy(daemon: DaemonView) -> bool:
    """The public ``/healthz``: the scheduler runs and the lock is still ours (nothing else is told)."""
    scheduler = daemon.scheduler
    if scheduler is None or scheduler.state != STATE_RUNNING or daemon.stop.is_set():
        return False
    holder = daemon.lock.holder()
    return holder is not None and holder[0] == daemon.lock.owner


def admin_app(daemon: DaemonView) -> Starlette:
    """``GET /healthz`` with the full JSON report, for the admin address only."""

    def report() -> tuple[int, dict[str, Any]]:
        try:
            return health_report(daemon)
        except Exception as exc:  # the database is down: say so, do not crash the handler
            log.warning("health report failed: %s", exc)
            return 503, {"status": "failing", "error": repr(exc)[:300]}

    async def healthz(_request: Request) -> Response:
        status, body = await run_in_threadpool(report)
        text = json.dumps(body, ensure_ascii=False, default=str, indent=1) + "\n"
        return Response(text, status, media_type="application/json")

    return Starlette(routes=[Route("/healthz", healthz, methods=["GET"])],
                     middleware=[Middleware(SecurityHeaders)])


@dataclass
class Listeners:
    """The daemon's two servers: the public app and the admin health report."""

    public: RunningServer
    admin: RunningServer

    def stop(self) -> None:
        self.public.stop()
        self.admin.stop()


def start_http(daemon: DaemonView, host: str, port: int, health_host: str, health_port: int,
               limits: WebLimits | None = None) -> Listeners:
    """Serve the public app on ``host:port`` and the admin ``/healthz`` on ``health_host:health_port``.

    Both addresses are bound before anything is served, so a busy port raises OSError and starts nothing.
    """
    limits = limits or WebLimits()
    public_sock = bind(host, port)
    try:
        admin_sock = bind(health_host, health_port)
    except OSError:
        public_sock.close()
        raise
    web_db = open_web_database(daemon.runtime.db.url, limits.db_busy_ms)
    config = daemon.runtime.config
    web = WebContext(web_db, daemon.runtime.secret or "", limits, config.topic_keywords(), config.settings)
    app = create_app(web, lambda: is_healthy(daemon))
    public = start_in_thread(app, public_sock, limits, on_stop=web_db.close)
    admin = start_in_thread(admin_app(daemon), admin_sock, limits, name="inspectwatch-health")
    log.info("serving unsubscribe pages and /healthz on %s; the health report on %s/healthz",
             public.url, admin.url)
    return Listeners(public, admin)
