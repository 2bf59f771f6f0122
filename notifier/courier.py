"""Carrying one built digest to the server (or the outbox) and recording it in the ledger.

The delivery run hands :class:`Courier` one :class:`Parcel` at a time and gets a
:class:`Receipt` back once the message is sent and its ledger rows are written. The rows
are marked sent right after the server accepted the message, in their own transaction, so
a killed process repeats at most the one message in flight.

No thread and no worker process: in the delivery benchmark (benchmarks/digest.py,
interleaved rounds on a loaded two-CPU machine), building in forked workers gained
no more than the noise, and the plain loop stays faster than a plain
render-and-send_message loop, so the courier carries each parcel in turn.

Before each message the courier makes sure it still may send: the run's
``guard`` (the daemon's lock lease, renewed by the call) must say yes, and the
message's ledger rows must be claimed for this process (:func:`notifier.ledger.claim`).
A process paused past its lease and resumed therefore sends nothing another
process has taken over, and never a row another sender claimed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol, cast

from sqlalchemy import Connection, Table, update

from core.db.engine import Database
from core.db.models import SubscriberRow
from core.mail import MailError, MailUnavailable, RecipientRejected, Wire
from core.owner import process_owner
from notifier import ledger

_SUBSCRIBERS = cast(Table, SubscriberRow.__table__)


@dataclass
class Parcel:
    """One built digest: its envelope and bytes, and the ledger rows it carries."""

    subscriber_id: int
    attempts: dict[int, int]  # ledger row id -> failed attempts so far
    next_digest_at: datetime | None  # the subscriber's next slot, set once nothing is left pending
    wire: Wire
    outbox_path: Path | None = None
    note: object = None  # anything the sender wants back with the receipt


@dataclass
class Receipt:
    """What became of a parcel: ``sent``, ``written``, ``failed`` or ``bounced``; ``withheld`` (the run
    lost its lease: it must stop) or ``taken`` (another sender has claimed or sent its rows)."""

    parcel: Parcel
    outcome: str
    error: MailError | None = None
    gave_up: int = 0  # ledger rows that reached the attempt limit
    path: Path | None = None

    @property
    def server_unavailable(self) -> bool:
        return isinstance(self.error, MailUnavailable)

    @property
    def ends_run(self) -> bool:
        """The server is unavailable, or this process may no longer send."""
        return self.server_unavailable or self.outcome == "withheld"


class Transport(Protocol):
    def send(self, wire: Wire) -> None: ...

    def close(self) -> None: ...


@dataclass
class Courier:
    """Sends one parcel at a time and records the outcome in the ledger.

    A parcel with an ``outbox_path`` is written there; any other goes through the transport that
    ``connect`` makes (for the first such parcel). ``pending`` maps each
    subscriber to all its pending row ids, read when the run started, to tell whether a sent
    digest left any behind (then the schedule does not move); rows queued while the run goes are
    seen by the next run, as if they had come just after it. ``guard`` (None: always) says whether
    this process may still send; ``owner`` is the name its ledger claims carry.
    """

    db: Database
    now: datetime
    connect: Callable[[], Transport]
    pending: dict[int, set[int]]
    guard: Callable[[], bool] | None = None
    owner: str = field(default_factory=process_owner)
    _connection: Connection | None = field(default=None, init=False)
    _mailer: Transport | None = field(default=None, init=False)

    def close(self) -> None:
        """Close the SMTP and database connections."""
        try:
            if self._mailer is not None:
                self._mailer.close()
        finally:
            if self._connection is not None:
                self._connection.close()

    def carry(self, parcel: Parcel) -> Receipt:
        """Send (or write) ``parcel`` if this process still may, and record what became of it."""
        if self._connection is None:
            self._connection = self.db.engine.connect()
        if self.guard is not None and not self.guard():
            return Receipt(parcel, "withheld")
        claimed = ledger.claim(self._connection, parcel.attempts, self.owner)
        self._connection.commit()
        if not claimed:
            return Receipt(parcel, "taken")
        try:
            path = self._hand_over(parcel)
        except MailError as exc:
            return self._failed(self._connection, parcel, exc)
        self._record_sent(self._connection, parcel)
        return Receipt(parcel, "written" if path is not None else "sent", path=path)

    def _hand_over(self, parcel: Parcel) -> Path | None:
        if parcel.outbox_path is not None:
            parcel.outbox_path.write_bytes(parcel.wire.data)
            return parcel.outbox_path
        if self._mailer is None:
            self._mailer = self.connect()
        self._mailer.send(parcel.wire)
        return None

    def _record_sent(self, session: Connection, parcel: Parcel) -> None:
        """Two UPDATEs in one transaction: the rows sent; the subscriber's last (and next) digest."""
        subscriber_id, ids = parcel.subscriber_id, list(parcel.attempts)
        ledger.mark_sent(session, ids, parcel.wire.message_id, self.now, self.owner)
        left = self.pending.get(subscriber_id, set()).difference(ids)
        self.pending[subscriber_id] = left
        values: dict[str, datetime | None] = {"last_digest_at": self.now}
        if not left:
            values["next_digest_at"] = parcel.next_digest_at
        session.execute(update(_SUBSCRIBERS).where(_SUBSCRIBERS.c.id == subscriber_id).values(**values))
        session.commit()

    def _failed(self, session: Connection, parcel: Parcel, exc: MailError) -> Receipt:
        error = f"{type(exc).__name__}: {exc}"
        if isinstance(exc, RecipientRejected):
            ledger.mark_bounced(session, parcel.subscriber_id, parcel.attempts, error)
            receipt = Receipt(parcel, "bounced", exc)
        else:
            gave_up = ledger.mark_attempt_failed(session, parcel.attempts, error, self.now)
            receipt = Receipt(parcel, "failed", exc, gave_up)
        session.commit()
        return receipt
