"""Queueing matches: new visits x every active subscriber's watches -> pending rows of the ledger.

:func:`queue_new_matches` matches the visits stored since the last run
against every active subscriber's watches (one :class:`WatchIndex`) and adds
pending rows to the deliveries ledger. Each subscriber keeps a watermark,
``matched_visit_id``, so a re-run only reads new visits; a new subscriber's
first run looks back :data:`FIRST_LOOKBACK` (so a digest right after import
is not empty, and an old archive is not mailed out).

With ``fresh_days`` (the jobs pass ``digest.first_digest_days``), only visits
dated within that many days of ``now`` are queued: the visit's date, else its
article's publication date, else when it was stored. A first digest after a
crawl of an archive, or a backfill (``crawl --since``), mails nothing old as new.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, func, select, update

from core.db.engine import Database
from core.db.models import SubscriberRow, VisitRow
from core.stored_visits import StoredVisit, load_visits_by_id
from notifier import ledger
from notifier.matching import WatchIndex

log = logging.getLogger(__name__)
FIRST_LOOKBACK = timedelta(days=7)
_CHUNK = 500
BATCH = 5000  # ledger rows per INSERT of queue_new_matches
SORTED_ROWS = 500_000  # rows matched, sorted, then inserted in batches: the bound on memory (~90 MB)


def _new_visit_ids(db: Database, after: int) -> list[int]:
    with db.session() as session:
        return list(session.scalars(select(VisitRow.id).where(VisitRow.id > after).order_by(VisitRow.id)))


@dataclass(frozen=True)
class Watcher:
    """What matching needs of an active subscriber: its watches and where its watermark stands."""

    id: int
    watches: list[str]
    matched_visit_id: int
    created_at: datetime

    def wants(self, visit: StoredVisit) -> bool:
        """Not seen yet, and (for a newcomer) stored no more than FIRST_LOOKBACK before it came."""
        if visit.id <= self.matched_visit_id:
            return False
        return self.matched_visit_id != 0 or visit.created_at >= self.created_at - FIRST_LOOKBACK


@dataclass(frozen=True)
class Horizon:
    """Where the interest of every watcher starts: a visit past it is wanted by all of them, with
    no check per subscriber (the usual case: a run's new visits, subscribers of some days)."""

    last_seen: int  # the highest watermark
    newest_newcomer: datetime | None  # when the newest subscriber without a watermark came

    @classmethod
    def of(cls, watchers: Collection[Watcher]) -> Horizon:
        newcomers = [w.created_at for w in watchers if not w.matched_visit_id]
        return cls(max((w.matched_visit_id for w in watchers), default=0), max(newcomers, default=None))

    def wanted_by_all(self, visit: StoredVisit) -> bool:
        """True when :meth:`Watcher.wants` is true of ``visit`` for every watcher."""
        return visit.id > self.last_seen and (self.newest_newcomer is None
                                              or visit.created_at >= self.newest_newcomer - FIRST_LOOKBACK)


def _watchers(db: Database) -> dict[int, Watcher]:
    """The active subscribers, four columns each (no ORM objects: a run may hold 100,000)."""
    table = SubscriberRow
    query = (select(table.id, table.watches, table.matched_visit_id, table.created_at)
             .where(table.status == "active").order_by(table.id))
    with db.session() as session:
        return {row.id: Watcher(row.id, list(row.watches), row.matched_visit_id or 0, row.created_at)
                for row in session.execute(query)}


def _start_id(db: Database, watchers: Collection[Watcher]) -> int:
    """The highest visit id every subscriber has already seen (or is too old for a newcomer)."""
    seen = [w.matched_visit_id for w in watchers if w.matched_visit_id]
    newcomers = [w.created_at for w in watchers if not w.matched_visit_id]
    if newcomers:
        with db.session() as session:
            first = session.scalar(select(func.min(VisitRow.id))
                                   .where(VisitRow.created_at >= min(newcomers) - FIRST_LOOKBACK))
        seen.append(first - 1 if first is not None else 1 << 62)
    return min(seen)


def visit_day(stored: StoredVisit) -> date:
    """The day a visit happened, as far as is known: its date, its article's publication, its storing."""
    for text in (stored.visit.date, stored.published):
        try:
            return date.fromisoformat((text or "")[:10])
        except ValueError:  # none, or a partial date such as "2023-03": try the next
            continue
    return stored.created_at.date()


Row = tuple[int, int, str]  # a ledger row to add: subscriber, visit, the watches that matched (one a line)


def _visit_rows(index: WatchIndex, visit: StoredVisit, watchers: Mapping[int, Watcher],
                horizon: Horizon) -> list[Row]:
    """The ledger rows one visit adds, for the subscribers who want it (see :meth:`Watcher.wants`)."""
    wanted = horizon.wanted_by_all(visit)
    texts: dict[int, str] = {}  # subscriber -> the watches that matched, one a line
    for sid, watch in index.owners(visit):
        if sid in texts:
            texts[sid] += "\n" + watch
        elif wanted or watchers[sid].wants(visit):
            texts[sid] = watch
    visit_id = visit.id
    return [(sid, visit_id, text) for sid, text in texts.items()]


def _matched_rows(db: Database, index: WatchIndex, ids: Sequence[int], watchers: Mapping[int, Watcher],
                  oldest: date | None, block: int) -> Iterator[tuple[list[Row], dict[int, int]]]:
    """The ledger rows of the visits ``ids`` (read _CHUNK visits at a time) in lists of about ``block``
    rows (at most ``block`` plus one visit's), each with the events its visits report again (visit id
    -> the event's first visit)."""
    rows: list[Row] = []
    events: dict[int, int] = {}
    horizon = Horizon.of(watchers.values())
    for start in range(0, len(ids), _CHUNK):
        for visit in load_visits_by_id(db, ids[start:start + _CHUNK]).values():
            if oldest is not None and visit_day(visit) < oldest:
                continue
            rows.extend(_visit_rows(index, visit, watchers, horizon))
            if visit.event_id is not None:
                events[visit.id] = visit.event_id
            if len(rows) >= block:
                yield rows, events
                rows, events = [], {}
    if rows:
        yield rows, events


def _advance(connection: Connection, subscriber_ids: Sequence[int], last: int) -> None:
    """Move the watermark of ``subscriber_ids`` to visit ``last``."""
    table = SubscriberRow
    for start in range(0, len(subscriber_ids), _CHUNK):
        chosen = table.id.in_(subscriber_ids[start:start + _CHUNK])
        behind = table.matched_visit_id < last
        connection.execute(update(table).where(chosen, behind).values(matched_visit_id=last))


def queue_new_matches(db: Database, topics: Mapping[str, Sequence[str]], now: datetime, *,
                      fresh_days: int | None = None, batch: int = BATCH) -> int:
    """Add pending ledger rows for visits not yet matched (with ``fresh_days``: only those dated
    within that many days of ``now``); return how many were added.

    The watches are indexed once; each visit is matched once against all of them. Up to
    :data:`SORTED_ROWS` matched rows are held at a time, sorted by subscriber and visit (the order
    of the ledger's indexes), and go to the ledger ``batch`` at a time, each batch one set-based
    INSERT ... SELECT ... ON CONFLICT DO NOTHING in its own transaction (see
    :func:`notifier.ledger.add_pending`), so memory stays bounded whatever the number of
    subscribers, and a run cut short is completed by the next one without a row twice.
    """
    with _collector_paused():
        return _queue(db, topics, now, fresh_days, batch)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while matching: a run makes millions of small objects (the
    watchers, the index, the rows) that reference counting frees, and the collector would go over
    them again and again (a seventh of the CPU with 100,000 subscribers)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _queue(db: Database, topics: Mapping[str, Sequence[str]], now: datetime, fresh_days: int | None,
           batch: int) -> int:
    oldest = (now - timedelta(days=fresh_days)).date() if fresh_days is not None else None
    watchers = _watchers(db)
    if not watchers:
        return 0
    ids = _new_visit_ids(db, _start_id(db, watchers.values()))
    if not ids:
        return 0
    index = WatchIndex.build(watchers.values(), topics)
    for problem in index.problems:
        log.warning("watches: %s", problem)
    added = 0
    with db.engine.connect() as connection:
        for rows, events in _matched_rows(db, index, ids, watchers, oldest, max(batch, SORTED_ROWS)):
            rows.sort()  # subscriber-major, as the ledger's indexes: each batch writes pages in order
            for first in range(0, len(rows), batch):
                added += ledger.add_pending(connection, rows[first:first + batch], now, events=events)
                connection.commit()
        _advance(connection, list(watchers), ids[-1])
        connection.commit()
    return added
