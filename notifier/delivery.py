"""One digest run: pick the due subscribers, build each digest, hand it to SMTP or the outbox.

The ledger is updated per message, right after the server accepted it (or
the .eml file was written), in its own transaction. Failures follow
:mod:`notifier.mailer`: a 4xx or a rejected message counts an attempt and
backs off; a refused recipient marks the subscriber ``bouncing``; an
unreachable server counts an attempt for that digest and ends the run
(the rest stay pending, untouched, for the next run).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from core.config import Config
from core.db.engine import Database
from core.db.models import Delivery, SubscriberRow
from core.store import StoredVisit
from notifier import ledger
from notifier.compose import DigestItem, ViewCache, build_context
from notifier.digests import DigestReport, PlannedDigest, load_visits_by_id
from notifier.mailer import Mailer, MailError, MailUnavailable, RecipientRejected
from notifier.matching import Match, WatchIndex
from notifier.message import build_message, make_message_id, message_bytes
from notifier.render import RenderedDigest, render_digest
from notifier.schedule import is_due, next_slot, schedule_next
from notifier.unsubscribe import make_token, resolve_secret, unsubscribe_links

DRY_RUN_SECRET = "dry-run: links are not valid"
_SUBSCRIBERS = cast(Table, SubscriberRow.__table__)


def safe_filename(email: str) -> str:
    return re.sub(r"[^A-Za-z0-9@._+-]", "_", email)


class RunMatcher:
    """The watches of a run's subscribers in one :class:`WatchIndex`; each visit is matched once.

    A subscriber's matches come out in the order its own index would give them (its watches by
    first appearance of their canonical text), so sharing the index changes nothing in a digest.
    """

    def __init__(self, subscribers: Sequence[SubscriberRow], topics: dict[str, list[str]]) -> None:
        self.index = WatchIndex.build(subscribers, topics)
        self._by_visit: dict[int, dict[int, list[Match]]] = {}
        self._rank: dict[int, dict[str, int]] = {}

    def _ranks(self, subscriber: SubscriberRow) -> dict[str, int]:
        ranks = self._rank.get(subscriber.id)
        if ranks is None:
            canonical = self.index.canonical
            order: dict[str, int] = {}
            for text in subscriber.watches:
                if text in canonical:
                    order.setdefault(canonical[text], len(order))
            ranks = self._rank[subscriber.id] = {text: order[canonical[text]]
                                                 for text in subscriber.watches if text in canonical}
        return ranks

    def match(self, subscriber: SubscriberRow, stored: StoredVisit) -> list[Match]:
        per_subscriber = self._by_visit.get(stored.id)
        if per_subscriber is None:
            per_subscriber = self._by_visit[stored.id] = defaultdict(list)
            for match in self.index.match(stored):
                per_subscriber[match.subscriber_id].append(match)
        matches = per_subscriber.get(subscriber.id, [])
        if len(matches) > 1:
            ranks = self._ranks(subscriber)
            matches = sorted(matches, key=lambda m: ranks[m.watch])
        return matches


def digest_items(subscriber: SubscriberRow, rows: Sequence[Delivery], visits: dict[int, StoredVisit],
                 topics: dict[str, list[str]], matcher: RunMatcher | None = None) -> list[DigestItem]:
    """The visits of ``rows`` with the subscriber's current watches re-matched for the terms found.

    ``matcher`` holds the watches of every subscriber of the run (it must include this one).
    """
    if matcher is None:
        matcher = RunMatcher([subscriber], topics)
    items = []
    for row in sorted(rows, key=lambda r: r.visit_id):
        stored = visits.get(row.visit_id)
        if stored is None:
            continue
        matches = matcher.match(subscriber, stored)
        if not matches:  # the watches changed since: say which watch queued it
            matches = [Match(subscriber.id, w, ()) for w in row.watch.splitlines() if w]
        items.append(DigestItem(stored, matches))
    return items


class DigestRun:
    def __init__(self, db: Database, config: Config, now: datetime, *, outbox: Path | None,
                 dry_run: bool, only: Collection[str], force: bool, secret: str | None,
                 copy_to: Path | None, progress: Callable[[PlannedDigest], None] | None) -> None:
        self.db, self.config, self.now = db, config, now
        self.outbox, self.dry_run, self.only, self.force = outbox, dry_run, set(only), force
        self.copy_to, self.progress = copy_to, progress
        self._secret = DRY_RUN_SECRET if dry_run else secret
        self.report = DigestReport()
        self.mailer: Mailer | None = None
        self.topics = config.topic_keywords()
        self.matcher: RunMatcher | None = None
        self.views = ViewCache()
        self.pending: dict[int, set[int]] = {}  # subscriber id -> its pending rows, read once per run

    @property
    def secret(self) -> str:
        """The link-signing secret, looked up when the first digest is built (SecretMissing if unset)."""
        if self._secret is None:
            self._secret = resolve_secret(self.config.settings.digest)
        return self._secret

    def run(self) -> DigestReport:
        for directory in (self.outbox, self.copy_to):
            if directory is not None and not self.dry_run:
                directory.mkdir(parents=True, exist_ok=True)
        try:
            with self.db.session() as session:
                self._run(session)
        finally:
            if self.mailer is not None:
                self.mailer.close()
        return self.report

    def _due(self, session: Session) -> list[SubscriberRow]:
        ready = ledger.pending_subscribers(session, self.now)
        waiting = ledger.with_pending(session)
        query = select(SubscriberRow).where(SubscriberRow.status == "active").order_by(SubscriberRow.id)
        due = []
        for row in session.scalars(query):
            if row.frequency not in self.only or not is_due(row, self.now, force=self.force):
                continue
            if row.id in ready:
                due.append(row)
            elif not self.dry_run and row.frequency != "immediate" and row.id not in waiting:
                schedule_next(row, self.now)  # nothing to say this time: wait for the next slot
        if not self.dry_run:
            session.commit()
        return due

    def _run(self, session: Session) -> None:
        due = self._due(session)
        self.report.subscribers = len(due)
        rows: dict[int, list[Delivery]] = defaultdict(list)
        ids = [s.id for s in due]
        self.pending = ledger.pending_ids(session, ids)
        for start in range(0, len(ids), 500):
            query = (select(Delivery).where(Delivery.subscriber_id.in_(ids[start:start + 500]))
                     .where(Delivery.state == "pending")
                     .where(Delivery.next_attempt_at.is_(None) | (Delivery.next_attempt_at <= self.now))
                     .order_by(Delivery.id))
            for row in session.scalars(query):
                rows[row.subscriber_id].append(row)
        visits = load_visits_by_id(self.db, {r.visit_id for group in rows.values() for r in group})
        self.matcher = RunMatcher(due, self.topics)
        for position, subscriber in enumerate(due):
            if not self._one(session, subscriber, rows[subscriber.id], visits):
                self.report.deferred = len(due) - position - 1
                self.report.digests.extend(PlannedDigest(s.email, len(rows[s.id]), "", "deferred")
                                           for s in due[position + 1:])
                break

    def _render(self, subscriber: SubscriberRow,
                items: list[DigestItem]) -> tuple[RenderedDigest, EmailMessage]:
        settings = self.config.settings
        links = unsubscribe_links(settings.digest, settings.smtp, make_token(self.secret, subscriber.id,
                                                                             subscriber.email))
        context = build_context(email=subscriber.email, frequency=subscriber.frequency,
                                timezone=subscriber.timezone, watches=subscriber.watches, items=items,
                                now=self.now, unsubscribe_url=links.https, unsubscribe_mailto=links.mailto,
                                cache=self.views)
        rendered = render_digest(context)
        message = build_message(rendered, sender=settings.smtp.sender, to=subscriber.email, links=links,
                                now=self.now, message_id=make_message_id(settings.smtp.sender))
        return rendered, message

    def _one(self, session: Session, subscriber: SubscriberRow, rows: list[Delivery],
             visits: dict[int, StoredVisit]) -> bool:
        """Build and deliver one digest; False when the server is unavailable (end the run)."""
        items = digest_items(subscriber, rows, visits, self.topics, self.matcher)
        if not items:
            return True
        rendered, message = self._render(subscriber, items)
        planned = PlannedDigest(subscriber.email, len(items), rendered.subject)
        self.report.digests.append(planned)
        if self.dry_run:
            return True
        data = message_bytes(message)  # flattened once: sent (or written), then copied
        keep_going = self._deliver(session, subscriber, rows, message, data, planned)
        if planned.outcome in ("sent", "written"):
            self._copy(subscriber, rendered, data)
        if self.progress is not None:
            self.progress(planned)
        return keep_going

    def _deliver(self, session: Session, subscriber: SubscriberRow, rows: list[Delivery],
                 message: EmailMessage, data: bytes, planned: PlannedDigest) -> bool:
        try:
            if self.outbox is not None:
                name = f"{self.report.digests_sent + 1:04d}-{safe_filename(subscriber.email)}.eml"
                path = self.outbox / name
                path.write_bytes(data)
                self.report.files.append(path)
            else:
                if self.mailer is None:
                    self.mailer = Mailer(self.config.settings.smtp)
                self.mailer.send(message, data)
        except MailError as exc:
            self._failed(session, subscriber, rows, exc, planned)
            return not isinstance(exc, MailUnavailable)
        self._record_sent(session, subscriber, [r.id for r in rows], str(message["Message-ID"]))
        planned.outcome = "written" if self.outbox is not None else "sent"
        self.report.digests_sent += 1
        self.report.visits_delivered += len(rows)
        return True

    def _record_sent(self, session: Session, subscriber: SubscriberRow, ids: list[int],
                     message_id: str) -> None:
        """The accepted message's rows marked sent, in one transaction: two UPDATEs, no ORM flush.

        ``self.pending`` (read when the run started) says whether the subscriber has rows left; rows
        queued while the run goes are seen by the next run, as if they had come just after it.
        """
        ledger.mark_sent(session, ids, message_id, self.now)
        left = self.pending.get(subscriber.id, set()).difference(ids)
        self.pending[subscriber.id] = left
        values: dict[str, datetime | None] = {"last_digest_at": self.now}
        if not left:
            values["next_digest_at"] = next_slot(subscriber.frequency, subscriber.send_at, subscriber.weekday,
                                                 subscriber.timezone, self.now)
        session.execute(update(_SUBSCRIBERS).where(_SUBSCRIBERS.c.id == subscriber.id).values(**values))
        session.commit()
        for name, value in values.items():  # the row in memory says the same, and stays clean
            set_committed_value(subscriber, name, value)

    def _failed(self, session: Session, subscriber: SubscriberRow, rows: list[Delivery], exc: MailError,
                planned: PlannedDigest) -> None:
        error = f"{type(exc).__name__}: {exc}"
        self.report.errors.append(f"{subscriber.email}: {error}")
        if isinstance(exc, RecipientRejected):
            subscriber.status = "bouncing"
            for row in rows:
                row.last_error = error[:2000]
            planned.outcome = "bounced"
            self.report.bounced += 1
        else:
            self.report.gave_up += ledger.mark_attempt_failed(session, rows, error, self.now)
            planned.outcome = "failed"
            self.report.failures += 1
        session.commit()

    def _copy(self, subscriber: SubscriberRow, rendered: RenderedDigest, data: bytes) -> None:
        if self.copy_to is None:
            return
        stem = f"{self.report.digests_sent}-{safe_filename(subscriber.email)}"
        (self.copy_to / f"{stem}.eml").write_bytes(data)
        (self.copy_to / f"{stem}.html").write_text(rendered.html, encoding="utf-8")
        self.report.files.extend([self.copy_to / f"{stem}.eml", self.copy_to / f"{stem}.html"])


def preview_digest(db: Database, config: Config, email: str, now: datetime, output: Path, *,
                   secret: str | None = None) -> int:
    """Write the HTML digest ``email`` would get now (every pending visit) to ``output``.

    Return the number of visits (0: nothing pending, nothing written). Without a secret the
    unsubscribe links are placeholders that the server will refuse. LookupError: unknown email.
    """
    with db.session() as session:
        subscriber = session.scalar(select(SubscriberRow).where(SubscriberRow.email == email.strip().lower()))
        if subscriber is None:
            raise LookupError(f"no subscriber {email!r}")
        rows = ledger.pending_for(session, subscriber.id)
        run = DigestRun(db, config, now, outbox=None, dry_run=True, only=(), force=True, secret=None,
                        copy_to=None, progress=None)
        run._secret = secret or DRY_RUN_SECRET
        visits = load_visits_by_id(db, {r.visit_id for r in rows})
        items = digest_items(subscriber, rows, visits, run.topics)
        if not items:
            return 0
        rendered, _message = run._render(subscriber, items)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(rendered.html, encoding="utf-8")
    return len(items)
