"""Crawl runs: the one home of the ``crawl_runs`` table, written and read only through here.

A run is opened ``running`` per source (:func:`start_runs`), owned by the
process that crawls it; that process records its figures and outcome
(:func:`record_run`), ``ok`` or ``failed``, while the run is still running and
its own. A run the crawl did not record is failed (:func:`fail_unfinished`).
A run cut short because the process running it stopped (killed, Ctrl-C, a
daemon that died) is ``interrupted``: by :func:`mark_interrupted` when the
daemon or ``tick`` starts, by :func:`start_runs` when the same source is
crawled again. An interrupted run does not count as a crawl start when the
next crawl is scheduled (:func:`last_crawl_starts`).

Before revision 0005 a run closed by a new crawl of its source was stored as
``failed`` with a message starting "interrupted"; that migration rewrote those
rows to ``interrupted``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from core.config import SourceConfig
from core.db.engine import Database, utcnow
from core.db.models import CrawlRun, Source
from core.store import ensure_source

logger = logging.getLogger(__name__)

RUNNING = "running"
OK = "ok"
FAILED = "failed"
INTERRUPTED = "interrupted"
STATUSES = (RUNNING, OK, FAILED, INTERRUPTED)

FIELDS = ("list_pages", "not_modified", "list_items", "requests", "articles_new", "articles_updated",
          "visits_new", "parse_failures", "errors", "bytes")
STALE = "interrupted: the crawl process did not finish"
DIED = "interrupted: the process running this crawl stopped before it finished"


@dataclass(frozen=True)
class SourceRunStats:
    """One source's figures for one crawl run, as stored in crawl_runs."""

    source: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    list_pages: int
    not_modified: int
    list_items: int
    requests: int
    articles_new: int
    articles_updated: int
    visits_new: int
    parse_failures: int
    errors: int
    bytes: int
    message: str | None
    broken: str | None = None

    @property
    def duration(self) -> float:
        return ((self.finished_at or utcnow()) - self.started_at).total_seconds()

    @property
    def failed(self) -> bool:
        """Anything but ``ok``: failed, interrupted, or still running."""
        return self.status != OK

    @property
    def failure_line(self) -> str:
        """``name: failed: reason``: one line for the operator."""
        return f"{self.source}: {self.status}: {self.message or 'no reason recorded'}"

    @classmethod
    def from_row(cls, run: CrawlRun, source: Source) -> SourceRunStats:
        values = {f: getattr(run, f) or 0 for f in FIELDS}
        return cls(source=source.name, status=run.status, started_at=run.started_at,
                   finished_at=run.finished_at, message=run.message, broken=source.broken_reason, **values)


def start_runs(db: Database, sources: list[SourceConfig], owner: str | None = None) -> dict[str, int]:
    """Close as interrupted the runs a killed crawl left running for these sources, and open one
    run per source, owned by ``owner``; the new runs' ids by source name."""
    with db.session() as session, session.begin():
        ids: dict[str, int] = {}
        for config in sources:
            source = ensure_source(session, config.name, config.cms, config.language)
            source.cms, source.language = config.cms, config.language
            stale = select(CrawlRun).where(CrawlRun.source_id == source.id, CrawlRun.status == RUNNING)
            for run in session.scalars(stale):
                run.status, run.message = INTERRUPTED, STALE
                run.finished_at = run.finished_at or utcnow()
            run = CrawlRun(source_id=source.id, started_at=utcnow(), status=RUNNING, owner=owner)
            session.add(run)
            session.flush()
            ids[config.name] = run.id
    return ids


def record_run(db: Database, run_id: int, values: dict[str, int], status: str, message: str | None, *,
               owner: str | None = None) -> None:
    """Write a run's figures and outcome, only while it is running and (given ``owner``) still its
    owner's: a run closed meanwhile (interrupted, timed out) keeps what it was closed with."""
    query = update(CrawlRun).where(CrawlRun.id == run_id, CrawlRun.status == RUNNING)
    if owner is not None:
        query = query.where(CrawlRun.owner == owner)
    with db.session() as session, session.begin():
        result = session.execute(query.values(**values, status=status, message=message, finished_at=utcnow()))
    if not cast(CursorResult[Any], result).rowcount:
        logger.warning("crawl run %d was closed by another process meanwhile; its figures are not written",
                       run_id)


def fail_unfinished(db: Database, run_ids: dict[str, int], message: str, status: str = FAILED) -> None:
    """Close the runs among ``run_ids`` that are still running: ``status`` (failed), with ``message``."""
    with db.session() as session, session.begin():
        for run in session.scalars(select(CrawlRun).where(CrawlRun.id.in_(list(run_ids.values())))):
            if run.status == RUNNING:
                run.status, run.message, run.finished_at = status, message, utcnow()


def mark_interrupted(db: Database, now: datetime | None = None) -> int:
    """Close every run left running by a process that died; call only while holding the scheduler
    lock (no crawl of this database is running then). Returns how many were closed."""
    with db.session() as session, session.begin():
        result = session.execute(update(CrawlRun).where(CrawlRun.status == RUNNING)
                                 .values(status=INTERRUPTED, finished_at=now or utcnow(), message=DIED))
    count = int(cast(CursorResult[Any], result).rowcount or 0)
    if count:
        logger.warning("marked %d crawl run(s) interrupted (left running by a stopped process)", count)
    return count


def read_runs(db: Database, run_ids: dict[str, int]) -> list[SourceRunStats]:
    """The runs ``run_ids`` names, by source name."""
    with db.session() as session:
        rows = session.execute(select(CrawlRun, Source).join(Source, CrawlRun.source_id == Source.id)
                               .where(CrawlRun.id.in_(list(run_ids.values()))).order_by(Source.name))
        return [SourceRunStats.from_row(run, source) for run, source in rows]


def previous_statuses(db: Database, run_ids: dict[str, int]) -> dict[str, str | None]:
    """For each source in ``run_ids``: the status of its run before that one (None: its first)."""
    out: dict[str, str | None] = {}
    with db.session() as session:
        for name, run_id in run_ids.items():
            source_id = select(CrawlRun.source_id).where(CrawlRun.id == run_id).scalar_subquery()
            out[name] = session.scalar(select(CrawlRun.status).where(
                CrawlRun.source_id == source_id, CrawlRun.id < run_id).order_by(CrawlRun.id.desc()).limit(1))
    return out


def finished_runs(session: Session, source: Source, limit: int = 50) -> list[CrawlRun]:
    """A source's last ``limit`` runs that are no longer running, newest first."""
    query = (select(CrawlRun).where(CrawlRun.source_id == source.id, CrawlRun.status != RUNNING)
             .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(limit))
    return list(session.scalars(query))


def recent_runs(db: Database, per_source: int = 3) -> list[tuple[Source, list[SourceRunStats]]]:
    """Each known source with its last ``per_source`` runs, newest first."""
    with db.session() as session:
        out = []
        for source in session.scalars(select(Source).order_by(Source.name)):
            query = (select(CrawlRun).where(CrawlRun.source_id == source.id)
                     .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(per_source))
            out.append((source, [SourceRunStats.from_row(run, source) for run in session.scalars(query)]))
        return out


def latest_runs(db: Database, names: list[str]) -> dict[str, SourceRunStats]:
    """The last run of each named source that has one, by name."""
    latest = (select(CrawlRun.source_id, func.max(CrawlRun.id).label("id"))
              .group_by(CrawlRun.source_id).subquery())
    query = (select(Source, CrawlRun).join(latest, latest.c.source_id == Source.id)
             .join(CrawlRun, CrawlRun.id == latest.c.id).where(Source.name.in_(names)))
    with db.session() as session:
        return {source.name: SourceRunStats.from_row(run, source) for source, run in session.execute(query)}


def succeeded_sources(db: Database) -> set[str]:
    """Names of the sources with at least one ``ok`` run."""
    query = (select(Source.name).join(CrawlRun, CrawlRun.source_id == Source.id)
             .where(CrawlRun.status == OK).distinct())
    with db.session() as session:
        return set(session.scalars(query))


def last_crawl_starts(db: Database) -> dict[str, datetime]:
    """Each source's last crawl start (naive UTC), not counting runs cut short by a dead process."""
    query = (select(Source.name, func.max(CrawlRun.started_at))
             .join(CrawlRun, CrawlRun.source_id == Source.id)
             .where(CrawlRun.status != INTERRUPTED)
             .group_by(Source.name))
    with db.session() as session:
        return {name: started for name, started in session.execute(query).all() if started is not None}
