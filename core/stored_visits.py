"""Reading stored visits back, each with its article's identity (storing them: :mod:`core.store`).

Plain Core queries: reading loads neither the ORM nor the store's write statements.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, bindparam, select

from core.db import tables
from core.db.engine import Database
from core.records import Official, Stop, Visit

_ARTICLES, _VISITS, _OFFICIALS, _STOPS = tables.articles, tables.visits, tables.officials, tables.stops
_SOURCES = tables.sources


@dataclass(frozen=True)
class StoredVisit:
    """A visit as read back from the store, with its article's identity."""

    id: int
    visit: Visit
    url: str
    title: str
    published: str | None
    source: str
    language: str
    created_at: datetime
    event_id: int | None = None  # the first visit of the event this one reports too (core.visit_events)

    @property
    def event(self) -> int:
        """The event's id: the id of its first visit."""
        return self.event_id or self.id

    def to_dict(self) -> dict[str, object]:
        """FORMAT.md's visit fields plus the article's url, title, published, source, and ``event``:
        the id of the event's first visit (the same for every report of one event)."""
        data: dict[str, object] = {"id": self.id, **self.visit.to_dict()}
        data.update(url=self.url, title=self.title, published=self.published, source=self.source,
                    event=self.event)
        return data


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None



# A visit with its article and source, newest article first; officials and stops read per batch.
_VISIT_ROWS = (
    select(_VISITS.c.id, _VISITS.c.date, _VISITS.c.end_date, _VISITS.c.regions, _VISITS.c.topics,
           _VISITS.c.emphasized, _VISITS.c.created_at, _VISITS.c.event_id, _ARTICLES.c.url,
           _ARTICLES.c.title, _ARTICLES.c.published, _ARTICLES.c.language, _SOURCES.c.name.label("source"))
    .select_from(_VISITS.join(_ARTICLES, _VISITS.c.article_id == _ARTICLES.c.id)
                 .outerjoin(_SOURCES, _ARTICLES.c.source_id == _SOURCES.c.id))
    .order_by(_ARTICLES.c.published.desc(), _ARTICLES.c.id.desc(), _VISITS.c.seq))
_OFFICIALS_OF_VISITS = (
    select(_OFFICIALS.c.visit_id, _OFFICIALS.c.role, _OFFICIALS.c.name, _OFFICIALS.c.title)
    .where(_OFFICIALS.c.visit_id.in_(bindparam("ids", expanding=True)))
    .order_by(_OFFICIALS.c.visit_id, _OFFICIALS.c.seq))
_STOPS_OF_VISITS = (
    select(_STOPS.c.visit_id, _STOPS.c.name, _STOPS.c.kind, _STOPS.c.region)
    .where(_STOPS.c.visit_id.in_(bindparam("ids", expanding=True)))
    .order_by(_STOPS.c.visit_id, _STOPS.c.seq))


def _stored(row: Row[Any], officials: list[Row[Any]], stops: list[Row[Any]]) -> StoredVisit:
    visit = Visit(date=iso_date(row.date), end_date=iso_date(row.end_date),
                  officials=[Official(o.name, o.title) for o in officials if o.role == "lead"],
                  accompanying=[Official(o.name, o.title) for o in officials if o.role != "lead"],
                  regions=list(row.regions), stops=[Stop(s.name, s.kind, s.region) for s in stops],
                  topics=list(row.topics), emphasized=list(row.emphasized))
    return StoredVisit(id=row.id, visit=visit, url=row.url, title=row.title,
                       published=iso_date(row.published), source=row.source or "", language=row.language,
                       created_at=row.created_at, event_id=row.event_id)


def _by_visit(conn: Connection, query: Any, ids: list[int]) -> dict[int, list[Row[Any]]]:
    """The rows of ``query`` (officials or stops, in order) for the visits ``ids``, by visit."""
    found: dict[int, list[Row[Any]]] = {}
    for start in range(0, len(ids), 500):
        for row in conn.execute(query, {"ids": ids[start:start + 500]}):
            found.setdefault(row.visit_id, []).append(row)
    return found


def load_visits(db: Database, *, since: date | None = None, ids: Iterable[int] | None = None,
                created_after: datetime | None = None) -> list[StoredVisit]:
    """Stored visits, newest article first; filtered by article date, ids or creation time."""
    query: Select[Any] = _VISIT_ROWS
    if since is not None:
        query = query.where((_ARTICLES.c.published >= since) | (_VISITS.c.date >= since))
    if ids is not None:
        query = query.where(_VISITS.c.id.in_(list(ids)))
    if created_after is not None:
        query = query.where(_VISITS.c.created_at > created_after)
    with db.engine.connect() as conn:
        rows = conn.execute(query).all()
        visit_ids = [row.id for row in rows]
        officials = _by_visit(conn, _OFFICIALS_OF_VISITS, visit_ids)
        stops = _by_visit(conn, _STOPS_OF_VISITS, visit_ids)
    return [_stored(row, officials.get(row.id, []), stops.get(row.id, [])) for row in rows]


def load_visits_by_id(db: Database, ids: Collection[int], *, chunk: int = 500) -> dict[int, StoredVisit]:
    """The stored visits ``ids``, by id (read ``chunk`` ids a query); ids not stored are left out."""
    ordered = sorted(ids)
    found: dict[int, StoredVisit] = {}
    for start in range(0, len(ordered), chunk):
        found.update((v.id, v) for v in load_visits(db, ids=ordered[start:start + chunk]))
    return found
