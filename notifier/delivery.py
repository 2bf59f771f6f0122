"""Sending the digests that are due: :func:`send_due_digests` runs one :class:`DigestRun`, which picks
the due subscribers, builds each digest (:func:`render`) and hands it to SMTP or the outbox;
:func:`preview_digest` writes the digest one subscriber would get now, sending nothing.

A plain loop: each digest is built, then :class:`notifier.courier.Courier`
carries it (sends it, or writes it to the outbox) and updates the ledger, right after the server
accepted it (or the .eml file was written), in its own transaction. Failures follow
:mod:`core.mail`: a 4xx or a rejected message counts an attempt and
backs off; a refused recipient marks the subscriber ``bouncing`` (an address the rule of
:mod:`core.addresses` refuses, ``invalid``, before anything is built); an
unreachable server counts an attempt for that digest and ends the run
(the rest stay pending, untouched, for the next run).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.addresses import AddressError, check_address
from core.config import Config
from core.db.engine import Database
from core.db.models import Delivery, SubscriberRow
from core.mail import Mailer, to_wire
from core.stored_visits import StoredVisit, load_visits_by_id
from notifier import ledger
from notifier.compose import DigestItem, ViewCache, build_context, digest_items
from notifier.courier import Courier, Parcel, Receipt
from notifier.labels import reader_language
from notifier.matching import RunMatcher
from notifier.message import build_message, make_message_id
from notifier.render import RenderedDigest, render_digest
from notifier.schedule import is_due, next_slot, schedule_next
from notifier.tokens import self_service_links
from notifier.unsubscribe import make_token, resolve_secret, unsubscribe_links

DRY_RUN_SECRET = "dry-run: links are not valid"
MAX_HTML_BYTES = 100_000  # Gmail clips a message over 102 KB, and with it the unsubscribe footer
FREQUENCIES = ("immediate", "daily", "weekly")
logger = logging.getLogger(__name__)


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


def safe_filename(email: str) -> str:
    return re.sub(r"[^A-Za-z0-9@._+-]", "_", email)


def render(config: Config, subscriber: SubscriberRow, items: list[DigestItem], now: datetime, secret: str,
           views: ViewCache | None = None) -> tuple[RenderedDigest, EmailMessage]:
    """The digest of ``items`` for ``subscriber`` at ``now``, and the message that carries it; links are
    signed with ``secret``. The newest ``digest.max_visits`` visits, fewer while the HTML is over
    :data:`MAX_HTML_BYTES`. ``views`` shares each visit's drawing across the digests of a run."""
    settings = config.settings
    token = make_token(secret, subscriber.id, subscriber.email)
    links = unsubscribe_links(settings.digest, settings.smtp, token,
                              reader_language(subscriber.language, subscriber.watches))
    views = views if views is not None else ViewCache()
    limit = settings.digest.max_visits
    while True:
        context = build_context(email=subscriber.email, frequency=subscriber.frequency,
                                timezone=subscriber.timezone, watches=subscriber.watches, items=items,
                                now=now, unsubscribe_url=links.https, unsubscribe_mailto=links.mailto,
                                cache=views, max_visits=limit, language=subscriber.language,
                                **self_service_links(settings.digest, secret, subscriber.id,
                                                     subscriber.email))
        rendered = render_digest(context)
        if context.count <= 1 or len(rendered.html.encode()) <= MAX_HTML_BYTES:
            break
        limit = context.count - max(1, context.count // 5)
    message = build_message(rendered, sender=settings.smtp.sender, to=subscriber.email, links=links, now=now,
                            message_id=make_message_id(settings.smtp.sender))
    return rendered, message


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
    run = DigestRun(db, config, now, outbox=outbox, dry_run=dry_run, only=only, force=force,
                    secret=secret, copy_to=copy_to, progress=progress, guard=guard,
                    retry_now=retry_now)
    return run.run()


class DigestRun:
    def __init__(self, db: Database, config: Config, now: datetime, *, outbox: Path | None,
                 dry_run: bool, only: Collection[str], force: bool, secret: str | None,
                 copy_to: Path | None, progress: Callable[[PlannedDigest], None] | None,
                 guard: Callable[[], bool] | None = None,
                 retry_now: bool = False) -> None:
        self.db, self.config, self.now = db, config, now
        self.retry_now = retry_now  # send rows waiting in back-off now (`digest --force`)
        self.guard = guard  # asked before each send: may this process still send? (a lock's lease)
        self.outbox, self.dry_run, self.only, self.force = outbox, dry_run, set(only), force
        self.copy_to, self.progress = copy_to, progress
        self._secret = DRY_RUN_SECRET if dry_run else secret
        self.report = DigestReport()
        self.topics = config.topic_keywords()
        self.matcher: RunMatcher | None = None
        self.views = ViewCache()
        self.posted = 0  # parcels written to the outbox

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
        with self.db.session() as session:
            if not self.dry_run:
                ledger.free_claims(session)  # rows claimed by a sender that died
            due = self._due(session)
            rows, pending = self._pending_rows(session, due)
            session.commit()  # ends the read; the courier writes the ledger from here on
        self.report.subscribers = len(due)
        if rows and not self.dry_run and self.outbox is None:
            Mailer(self.config.settings.smtp)  # settings that cannot work stop the run: no back-off for them
        visits = load_visits_by_id(self.db, {r.visit_id for group in rows.values() for r in group})
        self.matcher = RunMatcher(due, self.topics)
        courier = Courier(self.db, self.now, lambda: Mailer(self.config.settings.smtp), pending, self.guard)
        try:
            self._send_all(courier, due, rows, visits)
        finally:
            courier.close()
        return self.report

    @property
    def ready_by(self) -> datetime:
        """Rows waiting for a retry until this time are sent now: ``now``, or (``retry_now``) any time."""
        return datetime.max if self.retry_now else self.now

    def _due(self, session: Session) -> list[SubscriberRow]:
        query = (select(SubscriberRow).where(SubscriberRow.status == "active")
                 .where(SubscriberRow.frequency.in_(sorted(self.only))).order_by(SubscriberRow.id))
        if not self.force:  # is_due, in SQL: only the subscribers whose time has come are loaded
            slot, frequency = SubscriberRow.next_digest_at, SubscriberRow.frequency
            query = query.where((frequency == "immediate") | slot.is_(None) | (slot <= self.now))
        timely = [row for row in session.scalars(query) if is_due(row, self.now, force=self.force)]
        ready, waiting = ledger.pending_state(session, [row.id for row in timely], self.ready_by)
        due = []
        for row in timely:
            if row.id in ready:
                due.append(row)
            elif not self.dry_run and row.frequency != "immediate" and row.id not in waiting:
                schedule_next(row, self.now)  # nothing to say this time: wait for the next slot
        due = self._addressable(due)
        if not self.dry_run:
            session.commit()
        return due

    def _addressable(self, rows: list[SubscriberRow]) -> list[SubscriberRow]:
        """``rows`` whose address passes :func:`core.addresses.check_address`. Any other (a database
        from before the rule may hold one) is logged, marked ``invalid`` and skipped: one bad address
        holds up no one else's digest. Its pending rows stay queued for a corrected address."""
        kept = []
        for row in rows:
            try:
                check_address(row.email)
            except AddressError as exc:
                logger.error("subscriber %d: %s; marked invalid, no digest sent", row.id, exc)
                self.report.errors.append(f"{row.email!r}: marked invalid, no digest sent: {exc.reason} "
                                          "(`subscribers remove` it and `subscribers add` the right one)")
                if not self.dry_run:
                    row.status, row.updated_at = "invalid", self.now
                continue
            kept.append(row)
        return kept

    def _pending_rows(self, session: Session, due: list[SubscriberRow]
                      ) -> tuple[dict[int, list[Delivery]], dict[int, set[int]]]:
        """The rows ready to go per due subscriber, and the ids of all its pending rows."""
        rows: dict[int, list[Delivery]] = defaultdict(list)
        ids = [s.id for s in due]
        for start in range(0, len(ids), 500):
            query = (select(Delivery).where(Delivery.subscriber_id.in_(ids[start:start + 500]))
                     .where(Delivery.state == "pending")
                     .where(Delivery.next_attempt_at.is_(None) | (Delivery.next_attempt_at <= self.ready_by))
                     .order_by(Delivery.id))
            for row in session.scalars(query):
                rows[row.subscriber_id].append(row)
        return rows, ledger.pending_ids(session, ids)

    def _send_all(self, courier: Courier, due: list[SubscriberRow], rows: dict[int, list[Delivery]],
                  visits: dict[int, StoredVisit]) -> None:
        """Build and send each digest in turn; stop if the server is unavailable."""
        if not due:
            return
        _ = self.secret  # a missing secret stops the run here, before anything is built
        for position, subscriber in enumerate(due):
            built = self._build(subscriber, rows[subscriber.id], visits)
            if built is not None and not self._post(courier, *built):
                later = due[position + 1:]  # not attempted: they wait for the next run
                self.report.deferred = len(later)
                self.report.digests.extend(PlannedDigest(s.email, len(rows[s.id]), "", "deferred")
                                           for s in later)
                return

    def _post(self, courier: Courier, planned: PlannedDigest, parcel: Parcel | None) -> bool:
        """Send this digest and book its receipt; False when the server is unavailable or this
        process may no longer send."""
        self.report.digests.append(planned)
        if parcel is None:  # dry run
            return True
        if self.outbox is not None:
            self.posted += 1
            parcel.outbox_path = self.outbox / f"{self.posted:04d}-{safe_filename(planned.email)}.eml"
        return self._settle(courier.carry(parcel))

    def _build(self, subscriber: SubscriberRow, rows: list[Delivery],
               visits: dict[int, StoredVisit]) -> Built | None:
        """The subscriber's digest, and the parcel for the courier (none in a dry run); None when
        there is nothing to send."""
        items = digest_items(subscriber, rows, visits, self.topics, self.matcher)
        if not items:
            return None
        rendered, message = render(self.config, subscriber, items, self.now, self.secret, self.views)
        planned = PlannedDigest(subscriber.email, len(items), rendered.subject)
        if self.dry_run:
            return planned, None
        slot = next_slot(subscriber.frequency, subscriber.send_at, subscriber.weekday, subscriber.timezone,
                         self.now)
        note = Sent(planned, rendered.html if self.copy_to is not None else "")
        return planned, Parcel(subscriber_id=subscriber.id, attempts={r.id: r.attempts for r in rows},
                               next_digest_at=slot, wire=to_wire(message), note=note)

    def _settle(self, receipt: Receipt) -> bool:
        """Book a receipt in the report (and copy what went out); False when the server is unavailable
        or this process may no longer send."""
        parcel, note = receipt.parcel, cast(Sent, receipt.parcel.note)
        planned = note.planned
        planned.outcome = receipt.outcome
        if receipt.outcome in ("withheld", "taken"):  # not ours to send (any more): nothing to count
            logger.warning("digest to %s not sent: %s", planned.email, "this process lost its lock"
                           if receipt.outcome == "withheld" else "another sender has claimed or sent it")
        elif receipt.error is not None:
            self.report.errors.append(f"{planned.email}: {type(receipt.error).__name__}: {receipt.error}")
            if receipt.outcome == "bounced":
                self.report.bounced += 1
            else:
                self.report.failures += 1
                self.report.gave_up += receipt.gave_up
        else:
            self.report.digests_sent += 1
            self.report.visits_delivered += len(parcel.attempts)
            if receipt.path is not None:
                self.report.files.append(receipt.path)
            self._copy(planned.email, note.html, parcel.wire.data)
        if self.progress is not None:
            self.progress(planned)
        return not receipt.ends_run

    def _copy(self, email: str, html: str, data: bytes) -> None:
        if self.copy_to is None:
            return
        stem = f"{self.report.digests_sent}-{safe_filename(email)}"
        (self.copy_to / f"{stem}.eml").write_bytes(data)
        (self.copy_to / f"{stem}.html").write_text(html, encoding="utf-8")
        self.report.files.extend([self.copy_to / f"{stem}.eml", self.copy_to / f"{stem}.html"])


@dataclass(frozen=True)
class Sent:
    """What the run keeps about a parcel for its report (the HTML only when copies are kept)."""

    planned: PlannedDigest
    html: str


Built = tuple[PlannedDigest, Parcel | None]


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
        try:
            check_address(subscriber.email)
        except AddressError as exc:
            raise LookupError(f"subscriber {subscriber.email!r}: invalid address: {exc.reason}") from None
        rows = ledger.pending_for(session, subscriber.id)
        visits = load_visits_by_id(db, {r.visit_id for r in rows})
        items = digest_items(subscriber, rows, visits, config.topic_keywords())
        if not items:
            return 0
        rendered, _message = render(config, subscriber, items, now, secret or DRY_RUN_SECRET)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(rendered.html, encoding="utf-8")
    return len(items)
