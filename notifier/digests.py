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
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select, update

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


def _start_id(db: Database, subscribers: Collection[SubscriberRow]) -> int:
    """The highest visit id every subscriber has already seen (or is too old for a newcomer)."""
    seen = [s.matched_visit_id for s in subscribers if s.matched_visit_id]
    newcomers = [s.created_at for s in subscribers if not s.matched_visit_id]
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


def _collect(index: WatchIndex, visits: Sequence[StoredVisit], subscribers: Mapping[int, SubscriberRow],
             oldest: date | None, sent: Collection[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Ledger rows for the matches; a visit whose event the subscriber already got (another report
    of it, mailed before) is not queued again."""
    rows: dict[tuple[int, int], list[str]] = defaultdict(list)
    for visit in visits:
        if oldest is not None and visit_day(visit) < oldest:
            continue
        for match in index.match(visit):
            if (match.subscriber_id, visit.event) in sent:
                continue
            subscriber = subscribers[match.subscriber_id]
            if visit.id <= subscriber.matched_visit_id:
                continue
            if subscriber.matched_visit_id == 0 and visit.created_at < subscriber.created_at - FIRST_LOOKBACK:
                continue
            rows[(match.subscriber_id, visit.id)].append(match.watch)
    return [(sid, vid, "\n".join(watches)) for (sid, vid), watches in rows.items()]


def queue_new_matches(db: Database, topics: Mapping[str, Sequence[str]], now: datetime, *,
                      fresh_days: int | None = None) -> int:
    """Add pending ledger rows for visits not yet matched (with ``fresh_days``: only those dated
    within that many days of ``now``); return how many were added."""
    oldest = (now - timedelta(days=fresh_days)).date() if fresh_days is not None else None
    with db.session() as session:
        subscribers = {s.id: s for s in session.scalars(
            select(SubscriberRow).where(SubscriberRow.status == "active"))}
    if not subscribers:
        return 0
    ids = _new_visit_ids(db, _start_id(db, subscribers.values()))
    if not ids:
        return 0
    index = WatchIndex.build(subscribers.values(), topics)
    for problem in index.problems:
        log.warning("watches: %s", problem)
    added = 0
    for start in range(0, len(ids), _CHUNK):
        visits = list(load_visits_by_id(db, ids[start:start + _CHUNK]).values())
        rows = _collect(index, visits, subscribers, oldest, _sent_events(db, visits))
        with db.session() as session, session.begin():
            added += ledger.add_pending(session, rows, now)
    with db.session() as session, session.begin():
        session.execute(update(SubscriberRow).where(SubscriberRow.id.in_(list(subscribers)))
                        .where(SubscriberRow.matched_visit_id < ids[-1]).values(matched_visit_id=ids[-1]))
    return added


def send_due_digests(db: Database, config: Config, now: datetime, *, outbox: Path | None = None,
                     dry_run: bool = False, only: Collection[str] = FREQUENCIES, force: bool = False,
                     secret: str | None = None, copy_to: Path | None = None,
                     progress: Callable[[PlannedDigest], None] | None = None,
                     workers: int | None = None, guard: Callable[[], bool] | None = None,
                     retry_now: bool = False) -> DigestReport:
    """Send every digest due at ``now`` (naive UTC).

    ``force`` sends now regardless of send_at/weekday; ``outbox`` writes .eml files instead of
    sending (and records them as delivered); ``dry_run`` only lists what would go;
    ``copy_to`` also writes ``<n>-<email>.eml`` and ``.html`` for each message the server accepted;
    ``secret`` signs unsubscribe links instead of the environment variable ``digest.secret_env``;
    ``workers`` sets how many processes build digests (None: as many as pay off; 0 or 1: none);
    ``guard``, asked before each send, stops the run when it says no (the daemon's lock lease);
    ``retry_now`` sends rows waiting in retry back-off now. Settings that cannot send (no
    ``smtp.host``, a missing password variable) raise MailConfigError before anything is sent.
    """
    from notifier.delivery import DigestRun

    run = DigestRun(db, config, now, outbox=outbox, dry_run=dry_run, only=only, force=force,
                    secret=secret, copy_to=copy_to, progress=progress, workers=workers, guard=guard,
                    retry_now=retry_now)
    return run.run()


def last_digest(db: Database) -> datetime | None:
    """When any digest was last accepted (for ``status``)."""
    with db.session() as session:
        return session.scalar(select(func.max(SubscriberRow.last_digest_at)))
