"""The deliveries ledger: one row per (subscriber, visit), so each pair goes out once.

States: ``pending`` (queued, maybe waiting for a retry), ``sent`` (the
server accepted the message; ``message_id`` says which), ``failed`` (gave up
after :data:`MAX_ATTEMPTS`), ``cancelled`` (the subscriber left). A row is
marked sent only after the server accepted the message, in its own
transaction, so a crash loses nothing and repeats at most the message in flight.

Before sending, a process claims the rows (:func:`claim`: ``claimed_by`` is its
``host:pid:token``, and only a pending row nobody else claims can be claimed);
it marks them sent only under that claim. A second sender (a daemon that took
over the lock from one paused mid-run) therefore never sends a row the first
one claimed. A failed send releases the claim; the claims of a process that
died are released by the next run (:func:`free_claims`): at once on the same
host, after :data:`CLAIM_TTL` for a process on another host.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Connection, CursorResult, DateTime, Table, bindparam, case, func, select, text, update
from sqlalchemy.orm import Session

from core.db.engine import utcnow
from core.db.models import Delivery, SubscriberRow, VisitRow
from core.owner import owner_is_gone

MAX_ATTEMPTS = 5
_DELIVERIES = cast(Table, Delivery.__table__)
_SUBSCRIBERS = cast(Table, SubscriberRow.__table__)
CLAIM_TTL = timedelta(hours=1)  # a claim of a process on another host that may have died
BACKOFF = (timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4))


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failure."""
    return BACKOFF[min(attempts, len(BACKOFF)) - 1]


_VISITS = cast(Table, VisitRow.__table__)
# One statement per batch: the rows come in as one parameter and go in set-based. A pair already in
# the ledger is skipped by its unique index (ON CONFLICT DO NOTHING), so rowcount = rows added; a row
# whose visit reports an event (e: the event's first visit) is skipped when the subscriber was already
# sent that event, an anti-join against the ledger in the database.
_ADD_SELECT = (f"SELECT s, v, w, 'pending', 0, :now FROM {{rows}} WHERE r.e IS NULL OR NOT EXISTS ("
               f"SELECT 1 FROM {_DELIVERIES.name} d JOIN {_VISITS.name} x ON x.id = d.visit_id "
               "WHERE d.subscriber_id = r.s AND d.state = 'sent' AND (x.id = r.e OR x.event_id = r.e) "
               "AND coalesce(x.event_id, x.id) = r.e) ON CONFLICT (subscriber_id, visit_id) DO NOTHING")
_ADD_INTO = f"INSERT INTO {_DELIVERIES.name} (subscriber_id, visit_id, watch, state, attempts, created_at) "
_ADD = {
    # SQLite reads the rows from one JSON array of [s, v, w, e]
    "sqlite": text(_ADD_INTO + _ADD_SELECT.format(rows=(
        "(SELECT json_extract(value, '$[0]') AS s, json_extract(value, '$[1]') AS v, "
        "json_extract(value, '$[2]') AS w, json_extract(value, '$[3]') AS e FROM json_each(:rows)) AS r"))),
    # PostgreSQL from four parallel arrays
    "postgresql": text(_ADD_INTO + _ADD_SELECT.format(rows=(
        "unnest(CAST(:s AS integer[]), CAST(:v AS integer[]), CAST(:w AS text[]), CAST(:e AS integer[])) "
        "AS r(s, v, w, e)"))),
}


def add_pending(session: Session | Connection, rows: Sequence[tuple[int, int, str]], now: datetime, *,
                events: Mapping[int, int] | None = None) -> int:
    """Queue (subscriber id, visit id, watch) rows with one INSERT ... SELECT ... ON CONFLICT DO
    NOTHING (pairs already in the ledger are left alone); return how many were added.

    ``events`` maps the id of a visit that reports an event again to the event's first visit: a
    subscriber who was already sent that event gets no row for the visit. The rows go in
    (subscriber, visit) order, the order of the ledger's unique index, so that a large batch
    writes its index pages in one pass."""
    if not rows:
        return 0
    events = events or {}
    ordered = [(s, v, w, events.get(v)) for s, v, w in sorted(rows)]
    dialect = session.get_bind().dialect.name if isinstance(session, Session) else session.dialect.name
    now_param = bindparam("now", now, type_=DateTime())
    if dialect == "postgresql":
        s_, v_, w_, e_ = (list(column) for column in zip(*ordered, strict=True))
        return _count(session.execute(_ADD["postgresql"].bindparams(now_param),
                                      {"s": s_, "v": v_, "w": w_, "e": e_}))
    # SQLite (core.db.engine opens no other backend)
    payload = json.dumps(ordered, ensure_ascii=False)
    return _count(session.execute(_ADD["sqlite"].bindparams(now_param), {"rows": payload}))


def pending_state(session: Session, subscriber_ids: Sequence[int],
                  now: datetime) -> tuple[set[int], set[int]]:
    """Of ``subscriber_ids``: those with pending rows ready to go at ``now``, and those with any
    pending row (ready or waiting for a retry); one query per 500 subscribers."""
    table, ready, waiting = _DELIVERIES, set(), set()
    is_ready = table.c.next_attempt_at.is_(None) | (table.c.next_attempt_at <= now)
    for start in range(0, len(subscriber_ids), 500):
        query = (select(table.c.subscriber_id, func.sum(case((is_ready, 1), else_=0)))
                 .where(table.c.state == "pending")
                 .where(table.c.subscriber_id.in_(subscriber_ids[start:start + 500]))
                 .group_by(table.c.subscriber_id))
        for subscriber_id, ready_rows in session.execute(query):
            waiting.add(subscriber_id)
            if ready_rows:
                ready.add(subscriber_id)
    return ready, waiting


def pending_for(session: Session, subscriber_id: int, now: datetime | None = None) -> list[Delivery]:
    """The subscriber's pending rows (only those ready at ``now`` when given), oldest first."""
    query = select(Delivery).where(Delivery.subscriber_id == subscriber_id, Delivery.state == "pending")
    if now is not None:
        query = query.where((Delivery.next_attempt_at.is_(None)) | (Delivery.next_attempt_at <= now))
    return list(session.scalars(query.order_by(Delivery.id)))


def has_pending(session: Session, subscriber_id: int) -> bool:
    query = select(Delivery.id).where(Delivery.subscriber_id == subscriber_id, Delivery.state == "pending")
    return session.scalar(query.limit(1)) is not None


def pending_ids(session: Session, subscriber_ids: Sequence[int]) -> dict[int, set[int]]:
    """Subscriber id -> ids of all its pending rows (ready or waiting), in one query per 500 subscribers."""
    found: dict[int, set[int]] = {}
    table = _DELIVERIES
    for start in range(0, len(subscriber_ids), 500):
        query = (select(table.c.subscriber_id, table.c.id).where(table.c.state == "pending")
                 .where(table.c.subscriber_id.in_(subscriber_ids[start:start + 500])))
        for subscriber_id, row_id in session.execute(query):
            found.setdefault(subscriber_id, set()).add(row_id)
    return found


def _count(result: object) -> int:
    return int(cast(CursorResult[object], result).rowcount or 0)


def claim(session: Session | Connection, ids: Iterable[int], owner: str) -> bool:
    """Claim rows ``ids`` for ``owner``, all or none: each must be pending and unclaimed (or
    claimed by ``owner``). False (nothing claimed) when any is sent, gone or someone else's."""
    table, ids = _DELIVERIES, list(ids)
    mine = table.c.claimed_by.is_(None) | (table.c.claimed_by == owner)
    result = session.execute(update(table).where(table.c.id.in_(ids), table.c.state == "pending", mine)
                             .values(claimed_by=owner, claimed_at=utcnow()))
    if _count(result) == len(set(ids)):
        return True
    release(session, ids, owner)
    return False


def release(session: Session | Connection, ids: Iterable[int], owner: str) -> None:
    """Give up ``owner``'s claim on the rows ``ids`` that are still pending."""
    table = _DELIVERIES
    session.execute(update(table).where(table.c.id.in_(list(ids)), table.c.state == "pending",
                                        table.c.claimed_by == owner)
                    .values(claimed_by=None, claimed_at=None))


def free_claims(session: Session | Connection, now: datetime | None = None) -> int:
    """Release the claims on pending rows whose process is gone (on this host) or that are older
    than :data:`CLAIM_TTL` (a process on another host). Return how many rows were freed."""
    table, now = _DELIVERIES, now or utcnow()
    claimed = table.c.state == "pending", table.c.claimed_by.is_not(None)
    owners = session.execute(select(table.c.claimed_by).where(*claimed).distinct()).scalars()
    gone = [owner for owner in owners if owner is not None and owner_is_gone(owner)]
    stale = table.c.claimed_by.in_(gone) | (table.c.claimed_at < now - CLAIM_TTL)
    result = session.execute(update(table).where(*claimed, stale).values(claimed_by=None, claimed_at=None))
    return _count(result)


def mark_sent(session: Session | Connection, ids: Iterable[int], message_id: str, now: datetime,
              owner: str) -> int:
    """Mark ``owner``'s claimed, still pending rows ``ids`` sent (one UPDATE of the table, no ORM
    objects loaded or synchronised); return how many were."""
    table = _DELIVERIES
    result = session.execute(update(table).where(table.c.id.in_(list(ids)), table.c.state == "pending",
                                                 table.c.claimed_by == owner)
                             .values(state="sent", message_id=message_id[:300], sent_at=now, last_error=None))
    return _count(result)


def mark_attempt_failed(session: Session | Connection, attempts: Mapping[int, int], error: str,
                        now: datetime) -> int:
    """Count a failed attempt for rows ``id -> attempts so far`` (releasing their claim); those
    reaching MAX_ATTEMPTS become ``failed``. Return how many did."""
    table, gave_up = _DELIVERIES, 0
    for row_id, before in attempts.items():
        values: dict[str, object] = {"attempts": before + 1, "last_error": error[:2000], "claimed_by": None,
                                     "claimed_at": None}
        if before + 1 >= MAX_ATTEMPTS:
            values.update(state="failed", next_attempt_at=None)
            gave_up += 1
        else:
            values["next_attempt_at"] = now + backoff(before + 1)
        session.execute(update(table).where(table.c.id == row_id).values(**values))
    return gave_up


def mark_bounced(session: Session | Connection, subscriber_id: int, ids: Iterable[int], error: str) -> None:
    """The server refused the subscriber's address: it becomes ``bouncing``; its rows keep the error."""
    session.execute(update(_SUBSCRIBERS).where(_SUBSCRIBERS.c.id == subscriber_id).values(status="bouncing"))
    session.execute(update(_DELIVERIES).where(_DELIVERIES.c.id.in_(list(ids)))
                    .values(last_error=error[:2000], claimed_by=None, claimed_at=None))


def ledger_counts(session: Session) -> dict[str, int]:
    """Rows per state, for ``status``."""
    query = select(Delivery.state, func.count()).group_by(Delivery.state)
    return {state: count for state, count in session.execute(query).all()}
