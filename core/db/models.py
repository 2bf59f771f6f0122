"""The ORM classes of the database schema, mapped onto the tables of :mod:`core.db.tables` (the
one definition of the schema, which changes only through Alembic migrations). The annotations
give each attribute's Python type; the columns, their types and defaults are the tables'.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime

from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from core.db import tables


class Base(DeclarativeBase):
    metadata = tables.metadata


class Source(Base):
    __table__ = tables.sources

    id: Mapped[int]
    name: Mapped[str]
    cms: Mapped[str]
    language: Mapped[str]
    broken_reason: Mapped[str | None]
    broken_since: Mapped[datetime | None]
    alerted_at: Mapped[datetime | None]


class CrawlRun(Base):
    __table__ = tables.crawl_runs

    id: Mapped[int]
    source_id: Mapped[int]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str]
    list_pages: Mapped[int]
    not_modified: Mapped[int]
    list_items: Mapped[int]
    requests: Mapped[int]
    articles_new: Mapped[int]
    articles_updated: Mapped[int]
    visits_new: Mapped[int]
    parse_failures: Mapped[int]
    errors: Mapped[int]
    bytes: Mapped[int]
    message: Mapped[str | None]
    owner: Mapped[str | None]


class HttpCache(Base):
    """Validators of list pages, for conditional GET."""

    __table__ = tables.http_cache

    url: Mapped[str]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]


class ArticleRow(Base):
    __table__ = tables.articles

    id: Mapped[int]
    url: Mapped[str]
    source_id: Mapped[int | None]
    language: Mapped[str]
    title: Mapped[str]
    published: Mapped[date | None]
    body: Mapped[str]
    content_hash: Mapped[str]
    fetched_at: Mapped[datetime]
    visits: Mapped[list[VisitRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="VisitRow.seq"
    )
    source: Mapped[Source | None] = relationship()


class VisitRow(Base):
    __table__ = tables.visits

    id: Mapped[int]
    article_id: Mapped[int]
    seq: Mapped[int]
    date: Mapped[date | None]
    end_date: Mapped[dt.date | None]
    regions: Mapped[list[str]]
    topics: Mapped[list[str]]
    emphasized: Mapped[list[str]]
    created_at: Mapped[datetime]
    # The first visit of the event this one reports too (core.visit_events); None: its own event.
    event_id: Mapped[int | None]
    article: Mapped[ArticleRow] = relationship(back_populates="visits")
    officials: Mapped[list[OfficialRow]] = relationship(
        cascade="all, delete-orphan", order_by="OfficialRow.seq"
    )
    stops: Mapped[list[StopRow]] = relationship(cascade="all, delete-orphan", order_by="StopRow.seq")


class OfficialRow(Base):
    __table__ = tables.officials

    id: Mapped[int]
    visit_id: Mapped[int]
    seq: Mapped[int]
    role: Mapped[str]
    name: Mapped[str]
    title: Mapped[str]


class StopRow(Base):
    __table__ = tables.stops

    id: Mapped[int]
    visit_id: Mapped[int]
    seq: Mapped[int]
    name: Mapped[str]
    kind: Mapped[str]
    region: Mapped[str | None]


class SubscriberRow(Base):
    __table__ = tables.subscribers

    id: Mapped[int]
    email: Mapped[str]
    frequency: Mapped[str]
    timezone: Mapped[str]
    send_at: Mapped[str]
    weekday: Mapped[str]
    watches: Mapped[list[str]]
    language: Mapped[str | None]
    status: Mapped[str]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    last_digest_at: Mapped[datetime | None]
    next_digest_at: Mapped[datetime | None]
    matched_visit_id: Mapped[int]


class Delivery(Base):
    """The ledger: one row per (subscriber, visit); 'sent' only after the server accepted."""

    __table__ = tables.deliveries

    id: Mapped[int]
    subscriber_id: Mapped[int]
    visit_id: Mapped[int]
    watch: Mapped[str]
    state: Mapped[str]
    attempts: Mapped[int]
    message_id: Mapped[str | None]
    last_error: Mapped[str | None]
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None]
    claimed_at: Mapped[datetime | None]


class Lock(Base):
    """Named locks held in the database (the daemon's single-instance lock)."""

    __table__ = tables.locks

    name: Mapped[str]
    owner: Mapped[str]
    heartbeat_at: Mapped[datetime]
