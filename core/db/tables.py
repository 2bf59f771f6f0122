"""The database schema as SQLAlchemy Core tables. It changes only through Alembic migrations.

One definition: :mod:`core.db.models` maps its ORM classes onto these tables, and code that
only reads (``inspectwatch records``) queries them without loading the ORM at all.

All times are stored in UTC, naive (``datetime.now(UTC).replace(tzinfo=None)``),
so SQLite and PostgreSQL compare them alike. ``default`` values are filled in by
SQLAlchemy when a row is inserted without them.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


sources = Table(
    "sources", metadata,
    _id(),
    Column("name", String(100), nullable=False, unique=True),
    Column("cms", String(20), nullable=False, default="generic"),
    Column("language", String(5), nullable=False, default="zh"),
    Column("broken_reason", Text),
    Column("broken_since", DateTime),
    Column("alerted_at", DateTime),
)

crawl_runs = Table(
    "crawl_runs", metadata,
    _id(),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("status", String(20), nullable=False, default="running"),
    Column("list_pages", Integer, nullable=False, default=0),
    Column("not_modified", Integer, nullable=False, default=0),
    Column("list_items", Integer, nullable=False, default=0),  # article links found on list pages
    Column("requests", Integer, nullable=False, default=0),
    Column("articles_new", Integer, nullable=False, default=0),
    Column("articles_updated", Integer, nullable=False, default=0),
    Column("visits_new", Integer, nullable=False, default=0),
    Column("parse_failures", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    Column("bytes", Integer, nullable=False, default=0),
    Column("message", Text),
    Column("owner", String(200)),  # the process that may write it
    Index("ix_crawl_runs_source_started", "source_id", "started_at"),
)

# Validators of list pages, for conditional GET.
http_cache = Table(
    "http_cache", metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", String(500)),
    Column("last_modified", String(100)),
)

articles = Table(
    "articles", metadata,
    _id(),
    Column("url", String(2000), nullable=False, unique=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="SET NULL")),
    Column("language", String(5), nullable=False),
    Column("title", Text, nullable=False),
    Column("published", Date),
    Column("body", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("fetched_at", DateTime, nullable=False),
)

visits = Table(
    "visits", metadata,
    _id(),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False, default=0),
    Column("date", Date, index=True),
    Column("end_date", Date),
    Column("regions", JSON, nullable=False, default=list),
    Column("topics", JSON, nullable=False, default=list),
    Column("emphasized", JSON, nullable=False, default=list),
    Column("created_at", DateTime, nullable=False),
    # The first visit of the event this one reports too (core.visit_events); None: its own event.
    Column("event_id", Integer, index=True),
    UniqueConstraint("article_id", "seq"),
)

officials = Table(
    "officials", metadata,
    _id(),
    Column("visit_id", Integer, ForeignKey("visits.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("seq", Integer, nullable=False, default=0),
    Column("role", String(20), nullable=False),  # lead | accompanying
    Column("name", String(200), nullable=False),
    Column("title", Text, nullable=False, default=""),
)

stops = Table(
    "stops", metadata,
    _id(),
    Column("visit_id", Integer, ForeignKey("visits.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("seq", Integer, nullable=False, default=0),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False, default="other"),
    Column("region", String(200)),
)

subscribers = Table(
    "subscribers", metadata,
    _id(),
    Column("email", String(320), nullable=False, unique=True),
    Column("frequency", String(20), nullable=False, default="daily"),
    Column("timezone", String(64), nullable=False, default="Asia/Shanghai"),
    Column("send_at", String(5), nullable=False, default="08:00"),
    Column("weekday", String(3), nullable=False, default="mon"),
    Column("watches", JSON, nullable=False, default=list),
    Column("language", String(2)),  # en|zh; None: the first watch's script
    Column("status", String(20), nullable=False, default="active"),  # active|unsubscribed|bouncing|invalid
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("last_digest_at", DateTime),
    Column("next_digest_at", DateTime),
    Column("matched_visit_id", Integer, nullable=False, default=0),  # visits up to this id are matched
)

# The ledger: one row per (subscriber, visit); 'sent' only after the server accepted.
deliveries = Table(
    "deliveries", metadata,
    _id(),
    Column("subscriber_id", Integer, ForeignKey("subscribers.id", ondelete="CASCADE"), nullable=False),
    Column("visit_id", Integer, ForeignKey("visits.id", ondelete="CASCADE"), nullable=False),
    Column("watch", Text, nullable=False, default=""),
    Column("state", String(20), nullable=False, default="pending"),  # pending|sent|failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("message_id", String(300)),
    Column("last_error", Text),
    Column("created_at", DateTime, nullable=False),
    Column("next_attempt_at", DateTime),
    Column("sent_at", DateTime),
    Column("claimed_by", String(200)),  # the process sending it
    Column("claimed_at", DateTime),
    UniqueConstraint("subscriber_id", "visit_id"),
    Index("ix_deliveries_state", "state", "next_attempt_at"),
    Index("ix_deliveries_subscriber_state", "subscriber_id", "state"),
)

# Named locks held in the database (the daemon's single-instance lock).
locks = Table(
    "locks", metadata,
    Column("name", String(100), primary_key=True),
    Column("owner", String(200), nullable=False),
    Column("heartbeat_at", DateTime, nullable=False),
)
