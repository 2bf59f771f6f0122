"""Queueing matches and sending the digests that are due.

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

:func:`send_due_digests` sends one digest per due subscriber holding every
pending visit, through :mod:`notifier.delivery`.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from pathlib import Path

from sqlalchemy import Connection, func, select, update

from core.config import Config
from core.db.engine import Database
from core.db.models import Delivery, SubscriberRow, VisitRow
from core.store import StoredVisit, load_visits
from notifier import ledger
from notifier.matching import WatchIndex

log = logging.getLogger(__name__)
FIRST_LOOKBACK = timedelta(days=7)
FREQUENCIES = ("immediate", "daily", "weekly")
_CHUNK = 500
BATCH = 5000  # ledger rows per INSERT of queue_new_matches


@dataclass
class PlannedDigest:
    """One digest of a run: who, how many visits, the subject, and what happened."""

    email: str
    visits: int
    subject: str
    outcome: str = "planned"  # planned | sent | written | deferred | failed | bounced


@dataclass
class DigestReport:
    subscribers: int = 0  # subscribers with a digest due
    digests_sent: int = 0
    visits_delivered: int = 0
    failures: int = 0
    gave_up: int = 0  # ledger rows marked failed this run
    bounced: int = 0
    deferred: int = 0  # not attempted: the server was unavailable
    digests: list[PlannedDigest] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def load_visits_by_id(db: Database, ids: Collection[int]) -> dict[int, StoredVisit]:
    ordered = sorted(ids)
    found: dict[int, StoredVisit] = {}
    for start in range(0, len(ordered), _CHUNK):
        found.update((v.id, v) for v in load_visits(db, ids=ordered[start:start + _CHUNK]))
    return found


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


def _sent_events(db: Database, visits: Sequence[StoredVisit]) -> set[tuple[int, int]]:
    """(subscriber, event) pairs already mailed, for the events that ``visits`` report again."""
    events = sorted({v.event for v in visits if v.event_id is not None})
    if not events:
        return set()
    event = func.coalesce(VisitRow.event_id, VisitRow.id)
    query = (select(Delivery.subscriber_id, event).join(VisitRow, VisitRow.id == Delivery.visit_id)
             .where(Delivery.state == "sent")
             .where(VisitRow.id.in_(events) | VisitRow.event_id.in_(events)))
    with db.session() as session:
        return {(sid, eid) for sid, eid in session.execute(query)}


def _visit_rows(index: WatchIndex, visit: StoredVisit, watchers: Mapping[int, Watcher],
                sent: Collection[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """The ledger rows one visit adds: (subscriber, visit, the watches that matched, one a line);
    none for a subscriber who already got the visit's event (another report of it, mailed before)."""
    found: dict[int, list[str]] = defaultdict(list)
    for match in index.match(visit):
        if (match.subscriber_id, visit.event) not in sent:
            found[match.subscriber_id].append(match.watch)
    for subscriber_id, watches in found.items():
        if watchers[subscriber_id].wants(visit):
            yield subscriber_id, visit.id, "\n".join(watches)


def _matched_rows(db: Database, index: WatchIndex, ids: Sequence[int], watchers: Mapping[int, Watcher],
                  oldest: date | None) -> Iterator[tuple[int, int, str]]:
    """The ledger rows of the visits ``ids``, read _CHUNK visits at a time."""
    for start in range(0, len(ids), _CHUNK):
        visits = list(load_visits_by_id(db, ids[start:start + _CHUNK]).values())
        sent = _sent_events(db, visits)
        for visit in visits:
            if oldest is None or visit_day(visit) >= oldest:
                yield from _visit_rows(index, visit, watchers, sent)


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

    Rows go to the ledger ``batch`` at a time, each batch one INSERT ... ON CONFLICT DO NOTHING
    in its own transaction, so memory stays bounded whatever the number of subscribers, and a
    run cut short is completed by the next one without a row twice.
    """
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
        rows = _matched_rows(db, index, ids, watchers, oldest)
        while chunk := list(islice(rows, batch)):
            added += ledger.add_pending(connection, chunk, now)
            connection.commit()
        _advance(connection, list(watchers), ids[-1])
        connection.commit()
    return added


def send_due_digests(db: Database, config: Config, now: datetime, *, outbox: Path | None = None,
                     dry_run: bool = False, only: Collection[str] = FREQUENCIES, force: bool = False,
                     secret: str | None = None, copy_to: Path | None = None,
                     progress: Callable[[PlannedDigest], None] | None = None,
                     guard: Callable[[], bool] | None = None,
                     retry_now: bool = False) -> DigestReport:
    """Send every digest due at ``now`` (naive UTC).

    ``force`` sends now regardless of send_at/weekday; ``outbox`` writes .eml files instead of
    sending (and records them as delivered); ``dry_run`` only lists what would go;
    ``copy_to`` also writes ``<n>-<email>.eml`` and ``.html`` for each message the server accepted;
    ``secret`` signs unsubscribe links instead of the environment variable ``digest.secret_env``;
    ``guard``, asked before each send, stops the run when it says no (the daemon's lock lease);
    ``retry_now`` sends rows waiting in retry back-off now. Settings that cannot send (no
    ``smtp.host``, a missing password variable) raise MailConfigError before anything is sent.
    """
    from notifier.delivery import DigestRun

    run = DigestRun(db, config, now, outbox=outbox, dry_run=dry_run, only=only, force=force,
                    secret=secret, copy_to=copy_to, progress=progress, guard=guard,
                    retry_now=retry_now)
    return run.run()


def last_digest(db: Database) -> datetime | None:
    """When any digest was last accepted (for ``status``)."""
    with db.session() as session:
        return session.scalar(select(func.max(SubscriberRow.last_digest_at)))
