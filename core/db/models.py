"""The database schema (SQLAlchemy 2). It changes only through Alembic migrations.

All times are stored in UTC, naive (``datetime.now(UTC).replace(tzinfo=None)``),
so SQLite and PostgreSQL compare them alike.
"""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    cms: Mapped[str] = mapped_column(String(20), default="generic")
    language: Mapped[str] = mapped_column(String(5), default="zh")
    broken_reason: Mapped[str | None] = mapped_column(Text, default=None)
    broken_since: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    alerted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class CrawlRun(Base):
    __tablename__ = "crawl_runs"
    __table_args__ = (Index("ix_crawl_runs_source_started", "source_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    status: Mapped[str] = mapped_column(String(20), default="running")
    list_pages: Mapped[int] = mapped_column(Integer, default=0)
    not_modified: Mapped[int] = mapped_column(Integer, default=0)
    list_items: Mapped[int] = mapped_column(Integer, default=0)  # article links found on list pages
    requests: Mapped[int] = mapped_column(Integer, default=0)
    articles_new: Mapped[int] = mapped_column(Integer, default=0)
    articles_updated: Mapped[int] = mapped_column(Integer, default=0)
    visits_new: Mapped[int] = mapped_column(Integer, default=0)
    parse_failures: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    bytes: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text, default=None)
    owner: Mapped[str | None] = mapped_column(String(200), default=None)  # the process that may write it


class HttpCache(Base):
    """Validators of list pages, for conditional GET."""

    __tablename__ = "http_cache"

    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(500), default=None)
    last_modified: Mapped[str | None] = mapped_column(String(100), default=None)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, default=None)
    body: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime] = mapped_column(DateTime)
    visits: Mapped[list[VisitRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="VisitRow.seq"
    )
    source: Mapped[Source | None] = relationship()


class VisitRow(Base):
    __tablename__ = "visits"
    __table_args__ = (UniqueConstraint("article_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer, default=0)
    date: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    regions: Mapped[list[str]] = mapped_column(JSON, default=list)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    emphasized: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # The first visit of the event this one reports too (core.visit_events); None: its own event.
    event_id: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    article: Mapped[ArticleRow] = relationship(back_populates="visits")
    officials: Mapped[list[OfficialRow]] = relationship(
        cascade="all, delete-orphan", order_by="OfficialRow.seq"
    )
    stops: Mapped[list[StopRow]] = relationship(cascade="all, delete-orphan", order_by="StopRow.seq")


class OfficialRow(Base):
    __tablename__ = "officials"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(20))  # lead | accompanying
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text, default="")


class StopRow(Base):
    __tablename__ = "stops"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    region: Mapped[str | None] = mapped_column(String(200), default=None)


class SubscriberRow(Base):
    __tablename__ = "subscribers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    frequency: Mapped[str] = mapped_column(String(20), default="daily")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    send_at: Mapped[str] = mapped_column(String(5), default="08:00")
    weekday: Mapped[str] = mapped_column(String(3), default="mon")
    watches: Mapped[list[str]] = mapped_column(JSON, default=list)
    language: Mapped[str | None] = mapped_column(String(2), default=None)  # en|zh; None: first watch's script
    status: Mapped[str] = mapped_column(String(20), default="active")  # active|unsubscribed|bouncing|invalid
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    next_digest_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    matched_visit_id: Mapped[int] = mapped_column(Integer, default=0)  # visits up to this id are matched


class Delivery(Base):
    """The ledger: one row per (subscriber, visit); 'sent' only after the server accepted."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("subscriber_id", "visit_id"),
        Index("ix_deliveries_state", "state", "next_attempt_at"),
        Index("ix_deliveries_subscriber_state", "subscriber_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscribers.id", ondelete="CASCADE"))
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"))
    watch: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str | None] = mapped_column(String(300), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    claimed_by: Mapped[str | None] = mapped_column(String(200), default=None)  # the process sending it
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Lock(Base):
    """Named locks held in the database (the daemon's single-instance lock)."""

    __tablename__ = "locks"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    heartbeat_at: Mapped[datetime] = mapped_column(DateTime)
