"""Subscribers in the database: add, list, remove, import.

The database is the one source of truth. Removing a subscriber (or their
one-click unsubscribe) keeps the row with status ``unsubscribed``, so a later
``import`` of the same address does not bring it back; only an explicit
``add`` does. Importing is idempotent: an unchanged entry is left alone, a
changed one is updated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core.config import SubscriberConfig
from core.db.engine import Database, utcnow
from core.db.models import Delivery, SubscriberRow
from notifier.schedule import schedule_next
from notifier.watches import WatchSyntaxError, parse_watch, validate_watches

FIELDS = ("frequency", "timezone", "send_at", "weekday", "watches", "language")


class SubscriberError(ValueError):
    """A subscriber entry that is not valid; one problem a line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped_unsubscribed: list[str] = field(default_factory=list)


class Unsubscribed(SubscriberError):
    """The address unsubscribed; adding it again needs an explicit resubscribe."""


def make_entry(email: str, watches: list[str], topics: Mapping[str, object] | None = None,
               **options: str) -> SubscriberConfig:
    """A validated subscriber entry; raise SubscriberError naming every problem."""
    try:
        entry = SubscriberConfig(email=email, watches=watches, **options)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SubscriberError([f"{'.'.join(str(p) for p in e['loc'])}: "
                               f"{e['msg'].removeprefix('Value error, ')}" for e in exc.errors()]) from None
    problems: list[str] = []
    for watch in entry.watches:
        try:
            parse_watch(watch)
        except WatchSyntaxError as exc:
            problems.append(f"watch {watch!r}: {exc}")
    problems = problems or validate_watches(entry.watches, topics)
    if problems:
        raise SubscriberError(problems)
    return entry


def _find(session: Session, email: str) -> SubscriberRow | None:
    return session.scalar(select(SubscriberRow).where(SubscriberRow.email == email.strip().lower()))


def _apply(row: SubscriberRow, entry: SubscriberConfig, now: datetime) -> bool:
    """Copy ``entry`` onto ``row``; True when something changed."""
    changed = False
    for name in FIELDS:
        value = getattr(entry, name)
        if getattr(row, name) != value:
            setattr(row, name, list(value) if name == "watches" else value)
            changed = True
    if changed or row.next_digest_at is None:
        schedule_next(row, now)
    if changed:
        row.updated_at = now
    return changed


def _new_row(entry: SubscriberConfig, now: datetime) -> SubscriberRow:
    row = SubscriberRow(email=entry.email, status="active", created_at=now, updated_at=now,
                        matched_visit_id=0)
    _apply(row, entry, now)
    return row


def add_subscriber(db: Database, entry: SubscriberConfig, *, now: datetime | None = None) -> str:
    """Add or update one subscriber and make it active; return 'added', 'updated' or 'unchanged'."""
    now = now or utcnow()
    with db.session() as session, session.begin():
        row = _find(session, entry.email)
        if row is None:
            session.add(_new_row(entry, now))
            return "added"
        changed = _apply(row, entry, now)
        if row.status != "active":
            row.status, row.updated_at, changed = "active", now, True
        return "updated" if changed else "unchanged"


def merge_subscriber(db: Database, email: str, watches: list[str], options: Mapping[str, str], *,
                     topics: Mapping[str, object] | None = None, resubscribe: bool = False,
                     now: datetime | None = None) -> tuple[str, SubscriberConfig]:
    """``subscribers add``: create the subscriber, or add ``watches`` to its watches; options not
    given (absent from ``options``) keep their values. An unsubscribed address raises Unsubscribed
    unless ``resubscribe``. Returns ('added'|'updated'|'unchanged', the entry as stored)."""
    now = now or utcnow()
    with db.session() as session, session.begin():
        row = _find(session, make_entry(email, watches, topics).email)
        if row is None:
            entry = make_entry(email, watches, topics, **options)
            session.add(_new_row(entry, now))
            return "added", entry
        if row.status == "unsubscribed" and not resubscribe:
            raise Unsubscribed([f"{row.email} unsubscribed on {row.updated_at:%Y-%m-%d}; "
                                "give --resubscribe to subscribe it again"])
        kept = {name: getattr(row, name) for name in FIELDS if name != "watches"}
        merged = list(row.watches) + [w for w in watches if w not in row.watches]
        entry = make_entry(row.email, merged, topics, **{**kept, **options})
        changed = _apply(row, entry, now)
        if row.status != "active":
            row.status, row.updated_at, changed = "active", now, True
        return ("updated" if changed else "unchanged"), entry


def remove_watch(db: Database, email: str, watch: str, *, now: datetime | None = None) -> list[str]:
    """``subscribers unwatch``: remove one watch; return the watches left. A subscriber keeps one at least."""
    with db.session() as session, session.begin():
        row = _find(session, email)
        if row is None:
            raise SubscriberError([f"no subscriber {email.strip().lower()!r}"])
        if watch not in row.watches:
            shown = "; ".join(repr(w) for w in row.watches)
            raise SubscriberError([f"{row.email} has no watch {watch!r} (its watches: {shown})"])
        if len(row.watches) == 1:
            raise SubscriberError([f"{watch!r} is the last watch of {row.email}; a subscriber needs one "
                                   "(to stop their digests, use `inspectwatch subscribers remove`)"])
        row.watches = [w for w in row.watches if w != watch]
        row.updated_at = now or utcnow()
        return list(row.watches)


def list_subscribers(db: Database, *, status: str | None = None) -> list[SubscriberRow]:
    """All subscribers by email (only those with ``status`` when given)."""
    query = select(SubscriberRow).order_by(SubscriberRow.email)
    if status:
        query = query.where(SubscriberRow.status == status)
    with db.session() as session:
        return list(session.scalars(query))


def _unsubscribe(session: Session, row: SubscriberRow, now: datetime) -> None:
    row.status, row.updated_at = "unsubscribed", now
    session.execute(update(Delivery).where(Delivery.subscriber_id == row.id, Delivery.state == "pending")
                    .values(state="cancelled", last_error="unsubscribed"))


def remove_subscriber(db: Database, email: str, *, now: datetime | None = None) -> bool:
    """Mark ``email`` unsubscribed (pending digests are cancelled); False when it is unknown."""
    with db.session() as session, session.begin():
        row = _find(session, email)
        if row is None:
            return False
        _unsubscribe(session, row, now or utcnow())
        return True


def unsubscribe_id(db: Database, subscriber_id: int, email: str, *, now: datetime | None = None) -> bool:
    """The one-click unsubscribe: id and email must both agree; False when no such subscriber."""
    with db.session() as session, session.begin():
        row = session.get(SubscriberRow, subscriber_id)
        if row is None or row.email != email:
            return False
        if row.status != "unsubscribed":
            _unsubscribe(session, row, now or utcnow())
        return True


def import_subscribers(db: Database, entries: Iterable[SubscriberConfig], *,
                       now: datetime | None = None) -> ImportReport:
    """Add new entries, update changed ones, leave unsubscribed addresses alone."""
    now = now or utcnow()
    report = ImportReport()
    with db.session() as session, session.begin():
        for entry in entries:
            row = _find(session, entry.email)
            if row is None:
                session.add(_new_row(entry, now))
                session.flush()
                report.added.append(entry.email)
            elif row.status == "unsubscribed":
                report.skipped_unsubscribed.append(entry.email)
            elif _apply(row, entry, now):
                report.updated.append(entry.email)
            else:
                report.unchanged.append(entry.email)
    return report
