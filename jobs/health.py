"""The daemon's HTTP endpoint: the unsubscribe pages of :mod:`notifier.server`, and ``/healthz``.

``GET /healthz`` answers JSON: whether the scheduler is running and the lock
still ours (200, else 503), the jobs with their next run times, the jobs
running now, runs and failures per job since start, and each configured
source's last crawl run from the database.
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.base import STATE_RUNNING
from sqlalchemy import func, select

from core.db.engine import Database, utcnow
from core.db.models import CrawlRun, Source
from notifier.server import UnsubscribeHandler, UnsubscribeServer, make_server

if TYPE_CHECKING:
    from jobs.daemon import Daemon

log = logging.getLogger(__name__)
RUN_FIELDS = ("status", "articles_new", "articles_updated", "visits_new", "errors", "message")


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def last_runs(db: Database, names: list[str]) -> dict[str, dict[str, Any]]:
    """Each source's last crawl run (or None), by name."""
    latest = (select(CrawlRun.source_id, func.max(CrawlRun.id).label("id"))
              .group_by(CrawlRun.source_id).subquery())
    query = (select(Source.name, CrawlRun).join(latest, latest.c.source_id == Source.id)
             .join(CrawlRun, CrawlRun.id == latest.c.id).where(Source.name.in_(names)))
    runs: dict[str, dict[str, Any]] = {name: {"last_run": None} for name in names}
    with db.session() as session:
        for name, run in session.execute(query).all():
            entry = {key: getattr(run, key) for key in RUN_FIELDS}
            entry.update(started_at=_iso(run.started_at), finished_at=_iso(run.finished_at))
            runs[name] = {"last_run": entry}
    return runs


def _jobs(daemon: Daemon) -> list[dict[str, Any]]:
    scheduler = daemon.scheduler
    if scheduler is None:
        return []
    return [{"id": job.id, "next_run": _iso(job.next_run_time)} for job in scheduler.get_jobs()]


def health_report(daemon: Daemon) -> tuple[int, dict[str, Any]]:
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


class DaemonHandler(UnsubscribeHandler):
    """The unsubscribe pages, with a ``/healthz`` that reports on the daemon."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.split("?", 1)[0].rstrip("/") != "/healthz":
            return super().do_GET()
        try:
            status, body = health_report(self.server.daemon)  # type: ignore[attr-defined]
        except Exception as exc:  # the database is down: say so, do not crash the handler
            log.exception("health check failed")
            status, body = 503, {"status": "failing", "error": repr(exc)[:300]}
        text = json.dumps(body, ensure_ascii=False, default=str, indent=1) + "\n"
        self._send(HTTPStatus(status), text, "application/json")

    do_HEAD = do_GET  # noqa: N815


def start_http(daemon: Daemon, host: str, port: int) -> UnsubscribeServer:
    """Serve unsubscribe pages and /healthz on ``host:port`` in a daemon thread."""
    server = make_server(daemon.runtime.db, daemon.runtime.secret or "", host, port)
    server.RequestHandlerClass = DaemonHandler
    server.daemon = daemon  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, name="inspectwatch-http", daemon=True)
    thread.start()
    log.info("serving unsubscribe pages and /healthz on http://%s:%d", *server.server_address[:2])
    return server
